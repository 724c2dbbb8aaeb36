/**
 * End-to-end tests of the article widgets in headless Chromium: `ScheduleChart` on its harness
 * page (`/harness/schedule-chart/`) and in both editions of the warm-restarts article, and
 * `SaddleSurface` on its harness page and in the saddle-points article.
 *
 * A chart must draw (its canvas has painted pixels), redraw when a value is edited (the pixels
 * change), show a localized message beside a rejected value while keeping the last chart, work
 * from the keyboard, switch to TypeScript and copy runnable code; pages log no console error and
 * request nothing from another host. The lazily loaded chunks stay within their size budgets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Locator } from 'playwright-core';
import { pytorchCode, typescriptCode } from '../../src/widgets/schedule-chart/code.ts';
import { chartSpecFromProps, withShownDefaults } from '../../src/widgets/schedule-chart/model.ts';
import {
  assetFiles,
  assetsDir as assets,
  canvasPixels as pixels,
  closeClean,
  expectRejected,
  gzipSize,
  openGuardedPage,
  useBrowser,
  waitLive as live,
  type GuardedPage,
} from './harness.ts';

const harness = '/harness/schedule-chart/';
const isChartChunk = (url: string) => /\/_astro\/(chart-js|controller)\.[\w-]+\.js$/.test(url);

const browser = useBrowser();

/** A context with reduced motion (no chart animation), so each redraw is final at once. */
const openPage = (path: string, options: BrowserContextOptions = {}): Promise<GuardedPage> =>
  openGuardedPage(browser(), path, { reducedMotion: 'reduce', ...options });

/** Painted pixels of a chart's canvas and a hash of all its pixels. */
const canvasPixels = (chart: Locator) => pixels(chart.locator('canvas'));

/** Pixels of the curve's own colour (the first Okabe–Ito colour, light or dark theme). */
function curvePixels(chart: Locator): Promise<number> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const colour = getComputedStyle(canvas).getPropertyValue('--sc-s1').trim();
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = colour;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const close =
        Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 30;
      if (close && data[i + 3]! > 200) count += 1;
    }
    return count;
  });
}

async function expectRedraw(chart: Locator, before: number, edit: () => Promise<void>) {
  await edit();
  await expect
    .poll(async () => (await canvasPixels(chart)).hash, { timeout: 5_000 })
    .not.toBe(before);
}

const field = (chart: Locator, path: string) => chart.locator(`[data-path="${path}"]`);

