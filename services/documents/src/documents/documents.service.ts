import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import {
  caseIdParts,
  DOCUMENT_KIND_SPECS,
  type DocumentParty,
  type EvidenceConfidentiality,
  type TemplateDefinition,
} from '@lep/contracts';
import { assertOwnAgency, type Principal } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import { contentDisposition, sendPdf } from '../common/pdf-response';
import { chinaDate } from '../numbering/document-number';
import { NumberingService } from '../numbering/numbering.service';
import { validateDocumentData } from '../rendering/document-data';
import type { RenderInput } from '../rendering/document-renderer';
import { RendererService } from '../rendering/renderer.service';
import { TemplatesService, type UsableTemplate } from '../templates/templates.service';
import type { CallerCredential } from '../upstream/caller-credential';
import { EvidenceClient } from '../upstream/evidence-client';
import { RegistryClient } from '../upstream/registry-client';
import { DocumentEntity } from './document.entity';
import type { DocumentView, IssueDocumentDto } from './documents.dto';

function toView(document: DocumentEntity, title: string): DocumentView {
  return {
    documentId: document.id,
    caseId: document.caseId,
    agencyCode: document.agencyCode,
    kind: document.kind,
    title,
    number: document.number,
    templateVersion: document.templateVersion,
    status: document.status,
    sha256: document.sha256,
    maskedSha256: document.maskedSha256,
    size: document.size,
    evidenceItemId: document.evidenceItemId,
    confidentiality: document.confidentiality,
    issuedOn: document.issuedOn,
    createdBy: document.createdBy,
    createdAt: document.createdAt.toISOString(),
    voidReason: document.voidReason,
    voidedAt: document.voidedAt?.toISOString() ?? null,
  };
}

/** A stable text of the request, so a replay that changed anything is told apart from a retry. */
function requestHash(dto: IssueDocumentDto): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  const { requestId: _requestId, ...request } = dto;
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

/** Documents naming a natural person hold personal data: only the case's people open them (domain.md R5). */
function defaultConfidentiality(
  definition: TemplateDefinition,
  data: Record<string, unknown>,
): EvidenceConfidentiality {
  const namesPerson = definition.fields.some(
    (field) =>
      (field.type === 'parties' &&
        ((data[field.name] as DocumentParty[] | undefined) ?? []).some(
          (party) => party.type === 'natural-person',
        )) ||
      (field.personal !== undefined && data[field.name] !== undefined),
  );
  return namesPerson ? 'personal-privacy' : 'internal';
}

const errors = {
  notFound: (id: string) => new ApiError(HttpStatus.NOT_FOUND, 'DOCUMENT_NOT_FOUND', `文书 ${id} 不存在`),
  requestIdReused: (requestId: string) =>
    new ApiError(
      HttpStatus.CONFLICT,
      'REQUEST_ID_REUSED',
      `请求标识 ${requestId} 已用于出具另一份文书（案件、种类、式样或内容不同），请使用新的请求标识`,
    ),
  notStored: (document: DocumentEntity) =>
    new ApiError(
      HttpStatus.CONFLICT,
      'DOCUMENT_NOT_STORED',
      `文书${document.number ? ` ${document.number}` : ''}尚未存入证据库，请以原请求标识重新提交后再下载`,
    ),
};

