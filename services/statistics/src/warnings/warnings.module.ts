import { Module } from '@nestjs/common';
import { AggregatesModule } from '../aggregates/aggregates.module';
import { WarningsController } from './warnings.controller';
import { StatisticsWarnings1764400100000 } from './warnings.migration';
import { WarningsService } from './warnings.service';

export const WARNING_MIGRATIONS = [StatisticsWarnings1764400100000];

/** Early warnings (预警): raised and cleared by consumed events, listed per agency subtree. */
@Module({
  imports: [AggregatesModule],
  controllers: [WarningsController],
  providers: [WarningsService],
  exports: [WarningsService],
})
export class WarningsModule {}
