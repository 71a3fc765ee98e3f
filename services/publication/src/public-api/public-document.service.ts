import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { signStaffToken } from '@lep/auth';
import { chinaDateOf } from '@lep/calendar';
import { ApiError } from '@lep/nest-kit';
import { DataSource } from 'typeorm';
import { PublicationConfig } from '../config';
import { DisclosureEntity } from '../disclosures/disclosure.entity';

/** Long enough for the documents service to render the 决定书 again (it re-renders the masked version per read). */
const DOCUMENTS_TIMEOUT_MS = 30_000;
const TOKEN_SECONDS = 60;

export interface PublicDocument {
  pdf: Buffer;
  sha256: string;
  fileName: string;
}

/**
 * The masked 决定书 of a published decision (domain.md L1c), read from the documents service for the decision's
 * agency and handed out only when its SHA-256 is the one the record names: the public gets exactly the rendering
 * recorded when the document was issued, or nothing. Only this deployment's own disclosures have one here (a
 * record forwarded from a lower level names a document of that level's documents service).
 */
@Injectable()
export class PublicDocumentService {
  private readonly logger = new Logger(PublicDocumentService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PublicationConfig) private readonly config: PublicationConfig,
  ) {}

  async get(decisionId: string, now = new Date()): Promise<PublicDocument> {
    const disclosure = await this.dataSource
      .getRepository(DisclosureEntity)
      .createQueryBuilder('d')
      .where('d.decision_id = :decisionId', { decisionId })
      .andWhere(`d.status = 'published'`)
      // 公示截止期 (domain.md P11): past it, the document goes off the portal with the record.
      .andWhere('d.display_until >= :today', { today: chinaDateOf(now.getTime()) })
      .getOne();
    const linked = disclosure?.publicRecord.document;
    const issued = disclosure?.raw.document;
    if (!disclosure || !linked || !issued)
      throw new ApiError(404, 'DOCUMENT_NOT_PUBLISHED', '该决定未公开决定书全文');
    const pdf = await this.fetchMasked(issued.documentId, disclosure.agencyCode);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    if (sha256 !== linked.sha256) {
      this.logger.error(`masked 决定书 of ${decisionId} does not match its recorded hash; not served`);
      throw new ApiError(
        502,
        'DOCUMENT_HASH_MISMATCH',
        '决定书公开版与公示时记录的不一致，暂不提供，请联系公示机关',
      );
    }
    return { pdf, sha256, fileName: `${disclosure.publicRecord.documentNumber}（公开版）.pdf` };
  }

  private async fetchMasked(documentId: string, agencyCode: string): Promise<Buffer> {
    const unavailable = () =>
      new ApiError(503, 'DOCUMENTS_UNAVAILABLE', '决定书公开版暂时无法获取，请稍后再试');
    const secret = this.config.AUTH_JWT_SECRET;
    if (!secret) {
      // An OIDC-only deployment has no secret to sign with: its publication cannot read the documents service.
      this.logger.error('AUTH_JWT_SECRET is not set: publication cannot read masked documents');
      throw unavailable();
    }
    // The documents service serves an agency's documents to its own staff only: an auditor's read, as itself.
    const token = signStaffToken(
      { sub: 'lep-publication', agency: agencyCode, roles: ['auditor'] },
      {
        secret,
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        expiresInSeconds: TOKEN_SECONDS,
      },
    );
    const url = new URL(
      `/api/v1/documents/${encodeURIComponent(documentId)}/masked-pdf`,
      this.config.DOCUMENTS_URL,
    );
    try {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(DOCUMENTS_TIMEOUT_MS),
      });
      if (!response.ok) {
        this.logger.error(`documents service answered ${response.status} for document ${documentId}`);
        throw unavailable();
      }
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      if (error instanceof ApiError) throw error;
      this.logger.error(`documents service unreachable for document ${documentId}: ${String(error)}`);
      throw unavailable();
    }
  }
}