/**
 * Issuing documents: template and data checked, 文号 taken and the document recorded in one transaction, then
 * rendered and stored in the evidence store under its SHA-256. Storing happens after the number is recorded, so
 * a number is never lost: a failed store leaves the document pending under its number, and the same request id
 * sent again renders the same bytes and finishes it (the evidence service stores one item per document).
 *
 * Its scope is the agency itself (assertOwnAgency): this service keeps no copy of the registry's agency tree, so an
 * agency above reads none of its agencies' here; case-api, which keeps the tree (case_agency), lets it (domain.md L9).
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplatesService,
    private readonly numbering: NumberingService,
    private readonly renderer: RendererService,
    private readonly registry: RegistryClient,
    private readonly evidence: EvidenceClient,
  ) {}

  async issue(
    principal: Principal,
    credential: CallerCredential,
    dto: IssueDocumentDto,
  ): Promise<DocumentView> {
    const agencyCode = caseIdParts(dto.caseId)!.agencyCode;
    // Documents go into the caller's own agency's cases only, as evidence does (a platform admin included).
    if (principal.agencyCode !== agencyCode)
      throw new ApiError(HttpStatus.FORBIDDEN, 'CASE_OF_OTHER_AGENCY', '只能为本执法主体的案件出具文书');
    const hash = requestHash(dto);
    const earlier = await this.dataSource.manager.findOneBy(DocumentEntity, {
      agencyCode,
      requestId: dto.requestId,
    });
    if (earlier) return this.answerRetry(earlier, hash, dto, credential);

    const template = await this.templates.forDocument(agencyCode, dto.kind, dto.templateVersion);
    const violations = validateDocumentData(template.definition.fields, dto.data);
    if (violations.length > 0)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '文书数据不符合式样的要求', violations);
    const numbered = DOCUMENT_KIND_SPECS[dto.kind].numberWord !== null;
    if (numbered) await this.numbering.assertPattern(agencyCode);
    const issuer = (await this.registry.agency(agencyCode, credential)).name;

    const recorded = await this.dataSource.transaction(async (manager) => {
      // Two attempts of one request take turns, so one number is taken between them.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `document-request:${agencyCode}:${dto.requestId}`,
      ]);
      const raced = await manager.findOneBy(DocumentEntity, { agencyCode, requestId: dto.requestId });
      if (raced) return raced;
      return this.record(manager, principal, dto, { agencyCode, hash, template, issuer, numbered });
    });
    if (recorded.requestHash !== hash) throw errors.requestIdReused(dto.requestId);
    return this.complete(recorded, credential);
  }

  private async record(
    manager: EntityManager,
    principal: Principal,
    dto: IssueDocumentDto,
    context: {
      agencyCode: string;
      hash: string;
      template: UsableTemplate;
      issuer: string;
      numbered: boolean;
    },
  ): Promise<DocumentEntity> {
    const now = new Date();
    const { year, date } = chinaDate(now);
    const allocated = context.numbered
      ? await this.numbering.allocate(manager, context.agencyCode, dto.kind, year)
      : null;
    const document = manager.create(DocumentEntity, {
      id: randomUUID(),
      agencyCode: context.agencyCode,
      caseId: dto.caseId,
      kind: dto.kind,
      requestId: dto.requestId,
      requestHash: context.hash,
      templateVersion: context.template.id,
      number: allocated?.number ?? null,
      numberYear: allocated?.year ?? null,
      numberSerial: allocated?.serial ?? null,
      issuer: context.issuer,
      issuedOn: date,
      data: dto.data,
      confidentiality: dto.confidentiality ?? defaultConfidentiality(context.template.definition, dto.data),
      status: 'pending',
      sha256: null,
      maskedSha256: null,
      size: null,
      evidenceItemId: null,
      createdBy: principal.subject,
      createdAt: now,
      storedAt: null,
      voidedBy: null,
      voidedAt: null,
      voidReason: null,
    });
    await manager.save(document);
    return document;
  }

  private async answerRetry(
    earlier: DocumentEntity,
    hash: string,
    dto: IssueDocumentDto,
    credential: CallerCredential,
  ): Promise<DocumentView> {
    if (earlier.requestHash !== hash) throw errors.requestIdReused(dto.requestId);
    if (earlier.status === 'pending') return this.complete(earlier, credential);
    return toView(earlier, await this.titleOf(earlier));
  }

  /** Renders the recorded document (both renderings), stores the full one as evidence and marks it issued. */
  private async complete(document: DocumentEntity, credential: CallerCredential): Promise<DocumentView> {
    const input = await this.renderInput(document);
    const full = await this.renderer.render(input);
    const masked = await this.renderer.renderMasked(input);
    const title = input.definition.title;
    const stored = await this.evidence
      .store(
        {
          caseId: document.caseId,
          stage: DOCUMENT_KIND_SPECS[document.kind].stage,
          capturedAt: document.createdAt,
          capturedBy: document.createdBy,
          description: `${title}${document.number ? ` ${document.number}` : ''}（文书式样 ${document.templateVersion}）`,
          confidentiality: document.confidentiality,
          fileName: `${title}${document.number ? `-${document.number}` : ''}.pdf`,
          sha256: full.sha256,
          requestId: `document-${document.id}`,
          pdf: full.pdf,
        },
        credential,
      )
      .catch((error: unknown) => {
        this.logger.warn(
          `document ${document.id} (${document.number ?? document.kind}) recorded, not stored yet`,
        );
        throw error;
      });
    await this.dataSource.manager.update(
      DocumentEntity,
      { id: document.id, status: 'pending' },
      {
        status: 'issued',
        sha256: full.sha256,
        maskedSha256: masked.sha256,
        size: full.pdf.length,
        evidenceItemId: stored.id,
        storedAt: new Date(),
      },
    );
    const current = await this.dataSource.manager.findOneByOrFail(DocumentEntity, { id: document.id });
    return toView(current, title);
  }

  private async renderInput(document: DocumentEntity): Promise<RenderInput> {
    const template = await this.templateOf(document);
    return {
      definition: template,
      data: document.data,
      issuer: document.issuer,
      number: document.number,
      issuedOn: document.issuedOn,
      caseNumber: caseIdParts(document.caseId)!.caseNumber,
      templateVersion: document.templateVersion,
    };
  }

  /** The definition of the version the document names (an agency's accepted one, or the platform default). */
  private templateOf(document: DocumentEntity): Promise<TemplateDefinition> {
    return this.templates.definitionOf(document.templateVersion);
  }

  private async titleOf(document: DocumentEntity): Promise<string> {
    return (await this.templateOf(document)).title;
  }

  async listOfCase(principal: Principal, caseId: string): Promise<DocumentView[]> {
    assertOwnAgency(principal, caseIdParts(caseId)!.agencyCode);
    const documents = await this.dataSource.manager.find(DocumentEntity, {
      where: { caseId },
      order: { createdAt: 'ASC' },
    });
    return Promise.all(documents.map(async (document) => toView(document, await this.titleOf(document))));
  }

  async get(principal: Principal, id: string): Promise<DocumentView> {
    const document = await this.find(principal, id);
    return toView(document, await this.titleOf(document));
  }

  private async find(principal: Principal, id: string): Promise<DocumentEntity> {
    const document = await this.dataSource.manager.findOneBy(DocumentEntity, { id });
    if (!document) throw errors.notFound(id);
    assertOwnAgency(principal, document.agencyCode);
    return document;
  }

  /**
   * The stored PDF, streamed from the evidence store (which checks the caller may open it and logs the
   * purpose): the bytes staff download are the bytes the party was served and the record's hash names.
   */
  async download(
    principal: Principal,
    credential: CallerCredential,
    id: string,
    purpose: string,
    response: Response,
  ): Promise<void> {
    const document = await this.find(principal, id);
    if (!document.evidenceItemId) throw errors.notStored(document);
    const stored = await this.evidence.open(document.evidenceItemId, purpose, credential);
    const title = await this.titleOf(document);
    response.status(200);
    response.setHeader('content-type', 'application/pdf');
    response.setHeader('content-length', String(document.size));
    response.setHeader('x-content-sha256', document.sha256!);
    response.setHeader(
      'content-disposition',
      contentDisposition(`${title}${document.number ? `-${document.number}` : ''}.pdf`),
    );
    response.setHeader('cache-control', 'private, no-store');
    Readable.fromWeb(stored.body as never).pipe(response);
  }

  /**
   * The rendering for disclosure: rendered again from the recorded data with personal data masked, and served
   * only when it is byte for byte the one whose hash was recorded at issue.
   */
  async maskedPdf(principal: Principal, id: string, response: Response): Promise<void> {
    const document = await this.find(principal, id);
    if (!document.maskedSha256) throw errors.notStored(document);
    const input = await this.renderInput(document);
    const masked = await this.renderer.renderMasked(input);
    if (masked.sha256 !== document.maskedSha256) {
      this.logger.error(`masked rendering of document ${id} no longer matches its recorded hash`);
      throw new ApiError(
        HttpStatus.CONFLICT,
        'MASKED_RENDERING_CHANGED',
        '公开版文书无法按出具时的式样重新生成（哈希不一致），请联系平台管理员',
      );
    }
    sendPdf(response, masked.pdf, masked.sha256, `${input.definition.title}（公开版）.pdf`);
  }

  /** Voids a document: its number is recorded void with the reason and never issued again. */
  async void(principal: Principal, id: string, reason: string): Promise<DocumentView> {
    const document = await this.find(principal, id);
    const updated = await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(DocumentEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) throw errors.notFound(id);
      if (locked.status === 'voided')
        throw new ApiError(
          HttpStatus.CONFLICT,
          'DOCUMENT_ALREADY_VOIDED',
          `文书${locked.number ?? ''}已作废`,
        );
      locked.status = 'voided';
      locked.voidReason = reason;
      locked.voidedBy = principal.subject;
      locked.voidedAt = new Date();
      await manager.save(locked);
      return locked;
    });
    return toView(updated, await this.titleOf(document));
  }
}
