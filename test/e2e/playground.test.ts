/**
 * End-to-end tests of the scheduler playground (`/en/playground/`, `/zh-cn/playground/`) in
 * headless Chromium: it draws; every control changes the drawing, the formulas, the code and the
 * address; a rejected value is explained beside its field while the chart stays; an address
 * restores the same state (and a hostile one is ignored); the keyboard reaches and operates every
 * control; CSV and PNG downloads carry the chart; the code is copied; and the page logs no console
 * error, requests nothing from another host and loads no KaTeX JavaScript (only its stylesheet).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pytorchCode, typescriptCode } from '../../src/widgets/schedule-chart/code.ts';
import {
  curvesCsv,
  evaluateState,
  stateFromQuery,
  toChartSpec,
} from '../../src/widgets/playground/model.ts';
import {
  closeClean,
  expectRejected,
  openGuardedPage,
  useBrowser,
  type GuardedContext,
  type GuardedPage,
} from './harness.ts';

const path = '/en/playground/';
const browser = useBrowser();

async function open(
  url: string,
  options: BrowserContextOptions = {},
): Promise<GuardedPage & { widget: Locator }> {
  const { guard, page } = await openGuardedPage(browser(), url, {
    reducedMotion: 'reduce',
    viewport: { width: 1200, height: 900 },
    ...options,
  });
  const widget = page.locator('lr-playground');
  await expect.poll(() => widget.getAttribute('data-live'), { timeout: 15_000 }).toBe('');
  return { guard, page, widget };
}

async function close(guard: GuardedContext): Promise<void> {
  expect(guard.requests.filter((url) => /katex[^/]*\.js/i.test(url))).toEqual([]);
  await closeClean(guard);
}

/** The chart's pixels, as a PNG data URL: equal exactly when the drawings are equal. */
const picture = (widget: Locator) =>
  widget.locator('.pg-plot canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

/** Pixels that are not transparent, so an empty canvas is told from a drawn one. */
const paintedPixels = (widget: Locator) =>
  widget.locator('.pg-plot canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
    return painted;
  });

async function changes(widget: Locator, edit: () => Promise<void>): Promise<string> {
  const before = await picture(widget);
  await edit();
  await expect.poll(() => picture(widget), { timeout: 5_000 }).not.toBe(before);
  return picture(widget);
}

const field = (widget: Locator, fieldPath: string) => widget.locator(`[data-path="${fieldPath}"]`);
const query = (page: Page) => new URL(page.url()).search;

describe.each(['en', 'zh-cn'] as const)('/%s/playground/', (locale) => {
  it('draws the default configuration with its formula, code and data table', async () => {
    const { guard, page, widget } = await open(`/${locale}/playground/`);
    expect(await paintedPixels(widget)).toBeGreaterThan(5_000);
    const canvas = widget.locator('.pg-plot canvas');
    expect(await canvas.getAttribute('role')).toBe('img');
    // The summary follows the first drawing by a task.
    await expect
      .poll(() => canvas.getAttribute('aria-label'))
      .toMatch(
        locale === 'en' ? /^Line chart of the learning rate over 100 epochs\./ : /^100 轮内学习率/,
      );
    expect(await widget.locator('.pg-card').count()).toBe(1);
    expect(await widget.locator('.pg-noscript').isVisible()).toBe(false);
    // The address holds the state from the start.
    expect(stateFromQuery(query(page))).toEqual(stateFromQuery(''));
    const formula = widget.locator('.pg-card .pg-formula');
    expect(await formula.locator('.katex').count()).toBe(1);
    expect(
      await formula.locator('.katex-html [data-formula-value="T_max"]').first().textContent(),
    ).toBe('100');
    expect(await formula.locator('math [data-formula-value="lr"]').textContent()).toBe('0.001');
    // KaTeX's stylesheet is on the page (its fonts are used), its JavaScript is not.
    expect(
      await formula.locator('.katex').evaluate((element) => getComputedStyle(element).fontFamily),
    ).toMatch(/^KaTeX_Main/);
    expect(
      await page.evaluate(() =>
        [...document.styleSheets].some((sheet) =>
          [...sheet.cssRules].some(
            (rule) => rule instanceof CSSStyleRule && rule.selectorText === '.katex',
          ),
        ),
      ),
    ).toBe(true);
    expect(await page.evaluate(() => 'katex' in window)).toBe(false);
    const state = stateFromQuery(query(page));
    await expect
      .poll(() => widget.locator('.pg-python code').textContent())
      .toBe(pytorchCode(toChartSpec(state)));
    await widget.locator('.pg-table summary').click();
    expect(await widget.locator('.pg-table tbody tr').count()).toBeGreaterThan(10);
    await close(guard);
  });

  it('explains a rejected value beside its field and keeps the last good chart', async () => {
    const { guard, page, widget } = await open(
      `/${locale}/playground/?s1=CosineAnnealingWarmRestarts&s1.T_0=5`,
    );
    const good = await picture(widget);
    const address = query(page);
    const input = field(widget, 'series.0.options.T_0');
    await input.fill('0');
    const error = widget.locator('.pg-error');
    const message = locale === 'en' ? 'T_0 must be a positive integer.' : 'T_0 必须是正整数。';
    await expectRejected(
      input,
      error,
      message,
      'ValueError: Expected positive integer T_0, but got 0',
    );
    expect(await widget.locator('.pg-live').textContent()).toContain(message);
    expect(await picture(widget)).toBe(good);
    expect(query(page)).toBe(address);

    await input.fill('abc');
    await expect
      .poll(() => error.locator('span').first().textContent())
      .toBe(locale === 'en' ? 'This is not a number.' : '这不是一个数。');
    await field(widget, 'epochs').fill('0');
    await expect.poll(() => widget.locator('.pg-error').count()).toBe(2);
    expect(await picture(widget)).toBe(good);

    await field(widget, 'epochs').fill('40');
    await input.fill('7');
    await error.first().waitFor({ state: 'detached' });
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => picture(widget)).not.toBe(good);
    await expect.poll(() => query(page)).toContain('s1.T_0=7');
    await close(guard);
  });
});

