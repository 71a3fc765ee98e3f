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
  OutboxRelay,
  parkEvent,
  takeParkedEvents,
  UnprocessableEventError,
} from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { PublicationConfig } from '../config';
import { DisclosureWorkflows } from '../deadline/disclosure-workflows';
import { DisclosureEntity } from '../disclosures/disclosure.entity';
import { DisclosuresService } from '../disclosures/disclosures.service';
import { PublicationClock } from '../disclosures/publication-clock';
import { publishIfReady } from '../disclosures/publish';
import { storePreDisclosure } from '../pre-disclosure/pre-disclosure-store';
import { recordAnchorsSealedProblems, storeRecordAnchorDay } from '../record-anchors/record-anchors-store';
import { decisionMadeProblems } from './decision-contract';

/** The consumed_event name: one mark per event id for everything this service consumes. */
export const CONSUMER_NAME = 'publication';

/** What parked events wait for: the decision.made of a decision. */
const decisionArrived = (decisionId: string) => `decision:${decisionId}`;

/** What one transaction of the consumer did, acted upon once it has committed. */
interface Intake {
  /** Decisions stored (their record masked, published at once unless something holds it back). */
  stored: string[];
  /** Events parked until the decision they follow arrives. */
  parked: string[];
  /** Decisions withdrawn: a running deadline workflow is told. */
  withdrawn: string[];
  /** Decisions stored and still waiting (masking confirmation, §4 sign-off): each needs its deadline workflow. */
  waiting: string[];
}

const newIntake = (): Intake => ({ stored: [], parked: [], withdrawn: [], waiting: [] });

/**
 * What the service does with each event it consumes. The effect and the consumed mark commit together
 * (consumeOnce), so a redelivered event is a no-op.
 *
 * A decision is stored with its masked record and, when nothing holds it back, published in that same
 * transaction: its `disclosure.published` row is in the outbox when the transaction commits, and the relay sends
 * it at once. Only a record that waits (staff must confirm the masking, a reviewer must sign off a §4 block)
 * gets its deadline workflow, started after the commit: the workflow holds the deadline's warning and overdue
 * timers and publishes on `disclosureChanged`. A record published at receipt has nothing left for a workflow to
 * do (its deadline and timeliness are stored with it; a later withdrawal, correction or calendar recount is the
 * service's own work), so none is started. The offset is committed after the start, and a redelivered decision
 * starts the workflow of a record still waiting (a crash between the commit and the start), so none is lost.
 *
 * A decision's withdrawal and its decision share a key, but a re-decision is keyed by its own id, so nothing
 * orders it against the decision it replaces; and a producer's bug or an operator's re-send can put a withdrawal
 * first. An event that follows a decision not yet received is therefore parked (parked_event) and applied in
 * the transaction that stores that decision: a withdrawal that came first leaves the decision withdrawn before
 * anything is published, so a revoked decision never reaches the portal or the topic.
 */
