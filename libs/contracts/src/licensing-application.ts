/**
 * A 行政许可 case opens with an application (申请). The agency decides on receipt whether to accept it (受理) or
 * not (不予受理, 行政许可法 art. 32, domain.md P7a); an application not accepted ends its case there, counted in
 * the annual report's 申请数 but not in its 受理数 (domain.md §7.1).
 */
export interface LicensingApplication {
  /** 收到申请材料之日, YYYY-MM-DD: art. 32's 5 working days count from it. */
  receivedOn: string;
  /** Present when the agency decided not to accept the application. */
  notAccepted?: ApplicationNotAccepted;
}

/** 不予受理: decided and told to the applicant in writing (书面凭证, with the agency's seal and the date). */
export interface ApplicationNotAccepted {
  /** 不予受理决定日期, YYYY-MM-DD, on or after receipt. */
  decidedOn: string;
  /** Why, in Chinese: e.g. 申请事项依法不需要取得行政许可, 不属于本机关职权范围 (and which agency to apply to). */
  reason: string;
  /** 法律依据, e.g. 《中华人民共和国行政许可法》第三十二条第一款第（二）项. */
  legalBasis: string;
  /** 不予受理通知书 文号: the written notice the applicant received. */
  noticeNumber: string;
}

/** What the case shows of its application once filed. */
export interface LicensingApplicationState extends LicensingApplication {
  accepted: boolean;
  /**
   * A 不予受理 decided after art. 32's 5 working days from receipt (the deadline an incomplete application must be
   * told within, after which the law counts it accepted): recorded as decided, flagged for supervision.
   */
  decidedLate?: boolean;
}

/** 行政许可法 art. 32: 当场或者在五日内 (working days, art. 82). */
export const APPLICATION_ANSWER_WORKING_DAYS = 5;
