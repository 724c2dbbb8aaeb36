/**
 * End-to-end tests of the saddle-point explorer in headless Chromium, on its harness page
 * (`/harness/saddle-explorer/`) and in both editions of the saddle-points article.
 *
 * The explorer must draw the run over the surface and chart it (painted pixels), redraw when a
 * control changes (the pixels change), show a localized message beside a rejected value while
 * keeping the drawing, play with `requestAnimationFrame` (or all at once with reduced motion),
 * step and reset, restore a setup from a shared address, work from the keyboard, and fall back to
 * the build-time picture without JavaScript; pages log no console error and request nothing from
 * another host, and the code loaded before the explorer nears the viewport stays tiny.
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
  waitLive as live,
  type GuardedPage,
} from './harness.ts';

const harness = '/harness/saddle-explorer/';
const isExplorerChunk = (url: string) =>
  /\/_astro\/(explorer-controller|chart-js)\.[\w-]+\.js$/.test(url);

const browser = useBrowser();

/** A context with reduced motion, so a run is drawn whole at once unless a test asks otherwise. */
const openPage = (path: string, options: BrowserContextOptions = {}): Promise<GuardedPage> =>
  openGuardedPage(browser(), path, { reducedMotion: 'reduce', ...options });

const overlay = (explorer: Locator) => explorer.locator('.se-surface > canvas');
const chart = (explorer: Locator) => explorer.locator('.se-chart > canvas');
const field = (explorer: Locator, name: string) => explorer.locator(`[data-field="${name}"]`);
const button = (explorer: Locator, action: string) => explorer.locator(`[data-action="${action}"]`);
const status = (explorer: Locator) => explorer.locator('.se-status');

