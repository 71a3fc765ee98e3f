import { SERVICE_PORTS } from '@lep/contracts';
import { ServiceEnv, WithAuth, WithDatabase, WithKafka, WithTemporal } from '@lep/nest-kit';

/** Environment of the case-api service, validated at start-up. */
export class CaseApiConfig extends WithAuth(WithTemporal(WithKafka(WithDatabase(ServiceEnv)))) {
  override PORT = SERVICE_PORTS['case-api'];
}
