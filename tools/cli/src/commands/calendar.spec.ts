import { runProgram } from '../../test/run-program';
import { registerCalendarCommands } from './calendar';

const run = (...args: string[]) => runProgram(registerCalendarCommands, args);

describe('lep calendar add-working-days', () => {
  it.each([
    [['2025-09-30', '7'], '2025-10-16'],
    [['2025-09-26', '20'], '2025-10-30'],
    [['2026-02-13', '1'], '2026-02-14'],
    [['2025-12-31', '1'], '2026-01-04'],
    [['2025-03-03', '0'], '2025-03-03'],
    [['2025-06-05', '1', '--region', 'xinjiang'], '2025-06-11'],
    [['2025-06-05', '1', '--region', 'national'], '2025-06-06'],
    [['--region', 'xinjiang', '2025-03-28', '1'], '2025-04-01'],
  ])('%j prints %s', async (args, expected) => {
    expect(await run('calendar', 'add-working-days', ...args)).toEqual({
      stdout: `${expected}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it.each([
    [['2025-02-30', '7'], '日期“2025-02-30”无效，应为 YYYY-MM-DD 格式的有效公历日期'],
    [['2025/10/01', '7'], '日期“2025/10/01”无效，应为 YYYY-MM-DD 格式的有效公历日期'],
    [['2025-10-01', '--', '-1'], '工作日天数“-1”无效，应为非负整数'],
    [['2025-10-01', '1.5'], '工作日天数“1.5”无效，应为非负整数'],
    [['2025-10-01', 'seven'], '工作日天数“seven”无效，应为非负整数'],
    [['2026-12-28', '7'], '缺少2027年全国节假日安排数据，无法计算工作日；请先录入该年度放假通知'],
    [
      ['2025-12-29', '3', '--region', 'xinjiang'],
      '缺少2026年新疆维吾尔自治区节假日安排数据，无法计算工作日；请先录入该年度放假通知',
    ],
    [
      ['2025-10-01', '1', '--region', 'tibet'],
      '节假日区域“tibet”无效，应为 national（全国）或 xinjiang（新疆）',
    ],
  ])('%j fails with one Chinese line on stderr and exit code 2', async (args, message) => {
    expect(await run('calendar', 'add-working-days', ...args)).toEqual({
      stdout: '',
      stderr: `${message}\n`,
      exitCode: 2,
    });
  });
});

describe('lep calendar is-working-day', () => {
  it.each([
    [['2025-09-28'], 'true'], // make-up Sunday
    [['2025-10-08'], 'false'],
    [['2026-02-28'], 'true'], // make-up Saturday
    [['2026-02-23'], 'false'],
    [['2025-03-31'], 'true'],
    [['2025-03-31', '--region', 'xinjiang'], 'false'], // 肉孜节
  ])('%j prints %s', async (args, expected) => {
    expect(await run('calendar', 'is-working-day', ...args)).toEqual({
      stdout: `${expected}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('fails with exit code 2 for a Xinjiang date without a regional notice', async () => {
    expect(await run('calendar', 'is-working-day', '2026-03-20', '--region', 'xinjiang')).toEqual({
      stdout: '',
      stderr: '缺少2026年新疆维吾尔自治区节假日安排数据，无法计算工作日；请先录入该年度放假通知\n',
      exitCode: 2,
    });
  });

  it('fails with exit code 2 for a malformed date', async () => {
    expect(await run('calendar', 'is-working-day', '20250101')).toMatchObject({ stdout: '', exitCode: 2 });
  });

  it('leaves a missing argument to commander (usage error, exit code 1)', async () => {
    expect(await run('calendar', 'is-working-day')).toMatchObject({ stdout: '', exitCode: 1 });
  });
});
