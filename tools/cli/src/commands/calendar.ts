import type { Command } from 'commander';
import {
  CalendarClient,
  CalendarError,
  Counted,
  InvalidWorkingDayCountError,
  type CalendarOptions,
  type CalendarRegion,
  type WorkingDayCalendar,
} from '@lep/calendar';
import { serviceUrl } from '../service-endpoints';

interface RegionFlag {
  region?: string;
}

const REGION_HELP = '节假日区域：xinjiang 叠加新疆维吾尔自治区节假日（默认仅全国节假日）';

/**
 * `lep calendar …`: working-day arithmetic on the registry's calendar (LEP_REGISTRY_URL), the one every service
 * counts on. The answer goes to stdout; when the registry lacks a year the count needed, the answer is the
 * provisional one every service would give and stderr says why (exit code 0). Errors print one Chinese line
 * and exit with code 2.
 */
export function registerCalendarCommands(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  const calendar = program.command('calendar').description('工作日日历（法定节假日及调休，读取登记服务）');
  const client = () => new CalendarClient({ registryUrl: serviceUrl('registry', env) });

  calendar
    .command('add-working-days')
    .description('计算某日之后第 n 个工作日（当日不计入，次日起算）')
    .argument('<date>', '起算日期 YYYY-MM-DD')
    .argument('<n>', '工作日天数')
    .option('--region <region>', REGION_HELP)
    .showHelpAfterError(false)
    .action((date: string, n: string, flags: RegionFlag, command: Command) =>
      runCalendarQuery(command, client(), (current) =>
        current.addWorkingDays(date, parseCount(n), regionOption(flags)),
      ),
    );

  calendar
    .command('is-working-day')
    .description('判断某日是否为工作日，输出 true 或 false')
    .argument('<date>', '日期 YYYY-MM-DD')
    .option('--region <region>', REGION_HELP)
    .showHelpAfterError(false)
    .action((date: string, flags: RegionFlag, command: Command) =>
      runCalendarQuery(command, client(), (current) => current.isWorkingDay(date, regionOption(flags))),
    );
}

async function runCalendarQuery(
  command: Command,
  client: CalendarClient,
  query: (calendar: WorkingDayCalendar) => Counted<string | boolean>,
): Promise<void> {
  let answer: Counted<string | boolean>;
  try {
    answer = await client.count(query);
  } catch (error) {
    if (error instanceof CalendarError) command.error(error.message, { exitCode: 2, code: 'lep.calendar' });
    throw error;
  }
  const output = command.configureOutput();
  output.writeOut?.(`${String(answer.value)}\n`);
  if (answer.provisional) output.writeErr?.(`暂定：${answer.provisional.reason}\n`);
}

// The library validates the region value; the flag only has to reach it unchanged.
function regionOption(flags: RegionFlag): CalendarOptions {
  return flags.region === undefined ? {} : { region: flags.region as CalendarRegion };
}

// Number('') is 0 and Number('1e1') is 10: only plain decimal digits are a count of days.
function parseCount(n: string): number {
  if (!/^\d+$/.test(n)) throw new InvalidWorkingDayCountError(n);
  return Number(n);
}
