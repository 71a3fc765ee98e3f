import { Finding, FindingKind } from '../finding';
import { maskPersonName, NamePolicy } from '../person-name';
import { overlaps, Span } from './spans';

export interface PersonNameOptions {
  penalisedPersonName?: string;
  namePolicy?: NamePolicy;
  otherPersonNames?: readonly string[];
}

interface NameRule {
  name: string;
  kind: FindingKind;
  replacement: string;
}

// A one-character "name" would wipe out ordinary words; registry entries that short are ignored.
const MIN_NAME_LENGTH = 2;

/**
 * Names from the case's person registry (domain.md §4: matched literally, no NER). Other natural persons always
 * become 姓+某; the penalised person follows the configured policy. Longer names win, so 张三丰 is not read as 张三.
 */
export function detectPersonNames(text: string, options: PersonNameOptions): Finding[] {
  const rules: NameRule[] = [];
  const penalised = options.penalisedPersonName?.trim() ?? '';
  const policy = options.namePolicy ?? 'surname-mou';
  if (penalised.length >= MIN_NAME_LENGTH && policy !== 'full-name') {
    rules.push({
      name: penalised,
      kind: 'penalised-person-name',
      replacement: maskPersonName(penalised, policy),
    });
  }
  for (const rawName of options.otherPersonNames ?? []) {
    const name = rawName.trim();
    if (name.length < MIN_NAME_LENGTH || name === penalised) continue;
    rules.push({ name, kind: 'other-person-name', replacement: maskPersonName(name, 'surname-mou') });
  }
  rules.sort((a, b) => b.name.length - a.name.length);

  const findings: Finding[] = [];
  const taken: Span[] = [];
  for (const rule of rules) {
    for (let start = text.indexOf(rule.name); start !== -1; start = text.indexOf(rule.name, start + 1)) {
      const span = { start, end: start + rule.name.length };
      if (taken.some((other) => overlaps(other, span))) continue;
      taken.push(span);
      findings.push({ kind: rule.kind, ...span, replacement: rule.replacement, needsReview: false });
    }
  }
  return findings;
}
