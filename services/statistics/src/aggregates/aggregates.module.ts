import { Module } from '@nestjs/common';
import { StatisticsAgencyPowers1764400400000 } from './agency-powers.migration';
import { StatisticsAgencyRegion1765000200000 } from './agency-region.migration';
import { AgencyTree } from './agency-tree';
import { StatisticsAggregates1764400000000 } from './aggregates.migration';
import { StatisticsAccess } from './statistics-access';
import { StatisticsController } from './statistics.controller';
import { StatisticsQueryService } from './statistics-query.service';

export const AGGREGATE_MIGRATIONS = [
  StatisticsAggregates1764400000000,
  StatisticsAgencyPowers1764400400000,
  StatisticsAgencyRegion1765000200000,
];

/** The figures: query API over stat_aggregate, rolled up the agency tree. */
@Module({
  controllers: [StatisticsController],
  providers: [AgencyTree, StatisticsAccess, StatisticsQueryService],
  exports: [AgencyTree, StatisticsAccess, StatisticsQueryService],
})
export class AggregatesModule {}
