import type { AddressInfo } from 'node:net';
import { chromiumExecutable } from '@lep/testing';
import { Browser, chromium } from 'playwright-core';
import { decisionMadeEvent, decisionWithdrawnEvent, penaltyDecision } from './support/decisions';
import { until, usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_portal', { startsAt: new Date('2026-09-30T10:00:00+08:00') });

describe('portal (行政执法公示平台) in headless Chromium', () => {
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
    await publication().app.listen(0, '127.0.0.1');
    const { port } = publication().app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;

    const shown = penaltyDecision({ documentNumber: '兵一师市监罚〔2026〕88号' });
    const withdrawn = penaltyDecision({ documentNumber: '兵一师市监罚〔2026〕89号' });
    await publication().deliver(decisionMadeEvent(shown));
    await publication().deliver(decisionMadeEvent(withdrawn));
    await until(async () => {
      const response = await publication().anonymous().get('/api/v1/public/decisions');
      return response.body.total === 2;
    });
    await publication().deliver(
      decisionWithdrawnEvent({
        decisionId: withdrawn.decisionId,
        caseId: withdrawn.caseId,
        agencyCode: withdrawn.agencyCode,
        kind: 'confirmed-illegal',
        reason: '人民法院判决确认原处罚决定违法',
        withdrawnOn: '2026-10-09',
        region: 'national',
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('lists masked decisions on a phone-sized screen, searches, and shows withdrawal notices', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal`);
    await page.waitForSelector('article.item');

    expect(await page.title()).toBe('行政执法公示平台');
    const text = await page.locator('#results').innerText();
    expect(text).toContain('兵一师市监罚〔2026〕88号');
    expect(text).toContain('张某');
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('兵一师市监罚〔2026〕89号');
    expect(await page.locator('#status').innerText()).toBe('共 1 条');

    await page.fill('input[name=keyword]', '不存在的关键词');
    await page.click('button[type=submit]');
    await page.locator('#status', { hasText: '没有符合条件的公示信息' }).waitFor();

    await page.fill('input[name=keyword]', '');
    await page.selectOption('select[name=status]', 'withdrawn');
    await page.click('button[type=submit]');
    await page.waitForSelector('article.withdrawn');
    const notice = await page.locator('article.withdrawn').innerText();
    expect(notice).toContain('确认违法');
    expect(notice).toContain('人民法院判决确认原处罚决定违法');

    // The page and its script are two small files: fast on a phone.
    const html = await (await fetch(`${baseUrl}/portal`)).text();
    const script = await (await fetch(`${baseUrl}/portal/portal.js`)).text();
    expect(html.length + script.length).toBeLessThan(16_000);
    await context.close();
  });
});