describe('the playground controls', () => {
  it('change the drawing, the formula, the code and the address', async () => {
    const { guard, page, widget } = await open(path);
    await changes(widget, () => field(widget, 'series.0.options.T_max').fill('50'));
    const formula = widget.locator('.pg-card .pg-formula');
    expect(
      await formula.locator('.katex-html [data-formula-value="T_max"]').first().textContent(),
    ).toBe('50');
    await expect
      .poll(() => widget.locator('.pg-python code').textContent())
      .toContain('CosineAnnealingLR(optimizer, T_max=50, eta_min=0)');
    await expect
      .poll(() => widget.locator('.pg-typescript code').textContent())
      .toContain('new CosineAnnealingLR(optimizer, { T_max: 50, eta_min: 0 })');
    await expect.poll(() => query(page)).toContain('s1.T_max=50');

    await changes(widget, () => field(widget, 'series.0.lr').fill('0.1'));
    await changes(widget, () => field(widget, 'stepsPerEpoch').fill('4'));
    await changes(widget, () => widget.locator('input[value="log"]').check());
    await expect.poll(() => query(page)).toContain('scale=log');

    // Another scheduler brings its own arguments, with PyTorch's defaults, and its formula.
    await changes(widget, async () => {
      await widget.locator('[data-role="scheduler"]').selectOption('OneCycleLR');
    });
    expect(await field(widget, 'series.0.options.pct_start').inputValue()).toBe('0.3');
    expect(await field(widget, 'series.0.options.div_factor').inputValue()).toBe('25');
    expect(await field(widget, 'series.0.options.total_steps').inputValue()).toBe('400');
    expect(await field(widget, 'series.0.lr').inputValue()).toBe('0.1');
    expect(await formula.getAttribute('data-variant')).toBe('OneCycleLR:cos:2');
    await changes(widget, async () => {
      await field(widget, 'series.0.options.three_phase').selectOption('True');
    });
    expect(await formula.getAttribute('data-variant')).toBe('OneCycleLR:cos:3');
    // OneCycleLR cycles momentum: a second axis and a legend entry.
    expect(await widget.locator('.pg-legend').textContent()).toContain('Momentum');

    await widget.locator('[data-role="scheduler"]').selectOption('MultiStepLR');
    await expect.poll(() => widget.locator('.pg-legend').textContent()).toContain('Milestone');
    await close(guard);
  });

  it('add, duplicate and remove up to four configurations in distinct colours', async () => {
    const { guard, page, widget } = await open(path);
    const add = widget.locator('[data-action="add"]');
    await changes(widget, () => add.click());
    await widget
      .locator('.pg-card')
      .nth(1)
      .locator('[data-role="scheduler"]')
      .selectOption('StepLR');
    await expect.poll(() => field(widget, 'series.1.options.step_size').count()).toBe(1);
    await changes(widget, () =>
      widget.locator('.pg-card').nth(1).locator('[data-action="duplicate"]').click(),
    );
    expect(await field(widget, 'series.2.options.step_size').inputValue()).toBe('30');
    await add.click();
    await expect.poll(() => widget.locator('.pg-card').count()).toBe(4);
    expect(await add.isDisabled()).toBe(true);
    expect(await widget.locator('[data-action="duplicate"]:enabled').count()).toBe(0);

    const colours = await widget
      .locator('.pg-legend .pg-swatch')
      .evaluateAll((swatches) =>
        swatches.slice(0, 4).map((swatch) => getComputedStyle(swatch).borderTopColor),
      );
    expect(colours).toEqual([
      'rgb(0, 114, 178)',
      'rgb(213, 94, 0)',
      'rgb(0, 158, 115)',
      'rgb(204, 121, 167)',
    ]);
    await expect
      .poll(() => stateFromQuery(query(page)).series.map((series) => series.scheduler))
      .toEqual(['CosineAnnealingLR', 'StepLR', 'StepLR', 'CosineAnnealingLR']);

    await changes(widget, () =>
      widget.locator('.pg-card').nth(0).locator('[data-action="remove"]').click(),
    );
    expect(await widget.locator('.pg-card').count()).toBe(3);
    expect(await add.isEnabled()).toBe(true);
    await expect.poll(() => stateFromQuery(query(page)).series[0]!.scheduler).toBe('StepLR');
    expect(await widget.locator('.pg-live').textContent()).toBe('Configuration 1 removed.');

    // Hovering shows the readout: the epoch, then one line per curve, each with its colour.
    await widget.locator('.pg-plot canvas').scrollIntoViewIfNeeded();
    const box = (await widget.locator('.pg-plot canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
    const readout = widget.locator('.pg-plot .chart-readout');
    await readout.waitFor();
    const lines = await readout.locator(':scope > div').allTextContents();
    expect(lines[0]).toMatch(/^Epoch \d+$/);
    const labels = (
      await widget.locator('.pg-legend li > span:last-child').allTextContents()
    ).slice(0, 3);
    expect(lines).toHaveLength(1 + labels.length);
    lines.slice(1).forEach((line, i) => {
      expect(line.startsWith(`${labels[i]}: `), line).toBe(true);
      expect(Number.isFinite(Number(line.slice(labels[i]!.length + 2))), line).toBe(true);
    });
    expect(
      await readout
        .locator('.chart-readout-swatch')
        .evaluateAll((swatches) =>
          swatches.map((swatch) => getComputedStyle(swatch).backgroundColor),
        ),
    ).toEqual(colours.slice(0, 3));
    await close(guard);
  });

  it('restore the same state from a shared address', async () => {
    const first = await open(path);
    const { widget } = first;
    await widget.locator('[data-action="add"]').click();
    await widget
      .locator('.pg-card')
      .nth(1)
      .locator('[data-role="scheduler"]')
      .selectOption('CyclicLR');
    await expect.poll(() => field(widget, 'series.1.options.mode').count()).toBe(1);
    await field(widget, 'series.1.options.mode').selectOption("'triangular2'");
    await field(widget, 'series.1.options.step_size_up').fill('6');
    await field(widget, 'series.0.options.eta_min').fill('1e-4');
    await field(widget, 'epochs').fill('60');
    await expect.poll(() => query(first.page)).toContain('epochs=60');
    await expect.poll(() => query(first.page)).toContain('s2.step_size_up=6');
    const shared = first.page.url();
    const drawn = await picture(widget);
    const code = await widget.locator('.pg-python code').textContent();
    await close(first.guard);

    const second = await open(new URL(shared).pathname + new URL(shared).search);
    expect(await picture(second.widget)).toBe(drawn);
    expect(await second.widget.locator('.pg-python code').textContent()).toBe(code);
    expect(await field(second.widget, 'series.1.options.mode').inputValue()).toBe("'triangular2'");
    expect(await field(second.widget, 'series.0.options.eta_min').inputValue()).toBe('0.0001');
    expect(await field(second.widget, 'epochs').inputValue()).toBe('60');
    await close(second.guard);
  });

  it('ignore a hostile address', async () => {
    const hostile = new URLSearchParams({
      s1: '<img src=x onerror="window.__hit=1">',
      's1.lr': '1e999',
      s2: 'StepLR',
      's2.step_size': '<script>window.__hit=2</script>',
      's2.gamma': '\u202e0.5',
      epochs: '9999999999',
      __proto__: 'x',
    });
    const { guard, page, widget } = await open(`${path}?${hostile}`);
    expect(await page.evaluate(() => (window as { __hit?: number }).__hit)).toBeUndefined();
    expect(await widget.locator('.pg-card').count()).toBe(1);
    expect(await field(widget, 'series.0.options.step_size').inputValue()).toBe('30');
    expect(await field(widget, 'epochs').inputValue()).toBe('100');
    expect(await widget.locator('img').count()).toBe(0);
    expect(await paintedPixels(widget)).toBeGreaterThan(5_000);
    await close(guard);
  });

  it('work from the keyboard, with a visible focus ring', async () => {
    const { guard, page, widget } = await open(path);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element?.dataset['path'] ?? element?.dataset['role'] ?? element?.dataset['action'];
      });
    await field(widget, 'epochs').focus();
    expect(
      await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle),
    ).not.toBe('none');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('stepsPerEpoch');
    await changes(widget, async () => {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
    });
    // On to the scale, the actions, and the first configuration's scheduler.
    const stops: (string | undefined)[] = [];
    for (let i = 0; i < 12 && (await focused()) !== 'scheduler'; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops).toEqual(expect.arrayContaining(['scale', 'share', 'csv', 'png', 'scheduler']));
    await changes(widget, () => page.keyboard.press('ArrowDown'));
    // The option after CosineAnnealingLR.
    await expect.poll(() => query(page)).toContain('s1=CosineAnnealingWarmRestarts');
    expect(await focused()).toBe('scheduler');

    const add = widget.locator('[data-action="add"]');
    await add.focus();
    await changes(widget, () => page.keyboard.press('Enter'));
    expect(await widget.locator('.pg-card').count()).toBe(2);
    // Focus moves to the new configuration's scheduler.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-c2-scheduler$/);
    // The card's buttons come before its fields, as they are shown.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('remove');
    await changes(widget, () => page.keyboard.press('Space'));
    expect(await widget.locator('.pg-card').count()).toBe(1);
    await close(guard);
  });

  it('download the curves as CSV and the chart as PNG', async () => {
    const { guard, page, widget } = await open(
      `${path}?s1=CyclicLR&s1.step_size_up=3&s1.momentum=0.9&s2=StepLR&s2.step_size=4&epochs=12&steps=2`,
    );
    const state = stateFromQuery(query(page));
    const evaluation = evaluateState(state);
    if (!evaluation.ok) throw new Error('the state must draw');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      widget.locator('[data-action="csv"]').click(),
    ]);
    expect(csv.suggestedFilename()).toBe('lr-schedule.csv');
    expect(csv.url()).toMatch(/^blob:/);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text).toBe(curvesCsv(state, evaluation.curves));
    expect(text.split('\n')[0]).toBe('epoch,lr_1,lr_2,momentum_1');
    expect(text.trimEnd().split('\n')).toHaveLength(1 + 24);

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      widget.locator('[data-action="png"]').click(),
    ]);
    expect(png.suggestedFilename()).toBe('lr-schedule.png');
    expect(png.url()).toMatch(/^blob:/);
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const size = await widget
      .locator('.pg-plot canvas')
      .evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual(size);
    await close(guard);
  });

  it('copy the PyTorch and TypeScript code and the link', async () => {
    const { guard, page, widget } = await open(`${path}?s1=ExponentialLR&s1.gamma=0.9`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const spec = toChartSpec(stateFromQuery(query(page)));
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await widget.locator('[data-action="copy"][data-lang="python"]').click();
    await expect.poll(clipboard).toBe(pytorchCode(spec));
    await widget.locator('[data-action="copy"][data-lang="typescript"]').click();
    await expect.poll(clipboard).toBe(typescriptCode(spec));
    const share = widget.locator('[data-action="share"]');
    await share.click();
    await expect.poll(clipboard).toBe(page.url());
    await expect.poll(() => share.textContent()).toBe('Link copied');
    await close(guard);
  });

  it('says the playground needs JavaScript when there is none', async () => {
    const { guard, page } = await openGuardedPage(browser(), path, { javaScriptEnabled: false });
    expect(await page.locator('lr-playground .pg-noscript').isVisible()).toBe(true);
    expect(await page.locator('lr-playground .pg').isVisible()).toBe(false);
    await close(guard);
  });
});
