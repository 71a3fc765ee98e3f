import type { AddressInfo } from 'node:net';
import { chromiumExecutable } from '@lep/testing';
import { chromium, type Page } from 'playwright-core';
import type { PublicationTestApp } from './publication-app';

/** The HTML of a decision's portal page, as the public gets it (200). */
export async function portalPage(publication: PublicationTestApp, decisionId: string): Promise<string> {
  return (
    await publication
      .anonymous()
      .get(`/portal/decisions/${encodeURIComponent(decisionId)}`)
      .expect(200)
  ).text;
}

export interface PortalPageCheck {
  decisionId: string;
  /** The heading that names the decision's kind on its page. */
  heading: string;
  /** Where its screenshot goes: `/tmp/<screenshot>.png`. */
  screenshot: string;
  /** What else the page must show or keep back, read once its heading is visible. */
  shows?: (page: Page) => Promise<void>;
}

/**
 * Opens each decision's portal page in Chromium on a phone's screen (390 px): its kind's heading is shown, the
 * page passes axe-core's WCAG 2.1 A/AA rules (what GB/T 37668 asks of web content) and nothing is wider than the
 * screen; a screenshot of each is left in /tmp.
 */
export async function expectPortalPages(
  publication: PublicationTestApp,
  checks: PortalPageCheck[],
): Promise<void> {
  await publication.app.listen(0, '127.0.0.1');
  const { port } = publication.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    for (const { decisionId, heading, screenshot, shows } of checks) {
      await page.goto(`http://127.0.0.1:${port}/portal/decisions/${encodeURIComponent(decisionId)}`);
      await expect(page.getByRole('heading', { name: heading, exact: true }).isVisible()).resolves.toBe(true);
      await shows?.(page);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate<Array<{ id: string }>>(
        `axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
           .then((result) => result.violations)`,
      );
      expect(violations.map((violation) => violation.id)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `/tmp/${screenshot}.png`, fullPage: true });
    }
  } finally {
    await browser.close();
  }
}
