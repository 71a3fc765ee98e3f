import { Inject, Injectable, Logger } from '@nestjs/common';
import { CalendarClient, CalendarRegion, chinaDateOf } from '@lep/calendar';
import type { CalendarYearChangedData, DecisionMadeData, DecisionWithdrawnData } from '@lep/contracts';
import { publicationBlockers } from '@lep/masking';
import { OutboxRelay } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { PublicationConfig } from '../config';
import { DisclosureWorkflows } from '../deadline/disclosure-workflows';
import { addMonths, DeadlinePlan, planDeadline, WITHDRAWAL_WORKING_DAYS } from './disclosure-deadline';
import { disclosureErrors } from './disclosure-errors';
import { enqueueDisclosureEvent } from './disclosure-events';
import { DisclosureEntity, DisclosureVersionEntity, Withdrawal } from './disclosure.entity';
import { buildPublicRecord } from './public-record';

/** Corrected raw fields; the public record is re-derived and re-masked from them. */
export interface CorrectionInput {
  reason: string;
  documentNumber?: string;
  partyName?: string;
  /** 违法事实 (penalty, 不予处罚) or 检查情况 (行政检查结果). */
  facts?: string;
  /** 处罚内容 / 不予处罚理由 / 许可内容 / 决定内容 / 处理情况, whichever the decision has. */
  content?: string;
  legalBasis?: string;
  displayUntil?: string;
}

/** The disclosure of each decision: received, masked, released by staff, withdrawn and corrected. */
@Injectable()
export class DisclosuresService {
  private readonly logger = new Logger(DisclosuresService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: DisclosureWorkflows,
    private readonly relay: OutboxRelay,
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
    private readonly calendar: CalendarClient,
  ) {}

  /**
   * Stores a decision (raw and masked) and its first version, inside the consumer's transaction (EventHandler);
   * a decision stored before stays as it is. True when this call stored it.
   */
  async receiveDecision(manager: EntityManager, decision: DecisionMadeData): Promise<boolean> {
    const region = decision.region as CalendarRegion;
    const plan = await this.planDeadline(decision.category, decision.decidedOn, region);
    const displayUntil = addMonths(decision.decidedOn, this.config.PUBLICATION_DISPLAY_MONTHS);
    const masked = buildPublicRecord(decision, {
      namePolicy: this.config.PUBLICATION_NAME_POLICY,
      displayUntil,
    });
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(DisclosureEntity)
      .values({
        decisionId: decision.decisionId,
        caseId: decision.caseId,
        agencyCode: decision.agencyCode,
        category: decision.category,
        region,
        decidedOn: decision.decidedOn,
        raw: decision,
        publicRecord: masked.record,
        version: 1,
        status: 'pending',
        maskingFindings: masked.findings,
        needsMaskingConfirmation: masked.needsConfirmation,
        maskingConfirmedBy: null,
        maskingConfirmedAt: null,
        blocks: blocksOf(decision),
        blockReview: null,
        deadlineOn: plan.deadlineOn,
        deadlineProvisional: plan.provisional,
        displayUntil,
        publishedAt: null,
        publishedOnTime: null,
        warnedAt: null,
        overdueAt: null,
        withdrawal: null,
      })
      .orIgnore()
      .returning(['decision_id'])
      .execute();
    // The same decision under another event id (a producer's retry): the first copy stands.
    if (inserted.raw.length === 0) return false;
    await manager.insert(DisclosureVersionEntity, {
      decisionId: decision.decisionId,
      version: 1,
      publicRecord: masked.record,
      reason: '首次公示',
      changedBy: 'system',
    });
    if (plan.provisional) {
      this.logger.warn(
        `disclosure deadline of ${decision.decisionId} is provisional (${plan.deadlineOn}): ${plan.provisional.reason}`,
      );
      await enqueueDisclosureEvent(
        manager,
        'deadlineProvisional',
        { decisionId: decision.decisionId, version: 1 },
        {
          decisionId: decision.decisionId,
          agencyCode: decision.agencyCode,
          region,
          deadlineOn: plan.deadlineOn,
          provisional: plan.provisional,
        },
        new Date(),
      );
    }
    return true;
  }

