/**
 * Speed of the two interactive widgets in headless Chromium, on the built site (`dist/`, built
 * first when stale) served on 127.0.0.1:
 *
 * - the saddle-point explorer's frames per second while it animates a run (target: the display's
 *   60), for the harness page's warm-restarts run and for the longest run the model allows;
 * - the training run's epochs per second for the default network and data: flat out in its Web
 *   Worker (no pacing), and at the pace the widget plays for the reader.
 *
 * Not a test: the figures depend on the machine. Run with `npx node scripts/bench/widgets.ts`;
 * prints one line per widget.
 *
 * @module
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ensureBuilt, root, startPreview } from '../e2e/site.ts';
import { MAX_EXPLORER_STEPS } from '../../src/widgets/saddle-explorer/model.ts';
import {
  DEFAULT_TRAINING_CONFIG,
  serializeTrainingConfig,
} from '../../src/widgets/training-run/model.ts';
import type { WorkerRequest } from '../../src/widgets/training-run/session.ts';

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** What a widget shows, read from its element: a data attribute, or the text of a part of it. */
interface Probe {
  readonly selector: string;
  readonly attribute?: string;
  readonly text?: string;
}

/** Wait until the probed value equals (or, for text, contains) `expected`, polling every 50 ms. */
async function waitFor(
  page: Page,
  probe: Probe,
  expected: string,
  timeoutMs = 60_000,
): Promise<void> {
  // A function, not a string: the pages' Content-Security-Policy forbids evaluating strings.
  await page.waitForFunction(
    ({ selector, attribute, text, value }) => {
      const element = document.querySelector(selector);
      if (!element) return false;
      if (attribute !== undefined) return element.getAttribute(attribute) === value;
      return (element.querySelector(text ?? ':scope')?.textContent ?? '').includes(value);
    },
    { ...probe, value: expected },
    { timeout: timeoutMs, polling: 50 },
  );
}

/**
 * Frames per second while the explorer `#id` plays a run of `steps` steps: every animation frame's
 * time is recorded from the click on Play until the last step is drawn.
 */
async function explorerFps(
  page: Page,
  id: string,
  steps?: number,
): Promise<{ fps: number; frames: number }> {
  const explorer = page.locator(`#${id}`);
  await explorer.scrollIntoViewIfNeeded();
  await waitFor(page, { selector: `#${id}`, attribute: 'data-live' }, '');
  if (steps !== undefined) {
    await explorer.locator('[data-field="steps"]').fill(String(steps));
    await waitFor(page, { selector: `#${id}`, text: '.se-summary' }, `${steps} steps`);
  }
  await explorer.locator('[data-action="reset"]').click();
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { __times: number[] }).__times = times;
    const loop = (time: number) => {
      times.push(time);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await explorer.locator('[data-action="play"]').click();
  const started = await page.evaluate(() => performance.now());
  await waitFor(
    page,
    { selector: `#${id} [data-action="play"]`, attribute: 'aria-pressed' },
    'false',
  );
  const ended = await page.evaluate(() => performance.now());
  const times = await page.evaluate(() => (window as unknown as { __times: number[] }).__times);
  const during = times.filter((time) => time >= started && time <= ended);
  const fps = during.length > 1 ? ((during.length - 1) / (during.at(-1)! - during[0]!)) * 1000 : 0;
  return { fps, frames: during.length };
}

/** Epochs per second of the training worker with no pacing, for the default configuration. */
async function workerEpochsPerSecond(page: Page, workerUrl: string): Promise<number> {
  const start: WorkerRequest = {
    type: 'start',
    config: serializeTrainingConfig(DEFAULT_TRAINING_CONFIG),
    // No pause between ticks, and a decision grid only at the end: the training itself.
    options: {
      tickMs: 0,
      epochsPerTick: 10,
      gridEvery: DEFAULT_TRAINING_CONFIG.epochs,
      gridResolution: 64,
    },
  };
  return page.evaluate(
    ({ url, request }) =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker(url, { type: 'module' });
        let epochs = 0;
        let began = 0;
        worker.addEventListener('error', (event) => reject(new Error(event.message)));
        worker.addEventListener(
          'message',
          (event: MessageEvent<{ type: string; status?: string }>) => {
            const message = event.data;
            if (message.type === 'config') began = performance.now();
            if (message.type === 'epoch') epochs += 1;
            if (message.type === 'status' && message.status === 'finished') {
              const seconds = (performance.now() - began) / 1000;
              worker.terminate();
              resolve(epochs / seconds);
            }
          },
        );
        worker.postMessage(request);
      }),
    { url: workerUrl, request: start },
  );
}

/** Epochs per second the training-run widget shows the reader, from Start to the last epoch. */
async function widgetEpochsPerSecond(page: Page, id: string): Promise<number> {
  const widget = page.locator(`#${id}`);
  await widget.scrollIntoViewIfNeeded();
  await waitFor(page, { selector: `#${id}`, attribute: 'data-status' }, 'paused');
  const began = Date.now();
  await widget.locator('[data-action="start"]').click();
  await waitFor(page, { selector: `#${id}`, attribute: 'data-status' }, 'finished');
  const seconds = (Date.now() - began) / 1000;
  return Number(await widget.getAttribute('data-epoch')) / seconds;
}

await ensureBuilt();
const server = await startPreview();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();

  await page.goto(new URL('/harness/saddle-explorer/', server.url).href, {
    waitUntil: 'networkidle',
  });
  const usual = await explorerFps(page, 'restarts');
  const longest = await explorerFps(page, 'default', MAX_EXPLORER_STEPS);
  console.log(
    `saddle explorer: ${usual.fps.toFixed(1)} frames/s while animating (300 steps, ${usual.frames} frames); ` +
      `${longest.fps.toFixed(1)} frames/s for ${MAX_EXPLORER_STEPS} steps (target 60)`,
  );

  await page.goto(new URL('/harness/training-run/', server.url).href, { waitUntil: 'networkidle' });
  const worker = readdirSync(join(root, 'dist', '_astro')).find((file) =>
    /^worker-[\w-]+\.js$/.test(file),
  );
  if (worker === undefined) throw new Error('no training worker in dist/_astro');
  const flat = await workerEpochsPerSecond(page, `/_astro/${worker}`);
  const paced = await widgetEpochsPerSecond(page, 'default');
  console.log(
    `training run: ${flat.toFixed(0)} epochs/s in the worker (default ${DEFAULT_TRAINING_CONFIG.hiddenLayers}×${DEFAULT_TRAINING_CONFIG.hiddenUnits} network, ` +
      `${2 * DEFAULT_TRAINING_CONFIG.pointsPerClass} points, batch ${DEFAULT_TRAINING_CONFIG.batchSize}); ` +
      `${paced.toFixed(0)} epochs/s as the widget plays it`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
