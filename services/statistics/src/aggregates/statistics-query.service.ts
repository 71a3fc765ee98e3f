import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyTree } from './agency-tree';
import type { StatisticsView } from './statistics.dto';

export interface StatisticsQuery {
  agency: string;
  year: number;
  month?: number;
  rollup: boolean;
}

/** Reads the figures of one agency (or its whole subtree) for a year or a month. */
@Injectable()
export class StatisticsQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tree: AgencyTree,
  ) {}

  async figures(query: StatisticsQuery): Promise<StatisticsView> {
    const agencies = query.rollup ? await this.tree.withDescendants(query.agency) : [query.agency];
    const rows: Array<{ month: number; category: string; metric: string; value: string }> =
      await this.dataSource.query(
        `SELECT month, category, metric, sum(value) AS value FROM stat_aggregate
          WHERE agency_code = ANY($1) AND year = $2 AND ($3::int IS NULL OR month = $3)
          GROUP BY month, category, metric ORDER BY month, category, metric`,
        [agencies, query.year, query.month ?? null],
      );
    const totals: Record<string, number> = {};
    const byCategory: Record<string, Record<string, number>> = {};
    const byMonth = new Map<number, Record<string, number>>();
    for (const row of rows) {
      const value = Number(row.value);
      totals[row.metric] = (totals[row.metric] ?? 0) + value;
      const category = (byCategory[row.category] ??= {});
      category[row.metric] = (category[row.metric] ?? 0) + value;
      const month = byMonth.get(row.month) ?? {};
      month[row.metric] = (month[row.metric] ?? 0) + value;
      byMonth.set(row.month, month);
    }
    return {
      agencyCode: query.agency,
      year: query.year,
      ...(query.month ? { month: query.month } : {}),
      rollup: query.rollup,
      agencies: agencies.sort(),
      totals,
      byCategory,
      byMonth: [...byMonth.entries()].map(([month, figures]) => ({ month, figures })),
    };
  }
}
