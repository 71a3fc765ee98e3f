import { DayNumber, formatCivilDate, isWeekend, parseCivilDate, yearOf } from './civil-date';
import {
  CalendarDataMissingError,
  InvalidHolidayArrangementError,
  InvalidWorkingDayCountError,
  UnknownCalendarRegionError,
} from './errors';
import { CALENDAR_REGIONS, CalendarRegion, HolidayArrangement, REGION_LABELS } from './holiday-arrangement';

export interface CalendarOptions {
  /** 'national' (default) applies the State Council layer; 'xinjiang' adds the autonomous-region layer on top. */
  region?: CalendarRegion;
}

interface Layer {
  daysOff: ReadonlySet<DayNumber>;
  makeUpWorkingDays: ReadonlySet<DayNumber>;
}

/**
 * Working days for deadline counting (DOMAIN §5, §6). Built from holiday-arrangement rows, whatever their
 * source (the seed in this library or the database), and strict: a day in a year whose notice is missing
 * for a needed layer is an error, never assumed to be an ordinary week.
 */
export class WorkingDayCalendar {
  private readonly layers = new Map<string, Layer>();

  constructor(arrangements: Iterable<HolidayArrangement>) {
    for (const arrangement of arrangements) {
      const layer = toLayer(arrangement);
      const key = layerKey(arrangement.region, arrangement.year);
      if (this.layers.has(key)) {
        throw new InvalidHolidayArrangementError(
          `${arrangement.year}年${REGION_LABELS[arrangement.region]}节假日安排重复录入`,
        );
      }
      this.layers.set(key, layer);
    }
  }

  isWorkingDay(date: string, options: CalendarOptions = {}): boolean {
    return this.isWorkingDayNumber(parseCivilDate(date), regionOf(options));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string, options: CalendarOptions = {}): string {
    return this.addWorkingDays(date, 1, options);
  }

  /**
   * The n-th working day after `date`: `date` itself (the decision day) is not counted and day 1 is the next
   * working day. n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: string, n: number, options: CalendarOptions = {}): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new InvalidWorkingDayCountError(n);
    const region = regionOf(options);
    let day = parseCivilDate(date);
    for (let counted = 0; counted < n;) {
      day += 1;
      if (this.isWorkingDayNumber(day, region)) counted += 1;
    }
    return formatCivilDate(day);
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string, options: CalendarOptions = {}): number {
    const region = regionOf(options);
    const [start, end] = [parseCivilDate(from), parseCivilDate(to)];
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (this.isWorkingDayNumber(day, region)) count += 1;
    }
    return sign * count;
  }

  private isWorkingDayNumber(day: DayNumber, region: CalendarRegion): boolean {
    // Later layers override earlier ones: a regional notice may close a day the national one keeps open.
    let working = !isWeekend(day);
    for (const layer of this.layersFor(yearOf(day), region)) {
      if (layer.daysOff.has(day)) working = false;
      if (layer.makeUpWorkingDays.has(day)) working = true;
    }
    return working;
  }

  private layersFor(year: number, region: CalendarRegion): Layer[] {
    const regions: CalendarRegion[] = region === 'national' ? ['national'] : ['national', region];
    return regions.map((layerRegion) => {
      const layer = this.layers.get(layerKey(layerRegion, year));
      if (!layer) throw new CalendarDataMissingError(year, layerRegion);
      return layer;
    });
  }
}

function regionOf(options: CalendarOptions): CalendarRegion {
  const region = options.region ?? 'national';
  if (!CALENDAR_REGIONS.includes(region)) throw new UnknownCalendarRegionError(region);
  return region;
}

function layerKey(region: CalendarRegion, year: number): string {
  return `${region}:${year}`;
}

function toLayer(arrangement: HolidayArrangement): Layer {
  const { region, year } = arrangement;
  if (!CALENDAR_REGIONS.includes(region)) throw new UnknownCalendarRegionError(region);
  const label = `${year}年${REGION_LABELS[region]}节假日安排`;
  const toDays = (dates: readonly string[]): Set<DayNumber> =>
    new Set(
      dates.map((date) => {
        const day = parseCivilDate(date);
        if (yearOf(day) !== year)
          throw new InvalidHolidayArrangementError(`${label}中的日期${date}不属于${year}年`);
        return day;
      }),
    );
  const daysOff = toDays(arrangement.daysOff);
  const makeUpWorkingDays = toDays(arrangement.makeUpWorkingDays);
  for (const day of daysOff) {
    if (makeUpWorkingDays.has(day)) {
      throw new InvalidHolidayArrangementError(
        `${label}中的日期${formatCivilDate(day)}同时被列为放假日和调休上班日`,
      );
    }
  }
  return { daysOff, makeUpWorkingDays };
}
