import type { ReviewCatalogCriteria } from '@lep/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One published, immutable version of the platform default review catalogue (domain.md L3c): what applies to an
 * agency that has published no catalogue of its own. Editing it inserts the next version; a case is judged by the
 * version in force at its filing, so verdicts already reached keep their meaning.
 */
@Entity({ name: 'platform_catalog_version' })
export class PlatformCatalogVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;

  @Column({ type: 'jsonb' })
  content!: ReviewCatalogCriteria;
}
