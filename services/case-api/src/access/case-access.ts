import { Injectable } from '@nestjs/common';
import { AgencyHierarchy, assertAgencyAccess, PLATFORM_ADMIN, Principal } from '@lep/auth';
import { DataSource } from 'typeorm';

/**
 * case-api has no copy of the agency tree (the registry owns it, in its own database), so an agency reaches
 * exactly its own cases: a parent agency's staff do not see a subordinate's cases through this API yet, and
 * platform admins see everything. When the tree is replicated here, only this class changes.
 */
export class ExactAgencyHierarchy implements AgencyHierarchy {
  async isSameOrDescendant(ancestorCode: string, agencyCode: string): Promise<boolean> {
    return ancestorCode === agencyCode;
  }
}

/** Who may see and drive which case. */
@Injectable()
export class CaseAccess {
  private readonly hierarchy = new ExactAgencyHierarchy();

  constructor(private readonly dataSource: DataSource) {}

  /** 403 AGENCY_FORBIDDEN unless the case's agency is the caller's (or the caller is a platform admin). */
  assertHandlingAgency(principal: Principal, agencyCode: string): Promise<void> {
    return assertAgencyAccess(principal, agencyCode, this.hierarchy);
  }

  /**
   * Reading a case: its own agency's staff and systems, and the legal reviewers of a body that holds (or held)
   * a task of the case, who need the file to review it.
   */
  async assertCanRead(principal: Principal, caseId: string, agencyCode: string): Promise<void> {
    if (
      principal.roles.includes('legal-reviewer') &&
      !principal.roles.includes(PLATFORM_ADMIN) &&
      principal.agencyCode !== agencyCode &&
      (await this.reviewsFor(principal, caseId))
    )
      return;
    await this.assertHandlingAgency(principal, agencyCode);
  }

  private async reviewsFor(principal: Principal, caseId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM case_task WHERE case_id = $1 AND assignee_agency_code = $2 LIMIT 1`,
      [caseId, principal.agencyCode],
    );
    return rows.length > 0;
  }
}
