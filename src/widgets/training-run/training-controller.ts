/**
 * The live part of `<training-run>`, loaded on demand by `element.ts`: starts the training worker
 * (`worker.ts`; the page never trains on its own thread), sends it the reader's settings and
 * start/pause/resume/step/reset, and draws what comes back: per-epoch charts of training loss,
 * validation accuracy and learning rate with Chart.js, the data table, and the network's decision
 * regions over the data on a canvas. Drawing happens at most once per animation frame, however
 * fast epochs arrive.
 *
 * Nothing thrown inside escapes to the page: a rejected value becomes a localized message beside
 * its field, and the current run stays.
 *
 * @module
 */
import type { Chart as ChartJs } from 'chart.js';
import { onThemeChange } from '../../components/theme.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import type { TrainingRunKey } from '../../i18n/widgets/training-run.ts';
import { readTranslator } from '../shared/strings.ts';
import { verticalMarks } from '../shared/chart-marks.ts';
import { clearFieldProblems, showFieldProblems, type Field } from '../shared/field-problems.ts';
import { niceDomain } from '../shared/plot.ts';
import { readShareHash, shareHash } from '../shared/share-hash.ts';
import {
  bandAxis,
  countAxis,
  recolourChart,
  stackedChart,
  type ScaleOptions,
} from '../shared/stacked-chart.ts';
import { makeSplit, type Split } from './data.ts';
import type { ConfigProblem } from './fields.ts';
import {
  DEFAULT_TRAINING_CONFIG,
  parseTrainingConfig,
  serializeTrainingConfig,
  trainingFieldRules,
  type DecisionGrid,
  type EpochMetrics,
  type TrainingConfig,
  type TrainingField,
} from './model.ts';
import type { SessionOptions, SessionStatus, WorkerRequest, WorkerResponse } from './session.ts';
import {
  boundaryLines,
  epochPoints,
  epochStatus,
  formatAccuracy,
  formatCount,
  formatValue,
  hexColour,
  historySummary,
  joinSentences,
  problemMessage,
  regionPixels,
  restartEpochs,
  setupSummary,
  type ChartPoint,
  type Rgb,
  type Translate,
} from './view.ts';

/** Pause after the last keystroke in a field before applying it, in milliseconds. */
const EDIT_DELAY = 300;

/** Cells per side of the decision grids the worker sends. */
const GRID_RESOLUTION = 64;

interface Colours {
  series: [string, string, string];
  classes: [Rgb, Rgb];
  classText: [string, string];
  ink: string;
  grid: string;
  axis: string;
  text: string;
  font: string;
}

function readColours(host: HTMLElement): Colours {
  const style = getComputedStyle(host);
  const get = (name: string) => style.getPropertyValue(name).trim();
  const class0 = get('--tr-class0');
  const class1 = get('--tr-class1');
  return {
    series: [get('--tr-c1'), get('--tr-c2'), get('--tr-c3')],
    classes: [hexColour(class0) ?? [0, 114, 178], hexColour(class1) ?? [213, 94, 0]],
    classText: [class0, class1],
    ink: get('--tr-ink'),
    grid: get('--tr-grid'),
    axis: get('--tr-axis'),
    text: get('--tr-text'),
    font: style.fontFamily,
  };
}

/**
 * Take over a `<training-run>` element rendered by `TrainingRun.astro`.
 *
 * @param host - The element, with its build-time markup.
 * @param Chart - Chart.js's `Chart` class with the line controller, linear and logarithmic scales
 *   registered (see `../schedule-chart/chart-js.ts`).
 * @returns A handle whose `destroy()` stops the worker and removes the live parts.
 */
