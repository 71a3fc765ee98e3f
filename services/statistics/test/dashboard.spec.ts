import type { AddressInfo } from 'node:net';
import { signStaffToken } from '@lep/auth';
import { chromiumExecutable } from '@lep/testing';
import { Browser, chromium } from 'playwright-core';
import { disclosureDeadline } from './support/events';
import { scriptedEvents, SHI_1, SHI_1_MARKET } from './support/scenario';
import { AUTH_SECRET, useStatisticsApp } from './support/statistics-app';

describe('dashboard (行政执法统计监督) in headless Chromium', () => {
  const statistics = useStatisticsApp('stat_dashboard');
  let browser: Browser;
  let baseUrl: string;
  const token = signStaffToken(
    { sub: 'supervisor-1', roles: ['leader'], agency: SHI_1 },
    { secret: AUTH_SECRET, issuer: 'lep', audience: 'lep-api' },
  );

  beforeAll(async () => {
    for (const event of scriptedEvents()) await statistics().deliver(event);
    await statistics().deliver(
      disclosureDeadline('deadlineWarning', 'D-DASH', SHI_1_MARKET, '2026-06-01T02:00:00Z'),
    );
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
    await statistics().app.listen(0, '127.0.0.1');
    const { port } = statistics().app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the month trend, categories, timeliness and open warnings of the agency and those below it', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${baseUrl}/dashboard#token=${token}&agency=${SHI_1}&year=2026`);
    await page.waitForSelector('#warnings table');

    expect(await page.title()).toBe('行政执法统计监督');
    expect(await page.locator('#status').innerText()).toBe(`${SHI_1} 2026 年度（含下级执法主体 1 个）`);
    const bar = (chart: string, series: string, label: string) =>
      page
        .locator(`#${chart} rect.bar[data-series="${series}"][data-label="${label}"]`)
        .getAttribute('data-value');
    expect(await bar('trend', '立案', '1月')).toBe('2');
    expect(await bar('trend', '立案', '2月')).toBe('3');
    expect(await bar('trend', '决定', '3月')).toBe('3');
    expect(await bar('categories', '决定', '行政处罚')).toBe('3');
    expect(await bar('categories', '决定', '行政许可')).toBe('2');
    expect(await bar('timeliness', '件数', '按期公示')).toBe('1');
    expect(await bar('timeliness', '件数', '超期未公示')).toBe('1');
    const warnings = await page.locator('#warnings tr.warning').allInnerTexts();
    // Newest first: the one near its deadline, then the one already past it.
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('D-DASH');
    expect(warnings[0]).toContain('临近期限');
    expect(warnings[1]).toContain('公示期限预警');
    expect(warnings[1]).toContain('已超期');
    // Nothing from a CDN: every request stays on the service.
    expect(requested.every((url) => url.startsWith(baseUrl))).toBe(true);
    await page.close();
  });

  it('says so, in Chinese, when the signed-in staff may not see the agency asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/dashboard#token=${token}&agency=XJBT&year=2026`);
    await page.waitForFunction("document.getElementById('status').textContent !== '加载中…'");
    expect(await page.locator('#status').innerText()).toBe('无权访问其他执法主体的数据');
    await page.close();
  });
});
