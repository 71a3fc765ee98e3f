import { invalidArgument } from '../errors';
import type { Proto } from '../execution';
import { durationMs, fromProtoTime } from '../time';

/** One `Range` of a StructuredCalendarSpec field: start..end (inclusive) every step. */
interface Range {
  start: number;
  end: number;
  step: number;
}

interface Calendar {
  second: Range[];
  minute: Range[];
  hour: Range[];
  dayOfMonth: Range[];
  month: Range[];
  /** Empty: every year. */
  year: Range[];
  dayOfWeek: Range[];
}

/** A ScheduleSpec compiled for evaluation; `next(after)` is the first fire time strictly after `after`. */
export interface CompiledSpec {
  next(after: number): number | undefined;
}

/** How far ahead a calendar is searched; a spec with no match in this many years never fires. */
const YEARS_AHEAD = 100;

function ranges(input: Proto[] | undefined | null, fallback: Range[]): Range[] {
  if (!input || input.length === 0) return fallback;
  return input.map((range) => {
    const start = Number(range.start ?? 0);
    const end = Number(range.end ?? 0);
    const step = Number(range.step ?? 0);
    // As Temporal reads a Range: an end before the start means just the start, a step of 0 means 1.
    return { start, end: end < start ? start : end, step: step > 0 ? step : 1 };
  });
}

function matches(value: number, field: Range[]): boolean {
  return field.some(
    (range) => value >= range.start && value <= range.end && (value - range.start) % range.step === 0,
  );
}

function compileCalendar(spec: Proto): Calendar {
  // Temporal's defaults: second, minute and hour 0; day, month and weekday every; year every.
  return {
    second: ranges(spec.second, [{ start: 0, end: 0, step: 1 }]),
    minute: ranges(spec.minute, [{ start: 0, end: 0, step: 1 }]),
    hour: ranges(spec.hour, [{ start: 0, end: 0, step: 1 }]),
    dayOfMonth: ranges(spec.dayOfMonth, [{ start: 1, end: 31, step: 1 }]),
    month: ranges(spec.month, [{ start: 1, end: 12, step: 1 }]),
    year: ranges(spec.year, []),
    dayOfWeek: ranges(spec.dayOfWeek, [{ start: 0, end: 6, step: 1 }]),
  };
}

/** The wall-clock fields of an instant in a time zone, via Intl (the zone database Node ships). */
class Zone {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly name: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw invalidArgument(`Invalid schedule spec: unknown time zone ${name}`);
    }
  }

  /** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
  offset(instant: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return wall - Math.floor(instant / 1000) * 1000;
  }

  /** The instant a wall-clock time (given as if it were UTC) denotes in this zone. */
  instantOf(wall: number): number {
    const guess = wall - this.offset(wall);
    return wall - this.offset(guess);
  }
}

/** The first wall-clock second strictly after `afterWall` (both as UTC-encoded wall times) the calendar holds. */
function nextWall(calendar: Calendar, afterWall: number): number | undefined {
  const from = new Date(afterWall);
  const fromYear = from.getUTCFullYear();
  for (let year = fromYear; year <= fromYear + YEARS_AHEAD; year++) {
    if (calendar.year.length > 0 && !matches(year, calendar.year)) continue;
    for (let month = 1; month <= 12; month++) {
      if (!matches(month, calendar.month)) continue;
      if (Date.UTC(year, month, 1) <= afterWall) continue; // the whole month is not after
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      for (let day = 1; day <= days; day++) {
        const midnight = Date.UTC(year, month - 1, day);
        if (midnight + 86_400_000 <= afterWall) continue;
        // Temporal requires both the day of month and the day of week to match.
        if (!matches(day, calendar.dayOfMonth)) continue;
        if (!matches(new Date(midnight).getUTCDay(), calendar.dayOfWeek)) continue;
        for (let hour = 0; hour < 24; hour++) {
          if (!matches(hour, calendar.hour) || midnight + (hour + 1) * 3_600_000 <= afterWall) continue;
          for (let minute = 0; minute < 60; minute++) {
            const minuteStart = midnight + hour * 3_600_000 + minute * 60_000;
            if (!matches(minute, calendar.minute) || minuteStart + 60_000 <= afterWall) continue;
            for (let second = 0; second < 60; second++) {
              const wall = minuteStart + second * 1000;
              if (wall > afterWall && matches(second, calendar.second)) return wall;
            }
          }
        }
      }
    }
  }
  return undefined;
}

/**
 * Compiles a ScheduleSpec: structured calendars and intervals (the union of their times), minus the excluded
 * calendars, within start/end time; calendars are read in `timezoneName` (default UTC). Cron strings are not
 * supported (the SDK sends structured calendars); jitter is ignored so fire times are exact.
 */
export function compileSpec(spec: Proto): CompiledSpec {
  if (spec.cronString?.length) {
    throw invalidArgument('Invalid schedule spec: cron strings are not supported by the test server');
  }
  const zone = new Zone(String(spec.timezoneName || 'UTC'));
  const calendars: Calendar[] = (spec.structuredCalendar ?? []).map(compileCalendar);
  const excluded: Calendar[] = (spec.excludeStructuredCalendar ?? []).map(compileCalendar);
  const intervals = (spec.interval ?? []).map((interval: Proto) => {
    const every = durationMs(interval.interval);
    if (!every) throw invalidArgument('Invalid schedule spec: interval must be positive');
    return { every, phase: fromProtoTime(interval.phase) % every };
  });
  const startTime = spec.startTime ? fromProtoTime(spec.startTime) : undefined;
  const endTime = spec.endTime ? fromProtoTime(spec.endTime) : undefined;

  const isExcluded = (instant: number): boolean => {
    const wall = instant + zone.offset(instant);
    return excluded.some((calendar) => nextWall(calendar, wall - 1000) === wall);
  };
  const candidate = (after: number): number | undefined => {
    const times: number[] = [];
    for (const calendar of calendars) {
      const wall = nextWall(calendar, after + zone.offset(after));
      if (wall !== undefined) {
        let instant = zone.instantOf(wall);
        // A wall time repeated by a backward zone shift can map to an instant not after `after`.
        if (instant <= after) instant = after + 1000;
        times.push(instant);
      }
    }
    for (const { every, phase } of intervals) {
      // Intervals count from the Unix epoch, shifted by the phase, as Temporal's do.
      times.push(Math.floor((after - phase) / every) * every + phase + every);
    }
    return times.length > 0 ? Math.min(...times) : undefined;
  };

  return {
    next(after: number): number | undefined {
      let cursor = startTime !== undefined && after < startTime ? startTime - 1 : after;
      for (;;) {
        const time = candidate(cursor);
        if (time === undefined || (endTime !== undefined && time > endTime)) return undefined;
        if (!isExcluded(time)) return time;
        cursor = time;
      }
    },
  };
}
