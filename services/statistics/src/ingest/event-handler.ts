import { Injectable, Logger } from '@nestjs/common';
import { AgencyChangedData, CloudEvent, ItemListPublishedData, REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { consumeOnce } from '@lep/nest-kit';
import { MalformedEventError, recordAndApply } from '@lep/stats-core';
import { DataSource } from 'typeorm';
import { storeAgencyPowers } from '../aggregates/agency-powers';
import { storeAgency } from '../aggregates/agency-tree';
import { CertificateWatch } from '../warnings/certificate-watch';
import { WithdrawalWatch } from '../warnings/withdrawal-watch';
import { warningChangesOf } from '../warnings/warning-rules';
import { WarningsService } from '../warnings/warnings.service';

/** The consumed_event name: one mark per event id for everything this service consumes. */
export const CONSUMER_NAME = 'statistics';

/**
 * What the service does with each consumed event: log it, add it to the figures, keep the agency tree and
 * powers, and raise or clear warnings. All of it commits with the consumed mark (consumeOnce), so a redelivery is a no-op.
 */
@Injectable()
export class EventHandler {
  private readonly logger = new Logger(EventHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly warnings: WarningsService,
    private readonly certificates: CertificateWatch,
    private readonly withdrawals: WithdrawalWatch,
  ) {}

  /** Applies one event at most once; returns false when it had been applied before. */
  handle(event: CloudEvent): Promise<boolean> {
    return consumeOnce(this.dataSource, CONSUMER_NAME, event.id, async (manager) => {
      try {
        await recordAndApply(manager, event);
      } catch (error) {
        // Retrying cannot fix a date that is not one and would stall the partition: mark it consumed, count nothing.
        if (!(error instanceof MalformedEventError)) throw error;
        this.logger.error(`event ${event.id} (${event.type}) not counted: ${error.message}`);
        return;
      }
      if (event.type === REGISTRY_EVENT_TYPES.agencyChanged) {
        await storeAgency(manager, event.data as AgencyChangedData);
      }
      if (event.type === REGISTRY_EVENT_TYPES.itemListPublished) {
        await storeAgencyPowers(manager, event.data as ItemListPublishedData);
      }
      await this.warnings.apply(manager, warningChangesOf(event));
      await this.warnings.apply(manager, await this.certificates.changesFor(manager, event));
      await this.warnings.apply(manager, await this.withdrawals.changesFor(manager, event));
    });
  }
}
