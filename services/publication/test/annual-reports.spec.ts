import type { AddressInfo } from 'node:net';
import {
  createCloudEvent,
  ReportPublishedData,
  STATISTICS_EVENT_SOURCE,
  STATISTICS_EVENT_TYPES,
} from '@lep/contracts';
import { chromiumExecutable } from '@lep/testing';
import { Browser, chromium, Page } from 'playwright-core';
import { usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_annual_reports', {
  startsAt: new Date('2026-01-20T10:00:00+08:00'),
});

const NARRATIVE =
  '2025年度，第八师石河子市市场监督管理局全面落实行政执法三项制度。\n' +
  '群众投诉热线18999012345的办理情况已纳入考核。存在的问题：音像记录设备不足。';

function reportEvent(agencyCode: string, agencyName: string, year: number, time: string) {
  const data: ReportPublishedData = {
    reportId: `report-${agencyCode}-${year}`,
    agencyCode,
    agencyName,
    year,
    rollup: true,
    publishedAt: time,
    confirmedBy: 'leader-1',
    approvedBy: 'leader-1',
    narrativeEditedBy: 'admin-1',
    content: {
      agencyCode,
      agencyName,
      level: 'department',
      year,
      agencies: [agencyCode],
      sections: [
        {
          title: '一、行政许可',
          rows: [
            { label: '申请数（件）', value: 40 },
            { label: '受理数（件）', value: 36 },
            { label: '准予许可数（件）', value: 30 },
            { label: '不予许可数（件）', value: 6 },
          ],
        },
        {
          title: '二、行政处罚',
          rows: [
            { label: '罚款（件）', value: 12 },
            { label: '处罚决定合计（件）', value: 12 },
            { label: '罚没金额（万元）', value: 8.5 },
          ],
        },
        { title: '三、行政强制', rows: [{ label: '行政强制决定（件）', value: '无此职责' }] },
      ],
      narrative: NARRATIVE,
    },
  };
  return createCloudEvent({
    id: `${data.reportId}:published`,
    source: STATISTICS_EVENT_SOURCE,
    type: STATISTICS_EVENT_TYPES.reportPublished,
    subject: data.reportId,
    time: new Date(time),
    data,
  });
}

describe('annual reports on the portal (行政执法统计年报, domain.md T1)', () => {
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    await publication().deliver(
      reportEvent('BT-8-SJ', '第八师石河子市市场监督管理局', 2025, '2026-01-16T02:00:00Z'),
    );
    await publication().deliver(
      reportEvent('BT-8-SJ', '第八师石河子市市场监督管理局', 2024, '2025-01-20T02:00:00Z'),
    );
    await publication().deliver(
      reportEvent('BT-10-SJ', '第十师北屯市市场监督管理局', 2025, '2026-01-18T02:00:00Z'),
    );
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
    await publication().app.listen(0, '127.0.0.1');
    const { port } = publication().app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the approved reports by agency and year, the narrative masked', async () => {
    const client = publication().anonymous();
    const list = await client.get('/api/v1/public/annual-reports').query({ year: 2025 }).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((item: { key: string }) => item.key)).toEqual([
      'BT-10-SJ:2025',
      'BT-8-SJ:2025',
    ]);
    const one = await client.get('/api/v1/public/annual-reports/BT-8-SJ/2024').expect(200);
    expect(one.body).toMatchObject({
      kind: 'annual-reports',
      title: '第八师石河子市市场监督管理局2024年度行政执法统计年报',
      data: { year: 2024, agencyName: '第八师石河子市市场监督管理局' },
    });
    expect(one.body.data.content.sections[0].rows[1]).toEqual({ label: '受理数（件）', value: 36 });
    expect(JSON.stringify(one.body)).not.toContain('18999012345');
    // Staff ids stay with the statistics service.
    expect(JSON.stringify(one.body)).not.toContain('leader-1');
    const missing = await client.get('/api/v1/public/annual-reports/BT-8-SJ/2023').expect(404);
    expect(missing.body.code).toBe('ANNUAL_REPORT_NOT_FOUND');
    const bad = await client.get('/api/v1/public/annual-reports').query({ year: 'last' }).expect(400);
    expect(bad.body.violations[0].field).toBe('year');
  });

  const open = async (path: string, viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  };

  /** axe-core's WCAG 2.1 A/AA rules (what GB/T 37668 asks of web content) against the rendered page. */
  const violations = async (page: Page) => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const found = await page.evaluate<Array<{ id: string; nodes: unknown[] }>>(
      `axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
         .then((result) => result.violations)`,
    );
    return found.map((violation) => `${violation.id} (${violation.nodes.length})`);
  };

  it('shows a report as a page of its own: every figure as text beside a bar scaled within its section', async () => {
    const page = await open('/portal/annual-reports/BT-8-SJ/2025');
    expect(await page.title()).toBe(
      '第八师石河子市市场监督管理局2025年度行政执法统计年报 - 行政执法公示平台',
    );
    const licensing = page.locator('section', { has: page.locator('h2', { hasText: '一、行政许可' }) });
    const rows = await licensing.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        label: tr.querySelector('th')!.textContent!.trim(),
        value: tr.querySelector('td.value')!.textContent!.trim(),
        bar: tr.querySelector('.bar')?.getBoundingClientRect().width ?? 0,
      })),
    );
    expect(rows.map((row) => [row.label, row.value])).toEqual([
      ['申请数（件）', '40'],
      ['受理数（件）', '36'],
      ['准予许可数（件）', '30'],
      ['不予许可数（件）', '6'],
    ]);
    expect(rows[1]!.bar / rows[0]!.bar).toBeCloseTo(36 / 40, 1);
    expect(rows[3]!.bar / rows[0]!.bar).toBeCloseTo(6 / 40, 1);
    // An amount in 万元 and a power the agency lacks are figures, not bars.
    const penalty = page.locator('section', { has: page.locator('h2', { hasText: '二、行政处罚' }) });
    expect(await penalty.locator('tr', { hasText: '罚没金额' }).locator('.bar').count()).toBe(0);
    expect(await page.locator('section', { hasText: '三、行政强制' }).innerText()).toContain('无此职责');
    const narrative = await page.locator('section', { hasText: '七、情况说明' }).innerText();
    expect(narrative).toContain('音像记录设备不足');
    expect(narrative).not.toContain('18999012345');
    await page.screenshot({ path: '/tmp/portal-annual-report.png', fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('lists the published reports with links, works at phone width, and says so when a report is not out', async () => {
    const page = await open('/portal/annual-reports', { width: 390, height: 844 });
    const links = await page
      .locator('main a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => [anchor.textContent!.trim(), anchor.getAttribute('href')]),
      );
    expect(links).toEqual([
      ['第十师北屯市市场监督管理局2025年度行政执法统计年报', '/portal/annual-reports/BT-10-SJ/2025'],
      ['第八师石河子市市场监督管理局2025年度行政执法统计年报', '/portal/annual-reports/BT-8-SJ/2025'],
      ['第八师石河子市市场监督管理局2024年度行政执法统计年报', '/portal/annual-reports/BT-8-SJ/2024'],
    ]);
    expect(await violations(page)).toEqual([]);
    await page.goto(`${baseUrl}/portal/annual-reports/BT-8-SJ/2025`);
    // Nothing runs off the side of a phone's screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/portal-annual-report-phone.png', fullPage: true });
    const missing = await page.goto(`${baseUrl}/portal/annual-reports/BT-8-SJ/2019`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('main').innerText()).toContain('尚未公开');
    await page.context().close();
  });
});
