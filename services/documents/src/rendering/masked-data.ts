import type { DocumentParty, TemplateField } from '@lep/contracts';
import { maskPersonName, maskText, REPLACEMENT_TOKENS } from '@lep/masking';

/**
 * The document's data as the public may read it (domain.md §4): a natural-person party shown as 姓+某, every other
 * natural person's name as 姓+某, ID numbers, home addresses and phone numbers replaced by the masking tokens,
 * and the same applied inside every text of the document (facts, answers, lists). Officers (执法人员) and
 * organisations stay as they are: both are public.
 */
export function maskDocumentData(
  fields: TemplateField[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const parties = fields
    .filter((field) => field.type === 'parties')
    .flatMap((field) => (data[field.name] as DocumentParty[] | undefined) ?? []);
  const people = parties.filter((party) => party.type === 'natural-person').map((party) => party.name);
  const otherNames = fields
    .filter((field) => field.personal === 'person-name' && typeof data[field.name] === 'string')
    .map((field) => data[field.name] as string);
  const options = { penalisedPersonName: people[0], otherPersonNames: [...people.slice(1), ...otherNames] };
  const text = (value: string) => maskText(value, options).masked;

  const masked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = data[field.name];
    if (value === undefined || value === null) continue;
    masked[field.name] = maskValue(field, value, text);
  }
  return masked;
}

function maskValue(field: TemplateField, value: unknown, text: (value: string) => string): unknown {
  switch (field.type) {
    case 'text':
    case 'paragraph':
      return maskPersonal(field, String(value), text);
    case 'list':
      return (value as string[]).map(text);
    case 'parties':
      return (value as DocumentParty[]).map(maskParty);
    case 'qa':
      return (value as { question: string; answer: string }[]).map((qa) => ({
        question: text(qa.question),
        answer: text(qa.answer),
      }));
    case 'items':
      return (value as Record<string, string>[]).map((item) =>
        Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, text(entry)])),
      );
    default:
      return value;
  }
}

function maskPersonal(field: TemplateField, value: string, text: (value: string) => string): string {
  switch (field.personal) {
    case 'person-name':
      return maskPersonName(value);
    case 'id-number':
      return REPLACEMENT_TOKENS['resident-id'];
    case 'address':
      return REPLACEMENT_TOKENS.address;
    case 'phone':
      return REPLACEMENT_TOKENS['mobile-phone'];
    default:
      return text(value);
  }
}

function maskParty(party: DocumentParty): DocumentParty {
  if (party.type !== 'natural-person') {
    const { phone, ...rest } = party;
    return phone ? { ...rest, phone: REPLACEMENT_TOKENS['mobile-phone'] } : rest;
  }
  return {
    ...party,
    name: maskPersonName(party.name),
    ...(party.idNumber ? { idNumber: REPLACEMENT_TOKENS['resident-id'] } : {}),
    ...(party.address ? { address: REPLACEMENT_TOKENS.address } : {}),
    ...(party.phone ? { phone: REPLACEMENT_TOKENS['mobile-phone'] } : {}),
  };
}
