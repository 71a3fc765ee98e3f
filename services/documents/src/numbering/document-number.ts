/**
 * A 文号 as GB/T 9704 writes it: the agency's abbreviation (机关代字) and the kind's word, the year in 六角括号 〔〕,
 * the serial without leading zeros, then 号 — 石市监处罚〔2026〕118号.
 */
export function formatDocumentNumber(
  abbreviation: string,
  word: string,
  year: number,
  serial: number,
): string {
  return `${abbreviation}${word}〔${year}〕${serial}号`;
}

/** The year a number is issued in: China time, so a number taken at 00:30 on 1 January counts in the new year. */
export function chinaDate(at: Date): { year: number; date: string } {
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return { year: Number(date.slice(0, 4)), date };
}
