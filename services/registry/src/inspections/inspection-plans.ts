import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@lep/nest-kit';
import type { EntityManager } from 'typeorm';
import { InspectionDrawEntity, InspectionPlanEntity } from './inspection.entities';

/** The plan, locked for the rest of the transaction so draws, voids and results of one plan never interleave. */
export async function lockPlanOrFail(manager: EntityManager, id: string): Promise<InspectionPlanEntity> {
  const plan = await manager
    .createQueryBuilder(InspectionPlanEntity, 'p')
    .setLock('pessimistic_write')
    .where('p.id = :id', { id })
    .getOne();
  if (!plan) throw new ApiError(HttpStatus.NOT_FOUND, 'INSPECTION_PLAN_NOT_FOUND', `抽查计划 ${id} 不存在`);
  return plan;
}

export async function findPlanOrFail(manager: EntityManager, id: string): Promise<InspectionPlanEntity> {
  const plan = await manager.findOneBy(InspectionPlanEntity, { id });
  if (!plan) throw new ApiError(HttpStatus.NOT_FOUND, 'INSPECTION_PLAN_NOT_FOUND', `抽查计划 ${id} 不存在`);
  return plan;
}

/** The draw in force (not voided), if any. */
export function drawInForce(manager: EntityManager, planId: string): Promise<InspectionDrawEntity | null> {
  return manager
    .createQueryBuilder(InspectionDrawEntity, 'd')
    .where('d.plan_id = :planId AND d.voided_at IS NULL', { planId })
    .getOne();
}
