import { startServiceProcess, testPeers, useTestDatabase, type ServiceProcess } from '@lep/testing';
import { registerCalendarCommands } from '../src/commands/calendar';
import { runProgram } from './run-program';

// The registry process the command reads, with its seeded notices: national 2025 and 2026, Xinjiang 2025.
let registry: ServiceProcess;
const databaseUrl = useTestDatabase('cli_calendar');
const run = (...args: string[]) =>
  runProgram((program) => registerCalendarCommands(program, { LEP_REGISTRY_URL: registry.url }), args);

afterAll(() => registry?.stop());

beforeAll(async () => {
  registry = await startServiceProcess('registry', {
    DATABASE_URL: databaseUrl(),
    KAFKA_BROKERS: testPeers().kafkaBrokers.join(','),
    AUTH_JWT_SECRET: 'cli-calendar-test-secret-at-least-32-chars',
  });
}, 120_000);

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

  it('answers past the loaded years, provisionally, saying why (no exit code 2)', async () => {
    // 25, 28–31 December, then 1 (not known to be a holiday) and 4 January 2027.
    expect(await run('calendar', 'add-working-days', '2026-12-24', '7')).toEqual({
      stdout: '2027-01-04\n',
      stderr:
        '暂定：缺少2027年全国节假日安排，暂按周六、周日休息计算。结果为暂定，录入该年度放假安排后重新计算\n',
      exitCode: 0,
    });
    expect(await run('calendar', 'add-working-days', '2025-12-29', '3', '--region', 'xinjiang')).toEqual({
      stdout: '2026-01-04\n',
      stderr:
        '暂定：缺少2026年新疆维吾尔自治区节假日安排，暂按全国节假日安排计算（未计入该地区的节假日）。结果为暂定，录入该年度放假安排后重新计算\n',
      exitCode: 0,
    });
  });

  it.each([
    [['2025-02-30', '7'], '日期“2025-02-30”无效，应为 YYYY-MM-DD 格式的有效公历日期'],
    [['2025/10/01', '7'], '日期“2025/10/01”无效，应为 YYYY-MM-DD 格式的有效公历日期'],
    [['2025-10-01', '--', '-1'], '工作日天数“-1”无效，应为非负整数'],
    [['2025-10-01', '1.5'], '工作日天数“1.5”无效，应为非负整数'],
    [['2025-10-01', 'seven'], '工作日天数“seven”无效，应为非负整数'],
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

  it('says so when the registry cannot be read (exit code 2)', async () => {
    const unreachable = await runProgram(
      (program) => registerCalendarCommands(program, { LEP_REGISTRY_URL: 'http://127.0.0.1:1' }),
      ['calendar', 'add-working-days', '2025-10-01', '1'],
    );
    expect(unreachable).toMatchObject({ stdout: '', exitCode: 2 });
    expect(unreachable.stderr).toMatch(/^无法从登记服务读取节假日安排（.+），请稍后重试\n$/);
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

  it('answers a Xinjiang date without a regional notice on the national days, provisionally', async () => {
    expect(await run('calendar', 'is-working-day', '2026-03-20', '--region', 'xinjiang')).toMatchObject({
      stdout: 'true\n',
      stderr: expect.stringMatching(/^暂定：缺少2026年新疆维吾尔自治区节假日安排/),
      exitCode: 0,
    });
  });

  it('fails with exit code 2 for a malformed date', async () => {
    expect(await run('calendar', 'is-working-day', '20250101')).toMatchObject({ stdout: '', exitCode: 2 });
  });

  it('leaves a missing argument to commander (usage error, exit code 1)', async () => {
    expect(await run('calendar', 'is-working-day')).toMatchObject({ stdout: '', exitCode: 1 });
  });
});
