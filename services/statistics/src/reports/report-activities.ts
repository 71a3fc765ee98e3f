import type { CalendarClient } from '@lep/calendar';
import type { AnnualReportActivities } from '@lep/workflows';
import { annualReportPlan } from './report-plan';
import { ReportsService } from './reports.service';

export interface ReportActivityDeps {
  reports: ReportsService;
  /** The registry's working-day calendar. */
  calendar: CalendarClient;
  /** Called after each commit that wrote the outbox, so the relay sends at once. */
  afterCommit: () => void;
}

/** The annual report workflow's activities, run by the statistics service's own worker. */
export function createAnnualReportActivities(deps: ReportActivityDeps): AnnualReportActivities {
  const { reports, calendar, afterCommit } = deps;
  return {
    planAnnualReport: async (year) =>
      (await calendar.count((current) => annualReportPlan(year, current))).value,
    buildAnnualReports: (year, at) => reports.buildAll(year, new Date(at)),
    publishAnnualReport: async (reportId, at) => {
      const published = await reports.publish(reportId, new Date(at));
      afterCommit();
      return published;
    },
    remindUnconfirmed: async (year, level, at) => {
      const reminded = await reports.remind(year, level, new Date(at));
      afterCommit();
      return reminded;
    },
    markOverdue: async (year, at) => {
      const overdue = await reports.markOverdue(year, new Date(at));
      afterCommit();
      return overdue;
    },
  };
}
