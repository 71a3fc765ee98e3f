import type { InspectionTargetPartyType } from '@lep/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An entry of an agency's inspection target list (检查对象名录). */
@Entity({ name: 'inspection_target' })
export class InspectionTargetEntity {
  @PrimaryColumn({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Kind of target (e.g. 食品经营者), matched against a plan's targetCategory. */
  @Column({ type: 'text' })
  category!: string;

  /** 行政相对人类别; null when not given (published results then treat it by its code, see partyTypeOf). */
  @Column({ name: 'party_type', type: 'text', nullable: true })
  partyType!: InspectionTargetPartyType | null;

  /** Withdrawn entries stay for old draws but are never drawn again. */
  @Column({ type: 'boolean' })
  active!: boolean;
}

/** A recorded relation between an officer and a target (亲属、利害关系…): grounds for recusal (回避). */
@Entity({ name: 'inspection_relation' })
@Index('idx_inspection_relation_agency', ['agencyCode'])
export class InspectionRelationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ name: 'personnel_id', type: 'uuid' })
  personnelId!: string;

  @Column({ name: 'target_code', type: 'text' })
  targetCode!: string;

  @Column({ type: 'text' })
  relation!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

export const PLAN_STATUSES = ['disclosed', 'drawn', 'results-published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A random-inspection plan (抽查计划), disclosed when it is created, before any draw. */
@Entity({ name: 'inspection_plan' })
@Index('idx_inspection_plan_agency', ['agencyCode'])
export class InspectionPlanEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  basis!: string;

  @Column({ type: 'text' })
  scope!: string;

  @Column({ name: 'target_category', type: 'text', nullable: true })
  targetCategory!: string | null;

  @Column({ name: 'target_count', type: 'int' })
  targetCount!: number;

  @Column({ name: 'inspectors_per_target', type: 'int' })
  inspectorsPerTarget!: number;

  @Column({ name: 'planned_start', type: 'date' })
  plannedStart!: string;

  @Column({ name: 'planned_end', type: 'date' })
  plannedEnd!: string;

  @Column({ type: 'text' })
  status!: PlanStatus;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export interface StoredAssignment {
  targetCode: string;
  inspectorIds: string[];
}

/** One draw of a plan with everything needed to re-run it; voided draws are kept with their reason. */
@Entity({ name: 'inspection_draw' })
@Index('idx_inspection_draw_plan', ['planId'])
@Index('uq_inspection_draw_in_force', ['planId'], { unique: true, where: '"voided_at" IS NULL' })
export class InspectionDrawEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'text' })
  seed!: string;

  @Column({ name: 'pools_hash', type: 'text' })
  poolsHash!: string;

  @Column({ type: 'jsonb' })
  pools!: {
    targets: string[];
    inspectors: string[];
    relations: { inspectorId: string; targetCode: string }[];
  };

  @Column({ name: 'draw_day', type: 'date' })
  drawDay!: string;

  @Column({ type: 'jsonb' })
  assignments!: StoredAssignment[];

  @Column({ name: 'drawn_by', type: 'text' })
  drawnBy!: string;

  @CreateDateColumn({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @Column({ name: 'voided_by', type: 'text', nullable: true })
  voidedBy!: string | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason!: string | null;
}

/** What the inspectors found at one drawn target. */
@Entity({ name: 'inspection_result' })
export class InspectionResultEntity {
  @PrimaryColumn({ name: 'draw_id', type: 'uuid' })
  drawId!: string;

  @PrimaryColumn({ name: 'target_code', type: 'text' })
  targetCode!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text' })
  findings!: string;

  @Column({ name: 'inspected_on', type: 'date' })
  inspectedOn!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

export const INSPECTION_ENTITIES = [
  InspectionTargetEntity,
  InspectionRelationEntity,
  InspectionPlanEntity,
  InspectionDrawEntity,
  InspectionResultEntity,
];
