import { Injectable } from '@nestjs/common';
import { CaseFileEntity } from '@lep/case-store';
import { DataSource } from 'typeorm';
import type { CaseListQuery, CasePageView, CaseSummaryView } from './case.dto';

/** Reads of the case index (case_file), which the worker keeps current one workflow step at a time. */
@Injectable()
export class CaseIndex {
  constructor(private readonly dataSource: DataSource) {}

  find(caseId: string): Promise<CaseFileEntity | null> {
    return this.dataSource.getRepository(CaseFileEntity).findOneBy({ caseId });
  }

  /** One page of an agency's cases (all agencies when `agencyCode` is undefined), most recently changed first. */
  /** One page of the cases of `agencyCodes` (every agency: undefined), filtered as the query asks. */
  async page(query: CaseListQuery, agencyCodes: string[] | undefined): Promise<CasePageView> {
    const { page, pageSize } = query;
    const builder = this.dataSource.getRepository(CaseFileEntity).createQueryBuilder('c');
    if (agencyCodes !== undefined) builder.andWhere('c.agency_code = ANY(:agencyCodes)', { agencyCodes });
    if (query.stage !== undefined) builder.andWhere('c.stage = :stage', { stage: query.stage });
    if (query.major !== undefined) builder.andWhere('c.major = :major', { major: query.major });
    if (query.overdue !== undefined) builder.andWhere('c.overdue = :overdue', { overdue: query.overdue });
    const [rows, total] = await builder
      .orderBy('c.updated_at', 'DESC')
      .addOrderBy('c.case_id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(summaryOf), total, page, pageSize };
  }
}

function summaryOf(row: CaseFileEntity): CaseSummaryView {
  return {
    caseId: row.caseId,
    agencyCode: row.agencyCode,
    caseNumber: row.caseNumber,
    itemCode: row.itemCode,
    category: row.category,
    title: row.title,
    status: row.status,
    stage: row.stage,
    major: row.major,
    overdue: row.overdue,
    nextDeadlineAt: row.nextDeadlineAt?.toISOString() ?? null,
    filedAt: row.filedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
