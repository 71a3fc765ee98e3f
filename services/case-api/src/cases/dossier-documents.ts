import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { DossierDocument, OpenedDocument } from '@lep/case-store';
import { ApiError, type ApiErrorBody } from '@lep/nest-kit';
import { CaseApiConfig } from '../config';

/** Seconds the evidence service may take to start answering for one PDF (the bytes then stream without a limit). */
const ANSWER_SECONDS = 30;

/** The purpose the evidence service logs for each PDF read into a 案卷. */
const PURPOSE = '导出案卷';

/** The caller's own credential, so the evidence service applies its scope and roles to the person and logs them. */
export function callerCredential(request: Request): Record<string, string> {
  const authorization = request.headers.authorization;
  if (authorization) return { authorization };
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? { 'x-api-key': apiKey } : {};
}

const isApiErrorBody = (value: unknown): value is ApiErrorBody =>
  typeof (value as Partial<ApiErrorBody> | null)?.code === 'string' &&
  typeof (value as Partial<ApiErrorBody>).message === 'string';

/** Opens the documents' PDFs of a 案卷 in the evidence service, where the documents service stored them. */
@Injectable()
export class DossierDocuments {
  private readonly logger = new Logger(DossierDocuments.name);

  constructor(@Inject(CaseApiConfig) private readonly config: CaseApiConfig) {}

  /**
   * Opens every PDF before the export answers, so a refusal (the evidence service's 4xx, with its code and Chinese
   * message) or its absence (503 EVIDENCE_UNAVAILABLE) is the answer instead of a tar broken off midway. Each
   * body is only read as the tar is written, so memory stays flat; on a failure the ones already open are closed.
   */
  async open(documents: DossierDocument[], credential: Record<string, string>): Promise<OpenedDocument[]> {
    const opened: OpenedDocument[] = [];
    try {
      for (const document of documents) opened.push(await this.openOne(document, credential));
      return opened;
    } catch (error) {
      for (const document of opened) document.body.destroy();
      throw error;
    }
  }

  private async openOne(document: DossierDocument, credential: Record<string, string>) {
    const url = new URL(
      `/api/v1/evidence/${encodeURIComponent(document.evidenceId)}/content?${new URLSearchParams({ purpose: PURPOSE })}`,
      this.config.EVIDENCE_URL,
    );
    const answered = new AbortController();
    const timer = setTimeout(() => answered.abort(), ANSWER_SECONDS * 1000);
    let response: Response;
    try {
      response = await fetch(url, { headers: { ...credential }, signal: answered.signal });
    } catch (error) {
      this.logger.warn(`evidence ${document.evidenceId}: ${(error as Error).message}`);
      throw unavailable();
    } finally {
      clearTimeout(timer);
    }
    const size = Number(response.headers.get('content-length'));
    if (response.ok && response.body && Number.isSafeInteger(size))
      return {
        path: document.path,
        size,
        body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      };
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status >= 400 && response.status < 500 && isApiErrorBody(body))
      throw new ApiError(response.status, body.code, body.message, body.violations);
    this.logger.warn(`evidence ${document.evidenceId} answered ${response.status}`);
    throw unavailable();
  }
}

const unavailable = () =>
  new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'EVIDENCE_UNAVAILABLE',
    '暂时无法访问证据存储服务（evidence），请稍后再试',
  );
