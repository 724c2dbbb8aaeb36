/**
 * Shared pieces of the end-to-end tests: launching the system Chromium, browser contexts that
 * record console errors and block (and record) every request to another host, and the list of
 * articles read from the content trees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';
import { inject } from 'vitest';
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

/** Every article of every locale, read from `content/docs/<locale>/`. */
export function articles(): Article[] {
  return locales.flatMap((locale) =>
    readdirSync(join(contentRoot, locale))
      .filter((file) => /^[^_].*\.mdx?$/.test(file))
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
