import { ApplicationFailure } from '@temporalio/common';
import type { DecisionDocumentRef, IssueDocumentRequest, IssuedDocument } from '@lep/contracts';

/** The documents service's error body (the platform's `{statusCode, code, message}`). */
interface ErrorBody {
  code?: string;
  message?: string;
}

/**
 * A small HTTP client of the documents service, acting for the case's agency (the documents service
 * issues only into its caller's own agency's cases and stores with the caller's credential). A refusal (4xx)
 * fails the activity for good with the service's code and Chinese message; anything else throws, so Temporal
 * retries until the service is back.
 */
export class DocumentsClient {
  constructor(
    private readonly baseUrl: string,
    private readonly credential: (agencyCode: string) => string,
  ) {}

  async issue(agencyCode: string, request: IssueDocumentRequest): Promise<DecisionDocumentRef> {
    const response = await this.call(agencyCode, 'POST', '/api/v1/documents', request);
    const issued = (await response.json()) as IssuedDocument;
    if (issued.status !== 'issued' || !issued.sha256 || !issued.maskedSha256 || !issued.number)
      throw new Error(`document ${issued.documentId} answered ${issued.status}, not issued with a number`);
    return {
      documentId: issued.documentId,
      number: issued.number,
      sha256: issued.sha256,
      maskedSha256: issued.maskedSha256,
      templateVersion: issued.templateVersion,
    };
  }

  /** Voids a document; one already voided (a retried activity) is done. */
  async void(agencyCode: string, documentId: string, reason: string): Promise<void> {
    await this.call(
      agencyCode,
      'POST',
      `/api/v1/documents/${encodeURIComponent(documentId)}/void`,
      { reason },
      ['DOCUMENT_ALREADY_VOIDED'],
    );
  }

  private async call(
    agencyCode: string,
    method: string,
    path: string,
    body: unknown,
    doneCodes: string[] = [],
  ): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        authorization: `Bearer ${this.credential(agencyCode)}`,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(50_000),
    });
    if (response.ok) return response;
    const error = (await response.json().catch(() => ({}))) as ErrorBody;
    if (error.code && doneCodes.includes(error.code)) return response;
    if (response.status >= 400 && response.status < 500 && response.status !== 429)
      throw ApplicationFailure.nonRetryable(
        error.message ?? `documents answered ${response.status} to ${method} ${path}`,
        error.code ?? 'DOCUMENTS_REFUSED',
      );
    throw new Error(`documents answered ${response.status} to ${method} ${path}`);
  }
}
