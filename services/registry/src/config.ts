import { SERVICE_PORTS } from '@lep/contracts';
import { ServiceEnv, WithAuth, WithDatabase, WithKafka } from '@lep/nest-kit';

/** Environment of the registry service, validated at start-up. */
export class RegistryConfig extends WithAuth(WithKafka(WithDatabase(ServiceEnv))) {
  override PORT = SERVICE_PORTS.registry;
}