describe('SaddleExplorer on the harness page', () => {
  it('draws the run over the surface and charts it, replacing the build-time path', async () => {
    const { guard, page } = await openPage(harness);
    for (const id of ['default', 'restarts', 'noise', 'zh-cn']) {
      const explorer = await live(page.locator(`#${id}`));
      expect((await pixels(overlay(explorer))).painted, id).toBeGreaterThan(300);
      expect((await pixels(chart(explorer))).painted, id).toBeGreaterThan(3_000);
      expect(await explorer.locator('.se-static').isVisible()).toBe(false);
      for (const canvas of [overlay(explorer), chart(explorer)]) {
        expect(await canvas.getAttribute('role')).toBe('img');
        expect((await canvas.getAttribute('aria-label'))!.length).toBeGreaterThan(40);
      }
      expect(await explorer.locator('[data-field]:disabled').count()).toBe(0);
    }
    // The surface of each function shows, the other is hidden.
    const noise = page.locator('#noise');
    expect(await noise.locator('.se-fn[data-fn="x2-y2"]').isVisible()).toBe(true);
    expect(await noise.locator('.se-fn[data-fn="x2-y2+y4"]').isVisible()).toBe(false);
    await closeClean(guard);
  });

  it('redraws when a control changes, and says what the new run does', async () => {
    const { guard, page } = await openPage(harness);
    const explorer = await live(page.locator('#default'));
    const summary = explorer.locator('.se-summary');
    const before = {
      path: await pixels(overlay(explorer)),
      chart: await pixels(chart(explorer)),
      summary: await summary.textContent(),
    };
    await field(explorer, 'optimizer').selectOption('adam');
    await expect
      .poll(async () => (await pixels(overlay(explorer))).hash)
      .not.toBe(before.path.hash);
    await expect.poll(async () => (await pixels(chart(explorer))).hash).not.toBe(before.chart.hash);
    expect(await summary.textContent()).toMatch(/^Adam with learning rate 0\.05 \(Constant\)/);

    // Taking the floor away swaps the surface drawn behind the path.
    const edited = await pixels(overlay(explorer));
    await field(explorer, 'floor').uncheck();
    await expect.poll(() => explorer.getAttribute('data-floor')).toBe('false');
    expect(await explorer.locator('.se-fn[data-fn="x2-y2"]').isVisible()).toBe(true);
    await expect.poll(async () => (await pixels(overlay(explorer))).hash).not.toBe(edited.hash);

    // Typed values apply after a short pause.
    const typed = await pixels(chart(explorer));
    await field(explorer, 'lr').fill('0.2');
    await expect.poll(async () => (await pixels(chart(explorer))).hash).not.toBe(typed.hash);
    expect(await summary.textContent()).toMatch(/^Adam with learning rate 0\.2 /);

    // Schedule fields show only for their schedule.
    expect(await field(explorer, 'T_0').isVisible()).toBe(false);
    await field(explorer, 'schedule').selectOption('warm-restarts');
    expect(await field(explorer, 'T_0').isVisible()).toBe(true);
    expect(await field(explorer, 'T_max').isVisible()).toBe(false);
    await closeClean(guard);
  });

  it.each([
    ['default', 'lr', 'abc', 'Learning rate must be a number.', undefined],
    ['default', 'steps', '20000', 'Steps must be at most 10000.', undefined],
    ['default', 'x0', '', 'Start x must be a number.', undefined],
    [
      'restarts',
      'T_0',
      '0',
      'PyTorch rejects this value of T_0.',
      'ValueError: Expected positive integer T_0, but got 0',
    ],
    [
      'restarts',
      'T_mult',
      '1.5',
      'PyTorch rejects this value of T_mult.',
      'ValueError: Expected integer T_mult >= 1, but got 1.5',
    ],
  ])(
    '#%s %s = %j shows a message beside the field and keeps the drawing',
    async (id, name, text, message, pytorch) => {
      const { guard, page } = await openPage(harness);
      const explorer = await live(page.locator(`#${id}`));
      const before = {
        path: await pixels(overlay(explorer)),
        chart: await pixels(chart(explorer)),
      };
      const input = field(explorer, name);
      await input.fill(text);
      const error = explorer.locator('.se-error');
      await expectRejected(input, error, message, pytorch);
      expect(await status(explorer).textContent()).toContain(
        'The drawing still shows the last valid setup.',
      );
      expect((await pixels(overlay(explorer))).hash).toBe(before.path.hash);
      expect((await pixels(chart(explorer))).hash).toBe(before.chart.hash);
      // Correcting the value clears the message.
      await input.fill(name === 'T_0' ? '20' : name === 'T_mult' ? '2' : '1');
      await expect.poll(() => explorer.locator('.se-error').count()).toBe(0);
      expect(await input.getAttribute('aria-invalid')).toBeNull();
      await closeClean(guard);
    },
  );

  it('explains a rejected value in Chinese', async () => {
    const { guard, page } = await openPage(harness);
    const explorer = await live(page.locator('#zh-cn'));
    await field(explorer, 'sigma').fill('-1');
    await explorer.locator('.se-error').waitFor();
    expect(await explorer.locator('.se-error').textContent()).toBe('“梯度噪声 σ”不能小于 0。');
    await closeClean(guard);
  });

  it('plays frame by frame, pauses, steps and resets', async () => {
    const { guard, page } = await openPage(harness, { reducedMotion: 'no-preference' });
    const explorer = await live(page.locator('#restarts'));
    await button(explorer, 'reset').click();
    expect(await status(explorer).textContent()).toMatch(
      /^Step 0 of 300: \(x, y\) = \(1, 0\.001\)/,
    );
    await button(explorer, 'step').click();
    expect(await status(explorer).textContent()).toMatch(/^Step 1 of 300:/);

    // Record the picture on every animation frame while the run plays.
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#restarts .se-surface > canvas')!;
      const seen = new Set<string>();
      (window as unknown as { __frames: Set<string> }).__frames = seen;
      const record = () => {
        seen.add(canvas.toDataURL());
        if (seen.size < 400) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await button(explorer, 'play').click();
    expect(await button(explorer, 'play').textContent()).toBe('Pause');
    await expect
      .poll(() => status(explorer).textContent(), { timeout: 10_000 })
      .toMatch(/^Step 300 of 300:/);
    expect(await button(explorer, 'play').textContent()).toBe('Play');
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: Set<string> }).__frames.size,
    );
    // 300 steps at 2 per frame: the path grew in many distinct frames, not in one jump.
    expect(frames).toBeGreaterThan(30);
    expect(await button(explorer, 'step').isDisabled()).toBe(true);

    // Play again from the start, then pause part-way.
    await button(explorer, 'play').click();
    await page.waitForTimeout(300);
    await button(explorer, 'play').click();
    const paused = (await status(explorer).textContent())!;
    const step = Number(/^Step (\d+) of 300/.exec(paused)![1]);
    expect(step).toBeGreaterThan(0);
    expect(step).toBeLessThan(300);
    await page.waitForTimeout(300);
    expect(await status(explorer).textContent()).toBe(paused);
    await button(explorer, 'reset').click();
    expect(await status(explorer).textContent()).toMatch(/^Step 0 of 300:/);
    await closeClean(guard);
  });

  it('shows the whole run at once when the reader prefers reduced motion', async () => {
    const { guard, page } = await openPage(harness);
    const explorer = await live(page.locator('#restarts'));
    const whole = await pixels(overlay(explorer));
    await button(explorer, 'reset').click();
    expect((await pixels(overlay(explorer))).hash).not.toBe(whole.hash);
    await button(explorer, 'play').click();
    // No animation frames in between: the last step is there at once.
    expect(await status(explorer).textContent()).toMatch(/^Step 300 of 300:/);
    expect((await pixels(overlay(explorer))).hash).toBe(whole.hash);
    await closeClean(guard);
  });

  it('restores a setup from a shared address, ignoring unknown keys', async () => {
    const shared =
      '#restarts?x0=-0.5&y0=0.02&optimizer=momentum&lr=0.01&schedule=cosine&T_max=80&steps=150&evil=%3Cb%3E';
    const { guard, page } = await openPage(`${harness}${shared}`);
    const explorer = page.locator('#restarts');
    // A shared link loads its explorer at once, without waiting for it to be scrolled to.
    await expect.poll(() => explorer.getAttribute('data-live'), { timeout: 15_000 }).toBe('');
    expect(await field(explorer, 'x0').inputValue()).toBe('-0.5');
    expect(await field(explorer, 'y0').inputValue()).toBe('0.02');
    expect(await field(explorer, 'optimizer').inputValue()).toBe('momentum');
    expect(await field(explorer, 'schedule').inputValue()).toBe('cosine');
    expect(await field(explorer, 'T_max').inputValue()).toBe('80');
    expect(await explorer.locator('.se-summary').textContent()).toMatch(
      /^SGD, momentum 0\.9 with learning rate 0\.01 \(CosineAnnealingLR\), from \(-0\.5, 0\.02\), 150 steps\./,
    );
    expect(await explorer.locator('b').count()).toBe(0);
    // Its own link gives back the whole setup.
    const href = (await explorer.locator('.se-share').getAttribute('href'))!;
    expect(href).toMatch(/^#restarts\?x0=-0\.5&y0=0\.02&floor=true&optimizer=momentum&lr=0\.01&/);

    // Following another explorer's link changes that one only.
    const other = await live(page.locator('#default'));
    await field(other, 'lr').fill('0.1');
    await expect.poll(() => other.locator('.se-share').getAttribute('href')).toContain('lr=0.1&');
    const link = (await other.locator('.se-share').getAttribute('href'))!;
    await other.locator('.se-share').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(link);
    await page.goto(`${harness}${link}`);
    await page.reload({ waitUntil: 'networkidle' });
    const restored = page.locator('#default');
    await expect.poll(() => restored.getAttribute('data-live'), { timeout: 15_000 }).toBe('');
    expect(await field(restored, 'lr').inputValue()).toBe('0.1');
    await closeClean(guard);
  });

  it('ignores a shared address with an invalid value', async () => {
    const { guard, page } = await openPage(`${harness}#default?lr=abc&steps=5`);
    const explorer = page.locator('#default');
    await expect.poll(() => explorer.getAttribute('data-live'), { timeout: 15_000 }).toBe('');
    expect(await field(explorer, 'lr').inputValue()).toBe('0.05');
    expect(await field(explorer, 'steps').inputValue()).toBe('200');
    expect(await explorer.locator('.se-error').count()).toBe(0);
    await closeClean(guard);
  });

  it('picks the start point with the mouse or the keyboard', async () => {
    const { guard, page } = await openPage(harness);
    const explorer = await live(page.locator('#default'));
    const surface = explorer.locator('.se-surface');
    expect(await surface.getAttribute('tabindex')).toBe('0');
    expect(await surface.getAttribute('aria-label')).toBe('Start point');

    // Keyboard: focus, move the cursor up twice and left once with Shift, Enter.
    const before = await pixels(overlay(explorer));
    await surface.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await status(explorer).textContent()).toBe(
      'Cursor at (0.99, 0.2). Press Enter to start there.',
    );
    // The cursor is drawn, but the run has not changed yet.
    expect((await pixels(overlay(explorer))).hash).not.toBe(before.hash);
    expect(await field(explorer, 'x0').inputValue()).toBe('1');
    await page.keyboard.press('Enter');
    expect(await field(explorer, 'x0').inputValue()).toBe('0.99');
    expect(await field(explorer, 'y0').inputValue()).toBe('0.2');
    expect(await status(explorer).textContent()).toMatch(
      /^New start point \(0\.99, 0\.2\)\. Step 200/,
    );
    expect(await explorer.locator('.se-summary').textContent()).toContain('from (0.99, 0.2)');

    // Mouse: a click a quarter of the way in from the top-left corner of the plotting square.
    const box = (await surface.boundingBox())!;
    const unit = box.width / 340;
    await page.mouse.click(box.x + (30 + 75) * unit, box.y + (10 + 75) * unit);
    expect(Number(await field(explorer, 'x0').inputValue())).toBeCloseTo(-1, 1);
    expect(Number(await field(explorer, 'y0').inputValue())).toBeCloseTo(1, 1);

    // The buttons work from the keyboard too.
    await button(explorer, 'reset').focus();
    await page.keyboard.press('Enter');
    expect(await status(explorer).textContent()).toMatch(/^Step 0 of 200:/);
    await button(explorer, 'step').focus();
    await page.keyboard.press('Space');
    expect(await status(explorer).textContent()).toMatch(/^Step 1 of 200:/);
    await closeClean(guard);
  });

  it('shows the build-time surface and run without JavaScript', async () => {
    const { guard, page } = await openPage(harness, { javaScriptEnabled: false });
    const explorer = page.locator('#restarts');
    expect(await explorer.locator('svg.se-background').isVisible()).toBe(true);
    const path = explorer.locator('.se-static .se-path');
    expect(await path.isVisible()).toBe(true);
    expect((await path.getAttribute('points'))!.split(' ').length).toBeGreaterThan(20);
    expect(await explorer.locator('.se-summary').textContent()).toMatch(
      /^SGD with learning rate 0\.05 \(CosineAnnealingWarmRestarts\), from \(1, 0\.001\), 300 steps\. The iterate leaves the saddle \(\|y\| > 0\.5\) at step \d+\./,
    );
    expect(await explorer.locator('.se-controls').isVisible()).toBe(false);
    expect(await explorer.locator('canvas').count()).toBe(0);
    expect(await explorer.locator('.se-matrix').getAttribute('aria-label')).toBe(
      'H = [[2, 0], [0, -2]]',
    );
    await closeClean(guard);
  });
});

