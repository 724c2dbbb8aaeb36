/**
 * The live playground, loaded by `element.ts`: reads the state from the page address, builds a
 * card per configuration, draws every curve with Chart.js, and on each edit validates the value as
 * the engine does, redraws, updates the formulas, the code, the data table and the address.
 *
 * Nothing thrown inside escapes to the page: a value that does not parse or that the engine
 * rejects shows its localized message beside the field, and the last good chart stays. Reader
 * input only ever reaches the page as text (`textContent`, `value`), never as markup.
 *
 * @module
 */
import type { Chart as ChartJs, ChartDataset, ChartOptions, Plugin } from 'chart.js';
import { onThemeChange } from '../../components/theme.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { baseLineOptions } from '../shared/line-dataset.ts';
import type { PlaygroundKey } from '../../i18n/widgets/playground.ts';
import type { ScheduleChartKey } from '../../i18n/widgets/schedule-chart.ts';
import { hoverReadout } from '../shared/hover-readout.ts';
import { readTranslator } from '../shared/strings.ts';
import { loadCode, type CodeModule } from '../schedule-chart/load-code.ts';
import { loadedCompositeEditing, loadParts, needsParts } from './load-parts.ts';

export { prepareForQuery } from './load-parts.ts';
import { dataTable, fieldText, type Curve, type FieldProblem } from '../schedule-chart/model.ts';
import {
  chartSummary,
  formatEpoch,
  formatLr,
  joinSentences,
  problemMessage,
  tableNote,
} from '../schedule-chart/text.ts';
import { formulaValues, formulaVariant } from './formula.ts';
import {
  MAX_SERIES,
  addSeries,
  applyFieldTexts,
  childSchedulers,
  curvesCsv,
  cyclesMomentum,
  defaultState,
  duplicateSeries,
  createEvaluator,
  fieldValueText,
  markers,
  playgroundSchedulers,
  removeSeries,
  seriesFields,
  setScheduler,
  stateFromQuery,
  stateToQuery,
  toChartSpec,
  type PlaygroundField,
  type PlaygroundState,
} from './model.ts';

/** How long a button says "Copied", in milliseconds. */
const REPORT_DELAY = 2000;
/** Pause after the last change before the page address is updated, in milliseconds. */
const ADDRESS_DELAY = 150;
/** How long a download's object URL lives: long enough for the browser to start saving it. */
const DOWNLOAD_URL_LIFETIME = 60_000;

type Point = { x: number; y: number };
type Control = HTMLInputElement | HTMLSelectElement;
type Scales = NonNullable<ChartOptions<'line'>['scales']>;

/** Colours of the chart, read from the element's CSS custom properties (they follow the theme). */
interface Palette {
  readonly series: readonly string[];
  readonly grid: string;
  readonly axis: string;
  readonly text: string;
  readonly background: string;
  readonly font: string;
}

function palette(host: HTMLElement): Palette {
  const style = getComputedStyle(host);
  const css = (name: string) => style.getPropertyValue(`--pg-${name}`).trim();
  return {
    series: Array.from({ length: MAX_SERIES }, (_, i) => css(`s${i + 1}`)),
    grid: css('grid'),
    axis: css('axis'),
    text: css('text'),
    background: getComputedStyle(document.body).backgroundColor,
    font: style.fontFamily,
  };
}

/** A vertical marker of the chart, in epochs. */
interface Vertical {
  readonly epoch: number;
  readonly colour: string;
  /** Dash and gap lengths in pixels. */
  readonly pattern: readonly [number, number];
}

/** Paints the markers as short filled segments, so no canvas line state has to be restored. */
function paintVerticals(chart: ChartJs, verticals: readonly Vertical[]): void {
  const scale = chart.scales['x'];
  if (!scale || verticals.length === 0) return;
  const { ctx, chartArea } = chart;
  for (const vertical of verticals) {
    const left = Math.round(scale.getPixelForValue(vertical.epoch));
    if (left < chartArea.left || left > chartArea.right) continue;
    const [dash, gap] = vertical.pattern;
    ctx.fillStyle = vertical.colour;
    for (let top = chartArea.top; top < chartArea.bottom; top += dash + gap) {
      ctx.fillRect(left, top, 1, Math.min(dash, chartArea.bottom - top));
    }
  }
}