  /** The re-decisions stored so far that replace `decisionId` (each has, or is given, a workflow of its own). */
  async redecisionsOf(manager: EntityManager, decisionId: string): Promise<DecisionMadeData[]> {
    const rows = await manager
      .getRepository(DisclosureEntity)
      .createQueryBuilder('d')
      .where(`d.raw->>'replacesDecisionId' = :decisionId`, { decisionId })
      .orderBy('d.decision_id')
      .getMany();
    return rows.map((row) => row.raw);
  }

  /**
   * The records a decision's event stored that still wait to be published: the decision's own and those of the
   * re-decisions stored with it (each needs its deadline workflow).
   */
  async waitingFrom(decisionId: string): Promise<string[]> {
    const rows: { decision_id: string }[] = await this.dataSource.query(
      `SELECT decision_id FROM disclosure
        WHERE status = 'pending' AND (decision_id = $1 OR raw->>'replacesDecisionId' = $1)
        ORDER BY decision_id`,
      [decisionId],
    );
    return rows.map((row) => row.decision_id);
  }

  /** Whether the decision's event has been received (a disclosure exists, whatever its status). */
  async received(manager: EntityManager, decisionId: string): Promise<boolean> {
    return manager.getRepository(DisclosureEntity).existsBy({ decisionId });
  }

  /**
   * Takes a decision off the portal (domain.md P9) at once; the 3-working-day limit is recorded with it, and the
   * reason and time stay visible on the portal's withdrawal notice.
   */
  async receiveWithdrawal(
    manager: EntityManager,
    withdrawal: DecisionWithdrawnData,
    at: Date,
  ): Promise<boolean> {
    const disclosure = await manager
      .getRepository(DisclosureEntity)
      .findOne({ where: { decisionId: withdrawal.decisionId }, lock: { mode: 'pessimistic_write' } });
    if (!disclosure || disclosure.status === 'withdrawn') return false;
    const wasPublished = disclosure.status === 'published';
    const withdrawBy = await this.withdrawalDeadline(withdrawal.withdrawnOn, disclosure.region);
    const record: Withdrawal = {
      kind: withdrawal.kind,
      reason: withdrawal.reason,
      ...(withdrawal.source ? { source: withdrawal.source } : {}),
      withdrawnOn: withdrawal.withdrawnOn,
      withdrawBy: withdrawBy.value,
      withdrawByProvisional: withdrawBy.provisional,
      withdrawnAt: at.toISOString(),
      wasPublished,
    };
    await manager.update(
      DisclosureEntity,
      { decisionId: disclosure.decisionId },
      { status: 'withdrawn', withdrawal: record },
    );
    await enqueueDisclosureEvent(
      manager,
      'withdrawn',
      disclosure,
      {
        decisionId: disclosure.decisionId,
        agencyCode: disclosure.agencyCode,
        kind: record.kind,
        reason: record.reason,
        ...(record.source ? { source: record.source } : {}),
        withdrawnAt: record.withdrawnAt,
        withdrawBy: withdrawBy.value,
        withdrawByProvisional: withdrawBy.provisional,
        wasPublished,
      },
      at,
    );
    return true;
  }

  /** After a withdrawal commits: a still-waiting workflow learns it has nothing left to publish. */
  async afterWithdrawal(decisionId: string): Promise<void> {
    this.relay.nudge();
    await this.workflows.changed(decisionId);
  }

  async get(decisionId: string): Promise<DisclosureEntity> {
    const disclosure = await this.dataSource.getRepository(DisclosureEntity).findOneBy({ decisionId });
    if (!disclosure) throw disclosureErrors.notFound(decisionId);
    return disclosure;
  }

  /** The publisher approves the masked result (domain.md §4 "the publisher approves the result"). */
  async confirmMasking(decisionId: string, staffId: string): Promise<DisclosureEntity> {
    await this.dataSource.transaction(async (manager) => {
      const disclosure = await this.lockPending(manager, decisionId);
      if (disclosure.maskingConfirmedAt) return;
      await manager.update(
        DisclosureEntity,
        { decisionId },
        { maskingConfirmedBy: staffId, maskingConfirmedAt: new Date() },
      );
    });
    await this.workflows.changed(decisionId);
    return this.get(decisionId);
  }