describe('ScheduleChart on the harness page', () => {
  it('draws every configuration, editable ones with enabled fields', async () => {
    const { guard, page } = await openPage(harness);
    const charts = page.locator('schedule-chart');
    const count = await charts.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < count; i += 1) {
      const chart = await live(charts.nth(i));
      const { painted } = await canvasPixels(chart);
      expect(painted, `chart ${i}`).toBeGreaterThan(2_000);
      expect(await curvePixels(chart), `chart ${i}`).toBeGreaterThan(200);
      expect(await chart.locator('.sc-fallback').isVisible()).toBe(false);
      expect(await chart.locator('canvas').getAttribute('role')).toBe('img');
      expect(await chart.locator('canvas').getAttribute('aria-label')).toMatch(
        /^(Line chart of the learning rate over \d+ epochs\.|\d+ 轮内学习率变化的折线图。)/,
      );
    }
    // Every data-only configuration is editable; the LambdaLR one shows no code at all.
    expect(await page.locator('#lambda .sc-field').count()).toBe(0);
    expect(await page.locator('#lambda [data-action="copy"]').count()).toBe(0);
    expect(await page.locator('#cawr .sc-field:disabled').count()).toBe(0);
    await closeClean(guard);
  });

  it('redraws when a value is edited, and updates the summary, legend and data table', async () => {
    const { guard, page } = await openPage(harness);
    const chart = await live(page.locator('#cawr schedule-chart'));
    const before = await canvasPixels(chart);
    const label = await chart.locator('canvas').getAttribute('aria-label');
    await expectRedraw(chart, before.hash, () => field(chart, 'series.0.options.T_0').fill('10'));
    expect(await chart.locator('canvas').getAttribute('aria-label')).not.toBe(label);
    // Hovering shows the readout beside the pointer: the epoch, then the learning rate there.
    const box = (await chart.locator('canvas').boundingBox())!;
    const readout = chart.locator('.chart-readout');
    expect(await readout.isVisible()).toBe(false);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await readout.waitFor();
    expect(await readout.getAttribute('aria-hidden')).toBe('true');
    const lines = await readout.locator(':scope > div').allTextContents();
    expect(lines).toHaveLength(2);
    const epoch = Number(/^Epoch (\d+(?:\.\d+)?)$/.exec(lines[0]!)?.[1]);
    expect(epoch).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/^Learning rate: \d/);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 150);
    await readout.waitFor({ state: 'hidden' });
    expect(await chart.locator('.sc-legend-label').first().textContent()).toBe(
      'CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=0)',
    );
    await chart.locator('.sc-table summary').click();
    // Epoch 10 is T_0's first restart: the learning rate is back at its maximum.
    const row = chart.locator('.sc-table tbody tr', { hasText: /^10/ }).first();
    expect(await row.locator('td').textContent()).toBe('0.1');
    await closeClean(guard);
  });

  it.each([
    [
      'series.0.options.T_0',
      '0',
      'T_0 must be a positive integer.',
      'ValueError: Expected positive integer T_0, but got 0',
    ],
    [
      'series.0.options.T_0',
      '-1',
      'T_0 must be a positive integer.',
      'ValueError: Expected positive integer T_0, but got -1',
    ],
    [
      'series.0.options.T_0',
      'nan',
      'T_0 must be a positive integer.',
      'ValueError: Expected positive integer T_0, but got nan',
    ],
    ['series.0.options.T_0', 'abc', 'This is not a number.', undefined],
    ['series.0.options.T_0', '', 'Enter a value.', undefined],
    [
      'series.0.lr',
      '1e308',
      'The values overflow: the learning rate is no longer a finite number.',
      undefined,
    ],
    ['epochs', '0', 'epochs must be a whole number from 1 to 100000.', undefined],
  ])(
    '%s = %j shows a localized message beside the field and keeps the chart',
    async (path, text, message, pytorch) => {
      const { guard, page } = await openPage(harness);
      const chart = await live(page.locator('#cawr schedule-chart'));
      const before = await canvasPixels(chart);
      const input = field(chart, path);
      await input.fill(text);
      const error = chart.locator('.sc-error');
      await expectRejected(input, error, message, pytorch);
      expect(await chart.locator('.sc-live').textContent()).toContain(message);
      expect(await chart.locator('[data-action="copy"]').isDisabled()).toBe(true);
      expect((await canvasPixels(chart)).hash).toBe(before.hash);

      // A valid value clears the message and the chart follows again.
      await input.fill(path === 'epochs' ? '100' : '7');
      await error.waitFor({ state: 'detached' });
      expect(await input.getAttribute('aria-invalid')).toBeNull();
      await expect.poll(async () => (await canvasPixels(chart)).hash).not.toBe(before.hash);
      await closeClean(guard);
    },
  );

  it('works from the keyboard, with a visible focus ring', async () => {
    const { guard, page } = await openPage(harness);
    const chart = await live(page.locator('#cawr schedule-chart'));
    await chart.locator('[data-lang="python"]').focus();
    // Tab through the toolbar to the first field (lr), then on to T_0.
    const focusedPath = () =>
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path']);
    for (let i = 0; i < 6 && (await focusedPath()) !== 'series.0.lr'; i += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedPath()).toBe('series.0.lr');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Tab');
    expect(await focusedPath()).toBe('series.0.options.T_0');
    const before = await canvasPixels(chart);
    await expectRedraw(chart, before.hash, async () => {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
    });

    // The log-scale checkbox and the language buttons respond to Space and Enter.
    const log = chart.locator('[data-action="log"]');
    await log.focus();
    const linear = await canvasPixels(chart);
    await expectRedraw(chart, linear.hash, () => page.keyboard.press('Space'));
    expect(await log.isChecked()).toBe(true);
    await chart.locator('[data-lang="typescript"]').focus();
    await page.keyboard.press('Enter');
    expect(await chart.locator('.sc-typescript').isVisible()).toBe(true);
    expect(await chart.locator('.sc-python').isVisible()).toBe(false);
    await closeClean(guard);
  });

  it('shows the TypeScript equivalent and copies runnable code', async () => {
    const { guard, page } = await openPage(harness, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const chart = await live(page.locator('#cawr schedule-chart'));
    const spec = withShownDefaults(
      chartSpecFromProps({
        scheduler: 'CosineAnnealingWarmRestarts',
        options: { T_0: 5, T_mult: 2 },
        lr: 0.1,
        epochs: 160,
        markRestarts: true,
      }),
    );
    const copy = chart.locator('[data-action="copy"]');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pytorchCode(spec));

    await chart.locator('[data-lang="typescript"]').click();
    expect(await chart.locator('[data-lang="typescript"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    const typescript = chart.locator('.sc-typescript');
    expect(await typescript.textContent()).toContain(
      'new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2, eta_min: 0 })',
    );
    await copy.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(typescriptCode(spec));

    // Edits reach both languages.
    await chart.locator('[data-lang="python"]').click();
    await field(chart, 'series.0.options.T_mult').fill('3');
    await expect.poll(() => typescript.textContent()).toContain('T_mult: 3');
    await copy.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain('CosineAnnealingWarmRestarts(optimizer, T_0=5, T_mult=3, eta_min=0)');
    await closeClean(guard);
  });

  it('edits choice and list fields, composites and several series', async () => {
    const { guard, page } = await openPage(harness);
    const oneCycle = await live(page.locator('#one-cycle schedule-chart'));
    let before = await canvasPixels(oneCycle);
    await expectRedraw(oneCycle, before.hash, async () => {
      await field(oneCycle, 'series.0.options.anneal_strategy').selectOption("'linear'");
    });
    const multiStep = await live(page.locator('#multi-step schedule-chart'));
    before = await canvasPixels(multiStep);
    await expectRedraw(multiStep, before.hash, () =>
      field(multiStep, 'series.0.options.milestones').fill('20, 50, 90'),
    );
    const warmup = await live(page.locator('#warmup schedule-chart'));
    before = await canvasPixels(warmup);
    await expectRedraw(warmup, before.hash, () =>
      field(warmup, 'series.0.options.schedulers.0.options.total_iters').fill('10'),
    );
    await field(warmup, 'series.0.options.milestones').fill('5, 10');
    await warmup.locator('.sc-error').waitFor();
    expect(await warmup.locator('.sc-error span').first().textContent()).toBe(
      'SequentialLR needs exactly one milestone fewer than schedulers.',
    );
    const series = await live(page.locator('#series schedule-chart'));
    before = await canvasPixels(series);
    await expectRedraw(series, before.hash, () => field(series, 'series.1.options.T_0').fill('3'));
    expect(await series.locator('.sc-legend-label').nth(1).textContent()).toBe(
      'CosineAnnealingWarmRestarts(T_0=3, T_mult=1, eta_min=0)',
    );
    await closeClean(guard);
  });

  it('follows the theme', async () => {
    const { guard, page } = await openPage(harness);
    const chart = await live(page.locator('#cawr schedule-chart'));
    const light = await canvasPixels(chart);
    await page.evaluate(() => {
      document.documentElement.dataset['theme'] = 'dark';
    });
    await expect.poll(async () => (await canvasPixels(chart)).hash).not.toBe(light.hash);
    expect(await curvePixels(chart)).toBeGreaterThan(200);
    await closeClean(guard);
  });

  it('speaks Chinese in the zh-cn configuration', async () => {
    const { guard, page } = await openPage(harness);
    const chart = await live(page.locator('#zh-cn schedule-chart'));
    expect(await chart.locator('canvas').getAttribute('aria-label')).toMatch(/^150 轮内学习率/);
    await field(chart, 'series.0.options.T_0').fill('0');
    await chart.locator('.sc-error').waitFor();
    expect(await chart.locator('.sc-error span').first().textContent()).toBe('T_0 必须是正整数。');
    await closeClean(guard);
  });

  it('shows the build-time chart without JavaScript', async () => {
    const { guard, page } = await openPage(harness, { javaScriptEnabled: false });
    const chart = page.locator('#cawr schedule-chart');
    expect(await chart.locator('svg.sc-fallback').isVisible()).toBe(true);
    expect(await chart.locator('svg.sc-fallback polyline').count()).toBe(1);
    // Restarts at epochs 5, 15, 35, 75 and 155 of the 160.
    expect(await chart.locator('svg.sc-fallback .sc-restart').count()).toBe(5);
    expect(await chart.locator('svg.sc-fallback').getAttribute('aria-label')).toMatch(
      /^Line chart/,
    );
    expect(await chart.locator('.sc-toolbar').isVisible()).toBe(false);
    expect(await chart.locator('.sc-field:disabled').count()).toBe(5);
    expect(await chart.locator('canvas').count()).toBe(0);
    await closeClean(guard);
  });
});