describe.each(['en', 'zh-cn'] as const)('SaddleExplorer in /%s/saddle-points/', (locale) => {
  const path = `/${locale}/saddle-points/`;

  it('loads nothing heavy until it comes near, then runs', async () => {
    const { guard, page } = await openPage(path, { viewport: { width: 1000, height: 500 } });
    const explorer = page.locator('saddle-explorer');
    expect(await explorer.count()).toBe(1);
    const top = await explorer.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(500 + 200);
    expect(guard.requests.filter(isExplorerChunk)).toEqual([]);
    const element = assetFiles(guard.requests).find((file) =>
      file.startsWith('SaddleExplorer.astro'),
    );
    expect(element).toBeDefined();
    expect(gzipSize(element!)).toBeLessThan(1_500);

    await live(explorer);
    const chunks = assetFiles(guard.requests.filter(isExplorerChunk));
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) expect(gzipSize(chunk)).toBeLessThanOrEqual(65 * 1024);
    expect((await pixels(overlay(explorer))).painted).toBeGreaterThan(300);
    const figure = explorer.locator('.se-hessian');
    expect(await figure.locator('.se-matrix').getAttribute('aria-label')).toBe(
      'H = [[2, 0], [0, -2]]',
    );
    expect(await figure.locator('p').last().textContent()).toBe(
      locale === 'en'
        ? 'Eigenvalues 2 and -2. One is positive and one negative: a saddle point.'
        : '特征值为 2 和 -2。一正一负：这是鞍点。',
    );
    await closeClean(guard);
  });
});
