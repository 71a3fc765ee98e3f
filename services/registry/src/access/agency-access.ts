import { Injectable } from '@nestjs/common';
import { AgencyHierarchy, assertAgencyAccess, Principal } from '@lep/auth';
import { DataSource } from 'typeorm';
import { selfAndDescendantCodes } from '../agencies/agency-hierarchy';

/** The registry's own agency tree answers the hierarchy question for @lep/auth's agency scope. */
@Injectable()
export class RegistryAgencyHierarchy implements AgencyHierarchy {
  constructor(private readonly dataSource: DataSource) {}

  async isSameOrDescendant(ancestorCode: string, agencyCode: string): Promise<boolean> {
    return (await selfAndDescendantCodes(this.dataSource.manager, ancestorCode)).includes(agencyCode);
  }
}

/**
 * Write access to an agency's register entries: its own admins and those of any agency above it (兵团 admins
 * reach everything). Reading is not scoped: what the registry holds is pre-disclosed to the public anyway.
 */
@Injectable()
export class AgencyAccess {
  constructor(private readonly hierarchy: RegistryAgencyHierarchy) {}

  async assertCanManage(principal: Principal, ...agencyCodes: string[]): Promise<void> {
    for (const code of new Set(agencyCodes)) await assertAgencyAccess(principal, code, this.hierarchy);
  }
}
