import type { Response } from 'express';

/** Sends a PDF for download, its SHA-256 in a header so the receiver can check what it holds. */
export function sendPdf(response: Response, pdf: Buffer, sha256: string, fileName: string): void {
  response.status(200);
  response.setHeader('content-type', 'application/pdf');
  response.setHeader('content-length', String(pdf.length));
  response.setHeader('x-content-sha256', sha256);
  response.setHeader('content-disposition', contentDisposition(fileName));
  response.setHeader('cache-control', 'private, no-store');
  response.end(pdf);
}

/** An attachment with a UTF-8 file name (RFC 6266/5987) and an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
