/**
 * The live part of `<schedule-chart>`, loaded on demand by `element.ts`: draws the chart with
 * Chart.js, recomputes it with the scheduler engine when the reader edits a value, and runs the
 * toolbar (PyTorch/TypeScript code, copy, log scale), the accessible summary and the data table.
 *
 * Nothing thrown inside escapes to the page: input that the engine rejects becomes a localized
 * message beside the field, and the last valid chart stays.
 *
 * @module
 */
import type { Chart as ChartJs, ChartDataset, ChartOptions } from 'chart.js';
import { onThemeChange } from '../../components/theme.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { baseLineOptions } from '../shared/line-dataset.ts';
import type { ScheduleChartKey } from '../../i18n/widgets/schedule-chart.ts';
import { verticalMarks, type VerticalMark } from '../shared/chart-marks.ts';
import { clearFieldProblems, showFieldProblems, type Field } from '../shared/field-problems.ts';
import { hoverReadout } from '../shared/hover-readout.ts';
import { readTranslator } from '../shared/strings.ts';
import { loadCode, type CodeModule } from './load-code.ts';
import {
  applyTexts,
  dataTable,
  evaluate,
  provideSchedulers,
  summarize,
  type ChartSpec,
  type Curve,
  type FieldProblem,
} from './model.ts';
import { schedulerClasses } from './schedulers.ts';
import {
  chartSummary,
  formatEpoch,
  formatLr,
  joinSentences,
  problemMessage,
  tableNote,
  type Translate,
} from './text.ts';

/** Pause after the last keystroke before recomputing, in milliseconds. */
const EDIT_DELAY = 120;
/** How long the copy button says "Copied", in milliseconds. */
const COPIED_DELAY = 2000;
const SERIES_COLOURS = 6;

type Point = { x: number; y: number };
type ScaleOptions = NonNullable<ChartOptions<'line'>['scales']>[string];

interface Colours {
  series: string[];
  grid: string;
  axis: string;
  text: string;
  font: string;
}

function readColours(host: HTMLElement): Colours {
  const style = getComputedStyle(host);
  const get = (name: string) => style.getPropertyValue(name).trim();
  return {
    series: Array.from({ length: SERIES_COLOURS }, (_, i) => get(`--sc-s${i + 1}`)),
    grid: get('--sc-grid'),
    axis: get('--sc-axis'),
    text: get('--sc-text'),
    font: style.fontFamily,
  };
}

function points(curve: Pick<Curve, 'x' | 'lr'>): Point[] {
  return Array.from(curve.x, (x, i) => ({ x, y: curve.lr[i]! }));
}

/** Curves of a chart whose schedulers the browser cannot rebuild (they take functions). */
function samplesFrom(json: string): Curve[] {
  const raw = JSON.parse(json) as {
    label: string;
    x: number[];
    lr: number[];
    restarts: number[];
  }[];
  return raw.map((curve) => ({
    label: curve.label,
    x: Float64Array.from(curve.x),
    lr: Float64Array.from(curve.lr),
    restarts: curve.restarts,
    summary: summarize(curve.lr),
  }));
}

function logTickLabel(locale: Locale, value: number): string {
  if (!(value > 0)) return '';
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-12);
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? formatLr(locale, value, 3) : '';
}

/**
 * Take over a `<schedule-chart>` element rendered by `ScheduleChart.astro`.
 *
 * @param host - The element, with its build-time markup.
 * @param Chart - Chart.js's `Chart` class with the line controller, linear and logarithmic scales
 *   registered (see `chart-js.ts`).
 * @returns A handle whose `destroy()` removes the chart and every listener.
 */
