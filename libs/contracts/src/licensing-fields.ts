import type { LicensingDecisionDetails } from './case-events';

/** A field a licensing draft gets wrong: its path in the draft, a stable rule name and a Chinese message. */
export interface LicensingFieldProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * The 双公示 rules of a 行政许可 / 不予许可 draft (domain.md §3, licensing table): 许可类别 其他 names its type;
 * a 准予许可 has its validity (有效期自 ≤ 有效期至), and a certificate only with its 许可编号; a 不予许可 states its
 * reason (行政许可法 art. 38 ¶2) and has no certificate, number or validity, since no licence was issued.
 */
export function licensingFieldProblems(details: LicensingDecisionDetails): LicensingFieldProblem[] {
  const problems: LicensingFieldProblem[] = [];
  const at = (field: string) => `licensing.${field}`;
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  if (details.licenceKind === '其他' && blank(details.licenceKindName))
    problems.push({
      field: at('licenceKindName'),
      rule: 'namesOtherKind',
      message: '许可类别为“其他”时须写明具体类别',
    });
  if (details.licenceKind !== '其他' && details.licenceKindName !== undefined)
    problems.push({
      field: at('licenceKindName'),
      rule: 'onlyForOtherKind',
      message: `许可类别为“${details.licenceKind}”时不填写具体类别`,
    });
  if (details.granted) {
    if (blank(details.validFrom) || blank(details.validTo))
      problems.push({
        field: at('validFrom'),
        rule: 'validityRequired',
        message: '准予许可须填写有效期自、有效期至',
      });
    else if ((details.validTo as string) < (details.validFrom as string))
      problems.push({
        field: at('validTo'),
        rule: 'validityOrdered',
        message: `有效期至 ${details.validTo} 早于有效期自 ${details.validFrom}`,
      });
    if (!blank(details.certificateName) && blank(details.licenceNumber))
      problems.push({
        field: at('licenceNumber'),
        rule: 'certificateNumbered',
        message: '颁发许可证书的须填写许可编号',
      });
    if (details.refusalReason !== undefined)
      problems.push({
        field: at('refusalReason'),
        rule: 'onlyWhenRefused',
        message: '准予许可不填写不予许可理由',
      });
  } else {
    if (blank(details.refusalReason))
      problems.push({ field: at('refusalReason'), rule: 'reasonRequired', message: '不予许可须说明理由' });
    for (const field of ['certificateName', 'licenceNumber', 'validFrom', 'validTo'] as const)
      if (details[field] !== undefined)
        problems.push({
          field: at(field),
          rule: 'noLicenceIssued',
          message: '不予许可不颁发许可证书，不填写许可证书名称、许可编号和有效期',
        });
  }
  return problems;
}

/** 许可类别 as disclosed: 其他 with the type it names (domain.md §3). */
export function licenceKindLabel(
  details: Pick<LicensingDecisionDetails, 'licenceKind' | 'licenceKindName'>,
): string {
  return details.licenceKind === '其他' && details.licenceKindName
    ? `其他（${details.licenceKindName}）`
    : details.licenceKind;
}

/**
 * 当前状态 (domain.md §3): 有效 for a granted licence on a day within its validity that was not withdrawn;
 * 无效 otherwise — refused, not yet or no longer valid, or withdrawn (撤销, 确认违法, 重新作出: domain.md P9).
 */
export function licenceStatus(
  details: { granted?: boolean; validFrom?: string; validTo?: string },
  onDate: string,
  withdrawn = false,
): '有效' | '无效' {
  if (withdrawn || details.granted === false || !details.validFrom || !details.validTo) return '无效';
  return details.validFrom <= onDate && onDate <= details.validTo ? '有效' : '无效';
}
