import { Injectable } from '@nestjs/common';
import type {
  AvRecordingListContent,
  EnforcementItemListContent,
  FilingHandlerStanding,
  ReviewCatalogCriteria,
} from '@lep/contracts';
import { DataSource, In } from 'typeorm';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { versionInForce } from '../item-lists/item-list-versions';
import { enforcementRefusals } from '../personnel/may-enforce.service';
import { PersonnelEntity } from '../personnel/personnel.entity';
import { FilingFactsQuery, FilingFactsView } from './filing-facts.dto';

/**
 * What 立案 needs from the registry in one read (domain.md P6): the agency, its three lists in force now, and each
 * handler's standing for the item on the filing day, judged as may-enforce judges it. One REPEATABLE READ
 * transaction, so a list published or a certificate suspended meanwhile is seen by all of the answer or none of
 * it; and one request instead of six (issue #22: the registry's per-request work was a fifth of a filing's CPU).
 */
@Injectable()
export class FilingFactsService {
  constructor(private readonly dataSource: DataSource) {}

  facts(agencyCode: string, query: FilingFactsQuery): Promise<FilingFactsView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const agency = await findAgencyOrFail(manager, agencyCode);
      const now = new Date();
      const itemList = await versionInForce(manager, agencyCode, 'enforcement-items', now);
      const avList = await versionInForce(manager, agencyCode, 'av-recording', now);
      const catalog = await versionInForce(manager, agencyCode, 'review-catalog', now);
      const people = await manager.findBy(PersonnelEntity, { id: In(query.handlers) });
      const handlers: FilingHandlerStanding[] = [];
      for (const personnelId of query.handlers) {
        const person = people.find((candidate) => candidate.id === personnelId.toLowerCase());
        const reasons = person
          ? await enforcementRefusals(
              manager,
              person,
              { agency: agencyCode, item: query.item, on: query.on },
              itemList,
            )
          : [];
        handlers.push({
          personnelId,
          registered: Boolean(person),
          allowed: Boolean(person) && reasons.length === 0,
          reasons,
        });
      }
      const item =
        (itemList?.content as EnforcementItemListContent | undefined)?.items.find(
          (listed) => listed.code === query.item,
        ) ?? null;
      const av =
        (avList?.content as AvRecordingListContent | undefined)?.entries.find(
          (entry) => entry.itemCode === query.item,
        ) ?? null;
      return {
        agency: {
          code: agency.code,
          name: agency.name,
          unifiedSocialCreditCode: agency.unifiedSocialCreditCode,
          region: agency.region,
          legalReviewBody: { name: agency.legalReviewBodyName, agencyCode: agency.legalReviewBodyAgencyCode },
        },
        item,
        handlers,
        av,
        reviewTimeLimit: (catalog?.content as ReviewCatalogCriteria | undefined)?.reviewTimeLimit ?? null,
      };
    });
  }
}
