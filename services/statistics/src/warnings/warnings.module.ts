import { Module } from '@nestjs/common';
import { AggregatesModule } from '../aggregates/aggregates.module';
import { CalendarCheck } from './calendar-check';
import { StatisticsCertificates1764400300000 } from './certificates.migration';
import { CertificateSweep } from './certificate-sweep';
import { CertificateWatch } from './certificate-watch';
import { WarningsController } from './warnings.controller';
import { StatisticsWarningClearances1764400500000 } from './warning-clearances.migration';
import { StatisticsWarnings1764400100000 } from './warnings.migration';
import { WarningsService } from './warnings.service';
import { WithdrawalWatch } from './withdrawal-watch';
import { StatisticsWithdrawals1764400900000 } from './withdrawals.migration';

export const WARNING_MIGRATIONS = [
  StatisticsWarnings1764400100000,
  StatisticsCertificates1764400300000,
  StatisticsWarningClearances1764400500000,
  StatisticsWithdrawals1764400900000,
];

/** Early warnings (预警): raised and cleared by consumed events, listed per agency subtree. */
@Module({
  imports: [AggregatesModule],
  controllers: [WarningsController],
  providers: [WarningsService, CertificateWatch, CertificateSweep, CalendarCheck, WithdrawalWatch],
  exports: [WarningsService, CertificateWatch, CertificateSweep, CalendarCheck, WithdrawalWatch],
})
export class WarningsModule {}
