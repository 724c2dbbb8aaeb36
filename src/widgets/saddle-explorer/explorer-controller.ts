/**
 * The live part of `<saddle-explorer>`, loaded on demand by `element.ts`: runs the model for the
 * reader's settings, draws the path on a canvas over the build-time surface, plays it with
 * `requestAnimationFrame` (or shows it whole, when the reader prefers reduced motion), charts
 * loss, gradient norm and learning rate per step with Chart.js, and lets the reader pick the start
 * point with the mouse or the keyboard.
 *
 * Nothing thrown inside escapes to the page: a rejected value becomes a localized message beside
 * its field, and the last valid run stays on screen.
 *
 * @module
 */
import type { Chart as ChartJs } from 'chart.js';
import { onThemeChange } from '../../components/theme.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import type { SaddleExplorerKey } from '../../i18n/widgets/saddle-explorer.ts';
import { readTranslator } from '../shared/strings.ts';
import { saddleFigure } from '../saddle-surface/model.ts';
import { verticalMarks, type VerticalMark } from '../shared/chart-marks.ts';
import { clearFieldProblems, showFieldProblems, type Field } from '../shared/field-problems.ts';
import {
  bandAxis,
  countAxis,
  recolourChart,
  stackedChart,
  type ScaleOptions,
} from '../shared/stacked-chart.ts';
import {
  advance,
  createRun,
  DEFAULT_EXPLORER_CONFIG,
  escapeStep,
  parseExplorerConfig,
  serializeExplorerConfig,
  type ConfigProblem,
  type ExplorerConfig,
  type ExplorerField,
  type ExplorerRun,
} from './model.ts';
import {
  chartRanges,
  chartSeries,
  clampedView,
  ESCAPE_THRESHOLD,
  formatCount,
  formatValue,
  isCursorKey,
  joinSentences,
  moveCursor,
  pickStart,
  pointsUpTo,
  problemMessage,
  readShareHash,
  restartSteps,
  runSummary,
  shareHash,
  stepStatus,
  stepsPerFrame,
  surfaceFrame,
  thinSeries,
  type ChartPoint,
  type ChartRanges,
  type ChartSeries,
  type Translate,
} from './view.ts';

/** Pause after the last keystroke in a field before recomputing, in milliseconds. */
const EDIT_DELAY = 120;

interface Colours {
  path: string;
  current: string;
  series: [string, string, string];
  grid: string;
  axis: string;
  text: string;
  background: string;
  font: string;
}

function readColours(host: HTMLElement): Colours {
  const style = getComputedStyle(host);
  const get = (name: string) => style.getPropertyValue(name).trim();
  return {
    path: get('--se-path'),
    current: get('--se-escape'),
    series: [get('--se-c1'), get('--se-c2'), get('--se-c3')],
    grid: get('--se-grid'),
    axis: get('--se-axis'),
    text: get('--se-text'),
    background: get('--se-bg'),
    font: style.fontFamily,
  };
}

/** A run computed in full, with what the chart and the drawing need from it. */
interface Computed {
  readonly config: ExplorerConfig;
  readonly run: ExplorerRun;
  /** The chart's curves, thinned for drawing. */
  readonly series: ChartSeries;
  readonly ranges: ChartRanges;
  readonly restarts: number[];
  readonly escape: number | undefined;
}

function compute(config: ExplorerConfig): Computed {
  const run = createRun(config);
  advance(run);
  return {
    config,
    run,
    series: thinSeries(chartSeries(run.points)),
    ranges: chartRanges(run.points),
    restarts: restartSteps(run.points, config.schedule),
    escape: escapeStep(run.points, ESCAPE_THRESHOLD),
  };
}

/**
 * Take over a `<saddle-explorer>` element rendered by `SaddleExplorer.astro`.
 *
 * @param host - The element, with its build-time markup.
 * @param Chart - Chart.js's `Chart` class with the line controller, linear and logarithmic scales
 *   registered (see `../schedule-chart/chart-js.ts`).
 * @returns A handle whose `destroy()` removes the live parts and every listener.
 */
