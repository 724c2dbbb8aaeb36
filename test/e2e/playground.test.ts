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
import '../helpers/scheduler-classes.ts';
import { pytorchCode, typescriptCode } from '../../src/widgets/schedule-chart/code.ts';
import * as expressionLanguage from '../../src/widgets/playground/expression.ts';
import {
  curvesCsv,
  evaluateState,
  stateFromQuery,
  toChartSpec,
  provideExpressions,
} from '../../src/widgets/playground/model.ts';
import {
  closeClean,
  expectRejected,
  guardedContext,
  openGuardedPage,
  useBrowser,
  type GuardedContext,
  type GuardedPage,
} from './harness.ts';

// The page loads the lr_lambda language as a chunk of its own; the model's tests have it at once.
provideExpressions(expressionLanguage);

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

/** Close a page and open its address afresh: the same drawing and the same code come back. */
async function reopen(first: Awaited<ReturnType<typeof open>>): ReturnType<typeof open> {
  const shared = new URL(first.page.url());
  const drawn = await picture(first.widget);
  const code = await first.widget.locator('.pg-python code').textContent();
  await close(first.guard);
  const second = await open(shared.pathname + shared.search);
  expect(await picture(second.widget)).toBe(drawn);
  expect(await second.widget.locator('.pg-python code').textContent()).toBe(code);
  return second;
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
    // The table is filled when it opens (the toggle event comes after the click).
    await expect.poll(() => widget.locator('.pg-table tbody tr').count()).toBeGreaterThan(10);
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

  it('explains an invalid lr_lambda beside its field and keeps the last good chart', async () => {
    const { guard, page, widget } = await open(
      `/${locale}/playground/?s1=LambdaLR&s1.lr_lambda=${encodeURIComponent('min(1, (epoch + 1) / 5)')}`,
    );
    const input = field(widget, 'series.0.options.lr_lambda');
    expect(await input.inputValue()).toBe('min(1, (epoch + 1) / 5)');
    expect(await input.getAttribute('inputmode')).toBe('text');
    const good = await picture(widget);
    const address = query(page);
    const error = widget.locator('.pg-error');

    await input.fill('epoch +');
    await error.waitFor();
    expect(await error.locator('span').first().textContent()).toBe(
      locale === 'en'
        ? 'The expression is incomplete after character 7.'
        : '表达式不完整：第 7 个字符之后还缺少内容。',
    );
    expect(await error.locator('code').count()).toBe(0);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));

    await input.fill('math.log(-1)');
    await expect
      .poll(() => error.locator('span').first().textContent())
      .toBe(
        locale === 'en'
          ? 'At epoch 0 a math function gets a value it is not defined for (math.log needs a positive number, math.sqrt one that is not negative).'
          : '在第 0 轮，数学函数的参数超出了定义域（math.log 需要正数，math.sqrt 需要非负数）。',
      );
    expect(await error.locator('code').textContent()).toBe('ValueError: math domain error');
    expect(await picture(widget)).toBe(good);
    expect(query(page)).toBe(address);

    await input.fill('1 / (epoch - 20)');
    await expect
      .poll(() => error.locator('code').textContent())
      .toBe('ZeroDivisionError: division by zero');
    expect(await picture(widget)).toBe(good);

    await input.fill('0.9 ** epoch');
    await error.waitFor({ state: 'detached' });
    await expect.poll(() => picture(widget)).not.toBe(good);
    await expect
      .poll(() => query(page))
      .toContain(`s1.lr_lambda=${new URLSearchParams({ x: '0.9 ** epoch' }).toString().slice(2)}`);
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

  it('offer the composites with their children, and LambdaLR with its expression', async () => {
    const { guard, page, widget } = await open(path);
    const scheduler = widget.locator('[data-role="scheduler"]');
    const child = (j: number, name: string) =>
      field(widget, `series.0.options.schedulers.${j}.options.${name}`);
    await changes(widget, async () => {
      await scheduler.selectOption('SequentialLR');
    });
    // The common warm-up + cosine: LinearLR for 5 steps, then CosineAnnealingLR over the rest.
    expect(await child(0, 'start_factor').inputValue()).toBe('0.1');
    expect(await child(0, 'total_iters').inputValue()).toBe('5');
    expect(await child(1, 'T_max').inputValue()).toBe('95');
    expect(await field(widget, 'series.0.options.milestones').inputValue()).toBe('5');
    await expect
      .poll(() => widget.locator('.pg-python code').textContent())
      .toContain('CosineAnnealingLR(optimizer, T_max=95, eta_min=0),\n    ],\n    milestones=[5],');
    await expect.poll(() => widget.locator('.pg-legend').textContent()).toContain('Milestone');
    await changes(widget, () => child(1, 'T_max').fill('40'));
    await expect.poll(() => query(page)).toContain('s1.c2.T_max=40');

    // A third child, then another scheduler for it, then it goes again.
    const addChild = widget.locator('[data-action="add-child"]');
    await changes(widget, () => addChild.click());
    expect(await addChild.isDisabled()).toBe(true);
    expect(await field(widget, 'series.0.options.milestones').inputValue()).toBe('5, 53');
    const third = widget.locator('[data-role="child-scheduler"][data-child="2"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await third.getAttribute('id'),
    );
    await changes(widget, async () => {
      await third.selectOption('MultiplicativeLR');
    });
    expect(await child(2, 'lr_lambda').inputValue()).toBe('0.95');
    expect(await widget.locator('.pg-live').textContent()).toBe(
      'Scheduler 3 of configuration 1 now uses MultiplicativeLR, with PyTorch’s defaults.',
    );
    await changes(widget, () =>
      widget.locator('[data-action="remove-child"][data-child="2"]').click(),
    );
    expect(await widget.locator('.pg-child').count()).toBe(2);
    expect(await widget.locator('[data-action="remove-child"]:enabled').count()).toBe(0);
    expect(await field(widget, 'series.0.options.milestones').inputValue()).toBe('5');

    await changes(widget, async () => {
      await scheduler.selectOption('ChainedScheduler');
    });
    expect(await child(1, 'gamma').inputValue()).toBe('0.95');
    expect(await field(widget, 'series.0.options.milestones').count()).toBe(0);

    await changes(widget, async () => {
      await scheduler.selectOption('LambdaLR');
    });
    expect(await widget.locator('.pg-child').count()).toBe(0);
    const lambda = field(widget, 'series.0.options.lr_lambda');
    expect(await lambda.inputValue()).toBe('0.95 ** epoch');
    await changes(widget, () => lambda.fill('math.cos(math.pi * epoch / 200) * -2 ** -1'));
    await expect
      .poll(() => widget.locator('.pg-typescript code').textContent())
      .toContain(
        'new LambdaLR(optimizer, { lr_lambda: (epoch) => Math.cos(Math.PI * epoch / 200) * -(2 ** -1) })',
      );
    const python = await widget.locator('.pg-python code').textContent();
    expect(python).toMatch(/^import math\n/);
    expect(python).toContain(
      'LambdaLR(optimizer, lr_lambda=lambda epoch: math.cos(math.pi * epoch / 200) * -2 ** -1)',
    );
    const formula = widget.locator('.pg-card .pg-formula');
    expect(await formula.getAttribute('data-variant')).toBe('LambdaLR');
    expect(await formula.locator('math [data-formula-value="lr_lambda"]').textContent()).toBe(
      'math.cos(math.pi * epoch / 200) * -2 ** -1',
    );
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
    const second = await reopen(first);
    expect(await field(second.widget, 'series.1.options.mode').inputValue()).toBe("'triangular2'");
    expect(await field(second.widget, 'series.0.options.eta_min').inputValue()).toBe('0.0001');
    expect(await field(second.widget, 'epochs').inputValue()).toBe('60');
    await close(second.guard);
  });

  it('restore a lambda and a composite from a shared address', async () => {
    const first = await open(path);
    const { widget } = first;
    await widget.locator('[data-role="scheduler"]').selectOption('SequentialLR');
    await widget.locator('[data-role="child-scheduler"][data-child="1"]').selectOption('LambdaLR');
    const lambda = field(widget, 'series.0.options.schedulers.1.options.lr_lambda');
    await lambda.fill('max(0.01, 1 - (epoch / 60) ** 2)');
    await widget.locator('[data-action="add"]').click();
    await widget
      .locator('.pg-card')
      .nth(1)
      .locator('[data-role="scheduler"]')
      .selectOption('MultiplicativeLR');
    await field(widget, 'series.1.options.lr_lambda').fill('0.97');
    await field(widget, 'series.1.lr').fill('0.002');
    await expect.poll(() => query(first.page)).toContain('s2.lr_lambda=0.97');
    await expect.poll(() => query(first.page)).toContain('s1.c2=LambdaLR');
    const second = await reopen(first);
    expect(
      await field(second.widget, 'series.0.options.schedulers.1.options.lr_lambda').inputValue(),
    ).toBe('max(0.01, 1 - (epoch / 60) ** 2)');
    expect(
      await second.widget.locator('[data-role="child-scheduler"][data-child="1"]').inputValue(),
    ).toBe('LambdaLR');
    expect(await field(second.widget, 'series.1.options.lr_lambda').inputValue()).toBe('0.97');
    await close(second.guard);
  });

  it('ignore a hostile expression in an address', async () => {
    const hostile = new URLSearchParams({
      s1: 'LambdaLR',
      's1.lr_lambda': '__import__("os").system("x")',
      s2: 'SequentialLR',
      's2.c1': 'SequentialLR',
      's2.c2': 'LambdaLR',
      's2.c2.lr_lambda': 'constructor.constructor("window.__hit=1")()',
      s3: 'MultiplicativeLR',
      's3.lr_lambda': '1 / (epoch - 3)',
    });
    const { guard, page, widget } = await open(`${path}?${hostile}`);
    expect(await page.evaluate(() => (window as { __hit?: number }).__hit)).toBeUndefined();
    expect(await widget.locator('.pg-card').count()).toBe(3);
    expect(await field(widget, 'series.0.options.lr_lambda').inputValue()).toBe('0.95 ** epoch');
    // Children must start at c1: the composite keeps its starting children.
    expect(
      await widget
        .locator('[data-role="child-scheduler"]')
        .evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value)),
    ).toEqual(['LinearLR', 'CosineAnnealingLR']);
    expect(await field(widget, 'series.2.options.lr_lambda').inputValue()).toBe('0.95');
    expect(await widget.locator('.pg-error').count()).toBe(0);
    await close(guard);
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

  it('keeps its place while it loads, so nothing on the page moves when it comes alive', async () => {
    const guard = await guardedContext(browser(), { viewport: { width: 412, height: 900 } });
    const page = await guard.context.newPage();
    // Chart.js held back: the page as a reader on a slow connection sees it before the widget is live.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/chart-js.*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const widget = page.locator('lr-playground');
    const tops = () =>
      widget.evaluate((host) =>
        ['.pg-toolbar', '.pg-cards', '.pg-add'].map((selector) =>
          Math.round(host.querySelector(selector)!.getBoundingClientRect().top),
        ),
      );
    expect(await widget.locator('.pg-noscript').isVisible()).toBe(false);
    expect(await widget.locator('.pg-toolbar').isVisible()).toBe(true);
    const before = await tops();
    release();
    await expect.poll(() => widget.getAttribute('data-live'), { timeout: 15_000 }).toBe('');
    const after = await tops();
    after.forEach((top, i) => expect(Math.abs(top - before[i]!)).toBeLessThanOrEqual(2));
    await closeClean(guard);
  });

  it('says the playground needs JavaScript when there is none', async () => {
    const { guard, page } = await openGuardedPage(browser(), path, { javaScriptEnabled: false });
    expect(await page.locator('lr-playground .pg-noscript').isVisible()).toBe(true);
    expect(await page.locator('lr-playground .pg').isVisible()).toBe(false);
    await close(guard);
  });
});
