import type { AddressInfo } from 'node:net';
import type { DecisionMadeData } from '@lep/contracts';
import { chromiumExecutable } from '@lep/testing';
import { chromium } from 'playwright-core';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, penaltyDecision } from './support/decisions';
import { until, usePublicationApp } from './support/publication-app';

// The decision day is the day before the 2026 National Day holiday, 10:00 Beijing time.
const publication = usePublicationApp('pub_inspection', { startsAt: new Date('2026-09-30T10:00:00+08:00') });

async function published(decisionId: string): Promise<DisclosureEntity> {
  return until(async () => {
    const row = await publication()
      .dataSource.getRepository(DisclosureEntity)
      .findOneBy({ decisionId, status: 'published' });
    return row ?? undefined;
  });
}

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
    await published(result.decisionId);
  });

  it('is disclosed on the clock of 其他行政执法决定: 20 working days', async () => {
    // Counted from 2026-09-30 over the National Day holiday (domain.md P7), as a 行政强制 decision is.
    expect((await published(result.decisionId)).deadlineOn).toBe('2026-11-03');
  });

  it('is found under the 行政检查 filter and its page reads as 行政检查结果, in Chromium and WCAG 2.1 AA', async () => {
    const list = (await publication().anonymous().get('/portal/decisions?category=inspection').expect(200))
      .text;
    expect(list).toContain('行政检查结果 兵一师市监检〔2026〕15号');
    const inspections = (await publication().anonymous().get('/portal/inspections').expect(200)).text;
    expect(inspections).toContain('href="/portal/decisions?category=inspection"');

    await publication().app.listen(0, '127.0.0.1');
    const { port } = publication().app.getHttpServer().address() as AddressInfo;
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
    try {
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await page.goto(`http://127.0.0.1:${port}/portal/decisions/${encodeURIComponent(result.decisionId)}`);
      await expect(
        page.getByRole('heading', { name: '行政检查结果', exact: true }).isVisible(),
      ).resolves.toBe(true);
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
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate<Array<{ id: string }>>(
        `axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
           .then((result) => result.violations)`,
      );
      expect(violations.map((violation) => violation.id)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: '/tmp/portal-inspection-result.png', fullPage: true });
    } finally {
      await browser.close();
    }
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
