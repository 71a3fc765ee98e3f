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
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';

/** Environment of the publication service, validated at start-up. */
export class PublicationConfig extends WithCalendar(
  WithAuth(WithTemporal(WithKafka(WithDatabase(ServiceEnv)))),
) {
  override PORT = SERVICE_PORTS.publication;

  /**
   * Default 公示截止期 in months after the decision (domain.md P11: no national figure; credit-repair rules give 3
   * months to 3 years, local portals "generally 1 year"). Each record stores its own date, which staff may change.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? value : Number(value)))
  @IsInt({ message: 'PUBLICATION_DISPLAY_MONTHS must be a whole number of months' })
  @Min(3, { message: 'PUBLICATION_DISPLAY_MONTHS must be at least 3 (domain.md P11)' })
  @Max(36, { message: 'PUBLICATION_DISPLAY_MONTHS must be at most 36 (domain.md P11)' })
  PUBLICATION_DISPLAY_MONTHS = 12;

  /** How a penalised natural person's own name is shown (domain.md §4; default 姓+某). */
  @IsIn(['surname-mou', 'surname-star', 'full-name'], {
    message: 'PUBLICATION_NAME_POLICY must be surname-mou, surname-star or full-name',
  })
  PUBLICATION_NAME_POLICY: 'surname-mou' | 'surname-star' | 'full-name' = 'surname-mou';

  /** Public API requests allowed per client IP per minute. */
  @Transform(({ value }) => (value === undefined || value === '' ? value : Number(value)))
  @IsInt({ message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(1, { message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be at least 1' })
  PUBLIC_RATE_LIMIT_PER_MINUTE = 120;

  /**
   * The documents service whose masked 决定书 the public route serves (domain.md L1c). Publication reads it for
   * the decision's agency with a short-lived auditor token it signs with AUTH_JWT_SECRET.
   */
  @IsServiceUrl()
  DOCUMENTS_URL = `http://127.0.0.1:${SERVICE_PORTS.documents}`;

  /**
   * 兵团-level publication service a 师市 deployment forwards its disclosures to (the upward feed); unset at the
   * top level. The token is an agency-system credential of this level's agency on the upper deployment.
   */
  // Empty means no upstream (a 兵团-level deployment), as compose passes it when unset.
  @ValidateIf((env: PublicationConfig) => Boolean(env.PUBLICATION_UPSTREAM_URL))
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'PUBLICATION_UPSTREAM_URL must be an http(s) URL' },
  )
  PUBLICATION_UPSTREAM_URL?: string;

  @ValidateIf((env: PublicationConfig) => Boolean(env.PUBLICATION_UPSTREAM_URL))
  @IsString({ message: 'PUBLICATION_UPSTREAM_TOKEN is required when PUBLICATION_UPSTREAM_URL is set' })
  PUBLICATION_UPSTREAM_TOKEN?: string;
}
