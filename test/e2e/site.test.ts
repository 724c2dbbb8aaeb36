/**
 * End-to-end checks of the built site in headless Chromium: every article in both languages,
 * the language chooser at `/`, the language switcher, KaTeX, code copy buttons, synced code tabs,
 * the theme attribute widgets rely on, and the sitemap.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localeInfo, locales, type Locale } from '../../src/i18n/locales.ts';
import {
  articles,
  guardedContext,
  openGuardedPage,
  useBrowser,
  siteUrl,
  type Article,
} from './harness.ts';

const browser = useBrowser();

const all = articles();
const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'zh-cn' : 'en');
/** Inline (`$…$`) or display (`$$…$$`) math in an MDX source, ignoring fenced code. */
const usesMath = (source: string) => /\$[^$\n]+\$/.test(source.replace(/^```[\s\S]*?^```/gm, ''));
const usesSyncedTabs = (source: string) => /<Tabs[^>]*\bsyncKey="lang"/.test(source);
const hasCodeBlock = (source: string) => /^```\w*/m.test(source);
/** A KaTeX font file as Vite emits it, e.g. `/_astro/KaTeX_Main-Regular.B22Nviop.woff2`. */
const katexFontFile = /\/_astro\/KaTeX_[\w-]+\.[\w-]+\.woff2$/;

describe('articles', () => {
  it('exist in both languages', () => {
    for (const locale of locales) {
      expect(all.filter((article) => article.locale === locale).map((a) => a.slug)).toContain(
        'index',
      );
    }
  });

  it.each(all.map((article) => [article.path, article] as const))(
    '%s loads with no console error, no off-site request, the right lang and hreflang alternates',
    async (path, article: Article) => {
      const guard = await guardedContext(browser());
      const page = await guard.context.newPage();
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);

      expect(await page.getAttribute('html', 'lang')).toBe(localeInfo[article.locale].lang);

      const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (links) =>
        links.map((link) => [
          link.getAttribute('hreflang'),
          new URL(link.getAttribute('href')!).pathname,
        ]),
      );
      const slugPath = article.slug === 'index' ? '/' : `/${article.slug}/`;
      for (const locale of locales) {
        expect(alternates).toContainEqual([localeInfo[locale].lang, `/${locale}${slugPath}`]);
      }

      // Every script is served by our own build, and none of it is KaTeX: math is rendered at build time.
      const scripts = await page.$$eval('script[src]', (elements) =>
        elements.map((element) => (element as HTMLScriptElement).src),
      );
      expect(scripts.filter((src) => /katex/i.test(src))).toEqual([]);
      expect(guard.requests.filter((url) => /katex[^/]*\.js/i.test(url))).toEqual([]);

      await page.mouse.wheel(0, 100_000);
      await page.waitForLoadState('networkidle');
      expect(guard.errors).toEqual([]);
      expect(guard.foreignRequests).toEqual([]);
      await guard.context.close();
    },
  );

  it.each(all.map((article) => [article.path, article] as const))(
    'the language switcher on %s leads to the same article in the other language',
    async (path, article: Article) => {
      const guard = await guardedContext(browser());
      const page = await guard.context.newPage();
      await page.goto(path);
      const target = otherLocale(article.locale);
      const select = page.locator('starlight-lang-select select').filter({ visible: true });
      await Promise.all([
        page.waitForURL((url) => url.pathname.startsWith(`/${target}/`)),
        select.selectOption({ label: localeInfo[target].label }),
      ]);
      const expected = article.slug === 'index' ? `/${target}/` : `/${target}/${article.slug}/`;
      expect(new URL(page.url()).pathname).toBe(expected);
      expect(await page.getAttribute('html', 'lang')).toBe(localeInfo[target].lang);
      expect(guard.errors).toEqual([]);
      await guard.context.close();
    },
  );
});

describe('language chooser at /', () => {
  it('links both editions without JavaScript', async () => {
    const guard = await guardedContext(browser(), { javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await guard.context.newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/');
    for (const locale of locales) {
      const link = page.locator(`a[href="/${locale}/"]`).first();
      await expect(link.getAttribute('hreflang')).resolves.toBe(localeInfo[locale].lang);
    }
    await page.locator('a[href="/en/"]').first().click();
    await page.waitForURL(siteUrl('/en/'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(guard.errors).toEqual([]);
    expect(guard.foreignRequests).toEqual([]);
    await guard.context.close();
  });

  it.each([
    ['zh-CN', '/zh-cn/'],
    ['zh-TW', '/zh-cn/'],
    ['en-US', '/en/'],
    ['fr-FR', '/en/'],
  ])('sends a browser with locale %s to %s', async (locale, expected) => {
    const guard = await guardedContext(browser(), { locale });
    const page = await guard.context.newPage();
    await page.goto('/');
    await page.waitForURL(siteUrl(expected));
    expect(guard.errors).toEqual([]);
    expect(guard.foreignRequests).toEqual([]);
    await guard.context.close();
  });

  it('prefers whichever of Chinese and English comes first in navigator.languages', async () => {
    const guard = await guardedContext(browser(), { locale: 'de-DE' });
    await guard.context.addInitScript(() => {
      Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'zh-Hans', 'en'] });
    });
    const page = await guard.context.newPage();
    await page.goto('/');
    await page.waitForURL(siteUrl('/zh-cn/'));
    await guard.context.close();
  });
});

describe('math', () => {
  const withMath = all.filter((article) => usesMath(article.source));

  it('is used by at least one article per language', () => {
    for (const locale of locales) {
      expect(withMath.some((article) => article.locale === locale)).toBe(true);
    }
  });

  it.each(withMath.map((article) => [article.path] as const))(
    'is rendered by KaTeX at build time on %s, with our own fonts and visible SVG glyphs',
    async (path) => {
      const guard = await guardedContext(browser());
      const page = await guard.context.newPage();
      await page.goto(path, { waitUntil: 'networkidle' });
      expect(await page.locator('.katex').count()).toBeGreaterThan(0);
      expect(await page.locator('.katex-error').count()).toBe(0);
      const fontLoaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('16px KaTeX_Main');
      });
      expect(fontLoaded).toBe(true);
      expect(guard.requests.some((url) => katexFontFile.test(url))).toBe(true);
      // KaTeX draws stretchy glyphs such as the bar of \sqrt as SVGs as tall as their wrapper;
      // Starlight's `svg { height: auto }` for content images would shrink them to a sliver.
      const svgs = await page.$$eval('.katex-html svg', (elements) =>
        elements.map((svg) => [
          svg.getBoundingClientRect().height,
          svg.parentElement!.getBoundingClientRect().height,
        ]),
      );
      for (const [height, wrapper] of svgs) {
        expect(height).toBeGreaterThan(0);
        expect(height).toBeCloseTo(wrapper!, 0);
      }
      expect(guard.foreignRequests).toEqual([]);
      await guard.context.close();
    },
  );

  it.each(withMath.map((article) => [article.path] as const))(
    'preloads exactly the KaTeX fonts %s uses',
    async (path) => {
      const { guard, page } = await openGuardedPage(browser(), path);
      await page.mouse.wheel(0, 100_000);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const preloaded = await page.$$eval('link[rel="preload"][as="font"]', (links) =>
        links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
      );
      const requested = new Set(
        guard.requests
          .map((url) => new URL(url).pathname)
          .filter((pathname) => katexFontFile.test(pathname)),
      );
      expect(preloaded.length).toBeGreaterThan(0);
      expect([...preloaded].sort()).toEqual([...requested].sort());
      expect(guard.errors).toEqual([]);
      await guard.context.close();
    },
  );
});

describe('code blocks', () => {
  const withCode = all.filter((article) => hasCodeBlock(article.source));

  it('copy their code to the clipboard', async () => {
    expect(withCode.length).toBeGreaterThan(0);
    const guard = await guardedContext(browser(), {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await guard.context.newPage();
    await page.goto(withCode[0]!.path);
    const block = page.locator('.expressive-code').filter({ visible: true }).first();
    const expected = (await block.locator('pre code .ec-line').allInnerTexts())
      .map((line) => line.replace(/\n$/, ''))
      .join('\n');
    expect(expected.length).toBeGreaterThan(0);
    await block.hover();
    await block.locator('.copy button').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.replace(/\n$/, '')).toBe(expected);
    expect(guard.errors).toEqual([]);
    await guard.context.close();
  });
});

describe('synced PyTorch/TypeScript tabs', () => {
  const pages = all.filter((article) => usesSyncedTabs(article.source));

  async function selectedLabel(page: Page): Promise<string> {
    return page
      .locator('starlight-tabs[data-sync-key="lang"]')
      .first()
      .locator('[role="tab"][aria-selected="true"]')
      .innerText();
  }

  it('remember the chosen tab on another page', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const [first, second] = pages as [Article, Article];
    const guard = await guardedContext(browser());
    const page = await guard.context.newPage();
    await page.goto(first.path);
    const tabs = page
      .locator('starlight-tabs[data-sync-key="lang"]')
      .first()
      .locator('[role="tab"]');
    const before = await selectedLabel(page);
    const other = tabs.filter({ hasNotText: before }).first();
    const label = (await other.innerText()).trim();
    await other.click();
    expect((await selectedLabel(page)).trim()).toBe(label);
    expect(await page.evaluate(() => localStorage.getItem('starlight-synced-tabs__lang'))).toBe(
      label,
    );

    await page.goto(second.path);
    expect((await selectedLabel(page)).trim()).toBe(label);
    expect(guard.errors).toEqual([]);
    await guard.context.close();
  });
});

describe('RestartEpochs', () => {
  const uses = all.flatMap((article) =>
    [
      ...article.source.matchAll(
        /<RestartEpochs\s+T_0=\{(\d+)\}\s+T_mult=\{(\d+)\}\s+count=\{(\d+)\}\s*\/>/g,
      ),
    ].map((match) => ({
      article,
      T_0: Number(match[1]),
      T_mult: Number(match[2]),
      count: Number(match[3]),
    })),
  );

  /** Restart k (1-based) of CosineAnnealingWarmRestarts lands at T_0 · (1 + T_mult + … + T_mult^(k-1)). */
  function expectedEpochs(T_0: number, T_mult: number, count: number): number[] {
    return Array.from({ length: count }, (_, k) =>
      T_mult === 1 ? T_0 * (k + 1) : (T_0 * (T_mult ** (k + 1) - 1)) / (T_mult - 1),
    );
  }

  it.each(uses.map((use) => [use.article.path, use.T_0, use.T_mult, use.count, use] as const))(
    'on %s lists the restarts of T_0=%i, T_mult=%i (first %i) in the page language',
    async (path, T_0, T_mult, count, use) => {
      const guard = await guardedContext(browser());
      const page = await guard.context.newPage();
      await page.goto(path);
      const text = await page.locator('.sl-markdown-content').innerText();
      const separator = use.article.locale === 'zh-cn' ? '、' : ', ';
      expect(text).toContain(expectedEpochs(T_0, T_mult, count).join(separator));
      await guard.context.close();
    },
  );
});

describe('theme', () => {
  it('is exposed as data-theme on <html> and follows the theme picker', async () => {
    const guard = await guardedContext(browser(), { colorScheme: 'dark' });
    const page = await guard.context.newPage();
    await page.goto(all[0]!.path);
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const changes = page.evaluate(
      () =>
        new Promise<string | undefined>((resolve) => {
          new MutationObserver(() => resolve(document.documentElement.dataset['theme'])).observe(
            document.documentElement,
            { attributeFilter: ['data-theme'] },
          );
        }),
    );
    await page
      .locator('starlight-theme-select select')
      .filter({ visible: true })
      .selectOption('light');
    expect(await changes).toBe('light');
    await guard.context.close();
  });
});

describe('404', () => {
  it('serves Starlight’s not-found page without off-site requests', async () => {
    const guard = await guardedContext(browser());
    const page = await guard.context.newPage();
    const response = await page.goto('/en/no-such-page/', { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    expect(guard.foreignRequests).toEqual([]);
    await guard.context.close();
  });
});

describe('sitemap', () => {
  it('lists every article with its hreflang alternates, and the chooser without any', async () => {
    const index = await (await fetch(siteUrl('/sitemap-index.xml'))).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const entries = new Map<string, string>();
    for (const sitemap of sitemaps) {
      const xml = await (await fetch(siteUrl(new URL(sitemap).pathname))).text();
      for (const [, body] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const loc = /<loc>([^<]+)<\/loc>/.exec(body!)![1]!;
        entries.set(new URL(loc).pathname, body!);
      }
    }
    expect(entries.get('/')).toBeDefined();
    expect(entries.get('/')).not.toContain('hreflang');
    for (const article of all) {
      const body = entries.get(article.path);
      expect(body, article.path).toBeDefined();
      for (const locale of locales) {
        const slugPath = article.slug === 'index' ? '/' : `/${article.slug}/`;
        expect(body).toMatch(
          new RegExp(`hreflang="${localeInfo[locale].lang}" href="[^"]*/${locale}${slugPath}"`),
        );
      }
      expect(body).not.toMatch(/href="https?:\/\/[^/"]+\/"/);
    }
  });
});