/**
 * Take over an `<lr-playground>` element rendered by `Playground.astro`.
 *
 * @param host - The element, with its build-time markup.
 * @param Chart - Chart.js's `Chart` with the line controller, linear and logarithmic scales and the
 *   tooltip registered (`schedule-chart/chart-js.ts`).
 * @returns A handle whose `destroy()` removes the chart, the cards and every listener.
 */
export function mountPlayground(host: HTMLElement, Chart: typeof ChartJs): { destroy(): void } {
  const locale: Locale = isLocale(host.dataset['locale']) ? host.dataset['locale'] : 'en';
  const t = readTranslator<PlaygroundKey>(host);
  const tc = readTranslator<ScheduleChartKey>(host, 'chartStrings');
  const abort = new AbortController();
  const { signal } = abort;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const objectUrls = new Set<string>();
  const find = <E extends Element>(selector: string) => host.querySelector<E>(selector)!;

  const evaluateCached = createEvaluator();
  let state: PlaygroundState = stateFromQuery(location.search);
  let first = evaluateCached(state);
  if (!first.ok) {
    state = defaultState();
    first = evaluateCached(state);
  }
  let curves: readonly Curve[] = first.ok ? first.curves : [];
  let lastEdited: string | undefined;
  let frame = 0;
  let colours = palette(host);
  let verticals: Vertical[] = [];
  let lastScaleKey = '';

  const cards = find<HTMLElement>('.pg-cards');
  const cardTemplate = find<HTMLTemplateElement>('.pg-card-template');
  const formulaTemplates = new Map(
    [...host.querySelectorAll<HTMLTemplateElement>('template[data-formula]')].map((template) => [
      template.dataset['formula']!,
      template,
    ]),
  );
  const live = find<HTMLElement>('.pg-live');
  const controls = new Map<string, Control>();
  host.querySelectorAll<HTMLInputElement>('.pg-run [data-path]').forEach((input) => {
    controls.set(input.dataset['path']!, input);
  });

  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  const plot = find<HTMLElement>('.pg-plot');
  plot.append(canvas);

  const markerPlugin: Plugin<'line'> = {
    id: 'pgMarkers',
    beforeDatasetsDraw: (chart) => paintVerticals(chart as unknown as ChartJs, verticals),
  };

  const axisStyle = (title: string) => ({
    title: { display: true, text: title, color: colours.text },
    grid: { color: colours.grid },
    border: { color: colours.axis },
  });

  const scales = (): Scales => {
    // Linear ticks are already spaced to fit; measuring every label to skip some (Chart.js's
    // autoSkip) would cost most of a redraw.
    const tickStyle = { color: colours.axis, autoSkip: false, maxRotation: 0 };
    const momentum = state.series.some(cyclesMomentum);
    return {
      x: {
        ...axisStyle(tc('axis.epoch')),
        type: 'linear',
        min: 0,
        max: state.epochs,
        ticks: {
          ...tickStyle,
          callback: (value) => formatEpoch(locale, Number(value)),
        },
      },
      y: {
        ...axisStyle(tc('axis.lr')),
        type: state.log ? 'logarithmic' : 'linear',
        ...(state.log ? {} : { beginAtZero: true }),
        ticks: { ...tickStyle, callback: (value) => formatLr(locale, Number(value), 3) },
      },
      momentum: {
        ...axisStyle(t('axis.momentum')),
        type: 'linear',
        position: 'right',
        display: momentum,
        grid: { drawOnChartArea: false },
        ticks: { ...tickStyle, callback: (value) => formatLr(locale, Number(value), 3) },
      },
    };
  };

  // Created by the first draw, with its curves: created empty and then filled, it would be laid
  // out and painted twice while the playground goes live.
  let chart: ChartJs<'line', Point[]> | undefined;
  const createChart = (datasets: ChartDataset<'line', Point[]>[]) =>
    new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        ...baseLineOptions(locale, colours.font),
        scales: scales(),
      },
      plugins: [
        markerPlugin,
        hoverReadout(plot, {
          title: (x) => tc('tooltip.epoch', { epoch: formatEpoch(locale, x) }),
          line: (dataset, y) => {
            const label = dataset.label ?? '';
            const value = formatLr(locale, y, 6);
            return dataset.yAxisID === 'momentum'
              ? t('tooltip.momentum', { label, value })
              : tc('tooltip.series', { label, lr: value });
          },
        }),
      ],
    });

  const announce = (text: string) => {
    live.textContent = text;
  };

  // One dataset object per curve, kept across redraws: Chart.js keeps a dataset's controller and
  // elements while the object stays the same, and rebuilds them all for a new object.
  const datasets = new Map<string, ChartDataset<'line', Point[]>>();
  const pointsOf = new WeakMap<Float64Array, Point[]>();
  const line = (
    key: string,
    label: string,
    xs: Float64Array,
    ys: Float64Array,
    colour: string,
    momentum: boolean,
  ): ChartDataset<'line', Point[]> => {
    const dataset = datasets.get(key) ?? { data: [] };
    datasets.set(key, dataset);
    // Curves that did not change keep their arrays (see createEvaluator), and so their points.
    const data = pointsOf.get(ys) ?? Array.from(xs, (x, k) => ({ x, y: ys[k]! }));
    pointsOf.set(ys, data);
    return Object.assign(dataset, {
      label,
      data,
      yAxisID: momentum ? 'momentum' : 'y',
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: momentum ? 1.5 : 2,
      borderDash: momentum ? [6, 4] : [],
      pointRadius: 0,
      pointHoverRadius: 4,
      pointHitRadius: 4,
      tension: 0,
      spanGaps: true,
    });
  };

  const draw = () => {
    const shown: ChartDataset<'line', Point[]>[] = [];
    verticals = [];
    curves.forEach((curve, i) => {
      const colour = colours.series[i]!;
      shown.push(line(`lr${i}`, curve.label, curve.x, curve.lr, colour, false));
      if (cyclesMomentum(state.series[i]!) && curve.momentum) {
        shown.push(line(`momentum${i}`, curve.label, curve.x, curve.momentum, colour, true));
      }
      const { restarts, milestones } = markers(state, i, curve);
      for (const epoch of restarts) verticals.push({ epoch, colour, pattern: [4, 4] });
      for (const epoch of milestones) verticals.push({ epoch, colour, pattern: [1, 3] });
    });
    // New scale options make Chart.js rebuild its scales: only when they differ.
    const scaleKey = [
      state.epochs,
      state.log,
      state.series.some(cyclesMomentum),
      colours.text,
    ].join();
    if (chart === undefined) {
      chart = createChart(shown);
    } else {
      chart.data.datasets = shown;
      if (scaleKey !== lastScaleKey) chart.options.scales = scales();
      chart.update('none');
    }
    lastScaleKey = scaleKey;
  };

  // The canvas's accessible summary describes every curve in words; it follows the redraw with the
  // code and the table (see updateTexts), as it costs as much as a tenth of the redraw.
  const describeChart = () => {
    canvas.setAttribute('aria-label', chartSummary(tc, locale, toChartSpec(state), curves));
  };

  const swatchItem = (classes: string, text: string) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `pg-swatch ${classes}`;
    swatch.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.textContent = text;
    item.append(swatch, label);
    return item;
  };

  const updateLegend = () => {
    const entries: [classes: string, text: string][] = curves.map((curve, i) => [
      `pg-s${i + 1}`,
      curve.label,
    ]);
    const all = state.series.map((_, i) => markers(state, i, curves[i]!));
    if (all.some((found) => found.restarts.length > 0)) {
      entries.push(['pg-swatch-marker', tc('legend.restart')]);
    }
    if (all.some((found) => found.milestones.length > 0)) {
      entries.push(['pg-swatch-marker pg-swatch-milestone', t('legend.milestone')]);
    }
    if (state.series.some(cyclesMomentum)) {
      entries.push(['pg-swatch-dashed', t('legend.momentum')]);
    }
    // Most edits change no legend entry: compare before building any element.
    const text = entries.map(([classes, label]) => `${classes}:${label}`).join('\n');
    if (text === legendText) return;
    legendText = text;
    find<HTMLElement>('.pg-legend').replaceChildren(
      ...entries.map(([classes, label]) => swatchItem(classes, label)),
    );
  };

  const cell = (tag: 'th' | 'td', text: string, scope?: 'col' | 'row') => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (scope) element.setAttribute('scope', scope);
    return element;
  };

  const tableBox = find<HTMLDetailsElement>('.pg-table');
  let tableStale = false;
  let legendText = '';
  const updateTable = () => {
    tableStale = false;
    const table = dataTable(curves, state.epochs, state.stepsPerEpoch);
    const head = document.createElement('tr');
    head.append(
      cell('th', tc('table.epoch'), 'col'),
      ...curves.map((curve) => cell('th', curve.label, 'col')),
    );
    find<HTMLElement>('.pg-table thead').replaceChildren(head);
    find<HTMLElement>('.pg-table tbody').replaceChildren(
      ...table.rows.map((row) => {
        const tr = document.createElement('tr');
        tr.append(
          cell('th', formatEpoch(locale, row.epoch), 'row'),
          ...row.values.map((value) => cell('td', formatLr(locale, value, 6))),
        );
        return tr;
      }),
    );
    const note = find<HTMLElement>('.pg-note');
    note.textContent = tableNote(tc, locale, table, state.stepsPerEpoch);
    note.hidden = note.textContent === '';
  };

  const updateFormulas = () => {
    cards.querySelectorAll<HTMLElement>('.pg-card').forEach((card) => {
      const series = state.series[Number(card.dataset['index'])];
      const box = card.querySelector<HTMLElement>('.pg-formula');
      if (!series || !box) return;
      const variant = formulaVariant(series);
      if (box.dataset['variant'] !== variant) {
        const template = formulaTemplates.get(variant);
        box.replaceChildren(...(template ? [template.content.cloneNode(true)] : []));
        box.dataset['variant'] = variant;
      }
      const values = formulaValues(series);
      box.querySelectorAll<HTMLElement>('[data-formula-value]').forEach((slot) => {
        const text = values[slot.dataset['formulaValue']!] ?? '';
        if (slot.textContent !== text) slot.textContent = text;
      });
    });
  };

  // The code generator is a chunk of its own, fetched after the first chart is drawn. Whenever it
  // arrives, the code shown is that of the state at that moment, so a late chunk never shows an
  // older configuration.
  const updateCode = () =>
    loadCode().then(
      guarded(({ pytorchCode, typescriptCode }: CodeModule) => {
        const spec = toChartSpec(state);
        find<HTMLElement>('.pg-python code').textContent = pytorchCode(spec);
        find<HTMLElement>('.pg-typescript code').textContent = typescriptCode(spec);
      }),
      // Without the generator the code stays empty; the chart, the table and the address work.
      () => undefined,
    );

  // The address follows the state a moment after the last change: replacing it on every
  // keystroke would cost more than the redraw itself.
  let addressTimer: ReturnType<typeof setTimeout> | undefined;
  const updateAddress = () => {
    clearTimeout(addressTimer);
    addressTimer = undefined;
    const url = `${location.pathname}?${stateToQuery(state)}${location.hash}`;
    history.replaceState(history.state, '', url);
  };
  const scheduleAddress = () => {
    clearTimeout(addressTimer);
    addressTimer = setTimeout(guarded(updateAddress), ADDRESS_DELAY);
  };

  let problemsShown = true;
  const clearProblems = () => {
    // Nearly every redraw follows a valid edit with nothing to clear.
    if (!problemsShown) return;
    problemsShown = false;
    host.querySelectorAll('.pg-error').forEach((element) => element.remove());
    for (const control of controls.values()) {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    }
  };

  const showProblems = (problems: readonly FieldProblem[]) => {
    clearProblems();
    problemsShown = true;
    const messages: string[] = [];
    for (const problem of problems) {
      const path = problem.path ?? lastEdited ?? 'epochs';
      const control = controls.get(path) ?? controls.get(lastEdited ?? 'epochs');
      const message = problemMessage(tc, locale, problem);
      messages.push(message);
      if (!control || control.hasAttribute('aria-invalid')) continue;
      const error = document.createElement('p');
      error.className = 'pg-error';
      error.id = `${control.id}-error`;
      const text = document.createElement('span');
      text.textContent = message;
      error.append(text);
      if (problem.pytorch) {
        const code = document.createElement('code');
        code.textContent = problem.pytorch;
        error.append(` ${tc('error.pytorch')} `, code);
      }
      control.parentElement?.append(error);
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', error.id);
    }
    announce(joinSentences(locale, [...messages, tc('status.kept')]));
  };

  /** Show a committed state: chart, legend, formulas, code, table and address. */
  // What is beside the chart follows in the same task; the code and the table, further down the
  // page, in the next one, so that the chart is on screen first.
  let textTimer: ReturnType<typeof setTimeout> | undefined;
  const updateTexts = () => {
    textTimer = undefined;
    describeChart();
    updateCode();
    if (tableBox.open) updateTable();
    else tableStale = true;
  };
  const show = () => {
    clearProblems();
    draw();
    updateLegend();
    updateFormulas();
    clearTimeout(textTimer);
    textTimer = setTimeout(guarded(updateTexts), 0);
    scheduleAddress();
  };

  const fieldControl = (field: PlaygroundField, id: string): HTMLElement => {
    const wrap = document.createElement('div');
    wrap.className = 'pg-field';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = field.name;
    const text = fieldValueText(state, field.path);
    let control: Control;
    if (field.kind === 'choice') {
      const select = document.createElement('select');
      for (const choice of field.choices!) {
        const option = document.createElement('option');
        option.textContent = fieldText(choice);
        option.selected = option.textContent === text;
        select.append(option);
      }
      control = select;
    } else {
      const input = document.createElement('input');
      input.type = 'text';
      input.inputMode = field.kind === 'number' ? 'decimal' : 'text';
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.value = text;
      control = input;
    }
    control.id = id;
    control.className = 'pg-input';
    control.dataset['path'] = field.path;
    controls.set(field.path, control);
    wrap.append(label, control);
    return wrap;
  };

  const buildCard = (index: number): DocumentFragment => {
    const series = state.series[index]!;
    const fragment = cardTemplate.content.cloneNode(true) as DocumentFragment;
    const card = fragment.querySelector<HTMLElement>('.pg-card')!;
    const base = `${host.id}-c${index + 1}`;
    const n = index + 1;
    card.classList.add(`pg-s${n}`);
    card.dataset['index'] = String(index);
    card.querySelector('.pg-card-title')!.textContent = t('series.heading', { n });
    const scheduler = card.querySelector<HTMLSelectElement>('[data-role="scheduler"]')!;
    scheduler.id = `${base}-scheduler`;
    scheduler.value = series.scheduler;
    card.querySelector<HTMLLabelElement>('.pg-scheduler label')!.htmlFor = scheduler.id;
    const duplicate = card.querySelector<HTMLButtonElement>('[data-action="duplicate"]')!;
    duplicate.setAttribute('aria-label', t('series.duplicateLabel', { n }));
    duplicate.disabled = state.series.length >= MAX_SERIES;
    const remove = card.querySelector<HTMLButtonElement>('[data-action="remove"]')!;
    remove.setAttribute('aria-label', t('series.removeLabel', { n }));
    remove.disabled = state.series.length <= 1;
    const [optimizerGroup, optionGroup] = card.querySelectorAll<HTMLElement>('.pg-group');
    const fields = seriesFields(series, index);
    const groups: [HTMLElement, PlaygroundField[]][] = [
      [optimizerGroup!, fields.slice(0, 2)],
      [optionGroup!, fields.slice(2).filter((field) => field.child === undefined)],
    ];
    groups.forEach(([group, members], g) => {
      const label = group.querySelector<HTMLElement>('.pg-group-label')!;
      label.id = `${base}-group${g}`;
      if (g === 1) label.textContent = t('series.arguments', { scheduler: series.scheduler });
      group.setAttribute('aria-labelledby', label.id);
      group
        .querySelector('.pg-fields')!
        .append(
          ...members.map((field) => fieldControl(field, `${base}-${field.path.split('.').pop()}`)),
        );
    });
    optionGroup!.hidden = groups[1]![1].length === 0;
    // A card with children exists only once the child editing is loaded (see restructure).
    const children = loadedCompositeEditing()?.buildChildren(series, index, base, fieldControl, t);
    if (children) optionGroup!.after(children);
    card.querySelector('.pg-formula')!.setAttribute('aria-label', t('series.formula', { n }));
    return fragment;
  };

  const buildCards = () => {
    for (const path of [...controls.keys()]) if (path.startsWith('series.')) controls.delete(path);
    cards.replaceChildren(...state.series.map((_, i) => buildCard(i)));
    find<HTMLButtonElement>('[data-action="add"]').disabled = state.series.length >= MAX_SERIES;
  };

  const syncRunControls = () => {
    controls.get('epochs')!.value = String(state.epochs);
    controls.get('stepsPerEpoch')!.value = String(state.stepsPerEpoch);
    host.querySelectorAll<HTMLInputElement>('[data-action="scale"]').forEach((radio) => {
      radio.checked = radio.value === (state.log ? 'log' : 'linear');
    });
  };

  /** Apply a change to the whole state (add, remove, …) and rebuild the cards from it. */
  const restructure = (next: PlaygroundState, focus: () => HTMLElement | null, status: string) => {
    if (next === state) return;
    if (needsParts(next)) {
      loadParts().then(
        guarded(() => restructure(next, focus, status)),
        guarded(() => showProblems([{ key: 'other', values: {}, path: lastEdited }])),
      );
      return;
    }
    const evaluation = evaluateCached(next);
    if (!evaluation.ok) {
      showProblems([evaluation.problem]);
      return;
    }
    state = next;
    curves = evaluation.curves;
    buildCards();
    show();
    focus()?.focus();
    announce(status);
  };

  const recompute = () => {
    const started = performance.now();
    const texts = new Map<string, string>();
    for (const [path, control] of controls) texts.set(path, control.value);
    const applied = applyFieldTexts(state, texts);
    const evaluation = applied.problems.length === 0 ? evaluateCached(applied.state) : undefined;
    if (!evaluation) {
      showProblems(applied.problems);
    } else if (!evaluation.ok) {
      showProblems([evaluation.problem]);
    } else {
      state = applied.state;
      curves = evaluation.curves;
      show();
      announce('');
    }
    host.dataset['lastRenderMs'] = (performance.now() - started).toFixed(3);
  };

  const guarded =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      try {
        action(...args);
      } catch (error) {
        // A bug must not break the page: report it like any rejected value.
        showProblems([{ key: 'other', values: {}, pytorch: String(error) }]);
      }
    };

  const report = (button: HTMLButtonElement, text: string) => {
    const label = button.dataset['label'] ?? button.textContent ?? '';
    button.dataset['label'] = label;
    button.textContent = text;
    announce(text);
    const timer = setTimeout(() => {
      timers.delete(timer);
      button.textContent = label;
    }, REPORT_DELAY);
    timers.add(timer);
  };

  const copy = (button: HTMLButtonElement, text: string | Promise<string>, done: string) => {
    const writing = Promise.resolve(text).then(
      (value) => navigator.clipboard?.writeText(value) ?? Promise.reject(new Error('no clipboard')),
    );
    writing.then(
      () => report(button, done),
      () => report(button, tc('copy.failed')),
    );
  };

  const download = (blob: Blob, name: string) => {
    const url = URL.createObjectURL(blob);
    objectUrls.add(url);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    host.append(link);
    link.click();
    link.remove();
    const timer = setTimeout(() => {
      timers.delete(timer);
      objectUrls.delete(url);
      URL.revokeObjectURL(url);
    }, DOWNLOAD_URL_LIFETIME);
    timers.add(timer);
  };

  const downloadPng = () => {
    // The chart's canvas is transparent; the picture gets the page's background behind it.
    const picture = document.createElement('canvas');
    picture.width = canvas.width;
    picture.height = canvas.height;
    const context = picture.getContext('2d')!;
    context.fillStyle = colours.background;
    context.fillRect(0, 0, picture.width, picture.height);
    context.drawImage(canvas, 0, 0);
    picture.toBlob((blob) => {
      if (blob) download(blob, 'lr-schedule.png');
    }, 'image/png');
  };

  const indexOf = (element: Element) =>
    Number(element.closest<HTMLElement>('.pg-card')?.dataset['index'] ?? -1);
  const cardControl = (index: number, selector: string) =>
    cards.querySelector<HTMLElement>(`.pg-card[data-index="${index}"] ${selector}`);

  const actions: Record<string, (button: HTMLButtonElement) => void> = {
    add: () =>
      restructure(
        addSeries(state),
        () => cardControl(state.series.length - 1, '[data-role="scheduler"]'),
        t('status.added', { n: state.series.length + 1 }),
      ),
    duplicate: (button) => {
      const index = indexOf(button);
      restructure(
        duplicateSeries(state, index),
        () => cardControl(index + 1, '[data-role="scheduler"]'),
        t('status.duplicated', { n: index + 2, from: index + 1 }),
      );
    },
    remove: (button) => {
      const index = indexOf(button);
      restructure(
        removeSeries(state, index),
        () =>
          cardControl(Math.max(0, index - 1), '[data-role="scheduler"]') ??
          find<HTMLElement>('[data-action="add"]'),
        t('status.removed', { n: index + 1 }),
      );
    },
    share: (button) => {
      updateAddress();
      copy(button, location.href, t('share.done'));
    },
    csv: () =>
      download(new Blob([curvesCsv(state, curves)], { type: 'text/csv' }), 'lr-schedule.csv'),
    png: downloadPng,
    'add-child': (button) => {
      const index = indexOf(button);
      const k = (state.series[index]?.children?.length ?? 0) + 1;
      restructure(
        loadedCompositeEditing()?.addChild(state, index) ?? state,
        () => cardControl(index, `[data-child="${k - 1}"][data-role="child-scheduler"]`),
        t('status.childAdded', { k, n: index + 1 }),
      );
    },
    'remove-child': (button) => {
      const index = indexOf(button);
      const child = Number(button.dataset['child']);
      restructure(
        loadedCompositeEditing()?.removeChild(state, index, child) ?? state,
        () => cardControl(index, '[data-action="add-child"]'),
        t('status.childRemoved', { k: child + 1, n: index + 1 }),
      );
    },
    copy: (button) => {
      const spec = toChartSpec(state);
      const python = button.dataset['lang'] === 'python';
      const code = loadCode().then((module) =>
        python ? module.pytorchCode(spec) : module.typescriptCode(spec),
      );
      copy(button, code, tc('copy.done'));
    },
  };

  host.addEventListener(
    'click',
    guarded((event: Event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      const action = button && !button.disabled ? actions[button.dataset['action']!] : undefined;
      action?.(button!);
    }),
    { signal },
  );

  const onEdit = guarded((event: Event) => {
    const target = event.target as Element;
    if (target.matches('[data-role="scheduler"]')) {
      if (event.type !== 'change') return;
      const index = indexOf(target);
      const name = playgroundSchedulers.find(
        (scheduler) => scheduler === (target as HTMLSelectElement).value,
      );
      const next = name ? setScheduler(state, index, name) : state;
      restructure(
        next,
        () => cardControl(index, '[data-role="scheduler"]'),
        t('status.scheduler', { n: index + 1, scheduler: name ?? '' }),
      );
      return;
    }
    if (target.matches('[data-role="child-scheduler"]')) {
      if (event.type !== 'change') return;
      const index = indexOf(target);
      const child = Number((target as HTMLElement).dataset['child']);
      const name = childSchedulers.find((item) => item === (target as HTMLSelectElement).value);
      const selector = `[data-child="${child}"][data-role="child-scheduler"]`;
      restructure(
        (name && loadedCompositeEditing()?.setChildScheduler(state, index, child, name)) || state,
        () => cardControl(index, selector),
        t('status.childScheduler', { k: child + 1, n: index + 1, scheduler: name ?? '' }),
      );
      return;
    }
    if (target.matches('[data-action="scale"]')) {
      state = { ...state, log: (target as HTMLInputElement).value === 'log' };
      draw();
      scheduleAddress();
      return;
    }
    const path = (target as HTMLElement).dataset['path'];
    if (path === undefined || !controls.has(path)) return;
    lastEdited = path;
    if (frame === 0) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        guarded(recompute)();
      });
    }
  });
  host.addEventListener('input', onEdit, { signal });
  host.addEventListener('change', onEdit, { signal });

  tableBox.addEventListener(
    'toggle',
    guarded(() => {
      if (tableBox.open && tableStale) updateTable();
    }),
    { signal },
  );

  const stopTheme = onThemeChange(
    guarded(() => {
      colours = palette(host);
      draw();
    }),
  );

  // The build-time controls are disabled until this point; buildCards() sets the add button.
  host
    .querySelectorAll<HTMLInputElement | HTMLButtonElement>(
      '.pg-toolbar [disabled], .pg-code [disabled]',
    )
    .forEach((control) => {
      control.disabled = false;
    });
  syncRunControls();
  buildCards();
  show();
  updateAddress();
  host.dataset['live'] = '';
  // Fetched now, so that picking another scheduler later is instant; the chart did not wait for
  // them.
  loadParts().catch(() => undefined);

  return {
    destroy() {
      abort.abort();
      stopTheme();
      cancelAnimationFrame(frame);
      if (addressTimer !== undefined) updateAddress();
      clearTimeout(textTimer);
      for (const timer of timers) clearTimeout(timer);
      for (const url of objectUrls) URL.revokeObjectURL(url);
      chart?.destroy();
      canvas.remove();
      cards.replaceChildren();
      delete host.dataset['live'];
    },
  };
}
