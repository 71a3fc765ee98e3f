/**
 * How the penalised natural person's own name is shown (domain.md §4: a configurable policy, default 姓+某).
 * - surname-mou: 张三 → 张某
 * - surname-star: 张三 → 张*, one star per hidden character
 * - full-name: shown unchanged
 */
export type NamePolicy = 'surname-mou' | 'surname-star' | 'full-name';

/** Two-character surnames (复姓), so that 欧阳锋 becomes 欧阳某 and not 欧某. */
export const COMPOUND_SURNAMES: readonly string[] = (
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 澹台 ' +
  '公冶 万俟 闻人 申屠 太叔 濮阳 钟离 宗政 呼延 百里 东郭 拓跋 赫连 淳于 单于 司空 仲孙 左丘 公羊 谷梁 ' +
  '微生 羊舌 乐正 公良 漆雕 巫马 亓官 司寇 子车 颛孙 鲜于 闾丘 东门 公西 段干 第五'
).split(' ');

// Transliterated names (e.g. Uyghur 买买提·艾力) have no surname; each part keeps its first character.
const NAME_PART_SEPARATOR = /([·•・.])/;

export function maskPersonName(name: string, policy: NamePolicy = 'surname-mou'): string {
  const trimmed = name.trim();
  if (policy === 'full-name' || trimmed === '') return trimmed;
  if (NAME_PART_SEPARATOR.test(trimmed)) {
    return trimmed
      .split(NAME_PART_SEPARATOR)
      .map((part, index) => (index % 2 === 1 || part === '' ? part : maskPart(part, 1, policy)))
      .join('');
  }
  const characters = Array.from(trimmed);
  const surnameLength =
    characters.length >= 3 && COMPOUND_SURNAMES.includes(characters.slice(0, 2).join('')) ? 2 : 1;
  return maskPart(trimmed, surnameLength, policy);
}

function maskPart(part: string, keptLength: number, policy: 'surname-mou' | 'surname-star'): string {
  const characters = Array.from(part);
  const kept = characters.slice(0, keptLength).join('');
  const hiddenCount = Math.max(1, characters.length - keptLength);
  return kept + (policy === 'surname-mou' ? '某' : '*'.repeat(hiddenCount));
}
