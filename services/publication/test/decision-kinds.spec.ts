import { caseDecisionId, type DecisionMadeData } from '@lep/contracts';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, penaltyDecision } from './support/decisions';
import { expectPortalPages, portalPage } from './support/portal-pages';
import { usePublicationApp } from './support/publication-app';

// The decision day is the day before the 2026 National Day holiday, 10:00 Beijing time.
const publication = usePublicationApp('pub_kinds', { startsAt: new Date('2026-09-30T10:00:00+08:00') });

/**
 * Decision kinds beside a penalty (domain.md P12, P13): a 不予行政处罚 and a 查封 taken inside a penalty case each
 * reach the portal as their own kind, with their own disclosure and clock.
 */
describe('不予行政处罚 and 行政强制 inside a penalty case, on the portal', () => {
  // One penalty case: the 查封 while it was investigated (D1), then its penalty (D2).
  const penalty = penaltyDecision({ documentNumber: '兵一师市监罚〔2026〕120号' });
  const sealing: DecisionMadeData = {
    ...penalty,
    decisionId: caseDecisionId(penalty.caseId, 1),
    category: 'coercion',
    documentNumber: '兵一师市监强〔2026〕7号',
    penalty: undefined,
    coercion: { kind: 'seal' },
    other: {
      title: '查封决定',
      content: '查封张三丰经营的门店内超过保质期的食品120件，查封期限30日。',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条；《中华人民共和国行政强制法》第二十二条',
    },
  };
  const penaltyDecided = { ...penalty, decisionId: caseDecisionId(penalty.caseId, 2) };
  const noPenalty: DecisionMadeData = {
    ...penaltyDecision({ documentNumber: '兵一师市监不罚〔2026〕3号' }),
    penalty: undefined,
    noPenalty: {
      ground: 'first-offence',
      violationType: '未按规定明码标价',
      facts: '当事人张三丰（联系电话13912345678）初次未按规定明码标价，证人李四证实，经责令当场改正。',
      legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
      reason: '张三丰系初次违法，危害后果轻微并及时改正，依法不予行政处罚。',
    },
  };

  beforeAll(async () => {
    for (const decision of [sealing, penaltyDecided, noPenalty])
      await publication().receive(decisionMadeEvent(decision));
    for (const decision of [sealing, penaltyDecided, noPenalty])
      await publication().published(decision.decisionId);
  });

  it('each is its own disclosure on its own clock: 7 working days for the penalty and the 不予处罚, 20 for the 查封', async () => {
    // Counted from 2026-09-30 over the National Day holiday (domain.md P7).
    expect((await publication().published(noPenalty.decisionId)).deadlineOn).toBe('2026-10-15');
    expect((await publication().published(penaltyDecided.decisionId)).deadlineOn).toBe('2026-10-15');
    expect((await publication().published(sealing.decisionId)).deadlineOn).toBe('2026-11-03');
  });

  it('the public API gives the 不予处罚 its ground and masks its texts', async () => {
    const { body } = await publication()
      .anonymous()
      .get(`/api/v1/public/decisions/${encodeURIComponent(noPenalty.decisionId)}`)
      .expect(200);
    expect(body.record).toMatchObject({
      category: 'penalty',
      documentNumber: '兵一师市监不罚〔2026〕3号',
      noPenalty: {
        ground: '初次违法且危害后果轻微并及时改正（首违不罚）',
        violationType: '未按规定明码标价',
        legalBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
      },
    });
    expect(body.record.penalty).toBeUndefined();
    const texts = `${body.record.noPenalty.facts} ${body.record.noPenalty.reason}`;
    for (const raw of ['张三丰', '李四', '13912345678']) expect(texts).not.toContain(raw);
    expect(body.record.noPenalty.reason).toContain('张某');
  });

  it('the portal lists and shows each as its own kind', async () => {
    const list = (await publication().anonymous().get('/portal/decisions').expect(200)).text;
    expect(list).toContain('不予行政处罚 兵一师市监不罚〔2026〕3号');
    expect(list).toContain('行政强制（查封场所、设施或者财物） 兵一师市监强〔2026〕7号');
    expect(list).toContain('行政处罚 兵一师市监罚〔2026〕120号');

    const page = (decisionId: string) => portalPage(publication(), decisionId);
    const noPenaltyPage = await page(noPenalty.decisionId);
    expect(noPenaltyPage).toContain('<h2>不予行政处罚</h2>');
    expect(noPenaltyPage).toContain('初次违法且危害后果轻微并及时改正（首违不罚）');
    expect(noPenaltyPage).not.toContain('<h2>行政处罚</h2>');
    const sealingPage = await page(sealing.decisionId);
    expect(sealingPage).toContain('查封场所、设施或者财物');
    expect(sealingPage).toContain('查封决定');
    expect(sealingPage).not.toContain('张三丰');
  });

  it('in Chromium, each page reads as its kind and passes the WCAG 2.1 AA rules (GB/T 37668)', async () => {
    await expectPortalPages(publication(), [
      { decisionId: noPenalty.decisionId, heading: '不予行政处罚', screenshot: 'portal-no-penalty' },
      { decisionId: sealing.decisionId, heading: '行政强制决定', screenshot: 'portal-coercion-measure' },
    ]);
  });

  it('a 不予处罚 whose ground the portal cannot name is set aside, never published', async () => {
    const unknown = {
      ...noPenalty,
      ...penaltyDecision(),
      penalty: undefined,
      noPenalty: { ...noPenalty.noPenalty!, ground: 'sympathy' as never },
    };
    await expect(publication().deliver(decisionMadeEvent(unknown))).rejects.toThrow(
      /noPenalty\.ground must be one of first-offence, minor, no-fault/,
    );
    const row = await publication()
      .dataSource.getRepository(DisclosureEntity)
      .findOneBy({ decisionId: unknown.decisionId });
    expect(row).toBeNull();
  });
});
