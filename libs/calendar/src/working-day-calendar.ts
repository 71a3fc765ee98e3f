import { DayNumber, formatCivilDate, isWeekend, parseCivilDate, yearOf } from './civil-date';
import {
  CalendarError,
  InvalidCalendarYearError,
  InvalidWorkingDayCountError,
  UnknownCalendarRegionError,
} from './errors';
import { CALENDAR_REGIONS, CalendarLayerRef, CalendarRegion, CalendarYear, layerName } from './calendar-year';
import { Counted, provisionalOf } from './provisional';

export interface CalendarOptions {
  /** 'national' (default) applies the State Council layer; 'xinjiang' adds the autonomous-region layer on top. */
  region?: CalendarRegion;
}

interface Layer {
  daysOff: ReadonlySet<DayNumber>;
  makeUpWorkingDays: ReadonlySet<DayNumber>;
}

/** A field of a year's notice that breaks a rule, named as the registry's API names it. */
export interface CalendarYearProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * What is wrong with one year's notice: a date that is no date or lies outside the year, a national day off that
 * is a weekend anyway, a make-up working day that is a weekday anyway, a date listed twice or both off and worked.
 * A regional notice may close a weekend day: the national notice may have made it a working day.
 */
export function calendarYearProblems(year: CalendarYear): CalendarYearProblem[] {
  const label = `${layerName(year)}节假日安排`;
  const problems: CalendarYearProblem[] = [];
  const seen = new Map<string, string>();
  const check = (field: 'daysOff' | 'makeUpWorkingDays', weekend: boolean | 'any') =>
    year[field].forEach((date, index) => {
      const at = `${field}[${index}]`;
      let day: DayNumber;
      try {
        day = parseCivilDate(date);
      } catch (error) {
        problems.push({ field: at, rule: 'date', message: (error as CalendarError).message });
        return;
      }
      if (yearOf(day) !== year.year)
        problems.push({ field: at, rule: 'inYear', message: `${label}中的日期${date}不属于${year.year}年` });
      else if (weekend !== 'any' && isWeekend(day) !== weekend)
        problems.push({
          field: at,
          rule: weekend ? 'weekend' : 'weekday',
          message: weekend
            ? `${label}中的调休上班日${date}不是周六或周日`
            : `${label}中的放假日${date}是周六或周日，只需列出放假的工作日`,
        });
      const earlier = seen.get(date);
      if (earlier)
        problems.push({
          field: at,
          rule: 'unique',
          message:
            earlier === field
              ? `${label}中的日期${date}重复列出`
              : `${label}中的日期${date}同时被列为放假日和调休上班日`,
        });
      seen.set(date, field);
    });
  check('daysOff', year.region === 'national' ? false : 'any');
  check('makeUpWorkingDays', true);
  return problems;
}

/**
 * Working days for deadline counting (domain.md §5, §6), built from the years the registry holds. It never
 * stops on a missing year and never guesses one: a count that needs a year whose notice is not loaded goes on
 * without that layer (no regional notice: the national days; no national notice: weekends) and comes back
 * marked provisional, naming the missing years.
 */
export class WorkingDayCalendar {
  private readonly layers = new Map<string, Layer>();

  constructor(years: Iterable<CalendarYear>) {
    for (const year of years) {
      if (!CALENDAR_REGIONS.includes(year.region)) throw new UnknownCalendarRegionError(year.region);
      const key = layerKey(year);
      if (this.layers.has(key)) throw new InvalidCalendarYearError(`${layerName(year)}节假日安排重复录入`);
      const [problem] = calendarYearProblems(year);
      if (problem) throw new InvalidCalendarYearError(problem.message);
      this.layers.set(key, {
        daysOff: new Set(year.daysOff.map(parseCivilDate)),
        makeUpWorkingDays: new Set(year.makeUpWorkingDays.map(parseCivilDate)),
      });
    }
  }

  /** Whether the notice of this layer and year is loaded. */
  has(layer: CalendarLayerRef): boolean {
    return this.layers.has(layerKey(layer));
  }

  isWorkingDay(date: string, options: CalendarOptions = {}): Counted<boolean> {
    const count = this.counting(options);
    return count.done(count.isWorkingDay(parseCivilDate(date)));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string, options: CalendarOptions = {}): Counted<string> {
    return this.addWorkingDays(date, 1, options);
  }

  /**
   * The n-th working day after `date`: `date` itself (the decision day) is not counted and day 1 is the next
   * working day. n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: string, n: number, options: CalendarOptions = {}): Counted<string> {
    if (!Number.isSafeInteger(n) || n < 0) throw new InvalidWorkingDayCountError(n);
    const count = this.counting(options);
    let day = parseCivilDate(date);
    for (let counted = 0; counted < n;) {
      day += 1;
      if (count.isWorkingDay(day)) counted += 1;
    }
    return count.done(formatCivilDate(day));
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string, options: CalendarOptions = {}): Counted<number> {
    const count = this.counting(options);
    const [start, end] = [parseCivilDate(from), parseCivilDate(to)];
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let days = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (count.isWorkingDay(day)) days += 1;
    }
    return count.done(sign * days);
  }

  /** One count: which days work in `region`, remembering every layer it needed and did not find. */
  private counting(options: CalendarOptions) {
    const region = options.region ?? 'national';
    if (!CALENDAR_REGIONS.includes(region)) throw new UnknownCalendarRegionError(region);
    const regions: CalendarRegion[] = region === 'national' ? ['national'] : ['national', region];
    const missing = new Map<string, CalendarLayerRef>();
    return {
      isWorkingDay: (day: DayNumber): boolean => {
        // Later layers override earlier ones: a regional notice may close a day the national one keeps open.
        let working = !isWeekend(day);
        for (const layerRegion of regions) {
          const ref = { region: layerRegion, year: yearOf(day) };
          const layer = this.layers.get(layerKey(ref));
          if (!layer) {
            missing.set(layerKey(ref), ref);
            continue;
          }
          if (layer.daysOff.has(day)) working = false;
          if (layer.makeUpWorkingDays.has(day)) working = true;
        }
        return working;
      },
      done: <T>(value: T): Counted<T> => ({ value, provisional: provisionalOf([...missing.values()]) }),
    };
  }
}

function layerKey({ region, year }: CalendarLayerRef): string {
  return `${region}:${year}`;
}
