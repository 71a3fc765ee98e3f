import { Injectable } from '@nestjs/common';
import { chinaDateOf } from '@lep/calendar';
import {
  CASE_EVENT_TYPES,
  CaseFiledData,
  CaseStageChangedData,
  CloudEvent,
  PersonnelChangedData,
  REGISTRY_EVENT_TYPES,
} from '@lep/contracts';
import { EntityManager } from 'typeorm';
import { WarningChange } from './warning-rules';

/** How long before expiry an officer still handling open cases is warned. */
export const CERTIFICATE_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

interface PersonnelRow {
  personnel_id: string;
  name: string;
  agency_code: string;
  certificate_number: string;
  expires_on: string;
  open_cases: number;
}

/**
 * Officers whose certificate (行政执法证件) runs out within 30 days while they still handle open cases. The
 * check runs when an event changes one of its inputs (certificate renewed, case filed with the officer, case
 * closed), on the event's own time, and once a day (certificateSweepWorkflow) for expiries no event announces.
 */
@Injectable()
export class CertificateWatch {
  async changesFor(manager: EntityManager, event: CloudEvent): Promise<WarningChange[]> {
    switch (event.type) {
      case REGISTRY_EVENT_TYPES.personnelChanged: {
        const data = event.data as PersonnelChangedData;
        await manager.query(
          `INSERT INTO stat_personnel (personnel_id, name, agency_code, certificate_number, certificate_expires_on)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (personnel_id) DO UPDATE SET name = EXCLUDED.name, agency_code = EXCLUDED.agency_code,
             certificate_number = EXCLUDED.certificate_number,
             certificate_expires_on = EXCLUDED.certificate_expires_on`,
          [data.personnelId, data.name, data.agencyCode, data.certificateNumber, data.certificateExpiresOn],
        );
        return this.evaluate(manager, [data.personnelId], event.time);
      }
      case CASE_EVENT_TYPES.filed: {
        const data = event.data as CaseFiledData;
        for (const handlerId of data.handlerIds) {
          await manager.query(
            `INSERT INTO stat_open_case_handler (case_id, personnel_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [data.caseId, handlerId],
          );
        }
        return this.evaluate(manager, data.handlerIds, event.time);
      }
      case CASE_EVENT_TYPES.stageChanged: {
        const data = event.data as CaseStageChangedData;
        if (data.to !== 'closed') return [];
        const [handlers] = (await manager.query(
          `DELETE FROM stat_open_case_handler WHERE case_id = $1 RETURNING personnel_id`,
          [data.caseId],
        )) as [Array<{ personnel_id: string }>, number];
        return this.evaluate(
          manager,
          handlers.map((row) => row.personnel_id),
          data.at,
        );
      }
      default:
        return [];
    }
  }

  /** Everyone the daily sweep must look at: officers on open cases, and those with an open warning. */
  async sweepTargets(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ personnel_id: string }> = await manager.query(
      `SELECT DISTINCT personnel_id FROM stat_open_case_handler
       UNION SELECT subject FROM warning WHERE kind = 'certificate-expiry' AND state = 'raised'`,
    );
    return rows.map((row) => row.personnel_id);
  }

  async evaluate(manager: EntityManager, personnelIds: string[], at: string): Promise<WarningChange[]> {
    if (personnelIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT p.personnel_id, p.name, p.agency_code, p.certificate_number,
              to_char(p.certificate_expires_on, 'YYYY-MM-DD') AS expires_on,
              (SELECT count(*)::int FROM stat_open_case_handler h WHERE h.personnel_id = p.personnel_id) AS open_cases
         FROM stat_personnel p WHERE p.personnel_id = ANY($1)`,
      [personnelIds],
    )) as PersonnelRow[];
    const today = chinaDateOf(at);
    const horizon = chinaDateOf(Date.parse(at) + CERTIFICATE_WARNING_DAYS * DAY_MS);
    return rows.map((row): WarningChange => {
      if (row.open_cases === 0 || row.expires_on > horizon) {
        return { action: 'clear', kind: 'certificate-expiry', subject: row.personnel_id, at };
      }
      const expired = row.expires_on < today;
      return {
        action: 'raise',
        kind: 'certificate-expiry',
        subject: row.personnel_id,
        agencyCode: row.agency_code,
        severity: expired ? 'past' : 'near',
        message: expired
          ? `执法人员 ${row.name}（证号 ${row.certificate_number}）的执法证件已于 ${row.expires_on} 到期，仍承办 ${row.open_cases} 件未结案件`
          : `执法人员 ${row.name}（证号 ${row.certificate_number}）的执法证件将于 ${row.expires_on} 到期，仍承办 ${row.open_cases} 件未结案件`,
        dueAt: `${row.expires_on}T00:00:00+08:00`,
        at,
      };
    });
  }
}
