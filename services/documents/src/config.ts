import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { SERVICE_PORTS } from '@lep/contracts';
import { IsReadableFile, IsServiceUrl, ServiceEnv, WithAuth, WithDatabase } from '@lep/nest-kit';

const toNumber = Transform(({ value }) => (value === undefined || value === '' ? value : Number(value)));

/** Debian's fonts-noto-cjk (the Dockerfile installs it): a 宋体-like serif for the body, a 黑体-like sans for titles. */
const NOTO_CJK = '/usr/share/fonts/opentype/noto';

/** Environment of the documents service, validated at start-up. */
export class DocumentsConfig extends WithAuth(WithDatabase(ServiceEnv)) {
  override PORT = SERVICE_PORTS.documents;

  /** The registry: agency names for the issuer line, and the justice bureau that records each agency's formats. */
  @IsServiceUrl()
  REGISTRY_URL!: string;

  /** The evidence service the rendered PDFs are stored in (default: on this machine, as `npm start` runs it). */
  @IsServiceUrl()
  EVIDENCE_URL = `http://127.0.0.1:${SERVICE_PORTS.evidence}`;

  /** Body text font (宋体-like): an OpenType file or collection holding DOCUMENTS_FONT_BODY_NAME. */
  @IsReadableFile()
  DOCUMENTS_FONT_BODY = `${NOTO_CJK}/NotoSerifCJK-Regular.ttc`;

  /** Titles and table labels (黑体-like). */
  @IsReadableFile()
  DOCUMENTS_FONT_TITLE = `${NOTO_CJK}/NotoSansCJK-Bold.ttc`;

  /** Seconds a call to the registry or the evidence service may take before the request fails with 503. */
  @toNumber
  @IsInt({ message: 'DOCUMENTS_UPSTREAM_TIMEOUT_SECONDS must be a whole number of seconds' })
  @Min(1, { message: 'DOCUMENTS_UPSTREAM_TIMEOUT_SECONDS must be at least 1' })
  @Max(120, { message: 'DOCUMENTS_UPSTREAM_TIMEOUT_SECONDS must be at most 120' })
  DOCUMENTS_UPSTREAM_TIMEOUT_SECONDS = 30;
}
