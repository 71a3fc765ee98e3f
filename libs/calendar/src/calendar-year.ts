export type CalendarRegion = 'national' | 'xinjiang';

export const CALENDAR_REGIONS: readonly CalendarRegion[] = ['national', 'xinjiang'];

/** Region names as they appear in Chinese messages. */
export const REGION_LABELS: Record<CalendarRegion, string> = {
  national: '全国',
  xinjiang: '新疆维吾尔自治区',
};

/**
 * How the dates were read: in the issuing government's own publication, or in a copy of it published by a state
 * news agency or another government body. A date that was only reported (a secondary source, a translation) is
 * never loaded: the platform does not count deadlines on a guess.
 */
export const SOURCE_CONFIDENCES = ['official', 'official-copy'] as const;
export type SourceConfidence = (typeof SOURCE_CONFIDENCES)[number];

export const SOURCE_CONFIDENCE_LABELS: Record<SourceConfidence, string> = {
  official: '发文机关原文',
  'official-copy': '官方媒体或政府网站转载',
};

/** The notice a year's dates were read from. */
export interface CalendarSource {
  /** 通知标题, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  title: string;
  /** 文号, e.g. 国办发明电〔2024〕12号; null when the copy read did not show it. */
  number: string | null;
  /** 发布日期 YYYY-MM-DD, when known. */
  issuedOn: string | null;
  confidence: SourceConfidence;
}

/**
 * One year's holiday notice for one layer (the national arrangement, or a region's own days on top of it).
 * Dates are civil dates 'YYYY-MM-DD' inside `year`.
 */
export interface CalendarYear {
  region: CalendarRegion;
  year: number;
  /** Weekdays (Mon–Fri) on which offices are closed. */
  daysOff: readonly string[];
  /** Weekend days worked to make up for a bridged holiday (调休上班). */
  makeUpWorkingDays: readonly string[];
  source: CalendarSource;
}

/** A layer of the calendar: one region's notice for one year. */
export interface CalendarLayerRef {
  region: CalendarRegion;
  year: number;
}

export function layerName({ region, year }: CalendarLayerRef): string {
  return `${year}年${REGION_LABELS[region]}`;
}
