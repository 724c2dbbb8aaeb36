/**
 * End-to-end tests of the training run in headless Chromium, on its harness page
 * (`/harness/training-run/`) and in both editions of the warm-restarts article.
 *
 * Training happens in a Web Worker: the page's animation frames keep coming while it trains.
 * Epochs arrive in the chart, the table and the decision-region canvas; start, pause, resume,
 * one epoch and reset work from the mouse and the keyboard; the same seed gives the same numbers
 * (also the same as the build-time table); a rejected value shows a localized message and keeps
 * the picture; without JavaScript the build-time chart and table remain. Pages log no console
 * error and request nothing from another host, and the code loaded before the widget nears the
 * viewport stays tiny.
 */
import type { BrowserContextOptions, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  assetFiles,
  canvasPixels as pixels,
  closeClean,
  expectRejected,
  gzipSize,
  openGuardedPage,
  useBrowser,
  waitLive,
  type GuardedPage,
} from './harness.ts';

const harness = '/harness/training-run/';
const isTrainingChunk = (url: string) =>
  /\/_astro\/(training-controller|chart-js)\.[\w-]+\.js$|\/_astro\/worker-[\w-]+\.js$/.test(url);

const browser = useBrowser();

const openPage = (path: string, options: BrowserContextOptions = {}): Promise<GuardedPage> =>
  openGuardedPage(browser(), path, options);

/** Scroll a widget into view and wait until it is live and its worker has answered. */
async function live(widget: Locator): Promise<Locator> {
  await waitLive(widget);
  await expect.poll(() => widget.getAttribute('data-status'), { timeout: 15_000 }).toBe('paused');
  return widget;
}

