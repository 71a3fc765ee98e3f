import type { ItemListReview } from '@lep/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const ITEM_LIST_KINDS = ['enforcement-items', 'av-recording', 'review-catalog'] as const;
export type ItemListKind = (typeof ITEM_LIST_KINDS)[number];

/**
 * One published, immutable version of an agency's list. Editing a list inserts the next version; the version
 * in force at an instant is the latest one published at or before it.
 */
@Entity({ name: 'item_list_version' })
@Unique('uq_item_list_version', ['agencyCode', 'kind', 'version'])
@Index('idx_item_list_version_in_force', ['agencyCode', 'kind', 'publishedAt'])
export class ItemListVersionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @Column({ type: 'text' })
  kind!: ItemListKind;

  @Column({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'jsonb' })
  content!: unknown;

  /** The legal review it passed (enforcement item lists); null for lists published without one. */
  @Column({ type: 'jsonb', nullable: true })
  review!: ItemListReview | null;
}
