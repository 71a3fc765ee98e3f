import { Injectable } from '@nestjs/common';
import type { EvidenceConfidentiality } from '@lep/contracts';
import type { CallerCredential } from './caller-credential';
import { Upstream } from './upstream';

export interface StoredEvidence {
  id: string;
  sha256: string;
  size: number;
}

export interface DocumentUpload {
  caseId: string;
  /** The case stage the document belongs to. */
  stage: string;
  capturedAt: Date;
  capturedBy: string;
  description: string;
  confidentiality: EvidenceConfidentiality;
  fileName: string;
  sha256: string;
  /** Retries of one document's upload store one item. */
  requestId: string;
  pdf: Buffer;
}

/** Stores rendered documents through the evidence service's own upload API, and reads them back. */
@Injectable()
export class EvidenceClient {
  constructor(private readonly upstream: Upstream) {}

  /**
   * Uploads the PDF as a `document` item of the case with its declared SHA-256: the evidence service checks the
   * hash, stores the bytes under it and announces the item, and the case worker links it (id and hash) into the
   * case's whole-process record.
   */
  async store(upload: DocumentUpload, credential: CallerCredential): Promise<StoredEvidence> {
    const form = new FormData();
    // The evidence service takes every metadata field before the file.
    form.append('stage', upload.stage);
    form.append('kind', 'document');
    form.append('capturedAt', upload.capturedAt.toISOString());
    form.append('capturedBy', upload.capturedBy);
    form.append('description', upload.description);
    form.append('confidentiality', upload.confidentiality);
    form.append('sha256', upload.sha256);
    form.append('requestId', upload.requestId);
    form.append('file', new Blob([upload.pdf], { type: 'application/pdf' }), upload.fileName);
    const response = await this.upstream.call(
      'evidence',
      `/api/v1/cases/${encodeURIComponent(upload.caseId)}/evidence`,
      credential,
      { method: 'POST', body: form },
    );
    return (await response.json()) as StoredEvidence;
  }

  /** The stored bytes, as the evidence service serves them to this caller (and logs the purpose). */
  open(evidenceId: string, purpose: string, credential: CallerCredential): Promise<Response> {
    const query = new URLSearchParams({ purpose });
    return this.upstream.call(
      'evidence',
      `/api/v1/evidence/${encodeURIComponent(evidenceId)}/content?${query}`,
      credential,
    );
  }
}
