import { Injectable } from '@nestjs/common';
import {
  CloudEvent,
  DisclosureCorrectedData,
  DisclosurePublishedData,
  DisclosureWithdrawnData,
  PUBLICATION_EVENT_TYPES,
} from '@lep/contracts';
import { consumeOnce } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';

/** The consumed_event name of the upward feed at the receiving (兵团) level. */
export const FEED_CONSUMER = 'upstream-feed';

/** The disclosure events a lower level forwards: what the portal shows, nothing else. */
export const FORWARDED_EVENT_TYPES: readonly string[] = [
  PUBLICATION_EVENT_TYPES.published,
  PUBLICATION_EVENT_TYPES.corrected,
  PUBLICATION_EVENT_TYPES.withdrawn,
];

/**
 * Applies disclosure events forwarded by a 师市-level deployment, once per event id, so the 兵团 portal shows
 * every level. A later version never loses to an earlier one that arrives late.
 */
@Injectable()
export class FeedService {
  constructor(private readonly dataSource: DataSource) {}

  apply(event: CloudEvent, forwardedBy: string): Promise<boolean> {
    return consumeOnce(this.dataSource, FEED_CONSUMER, event.id, (manager) =>
      this.applyOnce(manager, event, forwardedBy),
    );
  }

  private async applyOnce(manager: EntityManager, event: CloudEvent, forwardedBy: string): Promise<void> {
    switch (event.type) {
      case PUBLICATION_EVENT_TYPES.published:
      case PUBLICATION_EVENT_TYPES.corrected: {
        const data = event.data as DisclosurePublishedData | DisclosureCorrectedData;
        const { record } = data;
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
            JSON.stringify({ kind: data.kind, reason: data.reason, withdrawnAt: data.withdrawnAt }),
          ],
        );
        return;
      }
    }
  }
}