export function mountScheduleChart(host: HTMLElement, Chart: typeof ChartJs): { destroy(): void } {
  const locale: Locale = isLocale(host.dataset['locale']) ? host.dataset['locale'] : 'en';
  const t: Translate = readTranslator<ScheduleChartKey>(host);
  provideSchedulers(schedulerClasses);
  const baseSpec = JSON.parse(host.dataset['config'] ?? '{}') as ChartSpec;
  const samples = host.dataset['samples'];
  const editable = samples === undefined;
  const initial = editable ? evaluate(baseSpec) : undefined;
  let curves: readonly Curve[] = samples !== undefined ? samplesFrom(samples) : [];
  if (initial?.ok) curves = initial.curves;
  if (curves.length === 0) return { destroy() {} };

  let spec = baseSpec;
  let valid = true;
  let language: 'python' | 'typescript' = 'python';
  let lastEdited: string | undefined;
  const abort = new AbortController();
  const { signal } = abort;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const multi = curves.length > 1;

  const plot = host.querySelector<HTMLElement>('.sc-plot')!;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  plot.append(canvas);

  let colours = readColours(host);
  const restartMarks = (next: readonly Curve[]): VerticalMark[] =>
    spec.markRestarts
      ? next.flatMap((curve, i) =>
          curve.restarts.map((x) => ({
            x,
            colour: colours.series[i % SERIES_COLOURS]!,
            dash: [4, 4],
            width: 1,
          })),
        )
      : [];
  let restartLines = restartMarks(curves);
  const motion = () => (reducedMotion.matches ? false : { duration: 250 });

  const dataset = (curve: Curve, i: number): ChartDataset<'line', Point[]> => ({
    label: curve.label,
    data: points(curve),
    borderColor: colours.series[i % SERIES_COLOURS]!,
    backgroundColor: colours.series[i % SERIES_COLOURS]!,
    borderWidth: 2,
    pointRadius: 0,
    pointHoverRadius: 4,
    pointHitRadius: 4,
    tension: 0,
  });

  const axis = (title: string) => ({
    title: { display: true, text: title, color: colours.text },
    grid: { color: colours.grid },
    border: { color: colours.axis },
    ticks: { color: colours.axis },
  });

  const logInput = host.querySelector<HTMLInputElement>('[data-action="log"]');
  const xScale = (): ScaleOptions => ({
    ...axis(t('axis.epoch')),
    type: 'linear',
    min: 0,
    max: spec.epochs,
    ticks: {
      color: colours.axis,
      callback: (value) => formatEpoch(locale, Number(value)),
    },
  });
  const yScale = (log: boolean): ScaleOptions => ({
    ...axis(t('axis.lr')),
    type: log ? 'logarithmic' : 'linear',
    ...(log ? {} : { beginAtZero: true }),
    ticks: {
      color: colours.axis,
      callback: (value) =>
        log ? logTickLabel(locale, Number(value)) : formatLr(locale, Number(value), 3),
    },
  });

  const chart = new Chart<'line', Point[]>(canvas, {
    type: 'line',
    data: { datasets: curves.map(dataset) },
    options: {
      // No animation: the build-time SVG already showed this curve, the first drawing does not
      // animate it in (later updates do, see onMotion).
      ...baseLineOptions(locale, colours.font),
      scales: { x: xScale(), y: yScale(logInput?.checked ?? false) },
    },
    plugins: [
      verticalMarks('scRestarts', () => restartLines),
      hoverReadout(plot, {
        title: (x) => t('tooltip.epoch', { epoch: formatEpoch(locale, x) }),
        line: (dataset, y) => {
          const lr = formatLr(locale, y, 6);
          return multi
            ? t('tooltip.series', { label: dataset.label ?? '', lr })
            : t('tooltip.value', { lr });
        },
      }),
    ],
  });

  const live = host.querySelector<HTMLElement>('.sc-live');
  const announce = (text: string) => {
    if (live) live.textContent = text;
  };

  const showCurves = (next: readonly Curve[]) => {
    curves = next;
    chart.data.datasets = next.map(dataset);
    chart.options.scales = { x: xScale(), y: yScale(logInput?.checked ?? false) };
    restartLines = restartMarks(next);
    chart.update(reducedMotion.matches ? 'none' : undefined);
    canvas.setAttribute('aria-label', chartSummary(t, locale, spec, next));
    host.querySelectorAll('.sc-legend-label').forEach((label, i) => {
      if (next[i]) label.textContent = next[i].label;
    });
    // A folded table is refilled when it is opened, not on every redraw while editing.
    if (tableBox?.open) updateTable(next);
    else tableStale = true;
  };

  const tableBox = host.querySelector<HTMLDetailsElement>('.sc-table');
  let tableStale = false;
  const updateTable = (next: readonly Curve[]) => {
    tableStale = false;
    const body = host.querySelector('.sc-table tbody');
    if (!body) return;
    if (multi) {
      host.querySelectorAll('.sc-table thead th').forEach((th, i) => {
        const curve = next[i - 1];
        if (curve) th.textContent = curve.label;
      });
    }
    const table = dataTable(next, spec.epochs, spec.stepsPerEpoch);
    body.replaceChildren(
      ...table.rows.map((row) => {
        const tr = document.createElement('tr');
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = formatEpoch(locale, row.epoch);
        tr.append(th);
        for (const value of row.values) {
          const td = document.createElement('td');
          td.textContent = formatLr(locale, value, 6);
          tr.append(td);
        }
        return tr;
      }),
    );
    const note = host.querySelector<HTMLElement>('.sc-note');
    if (note) {
      note.textContent = tableNote(t, locale, table, spec.stepsPerEpoch);
      note.hidden = note.textContent === '';
    }
  };

  const fields = new Map<string, Field>();
  host.querySelectorAll<Field>('.sc-field[data-path]').forEach((field) => {
    fields.set(field.dataset['path']!, field);
  });
  const copyButton = host.querySelector<HTMLButtonElement>('[data-action="copy"]');
  const typescriptBlock = host.querySelector<HTMLElement>('.sc-typescript');
  const pythonBlock = host.querySelector<HTMLElement>('.sc-python');

  const clearProblems = () => clearFieldProblems(host, 'sc-error', fields.values());

  const showProblems = (problems: readonly FieldProblem[]) => {
    clearProblems();
    const messages = showFieldProblems(problems, {
      errorClass: 'sc-error',
      fieldOf: (problem) => {
        const path = problem.path ?? lastEdited ?? fields.keys().next().value;
        return path === undefined ? undefined : fields.get(path);
      },
      message: (problem) => problemMessage(t, locale, problem),
      pytorchLabel: t('error.pytorch'),
      place: (field, error) => field.closest('.sc-code-line')?.after(error),
    });
    announce(joinSentences(locale, [...messages, t('status.kept')]));
  };

  const setValid = (ok: boolean) => {
    valid = ok;
    if (copyButton) copyButton.disabled = !ok;
  };

  const recompute = () => {
    const texts = new Map<string, string>();
    for (const [path, field] of fields) texts.set(path, field.value);
    const applied = applyTexts(baseSpec, texts);
    if (applied.problems.length > 0) {
      showProblems(applied.problems);
      setValid(false);
      return;
    }
    const evaluation = evaluate(applied.spec);
    if (!evaluation.ok) {
      showProblems([evaluation.problem]);
      setValid(false);
      return;
    }
    clearProblems();
    announce('');
    spec = applied.spec;
    setValid(true);
    showCurves(evaluation.curves);
    if (typescriptBlock) {
      // Whenever the generator arrives, it writes the code of the chart shown at that moment.
      void loadCode().then(
        guarded(({ codeLines, codeText }: CodeModule) => {
          if (!valid) return;
          typescriptBlock.querySelector('code')!.textContent = codeText(
            codeLines(spec, 'typescript'),
          );
        }),
        // Offline, say: the TypeScript block keeps the code it showed; the chart stays live.
        () => undefined,
      );
    }
  };

  const guarded =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      try {
        action(...args);
      } catch (error) {
        // A bug must not break the page: report it beside the field like any rejected value.
        showProblems([{ key: 'other', values: {}, pytorch: String(error) }]);
        setValid(false);
      }
    };

  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const [path, field] of fields) {
    field.disabled = false;
    const onEdit = () => {
      lastEdited = path;
      if (field instanceof HTMLInputElement) field.size = Math.max(2, field.value.length);
      clearTimeout(timer);
      timer = setTimeout(guarded(recompute), EDIT_DELAY);
    };
    field.addEventListener('input', onEdit, { signal });
    field.addEventListener('change', onEdit, { signal });
  }

  host.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((button) => {
    button.addEventListener(
      'click',
      guarded(() => {
        language = button.dataset['lang'] === 'typescript' ? 'typescript' : 'python';
        host.querySelectorAll<HTMLButtonElement>('[data-lang]').forEach((other) => {
          other.setAttribute('aria-pressed', String(other === button));
        });
        if (pythonBlock) pythonBlock.hidden = language !== 'python';
        if (typescriptBlock) typescriptBlock.hidden = language !== 'typescript';
      }),
      { signal },
    );
  });

  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  copyButton?.addEventListener(
    'click',
    guarded(() => {
      if (!valid) return;
      const shown = spec;
      const code = loadCode().then((module) =>
        language === 'python' ? module.pytorchCode(shown) : module.typescriptCode(shown),
      );
      const label = t('copy.button');
      const report = (text: string) => {
        copyButton.textContent = text;
        announce(text);
        clearTimeout(copiedTimer);
        copiedTimer = setTimeout(() => {
          copyButton.textContent = label;
        }, COPIED_DELAY);
      };
      const copy = code.then(
        (text) => navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard')),
      );
      copy.then(
        () => report(t('copy.done')),
        () => report(t('copy.failed')),
      );
    }),
    { signal },
  );

  logInput?.addEventListener(
    'change',
    guarded(() => {
      chart.options.scales = { x: xScale(), y: yScale(logInput.checked) };
      chart.update('none');
    }),
    { signal },
  );

  const stopTheme = onThemeChange(
    guarded(() => {
      colours = readColours(host);
      showCurves(curves);
    }),
  );

  tableBox?.addEventListener(
    'toggle',
    guarded(() => {
      if (tableBox.open && tableStale) updateTable(curves);
    }),
    { signal },
  );

  const onMotion = () => {
    chart.options.animation = motion();
  };
  reducedMotion.addEventListener('change', onMotion, { signal });

  // The chart was drawn with these curves; the legend and the data table are the build-time ones.
  onMotion();
  canvas.setAttribute('aria-label', chartSummary(t, locale, spec, curves));
  host.dataset['live'] = '';

  return {
    destroy() {
      abort.abort();
      stopTheme();
      clearTimeout(timer);
      clearTimeout(copiedTimer);
      chart.destroy();
      canvas.remove();
      clearProblems();
      delete host.dataset['live'];
      for (const field of fields.values()) field.disabled = true;
    },
  };
}
