import { Readable } from 'node:stream';
import { runProgram } from '../../test/run-program';
import { registerMaskCommand } from './mask';

const run = (stdin: Readable, ...args: string[]) =>
  runProgram((program) => registerMaskCommand(program, stdin), ['mask', ...args]);

const decision =
  '当事人：王建国，公民身份号码：659001198503121237，住址：新疆石河子市北三路5号，联系电话：13899521234。\n' +
  '证人刘芳证实上述事实。罚款人民币50,000元。\n';

describe('lep mask', () => {
  it('prints the masked text, keeping its line breaks, and nothing on stderr', async () => {
    expect(await run(Readable.from([decision]))).toEqual({
      stdout:
        '当事人：王建国，公民身份号码：[身份证号已隐去]，住址：[住址已隐去]，联系电话：[手机号已隐去]。\n' +
        '证人刘芳证实上述事实。罚款人民币50,000元。\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('masks registry names with the chosen policy', async () => {
    const result = await run(
      Readable.from([decision]),
      '--penalised-person',
      '王建国',
      '--other-person',
      '刘芳',
      '--other-person',
      '李四',
      '--name-policy',
      'surname-star',
    );
    expect(result.stdout).toContain('当事人：王**，');
    expect(result.stdout).toContain('证人刘某证实');
  });

  it('prints a findings summary on stderr with --report', async () => {
    const result = await run(Readable.from([decision]), '--report', '--penalised-person', '王建国');
    expect(result.stderr).toBe(
      [
        '脱敏摘要：共 4 处',
        '  当事人姓名：第 5–7 字符，替换为 王某',
        '  身份证号：第 16–33 字符，替换为 [身份证号已隐去]',
        '  住址：第 38–48 字符，替换为 [住址已隐去]',
        '  手机号：第 55–65 字符，替换为 [手机号已隐去]',
        '',
      ].join('\n'),
    );
  });

  it('reports a clean text as such', async () => {
    expect(await run(Readable.from(['罚款人民币50,000元。']), '--report')).toEqual({
      stdout: '罚款人民币50,000元。',
      stderr: '脱敏摘要：未发现需处理的个人信息\n',
      exitCode: 0,
    });
  });

  it('warns on stderr, even without --report, when a person must review the text', async () => {
    const result = await run(Readable.from(['当事人称其患有糖尿病。']));
    expect(result.stdout).toBe('当事人称其患有糖尿病。');
    expect(result.stderr).toBe('警告：文本含健康状况或存疑号码，须经人工审核后方可公示\n');
  });

  it('lists review items in the report', async () => {
    const result = await run(Readable.from(['身份证号：659001198503121238，患有糖尿病']), '--report');
    expect(result.stderr).toContain('身份证号：第 6–23 字符，替换为 [身份证号已隐去]（需人工审核）');
    expect(result.stderr).toContain('健康状况：第 25–26 字符，保留原文，需人工审核');
  });

  it('decodes a character split across input chunks', async () => {
    const bytes = Buffer.from('住址：石河子市，电话13899521234');
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4, 11), bytes.subarray(11)];
    expect((await run(Readable.from(chunks))).stdout).toBe('住址：[住址已隐去]，电话[手机号已隐去]');
  });

  it('rejects an unknown name policy with one Chinese line and exit code 2', async () => {
    expect(await run(Readable.from([decision]), '--name-policy', 'initials')).toEqual({
      stdout: '',
      stderr: '姓名显示方式“initials”无效，应为 surname-mou、surname-star、full-name 之一\n',
      exitCode: 2,
    });
  });
});
