import { SERVICE_PORTS } from '@lep/contracts';
import { ServiceEnv, WithAuth, WithDatabase, WithKafka, WithTemporal } from '@lep/nest-kit';

/** Environment of the publication service, validated at start-up. */
export class PublicationConfig extends WithAuth(WithTemporal(WithKafka(WithDatabase(ServiceEnv)))) {
  override PORT = SERVICE_PORTS.publication;
}
