import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the registry pre-discloses (事前公开, domain.md P5), by the kind of its event. */
export const PRE_DISCLOSURE_KINDS = ['agencies', 'personnel', 'item-lists'] as const;
/** 双随机、一公开 (domain.md P8): plans before they run, draws as commitments, results with the revealed seed. */
export const INSPECTION_KINDS = ['inspection-plans', 'inspection-draws', 'inspection-results'] as const;
/** 行政执法统计年报 (domain.md T1, §7), as each agency's leader approved it. */
export const REPORT_KINDS = ['annual-reports'] as const;
export type PreDisclosureKind =
  (typeof PRE_DISCLOSURE_KINDS)[number] | (typeof INSPECTION_KINDS)[number] | (typeof REPORT_KINDS)[number];

/**
 * The latest event for one subject — the registry's pre-disclosure and double-random inspections, the
 * statistics service's annual reports — a newer event replacing the older one on the portal.
 */
@Entity({ name: 'pre_disclosure' })
@Index('idx_pre_disclosure_agency', ['kind', 'agencyCode'])
export class PreDisclosureEntity {
  @PrimaryColumn({ type: 'text' })
  kind!: PreDisclosureKind;

  /**
   * Agency code, personnel id, `<agency>:<list kind>` for item lists and service guides, plan or draw id,
   * `<agency>:<year>` for an annual report.
   */
  @PrimaryColumn({ name: 'subject_key', type: 'text' })
  subjectKey!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  /** For agencies: the parent, so staff scope can follow the 兵团 → 师市 tree. */
  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  /** Time of the event that wrote this row; an older event arriving late changes nothing. */
  @Column({ name: 'event_time', type: 'timestamptz' })
  eventTime!: Date;

  /** The subject left the register (an agency removed); the portal no longer shows it. */
  @Column({ type: 'boolean' })
  removed!: boolean;
}