  /** A reviewer lifts or upholds the domain.md §4 block on a decision. */
  async reviewBlock(
    decisionId: string,
    reviewerId: string,
    outcome: 'lift' | 'uphold',
    opinion: string,
  ): Promise<DisclosureEntity> {
    await this.dataSource.transaction(async (manager) => {
      const disclosure = await this.lockPending(manager, decisionId);
      if (disclosure.blocks.length === 0) throw disclosureErrors.nothingToReview();
      if (disclosure.blockReview) throw disclosureErrors.blockAlreadyReviewed();
      await manager.update(
        DisclosureEntity,
        { decisionId },
        { blockReview: { outcome, reviewerId, opinion, at: new Date().toISOString() } },
      );
    });
    await this.workflows.changed(decisionId);
    return this.get(decisionId);
  }

  /**
   * Corrects an inaccurate record (domain.md P4): the raw decision is amended, the public record re-derived and
   * re-masked, and the new version kept beside the old ones. A published record emits a corrected event.
   */
  async correct(decisionId: string, staffId: string, input: CorrectionInput): Promise<DisclosureEntity> {
    await this.dataSource.transaction(async (manager) => {
      const disclosure = await manager
        .getRepository(DisclosureEntity)
        .findOne({ where: { decisionId }, lock: { mode: 'pessimistic_write' } });
      if (!disclosure) throw disclosureErrors.notFound(decisionId);
      if (disclosure.status === 'withdrawn') throw disclosureErrors.withdrawn();
      const raw = correctedDecision(disclosure.raw, input);
      const displayUntil = input.displayUntil ?? disclosure.displayUntil;
      const masked = buildPublicRecord(raw, {
        namePolicy: this.config.PUBLICATION_NAME_POLICY,
        displayUntil,
      });
      const version = disclosure.version + 1;
      await manager.update(
        DisclosureEntity,
        { decisionId },
        {
          raw,
          publicRecord: masked.record,
          version,
          displayUntil,
          maskingFindings: masked.findings,
        },
      );
      await manager.insert(DisclosureVersionEntity, {
        decisionId,
        version,
        publicRecord: masked.record,
        reason: input.reason,
        changedBy: staffId,
      });
      if (disclosure.status === 'published') {
        const at = new Date();
        await enqueueDisclosureEvent(
          manager,
          'corrected',
          { decisionId, version },
          {
            decisionId,
            agencyCode: disclosure.agencyCode,
            version,
            reason: input.reason,
            correctedAt: at.toISOString(),
            record: masked.record,
          },
          at,
        );
      }
    });
    this.relay.nudge();
    return this.get(decisionId);
  }

  versions(decisionId: string): Promise<DisclosureVersionEntity[]> {
    return this.dataSource
      .getRepository(DisclosureVersionEntity)
      .find({ where: { decisionId }, order: { version: 'ASC' } });
  }

  /**
   * A year of the calendar was loaded (the registry's event): every deadline counted without it is counted
   * again. A waiting deadline workflow is told, so its timers follow; withdrawal limits are recounted in place.
   * Returns how many records were recounted; recounting twice changes nothing.
   */
  async recountProvisional(changed: Pick<CalendarYearChangedData, 'region' | 'year'>): Promise<number> {
    this.calendar.invalidate();
    const layer = JSON.stringify([{ region: changed.region, year: changed.year }]);
    const rows: { decision_id: string }[] = await this.dataSource.query(
      `SELECT decision_id FROM disclosure
        WHERE deadline_provisional->'missing' @> $1::jsonb
           OR withdrawal->'withdrawByProvisional'->'missing' @> $1::jsonb
        ORDER BY decision_id`,
      [layer],
    );
    for (const { decision_id: decisionId } of rows) {
      const before = await this.get(decisionId);
      const plan = await this.planDeadline(before.category, before.decidedOn, before.region);
      const withdrawBy = before.withdrawal?.withdrawByProvisional
        ? await this.withdrawalDeadline(before.withdrawal.withdrawnOn, before.region)
        : undefined;
      const pending = await this.dataSource.transaction(async (manager) => {
        const disclosure = await manager
          .getRepository(DisclosureEntity)
          .findOneOrFail({ where: { decisionId }, lock: { mode: 'pessimistic_write' } });
        await recordDeadline(manager, disclosure, plan.deadlineOn, plan.provisional);
        if (withdrawBy && disclosure.withdrawal)
          await manager.update(
            DisclosureEntity,
            { decisionId },
            {
              withdrawal: {
                ...disclosure.withdrawal,
                withdrawBy: withdrawBy.value,
                withdrawByProvisional: withdrawBy.provisional,
              },
            },
          );
        return disclosure.status === 'pending';
      });
      this.logger.log(
        `disclosure deadline of ${decisionId} counted again: ${plan.deadlineOn}${plan.provisional ? ' (still provisional)' : ''}`,
      );
      if (pending) await this.workflows.changed(decisionId);
    }
    return rows.length;
  }

