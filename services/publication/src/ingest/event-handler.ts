import { Injectable } from '@nestjs/common';
import {
  CalendarYearChangedData,
  CASE_EVENT_TYPES,
  CloudEvent,
  DecisionMadeData,
  DecisionWithdrawnData,
  REGISTRY_EVENT_TYPES,
} from '@lep/contracts';
import { consumeOnce, UnprocessableEventError } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { storePreDisclosure } from '../pre-disclosure/pre-disclosure-store';
import { decisionMadeProblems } from './decision-contract';

/** The consumed_event name: one mark per event id for everything this service consumes. */
export const CONSUMER_NAME = 'publication';

/**
 * What the service does with each event it consumes. The effect and the consumed mark commit together
 * (consumeOnce), so a redelivered event is a no-op.
 */
@Injectable()
export class EventHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly disclosures: DisclosuresService,
  ) {}

  /**
   * Applies one event at most once; returns false when it had been applied before. A decision that breaks its
   * contract is refused as unprocessable (set aside by the consumer) rather than stalling its partition.
   */
  async handle(event: CloudEvent): Promise<boolean> {
    // Recounting is idempotent and reads the registry: no consumed mark, no transaction around it.
    if (event.type === REGISTRY_EVENT_TYPES.calendarYearChanged) {
      await this.disclosures.recountProvisional(event.data as CalendarYearChangedData);
      return true;
    }
    if (event.type === CASE_EVENT_TYPES.decisionMade) {
      const problems = decisionMadeProblems(event.data);
      if (problems.length > 0) throw new UnprocessableEventError(problems);
    }
    let withdrawn: string | undefined;
    const applied = await consumeOnce(this.dataSource, CONSUMER_NAME, event.id, async (manager) => {
      switch (event.type) {
        case CASE_EVENT_TYPES.decisionMade:
          await this.disclosures.receiveDecision(manager, event.data as DecisionMadeData);
          return;
        case CASE_EVENT_TYPES.decisionWithdrawn: {
          const data = event.data as DecisionWithdrawnData;
          if (await this.disclosures.receiveWithdrawal(manager, data, new Date())) {
            withdrawn = data.decisionId;
          }
          return;
        }
        default:
          await storePreDisclosure(manager, event);
      }
    });
    if (withdrawn) await this.disclosures.afterWithdrawal(withdrawn);
    return applied;
  }
}
