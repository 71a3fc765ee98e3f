import { ServiceEnv, WithDatabase, WithKafka } from '@lep/nest-kit';

/** Environment of the registry service, validated at start-up. */
export class RegistryConfig extends WithKafka(WithDatabase(ServiceEnv)) {
  override PORT = 3001;
}