  /** The disclosure deadline on the registry's calendar; provisional (with the reason) where it lacks a year. */
  planDeadline(
    category: DisclosureEntity['category'],
    decidedOn: string,
    region: string,
  ): Promise<DeadlinePlan> {
    return this.calendar
      .count((calendar) => {
        const plan = planDeadline(calendar, category, decidedOn, region as CalendarRegion);
        return { value: plan, provisional: plan.provisional };
      })
      .then((counted) => counted.value);
  }

  /** domain.md P9: the withdrawal's 3 working days, provisional where the calendar lacks a year. */
  withdrawalDeadline(withdrawnOn: string, region: string) {
    return this.calendar.count((calendar) =>
      calendar.addWorkingDays(withdrawnOn, WITHDRAWAL_WORKING_DAYS, { region: region as CalendarRegion }),
    );
  }

  private async lockPending(manager: EntityManager, decisionId: string): Promise<DisclosureEntity> {
    const disclosure = await manager
      .getRepository(DisclosureEntity)
      .findOne({ where: { decisionId }, lock: { mode: 'pessimistic_write' } });
    if (!disclosure) throw disclosureErrors.notFound(decisionId);
    if (disclosure.status !== 'pending') throw disclosureErrors.notPending();
    return disclosure;
  }
}

/**
 * Stores a (re)counted deadline. A record already published has its timeliness judged against it: published
 * early on a provisional deadline, it is known only now.
 */
export async function recordDeadline(
  manager: EntityManager,
  disclosure: DisclosureEntity,
  deadlineOn: string,
  provisional: DeadlinePlan['provisional'],
): Promise<void> {
  const publishedOnTime = disclosure.publishedAt
    ? chinaDateOf(disclosure.publishedAt.getTime()) <= deadlineOn
    : disclosure.publishedOnTime;
  await manager.update(
    DisclosureEntity,
    { decisionId: disclosure.decisionId },
    { deadlineOn, deadlineProvisional: provisional, publishedOnTime },
  );
}

function correctedDecision(issued: DecisionMadeData, input: CorrectionInput): DecisionMadeData {
  const set = <T extends object>(section: T | undefined, fields: Partial<T>): T | undefined =>
    section === undefined ? undefined : { ...section, ...definedOnly(fields) };
  // The issued 决定书 still prints the text before the correction: the corrected record no longer links it.
  const { document: _printed, ...decision } = issued;
  return {
    ...decision,
    documentNumber: input.documentNumber ?? decision.documentNumber,
    party: { ...decision.party, name: input.partyName ?? decision.party.name },
    penalty: set(decision.penalty, {
      facts: input.facts,
      content: input.content,
      legalBasis: input.legalBasis,
    }),
    noPenalty: set(decision.noPenalty, {
      facts: input.facts,
      reason: input.content,
      legalBasis: input.legalBasis,
    }),
    licensing: set(decision.licensing, { content: input.content }),
    other: set(decision.other, { content: input.content, legalBasis: input.legalBasis }),
    inspection: set(decision.inspection, {
      findings: input.facts,
      handling: input.content,
      legalBasis: input.legalBasis,
    }),
  };
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * domain.md §4 blocks: the case's flags, plus a minor (or an unverifiable age) read from the party's ID, which
 * the case side cannot be trusted to flag on its own.
 */
function blocksOf(decision: DecisionMadeData): DisclosureEntity['blocks'] {
  const blocks = new Set<DisclosureEntity['blocks'][number]>(decision.publicationBlocks);
  if (decision.party.type === 'natural-person' && decision.category === 'penalty') {
    const found = publicationBlockers({
      decisionDate: decision.decidedOn,
      penalisedPerson: { residentIdNumber: decision.party.idNumber },
      involvesSecretsOrPrivacy: false,
      endangersSecurityOrStability: false,
      provincialBodyDeemsUnsuitable: false,
    });
    for (const blocker of found) blocks.add(blocker.code === 'minor' ? 'minor' : 'age-unverified');
  }
  return [...blocks];
}