const boundary = (widget: Locator) => widget.locator('.tr-boundary > canvas');
const chart = (widget: Locator) => widget.locator('.tr-chart > canvas');
const field = (widget: Locator, name: string) => widget.locator(`[data-field="${name}"]`);
const button = (widget: Locator, action: string) => widget.locator(`[data-action="${action}"]`);
const epochs = async (widget: Locator) => Number(await widget.getAttribute('data-epoch'));
const rows = (widget: Locator) =>
  widget.locator('.tr-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));

async function runToEnd(widget: Locator, timeout = 30_000): Promise<void> {
  await button(widget, 'start').click();
  await expect.poll(() => widget.getAttribute('data-status'), { timeout }).toBe('finished');
}

describe('TrainingRun on the harness page', () => {
  it('starts ready, with the data and the untrained network drawn', async () => {
    const { guard, page } = await openPage(harness);
    const widget = await live(page.locator('#short'));
    expect((await pixels(boundary(widget))).painted).toBeGreaterThan(10_000);
    expect(await boundary(widget).getAttribute('role')).toBe('img');
    expect(await boundary(widget).getAttribute('aria-label')).toMatch(
      /^The two classes in the plane and the network’s decision regions after epoch 0;/,
    );
    expect(await chart(widget).getAttribute('aria-label')).toMatch(/^Line charts per epoch/);
    expect(await widget.locator('.tr-status').textContent()).toBe(
      'Ready: press Start to train in your browser.',
    );
    expect(await widget.locator('.tr-fallback').isVisible()).toBe(false);
    expect(await button(widget, 'step').isDisabled()).toBe(false);
    // The training code runs in a worker of its own, from this site.
    expect(guard.requests.some((url) => /\/_astro\/worker-[\w-]+\.js$/.test(url))).toBe(true);
    await closeClean(guard);
  });

  it('trains in a worker: epochs arrive while animation frames keep coming', async () => {
    const { guard, page } = await openPage(harness);
    const widget = await live(page.locator('#default'));
    const before = {
      boundary: await pixels(boundary(widget)),
      chart: await pixels(chart(widget)),
    };
    await page.evaluate(() => {
      const times: number[] = [];
      (window as unknown as { __frames: number[] }).__frames = times;
      const loop = (time: number) => {
        times.push(time);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    const started = Date.now();
    await runToEnd(widget);
    const seconds = (Date.now() - started) / 1000;
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: number[] }).__frames,
    );
    const gaps = frames
      .slice(1)
      .map((time, i) => time - frames[i]!)
      .sort((a, b) => a - b);
    const quantile = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]!;
    // The page kept painting at its usual rate the whole time (200 epochs take a few seconds of
    // computing; on the page's own thread they would show as one long stall). The bounds leave room
    // for a busy machine, whose scheduler can hold any frame back now and then.
    expect(frames.length / seconds).toBeGreaterThan(20);
    expect(quantile(0.5)).toBeLessThan(40);
    expect(quantile(0.95)).toBeLessThan(120);
    expect(gaps.at(-1)).toBeLessThan(600);

    expect(await epochs(widget)).toBe(200);
    expect(await rows(widget)).toHaveLength(200);
    expect(await widget.locator('.tr-status').textContent()).toMatch(
      /^Finished\. Epoch 200 of 200: training loss [\d.]+, validation accuracy [\d.]+%, learning rate /,
    );
    expect((await pixels(boundary(widget))).hash).not.toBe(before.boundary.hash);
    expect((await pixels(chart(widget))).painted).toBeGreaterThan(before.chart.painted + 1_000);
    expect(await boundary(widget).getAttribute('aria-label')).toContain('after epoch 200;');
    expect(await button(widget, 'start').textContent()).toBe('Start');
    await closeClean(guard);
  });

  it('is deterministic for a seed, and matches the build-time numbers', async () => {
    const built = await openPage(harness, { javaScriptEnabled: false });
    const buildTime = await rows(built.page.locator('#short'));
    expect(buildTime).toHaveLength(30);
    await closeClean(built.guard);

    const { guard, page } = await openPage(harness);
    const widget = await live(page.locator('#short'));
    await runToEnd(widget);
    const first = await rows(widget);
    const picture = await pixels(boundary(widget));
    expect(first).toEqual(buildTime);

    await button(widget, 'reset').click();
    await expect.poll(() => epochs(widget)).toBe(0);
    await runToEnd(widget);
    expect(await rows(widget)).toEqual(first);
    expect((await pixels(boundary(widget))).hash).toBe(picture.hash);

    // Another seed: other data, other weights, other numbers.
    await field(widget, 'seed').fill('2');
    await expect.poll(() => epochs(widget)).toBe(0);
    await expect.poll(async () => (await pixels(boundary(widget))).hash).not.toBe(picture.hash);
    await runToEnd(widget);
    expect(await rows(widget)).not.toEqual(first);
    await closeClean(guard);
  });

  it('pauses, trains one epoch at a time, resumes and resets', async () => {
    const { guard, page } = await openPage(harness);
    const widget = await live(page.locator('#default'));
    await button(widget, 'start').click();
    await expect.poll(() => epochs(widget)).toBeGreaterThan(3);
    expect(await button(widget, 'start').textContent()).toBe('Pause');
    await button(widget, 'start').click();
    await expect.poll(() => widget.getAttribute('data-status')).toBe('paused');
    const paused = await epochs(widget);
    expect(paused).toBeLessThan(200);
    await page.waitForTimeout(300);
    expect(await epochs(widget)).toBe(paused);
    expect(await widget.locator('.tr-status').textContent()).toMatch(/^Paused\. Epoch \d+ of 200/);
    expect(await button(widget, 'start').textContent()).toBe('Resume');

    await button(widget, 'step').click();
    await expect.poll(() => epochs(widget)).toBe(paused + 1);
    expect(await widget.getAttribute('data-status')).toBe('paused');

    await button(widget, 'start').click();
    await expect.poll(() => epochs(widget)).toBeGreaterThan(paused + 3);
    await button(widget, 'reset').click();
    await expect.poll(() => epochs(widget)).toBe(0);
    expect(await widget.getAttribute('data-status')).toBe('paused');
    expect(await rows(widget)).toHaveLength(0);
    expect(await button(widget, 'start').textContent()).toBe('Start');
    await closeClean(guard);
  });

  it('restores a setup from a shared address, and ignores an invalid or foreign one', async () => {
    // The widget's own link, read after the reader changed two settings.
    const first = await openPage(harness);
    const source = await live(first.page.locator('#short'));
    await field(source, 'seed').fill('7');
    await field(source, 'schedule').selectOption('constant');
    const link = source.locator('.tr-share');
    await expect.poll(() => link.getAttribute('href')).toMatch(/^#short\?.*seed=7/);
    const href = (await link.getAttribute('href'))!;
    expect(new URLSearchParams(href.slice('#short?'.length)).get('schedule')).toBe('constant');
    await closeClean(first.guard);

    const shared = await openPage(`${harness}${href}&evil=%3Cscript%3E`);
    const widget = await live(shared.page.locator('#short'));
    expect(await field(widget, 'seed').inputValue()).toBe('7');
    expect(await field(widget, 'schedule').inputValue()).toBe('constant');
    expect(await field(widget, 'epochs').inputValue()).toBe('30');
    // Only the element named in the address changes.
    expect(await field(shared.page.locator('#default'), 'seed').inputValue()).toBe('1');
    // Following its own link again does not restart a run in progress.
    await button(widget, 'step').click();
    await expect.poll(() => epochs(widget)).toBe(1);
    await widget.locator('.tr-share').click();
    await shared.page.waitForTimeout(300);
    expect(await epochs(widget)).toBe(1);
    await closeClean(shared.guard);

    const invalid = await openPage(`${harness}#short?seed=-1&lr=abc`);
    const untouched = await live(invalid.page.locator('#short'));
    expect(await field(untouched, 'seed').inputValue()).toBe('1');
    expect(await untouched.locator('.tr-error').count()).toBe(0);
    await closeClean(invalid.guard);
  });

  it('works from the keyboard', async () => {
    const { guard, page } = await openPage(harness);
    const widget = await live(page.locator('#short'));
    await field(widget, 'schedule').focus();
    await page.keyboard.press('ArrowDown');
    expect(await field(widget, 'schedule').inputValue()).toBe('warm-restarts');
    expect(await field(widget, 'T_0').isVisible()).toBe(true);
    await button(widget, 'start').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => widget.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('finished');
    // T_0 = 25, T_mult = 2 (the defaults) over 30 epochs: one restart, at epoch 26.
    const lr = await widget
      .locator('.tr-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.lastElementChild!.textContent)));
    expect(lr[25]).toBe(0.1);
    expect(lr[24]).toBeLessThan(0.001);
    await button(widget, 'reset').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => epochs(widget)).toBe(0);
    await closeClean(guard);
  });

  it.each([
    ['short', 'lr', 'abc', 'Learning rate must be a number.', undefined],
    ['short', 'epochs', '0', 'Epochs must be at least 1.', undefined],
    ['short', 'seed', '-3', 'Seed must be at least 0.', undefined],
    [
      'restarts',
      'T_0',
      '0',
      'PyTorch rejects this value of T_0.',
      'ValueError: Expected positive integer T_0, but got 0',
    ],
  ])(
    '#%s %s = %j shows a message beside the field and keeps the picture',
    async (id, name, text, message, pytorch) => {
      const { guard, page } = await openPage(harness);
      const widget = await live(page.locator(`#${id}`));
      const before = await pixels(boundary(widget));
      const input = field(widget, name);
      await input.fill(text);
      const error = widget.locator('.tr-error');
      await expectRejected(input, error, message, pytorch);
      expect(await widget.locator('.tr-status').textContent()).toContain(
        'The last valid settings are kept.',
      );
      // Start refuses the rejected value and keeps the picture.
      await button(widget, 'start').click();
      await page.waitForTimeout(200);
      expect(await widget.getAttribute('data-status')).toBe('paused');
      expect(await epochs(widget)).toBe(0);
      expect((await pixels(boundary(widget))).hash).toBe(before.hash);
      await closeClean(guard);
    },
  );

  it('explains a rejected value in Chinese', async () => {
    const { guard, page } = await openPage(harness);
    const widget = await live(page.locator('#zh-cn'));
    await field(widget, 'lr').fill('0');
    await widget.locator('.tr-error').waitFor();
    expect(await widget.locator('.tr-error').textContent()).toBe('“学习率”必须大于 0。');
    await closeClean(guard);
  });

  it('shows the build-time chart and table without JavaScript', async () => {
    const { guard, page } = await openPage(harness, { javaScriptEnabled: false });
    const widget = page.locator('#restarts');
    const svg = widget.locator('svg.tr-fallback');
    expect(await svg.isVisible()).toBe(true);
    expect(await svg.getAttribute('aria-label')).toMatch(
      /^Line charts per epoch .* Best validation accuracy: [\d.]+% at epoch \d+, with learning rate /,
    );
    expect(await svg.locator('polyline').count()).toBe(3);
    // T_0 = 25, T_mult = 1 over 200 epochs: restarts at epochs 26, 51, …, 176, in each panel.
    expect(await svg.locator('.tr-restart').count()).toBe(3 * 7);
    expect(await rows(widget)).toHaveLength(200);
    expect(await widget.locator('.tr-controls').isVisible()).toBe(false);
    expect(await widget.locator('canvas').count()).toBe(0);
    await closeClean(guard);
  });
});

describe.each(['en', 'zh-cn'] as const)('TrainingRun in /%s/warm-restarts/', (locale) => {
  const path = `/${locale}/warm-restarts/`;

  it('loads nothing heavy until it comes near, then trains', async () => {
    const { guard, page } = await openPage(path, { viewport: { width: 1000, height: 500 } });
    const widget = page.locator('training-run');
    expect(await widget.count()).toBe(1);
    expect(guard.requests.filter(isTrainingChunk)).toEqual([]);
    const element = assetFiles(guard.requests).find((file) => file.startsWith('TrainingRun.astro'));
    expect(element).toBeDefined();
    expect(gzipSize(element!)).toBeLessThan(1_500);

    await live(widget);
    const chunks = assetFiles(guard.requests.filter(isTrainingChunk));
    expect(chunks.some((file) => file.startsWith('worker-'))).toBe(true);
    for (const chunk of chunks) expect(gzipSize(chunk)).toBeLessThanOrEqual(65 * 1024);
    await field(widget, 'epochs').fill('30');
    await expect.poll(() => widget.locator('.tr-setup').textContent()).toMatch(/30/);
    await runToEnd(widget);
    expect(await rows(widget)).toHaveLength(30);
    await closeClean(guard);
  });
});
