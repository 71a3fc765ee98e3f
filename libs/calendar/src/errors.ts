import { CalendarRegion, REGION_LABELS } from './holiday-arrangement';

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

/** A date falls in a year for which a needed holiday layer has not been loaded: the platform never guesses holidays. */
export class CalendarDataMissingError extends CalendarError {
  override name = 'CalendarDataMissingError';
  constructor(
    readonly year: number,
    readonly region: CalendarRegion,
  ) {
    super(`缺少${year}年${REGION_LABELS[region]}节假日安排数据，无法计算工作日；请先录入该年度放假通知`);
  }
}

/** A holiday arrangement row contradicts itself or duplicates another one. */
export class InvalidHolidayArrangementError extends CalendarError {
  override name = 'InvalidHolidayArrangementError';
}

export class UnknownCalendarRegionError extends CalendarError {
  override name = 'UnknownCalendarRegionError';
  constructor(readonly input: unknown) {
    super(`节假日区域“${String(input)}”无效，应为 national（全国）或 xinjiang（新疆）`);
  }
}
