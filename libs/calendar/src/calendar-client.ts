import { CalendarYear } from './calendar-year';
import { CalendarUnavailableError } from './errors';
import { Counted } from './provisional';
import { WorkingDayCalendar } from './working-day-calendar';

/** Where the registry serves the whole calendar (every loaded year, each with its source). */
export const CALENDAR_ROUTE = '/api/v1/calendar';

export interface CalendarClientOptions {
  /** Base URL of the registry, which owns the calendar. */
  registryUrl: string;
  /**
   * How long a copy is used before the registry is asked again. The calendar-changed event clears the copy at
   * once; this is the safety net for a replica that did not see the event.
   */
  cacheSeconds?: number;
  /** Bound on one read of the registry. */
  timeoutMs?: number;
}

const DEFAULT_CACHE_SECONDS = 60;
const DEFAULT_TIMEOUT_MS = 5_000;
/** A copy younger than this is not read again to re-check a provisional answer. */
const FRESH_MS = 1_000;
/** While the registry cannot be read, the last copy serves and the registry is tried again after this. */
const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * The one way every service, workflow activity and `lep calendar` reads the working-day calendar: from the
 * registry, cached. Reads are public (the notices are published documents), so no credential is needed.
 */
export class CalendarClient {
  private copy?: { calendar: WorkingDayCalendar; readAt: number; retryAt: number };
  private reading?: Promise<WorkingDayCalendar>;

  constructor(private readonly options: CalendarClientOptions) {}

  /** The cached calendar, read again once it is older than the cache time. */
  async current(): Promise<WorkingDayCalendar> {
    const copy = this.copy;
    if (copy && Date.now() < copy.retryAt) return copy.calendar;
    return this.refresh();
  }

  /**
   * Reads the registry now; concurrent callers share one read. When the registry cannot be read, an earlier
   * copy serves (a loaded year is rarely minutes old) and only without one does this throw.
   */
  refresh(): Promise<WorkingDayCalendar> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  /** Forget the copy: the next use reads the registry (the calendar-changed event calls this). */
  invalidate(): void {
    this.copy = undefined;
  }

  /**
   * A count on the current copy. A provisional answer is counted once more on a fresh read, because the year
   * it lacks may have been loaded since the copy was made: a deadline is never left provisional on stale data.
   */
  async count<T>(work: (calendar: WorkingDayCalendar) => Counted<T>): Promise<Counted<T>> {
    const answer = work(await this.current());
    if (!answer.provisional || (this.copy && Date.now() - this.copy.readAt < FRESH_MS)) return answer;
    return work(await this.refresh());
  }

  private async read(): Promise<WorkingDayCalendar> {
    try {
      const response = await fetch(new URL(CALENDAR_ROUTE, this.options.registryUrl), {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`登记服务应答 ${response.status}`);
      const calendar = new WorkingDayCalendar((await response.json()) as CalendarYear[]);
      const readAt = Date.now();
      const cacheMs = (this.options.cacheSeconds ?? DEFAULT_CACHE_SECONDS) * 1000;
      this.copy = { calendar, readAt, retryAt: readAt + cacheMs };
      return calendar;
    } catch (error) {
      if (!this.copy) throw new CalendarUnavailableError(error);
      this.copy.retryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
      return this.copy.calendar;
    }
  }
}