describe.each(['en', 'zh-cn'] as const)('ScheduleChart in /%s/warm-restarts/', (locale) => {
  const path = `/${locale}/warm-restarts/`;

  it('loads no chart code until a chart comes near, and stays within the size budgets', async () => {
    // A short viewport keeps every chart well below the fold at first.
    const { guard, page } = await openPage(path, { viewport: { width: 1000, height: 400 } });
    const firstTop = await page
      .locator('schedule-chart')
      .first()
      .evaluate((element) => element.getBoundingClientRect().top);
    expect(firstTop).toBeGreaterThan(400 + 200);
    expect(guard.requests.filter(isChartChunk)).toEqual([]);

    // Every script the page loaded before a chart came near, except chunks that the site's other
    // scripts load lazily on their own (the search box preloads Pagefind's UI when idle).
    const early = assetFiles(guard.requests).filter((file) => /^[^/]+\.js$/.test(file));
    const lazyElsewhere = new Set(
      early
        .filter((file) => !file.startsWith('ScheduleChart.astro'))
        .flatMap((file) =>
          [
            ...readFileSync(join(assets, file), 'utf8').matchAll(
              /import\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g,
            ),
          ].map((match) => match[1]!),
        ),
    );
    expect(early.some((file) => file.startsWith('ScheduleChart.astro'))).toBe(true);
    const earlyBytes = early
      .filter((file) => !lazyElsewhere.has(file))
      .reduce((sum, file) => sum + gzipSize(file), 0);
    expect(earlyBytes).toBeLessThanOrEqual(15 * 1024);

    await live(page.locator('schedule-chart').first());
    const chunks = guard.requests.filter(isChartChunk).map((url) => new URL(url).pathname);
    expect(chunks).toHaveLength(2);
    const chartJs = readdirSync(assets).find((file) => /^chart-js\.[\w-]+\.js$/.test(file))!;
    expect(gzipSize(chartJs)).toBeLessThanOrEqual(65 * 1024);
    await closeClean(guard);
  });

  it('draws every chart, redraws on edit and explains a rejected value', async () => {
    const { guard, page } = await openPage(path);
    const charts = page.locator('schedule-chart');
    const count = await charts.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i += 1) {
      const chart = await live(charts.nth(i));
      expect((await canvasPixels(chart)).painted, `chart ${i}`).toBeGreaterThan(2_000);
    }
    const chart = charts.first();
    await chart.scrollIntoViewIfNeeded();
    const before = await canvasPixels(chart);
    await expectRedraw(chart, before.hash, () => field(chart, 'series.0.options.T_0').fill('8'));
    await field(chart, 'series.0.options.T_0').fill('0');
    await chart.locator('.sc-error').waitFor();
    expect(await chart.locator('.sc-error span').first().textContent()).toBe(
      locale === 'en' ? 'T_0 must be a positive integer.' : 'T_0 必须是正整数。',
    );
    expect(await chart.locator('.sc-error code').textContent()).toBe(
      'ValueError: Expected positive integer T_0, but got 0',
    );
    await page.mouse.wheel(0, 100_000);
    await page.waitForLoadState('networkidle');
    await closeClean(guard);
  });
});

