import type { DecisionMadeData } from '@lep/contracts';
import { decisionMadeEvent, penaltyDecision } from './support/decisions';
import { expectPortalPages, portalPage } from './support/portal-pages';
import { usePublicationApp } from './support/publication-app';

// Decided 2026-09-30, read on 2026-10-20 (Beijing time): the licence is in force that day.
const publication = usePublicationApp('pub_licensing', { startsAt: new Date('2026-10-20T10:00:00+08:00') });

/**
 * A 行政许可 and a 不予许可 on the portal with the 双公示 licensing fields (domain.md §3): the licence with its
 * named 其他 type, certificate, number, validity and 当前状态; the refusal with its reason masked and nothing of a
 * licence it did not issue.
 */
describe('行政许可 and 不予许可 on the portal (domain.md §3)', () => {
  const granted: DecisionMadeData = {
    ...penaltyDecision({ category: 'licensing', documentNumber: 'JY16590020012345' }),
    party: { type: 'legal-person', name: '阿拉尔市塔河食品有限公司', creditCode: '91659002MA77XQ1P3L' },
    otherPersonNames: [],
    penalty: undefined,
    licensing: {
      documentTitle: '食品经营许可决定书',
      licenceKind: '其他',
      licenceKindName: '告知承诺制许可',
      certificateName: '食品经营许可证',
      licenceNumber: 'JY16590020012345',
      content: '准予从事预包装食品销售、热食类食品制售。',
      validFrom: '2026-09-30',
      validTo: '2031-09-29',
      granted: true,
    },
  };
  const refused: DecisionMadeData = {
    ...penaltyDecision({ category: 'licensing', documentNumber: '阿市监不许〔2026〕2号' }),
    otherPersonNames: [],
    penalty: undefined,
    licensing: {
      documentTitle: '不予行政许可决定书',
      licenceKind: '普通',
      content: '张三丰申请在自有住宅从事热食类食品制售。',
      granted: false,
      refusalReason: '张三丰提交的经营场所（住址：阿拉尔市幸福路88号）为住宅，不符合食品经营场所要求。',
    },
  };

  beforeAll(async () => {
    for (const decision of [granted, refused]) await publication().receive(decisionMadeEvent(decision));
    for (const decision of [granted, refused]) await publication().published(decision.decisionId);
  });

  it('the public API gives each its licensing fields', async () => {
    const record = async (decisionId: string) =>
      (
        await publication()
          .anonymous()
          .get(`/api/v1/public/decisions/${encodeURIComponent(decisionId)}`)
          .expect(200)
      ).body.record;
    expect((await record(granted.decisionId)).licensing).toEqual({
      documentTitle: '食品经营许可决定书',
      licenceKind: '其他（告知承诺制许可）',
      certificateName: '食品经营许可证',
      licenceNumber: 'JY16590020012345',
      content: '准予从事预包装食品销售、热食类食品制售。',
      validFrom: '2026-09-30',
      validTo: '2031-09-29',
      status: '有效',
      granted: true,
    });
    const refusal = await record(refused.decisionId);
    expect(refusal.documentNumber).toBe('阿市监不许〔2026〕2号');
    expect(refusal.licensing).toEqual({
      documentTitle: '不予行政许可决定书',
      licenceKind: '普通',
      content: '张某申请在自有住宅从事热食类食品制售。',
      status: '无效',
      granted: false,
      refusalReason: expect.stringMatching(/^张某提交的经营场所/),
    });
    expect(refusal.licensing.refusalReason).not.toContain('幸福路');
  });

  it('the portal lists and shows each as its kind, with the right fields', async () => {
    const list = (await publication().anonymous().get('/portal/decisions').expect(200)).text;
    expect(list).toContain('行政许可 JY16590020012345');
    expect(list).toContain('不予行政许可 阿市监不许〔2026〕2号');

    const page = (decisionId: string) => portalPage(publication(), decisionId);
    const licence = await page(granted.decisionId);
    expect(licence).toContain('<h2>行政许可</h2>');
    for (const shown of [
      '其他（告知承诺制许可）',
      '食品经营许可证',
      'JY16590020012345',
      '2026-09-30 至 2031-09-29',
      '有效',
    ])
      expect(licence).toContain(shown);
    const refusal = await page(refused.decisionId);
    expect(refusal).toContain('<h2>不予行政许可</h2>');
    expect(refusal).toContain('不予许可理由');
    expect(refusal).toContain('不符合食品经营场所要求');
    for (const kept of ['<h2>行政许可</h2>', '有效期', '许可证书名称', '张三丰', '幸福路'])
      expect(refusal).not.toContain(kept);
  });

  it('in Chromium, each page reads as its kind and passes the WCAG 2.1 AA rules (GB/T 37668)', async () => {
    await expectPortalPages(publication(), [
      { decisionId: granted.decisionId, heading: '行政许可', screenshot: 'portal-licence-granted' },
      { decisionId: refused.decisionId, heading: '不予行政许可', screenshot: 'portal-licence-refused' },
    ]);
  });
});
