/**
 * Security gate, over every page of the build:
 *
 * - the Content-Security-Policy Astro writes into each page (configured in `astro.config.mjs`)
 *   allows no `'unsafe-eval'` and no `'unsafe-inline'` script, and covers every inline script and
 *   style of the page with a hash;
 * - in Chromium, no page (with its widgets loaded and, where there is one, a search run) reports a
 *   CSP violation or a console error, or requests anything from another host;
 * - hostile input — script tags, `javascript:` URLs, huge numbers, odd Unicode — in the URL of every
 *   page with widgets and in every input field of every widget executes nothing (a trap function
 *   records any call), injects no markup, throws no error, and leaves the page usable.
 *
 * Which source files may write markup is checked statically in `test/gates/dom-sinks.test.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChooser, scrollThrough, sitePathOf, widgetTags } from '../../scripts/gates/browser.ts';
import { defaultDist, sitePages, type SitePage } from '../../scripts/gates/dist.ts';
import { parseHtml } from '../../scripts/gates/html.ts';
import { guardedContext, launchBrowser } from './harness.ts';

const pages = sitePages();
const html = (page: SitePage) => readFileSync(join(defaultDist, page.file), 'utf8');
const tags = widgetTags();
const widgetPages = pages.filter((page) => tags.some((tag) => html(page).includes(`<${tag}`)));

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map((tokens) => [tokens[0]!.toLowerCase(), tokens.slice(1)]),
  );
}

describe('Content-Security-Policy in the built pages', () => {
  it.each(pages.map((page) => [page.path, page] as const))(
    '%s has a strict policy that hashes every inline script and style',
    (_path, page) => {
      const elements = parseHtml(html(page));
      const metas = elements.filter(
        (element) =>
          element.name === 'meta' &&
          element.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy',
      );
      expect(metas).toHaveLength(1);
      const policy = directives(metas[0]!.attrs.get('content') ?? '');
      const scriptSrc = policy.get('script-src') ?? [];
      expect(scriptSrc).toContain("'self'");
      for (const name of ['script-src', 'script-src-elem', 'script-src-attr']) {
        const sources = policy.get(name) ?? [];
        expect(sources, name).not.toContain("'unsafe-inline'");
        expect(sources, name).not.toContain("'unsafe-eval'");
        expect(
          sources.filter((source) => /^\*|^https?:|^data:|^blob:/.test(source)),
          name,
        ).toEqual([]);
      }
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);

      const hash = (text: string) =>
        `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      const styleSrc = policy.get('style-src') ?? [];
      for (const element of elements) {
        if (element.name === 'script' && !element.attrs.has('src')) {
          const type = element.attrs.get('type') ?? '';
          if (/json|importmap|speculationrules/i.test(type)) continue;
          expect(
            scriptSrc,
            `inline script "${(element.text ?? '').trim().slice(0, 60)}"`,
          ).toContain(hash(element.text ?? ''));
        }
        if (element.name === 'style') {
          expect(styleSrc, `inline style "${(element.text ?? '').slice(0, 60)}"`).toContain(
            hash(element.text ?? ''),
          );
        }
        const handlers = [...element.attrs.keys()].filter((name) => /^on[a-z]+$/.test(name));
        expect(handlers, `inline event handler on <${element.name}>`).toEqual([]);
      }
    },
  );
});

/**
 * A context that aborts off-site requests and records console errors (the harness's guard), plus
 * CSP violation events and calls of the `__pwn` trap from every document it loads.
 */
async function watchedContext(options: Parameters<typeof guardedContext>[1] = {}) {
  const guard = await guardedContext(browser, { reducedMotion: 'reduce', ...options });
  const violations: string[] = [];
  const pwned: string[] = [];
  await guard.context.exposeBinding('__reportCsp', ({ page }, text: string) => {
    violations.push(`${page.url()}: ${text}`);
  });
  await guard.context.exposeBinding('__pwn', ({ page }, tag: unknown) => {
    pwned.push(`${page.url()}: ${String(tag)}`);
  });
  await guard.context.addInitScript(() => {
    const w = window as unknown as {
      __reportCsp(text: string): void;
      __pwn(tag: unknown): void;
    };
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__reportCsp(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      );
    });
    // Payloads call __pwn(), assign __pwned or call alert/prompt/confirm: each is recorded.
    Object.defineProperty(window, '__pwned', {
      set: (value: unknown) => w.__pwn(`__pwned = ${String(value)}`),
      get: () => undefined,
    });
    for (const name of ['alert', 'prompt', 'confirm'] as const) {
      window[name] = ((message?: unknown) => {
        w.__pwn(`${name}(${String(message)})`);
        return null;
      }) as never;
    }
  });
  return { guard, violations, pwned };
}

