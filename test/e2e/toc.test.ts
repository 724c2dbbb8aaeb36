/**
 * The table of contents (our override of Starlight's, see `src/components/toc/`): it watches
 * exactly the elements Starlight's `:has()` selectors would, and highlights the current section
 * on wide and narrow screens; the mobile list closes on a link and on Escape.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { articles, closeClean, openGuardedPage, useBrowser } from './harness.ts';

const browser = useBrowser();

/** `observedElements` as a script defining `window.tocModule`, for `page.evaluate` (bundled once). */
let script: Promise<string> | undefined;
function observedElementsScript(): Promise<string> {
  script ??= bundle();
  return script;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [
      new URL('../../src/components/toc/observed-elements.ts', import.meta.url).pathname,
    ],
    bundle: true,
    format: 'iife',
    globalName: 'tocModule',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

describe('table of contents', () => {
  it.each(articles().map((article) => [article.path] as const))(
    'on %s watches the same elements as Starlight’s selectors',
    async (path) => {
      const script = await observedElementsScript();
      const { guard, page } = await openGuardedPage(browser(), path);
      // The page's Content-Security-Policy does not apply to evaluation through the debugger.
      await page.evaluate(`${script}; window.tocModule = tocModule;`);
      const result = await page.evaluate(() => {
        const heading = 'h1#_top,:where(h2,h3)[id]';
        const starlight = document.querySelectorAll(
          [
            `main :where(${heading})`,
            `main :where(${heading}, .sl-heading-wrapper) ~ *:not(:has(${heading}))`,
            `main .sl-markdown-content > *:not(:has(${heading}))`,
            `main > *:not(:has(${heading}))`,
          ].join(),
        );
        const module = (
          window as unknown as {
            tocModule: { observedElements(main: Element, selector: string): Element[] };
          }
        ).tocModule;
        const ours = module.observedElements(document.querySelector('main')!, heading);
        const all = [...document.querySelectorAll('*')];
        const positions = (elements: Iterable<Element>) =>
          [...elements].map((element) => all.indexOf(element)).sort((a, b) => a - b);
        return { starlight: positions(starlight), ours: positions(ours) };
      });
      expect(result.starlight.length).toBeGreaterThan(0);
      expect(result.ours).toEqual(result.starlight);
      await closeClean(guard);
    },
  );

  it('marks the section in view as current on a wide screen', async () => {
    const { guard, page } = await openGuardedPage(browser(), '/en/warm-restarts/', {
      viewport: { width: 1280, height: 800 },
    });
    const toc = page.locator('starlight-toc');
    await page.evaluate(() => document.getElementById('where-the-restarts-land')!.scrollIntoView());
    await expect
      .poll(() => toc.locator('a[aria-current="true"]').getAttribute('href'))
      .toBe('#where-the-restarts-land');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect
      .poll(() => toc.locator('a[aria-current="true"]').getAttribute('href'))
      .toBe('#_top');
    expect(await toc.locator('a[aria-current="true"]').count()).toBe(1);
    await closeClean(guard);
  });

  it('on a narrow screen names the current section and closes on a link or Escape', async () => {
    const { guard, page } = await openGuardedPage(browser(), '/zh-cn/warm-restarts/', {
      viewport: { width: 412, height: 823 },
    });
    const toc = page.locator('mobile-starlight-toc');
    const summary = toc.locator('summary');
    const details = toc.locator('details');
    await summary.click();
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const link = toc.locator('a[href="#重启点落在哪里"]');
    const label = (await link.textContent())?.trim();
    await link.click();
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await expect
      .poll(async () => (await toc.locator('.display-current').textContent())?.trim())
      .toBe(label);

    await summary.click();
    await toc.locator('a').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true);
    await closeClean(guard);
  });
});
