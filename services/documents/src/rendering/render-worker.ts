import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { renderDocumentPdf, type RenderInput } from './document-renderer';
import { loadDocumentFonts } from './fonts';
import { maskDocumentData } from './masked-data';

/** A render job from RendererService; `masked` renders the disclosure version. */
export interface RenderJob {
  id: number;
  input: RenderInput;
  masked: boolean;
}

export type RenderResult = { id: number; pdf: Uint8Array; sha256: string } | { id: number; error: string };

/**
 * The rendering thread: laying out a document and subsetting its fonts is synchronous work the service's event
 * loop must not wait on (the requests it serves meanwhile would time out on the database pool).
 */
const fonts = loadDocumentFonts(workerData as { body: string; title: string });

parentPort!.on('message', (job: RenderJob) => {
  const input = job.masked
    ? { ...job.input, data: maskDocumentData(job.input.definition.fields, job.input.data) }
    : job.input;
  renderDocumentPdf(fonts, input).then(
    (pdf) => {
      const result: RenderResult = {
        id: job.id,
        pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      };
      parentPort!.postMessage(result);
    },
    (error: unknown) =>
      parentPort!.postMessage({ id: job.id, error: (error as Error).message } satisfies RenderResult),
  );
});