describe('SaddleSurface', () => {
  it('renders both functions as small, described SVGs on the harness page', async () => {
    const { guard, page } = await openPage('/harness/saddle-surface/');
    const figures = page.locator('figure.saddle-surface');
    expect(await figures.count()).toBe(4);
    for (let i = 0; i < 4; i += 1) {
      const svg = figures.nth(i).locator('svg').first();
      expect(await svg.getAttribute('role')).toBe('img');
      const bytes = await svg.evaluate((element) => new Blob([element.outerHTML]).size);
      expect(bytes, `figure ${i}`).toBeLessThan(30_000);
      const labelled = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      for (const id of labelled) expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
      expect(await svg.locator('polyline.ss-zero').count()).toBeGreaterThan(0);
      expect(await svg.locator('.ss-saddle').count()).toBe(1);
    }
    expect(await page.locator('#x2-y2 .ss-minimum').count()).toBe(0);
    expect(await page.locator('#x2-y2-y4 svg[role="img"] .ss-minimum').count()).toBe(2);
    expect(await page.locator('#x2-y2-y4 desc').textContent()).toContain('(0, 1.414)');
    expect(await page.locator('#zh-cn title').first().textContent()).toBe(
      'f(x, y) = x² − y² 的热力图与等高线',
    );
    await closeClean(guard);
  });

  it.each(['en', 'zh-cn'] as const)('appears twice in /%s/saddle-points/', async (locale) => {
    const { guard, page } = await openPage(`/${locale}/saddle-points/`);
    expect(await page.locator('figure.saddle-surface').count()).toBe(2);
    await closeClean(guard);
  });
});
