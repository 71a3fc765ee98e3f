import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';

/**
 * A font face opened once and shared by every rendering: pdfkit embeds a subset of it per document, and the
 * parsed tables, glyphs and shaping caches stay with the face instead of being rebuilt for each document.
 */
export interface DocumentFont {
  face: string;
  font: Font;
  /** Advance widths by size and character, shared by all documents (the layout measures character by character). */
  widths: Map<string, number>;
}

export interface DocumentFonts {
  /** Body text: 宋体-like. */
  body: DocumentFont;
  /** Titles and table labels: 黑体-like. */
  title: DocumentFont;
}

/** Characters every document prints; a font missing any of them would print boxes. */
const PROBE = '行政处罚决定书〔〕号（）：，。当事人依据二〇年月日壹贰叁元整';

/**
 * Loads a font file and picks its face. In a collection (Noto CJK holds jp, kr, sc, tc and hk faces) the
 * Simplified Chinese face is taken: the others draw the same code points with other regions' glyph forms.
 * Throws, naming the file, when the face cannot draw Chinese, so the service stops at start-up instead of
 * rendering boxes.
 */
export function loadDocumentFont(file: string): DocumentFont {
  const bytes = readFileSync(file);
  const opened = create(bytes);
  const faces: Font[] = 'fonts' in opened ? opened.fonts : [opened];
  const face =
    faces.find(
      (candidate) => /CJKsc-/.test(candidate.postscriptName) && !/Mono/.test(candidate.postscriptName),
    ) ?? faces.find((candidate) => hasEvery(candidate, PROBE));
  if (!face || !hasEvery(face, PROBE))
    throw new Error(`font ${file} has no face that draws Chinese text (e.g. ${PROBE.slice(0, 7)})`);
  return { face: face.postscriptName, font: face, widths: new Map() };
}

function hasEvery(font: Font, text: string): boolean {
  return Array.from(text).every((character) => font.hasGlyphForCodePoint(character.codePointAt(0)!));
}

export function loadDocumentFonts(files: { body: string; title: string }): DocumentFonts {
  return { body: loadDocumentFont(files.body), title: loadDocumentFont(files.title) };
}
