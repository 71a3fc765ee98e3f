/** Half-open range of UTF-16 offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** All matches of a global pattern as spans. */
export function matchSpans(text: string, pattern: RegExp): Array<Span & { value: string }> {
  return Array.from(text.matchAll(pattern), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    value: match[0],
  }));
}

/**
 * A number written as a document or case number ("第…号", "…号") rather than as personal data.
 * Keeps 文号 and 案号 digits out of the phone, card and legacy-ID detectors.
 */
export function isDocumentNumber(text: string, span: Span): boolean {
  return text[span.start - 1] === '第' || text[span.end] === '号';
}

/** Inside a 《…》 title, i.e. the name of a statute such as 《传染病防治法》. */
export function isInsideBookTitle(text: string, position: number): boolean {
  return text.lastIndexOf('《', position) > text.lastIndexOf('》', position - 1);
}
