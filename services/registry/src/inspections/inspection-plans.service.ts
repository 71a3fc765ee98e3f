import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import {
  INSPECTION_EVENT_TYPES,
  InspectionPlanDisclosedData,
  InspectionResultsPublishedData,
} from '@lep/contracts';
import { isValidUscc } from '@lep/masking';
import { ApiError } from '@lep/nest-kit';
import { DataSource, EntityManager, In } from 'typeorm';
import { AgencyAccess } from '../access/agency-access';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { actor } from '../common/actor';
import { PersonnelEntity } from '../personnel/personnel.entity';
import {
  InspectionPlanDto,
  InspectionPlanView,
  InspectionResultDto,
  InspectionResultView,
} from './inspection.dto';
import {
  InspectionDrawEntity,
  InspectionPlanEntity,
  InspectionResultEntity,
  InspectionTargetEntity,
} from './inspection.entities';
import { drawView } from './inspection-draws.service';
import { emitInspectionEvent } from './inspection-events';
import { drawInForce, findPlanOrFail, lockPlanOrFail } from './inspection-plans';

/**
 * A drawn target as its result is announced: with its party type as registered or, when none was given, read
 * from its code (a valid unified social credit code is an organisation's; anything else is treated as a natural
 * person's, so the publisher masks it — privacy first).
 */
function publishedTarget(
  code: string,
  target: InspectionTargetEntity | undefined,
): InspectionResultsPublishedData['results'][number]['target'] {
  return {
    code,
    name: target?.name ?? '',
    partyType: target?.partyType ?? (isValidUscc(code) ? 'legal-person' : 'natural-person'),
  };
}

function datesInvalid(): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'PLAN_DATES_INVALID', '计划结束日期不能早于开始日期', [
    { field: 'plannedEnd', rule: 'afterStart', message: '字段 plannedEnd 早于 plannedStart' },
  ]);
}

