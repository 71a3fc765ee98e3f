import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import { CaseFileEntity, readCaseRecord } from '@lep/case-store';
import { ApiError } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { CaseAccess } from '../access/case-access';
import { decisionTrails } from './accountability-trail';
import type {
  CaseAccountabilityView,
  WithdrawnDecisionsPageView,
  WithdrawnDecisionsQuery,
} from './accountability.dto';

/** 责任追究: who did what for each decision, proven by the whole-process record (domain.md L6b). */
@Injectable()
export class AccountabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  async ofCase(principal: Principal, caseId: string): Promise<CaseAccountabilityView> {
    const known = await this.dataSource.getRepository(CaseFileEntity).findOneBy({ caseId });
    if (!known) throw new ApiError(HttpStatus.NOT_FOUND, 'CASE_NOT_FOUND', '案件不存在或尚未立案');
    await this.access.assertCanRead(
      principal,
      caseId,
      known.agencyCode,
      `/api/v1/cases/${caseId}/accountability`,
    );
    return this.trailsOf(known);
  }

  /** The agency's cases with a withdrawn decision, newest withdrawal first, each listing its withdrawn decisions. */
  async withdrawn(principal: Principal, query: WithdrawnDecisionsQuery): Promise<WithdrawnDecisionsPageView> {
    // One agency (the caller's own unless it names one it supervises), or all for a platform admin.
    const [agency] = (await this.access.listScope(principal, query, '/api/v1/withdrawn-decisions')) ?? [];
    const { page, pageSize } = query;
    const withdrawals = `SELECT e.case_id, max(e.sequence) AS last FROM case_record_entry e
      JOIN case_file f ON f.case_id = e.case_id
      WHERE e.content->>'action' LIKE 'withdrawn:%' AND ($1::text IS NULL OR f.agency_code = $1)
      GROUP BY e.case_id`;
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total FROM (${withdrawals}) w`,
      [agency ?? null],
    );
    const rows: { case_id: string }[] = await this.dataSource.query(
      `SELECT w.case_id FROM (${withdrawals}) w
       JOIN case_record_entry e ON e.case_id = w.case_id AND e.sequence = w.last
       ORDER BY e.recorded_at DESC, w.case_id LIMIT $2 OFFSET $3`,
      [agency ?? null, pageSize, (page - 1) * pageSize],
    );
    const files = await this.dataSource
      .getRepository(CaseFileEntity)
      .findBy(rows.map((row) => ({ caseId: row.case_id })));
    const items = await Promise.all(
      rows.map(async (row) => {
        const trail = await this.trailsOf(files.find((file) => file.caseId === row.case_id)!);
        return { ...trail, decisions: trail.decisions.filter((decision) => decision.withdrawn.length > 0) };
      }),
    );
    return { items, total: Number(total), page, pageSize };
  }

  private async trailsOf(known: CaseFileEntity): Promise<CaseAccountabilityView> {
    const record = await readCaseRecord(this.dataSource, known.caseId);
    return {
      caseId: known.caseId,
      agencyCode: known.agencyCode,
      caseNumber: known.caseNumber,
      decisions: decisionTrails(record.entries),
    };
  }
}