export function mountSaddleExplorer(host: HTMLElement, Chart: typeof ChartJs): { destroy(): void } {
  const locale: Locale = isLocale(host.dataset['locale']) ? host.dataset['locale'] : 'en';
  const t: Translate = readTranslator<SaddleExplorerKey>(host);
  const parsedBase = parseExplorerConfig(safeJson(host.dataset['config']));
  const base = parsedBase.ok ? parsedBase.config : DEFAULT_EXPLORER_CONFIG;
  const frame = surfaceFrame(saddleFigure('x2-y2'));
  const abort = new AbortController();
  const { signal } = abort;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const surface = host.querySelector<HTMLElement>('.se-surface')!;
  const chartBox = host.querySelector<HTMLElement>('.se-chart')!;
  const summaryText = host.querySelector<HTMLElement>('.se-summary');
  const statusText = host.querySelector<HTMLElement>('.se-status');
  const share = host.querySelector<HTMLAnchorElement>('.se-share');
  const help = host.querySelector<HTMLElement>('.se-help');
  const buttons = {
    play: host.querySelector<HTMLButtonElement>('[data-action="play"]')!,
    step: host.querySelector<HTMLButtonElement>('[data-action="step"]')!,
    reset: host.querySelector<HTMLButtonElement>('[data-action="reset"]')!,
  };
  const fields = new Map<ExplorerField, Field>();
  host.querySelectorAll<Field>('[data-field]').forEach((field) => {
    fields.set(field.dataset['field'] as ExplorerField, field);
  });

  const overlay = document.createElement('canvas');
  overlay.setAttribute('role', 'img');
  surface.append(overlay);
  const chartCanvas = document.createElement('canvas');
  chartCanvas.setAttribute('role', 'img');
  chartBox.append(chartCanvas);

  surface.tabIndex = 0;
  surface.setAttribute('role', 'application');
  surface.setAttribute('aria-label', t('picker.label'));
  if (help?.id) surface.setAttribute('aria-describedby', help.id);

  let colours = readColours(host);
  let state = compute(base);
  let shown = state.run.points.length - 1;
  let playing = false;
  let frameRequest = 0;
  let cursor: { x: number; y: number } | undefined;
  let cursorVisible = false;
  let lastEdited: ExplorerField | undefined;

  const lastIndex = () => state.run.points.length - 1;

  // --- The path over the surface -------------------------------------------------------------

  const sizeOverlay = () => {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(surface.clientWidth * ratio));
    const height = Math.max(1, Math.round(surface.clientHeight * ratio));
    if (overlay.width !== width || overlay.height !== height) {
      overlay.width = width;
      overlay.height = height;
    }
  };

  const drawOverlay = () => {
    const ctx = overlay.getContext('2d');
    if (!ctx) return;
    const scale = overlay.width / frame.size;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(frame.left, frame.top, frame.side, frame.side);
    ctx.clip();
    const points = state.run.points;
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = colours.path;
    ctx.beginPath();
    for (let i = 0; i <= shown; i += 1) {
      const [vx, vy] = clampedView(frame, points[i]!.x, points[i]!.y);
      if (i === 0) ctx.moveTo(vx, vy);
      else ctx.lineTo(vx, vy);
    }
    ctx.stroke();
    const [sx, sy] = clampedView(frame, points[0]!.x, points[0]!.y);
    ctx.fillStyle = colours.background;
    ctx.beginPath();
    ctx.arc(sx, sy, 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    const current = points[shown]!;
    const [cx, cy] = clampedView(frame, current.x, current.y);
    ctx.fillStyle = colours.current;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(cx, cy, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    if (cursor && cursorVisible) {
      const [kx, ky] = clampedView(frame, cursor.x, cursor.y);
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(kx, frame.top);
      ctx.lineTo(kx, frame.top + frame.side);
      ctx.moveTo(frame.left, ky);
      ctx.lineTo(frame.left + frame.side, ky);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(kx, ky, 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.restore();
  };

  // --- The chart -------------------------------------------------------------------------------

  const scales = (): Record<string, ScaleOptions> => {
    const { ranges, config } = state;
    const value = (v: number) => formatValue(locale, v, 3);
    return {
      x: countAxis(t('axis.step'), config.steps, colours, (v) => formatCount(locale, v)),
      lr: bandAxis(
        { title: t('axis.lr'), type: 'linear', min: ranges.lr[0], max: ranges.lr[1], label: value },
        colours,
      ),
      grad: bandAxis(
        {
          title: t('axis.gradNorm'),
          type: 'logarithmic',
          min: ranges.gradNorm[0],
          max: ranges.gradNorm[1],
          label: (v) =>
            Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? value(v) : '',
        },
        colours,
      ),
      loss: bandAxis(
        {
          title: t('axis.loss'),
          type: 'linear',
          min: ranges.loss[0],
          max: ranges.loss[1],
          label: value,
        },
        colours,
      ),
    };
  };

  const marks = (): VerticalMark[] => {
    const shownMarks: VerticalMark[] = state.restarts
      .filter((step) => step <= shown)
      .map((x) => ({ x, colour: colours.axis, dash: [4, 4], width: 1 }));
    if (state.escape !== undefined && state.escape <= shown) {
      shownMarks.push({ x: state.escape, colour: colours.current, dash: [], width: 2 });
    }
    return shownMarks;
  };

  const chart = stackedChart<ChartPoint>(Chart, chartCanvas, {
    box: chartBox,
    locale,
    font: colours.font,
    series: [
      [t('axis.loss'), 'loss', colours.series[0]],
      [t('axis.gradNorm'), 'grad', colours.series[1]],
      [t('axis.lr'), 'lr', colours.series[2]],
    ],
    scales: scales(),
    plugins: [verticalMarks('seMarks', marks)],
    readout: {
      title: (x) => t('tooltip.step', { step: formatCount(locale, x) }),
      line: (dataset, y) =>
        t('tooltip.value', { label: dataset.label ?? '', value: formatValue(locale, y) }),
    },
  });

  const recolour = () => recolourChart(chart, colours.series, scales());

  const updateChart = () => {
    const [loss, grad, lr] = chart.data.datasets;
    loss!.data = pointsUpTo(state.series.loss, shown);
    grad!.data = pointsUpTo(state.series.gradNorm, shown);
    lr!.data = pointsUpTo(state.series.lr, shown);
    chart.update('none');
  };

  // --- Words -----------------------------------------------------------------------------------

  const summary = () => runSummary(t, locale, state.config, state.run.points, state.run.status);

  const announce = (text: string) => {
    if (statusText) statusText.textContent = text;
  };

  const describeStep = () => stepStatus(t, locale, state.run.points[shown]!, state.config);

  const render = () => {
    drawOverlay();
    updateChart();
    const atEnd = shown >= lastIndex();
    buttons.step.disabled = atEnd;
    buttons.reset.disabled = shown === 0 && !playing;
    buttons.play.textContent = t(playing ? 'button.pause' : 'button.play');
    buttons.play.setAttribute('aria-pressed', String(playing));
  };

  const describeRun = () => {
    const text = summary();
    if (summaryText) summaryText.textContent = text;
    overlay.setAttribute('aria-label', text);
    chartCanvas.setAttribute(
      'aria-label',
      joinSentences(locale, [
        t('chart.summary', { steps: formatCount(locale, state.config.steps) }),
        text,
      ]),
    );
    if (share) share.href = shareHash(host.id, state.config);
    host.dataset['floor'] = String(state.config.floor);
  };

  // --- Playing ---------------------------------------------------------------------------------

  const stop = () => {
    if (frameRequest) cancelAnimationFrame(frameRequest);
    frameRequest = 0;
    if (!playing) return;
    playing = false;
    statusText?.setAttribute('aria-live', 'polite');
  };

  const tick = () => {
    frameRequest = 0;
    if (!playing) return;
    shown = Math.min(lastIndex(), shown + stepsPerFrame(state.config.steps));
    if (shown >= lastIndex()) stop();
    render();
    // While playing the line changes every frame; it is read out once the run stops.
    if (statusText) statusText.textContent = describeStep();
    if (playing) frameRequest = requestAnimationFrame(guarded(tick));
  };

  const play = () => {
    if (playing) {
      stop();
      render();
      announce(describeStep());
      return;
    }
    if (shown >= lastIndex()) shown = 0;
    if (reducedMotion.matches) {
      // No animation: the whole run at once.
      shown = lastIndex();
      render();
      announce(describeStep());
      return;
    }
    playing = true;
    statusText?.setAttribute('aria-live', 'off');
    render();
    frameRequest = requestAnimationFrame(guarded(tick));
  };

  const stepOnce = () => {
    stop();
    if (shown < lastIndex()) shown += 1;
    render();
    announce(describeStep());
  };

  const reset = () => {
    stop();
    shown = 0;
    render();
    announce(describeStep());
  };

  // --- Settings --------------------------------------------------------------------------------

  const showScheduleFields = () => {
    const schedule = fields.get('schedule')?.value ?? state.config.schedule;
    host.querySelectorAll<HTMLElement>('.se-field[data-schedules]').forEach((wrapper) => {
      wrapper.hidden = !(wrapper.dataset['schedules'] ?? '').split(' ').includes(schedule);
    });
  };

  const writeFields = (config: ExplorerConfig) => {
    const texts = serializeExplorerConfig(config);
    for (const [name, field] of fields) {
      if (field instanceof HTMLInputElement && field.type === 'checkbox') {
        field.checked = texts[name] === 'true';
      } else {
        field.value = texts[name];
      }
    }
    showScheduleFields();
  };

  const readFieldTexts = (): Record<string, string> => {
    const record: Record<string, string> = {};
    for (const [name, field] of fields) {
      record[name] =
        field instanceof HTMLInputElement && field.type === 'checkbox'
          ? String(field.checked)
          : field.value;
    }
    return record;
  };

  const clearProblems = () => clearFieldProblems(host, 'se-error', fields.values());

  const showProblems = (problems: readonly ConfigProblem<ExplorerField>[]) => {
    clearProblems();
    const messages = showFieldProblems(problems, {
      errorClass: 'se-error',
      fieldOf: (problem) => fields.get(problem.field ?? lastEdited ?? 'lr'),
      message: (problem) => problemMessage(t, locale, problem),
      pytorchLabel: t('error.pytorch'),
      place: (field, error) => field.closest('.se-field')?.append(error),
    });
    announce(joinSentences(locale, [...messages, t('status.kept')]));
  };

  /** Apply a configuration: compute the run and show all of it at once. */
  const apply = (config: ExplorerConfig) => {
    stop();
    state = compute(config);
    shown = lastIndex();
    cursor = { x: config.x0, y: config.y0 };
    chart.options.scales = scales();
    describeRun();
    render();
  };

  const recompute = () => {
    const parsed = parseExplorerConfig(readFieldTexts(), state.config);
    if (!parsed.ok) {
      showProblems(parsed.problems);
      return;
    }
    clearProblems();
    apply(parsed.config);
    announce(describeStep());
  };

  const applyShared = (): boolean => {
    const shared = readShareHash(location.hash, host.id);
    if (shared === undefined) return false;
    const parsed = parseExplorerConfig(shared, base);
    if (!parsed.ok) return false;
    writeFields(parsed.config);
    clearProblems();
    apply(parsed.config);
    return true;
  };

  function guarded<A extends unknown[]>(action: (...args: A) => void) {
    return (...args: A) => {
      try {
        action(...args);
      } catch (error) {
        // A bug must not break the page: stop and say so beside the settings.
        stop();
        showProblems([
          { field: null, key: 'invalid', values: { name: '' }, pytorch: String(error) },
        ]);
      }
    };
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const [name, field] of fields) {
    field.disabled = false;
    const onEdit = (delay: number) => () => {
      lastEdited = name;
      if (name === 'schedule') showScheduleFields();
      clearTimeout(timer);
      timer = setTimeout(guarded(recompute), delay);
    };
    field.addEventListener('input', onEdit(EDIT_DELAY), { signal });
    field.addEventListener('change', onEdit(0), { signal });
  }
  for (const button of Object.values(buttons)) button.disabled = false;
  buttons.play.addEventListener('click', guarded(play), { signal });
  buttons.step.addEventListener('click', guarded(stepOnce), { signal });
  buttons.reset.addEventListener('click', guarded(reset), { signal });

  const setStart = (x: number, y: number) => {
    const x0 = fields.get('x0');
    const y0 = fields.get('y0');
    if (x0) x0.value = String(x);
    if (y0) y0.value = String(y);
    lastEdited = 'x0';
    clearTimeout(timer);
    recompute();
    const coordinates = { x: formatValue(locale, x), y: formatValue(locale, y) };
    announce(joinSentences(locale, [t('picker.set', coordinates), describeStep()]));
  };

  surface.addEventListener(
    'click',
    guarded((event: MouseEvent) => {
      const rect = surface.getBoundingClientRect();
      if (rect.width === 0) return;
      const scale = frame.size / rect.width;
      const picked = pickStart(
        frame,
        (event.clientX - rect.left) * scale,
        (event.clientY - rect.top) * scale,
      );
      if (!picked) return;
      cursor = picked;
      setStart(picked.x, picked.y);
    }),
    { signal },
  );

  surface.addEventListener(
    'keydown',
    guarded((event: KeyboardEvent) => {
      if (isCursorKey(event.key)) {
        event.preventDefault();
        cursor = moveCursor(
          frame.domain,
          cursor ?? { x: state.config.x0, y: state.config.y0 },
          event.key,
          event.shiftKey,
        );
        cursorVisible = true;
        drawOverlay();
        announce(
          t('picker.cursor', {
            x: formatValue(locale, cursor.x),
            y: formatValue(locale, cursor.y),
          }),
        );
      } else if (event.key === 'Enter' && cursor) {
        event.preventDefault();
        setStart(cursor.x, cursor.y);
      }
    }),
    { signal },
  );
  surface.addEventListener(
    'focus',
    guarded(() => {
      cursorVisible = true;
      drawOverlay();
    }),
    { signal },
  );
  surface.addEventListener(
    'blur',
    guarded(() => {
      cursorVisible = false;
      drawOverlay();
    }),
    { signal },
  );

  window.addEventListener(
    'hashchange',
    guarded(() => {
      applyShared();
    }),
    { signal },
  );

  const resizeObserver = new ResizeObserver(
    guarded(() => {
      sizeOverlay();
      drawOverlay();
    }),
  );
  resizeObserver.observe(surface);

  const stopTheme = onThemeChange(
    guarded(() => {
      colours = readColours(host);
      recolour();
      render();
    }),
  );

  reducedMotion.addEventListener(
    'change',
    guarded(() => {
      if (reducedMotion.matches && playing) {
        stop();
        shown = lastIndex();
        render();
      }
    }),
    { signal },
  );

  sizeOverlay();
  cursor = { x: state.config.x0, y: state.config.y0 };
  if (applyShared()) {
    surface.scrollIntoView({ block: 'center' });
  } else {
    describeRun();
    render();
  }
  // The first status is written before the region goes live, so it is not read out on arrival.
  announce(describeStep());
  statusText?.setAttribute('aria-live', 'polite');
  host.dataset['live'] = '';

  return {
    destroy() {
      stop();
      abort.abort();
      stopTheme();
      resizeObserver.disconnect();
      clearTimeout(timer);
      chart.destroy();
      overlay.remove();
      chartCanvas.remove();
      clearProblems();
      surface.removeAttribute('tabindex');
      surface.removeAttribute('role');
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
