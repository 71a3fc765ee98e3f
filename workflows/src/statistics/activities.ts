/**
 * What the annual report workflow asks of the statistics service, which owns the figures, the reports and the
 * calendar. Dates are computed there (a workflow cannot read the working-day calendar deterministically); every
 * `at` argument is the workflow's own clock, so records carry workflow time (virtual in tests).
 */
export interface AnnualReportPlan {
  /** 09:00 China time on the first working day of January: when the reports are built. */
  buildAt: string;
  /** Reminders to agencies that have not confirmed, escalating with `level`. */
  reminders: Array<{ at: string; level: number }>;
  /** The end of 31 January, China time (domain.md §7): unpublished reports are overdue after it. */
  dueAt: string;
}

export interface AnnualReportActivities {
  planAnnualReport(year: number): Promise<AnnualReportPlan>;
  /** Builds (once) the report of every agency for `year`; returns the ids still to be published. */
  buildAnnualReports(year: number, at: string): Promise<string[]>;
  /** Publishes a confirmed report; false when it was not confirmed (nothing changes). */
  publishAnnualReport(reportId: string, at: string): Promise<boolean>;
  /** Reminds the agencies whose report is still unconfirmed; returns how many were reminded. */
  remindUnconfirmed(year: number, level: number, at: string): Promise<number>;
  /** Marks the still unpublished reports overdue; returns how many. */
  markOverdue(year: number, at: string): Promise<number>;
}

/** The daily certificate check (执法证件到期预警), for expiries no event announces. */
export interface CertificateSweepActivities {
  /** Re-checks every officer on open cases (and every open certificate warning) as of `at`; returns changes. */
  sweepCertificates(at: string): Promise<number>;
  /** The next check: 08:00 China time on the day after `at`. */
  nextCertificateSweepAt(at: string): Promise<string>;
}

/** The daily check of withdrawals (domain.md P9) that publication has not confirmed taken down in time. */
export interface WithdrawalSweepActivities {
  /** Warns about every withdrawal past its 3 working days without publication's confirmation; returns how many. */
  sweepWithdrawals(at: string): Promise<number>;
}

/** The daily calendar check (节假日安排): warns about years the deadlines will need and the registry lacks. */
export interface CalendarCheckActivities {
  /** Checks this year's notices (and from 1 November the next year's) as of `at`; returns warnings changed. */
  checkCalendarYears(at: string): Promise<number>;
}
