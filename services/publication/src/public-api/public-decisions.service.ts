import { Injectable } from '@nestjs/common';
import { WITHDRAWAL_KIND_NAMES } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { beijingDate } from '../disclosures/disclosure-deadline';
import { DisclosureEntity } from '../disclosures/disclosure.entity';
import { PublicDecisionPage, PublicDecisionQuery, PublicDecisionView } from './public-decision.dto';

/**
 * Reads for the public. Only `public_record` (masked) and public status fields are ever selected: the raw
 * decision column is not read here at all. Party search matches the *published* name, never the raw one, so
 * nobody can confirm who 张某 is by searching 张三.
 */
@Injectable()
export class PublicDecisionsService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: PublicDecisionQuery, now = new Date()): Promise<PublicDecisionPage> {
    const status = query.status ?? 'published';
    const builder = this.dataSource
      .getRepository(DisclosureEntity)
      .createQueryBuilder('d')
      .select(PUBLIC_COLUMNS.map((column) => `d.${column}`))
      .where('d.status = :status', { status })
      // 公示截止期 (DOMAIN P11): past it, an item is no longer shown.
      .andWhere('d.display_until >= :today', { today: beijingDate(now) });
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
    const [rows, total] = await builder
      .orderBy('d.decided_on', 'DESC')
      .addOrderBy('d.decision_id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(toPublicView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(decisionId: string): Promise<PublicDecisionView> {
    const row = await this.dataSource
      .getRepository(DisclosureEntity)
      .createQueryBuilder('d')
      .select(PUBLIC_COLUMNS.map((column) => `d.${column}`))
      .where('d.decision_id = :decisionId', { decisionId })
      .andWhere(`d.status IN ('published', 'withdrawn')`)
      .getOne();
    if (!row) throw new ApiError(404, 'DISCLOSURE_NOT_FOUND', '未找到该公示信息');
    return toPublicView(row);
  }
}

const PUBLIC_COLUMNS = [
  'decisionId',
  'status',
  'version',
  'publishedAt',
  'publicRecord',
  'withdrawal',
  'decidedOn',
  'displayUntil',
] as const;

function toPublicView(row: DisclosureEntity): PublicDecisionView {
  const { publicRecord, withdrawal } = row;
  if (row.status === 'withdrawn' && withdrawal) {
    // Off the portal: only what identifies the withdrawn item, with the reason and time (DOMAIN P9).
    return {
      decisionId: row.decisionId,
      status: 'withdrawn',
      version: row.version,
      record: {
        documentNumber: publicRecord.documentNumber,
        agencyName: publicRecord.agencyName,
        decidedOn: publicRecord.decidedOn,
        category: publicRecord.category,
      },
      withdrawal: {
        kind: WITHDRAWAL_KIND_NAMES[withdrawal.kind],
        reason: withdrawal.reason,
        withdrawnAt: withdrawal.withdrawnAt,
      },
    };
  }
  return {
    decisionId: row.decisionId,
    status: 'published',
    version: row.version,
    ...(row.publishedAt ? { publishedAt: row.publishedAt.toISOString() } : {}),
    record: { ...publicRecord },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
