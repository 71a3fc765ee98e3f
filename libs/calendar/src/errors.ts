/** Base of every error this library throws; its message is Chinese and fit to show to agency staff as is. */
export class CalendarError extends Error {
  override name = 'CalendarError';
}

export class InvalidCivilDateError extends CalendarError {
  override name = 'InvalidCivilDateError';
  constructor(readonly input: unknown) {
    super(`日期“${String(input)}”无效，应为 YYYY-MM-DD 格式的有效公历日期`);
  }
}

export class InvalidWorkingDayCountError extends CalendarError {
  override name = 'InvalidWorkingDayCountError';
  constructor(readonly input: unknown) {
    super(`工作日天数“${String(input)}”无效，应为非负整数`);
  }
}

/** A year's notice contradicts itself (a date outside the year, a day both off and worked) or is given twice. */
export class InvalidCalendarYearError extends CalendarError {
  override name = 'InvalidCalendarYearError';
}

export class UnknownCalendarRegionError extends CalendarError {
  override name = 'UnknownCalendarRegionError';
  constructor(readonly input: unknown) {
    super(`节假日区域“${String(input)}”无效，应为 national（全国）或 xinjiang（新疆）`);
  }
}

/**
 * The registry, which keeps the calendar, could not be read and no earlier copy is at hand. Transient: the
 * caller retries (a Temporal activity does so by itself).
 */
export class CalendarUnavailableError extends CalendarError {
  override name = 'CalendarUnavailableError';
  constructor(override readonly cause: unknown) {
    super(
      `无法从登记服务读取节假日安排（${cause instanceof Error ? cause.message : String(cause)}），请稍后重试`,
    );
  }
}
