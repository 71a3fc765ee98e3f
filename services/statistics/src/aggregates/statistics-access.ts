import { Injectable } from '@nestjs/common';
import { assertAgencyAccess, Principal } from '@lep/auth';
import { AgencyTree } from './agency-tree';

/** Who reads an agency's figures: its staff and those of agencies above it, auditors, platform admins. */
@Injectable()
export class StatisticsAccess {
  constructor(private readonly tree: AgencyTree) {}

  async assert(principal: Principal, agencyCode: string): Promise<void> {
    if (principal.roles.includes('auditor')) return;
    await assertAgencyAccess(principal, agencyCode, this.tree);
  }
}
