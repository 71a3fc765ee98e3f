import type { Command } from 'commander';
import { FINDING_LABELS, maskText } from '@lep/masking';
import type { Finding, NamePolicy } from '@lep/masking';

interface MaskFlags {
  report?: boolean;
  penalisedPerson?: string;
  otherPerson: string[];
  namePolicy: string;
}

const NAME_POLICIES: readonly NamePolicy[] = ['surname-mou', 'surname-star', 'full-name'];

/**
 * `lep mask`: masks a document text from stdin for publication (domain.md §4) and prints it to stdout. A text that
 * needs a person's review is still printed, with a warning on stderr, so that it is never published unnoticed.
 */
export function registerMaskCommand(
  program: Command,
  stdin: AsyncIterable<Buffer | string> = process.stdin,
): void {
  program
    .command('mask')
    .description('对标准输入的文书文本进行公示脱敏，结果输出到标准输出')
    .option('--report', '在标准错误输出脱敏结果摘要')
    .option('--penalised-person <name>', '被处罚自然人姓名，按 --name-policy 显示')
    .option(
      '--other-person <name>',
      '其他自然人姓名（证人、代理人、亲属等），一律显示为姓+某，可重复',
      collect,
      [],
    )
    .option(
      '--name-policy <policy>',
      '被处罚人姓名显示方式：surname-mou（张某）、surname-star（张*）、full-name',
      'surname-mou',
    )
    .showHelpAfterError(false)
    .action(async (flags: MaskFlags, command: Command) => {
      if (!(NAME_POLICIES as readonly string[]).includes(flags.namePolicy)) {
        command.error(`姓名显示方式“${flags.namePolicy}”无效，应为 ${NAME_POLICIES.join('、')} 之一`, {
          exitCode: 2,
          code: 'lep.mask',
        });
      }
      const text = await readAll(stdin);
      const result = maskText(text, {
        penalisedPersonName: flags.penalisedPerson,
        otherPersonNames: flags.otherPerson,
        namePolicy: flags.namePolicy as NamePolicy,
      });
      const output = command.configureOutput();
      output.writeOut?.(result.masked);
      if (flags.report) output.writeErr?.(formatReport(result.findings));
      if (result.needsManualReview)
        output.writeErr?.('警告：文本含健康状况或存疑号码，须经人工审核后方可公示\n');
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function readAll(stdin: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  // Decoding once at the end keeps a multi-byte character split across chunks intact.
  return Buffer.concat(chunks).toString('utf8');
}

/** One line per finding, with 1-based character positions as a reader of the original text counts them. */
function formatReport(findings: Finding[]): string {
  if (findings.length === 0) return '脱敏摘要：未发现需处理的个人信息\n';
  const lines = findings.map((finding) => {
    const action = finding.replacement === null ? '保留原文，需人工审核' : `替换为 ${finding.replacement}`;
    const review = finding.replacement !== null && finding.needsReview ? '（需人工审核）' : '';
    return `  ${FINDING_LABELS[finding.kind]}：第 ${finding.start + 1}–${finding.end} 字符，${action}${review}`;
  });
  return `脱敏摘要：共 ${findings.length} 处\n${lines.join('\n')}\n`;
}
