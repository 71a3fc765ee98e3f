import type { Command } from 'commander';
import { addWorkingDays, CalendarError, InvalidWorkingDayCountError, isWorkingDay } from '@lep/calendar';
import type { CalendarOptions, CalendarRegion } from '@lep/calendar';

interface RegionFlag {
  region?: string;
}

const REGION_HELP = '节假日区域：xinjiang 叠加新疆维吾尔自治区节假日（默认仅全国节假日）';

/**
 * `lep calendar …`: working-day arithmetic on the bundled holiday notices, no service needed. Errors print one
 * Chinese line and exit with code 2.
 */
export function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('工作日日历（法定节假日及调休）');

  calendar
    .command('add-working-days')
    .description('计算某日之后第 n 个工作日（当日不计入，次日起算）')
    .argument('<date>', '起算日期 YYYY-MM-DD')
    .argument('<n>', '工作日天数')
    .option('--region <region>', REGION_HELP)
    .showHelpAfterError(false)
    .action((date: string, n: string, flags: RegionFlag, command: Command) => {
      runCalendarQuery(command, () => addWorkingDays(date, parseCount(n), regionOption(flags)));
    });

  calendar
    .command('is-working-day')
    .description('判断某日是否为工作日，输出 true 或 false')
    .argument('<date>', '日期 YYYY-MM-DD')
    .option('--region <region>', REGION_HELP)
    .showHelpAfterError(false)
    .action((date: string, flags: RegionFlag, command: Command) => {
      runCalendarQuery(command, () => String(isWorkingDay(date, regionOption(flags))));
    });
}

function runCalendarQuery(command: Command, query: () => string): void {
  let answer: string;
  try {
    answer = query();
  } catch (error) {
    if (error instanceof CalendarError) command.error(error.message, { exitCode: 2, code: 'lep.calendar' });
    throw error;
  }
  command.configureOutput().writeOut?.(`${answer}\n`);
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
