import { continueAsNew, patched, proxyActivities, sleep } from '@temporalio/workflow';
import type {
  CalendarCheckActivities,
  CertificateSweepActivities,
  WithdrawalSweepActivities,
} from './activities';

export const CERTIFICATE_SWEEP_WORKFLOW_ID = 'statistics-certificate-sweep';

/** Sweeps per run before the history is restarted (continue-as-new), keeping it short. */
const SWEEPS_PER_RUN = 100;

const activities = proxyActivities<
  CertificateSweepActivities & CalendarCheckActivities & WithdrawalSweepActivities
>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const workflowNow = (): string => new Date(Date.now()).toISOString();

/**
 * The daily checks. Certificates: a certificate that enters its last 30 days, or runs out, while its holder
 * still handles open cases is warned even when no event touches the officer or the cases that day. Calendar:
 * a year of holiday notices the deadlines need (this year, from 1 November the next) and the registry lacks is
 * warned before any deadline is counted provisionally. Withdrawals: a withdrawn decision publication has not
 * confirmed taken down by the end of its 3 working days is warned (domain.md P9).
 */
export async function certificateSweepWorkflow(): Promise<void> {
  for (let sweep = 0; sweep < SWEEPS_PER_RUN; sweep += 1) {
    await activities.sweepCertificates(workflowNow());
    // Sweeps started before the calendar check existed replay without it.
    if (patched('calendar-check')) await activities.checkCalendarYears(workflowNow());
    // Sweeps started before the withdrawal check existed replay without it.
    if (patched('withdrawal-overdue')) await activities.sweepWithdrawals(workflowNow());
    const next = await activities.nextCertificateSweepAt(workflowNow());
    await sleep(Math.max(1, Date.parse(next) - Date.now()));
  }
  await continueAsNew<typeof certificateSweepWorkflow>();
}
