import { SERVICE_PORTS } from '@lep/contracts';
import { ServiceEnv, WithDatabase, WithKafka, WithTemporal } from '@lep/nest-kit';

/** Environment of the worker service, validated at start-up. */
export class WorkerConfig extends WithTemporal(WithKafka(WithDatabase(ServiceEnv))) {
  override PORT = SERVICE_PORTS.worker;
}
