import { isValidResidentId, residentIdBirthDate } from './checksums';
import { isExistingDate } from './civil-date';

export interface PublicationBlockerInput {
  /** Date of the decision, 'YYYY-MM-DD': age is judged on this day. */
  decisionDate: string;
  /** Present when the penalised party is a natural person. */
  penalisedPerson?: {
    /** 18-digit (checked) or legacy 15-digit resident ID; the birth date is read from it. */
    residentIdNumber?: string;
    /** For persons without a resident ID (passport holders): birth date 'YYYY-MM-DD' as recorded by the officer. */
    birthDate?: string;
  };
  /** The main facts involve state or commercial secrets or personal privacy. */
  involvesSecretsOrPrivacy: boolean;
  /** Publication could endanger national security or social stability. */
  endangersSecurityOrStability: boolean;
  /** A provincial-level (兵团-level) body has deemed publication unsuitable. */
  provincialBodyDeemsUnsuitable: boolean;
}

export type PublicationBlockerCode =
  'minor' | 'age-unverified' | 'secrets-or-privacy' | 'security-or-stability' | 'provincial-unsuitability';

export interface PublicationBlocker {
  code: PublicationBlockerCode;
  /** Shown to the publisher and the reviewer who signs off the case flag. */
  message: string;
}

const ADULT_AGE = 18;

/**
 * Why a penalty decision must not be published at all (domain.md §4 "Block publication"); empty when nothing
 * blocks it. A natural person whose age cannot be established blocks publication until a person checks it.
 */
export function publicationBlockers(input: PublicationBlockerInput): PublicationBlocker[] {
  if (!isExistingDate(input.decisionDate)) {
    throw new RangeError(`处罚决定日期“${input.decisionDate}”无效，应为 YYYY-MM-DD 格式的有效日期`);
  }
  const blockers: PublicationBlocker[] = [];
  if (input.penalisedPerson) {
    const birthDate = birthDateOf(input.penalisedPerson);
    if (birthDate === null) {
      blockers.push({
        code: 'age-unverified',
        message: '无法从当事人证件号码或出生日期确定其年龄，需人工核实是否为未成年人',
      });
    } else if (isMinorOn(birthDate, input.decisionDate)) {
      blockers.push({
        code: 'minor',
        message: `当事人在处罚决定日（${input.decisionDate}）未满十八周岁，不予公示`,
      });
    }
  }
  if (input.involvesSecretsOrPrivacy) {
    blockers.push({
      code: 'secrets-or-privacy',
      message: '主要事实涉及国家秘密、商业秘密或者个人隐私，不予公示',
    });
  }
  if (input.endangersSecurityOrStability) {
    blockers.push({
      code: 'security-or-stability',
      message: '公示后可能危及国家安全、公共安全或者社会稳定，不予公示',
    });
  }
  if (input.provincialBodyDeemsUnsuitable) {
    blockers.push({ code: 'provincial-unsuitability', message: '经省级（兵团级）机关认定不宜公示' });
  }
  return blockers;
}

function birthDateOf(person: NonNullable<PublicationBlockerInput['penalisedPerson']>): string | null {
  const id = person.residentIdNumber?.trim() ?? '';
  // An 18-digit number failing its check digit may carry a mistyped birth date, so it is not trusted.
  const fromId = id.length === 15 || isValidResidentId(id) ? residentIdBirthDate(id) : null;
  if (fromId !== null) return fromId;
  return person.birthDate !== undefined && isExistingDate(person.birthDate) ? person.birthDate : null;
}

/**
 * Age in 周岁 counts from the day after the birthday (as in the Supreme People's Court rule on 周岁), so a person
 * is still a minor on the 18th birthday itself. ISO dates compare correctly as strings; a 29 February birthday
 * in a common year falls between 28 February and 1 March.
 */
function isMinorOn(birthDate: string, decisionDate: string): boolean {
  const eighteenthBirthday = `${String(Number(birthDate.slice(0, 4)) + ADULT_AGE).padStart(4, '0')}${birthDate.slice(4)}`;
  return decisionDate <= eighteenthBirthday;
}
