import { luhn } from '../checksums';
import { Finding, REPLACEMENT_TOKENS } from '../finding';
import { isDocumentNumber, matchSpans } from './spans';

const CARD_NUMBER_PATTERN = /(?<!\d)\d{16,19}(?!\d)/g;
const ACCOUNT_KEYWORD_PATTERN = /银行卡号|卡号|账号|账户|帐号|帐户|开户行/g;
// Corporate accounts: 9–30 digits, possibly grouped by spaces or hyphens, after a keyword in the same clause.
const ACCOUNT_NUMBER_PATTERN = /(?<!\d)\d(?:[ -]?\d){8,29}(?!\d)/;
const CLAUSE_END = /[。；;，,\n[\]、]/;
const KEYWORD_REACH = 40;
// An amount, date or document number after the keyword ("账户余额123456789元") is not an account number.
const NOT_AN_ACCOUNT_AFTER = /^[.元万亿%年月日号]/;

function bankAccount(start: number, end: number): Finding {
  return {
    kind: 'bank-account',
    start,
    end,
    replacement: REPLACEMENT_TOKENS['bank-account'],
    needsReview: false,
  };
}

/** Personal bank cards: 16–19 digits passing the Luhn check. */
export function detectBankCards(text: string): Finding[] {
  return matchSpans(text, CARD_NUMBER_PATTERN)
    .filter((match) => luhn(match.value) && !isDocumentNumber(text, match))
    .map((match) => bankAccount(match.start, match.end));
}

/** Any account number following 账号 / 账户 / 开户行 in the same clause, checksum or not. */
export function detectKeywordAccounts(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const keyword of matchSpans(text, ACCOUNT_KEYWORD_PATTERN)) {
    const reach = text.slice(keyword.end, keyword.end + KEYWORD_REACH);
    const clauseEnd = reach.search(CLAUSE_END);
    const clause = clauseEnd === -1 ? reach : reach.slice(0, clauseEnd);
    const number = ACCOUNT_NUMBER_PATTERN.exec(clause);
    if (!number) continue;
    const start = keyword.end + number.index;
    const end = start + number[0].length;
    if (!NOT_AN_ACCOUNT_AFTER.test(text.slice(end))) findings.push(bankAccount(start, end));
  }
  return findings;
}
