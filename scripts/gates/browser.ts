/**
 * Browser-side helpers shared by the accessibility and security gates (`test/e2e/a11y.test.ts`,
 * `test/e2e/security.test.ts`) and the sub-path gate: where to open each built page, how to bring
 * every lazily loaded widget onto it, which custom elements are widgets, and how to look at the
 * language chooser without being redirected away from it.
 *
 * @module
 */

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, type SitePage } from './dist.ts';

/**
 * The URL path to open for a built page. The not-found page is opened the way readers meet it, at
 * an address that does not exist (so the server answers 404 with it).
 *
 * @param page - From `sitePages()`.
 * @param base - Base path of the build (default `/`).
 */
export function sitePathOf(page: SitePage, base = '/'): string {
  return /(^|\/)404\.html$/.test(page.file) ? `${base}en/no-such-page-gates/` : page.path;
}

/** Whether a page is the language chooser at the site root. */
export function isChooser(page: SitePage): boolean {
  return page.file === 'index.html';
}

/**
 * Tag names of the site's widgets: every custom element that `src/widgets/` defines
 * (`customElements.define('schedule-chart', …)`).
 *
 * @returns e.g. `['saddle-surface', 'schedule-chart']`, sorted.
 */
export function widgetTags(): string[] {
  const dir = join(repoRoot, 'src', 'widgets');
  const tags = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.(ts|astro|js)$/.test(file)) continue;
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(
      /customElements\.define\(\s*['"`]([a-z][\w-]*-[\w-]*)['"`]/g,
    )) {
      tags.add(match[1]!);
    }
  }
  return [...tags].sort();
}

/**
 * Scroll a page from top to bottom in viewport-sized steps, so every widget comes near the
 * viewport and loads its interactive part, then wait until the network is quiet and go back up.
 *
 * @param page - A loaded page.
 */
export async function scrollThrough(page: Page): Promise<void> {
  for (let i = 0; i < 400; i++) {
    // One step per rendered frame, so intersection observers see every position.
    const atEnd = await page.evaluate(async () => {
      window.scrollBy(0, Math.round(window.innerHeight * 0.9));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    if (atEnd) break;
  }
  await page.waitForLoadState('networkidle');
  // Give widgets a frame or two to draw after their code arrived.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Serve the language chooser to `page` with script execution turned off by an extra
 * `Content-Security-Policy: script-src 'none'` header, so its redirect does not run and the page
 * itself can be inspected. Playwright's `evaluate` still works (it is not page script).
 *
 * @param page - A page that has not opened the chooser yet.
 * @param url - Absolute URL of the chooser.
 */
export async function holdChooser(page: Page, url: string): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" },
    });
  });
}
