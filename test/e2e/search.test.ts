/**
 * Search: Starlight's Pagefind index must find Chinese words in the Chinese edition (Pagefind
 * segments Chinese text per language, chosen by `<html lang="zh-CN">`) and English phrases in the
 * English edition — through the search dialog a reader uses and through Pagefind's own API.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Locale } from '../../src/i18n/locales.ts';
import { guardedContext, launchBrowser, type GuardedContext } from './harness.ts';

/**
 * Each query and the article it must find. A topic's own name must rank its article first;
 * 学习率 (learning rate) is on every page, so the home page only has to be among the results, and
 * "cosine annealing" also names the warm-restarts, gallery and playground pages, so the English
 * article only has to be among them.
 */
const cases: readonly { locale: Locale; query: string; expected: string; first: boolean }[] = [
  { locale: 'zh-cn', query: '学习率', expected: '/zh-cn/', first: false },
  { locale: 'zh-cn', query: '余弦退火', expected: '/zh-cn/cosine-annealing/', first: true },
  { locale: 'zh-cn', query: '鞍点', expected: '/zh-cn/saddle-points/', first: true },
  { locale: 'zh-cn', query: '热重启', expected: '/zh-cn/warm-restarts/', first: true },
  { locale: 'en', query: 'cosine annealing', expected: '/en/cosine-annealing/', first: false },
];

let browser: Browser;
let guard: GuardedContext;

beforeAll(async () => {
  browser = await launchBrowser();
  guard = await guardedContext(browser);
});

afterAll(async () => {
  await guard?.context.close();
  await browser?.close();
});

function pathOf(url: string): string {
  return new URL(url, 'http://localhost').pathname;
}

/** Result paths of a query run through Pagefind's JS API on a page of `locale`. */
async function apiSearch(page: Page, locale: Locale, query: string): Promise<string[]> {
  await page.goto(`/${locale}/`);
  // Passed as source text: Vitest rewrites `import()` in test code, and /pagefind/ only exists in
  // the built site anyway.
  const urls = await page.evaluate<string[]>(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(search.results.map((result) => result.data()));
    return data.map((item) => item.url);
  })()`);
  return urls.map(pathOf);
}

/** Result paths a reader sees after typing a query into the search dialog on a page of `locale`. */
async function dialogSearch(page: Page, locale: Locale, query: string): Promise<string[]> {
  await page.goto(`/${locale}/`);
  await page.locator('site-search button[data-open-modal]').filter({ visible: true }).click();
  const input = page.locator('dialog[open] input.pagefind-ui__search-input');
  await input.fill(query);
  const results = page.locator('dialog[open] .pagefind-ui__result-link');
  await results.first().waitFor();
  return (
    await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
  ).map(pathOf);
}

describe('Pagefind index', () => {
  it('has a separate index per language, with Chinese pages under zh-cn', () => {
    const entry = JSON.parse(
      readFileSync(new URL('../../dist/pagefind/pagefind-entry.json', import.meta.url), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    expect(entry.languages['zh-cn']!.page_count).toBeGreaterThan(0);
    expect(entry.languages['en']!.page_count).toBeGreaterThan(0);
  });
});

describe.each(cases)(
  'searching "$query" on the $locale site',
  ({ locale, query, expected, first }) => {
    it(`finds ${expected} through the Pagefind API, and only pages of that language`, async () => {
      const page = await guard.context.newPage();
      const found = await apiSearch(page, locale, query);
      expect(found).toContain(expected);
      if (first) expect(found[0]).toBe(expected);
      for (const path of found) expect(path.startsWith(`/${locale}/`)).toBe(true);
      await page.close();
    });

    it(`shows ${expected} in the search dialog`, async () => {
      const page = await guard.context.newPage();
      const found = await dialogSearch(page, locale, query);
      expect(found).toContain(expected);
      if (first) expect(found[0]).toBe(expected);
      expect(guard.errors).toEqual([]);
      expect(guard.foreignRequests).toEqual([]);
      await page.close();
    });
  },
);
