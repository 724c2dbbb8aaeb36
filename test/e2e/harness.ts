/**
 * Shared pieces of the end-to-end tests: launching the system Chromium (once per test file),
 * browser contexts that record console errors and block (and record) every request to another
 * host, pages opened in them, the widgets' live state and canvas pixels, the built assets and
 * their compressed sizes, and the list of articles read from the content trees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { root } from '../../scripts/e2e/site.ts';
import { locales, type Locale } from '../../src/i18n/locales.ts';

/** Chromium installed by the system package manager (Playwright's own download is not used). */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Command-line switches: headless, no sandbox (containers), and nothing that phones home. A fresh
 * `--user-data-dir` comes from Playwright itself: `launch()` creates a new temporary profile each
 * time and refuses a `--user-data-dir` switch.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
] as const;

/** Start headless Chromium with {@link chromiumArgs}. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
}

/**
 * One Chromium for the test file, launched before its tests and closed after them. Call it at
 * the top level of the file; the returned function gives the browser inside a test.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error('the browser is launched in beforeAll');
    return browser;
  };
}

/** Origin of the preview server (from the global setup), with trailing slash. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** Absolute URL of a site path on the preview server. */
export function siteUrl(path: string): string {
  return new URL(path, baseUrl()).href;
}

/** A browser context whose console errors, page errors and off-site requests are recorded. */
export interface GuardedContext {
  readonly context: BrowserContext;
  /** `console.error` messages and uncaught exceptions, prefixed with the page URL. */
  readonly errors: string[];
  /** Every request to a host other than the preview server (all of them are aborted). */
  readonly foreignRequests: string[];
  /** Every request the pages made, in order. */
  readonly requests: string[];
}

/**
 * Open a browser context that aborts and records requests to any host but the preview server,
 * and records console errors and uncaught exceptions.
 *
 * @param browser - From {@link launchBrowser}.
 * @param options - Playwright context options (locale, permissions, …); `baseURL` is set.
 */
export async function guardedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<GuardedContext> {
  const origin = new URL(baseUrl()).origin;
  const context = await browser.newContext({ baseURL: baseUrl(), ...options });
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).origin === origin) {
      await route.continue();
    } else {
      foreignRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on('weberror', (error) =>
    errors.push(`${error.page()?.url()}: ${error.error().message}`),
  );
  return { context, errors, foreignRequests, requests };
}

/** A page in its own {@link GuardedContext}. */
export interface GuardedPage {
  readonly guard: GuardedContext;
  readonly page: Page;
}

/**
 * Open `path` in a fresh {@link guardedContext} and wait until the network is idle.
 *
 * @param options - Playwright context options, as for {@link guardedContext}.
 */
export async function openGuardedPage(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
): Promise<GuardedPage> {
  const guard = await guardedContext(browser, options);
  const page = await guard.context.newPage();
  await page.goto(path, { waitUntil: 'networkidle' });
  return { guard, page };
}

/** Expect that no page of the context logged an error or reached another host, then close it. */
export async function closeClean(guard: GuardedContext): Promise<void> {
  expect(guard.errors).toEqual([]);
  expect(guard.foreignRequests).toEqual([]);
  await guard.context.close();
}

/**
 * Scroll a widget into view and wait until its live part has replaced the build-time one (its
 * element sets `data-live`).
 */
export async function waitLive(widget: Locator): Promise<Locator> {
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(() => widget.getAttribute('data-live'), { timeout: 15_000 }).toBe('');
  return widget;
}

/**
 * Expect `error` to appear beside the rejected `input`: the localized message, PyTorch's own
 * error when PyTorch rejects the value too (no code element otherwise), and the input marked
 * invalid and described by the message.
 */
export async function expectRejected(
  input: Locator,
  error: Locator,
  message: string,
  pytorch: string | undefined,
): Promise<void> {
  await error.waitFor();
  expect(await error.locator('span').first().textContent()).toBe(message);
  if (pytorch) expect(await error.locator('code').textContent()).toBe(pytorch);
  else expect(await error.locator('code').count()).toBe(0);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect(await input.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
}

/** Painted (not fully transparent) pixels of a canvas and a hash of all its pixels. */
export function canvasPixels(canvas: Locator): Promise<{ painted: number; hash: number }> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let painted = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0) painted += 1;
      hash =
        (Math.imul(hash, 31) + data[i]! + 3 * data[i + 1]! + 7 * data[i + 2]! + 11 * data[i + 3]!) |
        0;
    }
    return { painted, hash };
  });
}

/** The built site's scripts and styles, `dist/_astro/`. */
export const assetsDir = join(root, 'dist', '_astro');

/** Size of a file of {@link assetsDir} compressed with gzip at level 9, in bytes. */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(join(assetsDir, file)), { level: 9 }).length;
}

/** The file names in {@link assetsDir} of the requested URLs that are built assets, in order. */
export function assetFiles(urls: readonly string[]): string[] {
  return urls
    .map((url) => new URL(url).pathname)
    .filter((path) => path.startsWith('/_astro/'))
    .map((path) => path.slice('/_astro/'.length));
}

/** Root of the article trees. */
export const contentRoot = fileURLToPath(new URL('../../content/docs/', import.meta.url));

/** An article of one locale. */
export interface Article {
  readonly locale: Locale;
  /** File name without extension, e.g. `saddle-points` (`index` for the locale's home). */
  readonly slug: string;
  /** Site path, e.g. `/zh-cn/saddle-points/` or `/en/`. */
  readonly path: string;
  /** The MDX/Markdown source. */
  readonly source: string;
}

/** Every article of every locale, read from `content/docs/<locale>/` and its subfolders. */
export function articles(): Article[] {
  return locales.flatMap((locale) =>
    readdirSync(join(contentRoot, locale), { recursive: true, encoding: 'utf8' })
      .filter((file) => /(^|\/)[^_/][^/]*\.mdx?$/.test(file))
      .sort()
      .map((file) => {
        const slug = file.replace(/\.mdx?$/, '');
        return {
          locale,
          slug,
          path: slug === 'index' ? `/${locale}/` : `/${locale}/${slug}/`,
          source: readFileSync(join(contentRoot, locale, file), 'utf8'),
        };
      }),
  );
}
