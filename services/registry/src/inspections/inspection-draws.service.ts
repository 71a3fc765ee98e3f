import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '@lep/auth';
import { INSPECTION_EVENT_TYPES, InspectionDrawMadeData, InspectionDrawVoidedData } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyAccess } from '../access/agency-access';
import { actor } from '../common/actor';
import { chinaDate } from '../common/dates';
import { statusOnSql } from '../personnel/certificate-status';
import { canonicalPools, DrawImpossibleError, DrawPools, poolsHash, runDraw } from './draw';
import { DrawVerificationView, InspectionDrawView } from './inspection.dto';
import { InspectionDrawEntity, InspectionPlanEntity } from './inspection.entities';
import { emitInspectionEvent } from './inspection-events';
import { drawInForce, findPlanOrFail, lockPlanOrFail } from './inspection-plans';

export function drawView(draw: InspectionDrawEntity): InspectionDrawView {
  return {
    id: draw.id,
    seed: draw.seed,
    poolsHash: draw.poolsHash,
    pools: draw.pools,
    drawDay: draw.drawDay,
    assignments: draw.assignments,
    drawnBy: draw.drawnBy,
    drawnAt: draw.drawnAt.toISOString(),
    voidedAt: draw.voidedAt?.toISOString() ?? null,
    voidedBy: draw.voidedBy,
    voidReason: draw.voidReason,
  };
}

/**
 * The pools of a plan on `day`: active list entries of the plan's category; the agency's officers whose
 * certificate is in force that day (issued, not expired, not suspended or revoked); their recorded relations.
 */
async function readPools(
  manager: EntityManager,
  plan: InspectionPlanEntity,
  day: string,
): Promise<DrawPools> {
  const targets: { code: string }[] = await manager.query(
    `SELECT code FROM inspection_target
      WHERE agency_code = $1 AND active AND ($2::text IS NULL OR category = $2)`,
    [plan.agencyCode, plan.targetCategory],
  );
  const inspectors: { id: string }[] = await manager.query(
    `SELECT p.id FROM personnel p
      WHERE p.agency_code = $1 AND p.certificate_issued_on <= $2 AND p.certificate_expires_on >= $2
        AND ${statusOnSql('$2')} = 'active'`,
    [plan.agencyCode, day],
  );
  const relations: { inspectorId: string; targetCode: string }[] = await manager.query(
    `SELECT personnel_id AS "inspectorId", target_code AS "targetCode" FROM inspection_relation
      WHERE agency_code = $1`,
    [plan.agencyCode],
  );
  const targetCodes = new Set(targets.map((t) => t.code));
  const inspectorIds = new Set(inspectors.map((i) => i.id));
  // Only relations between pool members matter; keeping others would make the hash depend on noise.
  return canonicalPools({
    targets: [...targetCodes],
    inspectors: [...inspectorIds],
    relations: relations.filter((r) => targetCodes.has(r.targetCode) && inspectorIds.has(r.inspectorId)),
  });
}

/**
 * Draws (双随机抽取): once per plan. A second draw is refused unless the first was voided with a reason, and
 * both stay on record and on the event stream, so a draw can never be quietly repeated until it suits someone.
 */
@Injectable()
export class InspectionDrawsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AgencyAccess,
  ) {}

  draw(principal: Principal, planId: string): Promise<InspectionDrawView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlanOrFail(manager, planId);
      await this.access.assertCanManage(principal, plan.agencyCode);
      const existing = await drawInForce(manager, planId);
      if (existing)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'INSPECTION_ALREADY_DRAWN',
          `该计划已于 ${existing.drawDay} 抽取（抽取记录 ${existing.id}），如需重新抽取须先作废原抽取并说明理由`,
        );
      if (plan.status === 'results-published')
        throw new ApiError(
          HttpStatus.CONFLICT,
          'INSPECTION_RESULTS_PUBLISHED',
          '该计划的检查结果已公开，不能再抽取',
        );
      const day = chinaDate();
      const pools = await readPools(manager, plan, day);
      const seed = randomBytes(32).toString('hex');
      let assignments;
      try {
        assignments = runDraw(seed, pools, plan);
      } catch (error) {
        if (error instanceof DrawImpossibleError)
          throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, error.code, error.message);
        throw error;
      }
      const draw = await manager.save(
        manager.create(InspectionDrawEntity, {
          id: randomUUID(),
          planId,
          seed,
          poolsHash: poolsHash(pools),
          pools,
          drawDay: day,
          assignments,
          drawnBy: actor(principal),
          voidedAt: null,
          voidedBy: null,
          voidReason: null,
        }),
      );
      await manager.update(InspectionPlanEntity, { id: planId }, { status: 'drawn' });
      const data: InspectionDrawMadeData = {
        planId,
        drawId: draw.id,
        agencyCode: plan.agencyCode,
        drawDay: day,
        poolsHash: draw.poolsHash,
        seedCommitment: createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'),
        drawnAt: draw.drawnAt.toISOString(),
      };
      await emitInspectionEvent(manager, INSPECTION_EVENT_TYPES.drawMade, planId, data);
      return drawView(draw);
    });
  }

  voidDraw(
    principal: Principal,
    planId: string,
    drawId: string,
    reason: string,
  ): Promise<InspectionDrawView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await lockPlanOrFail(manager, planId);
      await this.access.assertCanManage(principal, plan.agencyCode);
      const draw = await this.findDrawOrFail(manager, planId, drawId);
      if (draw.voidedAt)
        throw new ApiError(HttpStatus.CONFLICT, 'INSPECTION_DRAW_VOIDED', `抽取记录 ${drawId} 已作废`);
      if (plan.status === 'results-published')
        throw new ApiError(
          HttpStatus.CONFLICT,
          'INSPECTION_RESULTS_PUBLISHED',
          '检查结果已公开，抽取不能作废',
        );
      draw.voidedAt = new Date();
      draw.voidedBy = actor(principal);
      draw.voidReason = reason;
      await manager.save(draw);
      await manager.update(InspectionPlanEntity, { id: planId }, { status: 'disclosed' });
      const data: InspectionDrawVoidedData = {
        planId,
        drawId,
        agencyCode: plan.agencyCode,
        reason,
        voidedAt: draw.voidedAt.toISOString(),
      };
      await emitInspectionEvent(manager, INSPECTION_EVENT_TYPES.drawVoided, planId, data);
      return drawView(draw);
    });
  }

  /** Re-runs a recorded draw from its seed and pools: anyone holding the published record can do the same. */
  async verify(principal: Principal, planId: string, drawId: string): Promise<DrawVerificationView> {
    const manager = this.dataSource.manager;
    const plan = await findPlanOrFail(manager, planId);
    await this.access.assertCanManage(principal, plan.agencyCode);
    const draw = await this.findDrawOrFail(manager, planId, drawId);
    const assignments = runDraw(draw.seed, draw.pools, plan);
    return {
      poolsHashMatches: poolsHash(draw.pools) === draw.poolsHash,
      reproduced: isDeepStrictEqual(assignments, draw.assignments),
      assignments,
    };
  }

  private async findDrawOrFail(manager: EntityManager, planId: string, drawId: string) {
    const draw = await manager.findOneBy(InspectionDrawEntity, { id: drawId, planId });
    if (!draw)
      throw new ApiError(HttpStatus.NOT_FOUND, 'INSPECTION_DRAW_NOT_FOUND', `抽取记录 ${drawId} 不存在`);
    return draw;
  }
}
