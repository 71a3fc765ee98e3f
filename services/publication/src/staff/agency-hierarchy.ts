import { Injectable } from '@nestjs/common';
import type { AgencyHierarchy } from '@lep/auth';
import { DataSource } from 'typeorm';

/** The 兵团 → 师市 tree as the registry pre-discloses it (agency events carry the parent). */
@Injectable()
export class PublicationAgencyHierarchy implements AgencyHierarchy {
  constructor(private readonly dataSource: DataSource) {}

  async isSameOrDescendant(ancestorCode: string, agencyCode: string): Promise<boolean> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `WITH RECURSIVE chain(code, parent_code, depth) AS (
         SELECT subject_key, parent_code, 0 FROM pre_disclosure WHERE kind = 'agencies' AND subject_key = $1
         UNION ALL
         SELECT p.subject_key, p.parent_code, c.depth + 1 FROM pre_disclosure p
           JOIN chain c ON p.kind = 'agencies' AND p.subject_key = c.parent_code WHERE c.depth < 16
       ) SELECT code FROM chain WHERE code = $2`,
      [agencyCode, ancestorCode],
    );
    return ancestorCode === agencyCode || rows.length > 0;
  }
}