/** Open the site search (where the page has one), type a query and wait for its results. */
async function runSearch(tab: Page, query: string): Promise<boolean> {
  const open = tab.locator('site-search button[data-open-modal]').filter({ visible: true });
  if ((await open.count()) === 0) return false;
  await open.first().click();
  const input = tab.locator('dialog[open] input.pagefind-ui__search-input');
  await input.fill(query);
  await tab.locator('dialog[open] .pagefind-ui__result-link').first().waitFor();
  await tab.keyboard.press('Escape');
  return true;
}

describe('in Chromium', () => {
  it.each(pages.map((page) => [page.path, page] as const))(
    '%s reports no CSP violation, logs no error and requests nothing off-site',
    async (_path, page) => {
      const { guard, violations } = await watchedContext({
        locale: page.path.includes('/zh-cn/') ? 'zh-CN' : 'en-US',
      });
      const tab = await guard.context.newPage();
      await tab.goto(sitePathOf(page), { waitUntil: 'networkidle' });
      if (isChooser(page)) {
        // The chooser redirects at once: its own policy must let the redirect script run.
        await tab.waitForURL(/\/(en|zh-cn)\/$/);
      }
      await scrollThrough(tab);
      const searched = await runSearch(
        tab,
        page.path.includes('/zh-cn/') ? '学习率' : 'learning rate',
      );
      if (!isChooser(page) && page.path.match(/^\/(en|zh-cn)\//)) expect(searched).toBe(true);
      expect(violations).toEqual([]);
      expect(guard.errors).toEqual([]);
      expect(guard.foreignRequests).toEqual([]);
      await guard.context.close();
    },
  );
});

/** Strings a reader (or an attacker's link) might put into a URL or a field. */
const hostileStrings = [
  '<script>__pwn("script")</script>',
  '"><img src=x onerror="__pwn(\'img\')">',
  "'><svg onload=__pwn('svg')>",
  '</code><iframe srcdoc="<script>parent.__pwn(1)</script>">',
  'javascript:__pwn("js")',
  '${__pwn("template")}',
  '{{constructor.constructor("__pwn(1)")()}}',
  '__proto__',
  'constructor',
  'toString',
  '1e309',
  '-1e309',
  '1e-400',
  'NaN',
  '-Infinity',
  '-0',
  '9'.repeat(400),
  '0x1F',
  '1_000',
  '  7  ',
  '１２３',
  '٣.٥',
  '\u202e0.1',
  '1\u200b0',
  '💥🔥',
  '\u0000',
  '[1, 2, <b>3</b>]',
  '[[[[[[[[[[[[',
  'a'.repeat(5000),
  '',
];

/** Hostile URLs for a page: markup and script in the query and fragment, extreme numbers, Unicode. */
function hostileUrls(path: string): string[] {
  const query = (entries: [string, string][]) =>
    entries
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
  return [
    `${path}?${query([
      ['q', '<script>__pwn("query")</script>'],
      ['x', '"><img src=x onerror=__pwn("img")>'],
      ['<svg onload=__pwn(1)>', '1'],
    ])}#<img src=x onerror=__pwn("hash")>`,
    `${path}?${query([
      ['lr', '1e309'],
      ['epochs', '-1e999'],
      ['T_0', 'NaN'],
      ['scheduler', '__proto__'],
      ['constructor', 'prototype'],
      ['n', '9'.repeat(400)],
    ])}#javascript:__pwn("fragment")`,
    `${path}?${query([
      ['💥', '\u202e\u0000'],
      ['unicode', '１２３٣'],
      ['lang', 'zh-cn"><script>__pwn(2)</script>'],
    ])}#${encodeURIComponent('中文"><svg onload=__pwn(3)>')}`,
  ];
}

/** Markup that only an injection could have put on the page (searched through shadow roots too). */
async function injectedMarkup(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          const value = element.getAttribute(attribute) ?? '';
          if (
            /^on/i.test(attribute) ||
            (/pwn/.test(value) && /^(src|href|srcdoc|action)$/i.test(attribute))
          ) {
            found.push(`<${element.tagName.toLowerCase()} ${attribute}="${value.slice(0, 60)}">`);
          }
        }
        if (element.tagName === 'SCRIPT' && (element.textContent ?? '').includes('__pwn')) {
          found.push(`<script>${(element.textContent ?? '').slice(0, 60)}`);
        }
        if (['IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName))
          found.push(`<${element.tagName.toLowerCase()}>`);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

/** Whether the page still works: its heading shows, widgets have drawn, and the search opens. */
async function expectUsable(tab: Page, page: SitePage): Promise<void> {
  await expect.poll(() => tab.locator('h1').first().isVisible()).toBe(true);
  if (html(page).includes('<schedule-chart')) {
    const charts = await tab.locator('schedule-chart').count();
    await expect
      .poll(() => tab.locator('schedule-chart canvas').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(charts);
  }
  const search = tab.locator('site-search button[data-open-modal]').filter({ visible: true });
  if ((await search.count()) > 0) {
    await search.first().click();
    await expect.poll(() => tab.locator('dialog[open]').count()).toBe(1);
    await tab.keyboard.press('Escape');
  }
}

describe('hostile input', () => {
  it.each(widgetPages.map((page) => [page.path, page] as const))(
    'in the URL of %s executes nothing and injects nothing',
    async (_path, page) => {
      const { guard, violations, pwned } = await watchedContext();
      const tab = await guard.context.newPage();
      for (const url of hostileUrls(page.path)) {
        const response = await tab.goto(url, { waitUntil: 'networkidle' });
        expect(response?.status(), url).toBe(200);
        await scrollThrough(tab);
        await tab.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
        expect(await injectedMarkup(tab), url).toEqual([]);
        await expectUsable(tab, page);
      }
      expect(pwned).toEqual([]);
      expect(violations).toEqual([]);
      expect(guard.errors).toEqual([]);
      expect(guard.foreignRequests).toEqual([]);
      await guard.context.close();
    },
    120_000,
  );

  it.each(widgetPages.map((page) => [page.path, page] as const))(
    'in every widget field of %s executes nothing, throws nothing, and the widgets recover',
    async (_path, page) => {
      const { guard, violations, pwned } = await watchedContext();
      const tab = await guard.context.newPage();
      await tab.goto(page.path, { waitUntil: 'networkidle' });
      await scrollThrough(tab);
      const fieldSelector = tags
        .map(
          (tag) =>
            `${tag} input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), ${tag} select, ${tag} textarea`,
        )
        .join(', ');
      const fields = tab.locator(fieldSelector);
      const count = await fields.count();
      const originals = await fields.evaluateAll((elements) =>
        elements.map((element) => (element as HTMLInputElement).value),
      );
      const pictures = await tab
        .locator(tags.map((tag) => `${tag} canvas`).join(', '))
        .evaluateAll((canvases) =>
          canvases.map((canvas) => {
            try {
              return (canvas as HTMLCanvasElement).toDataURL();
            } catch {
              return '';
            }
          }),
        );

      const setAll = (value: string | null) =>
        fields.evaluateAll(
          (elements, [text, originalValues]) => {
            elements.forEach((element, i) => {
              const field = element as HTMLInputElement;
              if (field.disabled) return;
              field.focus();
              field.value = text ?? originalValues[i]!;
              field.dispatchEvent(new Event('input', { bubbles: true }));
              field.dispatchEvent(new Event('change', { bubbles: true }));
              field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
              field.blur();
            });
          },
          [value, originals] as const,
        );
      // Long enough for the widgets' edit debounce and a recompute.
      const settle = () => tab.waitForTimeout(250);

      // Every field at once, one hostile string after another.
      for (const text of hostileStrings) {
        await setAll(text);
        await settle();
      }
      expect(await injectedMarkup(tab)).toEqual([]);

      // Then each field alone (the others valid), typed from the keyboard where it is a text field.
      await setAll(null);
      await settle();
      const typed = ['<img src=x onerror=__pwn(4)>', '1e309', '１２３💥', '-'];
      for (let i = 0; i < count; i++) {
        const field = fields.nth(i);
        if (!(await field.isEnabled()) || !(await field.isVisible())) continue;
        const isText = await field.evaluate(
          (element) =>
            element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement,
        );
        if (!isText) continue;
        await field.fill(typed[i % typed.length]!);
        await field.press('Enter');
        await settle();
        await field.fill(originals[i]!);
        await field.press('Tab');
      }
      await settle();
      expect(await injectedMarkup(tab)).toEqual([]);

      // Restored values: no field is left marked invalid and every chart draws what it drew before.
      await setAll(null);
      await tab.waitForTimeout(500);
      const invalid = await tab
        .locator(tags.map((tag) => `${tag} [aria-invalid="true"]`).join(', '))
        .count();
      expect(invalid).toBe(0);
      const after = await tab
        .locator(tags.map((tag) => `${tag} canvas`).join(', '))
        .evaluateAll((canvases) =>
          canvases.map((canvas) => {
            try {
              return (canvas as HTMLCanvasElement).toDataURL();
            } catch {
              return '';
            }
          }),
        );
      expect(after.length).toBe(pictures.length);
      after.forEach((picture, i) =>
        expect(picture === pictures[i], `canvas ${i} redrawn as before`).toBe(true),
      );
      await expectUsable(tab, page);

      expect(pwned).toEqual([]);
      expect(violations).toEqual([]);
      expect(guard.errors).toEqual([]);
      expect(guard.foreignRequests).toEqual([]);
      await guard.context.close();
    },
    180_000,
  );
});
