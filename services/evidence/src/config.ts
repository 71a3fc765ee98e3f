import { SERVICE_PORTS } from '@lep/contracts';
import { ServiceEnv, WithAuth, WithDatabase, WithKafka, WithS3 } from '@lep/nest-kit';

/** Environment of the evidence service, validated at start-up. */
export class EvidenceConfig extends WithAuth(WithS3(WithKafka(WithDatabase(ServiceEnv)))) {
  override PORT = SERVICE_PORTS.evidence;
}
