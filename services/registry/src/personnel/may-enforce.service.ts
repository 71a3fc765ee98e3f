import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findAgencyOrFail } from '../agencies/agencies.service';
import type { EnforcementItemListContent } from '@lep/contracts';
import type { ItemListVersionEntity } from '../item-lists/item-list-version.entity';
import { versionInForce } from '../item-lists/item-list-versions';
import { certificateStatusOn } from './certificate-status';
import { MayEnforceAnswer, MayEnforceQuery } from './personnel.dto';
import type { PersonnelEntity } from './personnel.entity';
import { findPersonnelOrFail } from './personnel.service';

const STATUS_REFUSALS = {
  suspended: '处于暂扣状态',
  revoked: '已被吊销',
} as const;

/**
 * Why `person` may not enforce `item` for `agency` on `day` (Chinese, empty when they may), judged against
 * `itemList`, the agency's enforcement item list in force now (null: none published).
 *
 * The agency must be the person's own: the certificate is issued for one enforcement body (执法主体), and that
 * body bears the legal consequences of the act. A superior or subordinate body is a different legal subject,
 * so membership in the same hierarchy is not enough (acting for another body needs an entrustment, which the
 * registry does not record). The item is checked against the agency's current item list: lists are entered
 * into the registry when they are adopted, not back-dated, so the version in force on a past day would often
 * be none at all; the case records the list version it was judged by when it asks.
 */
export async function enforcementRefusals(
  manager: EntityManager,
  person: PersonnelEntity,
  { agency, item, on: day }: MayEnforceQuery,
  itemList: ItemListVersionEntity | null,
): Promise<string[]> {
  const reasons: string[] = [];
  if (person.certificateIssuedOn === null || person.certificateExpiresOn === null)
    reasons.push(`${person.name} 未持有执法证（仅担任法制审核人员）`);
  else if (day < person.certificateIssuedOn)
    reasons.push(
      `执法证 ${person.certificateNumber} 自 ${person.certificateIssuedOn} 起生效，${day} 尚未生效`,
    );
  else if (day > person.certificateExpiresOn)
    reasons.push(`执法证 ${person.certificateNumber} 已于 ${person.certificateExpiresOn} 到期`);
  else {
    const status = await certificateStatusOn(manager, person.id, day);
    if (status === 'suspended' || status === 'revoked')
      reasons.push(`执法证 ${person.certificateNumber} 在 ${day} ${STATUS_REFUSALS[status]}`);
  }

  if (person.agencyCode !== agency)
    reasons.push(`该人员隶属于执法主体 ${person.agencyCode}，不能以执法主体 ${agency} 的名义执法`);

  if (!itemList) reasons.push(`执法主体 ${agency} 尚未公布行政执法事项清单`);
  else if (!(itemList.content as EnforcementItemListContent).items.some((listed) => listed.code === item))
    reasons.push(`事项 ${item} 不在执法主体 ${agency} 现行的行政执法事项清单（第 ${itemList.version} 版）中`);
  return reasons;
}

/** "May person P enforce item I for agency A on day D", as the case workflow asks before every act. */
@Injectable()
export class MayEnforceService {
  constructor(private readonly dataSource: DataSource) {}

  async check(personnelId: string, query: MayEnforceQuery): Promise<MayEnforceAnswer> {
    const manager = this.dataSource.manager;
    const person = await findPersonnelOrFail(manager, personnelId);
    await findAgencyOrFail(manager, query.agency);
    const itemList = await versionInForce(manager, query.agency, 'enforcement-items', new Date());
    const reasons = await enforcementRefusals(manager, person, query, itemList);
    return { allowed: reasons.length === 0, reasons };
  }
}
