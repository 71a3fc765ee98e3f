import type { AddressInfo } from 'node:net';
import { createCloudEvent, REGISTRY_EVENT_SOURCE, REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { chromiumExecutable } from '@lep/testing';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { decisionMadeEvent, decisionWithdrawnEvent, penaltyDecision } from './support/decisions';
import { deliverInspectionPlan } from './support/inspection-events';
import { until, usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_portal', { startsAt: new Date('2026-09-30T10:00:00+08:00') });

const registryEvent = (type: string, subject: string, data: object, time = '2026-09-01T02:00:00Z') =>
  createCloudEvent({ source: REGISTRY_EVENT_SOURCE, type, subject, data, time: new Date(time) });

const agency = (code: string, name: string, channels: object) =>
  registryEvent(REGISTRY_EVENT_TYPES.agencyChanged, code, {
    code,
    name,
    level: 'department',
    parentCode: 'BT-SC',
    unifiedSocialCreditCode: '11659002MB1234567X',
    legalBasis: '《中华人民共和国食品安全法》',
    dutiesAndPowers: '食品安全监督管理',
    region: 'national',
    legalReviewBody: { name: '第一师司法局法制审核科', agencyCode: 'BT-SF-01' },
    removed: false,
    ...channels,
  });

describe('portal (行政执法公示平台): server-rendered pages in headless Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  const shown = penaltyDecision({ documentNumber: '兵一师市监罚〔2026〕88号' });
  const withdrawn = penaltyDecision({ documentNumber: '兵一师市监罚〔2026〕89号' });
  const secret = penaltyDecision({
    documentNumber: '兵一师市监罚〔2026〕90号',
    party: { type: 'legal-person', name: '阿拉尔市塔河乳业有限公司', creditCode: '91659002MA77XQ1P3L' },
    otherPersonNames: [],
    tradeSecretFields: ['penalty.facts'],
  });

  beforeAll(async () => {
    for (const decision of [shown, withdrawn, secret])
      await publication().deliver(decisionMadeEvent(decision));
    await until(
      async () => (await publication().anonymous().get('/api/v1/public/decisions')).body.total === 3,
    );
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
    await publication().deliver(
      agency('BT-SC-01', '第一师阿拉尔市市场监督管理局', {
        remedyChannels:
          '可自收到决定之日起六十日内向第一师阿拉尔市人民政府申请行政复议，或六个月内向人民法院提起行政诉讼',
        supervisionMethods: null,
        complaintChannels: '12315；阿拉尔市军垦大道1号',
      }),
    );
    await publication().deliver(
      registryEvent(REGISTRY_EVENT_TYPES.personnelChanged, 'p-1', {
        personnelId: 'p-1',
        name: '王执法',
        agencyCode: 'BT-SC-01',
        certificateNumber: 'BT65000001',
        certificateIssuedOn: '2024-01-01',
        certificateExpiresOn: '2029-12-31',
        status: 'active',
        scope: '市场监管（阿拉尔市）',
      }),
    );
    await publication().deliver(
      registryEvent(REGISTRY_EVENT_TYPES.itemListPublished, 'BT-SC-01', {
        agencyCode: 'BT-SC-01',
        kind: 'enforcement-items',
        version: 2,
        publishedAt: '2026-09-01T02:00:00Z',
        content: {
          items: [
            {
              code: 'XK-001',
              name: '食品经营许可',
              category: 'licensing',
              legalBasis: '《中华人民共和国食品安全法》第三十五条',
              procedure: '申请、受理、审查、决定',
              statutoryWorkingDays: 20,
              promisedWorkingDays: 10,
              acceptingBody: '阿拉尔市政务服务中心市场监管窗口',
              serviceGuide: '申请材料：食品经营许可申请书、营业执照复印件',
            },
          ],
        },
        review: {
          submissionId: 's-1',
          submittedBy: 'staff:admin',
          submittedAt: '2026-08-28T02:00:00Z',
          reviewBody: { name: '第一师司法局法制审核科', agencyCode: 'BT-SF-01' },
          reviewedBy: 'staff:reviewer',
          reviewedAt: '2026-08-31T02:00:00Z',
          opinion: null,
        },
      }),
    );
    await deliverInspectionPlan(publication(), {
      planId: 'plan-2026-09',
      agencyCode: 'BT-SC-01',
      subject: '食品销售者进货查验抽查',
      scope: '阿拉尔市城区',
      targetCount: 1,
      plannedStart: '2026-09-10',
      plannedEnd: '2026-09-20',
      disclosedAt: '2026-09-01T02:00:00Z',
      pools: { targets: ['T-1'], inspectors: ['p-1', 'p-2'], relations: [] },
      results: [
        {
          target: { code: 'T-1', name: '赵小明', partyType: 'natural-person' },
          inspectors: [{ personnelId: 'p-1', name: '王执法', certificateNumber: 'BT65000001' }],
          outcome: 'problem-found',
          findings: '赵小明未建立进货查验记录。',
          inspectedOn: '2026-09-15',
        },
      ],
      publishedAt: '2026-09-18T02:00:00Z',
    });
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
    await publication().app.listen(0, '127.0.0.1');
    const { port } = publication().app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  const open = async (path: string, viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`);
    return page;
  };
  /** axe-core's WCAG 2.1 A/AA rules (what GB/T 37668 asks of web content) against the rendered page. */
  const violations = async (page: Page) => {
    // The pages run no script; axe runs in its own world, so the check needs the page's scripts allowed.
    const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    contexts.push(context);
    await context.addCookies(await page.context().cookies());
    const checked = await context.newPage();
    await checked.goto(page.url());
    await checked.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const found = await checked.evaluate<Array<{ id: string; nodes: unknown[] }>>(
      `axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
         .then((result) => result.violations)`,
    );
    return found.map((violation) => `${violation.id} (${violation.nodes.length})`);
  };

  it('searches without a script, and every decision has its own page to share', async () => {
    const page = await open('/portal', { width: 390, height: 844 });
    expect(await page.title()).toBe('行政执法公示平台 - 行政执法公示平台');
    expect(await violations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.fill('#q-party', '张某');
    await page.click('button[type=submit]');
    expect(page.url()).toContain('/portal/decisions?');
    expect(await page.locator('[role=status]').innerText()).toBe('共 1 条');
    await page.click('text=兵一师市监罚〔2026〕88号');
    const own = page.url();
    expect(own).toBe(`${baseUrl}/portal/decisions/${encodeURIComponent(shown.decisionId)}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('张某');
    expect(text).toContain('警告、罚款');
    for (const personal of ['张三丰', '11010519491231002X', '13912345678', '幸福路88号', '李四'])
      expect(text).not.toContain(personal);
    await page.screenshot({ path: '/tmp/portal-decision-phone.png', fullPage: true });
    expect(await violations(page)).toEqual([]);

    // The same address, opened by someone else, shows the same page.
    const shared = await open(new URL(own).pathname);
    expect(await shared.locator('main').innerText()).toBe(text);
  });

  it('shows a withdrawal in place of the record, a commercial secret as withheld, and refuses a bad date plainly', async () => {
    const gone = await open(`/portal/decisions/${encodeURIComponent(withdrawn.decisionId)}`);
    const notice = await gone.locator('main').innerText();
    expect(notice).toContain('撤回公示（确认违法）');
    expect(notice).toContain('人民法院判决确认原处罚决定违法');
    expect(notice).not.toContain('张某');

    const kept = await open(`/portal/decisions/${encodeURIComponent(secret.decisionId)}`);
    const secretText = await kept.locator('main').innerText();
    expect(secretText).toContain('违法事实\n涉及商业秘密，依法不予公开');
    expect(secretText).toContain('以下内容涉及商业秘密，依法不予公开：违法事实。');
    expect(secretText).not.toContain('保质期');

    const bad = await open('/portal/decisions?from=2026-13-01&keyword=');
    expect(await bad.locator('[role=alert]').innerText()).toContain('决定日期起的格式不正确');
    const response = await fetch(`${baseUrl}/portal/decisions?from=2026-13-01`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${baseUrl}/portal/decisions/not-a-decision`)).status).toBe(404);
  });

  it('pre-discloses an agency: powers, remedies (未填报 where missing), officers, the reviewed item list', async () => {
    const list = await open('/portal/agencies?keyword=阿拉尔');
    await list.click('text=第一师阿拉尔市市场监督管理局');
    expect(list.url()).toBe(`${baseUrl}/portal/agencies/BT-SC-01`);
    const fieldOf = async (label: string) => list.locator(`dt:text-is("${label}") + dd`).first().innerText();
    expect(await fieldOf('救济渠道（行政复议、行政诉讼）')).toContain('六十日内');
    expect(await fieldOf('监督方式')).toBe('未填报');
    expect(await fieldOf('投诉举报')).toBe('12315；阿拉尔市军垦大道1号');
    expect(await fieldOf('受理机构')).toBe('阿拉尔市政务服务中心市场监管窗口');
    expect(await fieldOf('审批机构')).toBe('未填报');
    expect(await fieldOf('承诺办结时限')).toBe('10 个工作日');
    const text = await list.locator('main').innerText();
    expect(text).toContain('第 2 版，公示于 2026-09-01；经第一师司法局法制审核科于 2026-08-31 法制审核');
    expect(text).toContain('BT65000001');
    await list.screenshot({ path: '/tmp/portal-agency.png', fullPage: true });
    expect(await violations(list)).toEqual([]);
  });

  it('shows a 双随机 plan with its draws (the voided one with its reason) and masked results', async () => {
    const page = await open('/portal/inspections?agency=BT-SC-01');
    await page.click('text=食品销售者进货查验抽查');
    const text = await page.locator('main').innerText();
    expect(text).toContain('抽取 draw-1 — 已作废：检查人员名单有误，重新抽取');
    expect(text).toContain('抽取 draw-2，抽取日 2026-09-10');
    expect(text).toContain('赵某（T-1）');
    expect(text).not.toContain('赵小明');
    expect(text).toContain('随机种子 ' + 'c'.repeat(64));
    expect(await violations(page)).toEqual([]);
  });

  it('keeps a reader’s larger text and high contrast on every page, and sends nobody off the portal', async () => {
    const page = await open('/portal/help');
    const size = () => page.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)');
    const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(await size()).toBe(18);
    await page.click('text=大字号');
    expect(page.url()).toBe(`${baseUrl}/portal/help`);
    expect(await size()).toBe(22);
    await page.click('text=高对比度');
    expect(await background()).toBe('rgb(0, 0, 0)');
    await page.goto(`${baseUrl}/portal/agencies/BT-SC-01`);
    expect([await size(), await background()]).toEqual([22, 'rgb(0, 0, 0)']);
    await page.screenshot({ path: '/tmp/portal-agency-contrast.png', fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.click('text=标准字号');
    expect(await size()).toBe(18);

    // Keyboard first: the first Tab reaches the skip link, which leads to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('跳到正文');

    const away = await fetch(
      `${baseUrl}/portal/display?set=large&back=${encodeURIComponent('//evil.example/')}`,
      {
        redirect: 'manual',
      },
    );
    expect([away.status, away.headers.get('location')]).toEqual([303, '/portal']);
  });
});
