/**
 * Sub-path deployment: the site built with `astro build --base /lr/` into a folder of its own,
 * served by a static server that answers only under `/lr/`, must have every link, asset and search
 * result under `/lr/`: the link checker and the budget resolver find nothing broken, and in
 * Chromium no page requests anything outside `/lr/` or gets a 404, the language chooser at `/lr/`
 * sends readers to `/lr/en/` or `/lr/zh-cn/`, and search results point under `/lr/`.
 *
 * This is the one extra build of the gates (about a minute).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollThrough, sitePathOf, isChooser } from '../../scripts/gates/browser.ts';
import { buildWithBase } from '../../scripts/gates/build.ts';
import { budgetViolations, measureBudgets } from '../../scripts/gates/budgets.ts';
import { sitePages } from '../../scripts/gates/dist.ts';
import { checkLinks, formatProblem } from '../../scripts/gates/links.ts';
import { serveStatic, type StaticServer } from '../../scripts/gates/static-server.ts';
import { launchBrowser } from '../e2e/harness.ts';

const base = '/lr/';

describe(`the site built for ${base}`, () => {
  let outDir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'lr-schedules-subpath-'));
    await buildWithBase(base, outDir);
    server = await serveStatic(outDir, base);
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('puts every page under the base path', () => {
    const paths = sitePages(outDir, base).map((page) => page.path);
    expect(paths).toContain(`${base}en/`);
    expect(paths).toContain(`${base}zh-cn/`);
    expect(paths.every((path) => path.startsWith(base))).toBe(true);
  });

  it('has no link, anchor or asset reference outside the base path or broken', () => {
    expect(checkLinks(outDir, base).problems.map(formatProblem)).toEqual([]);
  });

  it('loads only scripts and stylesheets that resolve under the base path', async () => {
    const budgets = await measureBudgets(outDir, base);
    expect(budgetViolations(budgets).filter((problem) => /cannot resolve/.test(problem))).toEqual(
      [],
    );
  });

  it('serves every page in Chromium without a request outside the base path or a 404', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const origin = new URL(server.origin).origin;
    const outside: string[] = [];
    const failed: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) {
        outside.push(url.href);
        await route.abort('blockedbyclient');
        return;
      }
      if (!url.pathname.startsWith(base)) outside.push(url.pathname);
      await route.continue();
    });
    context.on('response', (response) => {
      if (response.status() >= 400 && !/no-such-page-gates/.test(response.url())) {
        failed.push(`${response.status()} ${response.url()}`);
      }
    });
    context.on('console', (message) => {
      if (message.type() === 'error' && !/status of 404/.test(message.text())) {
        errors.push(`${message.page()?.url()}: ${message.text()}`);
      }
    });
    context.on('weberror', (error) =>
      errors.push(`${error.page()?.url()}: ${error.error().message}`),
    );
    // A few tabs at a time; widgets are scrolled into view so their lazy chunks load too.
    const queue = sitePages(outDir, base);
    const worker = async () => {
      const tab = await context.newPage();
      for (let page = queue.shift(); page; page = queue.shift()) {
        await tab.goto(new URL(sitePathOf(page, base), origin).href, { waitUntil: 'networkidle' });
        if (isChooser(page)) await tab.waitForURL(new RegExp(`^${origin}${base}(en|zh-cn)/$`));
        else await scrollThrough(tab);
      }
      await tab.close();
    };
    await Promise.all([worker(), worker(), worker()]);

    const tab = await context.newPage();

    // Search: Pagefind's index and its result links live under the base path too.
    await tab.goto(new URL(`${base}en/`, origin).href);
    await tab.locator('site-search button[data-open-modal]').filter({ visible: true }).click();
    await tab.locator('dialog[open] input.pagefind-ui__search-input').fill('cosine annealing');
    const results = tab.locator('dialog[open] .pagefind-ui__result-link');
    await results.first().waitFor();
    const links = await results.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('href') ?? ''),
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => !new URL(href, origin).pathname.startsWith(base))).toEqual([]);

    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    expect(server.notFound.filter((path) => !/no-such-page-gates/.test(path))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 480_000);
});
