import type { DecisionMadeData } from '@lep/contracts';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, penaltyDecision } from './support/decisions';
import { expectPortalPages } from './support/portal-pages';
import { usePublicationApp } from './support/publication-app';

// The decision day is the day before the 2026 National Day holiday, 10:00 Beijing time.
const publication = usePublicationApp('pub_inspection', { startsAt: new Date('2026-09-30T10:00:00+08:00') });

/** An inspection case's result (domain.md P14), as the case workflow announces it. */
function inspectionResult(overrides: Partial<DecisionMadeData> = {}): DecisionMadeData {
  return {
    ...penaltyDecision({
      category: 'inspection',
      itemCode: 'JC-001',
      documentNumber: '兵一师市监检〔2026〕15号',
      otherPersonNames: ['马晓燕'],
    }),
    penalty: undefined,
    inspection: {
      matter: '对食品经营者经营活动的监督检查',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      inspectedOn: '2026-09-28',
      method: 'on-site',
      outcome: 'ordered-correction',
      findings: '对张三丰经营的门店进行现场检查，发现冷藏柜温度记录缺失，店员马晓燕在场。',
      handling: '责令张三丰于2026年10月9日前改正。',
    },
    ...overrides,
  };
}

describe('行政检查结果 on the portal (domain.md P14)', () => {
  const result = inspectionResult();

  beforeAll(async () => {
    await publication().receive(decisionMadeEvent(result));
    await publication().published(result.decisionId);
  });

  it('is disclosed on the clock of 其他行政执法决定: 20 working days', async () => {
    // Counted from 2026-09-30 over the National Day holiday (domain.md P7), as a 行政强制 decision is.
    expect((await publication().published(result.decisionId)).deadlineOn).toBe('2026-11-03');
  });

  it('is found under the 行政检查 filter and its page reads as 行政检查结果, in Chromium and WCAG 2.1 AA', async () => {
    const list = (await publication().anonymous().get('/portal/decisions?category=inspection').expect(200))
      .text;
    expect(list).toContain('行政检查结果 兵一师市监检〔2026〕15号');
    const inspections = (await publication().anonymous().get('/portal/inspections').expect(200)).text;
    expect(inspections).toContain('href="/portal/decisions?category=inspection"');

    await expectPortalPages(publication(), [
      {
        decisionId: result.decisionId,
        heading: '行政检查结果',
        screenshot: 'portal-inspection-result',
        async shows(page) {
          const text = await page.locator('main').innerText();
          for (const shown of [
            '张某',
            '马某',
            '现场检查',
            '发现问题，责令改正',
            '对食品经营者经营活动的监督检查',
          ])
            expect(text).toContain(shown);
          for (const hidden of ['张三丰', '马晓燕']) expect(text).not.toContain(hidden);
        },
      },
    ]);
  });

  it('a result whose 检查方式 the portal cannot name is set aside, never published', async () => {
    const unknown = inspectionResult({ documentNumber: '兵一师市监检〔2026〕16号' });
    unknown.inspection = { ...unknown.inspection!, method: 'telepathy' as never };
    await expect(publication().deliver(decisionMadeEvent(unknown))).rejects.toThrow(
      /inspection\.method must be one of on-site/,
    );
    const row = await publication()
      .dataSource.getRepository(DisclosureEntity)
      .findOneBy({ decisionId: unknown.decisionId });
    expect(row).toBeNull();
  });
});
