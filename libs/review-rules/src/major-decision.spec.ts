import type { DecisionFacts, ReviewCatalogVersion } from '@lep/contracts';
import { isMajorDecision } from './major-decision';

/** The platform default's first version as the registry seeds it (services/registry first-platform-catalog.ts). */
const PLATFORM_DEFAULT_CATALOG: ReviewCatalogVersion = {
  version: 1,
  source: 'platform-default',
  criteria: {
    fineThresholds: [
      { partyType: 'natural-person', minimumYuan: 10_000 },
      { partyType: 'legal-person', minimumYuan: 50_000 },
      { partyType: 'other-organisation', minimumYuan: 50_000 },
    ],
    measures: [
      'licence-revocation',
      'licence-denial',
      'suspension-of-production',
      'closure',
      'major-coercive-measure',
      'outside-discretion-benchmark',
    ],
  },
};

const CATALOG: ReviewCatalogVersion = {
  version: 3,
  source: 'agency',
  criteria: {
    fineThresholds: [
      { partyType: 'natural-person', minimumYuan: 10000 },
      { partyType: 'legal-person', minimumYuan: 100000 },
    ],
    measures: ['licence-revocation', 'suspension-of-production', 'closure'],
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
      catalog: 'agency',
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
      '对自然人罚款 20000 元，达到本机关目录规定的 10000 元标准',
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
    expect(verdict.reasons).toEqual(['责令关闭属于本机关目录所列情形']);
  });

  it.each([
    ['hearingHeld', '经过听证程序作出'],
    ['multipleLegalRelations', '案件情况疑难复杂、涉及多个法律关系'],
    ['majorPublicInterest', '涉及重大公共利益'],
    ['majorSocialImpact', '可能造成重大社会影响或引发社会风险'],
    ['majorRightsAffected', '直接关系行政相对人或第三人重大权益'],
  ] as const)('%s is major under any catalogue, even one listing nothing', (fact, reason) => {
    const bare: ReviewCatalogVersion = {
      version: 1,
      source: 'agency',
      criteria: { fineThresholds: [], measures: [] },
    };
    expect(isMajorDecision(bare, { ...ORDINARY, [fact]: true })).toMatchObject({
      major: true,
      reasons: [reason],
    });
  });

  it('lists every criterion met: the policy’s categories first, then the catalogue’s', () => {
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
      '涉及重大公共利益',
      '经过听证程序作出',
      '案件情况疑难复杂、涉及多个法律关系',
      '对法人罚款 200000 元，达到本机关目录规定的 100000 元标准',
      '吊销许可证件属于本机关目录所列情形',
    ]);
  });

  it('judges the same facts differently under an older, stricter catalogue version', () => {
    const older: ReviewCatalogVersion = {
      version: 1,
      source: 'agency',
      criteria: { ...CATALOG.criteria, fineThresholds: [{ partyType: 'natural-person', minimumYuan: 5000 }] },
    };
    const facts = { ...ORDINARY, fineYuan: 8000 };
    expect(isMajorDecision(older, facts)).toMatchObject({ major: true, catalogVersion: 1 });
    expect(isMajorDecision(CATALOG, facts)).toMatchObject({ major: false, catalogVersion: 3 });
  });

  describe('the platform default catalogue, for an agency that has published none', () => {
    it.each([
      ['natural-person', 9_999, false],
      ['natural-person', 10_000, true],
      ['legal-person', 49_999.99, false],
      ['legal-person', 50_000, true],
      ['other-organisation', 50_000, true],
      ['other-organisation', 200_000, true],
    ] as const)('a fine on a %s of %d yuan → major: %s', (partyType, fineYuan, major) => {
      expect(isMajorDecision(PLATFORM_DEFAULT_CATALOG, { ...ORDINARY, partyType, fineYuan }).major).toBe(
        major,
      );
    });

    it('makes every measure a local catalogue may list major', () => {
      for (const measure of PLATFORM_DEFAULT_CATALOG.criteria.measures)
        expect(isMajorDecision(PLATFORM_DEFAULT_CATALOG, { ...ORDINARY, measures: [measure] }).major).toBe(
          true,
        );
      expect(PLATFORM_DEFAULT_CATALOG.criteria.measures).toHaveLength(6);
    });

    it('names itself and its version in the verdict and its reasons', () => {
      const verdict = isMajorDecision(PLATFORM_DEFAULT_CATALOG, {
        ...ORDINARY,
        partyType: 'legal-person',
        fineYuan: 200_000,
      });
      expect(verdict).toEqual({
        major: true,
        reasons: ['对法人罚款 200000 元，达到平台默认目录（第 1 版）规定的 50000 元标准'],
        catalogVersion: 1,
        catalog: 'platform-default',
      });
    });
  });

  describe('items, party kinds and other rules of the catalogue (domain.md L3e)', () => {
    const RICH: ReviewCatalogVersion = {
      version: 4,
      source: 'agency',
      criteria: {
        fineThresholds: [
          { partyType: 'natural-person', minimumYuan: 10_000 },
          { partyType: 'individual-business', minimumYuan: 30_000 },
        ],
        measures: [],
        items: [{ itemCode: 'SC-017', itemName: '对生产销售假冒伪劣商品的处罚' }],
        otherRules: [{ id: 'Q1', description: '涉及国家安全的', legalSource: '《某某条例》第十条' }],
      },
    };

    it.each([
      ['an individual business below its own amount', 'individual-business', 20_000, false],
      ['an individual business at its own amount', 'individual-business', 30_000, true],
      ['a natural person at the natural-person amount', undefined, 10_000, true],
    ] as const)('fine: %s', (_case, partyKind, fineYuan, major) => {
      expect(isMajorDecision(RICH, { ...ORDINARY, partyKind, fineYuan }).major).toBe(major);
    });

    it('names the individual business and its own amount', () => {
      expect(
        isMajorDecision(RICH, { ...ORDINARY, partyKind: 'individual-business', fineYuan: 30_000 }).reasons,
      ).toEqual(['对个体工商户罚款 30000 元，达到本机关目录规定的 30000 元标准']);
    });

    it('holds an individual business to the natural-person amount when the catalogue sets none of its own', () => {
      expect(
        isMajorDecision(CATALOG, { ...ORDINARY, partyKind: 'individual-business', fineYuan: 10_000 }).reasons,
      ).toEqual(['对自然人罚款 10000 元，达到本机关目录规定的 10000 元标准']);
    });

    it.each([
      ['the listed item', 'SC-017', true],
      ['another item', 'SC-018', false],
      ['no item (a verdict reached before items counted)', undefined, false],
    ] as const)('makes every decision on %s major: %s', (_case, itemCode, major) => {
      expect(isMajorDecision(RICH, { ...ORDINARY, itemCode }).major).toBe(major);
    });

    it('cites an other rule with its legal source, and keeps an unlisted one as the handler’s finding', () => {
      expect(isMajorDecision(RICH, { ...ORDINARY, otherRuleIds: ['Q1', 'Q2', 'Q1'] }).reasons).toEqual([
        '涉及国家安全的（依据：《某某条例》第十条；本机关目录其他情形 Q1）',
        '承办人员认定属于其他情形 Q2，本机关目录未列该情形，按重大执法决定审核',
      ]);
    });

    it('gives every reason met, in a fixed order', () => {
      const verdict = isMajorDecision(RICH, {
        ...ORDINARY,
        hearingHeld: true,
        itemCode: 'SC-017',
        fineYuan: 10_000,
        otherRuleIds: ['Q1'],
      });
      expect(verdict.reasons).toEqual([
        '经过听证程序作出',
        '对自然人罚款 10000 元，达到本机关目录规定的 10000 元标准',
        '执法事项「对生产销售假冒伪劣商品的处罚」（SC-017）属于本机关目录所列事项',
        '涉及国家安全的（依据：《某某条例》第十条；本机关目录其他情形 Q1）',
      ]);
    });
  });
});
