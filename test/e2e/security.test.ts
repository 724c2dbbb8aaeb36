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
import type { Page } from 'playwright-core';
import { describe, expect, it, type ExpectStatic } from 'vitest';
import { isChooser, scrollThrough, sitePathOf, widgetTags } from '../../scripts/gates/browser.ts';
import { defaultDist, sitePages, type SitePage } from '../../scripts/gates/dist.ts';
import { parseHtml } from '../../scripts/gates/html.ts';
import { guardedContext, useBrowser, siteUrl } from './harness.ts';

const pages = sitePages();
const html = (page: SitePage) => readFileSync(join(defaultDist, page.file), 'utf8');
const tags = widgetTags();
const widgetPages = pages.filter((page) => tags.some((tag) => html(page).includes(`<${tag}`)));
/**
 * Whether a page's widgets have fields to fuzz: all but a page whose only widgets are charts of
 * schedulers built from a function (`LambdaLR`, `MultiplicativeLR`), drawn from build-time samples.
 */
const hasFields = (page: SitePage) =>
  tags.some((tag) => tag !== 'schedule-chart' && html(page).includes(`<${tag}`)) ||
  [...html(page).matchAll(/<schedule-chart\b[^>]*>/g)].some(
    (match) => !match[0].includes('data-samples'),
  );

const browser = useBrowser();

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
  const guard = await guardedContext(browser(), { reducedMotion: 'reduce', ...options });
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

/**
 * A hostile URL for a page: markup and script in query keys, values and the fragment, a
 * `javascript:` URL, extreme numbers, prototype names and odd Unicode.
 */
