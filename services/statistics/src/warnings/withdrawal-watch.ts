import { Injectable } from '@nestjs/common';
import { CalendarClient, chinaDateOf, type CalendarRegion } from '@lep/calendar';
import {
  CASE_EVENT_TYPES,
  PUBLICATION_EVENT_TYPES,
  type CloudEvent,
  type DecisionWithdrawnData,
  type DisclosureWithdrawnData,
} from '@lep/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { WarningChange } from './warning-rules';
import { WarningsService } from './warnings.service';

/** domain.md P9 (APL art. 48/85): a withdrawn decision leaves the portal within 3 working days. */
const WITHDRAWAL_WORKING_DAYS = 3;

interface PendingRow {
  decision_id: string;
  agency_code: string;
  withdrawn_on: string;
  region: string;
}

/**
 * Withdrawals not taken down in time (domain.md P9). Publication takes a disclosure down in the transaction that
 * receives the withdrawal, so one still up after its 3 working days is one publication never applied — down,
 * the event parked or stuck — and publication cannot tell of it: statistics, which hears both the case side's
 * `decision.withdrawn` and publication's `disclosure.withdrawn`, warns the agency (and its supervisors, who read
 * its warnings) each morning until publication confirms.
 */
@Injectable()
export class WithdrawalWatch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarClient,
    private readonly warnings: WarningsService,
  ) {}

  /** Records what the event says of a withdrawal; publication's confirmation clears its warning. */
  async changesFor(manager: EntityManager, event: CloudEvent): Promise<WarningChange[]> {
    switch (event.type) {
      case CASE_EVENT_TYPES.decisionWithdrawn: {
        const data = event.data as DecisionWithdrawnData;
        await manager.query(
          `INSERT INTO stat_withdrawal (decision_id, agency_code, withdrawn_on, region) VALUES ($1, $2, $3, $4)
           ON CONFLICT (decision_id) DO UPDATE SET withdrawn_on = EXCLUDED.withdrawn_on, region = EXCLUDED.region`,
          [data.decisionId, data.agencyCode, data.withdrawnOn, data.region],
        );
        return [];
      }
      case PUBLICATION_EVENT_TYPES.withdrawn: {
        // The two topics are not ordered: publication's confirmation may be consumed first, and is kept.
        const data = event.data as DisclosureWithdrawnData;
        await manager.query(
          `INSERT INTO stat_withdrawal (decision_id, agency_code, taken_down_at) VALUES ($1, $2, $3)
           ON CONFLICT (decision_id) DO UPDATE SET taken_down_at = EXCLUDED.taken_down_at`,
          [data.decisionId, data.agencyCode, data.withdrawnAt],
        );
        return [
          { action: 'clear', kind: 'withdrawal-overdue', subject: data.decisionId, at: data.withdrawnAt },
        ];
      }
      default:
        return [];
    }
  }

  /**
   * Warns, as of `at`, about every withdrawal whose third working day has ended without publication's
   * confirmation. The rows stay locked until the warnings commit, so a confirmation consumed meanwhile waits and
   * clears what this raised. Counts on the registry's calendar (CalendarUnavailableError when it cannot be read).
   */
  async sweep(at: string): Promise<number> {
    const calendar = await this.calendar.current();
    const today = chinaDateOf(at);
    return this.dataSource.transaction(async (manager) => {
      const pending = (await manager.query(
        `SELECT decision_id, agency_code, to_char(withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on, region
           FROM stat_withdrawal WHERE taken_down_at IS NULL AND withdrawn_on IS NOT NULL
          ORDER BY decision_id FOR UPDATE`,
      )) as PendingRow[];
      const overdue: WarningChange[] = [];
      for (const row of pending) {
        // A year the calendar lacks counts provisionally; the calendar-missing warning already says so.
        const withdrawBy = calendar.addWorkingDays(row.withdrawn_on, WITHDRAWAL_WORKING_DAYS, {
          region: row.region as CalendarRegion,
        }).value;
        if (withdrawBy >= today) continue;
        overdue.push({
          action: 'raise',
          kind: 'withdrawal-overdue',
          subject: row.decision_id,
          agencyCode: row.agency_code,
          severity: 'past',
          message:
            `决定 ${row.decision_id} 已于 ${row.withdrawn_on} 撤回，应于 ${withdrawBy} 前撤下，` +
            `公示平台至今未确认撤下；请核查公示服务是否收到撤回并撤下该决定`,
          dueAt: `${withdrawBy}T23:59:59+08:00`,
          at,
        });
      }
      await this.warnings.apply(manager, overdue);
      return overdue.length;
    });
  }
}
