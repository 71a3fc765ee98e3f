import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SERVICE_PORTS } from '@lep/contracts';
import {
  IsServiceUrl,
  ServiceEnv,
  WithAuth,
  WithCalendar,
  WithDatabase,
  WithKafka,
  WithTemporal,
} from '@lep/nest-kit';

/** Environment of the worker service, validated at start-up. */
/** REGISTRY_URL (WithCalendar) is also where the filing checks, review catalogue and calendar come from. */
export class WorkerConfig extends WithCalendar(WithAuth(WithTemporal(WithKafka(WithDatabase(ServiceEnv))))) {
  override PORT = SERVICE_PORTS.worker;

  /**
   * Credential for the registry (an API key issued to the worker). Without it the worker signs short-lived
   * service tokens with AUTH_JWT_SECRET, which only works where the platform issues its own tokens.
   */
  @IsOptional()
  @IsString({ message: 'REGISTRY_API_KEY must be an API key' })
  REGISTRY_API_KEY?: string;

  /**
   * The documents service, which renders the 决定书 a draft submitted for review becomes (default: on this machine,
   * as `npm start` runs it). The worker signs its calls with AUTH_JWT_SECRET for the case's agency (documents-credential.ts).
   */
  @IsServiceUrl()
  DOCUMENTS_URL = `http://127.0.0.1:${SERVICE_PORTS.documents}`;

  /** Default legal-review SLA in working days (domain.md L7), and the one extension a review body may grant. */
  @Type(() => Number)
  @IsInt({ message: 'REVIEW_SLA_WORKING_DAYS must be a whole number of working days' })
  @Min(1)
  @Max(60)
  REVIEW_SLA_WORKING_DAYS = 7;

  @Type(() => Number)
  @IsInt({ message: 'REVIEW_EXTENSION_WORKING_DAYS must be a whole number of working days' })
  @Min(1)
  @Max(30)
  REVIEW_EXTENSION_WORKING_DAYS = 3;
}