/** Inspection plans: disclosed on creation (事前公开), results recorded per drawn target and published together. */
@Injectable()
export class InspectionPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AgencyAccess,
  ) {}

  async create(
    principal: Principal,
    agencyCode: string,
    dto: InspectionPlanDto,
  ): Promise<InspectionPlanView> {
    if (dto.plannedEnd < dto.plannedStart) throw datesInvalid();
    await this.access.assertCanManage(principal, agencyCode);
    return this.dataSource.transaction(async (manager) => {
      await findAgencyOrFail(manager, agencyCode);
      const plan = await manager.save(
        manager.create(InspectionPlanEntity, {
          id: randomUUID(),
          agencyCode,
          subject: dto.subject,
          basis: dto.basis,
          scope: dto.scope,
          targetCategory: dto.targetCategory ?? null,
          targetCount: dto.targetCount,
          inspectorsPerTarget: dto.inspectorsPerTarget,
          plannedStart: dto.plannedStart,
          plannedEnd: dto.plannedEnd,
          status: 'disclosed',
          createdBy: actor(principal),
        }),
      );
      const data: InspectionPlanDisclosedData = {
        planId: plan.id,
        agencyCode,
        subject: plan.subject,
        basis: plan.basis,
        scope: plan.scope,
        targetCategory: plan.targetCategory,
        targetCount: plan.targetCount,
        inspectorsPerTarget: plan.inspectorsPerTarget,
        plannedStart: plan.plannedStart,
        plannedEnd: plan.plannedEnd,
      };
      await emitInspectionEvent(manager, INSPECTION_EVENT_TYPES.planDisclosed, plan.id, data);
      return this.view(manager, plan);
    });
  }

  async list(principal: Principal, agencyCode: string): Promise<InspectionPlanView[]> {
    await this.access.assertCanManage(principal, agencyCode);
    const manager = this.dataSource.manager;
    const plans = await manager.find(InspectionPlanEntity, {
      where: { agencyCode },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return Promise.all(plans.map((plan) => this.view(manager, plan)));
  }

  /** Draws and results name the targets before they are inspected: only the agency's own chain sees them. */
  async get(principal: Principal, planId: string): Promise<InspectionPlanView> {
    const manager = this.dataSource.manager;
    const plan = await findPlanOrFail(manager, planId);
    await this.access.assertCanManage(principal, plan.agencyCode);
    return this.view(manager, plan);
  }

  recordResult(
    principal: Principal,
    planId: string,
    targetCode: string,
    dto: InspectionResultDto,
  ): Promise<InspectionResultView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlanOrFail(manager, planId);
      await this.access.assertCanManage(principal, plan.agencyCode);
      if (plan.status === 'results-published')
        throw new ApiError(HttpStatus.CONFLICT, 'INSPECTION_RESULTS_PUBLISHED', '检查结果已公开，不能再修改');
      const draw = await drawInForce(manager, planId);
      if (!draw) throw new ApiError(HttpStatus.CONFLICT, 'INSPECTION_NOT_DRAWN', '该计划尚未抽取检查对象');
      if (!draw.assignments.some((assignment) => assignment.targetCode === targetCode))
        throw new ApiError(
          HttpStatus.NOT_FOUND,
          'TARGET_NOT_DRAWN',
          `检查对象 ${targetCode} 不在本计划现行抽取结果中`,
        );
      const result = { drawId: draw.id, targetCode, ...dto, recordedBy: actor(principal) };
      await manager.upsert(InspectionResultEntity, result, ['drawId', 'targetCode']);
      return { targetCode, ...dto, recordedBy: result.recordedBy };
    });
  }

  /** Publishes every drawn target's result at once, revealing the seed and pools so the draw can be checked. */
  publishResults(principal: Principal, planId: string): Promise<InspectionPlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlanOrFail(manager, planId);
      await this.access.assertCanManage(principal, plan.agencyCode);
      if (plan.status === 'results-published')
        throw new ApiError(HttpStatus.CONFLICT, 'INSPECTION_RESULTS_PUBLISHED', '检查结果已公开');
      const draw = await drawInForce(manager, planId);
      if (!draw) throw new ApiError(HttpStatus.CONFLICT, 'INSPECTION_NOT_DRAWN', '该计划尚未抽取检查对象');
      const results = await manager.findBy(InspectionResultEntity, { drawId: draw.id });
      const byTarget = new Map(results.map((result) => [result.targetCode, result]));
      const missing = draw.assignments.filter((a) => !byTarget.has(a.targetCode)).map((a) => a.targetCode);
      if (missing.length > 0)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'INSPECTION_RESULTS_INCOMPLETE',
          `尚有 ${missing.length} 户检查对象未录入检查结果：${missing.join('、')}`,
        );
      await manager.update(InspectionPlanEntity, { id: planId }, { status: 'results-published' });
      await emitInspectionEvent(
        manager,
        INSPECTION_EVENT_TYPES.resultsPublished,
        planId,
        await this.publishedData(manager, plan, draw, byTarget),
      );
      return this.view(manager, { ...plan, status: 'results-published' });
    });
  }

  private async publishedData(
    manager: EntityManager,
    plan: InspectionPlanEntity,
    draw: InspectionDrawEntity,
    results: Map<string, InspectionResultEntity>,
  ): Promise<InspectionResultsPublishedData> {
    const targets = await manager.findBy(InspectionTargetEntity, {
      agencyCode: plan.agencyCode,
      code: In(draw.assignments.map((a) => a.targetCode)),
    });
    const people = await manager.findBy(PersonnelEntity, {
      id: In([...new Set(draw.assignments.flatMap((a) => a.inspectorIds))]),
    });
    const targetOf = new Map(targets.map((target) => [target.code, target]));
    const person = new Map(people.map((p) => [p.id, p]));
    return {
      planId: plan.id,
      drawId: draw.id,
      agencyCode: plan.agencyCode,
      seed: draw.seed,
      pools: draw.pools,
      results: draw.assignments.map((assignment) => {
        const result = results.get(assignment.targetCode)!;
        return {
          target: publishedTarget(assignment.targetCode, targetOf.get(assignment.targetCode)),
          inspectors: assignment.inspectorIds.map((id) => ({
            personnelId: id,
            name: person.get(id)?.name ?? '',
            certificateNumber: person.get(id)?.certificateNumber ?? '',
          })),
          outcome: result.outcome,
          findings: result.findings,
          inspectedOn: result.inspectedOn,
        };
      }),
      publishedAt: new Date().toISOString(),
    };
  }

  private async view(manager: EntityManager, plan: InspectionPlanEntity): Promise<InspectionPlanView> {
    const draws = await manager.find(InspectionDrawEntity, {
      where: { planId: plan.id },
      order: { drawnAt: 'ASC', id: 'ASC' },
    });
    const current = draws.find((draw) => !draw.voidedAt);
    const results = current
      ? await manager.find(InspectionResultEntity, {
          where: { drawId: current.id },
          order: { targetCode: 'ASC' },
        })
      : [];
    return {
      id: plan.id,
      agencyCode: plan.agencyCode,
      subject: plan.subject,
      basis: plan.basis,
      scope: plan.scope,
      targetCategory: plan.targetCategory,
      targetCount: plan.targetCount,
      inspectorsPerTarget: plan.inspectorsPerTarget,
      plannedStart: plan.plannedStart,
      plannedEnd: plan.plannedEnd,
      status: plan.status,
      createdBy: plan.createdBy,
      draws: draws.map(drawView),
      results: results.map(({ targetCode, outcome, findings, inspectedOn, recordedBy }) => ({
        targetCode,
        outcome,
        findings,
        inspectedOn,
        recordedBy,
      })),
    };
  }
}
