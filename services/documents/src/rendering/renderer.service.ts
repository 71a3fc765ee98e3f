import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DocumentsConfig } from '../config';
import { renderDocumentPdf, type RenderInput } from './document-renderer';
import { type DocumentFonts, loadDocumentFonts } from './fonts';
import { maskDocumentData } from './masked-data';

export interface Rendering {
  pdf: Buffer;
  sha256: string;
}

/** Renders documents with the fonts the configuration names, loaded (and checked) once at start-up. */
@Injectable()
export class RendererService {
  private readonly fonts: DocumentFonts;

  constructor(config: DocumentsConfig) {
    this.fonts = loadDocumentFonts({ body: config.DOCUMENTS_FONT_BODY, title: config.DOCUMENTS_FONT_TITLE });
  }

  async render(input: RenderInput): Promise<Rendering> {
    const pdf = await renderDocumentPdf(this.fonts, input);
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  /** The rendering for disclosure: the same template and layout over the masked data. */
  renderMasked(input: RenderInput): Promise<Rendering> {
    return this.render({ ...input, data: maskDocumentData(input.definition.fields, input.data) });
  }
}
