import type { DecisionFacts, ReviewCatalogVersion } from '@lep/contracts';
import {
  contradictionsWithDraft,
  type DraftUnderReview,
  factsFromDraft,
  measuresDecided,
} from './draft-facts';
import { isMajorDecision } from './major-decision';

const CATALOG: ReviewCatalogVersion = {
  version: 1,
  source: 'agency',
  criteria: { fineThresholds: [{ partyType: 'legal-person', minimumYuan: 50_000 }], measures: [] },
};

const DECLARED: Omit<DecisionFacts, 'hearingHeld' | 'partyKind' | 'itemCode'> = {
  partyType: 'legal-person',
  measures: [],
  multipleLegalRelations: false,
  majorPublicInterest: false,
  majorSocialImpact: false,
};

function penaltyDraft(penaltyKinds: string[], fineYuan?: number, facts = DECLARED): DraftUnderReview {
  return {
    party: { type: 'legal-person' },
    penalty: { penaltyKinds, fineYuan },
    facts: { ...facts, fineYuan },
  };
}

describe('measuresDecided', () => {
  it.each([
    [['吊销许可证件'], ['licence-revocation']],
    [['吊销营业执照'], ['licence-revocation']],
    [['罚款', '吊销食品经营许可证'], ['licence-revocation']],
    [['责令停产停业'], ['suspension-of-production']],
    [['责令停产停业六个月'], ['suspension-of-production']],
    [['责令关闭'], ['closure']],
    [
      ['吊销许可证件', '责令关闭'],
      ['licence-revocation', 'closure'],
    ],
    [['警告'], []],
    [['罚款', '没收违法所得'], []],
    [['暂扣许可证件'], []],
    [['降低资质等级'], []],
    [['限制开展生产经营活动'], []],
    [['其他'], []],
  ])('penalty kinds %j impose %j', (kinds, measures) => {
    expect(measuresDecided({ penalty: { penaltyKinds: kinds } })).toEqual(measures);
  });

  it('counts a licence refused as a denial and a licence granted as nothing', () => {
    expect(measuresDecided({ licensing: { granted: false } })).toEqual(['licence-denial']);
    expect(measuresDecided({ licensing: { granted: true } })).toEqual([]);
  });
});

describe('factsFromDraft', () => {
  it('carries the case’s item, the individual business’s own kind and the other rules the handler cites', () => {
    const draft: DraftUnderReview = {
      ...penaltyDraft(['罚款'], 500),
      party: { type: 'individual-business' },
      facts: { ...DECLARED, partyType: 'natural-person', otherRuleIds: ['Q1'] },
    };
    expect(factsFromDraft(draft, false, 'SC-017')).toMatchObject({
      partyType: 'natural-person',
      partyKind: 'individual-business',
      itemCode: 'SC-017',
      otherRuleIds: ['Q1'],
    });
    const plain = factsFromDraft(penaltyDraft(['罚款'], 500), false);
    expect(plain).not.toHaveProperty('partyKind');
    expect(plain).not.toHaveProperty('itemCode');
    expect(plain).not.toHaveProperty('otherRuleIds');
  });

  it('takes the fine from the draft, not from the declaration', () => {
    const draft: DraftUnderReview = {
      ...penaltyDraft(['罚款'], 200_000),
      facts: { ...DECLARED, fineYuan: 0 },
    };
    expect(factsFromDraft(draft, false).fineYuan).toBe(200_000);
    expect(isMajorDecision(CATALOG, factsFromDraft(draft, false)).major).toBe(true);
  });

  it('takes the sanction a penalty kind names even when the declaration leaves it out', () => {
    const facts = factsFromDraft(penaltyDraft(['吊销许可证件']), false);
    expect(facts.measures).toEqual(['licence-revocation']);
  });

  it('keeps declared measures the draft cannot show, once each', () => {
    const declared = { ...DECLARED, measures: ['major-coercive-measure', 'licence-revocation'] as const };
    const facts = factsFromDraft(
      penaltyDraft(['吊销许可证件'], undefined, { ...declared, measures: [...declared.measures] }),
      false,
    );
    expect(facts.measures).toEqual(['major-coercive-measure', 'licence-revocation']);
  });

  it.each([
    ['natural-person', 'natural-person'],
    ['individual-business', 'natural-person'],
    ['legal-person', 'legal-person'],
    ['other-organisation', 'other-organisation'],
  ] as const)('reads thresholds for a %s party as a %s', (type, partyType) => {
    const draft = { ...penaltyDraft(['罚款'], 100), party: { type } };
    expect(factsFromDraft(draft, false).partyType).toBe(partyType);
  });

  it('carries the hearing and the handler-only findings', () => {
    const draft = penaltyDraft(['警告'], undefined, {
      ...DECLARED,
      multipleLegalRelations: true,
      majorPublicInterest: true,
      majorSocialImpact: true,
      majorRightsAffected: true,
    });
    expect(factsFromDraft(draft, true)).toMatchObject({
      hearingHeld: true,
      multipleLegalRelations: true,
      majorPublicInterest: true,
      majorSocialImpact: true,
      majorRightsAffected: true,
    });
  });
});

