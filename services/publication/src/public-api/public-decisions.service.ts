import { Injectable } from '@nestjs/common';
import {
  PublicDisclosureRecord,
  WITHDRAWAL_KIND_NAMES,
  WITHDRAWAL_SOURCE_NAMES,
  WithdrawalKind,
  WithdrawalSource,
} from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { chinaDateOf } from '@lep/calendar';
import { PublicDecisionPage, PublicDecisionQuery, PublicDecisionView } from './public-decision.dto';

interface PublicRow {
  decision_id: string;
  status: 'published' | 'withdrawn';
  version: number;
  published_at: Date | null;
  public_record: PublicDisclosureRecord;
  withdrawal: { kind: WithdrawalKind; reason: string; withdrawnAt: string; source?: WithdrawalSource } | null;
}

/**
 * Reads for the public, from the `public_disclosure` view only: this level's published and withdrawn records
 * and those forwarded from lower levels. The view has no raw column. Party search matches the *published*
 * name, never the raw one, so nobody can confirm who 张某 is by searching 张三.
 */
@Injectable()
export class PublicDecisionsService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: PublicDecisionQuery, now = new Date()): Promise<PublicDecisionPage> {
    const status = query.status ?? 'published';
    const builder = this.dataSource
      .createQueryBuilder()
      .from('public_disclosure', 'd')
      .where('d.status = :status', { status })
      // 公示截止期 (domain.md P11): past it, an item is no longer shown.
      .andWhere('d.display_until >= :today', { today: chinaDateOf(now.getTime()) });
    if (query.agency) builder.andWhere('d.agency_code = :agency', { agency: query.agency });
    if (query.category) builder.andWhere('d.category = :category', { category: query.category });
    if (query.from) builder.andWhere('d.decided_on >= :from', { from: query.from });
    if (query.to) builder.andWhere('d.decided_on <= :to', { to: query.to });
    if (query.party) {
      builder.andWhere(
        `(d.public_record->'party'->>'name' ILIKE :party OR d.public_record->'party'->>'creditCode' = :partyExact)`,
        { party: `%${escapeLike(query.party)}%`, partyExact: query.party },
      );
    }
    if (query.keyword && status === 'published') {
      builder.andWhere(`d.public_record::text ILIKE :keyword`, { keyword: `%${escapeLike(query.keyword)}%` });
    }
    const total = await builder.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const rows = await selectPublic(builder)
      .orderBy('d.decided_on', 'DESC')
      .addOrderBy('d.decision_id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<PublicRow>();
    return {
      items: rows.map(toPublicView),
      total: total?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(decisionId: string): Promise<PublicDecisionView> {
    const row = await selectPublic(
      this.dataSource
        .createQueryBuilder()
        .from('public_disclosure', 'd')
        .where('d.decision_id = :decisionId', { decisionId }),
    ).getRawOne<PublicRow>();
    if (!row) throw new ApiError(404, 'DISCLOSURE_NOT_FOUND', '未找到该公示信息');
    return toPublicView(row);
  }
}

function selectPublic(builder: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
  return builder.select([
    'd.decision_id AS decision_id',
    'd.status AS status',
    'd.version AS version',
    'd.published_at AS published_at',
    'd.public_record AS public_record',
    'd.withdrawal AS withdrawal',
  ]);
}

function toPublicView(row: PublicRow): PublicDecisionView {
  const { public_record: record, withdrawal } = row;
  if (row.status === 'withdrawn' && withdrawal) {
    // Off the portal: only what identifies the withdrawn item, with the reason and time (domain.md P9).
    return {
      decisionId: row.decision_id,
      status: 'withdrawn',
      version: row.version,
      record: {
        documentNumber: record.documentNumber,
        agencyName: record.agencyName,
        decidedOn: record.decidedOn,
        category: record.category,
      },
      withdrawal: {
        kind: WITHDRAWAL_KIND_NAMES[withdrawal.kind],
        reason: withdrawal.reason,
        withdrawnAt: withdrawal.withdrawnAt,
        ...(withdrawal.source
          ? {
              source: {
                kind: WITHDRAWAL_SOURCE_NAMES[withdrawal.source.kind],
                documentNumber: withdrawal.source.documentNumber,
                decidedOn: withdrawal.source.decidedOn,
              },
            }
          : {}),
      },
    };
  }
  return {
    decisionId: row.decision_id,
    status: 'published',
    version: row.version,
    ...(row.published_at ? { publishedAt: new Date(row.published_at).toISOString() } : {}),
    record: { ...record },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
