import { Inject, Injectable } from '@nestjs/common';
import {
  CalendarYearChangedData,
  CASE_EVENT_TYPES,
  CloudEvent,
  DecisionMadeData,
  DecisionWithdrawnData,
  RecordAnchorsSealedData,
  REGISTRY_EVENT_TYPES,
} from '@lep/contracts';
import {
  consumeOnce,
  lockPredecessor,
  parkEvent,
  takeParkedEvents,
  UnprocessableEventError,
} from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { PublicationConfig } from '../config';
import { DisclosureWorkflows } from '../deadline/disclosure-workflows';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { storePreDisclosure } from '../pre-disclosure/pre-disclosure-store';
import { recordAnchorsSealedProblems, storeRecordAnchorDay } from '../record-anchors/record-anchors-store';
import { decisionMadeProblems } from './decision-contract';

/** The consumed_event name: one mark per event id for everything this service consumes. */
export const CONSUMER_NAME = 'publication';

/** What parked events wait for: the decision.made of a decision. */
const decisionArrived = (decisionId: string) => `decision:${decisionId}`;

/**
 * What the service does with each event it consumes. The effect and the consumed mark commit together
 * (consumeOnce), so a redelivered event is a no-op. A decision is not stored here: its deadline workflow is
 * started with the decision as input (idempotent by the decision's id) and stores it in its first activity
 * (receiveDecision), so nothing is started before a commit and no activity waits for a record to appear.
 *
 * A decision's withdrawal and its decision share a key, but a re-decision is keyed by its own id, so nothing
 * orders it against the decision it replaces; and a producer's bug or an operator's re-send can put a withdrawal
 * first. An event that follows a decision not yet received is therefore parked (parked_event) and applied in
 * the transaction that stores that decision: a withdrawal that came first leaves the decision withdrawn before
 * its deadline workflow can publish anything, so a revoked decision never reaches the portal or the topic.
 */
@Injectable()
export class EventHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly disclosures: DisclosuresService,
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
    private readonly workflows: DisclosureWorkflows,
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
    if (event.type === CASE_EVENT_TYPES.recordAnchorsSealed) {
      const problems = recordAnchorsSealedProblems(event.data);
      if (problems.length > 0) throw new UnprocessableEventError(problems);
    }
    if (event.type === CASE_EVENT_TYPES.decisionMade) {
      const problems = decisionMadeProblems(event.data);
      if (problems.length > 0) throw new UnprocessableEventError(problems);
      return this.startDisclosure(event);
    }
    const withdrawn: string[] = [];
    const applied = await consumeOnce(this.dataSource, CONSUMER_NAME, event.id, (manager) =>
      this.apply(manager, event, withdrawn),
    );
    for (const decisionId of withdrawn) await this.disclosures.afterWithdrawal(decisionId);
    return applied;
  }

  /** Applies `event` now, or parks it until the decision it follows arrives; notes the decisions withdrawn. */
  private async apply(manager: EntityManager, event: CloudEvent, withdrawn: string[]): Promise<void> {
    switch (event.type) {
      case CASE_EVENT_TYPES.decisionMade: {
        const decision = event.data as DecisionMadeData;
        if (
          decision.replacesDecisionId &&
          (await this.parkedUntil(manager, decision.replacesDecisionId, event))
        )
          return;
        await this.storeDecision(manager, decision, withdrawn);
        return;
      }
      case CASE_EVENT_TYPES.decisionWithdrawn: {
        const withdrawal = event.data as DecisionWithdrawnData;
        if (await this.parkedUntil(manager, withdrawal.decisionId, event)) return;
        if (await this.disclosures.receiveWithdrawal(manager, withdrawal, new Date()))
          withdrawn.push(withdrawal.decisionId);
        return;
      }
      case CASE_EVENT_TYPES.recordAnchorsSealed:
        await storeRecordAnchorDay(manager, event.data as RecordAnchorsSealedData, new Date());
        return;
      default:
        await storePreDisclosure(manager, event, this.config.PUBLICATION_NAME_POLICY);
    }
  }

  /**
   * A decision starts its deadline workflow, which stores it (false: already started, a redelivery); a
   * re-decision whose predecessor has not arrived is parked instead (parking again on a redelivery changes
   * nothing) and stored with that predecessor.
   */
  private async startDisclosure(event: CloudEvent): Promise<boolean> {
    const decision = event.data as DecisionMadeData;
    const replaces = decision.replacesDecisionId;
    if (
      replaces &&
      (await this.dataSource.transaction((manager) => this.parkedUntil(manager, replaces, event)))
    )
      return true;
    return this.workflows.start(decision);
  }

  /**
   * The deadline workflow's first activity: stores its decision with the events parked until it arrived
   * (withdrawals applied, re-decisions stored), all in one transaction; answers the stored re-decisions that
   * replace it, whose workflows the caller starts. Repeating it stores nothing twice and answers the same.
   */
  async receiveDecision(decision: DecisionMadeData): Promise<DecisionMadeData[]> {
    const withdrawn: string[] = [];
    const redecisions = await this.dataSource.transaction(async (manager) => {
      await this.storeDecision(manager, decision, withdrawn);
      return this.disclosures.redecisionsOf(manager, decision.decisionId);
    });
    for (const decisionId of withdrawn) await this.disclosures.afterWithdrawal(decisionId);
    return redecisions;
  }

  /** Stores a decision and applies what was parked until it arrived (a parked re-decision: stored too). */
  private async storeDecision(
    manager: EntityManager,
    decision: DecisionMadeData,
    withdrawn: string[],
  ): Promise<void> {
    await lockPredecessor(manager, CONSUMER_NAME, decisionArrived(decision.decisionId));
    await this.disclosures.receiveDecision(manager, decision);
    const waiting = await takeParkedEvents(manager, CONSUMER_NAME, decisionArrived(decision.decisionId));
    for (const parked of waiting) await this.apply(manager, parked, withdrawn);
  }

  /** Parks `event` when decision `decisionId` has not been received yet; true when it did. */
  private async parkedUntil(manager: EntityManager, decisionId: string, event: CloudEvent): Promise<boolean> {
    await lockPredecessor(manager, CONSUMER_NAME, decisionArrived(decisionId));
    if (await this.disclosures.received(manager, decisionId)) return false;
    await parkEvent(manager, CONSUMER_NAME, decisionArrived(decisionId), event);
    return true;
  }
}