describe('contradictionsWithDraft', () => {
  it('finds none when the declaration agrees with the draft', () => {
    expect(contradictionsWithDraft(penaltyDraft(['罚款'], 5_000))).toEqual([]);
    expect(
      contradictionsWithDraft(
        penaltyDraft(['罚款', '吊销许可证件'], 5_000, { ...DECLARED, measures: ['licence-revocation'] }),
      ),
    ).toEqual([]);
  });

  it('allows the declaration to leave the fine out, as the draft carries it', () => {
    const draft: DraftUnderReview = { ...penaltyDraft(['罚款'], 200_000), facts: DECLARED };
    expect(contradictionsWithDraft(draft)).toEqual([]);
  });

  it.each([
    ['a fine of ¥200,000 declared as ¥0', 200_000, 0, '与决定书草案的罚款金额 200000 元不一致'],
    ['a fine declared lower', 20_000, 9_999, '与决定书草案的罚款金额 20000 元不一致'],
    ['a fine declared where the draft fines nothing', undefined, 500, '但决定书草案未处以罚款'],
  ])('refuses %s', (_case, draftFine, declaredFine, message) => {
    const draft: DraftUnderReview = {
      party: { type: 'legal-person' },
      penalty: { penaltyKinds: ['罚款'], fineYuan: draftFine },
      facts: { ...DECLARED, fineYuan: declaredFine },
    };
    const [only, ...rest] = contradictionsWithDraft(draft);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ field: 'facts.fineYuan', rule: 'factsMatchDraft' });
    expect(only?.message).toContain(message);
  });

  it('refuses a party type other than the draft party’s', () => {
    const draft: DraftUnderReview = {
      ...penaltyDraft(['警告']),
      facts: { ...DECLARED, partyType: 'natural-person' },
    };
    expect(contradictionsWithDraft(draft)).toEqual([
      expect.objectContaining({ field: 'facts.partyType', rule: 'factsMatchDraft' }),
    ]);
  });

  it('accepts a natural-person declaration for an individual business', () => {
    const draft: DraftUnderReview = {
      party: { type: 'individual-business' },
      penalty: { penaltyKinds: ['警告'] },
      facts: { ...DECLARED, partyType: 'natural-person' },
    };
    expect(contradictionsWithDraft(draft)).toEqual([]);
  });

  it('refuses a revocation, a suspension or a closure left out of the declared measures, naming each', () => {
    const draft = penaltyDraft(['吊销许可证件', '责令停产停业', '责令关闭']);
    expect(contradictionsWithDraft(draft).map((found) => found.message)).toEqual([
      '决定书草案作出了吊销许可证件，facts.measures 须包含 licence-revocation',
      '决定书草案作出了责令停产停业，facts.measures 须包含 suspension-of-production',
      '决定书草案作出了责令关闭，facts.measures 须包含 closure',
    ]);
  });

  it('refuses a refused licence not declared as a denial', () => {
    const draft: DraftUnderReview = {
      party: { type: 'legal-person' },
      licensing: { granted: false },
      facts: DECLARED,
    };
    expect(contradictionsWithDraft(draft)).toEqual([
      expect.objectContaining({ field: 'facts.measures', rule: 'factsMatchDraft' }),
    ]);
  });
});