export function mountTrainingRun(host: HTMLElement, Chart: typeof ChartJs): { destroy(): void } {
  const locale: Locale = isLocale(host.dataset['locale']) ? host.dataset['locale'] : 'en';
  const t: Translate = readTranslator<TrainingRunKey>(host);
  const parsedBase = parseTrainingConfig(safeJson(host.dataset['config']));
  const base = parsedBase.ok ? parsedBase.config : DEFAULT_TRAINING_CONFIG;
  const abort = new AbortController();
  const { signal } = abort;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const boundaryBox = host.querySelector<HTMLElement>('.tr-boundary')!;
  const chartBox = host.querySelector<HTMLElement>('.tr-chart')!;
  const statusText = host.querySelector<HTMLElement>('.tr-status');
  const setupText = host.querySelector<HTMLElement>('.tr-setup');
  const outcomeText = host.querySelector<HTMLElement>('.tr-outcome');
  const tableBody = host.querySelector<HTMLElement>('.tr-table tbody');
  const buttons = {
    start: host.querySelector<HTMLButtonElement>('[data-action="start"]')!,
    step: host.querySelector<HTMLButtonElement>('[data-action="step"]')!,
    reset: host.querySelector<HTMLButtonElement>('[data-action="reset"]')!,
  };
  const share = host.querySelector<HTMLAnchorElement>('.tr-share');
  const fields = new Map<TrainingField, Field>();
  host.querySelectorAll<Field>('[data-field]').forEach((field) => {
    fields.set(field.dataset['field'] as TrainingField, field);
  });

  const boundary = document.createElement('canvas');
  boundary.setAttribute('role', 'img');
  boundaryBox.append(boundary);
  const chartCanvas = document.createElement('canvas');
  chartCanvas.setAttribute('role', 'img');
  chartCanvas.setAttribute('aria-label', t('chart.summary'));
  chartBox.append(chartCanvas);

  let colours = readColours(host);
  let config = base;
  let split: Split = makeSplit(config);
  let history: EpochMetrics[] = [];
  let restarts: number[] = [];
  let grid: DecisionGrid | undefined;
  let gridEpoch = 0;
  let status: SessionStatus = 'idle';
  let failed = false;
  let frameRequest = 0;
  let lastEdited: TrainingField | undefined;

  // --- The decision regions --------------------------------------------------------------------

  const sizeBoundary = () => {
    const ratio = window.devicePixelRatio || 1;
    const side = Math.max(1, Math.round(boundaryBox.clientWidth * ratio));
    if (boundary.width !== side || boundary.height !== side) {
      boundary.width = side;
      boundary.height = side;
    }
  };

  const drawBoundary = () => {
    const ctx = boundary.getContext('2d');
    if (!ctx) return;
    const side = boundary.width;
    const ratio = window.devicePixelRatio || 1;
    ctx.clearRect(0, 0, side, side);
    const [lo, hi] = grid?.domain ?? [-1.5, 1.5];
    const px = (x: number) => ((x - lo) / (hi - lo)) * side;
    const py = (y: number) => ((hi - y) / (hi - lo)) * side;
    if (grid) {
      const cells = document.createElement('canvas');
      cells.width = grid.resolution;
      cells.height = grid.resolution;
      const cellCtx = cells.getContext('2d');
      if (cellCtx) {
        const pixels = regionPixels(grid, colours.classes);
        cellCtx.putImageData(new ImageData(pixels, grid.resolution, grid.resolution), 0, 0);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(cells, 0, 0, side, side);
      }
      ctx.strokeStyle = colours.ink;
      ctx.lineWidth = 2 * ratio;
      ctx.lineJoin = 'round';
      for (const line of boundaryLines(grid)) {
        ctx.beginPath();
        line.forEach(([x, y], i) =>
          i === 0 ? ctx.moveTo(px(x), py(y)) : ctx.lineTo(px(x), py(y)),
        );
        ctx.stroke();
      }
    }
    const radius = 2.5 * ratio;
    ctx.lineWidth = 1 * ratio;
    const dots = (points: Float64Array, labels: Uint8Array, filled: boolean) => {
      for (let i = 0; i < labels.length; i += 1) {
        const colour = colours.classText[labels[i] === 1 ? 1 : 0];
        ctx.beginPath();
        ctx.arc(px(points[2 * i]!), py(points[2 * i + 1]!), radius, 0, 2 * Math.PI);
        if (filled) {
          ctx.fillStyle = colour;
          ctx.fill();
          ctx.strokeStyle = colours.ink;
          ctx.stroke();
        } else {
          ctx.strokeStyle = colour;
          ctx.lineWidth = 1.5 * ratio;
          ctx.stroke();
        }
      }
    };
    dots(split.train.points, split.train.labels, true);
    dots(split.validation.points, split.validation.labels, false);
    boundary.setAttribute(
      'aria-label',
      joinSentences(locale, [
        t('boundary.label', { epoch: formatCount(locale, gridEpoch) }),
        historySummary(t, locale, history),
      ]),
    );
  };

  // --- The chart -------------------------------------------------------------------------------

  const scales = (): Record<string, ScaleOptions> => ({
    x: countAxis(t('axis.epoch'), config.epochs, colours, (v) => formatCount(locale, v)),
    lr: bandAxis(
      {
        title: t('axis.lr'),
        type: 'linear',
        min: 0,
        max: niceDomain(0, config.lr * 1.05, 4)[1],
        label: (v) => formatValue(locale, v, 3),
      },
      colours,
    ),
    accuracy: bandAxis(
      {
        title: t('axis.valAccuracy'),
        type: 'linear',
        max: 1,
        label: (v) => formatAccuracy(locale, v),
      },
      colours,
    ),
    loss: bandAxis(
      {
        title: t('axis.trainLoss'),
        type: 'logarithmic',
        // A loss spans about one decade here: label 1, 2 and 5 times powers of ten.
        label: (v) => {
          const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-12);
          return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)
            ? formatValue(locale, v, 3)
            : '';
        },
      },
      colours,
    ),
  });

  const chart = stackedChart<ChartPoint>(Chart, chartCanvas, {
    box: chartBox,
    locale,
    font: colours.font,
    series: [
      [t('axis.trainLoss'), 'loss', colours.series[0]],
      [t('axis.valAccuracy'), 'accuracy', colours.series[1]],
      [t('axis.lr'), 'lr', colours.series[2]],
    ],
    scales: scales(),
    plugins: [
      verticalMarks('trRestarts', () =>
        restarts.map((x) => ({ x, colour: colours.axis, dash: [4, 4], width: 1 })),
      ),
    ],
    readout: {
      title: (x) => t('tooltip.epoch', { epoch: formatCount(locale, x) }),
      line: (dataset, y) =>
        t('tooltip.value', {
          label: dataset.label ?? '',
          value:
            dataset.yAxisID === 'accuracy' ? formatAccuracy(locale, y) : formatValue(locale, y),
        }),
    },
  });

  const recolour = () => recolourChart(chart, colours.series, scales());

  // --- Drawing, at most once per frame ---------------------------------------------------------

  const draw = () => {
    frameRequest = 0;
    chart.update('none');
    drawBoundary();
    if (outcomeText) outcomeText.textContent = historySummary(t, locale, history);
    const last = history.at(-1);
    if (statusText && status === 'running' && last) {
      statusText.textContent = epochStatus(t, locale, last, config.epochs);
    }
  };

  const schedule = () => {
    if (frameRequest === 0) frameRequest = requestAnimationFrame(guarded(draw));
  };

  // --- Words and buttons -----------------------------------------------------------------------

  const announce = (text: string) => {
    if (statusText) statusText.textContent = text;
  };

  const updateButtons = () => {
    const done = history.length >= config.epochs;
    const canResume = status === 'paused' && history.length > 0 && !done;
    buttons.start.textContent = t(
      status === 'running' ? 'button.pause' : canResume ? 'button.resume' : 'button.start',
    );
    buttons.start.disabled = failed;
    buttons.step.disabled = failed || status !== 'paused' || done;
    buttons.reset.disabled = failed;
    host.dataset['status'] = status;
    host.dataset['epoch'] = String(history.length);
  };

  const describeStatus = () => {
    const last = history.at(-1);
    const progress = last ? epochStatus(t, locale, last, config.epochs) : '';
    switch (status) {
      case 'running':
        return progress;
      case 'paused':
        return last ? joinSentences(locale, [t('status.paused'), progress]) : t('status.ready');
      case 'finished':
        return joinSentences(locale, [t('status.finished'), progress]);
      case 'diverged':
        return joinSentences(locale, [t('status.diverged'), progress]);
      case 'idle':
        return t('status.ready');
    }
  };

  const appendRow = (metrics: EpochMetrics) => {
    if (!tableBody) return;
    const row = document.createElement('tr');
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = formatCount(locale, metrics.epoch);
    row.append(head);
    for (const text of [
      formatValue(locale, metrics.trainLoss),
      formatAccuracy(locale, metrics.valAccuracy),
      formatValue(locale, metrics.lrUsed),
    ]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    tableBody.append(row);
  };

  // --- Settings --------------------------------------------------------------------------------

  const showScheduleFields = () => {
    const chosen = fields.get('schedule')?.value ?? config.schedule;
    host.querySelectorAll<HTMLElement>('.tr-field[data-schedules]').forEach((wrapper) => {
      wrapper.hidden = !(wrapper.dataset['schedules'] ?? '').split(' ').includes(chosen);
    });
  };

  const writeFields = (next: TrainingConfig) => {
    const texts = serializeTrainingConfig(next);
    for (const [name, field] of fields) field.value = texts[name];
    showScheduleFields();
  };

  const readFieldTexts = (): Record<string, string> => {
    const record: Record<string, string> = {};
    for (const [name, field] of fields) record[name] = field.value;
    return record;
  };

  const clearProblems = () => clearFieldProblems(host, 'tr-error', fields.values());

  const showProblems = (problems: readonly ConfigProblem<string>[]) => {
    clearProblems();
    const messages = showFieldProblems(problems, {
      errorClass: 'tr-error',
      fieldOf: (problem) =>
        fields.get((problem.field ?? lastEdited ?? 'lr') as TrainingField) ??
        fields.get(lastEdited ?? 'lr'),
      message: (problem) => problemMessage(t, locale, problem),
      pytorchLabel: t('error.pytorch'),
      place: (field, error) => field.closest('.tr-field')?.append(error),
    });
    announce(joinSentences(locale, [...messages, t('status.kept')]));
  };

  /** The settings in the fields, or `undefined` (with the problems shown) when one is rejected. */
  const fieldConfig = (): TrainingConfig | undefined => {
    const parsed = parseTrainingConfig(readFieldTexts(), base);
    if (!parsed.ok) {
      showProblems(parsed.problems);
      return undefined;
    }
    clearProblems();
    return parsed.config;
  };

  // --- The worker ------------------------------------------------------------------------------

  const options = (): SessionOptions =>
    reducedMotion.matches
      ? { gridResolution: GRID_RESOLUTION, gridEvery: 10, epochsPerTick: 10, tickMs: 200 }
      : { gridResolution: GRID_RESOLUTION, gridEvery: 5, epochsPerTick: 1, tickMs: 16 };

  // The worker's script arrives after the chart is drawn; requests made before wait for it.
  let worker: Worker | undefined;
  let destroyed = false;
  const waiting: WorkerRequest[] = [];
  const send = (request: WorkerRequest) => {
    if (worker) worker.postMessage(request);
    else waiting.push(request);
  };
  const sendWith = (type: 'start' | 'reset', next: TrainingConfig) =>
    send({ type, config: serializeTrainingConfig(next), options: options() });

  const onMessage = (message: WorkerResponse) => {
    switch (message.type) {
      case 'config': {
        config = message.config;
        if (share) share.href = shareHash(host.id, serializeTrainingConfig(config));
        split = makeSplit(config);
        history = [];
        restarts = [];
        grid = undefined;
        gridEpoch = 0;
        chart.data.datasets.forEach((set) => {
          set.data = [];
        });
        chart.options.scales = scales();
        tableBody?.replaceChildren();
        if (setupText) setupText.textContent = setupSummary(t, locale, config);
        schedule();
        return;
      }
      case 'epoch': {
        const { metrics } = message;
        history.push(metrics);
        const points = epochPoints(metrics);
        const [loss, accuracy, lr] = chart.data.datasets;
        loss!.data.push(points.trainLoss);
        accuracy!.data.push(points.valAccuracy);
        lr!.data.push(points.lr);
        if (history.length > 1 && metrics.lrUsed > history.at(-2)!.lrUsed) {
          restarts = restartEpochs(history);
        }
        appendRow(metrics);
        updateButtons();
        schedule();
        return;
      }
      case 'grid':
        grid = message.grid;
        gridEpoch = message.epoch;
        schedule();
        return;
      case 'status': {
        const wasRunning = status === 'running';
        status = message.status;
        updateButtons();
        // While running the line changes every epoch; it is read out when the run stops.
        statusText?.setAttribute('aria-live', status === 'running' ? 'off' : 'polite');
        if (status !== 'running' || !wasRunning) announce(describeStatus());
        return;
      }
      case 'error':
        if (message.key === 'config') {
          showProblems(message.problems);
        } else {
          announce(t('status.failed'));
        }
        return;
    }
  };

  const onFailure = guarded(() => {
    failed = true;
    updateButtons();
    announce(t('status.failed'));
  });

  const connect = (started: Worker) => {
    if (destroyed) {
      started.terminate();
      return;
    }
    started.addEventListener(
      'message',
      guarded((event: MessageEvent<WorkerResponse>) => onMessage(event.data)),
      { signal },
    );
    started.addEventListener('error', onFailure, { signal });
    worker = started;
    for (const request of waiting.splice(0)) started.postMessage(request);
  };

  function guarded<A extends unknown[]>(action: (...args: A) => void) {
    return (...args: A) => {
      try {
        action(...args);
      } catch (error) {
        // A bug must not break the page: say so beside the settings.
        showProblems([
          { field: null, key: 'invalid', values: { name: '' }, pytorch: String(error) },
        ]);
      }
    };
  }

  // --- Controls --------------------------------------------------------------------------------

  buttons.start.addEventListener(
    'click',
    guarded(() => {
      const done = history.length >= config.epochs;
      if (status === 'running') {
        send({ type: 'pause' });
      } else if (status === 'paused' && history.length > 0 && !done) {
        send({ type: 'resume' });
      } else {
        const next = fieldConfig();
        if (next) sendWith('start', next);
      }
    }),
    { signal },
  );
  buttons.step.addEventListener(
    'click',
    guarded(() => send({ type: 'step' })),
    { signal },
  );
  buttons.reset.addEventListener(
    'click',
    guarded(() => {
      const next = fieldConfig();
      if (next) sendWith('reset', next);
    }),
    { signal },
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const [name, field] of fields) {
    field.disabled = false;
    const onEdit = (delay: number) => () => {
      lastEdited = name;
      if (name === 'schedule') showScheduleFields();
      clearTimeout(timer);
      timer = setTimeout(
        guarded(() => {
          const next = fieldConfig();
          // A new valid setting starts over from epoch 0, so the picture always matches the fields.
          if (next && JSON.stringify(next) !== JSON.stringify(config)) sendWith('reset', next);
        }),
        delay,
      );
    };
    field.addEventListener('input', onEdit(EDIT_DELAY), { signal });
    field.addEventListener('change', onEdit(0), { signal });
  }

  const resizeObserver = new ResizeObserver(
    guarded(() => {
      sizeBoundary();
      drawBoundary();
    }),
  );
  resizeObserver.observe(boundaryBox);

  const stopTheme = onThemeChange(
    guarded(() => {
      colours = readColours(host);
      recolour();
      schedule();
    }),
  );

  sizeBoundary();
  updateButtons();
  announce(t('status.ready'));
  statusText?.setAttribute('aria-live', 'polite');
  /**
   * Apply the setup of a shared address (`#<id>?…`) meant for this element, if valid. Following
   * the widget's own link to the setup it shows changes nothing, so a run in progress goes on.
   */
  const applyShared = (initial: boolean): boolean => {
    const shared = readShareHash(location.hash, host.id, Object.keys(trainingFieldRules));
    if (shared === undefined) return false;
    const parsed = parseTrainingConfig(shared, base);
    if (!parsed.ok) return false;
    if (!initial && JSON.stringify(parsed.config) === JSON.stringify(config)) return true;
    writeFields(parsed.config);
    clearProblems();
    sendWith('reset', parsed.config);
    return true;
  };
  window.addEventListener(
    'hashchange',
    guarded(() => {
      applyShared(false);
    }),
    { signal },
  );
  if (applyShared(true)) host.scrollIntoView({ block: 'center' });
  else sendWith('reset', base);
  requestAnimationFrame(() => {
    import('./start-worker.ts').then(({ startWorker }) => connect(startWorker()), onFailure);
  });
  host.dataset['live'] = '';

  return {
    destroy() {
      destroyed = true;
      abort.abort();
      worker?.terminate();
      stopTheme();
      resizeObserver.disconnect();
      clearTimeout(timer);
      if (frameRequest) cancelAnimationFrame(frameRequest);
      chart.destroy();
      boundary.remove();
      chartCanvas.remove();
      clearProblems();
      delete host.dataset['live'];
      for (const field of fields.values()) field.disabled = true;
      for (const button of Object.values(buttons)) button.disabled = true;
    },
  };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '{}');
  } catch {
    return {};
  }
}
