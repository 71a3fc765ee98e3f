import { Injectable } from '@nestjs/common';
import {
  CloudEvent,
  DisclosureCorrectedData,
  DisclosurePublishedData,
  DisclosureWithdrawnData,
  PUBLICATION_EVENT_TYPES,
} from '@lep/contracts';
import type { AgencyHierarchy } from '@lep/auth';
import { ApiError, consumeOnce, lockPredecessor, parkEvent, takeParkedEvents } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { upsertEntry } from '../pre-disclosure/pre-disclosure-store';
import type { PortalFeedEventDto } from './feed.dto';

/** The consumed_event name of the upward feed at the receiving (兵团) level. */
export const FEED_CONSUMER = 'upstream-feed';

/** The disclosure events a lower level forwards: what the portal shows, nothing else. */
export const FORWARDED_EVENT_TYPES: readonly string[] = [
  PUBLICATION_EVENT_TYPES.published,
  PUBLICATION_EVENT_TYPES.corrected,
  PUBLICATION_EVENT_TYPES.withdrawn,
];

/** What parked feed events wait for: the forwarded record of a decision. */
const recordArrived = (decisionId: string) => `forwarded-disclosure:${decisionId}`;

/**
 * Applies disclosure events forwarded by a 师市-level deployment, once per event id, so the 兵团 portal shows
 * every level. A later version never loses to an earlier one that arrives late. A correction or withdrawal of a
 * record this level has not received yet (a lower level re-sending out of order) is parked and applied right
 * after the record arrives, so a withdrawn record never shows as published.
 */
@Injectable()
export class FeedService {
  constructor(private readonly dataSource: DataSource) {}

  apply(event: CloudEvent, forwardedBy: string): Promise<boolean> {
    return consumeOnce(this.dataSource, FEED_CONSUMER, event.id, (manager) =>
      this.applyOnce(manager, event, forwardedBy),
    );
  }

  /**
   * Applies a portal entry forwarded by a lower level, once per event id, unless a newer version of the entry is
   * stored. The sender reaches only its own tree: the entry's agency must be in it — for a new agency entry,
   * its parent — and an entry stored before under the same key must belong to it too, so no deployment can
   * re-parent or overwrite another tree's agency, officer or report.
   */
  applyPortalEntry(
    event: PortalFeedEventDto,
    sender: string | undefined,
    reaches: AgencyHierarchy['isSameOrDescendant'],
  ): Promise<boolean> {
    const entry = event.data;
    return consumeOnce(this.dataSource, FEED_CONSUMER, event.id, async (manager) => {
      const inTree = async (agencyCode: string | null) =>
        sender === undefined || (agencyCode !== null && (await reaches(sender, agencyCode)));
      const [stored] = (await manager.query(
        `SELECT agency_code FROM pre_disclosure WHERE kind = $1 AND subject_key = $2 FOR UPDATE`,
        [entry.kind, entry.key],
      )) as Array<{ agency_code: string }>;
      const newAgency = entry.kind === 'agencies' && !stored;
      const allowed =
        (stored ? await inTree(stored.agency_code) : true) &&
        (newAgency ? await inTree(entry.parentCode) : await inTree(entry.agencyCode));
      if (!allowed)
        throw new ApiError(403, 'AGENCY_FORBIDDEN', `无权转发执法主体 ${entry.agencyCode} 的公开信息`);
      await upsertEntry(
        manager,
        {
          kind: entry.kind,
          subjectKey: entry.key,
          agencyCode: entry.agencyCode,
          parentCode: entry.parentCode,
          title: entry.title,
          data: entry.data,
          removed: entry.removed,
        },
        entry.changedAt,
      );
    });
  }

  private async applyOnce(manager: EntityManager, event: CloudEvent, forwardedBy: string): Promise<void> {
    const decisionId = (event.data as { decisionId: string }).decisionId;
    await lockPredecessor(manager, FEED_CONSUMER, recordArrived(decisionId));
    if (event.type === PUBLICATION_EVENT_TYPES.published) {
      await this.store(manager, event, forwardedBy);
      for (const parked of await takeParkedEvents(manager, FEED_CONSUMER, recordArrived(decisionId)))
        await this.store(manager, parked, forwardedBy);
      return;
    }
    const [known] = await manager.query(`SELECT 1 FROM forwarded_disclosure WHERE decision_id = $1`, [
      decisionId,
    ]);
    // A withdrawal of a record that was never published has nothing to take off the portal, now or later.
    const followsPublication =
      event.type === PUBLICATION_EVENT_TYPES.corrected ||
      (event.data as DisclosureWithdrawnData).wasPublished === true;
    if (!known && followsPublication)
      await parkEvent(manager, FEED_CONSUMER, recordArrived(decisionId), event);
    else await this.store(manager, event, forwardedBy);
  }

  private async store(manager: EntityManager, event: CloudEvent, forwardedBy: string): Promise<void> {
    switch (event.type) {
      case PUBLICATION_EVENT_TYPES.published:
      case PUBLICATION_EVENT_TYPES.corrected: {
        const data = event.data as DisclosurePublishedData | DisclosureCorrectedData;
        // The masked 决定书 is served by the lower level, from a documents service this level cannot read: its
        // link would lead nowhere here.
        const { document: _servedBelow, ...record } = data.record;
        const publishedAt = 'publishedAt' in data ? data.publishedAt : null;
        await manager.query(
          `INSERT INTO forwarded_disclosure (decision_id, agency_code, category, decided_on, display_until, status,
             version, published_at, public_record, withdrawal, forwarded_by)
           VALUES ($1, $2, $3, $4, $5, 'published', $6, $7, $8, NULL, $9)
           ON CONFLICT (decision_id) DO UPDATE SET
             public_record = EXCLUDED.public_record, version = EXCLUDED.version, display_until = EXCLUDED.display_until,
             published_at = COALESCE(forwarded_disclosure.published_at, EXCLUDED.published_at)
           WHERE forwarded_disclosure.version < EXCLUDED.version AND forwarded_disclosure.status = 'published'`,
          [
            data.decisionId,
            record.agencyCode,
            record.category,
            record.decidedOn,
            record.displayUntil,
            data.version,
            publishedAt,
            JSON.stringify(record),
            forwardedBy,
          ],
        );
        return;
      }
      case PUBLICATION_EVENT_TYPES.withdrawn: {
        const data = event.data as DisclosureWithdrawnData;
        await manager.query(
          `UPDATE forwarded_disclosure SET status = 'withdrawn', withdrawal = $2 WHERE decision_id = $1`,
          [
            data.decisionId,
            JSON.stringify({
              kind: data.kind,
              reason: data.reason,
              ...(data.source ? { source: data.source } : {}),
              withdrawnAt: data.withdrawnAt,
            }),
          ],
        );
        return;
      }
    }
  }
}
