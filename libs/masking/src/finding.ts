export type FindingKind =
  | 'resident-id'
  | 'mobile-phone'
  | 'landline-phone'
  | 'bank-account'
  | 'passport'
  | 'hk-macau-permit'
  | 'taiwan-permit'
  | 'address'
  | 'penalised-person-name'
  | 'other-person-name'
  | 'health-status';

/** One piece of personal data found in the text. Indexes are UTF-16 offsets into the original text. */
export interface Finding {
  kind: FindingKind;
  start: number;
  /** Exclusive. */
  end: number;
  /** What replaced the span in the masked text; null when the span was left in place for a person to judge. */
  replacement: string | null;
  /** A person must look at this before publication (health data, a number that is only probably an ID). */
  needsReview: boolean;
}

/**
 * Fixed replacement tokens, readable in public Chinese text. They are part of the published output and of the
 * idempotence guarantee (detectors skip them), so change them only together with already published texts in mind.
 */
export const REPLACEMENT_TOKENS = {
  'resident-id': '[身份证号已隐去]',
  'mobile-phone': '[手机号已隐去]',
  'landline-phone': '[电话号码已隐去]',
  'bank-account': '[银行账号已隐去]',
  passport: '[护照号已隐去]',
  'hk-macau-permit': '[通行证号已隐去]',
  'taiwan-permit': '[台胞证号已隐去]',
  address: '[住址已隐去]',
} as const satisfies Partial<Record<FindingKind, string>>;

/** Chinese names of the finding kinds, for reports to the publisher. */
export const FINDING_LABELS: Record<FindingKind, string> = {
  'resident-id': '身份证号',
  'mobile-phone': '手机号',
  'landline-phone': '固定电话',
  'bank-account': '银行账号',
  passport: '护照号',
  'hk-macau-permit': '港澳通行证号',
  'taiwan-permit': '台胞证号',
  address: '住址',
  'penalised-person-name': '当事人姓名',
  'other-person-name': '其他自然人姓名',
  'health-status': '健康状况',
};

/** Matches any replacement token, so that masked text is left alone when masked again. */
export const REPLACEMENT_TOKEN_PATTERN = /\[[^[\]]{1,10}已隐去\]/g;
