import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ApiError } from '@lep/nest-kit';
import { DocumentsConfig } from '../config';
import type { RenderInput } from './document-renderer';
import { loadDocumentFonts } from './fonts';
import type { RenderJob, RenderResult } from './render-worker';

export interface Rendering {
  pdf: Buffer;
  sha256: string;
}

/**
 * Longest a rendering may wait and take (a document takes about 0.1 s on its thread): a burst of a few hundred
 * documents is answered, a longer one gets 503 for what does not make it in time.
 */
const RENDER_TIMEOUT_MS = 120_000;
/** Renderings waiting beyond this many are refused at once (503). */
const MAX_QUEUED = 400;

interface Pending {
  resolve(rendering: Rendering): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const unavailable = () =>
  new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'DOCUMENTS_BUSY',
    '文书生成任务繁忙，请稍后以同一请求标识重试',
  );

/**
 * Renders documents on a worker thread with the fonts the configuration names (checked here at start-up, so a
 * font without Chinese glyphs stops the service before it serves anything). Jobs queue in the thread's message
 * port; a thread that dies is replaced and its jobs fail with 503, to be retried by their callers.
 */
@Injectable()
export class RendererService implements OnApplicationShutdown {
  private readonly logger = new Logger(RendererService.name);
  private readonly fontFiles: { body: string; title: string };
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(config: DocumentsConfig) {
    this.fontFiles = { body: config.DOCUMENTS_FONT_BODY, title: config.DOCUMENTS_FONT_TITLE };
    loadDocumentFonts(this.fontFiles);
  }

  render(input: RenderInput): Promise<Rendering> {
    return this.run(input, false);
  }

  /** The rendering for disclosure: the same template and layout over the masked data. */
  renderMasked(input: RenderInput): Promise<Rendering> {
    return this.run(input, true);
  }

  onApplicationShutdown(): Promise<number> | undefined {
    return this.worker?.terminate();
  }

  private run(input: RenderInput, masked: boolean): Promise<Rendering> {
    if (this.pending.size >= MAX_QUEUED) return Promise.reject(unavailable());
    const worker = this.thread();
    const id = this.nextId++;
    return new Promise<Rendering>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(unavailable());
      }, RENDER_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, input, masked } satisfies RenderJob);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(__dirname, 'render-worker.js'), { workerData: this.fontFiles });
    worker.on('message', (result: RenderResult) => {
      const job = this.pending.get(result.id);
      if (!job) return;
      this.pending.delete(result.id);
      clearTimeout(job.timer);
      if ('error' in result) job.reject(new Error(`rendering failed: ${result.error}`));
      else
        job.resolve({
          pdf: Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength),
          sha256: result.sha256,
        });
    });
    worker.on('error', (error) => this.logger.error(`rendering thread failed: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, job] of this.pending) {
        clearTimeout(job.timer);
        this.pending.delete(id);
        job.reject(unavailable());
      }
    });
    this.worker = worker;
    return worker;
  }
}
