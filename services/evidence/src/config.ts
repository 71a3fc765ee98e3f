import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { SERVICE_PORTS } from '@lep/contracts';
import { ServiceEnv, WithAuth, WithDatabase, WithKafka, WithS3 } from '@lep/nest-kit';

const toNumber = Transform(({ value }) => (value === undefined || value === '' ? value : Number(value)));

/** Environment of the evidence service, validated at start-up. */
export class EvidenceConfig extends WithAuth(WithS3(WithKafka(WithDatabase(ServiceEnv)))) {
  override PORT = SERVICE_PORTS.evidence;

  /** Largest file one upload may carry, in bytes (default 20 GiB: hours of body-camera video). */
  @toNumber
  @IsInt({ message: 'EVIDENCE_MAX_FILE_BYTES must be a whole number of bytes' })
  @Min(1, { message: 'EVIDENCE_MAX_FILE_BYTES must be positive' })
  EVIDENCE_MAX_FILE_BYTES = 20 * 1024 ** 3;

  /**
   * Size of the parts streamed to S3, in MiB. Memory per upload is about three parts (one filling, two in
   * flight); S3 allows 10,000 parts, so 8 MiB parts carry up to 80 GB.
   */
  @toNumber
  @IsInt({ message: 'EVIDENCE_PART_SIZE_MIB must be a whole number of MiB' })
  @Min(5, { message: 'EVIDENCE_PART_SIZE_MIB must be at least 5 (the S3 minimum part size)' })
  @Max(512, { message: 'EVIDENCE_PART_SIZE_MIB must be at most 512' })
  EVIDENCE_PART_SIZE_MIB = 8;

  /** Retention of an item whose upload names none: `permanent` or `<years>y`. */
  @Matches(/^(permanent|[1-9][0-9]?y)$/, {
    message: 'EVIDENCE_DEFAULT_RETENTION must be "permanent" or a number of years such as "30y"',
  })
  EVIDENCE_DEFAULT_RETENTION = '30y';

  /** An upload during which no byte arrives for this many seconds is abandoned (nothing is kept). */
  @toNumber
  @IsInt({ message: 'EVIDENCE_UPLOAD_IDLE_SECONDS must be a whole number of seconds' })
  @Min(1, { message: 'EVIDENCE_UPLOAD_IDLE_SECONDS must be at least 1' })
  EVIDENCE_UPLOAD_IDLE_SECONDS = 60;

  /** Lifetime of a presigned download URL, in seconds. */
  @toNumber
  @IsInt({ message: 'EVIDENCE_PRESIGNED_URL_SECONDS must be a whole number of seconds' })
  @Min(10, { message: 'EVIDENCE_PRESIGNED_URL_SECONDS must be at least 10' })
  @Max(3600, { message: 'EVIDENCE_PRESIGNED_URL_SECONDS must be at most 3600 (short-lived URLs only)' })
  EVIDENCE_PRESIGNED_URL_SECONDS = 300;
}
