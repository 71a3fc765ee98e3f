import { Injectable } from '@nestjs/common';
import { assertOwnAgency, auditActor, authErrors, isOwnAgency, PLATFORM_ADMIN, Principal } from '@lep/auth';
import { supervisedAgencies, supervises } from '@lep/case-store';
import { appendAudit } from '@lep/nest-kit';
import { DataSource } from 'typeorm';

/** The stable code of a supervisor's read in the audit log (domain.md L9). */
export const SUPERVISION_READ = 'SUPERVISION_READ';

/**
 * Who may see and drive which case. An agency drives only its own cases. It reads its own, those of the agencies
 * it supervises — every agency below it, and for a justice bureau every agency of its level (domain.md L9; the
 * tree is lep_cases' copy of the registry's, case_agency) — and, for legal reviewers, those its review body
 * reviews. Platform admins reach every case.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly dataSource: DataSource) {}

  /** 403 AGENCY_FORBIDDEN unless the case's agency is the caller's (or the caller is a platform admin). */
  async assertHandlingAgency(principal: Principal, agencyCode: string): Promise<void> {
    assertOwnAgency(principal, agencyCode);
  }

  /**
   * Reading a case (`read`: the route read, for the audit log): its own agency's staff and systems; the legal
   * reviewers of a body that holds (or held) a task of the case, who need the file to review it; and the
   * agencies that supervise its agency, each such read recorded in the audit log before it is answered.
   */
  async assertCanRead(principal: Principal, caseId: string, agencyCode: string, read: string): Promise<void> {
    if (isOwnAgency(principal, agencyCode)) return;
    if (principal.roles.includes('legal-reviewer') && (await this.reviewsFor(principal, caseId))) return;
    if (principal.kind !== 'anonymous' && principal.agencyCode !== undefined)
      if (await supervises(this.dataSource, principal.agencyCode, agencyCode)) {
        await this.recordSupervisedRead(principal, read, agencyCode);
        return;
      }
    throw authErrors.agencyForbidden();
  }

  /**
   * The agencies a case list covers: `agency` when the caller may read it (its own, or one it supervises: that
   * read recorded), every agency it supervises when asked for `supervised`, else the caller's own (every agency
   * for a platform admin: undefined).
   */
  async listScope(
    principal: Principal,
    query: { agency?: string; supervised?: boolean },
    read: string,
  ): Promise<string[] | undefined> {
    const own = principal.kind === 'anonymous' ? undefined : principal.agencyCode;
    if (query.supervised) {
      if (own === undefined) throw authErrors.agencyForbidden();
      const agencies = await supervisedAgencies(this.dataSource, own);
      const wanted = query.agency === undefined ? agencies : agencies.filter((code) => code === query.agency);
      if (query.agency !== undefined && wanted.length === 0) throw authErrors.agencyForbidden();
      await this.recordSupervisedRead(principal, read, query.agency ?? own);
      return wanted;
    }
    if (query.agency === undefined) return principal.roles.includes(PLATFORM_ADMIN) ? undefined : [own ?? ''];
    if (isOwnAgency(principal, query.agency)) return [query.agency];
    if (own !== undefined && (await supervises(this.dataSource, own, query.agency))) {
      await this.recordSupervisedRead(principal, read, query.agency);
      return [query.agency];
    }
    throw authErrors.agencyForbidden();
  }

  private async reviewsFor(principal: Principal, caseId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM case_task WHERE case_id = $1 AND assignee_agency_code = $2 LIMIT 1`,
      [caseId, principal.agencyCode],
    );
    return rows.length > 0;
  }

  /**
   * Supervision reads are answered only once recorded (unlike the audit of state changes, a failed append
   * refuses the read): who read, what, and the supervised agency it belongs to.
   */
  private async recordSupervisedRead(principal: Principal, read: string, agencyCode: string): Promise<void> {
    await appendAudit(this.dataSource, {
      at: new Date().toISOString(),
      outcome: 'read',
      method: 'GET',
      path: read,
      status: 200,
      code: SUPERVISION_READ,
      actor: auditActor(principal),
      supervisedAgencyCode: agencyCode,
    });
  }
}