@Injectable()
export class EventHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly disclosures: DisclosuresService,
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
    private readonly workflows: DisclosureWorkflows,
    private readonly clock: PublicationClock,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Applies one event at most once; returns false when it had been applied before (a decision: also when the
   * same decision came before under another event id). A decision that breaks its contract is refused as
   * unprocessable (set aside by the consumer) rather than stalling its partition.
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
    }
    const intake = newIntake();
    const applied = await consumeOnce(this.dataSource, CONSUMER_NAME, event.id, async (manager) => {
      await this.apply(manager, event, intake);
      await this.publishStored(manager, intake);
    });
    if (event.type === CASE_EVENT_TYPES.decisionMade && !applied)
      intake.waiting = await this.disclosures.waitingFrom((event.data as DecisionMadeData).decisionId);
    await this.afterCommit(intake);
    if (event.type !== CASE_EVENT_TYPES.decisionMade) return applied;
    return intake.stored.includes((event.data as DecisionMadeData).decisionId) || intake.parked.length > 0;
  }

  /** Applies `event` now, or parks it until the decision it follows arrives; notes what it did in `intake`. */
  private async apply(manager: EntityManager, event: CloudEvent, intake: Intake): Promise<void> {
    switch (event.type) {
      case CASE_EVENT_TYPES.decisionMade: {
        const decision = event.data as DecisionMadeData;
        if (
          decision.replacesDecisionId &&
          (await this.parkedUntil(manager, decision.replacesDecisionId, event, intake))
        )
          return;
        await this.storeDecision(manager, decision, intake);
        return;
      }
      case CASE_EVENT_TYPES.decisionWithdrawn: {
        const withdrawal = event.data as DecisionWithdrawnData;
        if (await this.parkedUntil(manager, withdrawal.decisionId, event, intake)) return;
        if (await this.disclosures.receiveWithdrawal(manager, withdrawal, new Date()))
          intake.withdrawn.push(withdrawal.decisionId);
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
   * Publishes each decision stored in this transaction that nothing holds back, after every event parked for it
   * has been applied (a withdrawal that came first leaves nothing to publish); notes those that wait.
   */
  private async publishStored(manager: EntityManager, intake: Intake): Promise<void> {
    if (intake.stored.length === 0) return;
    const at = await this.clock.now();
    for (const decisionId of intake.stored) {
      const disclosure = await manager
        .getRepository(DisclosureEntity)
        .findOneOrFail({ where: { decisionId }, lock: { mode: 'pessimistic_write' } });
      if ((await publishIfReady(manager, disclosure, at)) === 'waiting') intake.waiting.push(decisionId);
    }
  }

  /** Once the transaction has committed: the relay sends, running workflows learn of withdrawals, waiting ones start. */
  private async afterCommit(intake: Intake): Promise<void> {
    if (intake.stored.length > 0) this.relay.nudge();
    for (const decisionId of intake.withdrawn) await this.disclosures.afterWithdrawal(decisionId);
    await Promise.all(intake.waiting.map((decisionId) => this.workflows.start(decisionId)));
  }

  /**
   * The first activity of a deadline workflow started with its decision as input (before the consumer stored
   * decisions itself; such workflows may still run): stores the decision with the events parked until it
   * arrived, all in one transaction, and answers the stored re-decisions that replace it, whose workflows the
   * caller starts. Repeating it stores nothing twice and answers the same.
   */
  async receiveDecision(decision: DecisionMadeData): Promise<DecisionMadeData[]> {
    const intake = newIntake();
    const redecisions = await this.dataSource.transaction(async (manager) => {
      await this.storeDecision(manager, decision, intake);
      return this.disclosures.redecisionsOf(manager, decision.decisionId);
    });
    for (const decisionId of intake.withdrawn) await this.disclosures.afterWithdrawal(decisionId);
    return redecisions;
  }

  /** Stores a decision and applies what was parked until it arrived (a parked re-decision: stored too). */
  private async storeDecision(
    manager: EntityManager,
    decision: DecisionMadeData,
    intake: Intake,
  ): Promise<void> {
    await lockPredecessor(manager, CONSUMER_NAME, decisionArrived(decision.decisionId));
    if (await this.disclosures.receiveDecision(manager, decision)) intake.stored.push(decision.decisionId);
    const waiting = await takeParkedEvents(manager, CONSUMER_NAME, decisionArrived(decision.decisionId));
    for (const parked of waiting) await this.apply(manager, parked, intake);
  }

  /** Parks `event` when decision `decisionId` has not been received yet; true when it did. */
  private async parkedUntil(
    manager: EntityManager,
    decisionId: string,
    event: CloudEvent,
    intake: Intake,
  ): Promise<boolean> {
    await lockPredecessor(manager, CONSUMER_NAME, decisionArrived(decisionId));
    if (await this.disclosures.received(manager, decisionId)) return false;
    await parkEvent(manager, CONSUMER_NAME, decisionArrived(decisionId), event);
    intake.parked.push(event.id);
    return true;
  }
}
