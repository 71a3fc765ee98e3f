import type { DecisionFacts, ReviewCatalogVersion } from '@lep/contracts';
import { isMajorDecision } from './major-decision';

const CATALOG: ReviewCatalogVersion = {
  version: 3,
  criteria: {
    fineThresholds: [
      { partyType: 'natural-person', minimumYuan: 10000 },
      { partyType: 'legal-person', minimumYuan: 100000 },
    ],
    measures: ['licence-revocation', 'suspension-of-production', 'closure'],
    hearingHeldIsMajor: true,
    multipleLegalRelationsIsMajor: true,
    majorPublicInterestIsMajor: true,
    majorSocialImpactIsMajor: false,
  },
};

const ORDINARY: DecisionFacts = {
  partyType: 'natural-person',
  measures: [],
  hearingHeld: false,
  multipleLegalRelations: false,
  majorPublicInterest: false,
  majorSocialImpact: false,
};

describe('isMajorDecision', () => {
  it('is not major when no criterion is met', () => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, fineYuan: 500 })).toEqual({
      major: false,
      reasons: [],
      catalogVersion: 3,
    });
  });

  it.each([
    ['natural person just below the threshold', 'natural-person', 9999.99, false],
    ['natural person exactly at the threshold', 'natural-person', 10000, true],
    ['natural person above the threshold', 'natural-person', 50000, true],
    ['legal person fined the natural-person amount', 'legal-person', 10000, false],
    ['legal person just below its threshold', 'legal-person', 99999, false],
    ['legal person at its threshold', 'legal-person', 100000, true],
    ['other organisation, for which the catalogue sets no amount', 'other-organisation', 10_000_000, false],
  ] as const)('fine: %s', (_case, partyType, fineYuan, major) => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, partyType, fineYuan }).major).toBe(major);
  });

  it('names the party type and amounts in the reason', () => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, fineYuan: 20000 }).reasons).toEqual([
      '对自然人罚款 20000 元，达到 10000 元的标准',
    ]);
  });

  it('is not major without a fine whatever the party type', () => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, partyType: 'legal-person' }).major).toBe(false);
  });

  it.each([
    ['licence-revocation', true],
    ['suspension-of-production', true],
    ['closure', true],
    ['licence-denial', false],
    ['major-coercive-measure', false],
    ['outside-discretion-benchmark', false],
  ] as const)('measure %s listed in the catalogue → major: %s', (measure, major) => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, measures: [measure] }).major).toBe(major);
  });

  it('reports a repeated measure once', () => {
    const verdict = isMajorDecision(CATALOG, { ...ORDINARY, measures: ['closure', 'closure'] });
    expect(verdict.reasons).toEqual(['责令关闭属于目录所列情形']);
  });

  it('treats a hearing as major only where the catalogue says so', () => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, hearingHeld: true }).reasons).toEqual(['经过听证程序']);
    const noHearingRule = { ...CATALOG, criteria: { ...CATALOG.criteria, hearingHeldIsMajor: false } };
    expect(isMajorDecision(noHearingRule, { ...ORDINARY, hearingHeld: true }).major).toBe(false);
  });

  it('treats several legal relations and major public interest as major', () => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, multipleLegalRelations: true }).major).toBe(true);
    expect(isMajorDecision(CATALOG, { ...ORDINARY, majorPublicInterest: true }).major).toBe(true);
  });

  it('ignores social impact when this catalogue does not list it', () => {
    expect(isMajorDecision(CATALOG, { ...ORDINARY, majorSocialImpact: true }).major).toBe(false);
  });

  it('lists every criterion met, in catalogue order', () => {
    const verdict = isMajorDecision(CATALOG, {
      ...ORDINARY,
      partyType: 'legal-person',
      fineYuan: 200000,
      measures: ['licence-revocation'],
      hearingHeld: true,
      multipleLegalRelations: true,
      majorPublicInterest: true,
    });
    expect(verdict.major).toBe(true);
    expect(verdict.reasons).toEqual([
      '对法人罚款 200000 元，达到 100000 元的标准',
      '吊销许可证件属于目录所列情形',
      '经过听证程序',
      '案件情况复杂、涉及多个法律关系',
      '涉及重大公共利益',
    ]);
  });

  it('judges the same facts differently under an older, stricter catalogue version', () => {
    const older: ReviewCatalogVersion = {
      version: 1,
      criteria: { ...CATALOG.criteria, fineThresholds: [{ partyType: 'natural-person', minimumYuan: 5000 }] },
    };
    const facts = { ...ORDINARY, fineYuan: 8000 };
    expect(isMajorDecision(older, facts)).toMatchObject({ major: true, catalogVersion: 1 });
    expect(isMajorDecision(CATALOG, facts)).toMatchObject({ major: false, catalogVersion: 3 });
  });
});
