import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@lep/auth';
import { AUDIO_VISUAL_KINDS } from '@lep/contracts';
import { AvStatusQuery, AvStatusView } from './av-status.dto';

/**
 * Which of the given stages of a case still lack audio-visual recording. The case workflow asks before it
 * lets a case leave such a stage (domain.md R3/R4). Only audio and video count; photos do not.
 */
@Injectable()
export class AvStatusService {
  constructor(private readonly dataSource: DataSource) {}

  async status(principal: Principal, caseId: string, query: AvStatusQuery): Promise<AvStatusView> {
    const { stages, itemCode } = query;
    const wanted = [...new Set(stages)];
    // Counted within the caller's agency: another agency's uploads never satisfy this agency's duty.
    const rows: Array<{ stage: string; items: string }> = await this.dataSource.query(
      `SELECT stage, count(*) AS items FROM evidence_item
        WHERE case_id = $1 AND kind = ANY($2) AND stage = ANY($3) AND ($4::text IS NULL OR agency_code = $4)
        GROUP BY stage`,
      [
        caseId,
        AUDIO_VISUAL_KINDS,
        wanted,
        principal.roles.includes('platform-admin') ? null : principal.agencyCode,
      ],
    );
    const counts = new Map(rows.map((row) => [row.stage, Number(row.items)]));
    const statuses = wanted.map((stage) => {
      const audioVisualItems = counts.get(stage) ?? 0;
      return { stage, audioVisualItems, satisfied: audioVisualItems > 0 };
    });
    return {
      caseId,
      itemCode: itemCode ?? null,
      stages: statuses,
      missingStages: statuses.filter((status) => !status.satisfied).map((status) => status.stage),
    };
  }
}
