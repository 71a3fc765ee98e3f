import { Finding, REPLACEMENT_TOKENS } from '../finding';

// Longer labels first so that 家庭住址 is not read as 住址. 现住 may run straight into the address
// ("现住石河子市…") but not into 现住院 (currently in hospital); the other labels need a separator, which keeps
// phrases like 住所地人民法院 intact.
const ADDRESS_LABEL_PATTERN =
  /(家庭住址|现住址|户籍所在地|户籍地址|户籍地|居住地址|居住地|联系地址|通讯地址|通信地址|住址|住所|现住(?!院))(\s*[：:]\s*|为|是|在)?/g;
const LABELS_WITHOUT_SEPARATOR = new Set(['现住', '现住址']);
// The address runs to the next punctuation; brackets end it so that a replacement token is never re-read.
const ADDRESS_END = /[，,。；;！!？?\n[\]]/;

/** Free-text addresses after a label, up to the next punctuation mark (DOMAIN §4). */
export function detectAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ADDRESS_LABEL_PATTERN)) {
    const [whole, label, separator] = match;
    if (separator === undefined && !LABELS_WITHOUT_SEPARATOR.has(label)) continue;
    const start = match.index + whole.length;
    const rest = text.slice(start);
    const length = rest.search(ADDRESS_END);
    const address = (length === -1 ? rest : rest.slice(0, length)).trimEnd();
    if (address === '') continue;
    findings.push({
      kind: 'address',
      start,
      end: start + address.length,
      replacement: REPLACEMENT_TOKENS.address,
      needsReview: false,
    });
  }
  return findings;
}