function hostileUrl(path: string): string {
  const query = [
    ['q', '<script>__pwn("query")</script>'],
    ['x', '"><img src=x onerror=__pwn("img")>'],
    ['<svg onload=__pwn(1)>', '1'],
    ['href', 'javascript:__pwn("href")'],
    ['lr', '1e309'],
    ['epochs', '-1e999'],
    ['T_0', 'NaN'],
    ['scheduler', '__proto__'],
    ['constructor', 'prototype'],
    ['n', '9'.repeat(400)],
    ['💥', '\u202e\u0000'],
    ['unicode', '１２３٣'],
    ['lang', 'zh-cn"><script>__pwn(2)</script>'],
  ]
    .map(([key, value]) => `${encodeURIComponent(key!)}=${encodeURIComponent(value!)}`)
    .join('&');
  return `${path}?${query}#${encodeURIComponent('中文"><img src=x onerror=__pwn("hash")>')}`;
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
async function expectUsable(tab: Page, page: SitePage, expect: ExpectStatic): Promise<void> {
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

/** Text fields, selects and text areas of every widget on the page. */
const fieldSelector = tags
  .map(
    (tag) =>
      `${tag} input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), ${tag} select, ${tag} textarea`,
  )
  .join(', ');
const canvasSelector = tags.map((tag) => `${tag} canvas`).join(', ');

/** Pictures of the widgets' canvases (data URLs; empty where a canvas cannot be read). */
function canvasPictures(tab: Page): Promise<string[]> {
  return tab.locator(canvasSelector).evaluateAll((canvases) =>
    canvases.map((canvas) => {
      try {
        return (canvas as HTMLCanvasElement).toDataURL();
      } catch {
        return '';
      }
    }),
  );
}

/**
 * Fill every widget field with each hostile string in turn (all fields at once, by script, with
 * the events a reader's typing fires), then type a few into one text field per widget from the
 * keyboard, then put the original values back.
 */
async function fuzzFields(tab: Page): Promise<void> {
  const fields = tab.locator(fieldSelector);
  const originals = await fields.evaluateAll((elements) =>
    elements.map((element) => (element as HTMLInputElement).value),
  );
  const setAll = (value: string | null) =>
    fields.evaluateAll(
      (elements, [text, originalValues]) => {
        elements.forEach((element, i) => {
          const field = element as HTMLInputElement;
          if (field.disabled) return;
          field.value = text ?? originalValues[i]!;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          field.dispatchEvent(new Event('change', { bubbles: true }));
          field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        });
      },
      [value, originals] as const,
    );
  // Longer than the widgets' edit debounce plus a recompute.
  const settle = () => tab.waitForTimeout(200);
  for (const text of hostileStrings) {
    await setAll(text);
    await settle();
  }
  await setAll(null);
  await settle();

  const firstFields = await tab.evaluate(
    ([hosts, selector]) => {
      const all = [...document.querySelectorAll(selector)];
      return [...document.querySelectorAll(hosts)]
        .map((host) =>
          all.findIndex(
            (field) =>
              host.contains(field) &&
              (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) &&
              !field.disabled,
          ),
        )
        .filter((index) => index >= 0);
    },
    [tags.join(', '), fieldSelector] as const,
  );
  const typed = ['<img src=x onerror=__pwn(4)>', '1e309', '１２３💥', '-'];
  for (const [n, index] of firstFields.slice(0, 8).entries()) {
    const field = fields.nth(index);
    if (!(await field.isVisible())) continue;
    await field.fill(typed[n % typed.length]!);
    await field.press('Enter');
    await settle();
    await field.fill(originals[index]!);
    await field.press('Tab');
  }
  await setAll(null);
  await tab.waitForTimeout(500);
}

describe('hostile input', () => {
  it('is caught by these checks on a page that is vulnerable on purpose', async () => {
    const { guard, pwned } = await watchedContext({ bypassCSP: true });
    const tab = await guard.context.newPage();
    const url = siteUrl('/__gates-vulnerable__/');
    const tag = tags[0]!;
    await tab.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>x</title><h1>x</h1><${tag}><input value="1"><output></output></${tag}>
          <script>
            const host = document.querySelector('${tag}');
            host.querySelector('input').addEventListener('input', (event) => {
              host.querySelector('output').innerHTML = event.target.value;
            });
            document.body.insertAdjacentHTML('beforeend', decodeURIComponent(location.hash.slice(1)));
          </script>`,
      }),
    );
    await tab.goto(`${url}#${encodeURIComponent('<img src=x onerror="__pwn(\'hash\')">')}`);
    await expect.poll(() => pwned.length).toBeGreaterThan(0);
    expect(await injectedMarkup(tab)).not.toEqual([]);
    pwned.length = 0;
    await fuzzFields(tab);
    expect(pwned.length).toBeGreaterThan(0);
    await guard.context.close();
  });
});

/** Console errors, less the 404 status the not-found page is served with. */
function unexpectedErrors(errors: readonly string[], page: SitePage): string[] {
  return errors.filter((error) => !(page.file === '404.html' && /status of 404/.test(error)));
}

// One visit per page, a few pages at a time. Pages with widgets are opened at a hostile URL and
// then have every widget field fuzzed; every page runs a search; CSP violations, console errors,
// off-site requests and trap calls are recorded throughout.
describe('in Chromium', () => {
  it.concurrent.for(pages.map((page) => [page.path, page] as const))(
    '%s: no CSP violation, error or off-site request; hostile URL and field input are inert',
    { timeout: 180_000 },
    async ([, page], { expect }) => {
      const widgets = widgetPages.includes(page);
      const { guard, violations, pwned } = await watchedContext({
        locale: page.path.includes('/zh-cn/') ? 'zh-CN' : 'en-US',
      });
      const tab = await guard.context.newPage();
      const url = widgets ? hostileUrl(page.path) : sitePathOf(page);
      const response = await tab.goto(url, { waitUntil: 'networkidle' });
      if (isChooser(page)) {
        // The chooser redirects at once: its own policy must let the redirect script run.
        await tab.waitForURL(/\/(en|zh-cn)\/$/);
      } else {
        expect(response?.status(), url).toBe(page.file === '404.html' ? 404 : 200);
      }
      await scrollThrough(tab);

      if (widgets) {
        await tab.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
        expect.soft(await injectedMarkup(tab), 'markup injected from the URL').toEqual([]);
        await expectUsable(tab, page, expect);
        const fields = await tab.locator(fieldSelector).count();
        if (hasFields(page)) expect(fields, 'widget fields').toBeGreaterThan(0);
        else expect(fields, 'widget fields').toBe(0);
        const before = await canvasPictures(tab);
        await fuzzFields(tab);
        expect.soft(await injectedMarkup(tab), 'markup injected from fields').toEqual([]);
        // With the original values back, no field is marked invalid and every chart is as before.
        const invalid = tags.map((tag) => `${tag} [aria-invalid="true"]`).join(', ');
        expect.soft(await tab.locator(invalid).count(), 'fields left invalid').toBe(0);
        const after = await canvasPictures(tab);
        expect.soft(after.length, 'canvases').toBe(before.length);
        after.forEach((picture, i) =>
          expect.soft(picture === before[i], `canvas ${i} redrawn as before`).toBe(true),
        );
        await expectUsable(tab, page, expect);
      }

      const searched = await runSearch(
        tab,
        page.path.includes('/zh-cn/') ? '学习率' : 'learning rate',
      );
      if (/^\/(en|zh-cn)\//.test(page.path)) expect.soft(searched, 'search ran').toBe(true);
      expect.soft(pwned, 'trap calls').toEqual([]);
      expect.soft(violations, 'CSP violations').toEqual([]);
      expect.soft(unexpectedErrors(guard.errors, page), 'console errors').toEqual([]);
      expect.soft(guard.foreignRequests, 'off-site requests').toEqual([]);
      await guard.context.close();
    },
  );
});
