import { SERVICE_PORTS } from '@lep/contracts';
import { ServiceEnv, WithAuth, WithCalendar, WithDatabase, WithKafka, WithTemporal } from '@lep/nest-kit';

/** Environment of the statistics service, validated at start-up. */
export class StatisticsConfig extends WithCalendar(
  WithAuth(WithTemporal(WithKafka(WithDatabase(ServiceEnv)))),
) {
  override PORT = SERVICE_PORTS.statistics;
}
