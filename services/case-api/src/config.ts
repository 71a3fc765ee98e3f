import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SERVICE_PORTS } from '@lep/contracts';
import { IsServiceUrl, ServiceEnv, WithAuth, WithDatabase, WithTemporal } from '@lep/nest-kit';

/** Environment of the case-api service, validated at start-up. */
export class CaseApiConfig extends WithAuth(WithTemporal(WithDatabase(ServiceEnv))) {
  override PORT = SERVICE_PORTS['case-api'];

  /**
   * How long a case action waits for the case's workflow before answering 202 (accepted, still running) with
   * where to ask for the outcome: no request is held open while a case waits on something outside it.
   */
  @Type(() => Number)
  @IsInt({ message: 'CASE_ACTION_WAIT_SECONDS must be a whole number of seconds' })
  @Min(1, { message: 'CASE_ACTION_WAIT_SECONDS must be between 1 and 60' })
  @Max(60, { message: 'CASE_ACTION_WAIT_SECONDS must be between 1 and 60' })
  CASE_ACTION_WAIT_SECONDS = 5;

  /**
   * The evidence service holding the documents' PDFs, which the 案卷 export streams in with the caller's own
   * credential (default: on this machine, as `npm start` runs it).
   */
  @IsServiceUrl()
  EVIDENCE_URL = `http://127.0.0.1:${SERVICE_PORTS.evidence}`;

  /**
   * The Temporal Web UI's origin (scheme://host[:port]), allowed to call the payload codec routes from the
   * operator's browser (CORS). Unset: no browser page may call them; the `temporal` CLI still can.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    message: 'TEMPORAL_UI_ORIGIN must be an origin such as https://temporal-ui.example.org (no path)',
  })
  TEMPORAL_UI_ORIGIN?: string;
}
