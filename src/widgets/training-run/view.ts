/**
 * What the training-run widget shows, computed from the model's numbers: the per-epoch curves and
 * the warm restarts it marks, the geometry of the build-time chart, the decision-region picture
 * and boundary line drawn from a decision grid, and every sentence the widget writes (setup,
 * summaries, status, errors), localized. Pure: no DOM, so the build-time fallback, the live element
 * and the unit tests use the same code.
 *
 * @module
 */
import type { Placeholders } from '../../i18n/dictionary.ts';
import { formatNumber, joinList, type Locale } from '../../i18n/locales.ts';
import type { TrainingRunKey } from '../../i18n/widgets/training-run.ts';
import { marchingSquares } from '../saddle-surface/model.ts';
import { linearScale, niceDomain, niceTicks, polylinePoints, type Domain } from '../shared/plot.ts';
import type { ConfigProblem } from './fields.ts';
import type { DecisionGrid, EpochMetrics, TrainingConfig, TrainingField } from './model.ts';

/** A translation function of the `TrainingRun` dictionary for one locale. */
export type Translate = (key: TrainingRunKey, values?: Placeholders) => string;

/**
 * A number for display: up to `digits` significant digits, in scientific notation below 0.001 or
 * from a million up.
 *
 * @param locale - The page locale.
 * @param value - The number.
 * @param digits - Significant digits (default 4).
 * @returns The formatted number.
 */
export function formatValue(locale: Locale, value: number, digits = 4): string {
  const magnitude = Math.abs(value);
  const scientific = magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6);
  return formatNumber(locale, value, {
    maximumSignificantDigits: digits,
    ...(scientific ? { notation: 'scientific' } : {}),
  });
}

/**
 * An accuracy (a share in [0, 1]) as a percentage with up to one decimal.
 *
 * @param locale - The page locale.
 * @param value - The share.
 * @returns E.g. `97.5%`.
 */
export function formatAccuracy(locale: Locale, value: number): string {
  return formatNumber(locale, value, { style: 'percent', maximumFractionDigits: 1 });
}

/**
 * A count (an epoch, a seed) without digit grouping, as code would print it.
 *
 * @param locale - The page locale.
 * @param value - A whole number.
 * @returns The formatted number.
 */
export function formatCount(locale: Locale, value: number): string {
  return formatNumber(locale, value, { useGrouping: false, maximumFractionDigits: 0 });
}

/**
 * Join sentences: with a space in English, directly in Chinese.
 *
 * @param locale - The page locale.
 * @param sentences - Complete sentences.
 * @returns The paragraph.
 */
export function joinSentences(locale: Locale, sentences: readonly string[]): string {
  return sentences.filter((sentence) => sentence !== '').join(locale === 'zh-cn' ? '' : ' ');
}

/**
 * What a configuration trains, in one sentence: the network, the data, the optimizer and the
 * schedule.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param config - The configuration.
 * @returns The sentence.
 */
export function setupSummary(t: Translate, locale: Locale, config: TrainingConfig): string {
  return t('summary.setup', {
    layers: formatCount(locale, config.hiddenLayers),
    units: formatCount(locale, config.hiddenUnits),
    dataset: t(`dataset.${config.dataset}`),
    points: formatCount(locale, 2 * config.pointsPerClass),
    momentum: formatValue(locale, config.momentum),
    lr: formatValue(locale, config.lr),
    schedule: t(`phrase.${config.schedule}`, {
      T_0: formatCount(locale, config.T_0),
      T_mult: formatCount(locale, config.T_mult),
    }),
    epochs: formatCount(locale, config.epochs),
    seed: formatCount(locale, config.seed),
  });
}

/**
 * The epoch with the highest validation accuracy (the earliest, on ties).
 *
 * @param history - Metrics of the epochs so far.
 * @returns Its metrics, or `undefined` before the first epoch.
 */
export function bestEpoch(history: readonly EpochMetrics[]): EpochMetrics | undefined {
  let best: EpochMetrics | undefined;
  for (const metrics of history) {
    if (best === undefined || metrics.valAccuracy > best.valAccuracy) best = metrics;
  }
  return best;
}

/**
 * The best epoch (validation accuracy, and the learning rate it trained with) and where the run
 * stands after its last epoch.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param history - Metrics of the epochs so far.
 * @returns Two sentences, or an empty string before the first epoch.
 */
export function historySummary(
  t: Translate,
  locale: Locale,
  history: readonly EpochMetrics[],
): string {
  const best = bestEpoch(history);
  const last = history.at(-1);
  if (!best || !last) return '';
  return joinSentences(locale, [
    t('summary.best', {
      accuracy: formatAccuracy(locale, best.valAccuracy),
      epoch: formatCount(locale, best.epoch),
      lr: formatValue(locale, best.lrUsed),
    }),
    t('summary.end', {
      epoch: formatCount(locale, last.epoch),
      loss: formatValue(locale, last.trainLoss),
      accuracy: formatAccuracy(locale, last.valAccuracy),
    }),
  ]);
}

/**
 * The status line after an epoch.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param metrics - The epoch's metrics.
 * @param epochs - Epochs of the run.
 * @returns One sentence.
 */
export function epochStatus(
  t: Translate,
  locale: Locale,
  metrics: EpochMetrics,
  epochs: number,
): string {
  return t('status.epoch', {
    epoch: formatCount(locale, metrics.epoch),
    epochs: formatCount(locale, epochs),
    loss: formatValue(locale, metrics.trainLoss),
    accuracy: formatAccuracy(locale, metrics.valAccuracy),
    lr: formatValue(locale, metrics.lrUsed),
  });
}

/**
 * The localized explanation of a rejected field, naming it by its label (PyTorch's own message,
 * for `engine` problems, is shown separately).
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param problem - From `parseTrainingConfig`.
 * @returns One sentence.
 */
export function problemMessage(
  t: Translate,
  locale: Locale,
  problem: ConfigProblem<TrainingField | string>,
): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem.values)) {
    values[key] =
      typeof value === 'number' ? formatNumber(locale, value, { useGrouping: false }) : value;
  }
  if (problem.field !== null && isFieldKey(problem.field)) {
    values['name'] = t(`field.${problem.field}`);
  }
  if (typeof problem.values['choices'] === 'string') {
    values['choices'] = joinList(locale, problem.values['choices'].split(', '));
  }
  return t(`error.${problem.key}`, values);
}

const fieldKeys: ReadonlySet<string> = new Set<TrainingField>([
  'dataset',
  'pointsPerClass',
  'noise',
  'validationFraction',
  'seed',
  'hiddenLayers',
  'hiddenUnits',
  'activation',
  'batchSize',
  'epochs',
  'lr',
  'momentum',
  'nesterov',
  'weight_decay',
  'schedule',
  'T_0',
  'T_mult',
  'eta_min',
]);

function isFieldKey(field: string): field is TrainingField {
  return fieldKeys.has(field);
}

/** A chart point; `y` is `NaN` where the value cannot be drawn (a gap). */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * One point of each curve for an epoch: training loss (a gap where it is not positive and finite,
 * since its axis is logarithmic), validation accuracy and the learning rate the epoch trained with.
 *
 * @param metrics - The epoch's metrics.
 * @returns The three points, at x = the epoch.
 */
export function epochPoints(metrics: EpochMetrics): {
  trainLoss: ChartPoint;
  valAccuracy: ChartPoint;
  lr: ChartPoint;
} {
  const x = metrics.epoch;
  const loss = metrics.trainLoss;
  return {
    trainLoss: { x, y: Number.isFinite(loss) && loss > 0 ? loss : NaN },
    valAccuracy: { x, y: metrics.valAccuracy },
    lr: { x, y: metrics.lrUsed },
  };
}

/**
 * The epochs that trained at a higher learning rate than the epoch before: the warm restarts.
 *
 * @param history - Metrics of the epochs so far.
 * @returns Increasing epochs.
 */
export function restartEpochs(history: readonly EpochMetrics[]): number[] {
  const epochs: number[] = [];
  for (let i = 1; i < history.length; i += 1) {
    if (history[i]!.lrUsed > history[i - 1]!.lrUsed) epochs.push(history[i]!.epoch);
  }
  return epochs;
}

/** One panel of the build-time chart. */
export interface Panel {
  readonly key: 'axis.trainLoss' | 'axis.valAccuracy' | 'axis.lr';
  readonly top: number;
  readonly bottom: number;
  readonly log: boolean;
  readonly ticks: ReadonlyArray<{ readonly value: number; readonly pos: number }>;
  /** `points` attribute of the curve's polyline. */
  readonly line: string;
}

/** The build-time chart: three panels stacked over a shared epoch axis. */
export interface FallbackChart {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly panels: readonly Panel[];
  readonly xTicks: ReadonlyArray<{ readonly value: number; readonly pos: number }>;
  /** x positions of the warm restarts. */
  readonly restarts: readonly number[];
}

/**
 * Lay out the build-time chart of a run: training loss on a logarithmic axis (ticks at powers of
 * ten), validation accuracy from its lowest nice value to 1, and the learning rate from 0, each in
 * its own panel, against the epoch.
 *
 * @param history - Metrics of every epoch (finite losses).
 * @param epochs - Length of the run (the x axis spans `[0, epochs]`).
 * @returns The geometry in view-box units.
 */
export function fallbackChart(history: readonly EpochMetrics[], epochs: number): FallbackChart {
  const width = 640;
  const left = 64;
  const right = width - 16;
  const panelHeight = 110;
  const gap = 24;
  const top = 12;
  const sx = linearScale([0, epochs], [left, right]);
  const losses = history.map((m) => m.trainLoss).filter((v) => Number.isFinite(v) && v > 0);
  const lossLow = Math.floor(Math.log10(Math.min(...losses, 1)));
  const lossHigh = Math.ceil(Math.log10(Math.max(...losses, 1)));
  const lossDomain: Domain = [lossLow, lossHigh > lossLow ? lossHigh : lossLow + 1];
  const accuracyLow = Math.min(...history.map((m) => m.valAccuracy), 1);
  const accuracyDomain: Domain = [niceDomain(accuracyLow, 1, 4)[0], 1];
  const lrDomain = niceDomain(0, Math.max(...history.map((m) => m.lrUsed), 0), 4);
  const specs = [
    {
      key: 'axis.trainLoss',
      log: true,
      domain: lossDomain,
      value: (m: EpochMetrics) => m.trainLoss,
    },
    {
      key: 'axis.valAccuracy',
      log: false,
      domain: accuracyDomain,
      value: (m: EpochMetrics) => m.valAccuracy,
    },
    { key: 'axis.lr', log: false, domain: lrDomain, value: (m: EpochMetrics) => m.lrUsed },
  ] as const;
  const panels = specs.map((spec, i): Panel => {
    const panelTop = top + i * (panelHeight + gap);
    const panelBottom = panelTop + panelHeight;
    const sy = linearScale(spec.domain, [panelBottom, panelTop]);
    const toY = (v: number) => sy(spec.log ? Math.log10(v) : v);
    const tickValues = spec.log
      ? Array.from(
          { length: spec.domain[1] - spec.domain[0] + 1 },
          (_, k) => 10 ** (spec.domain[0] + k),
        )
      : niceTicks(spec.domain[0], spec.domain[1], 3);
    const drawn = history.filter((m) => {
      const v = spec.value(m);
      return Number.isFinite(v) && (!spec.log || v > 0);
    });
    return {
      key: spec.key,
      top: panelTop,
      bottom: panelBottom,
      log: spec.log,
      ticks: tickValues.map((value) => ({ value, pos: toY(value) })),
      line: polylinePoints(drawn.map((m) => [sx(m.epoch), toY(spec.value(m))] as const)),
    };
  });
  return {
    width,
    height: top + 3 * panelHeight + 2 * gap + 36,
    left,
    right,
    panels,
    xTicks: niceTicks(0, epochs, 8).map((value) => ({ value, pos: sx(value) })),
    restarts: restartEpochs(history).map((epoch) => sx(epoch)),
  };
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number];

/**
 * Read a CSS hex colour (`#rgb` or `#rrggbb`).
 *
 * @param text - The colour as written in a custom property.
 * @returns The colour, or `undefined` for anything else.
 * @example
 * hexColour('#0072b2'); // [0, 114, 178]
 */
export function hexColour(text: string): Rgb | undefined {
  const hex = text.trim().replace(/^#/, '');
  if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

/**
 * The decision regions as RGBA pixels, one per grid cell, top row first (the grid's row 0 is
 * the bottom): each cell takes the colour of its more likely class, more opaque the surer the
 * network is,
 *
 * $$\alpha = 255\,\bigl(0.12 + 0.5\,|2p_1 - 1|\bigr)$$
 *
 * where p₁ is the probability of class 1.
 *
 * @param grid - From `decisionGrid` (two classes).
 * @param colours - Colours of class 0 and class 1.
 * @returns `resolution² × 4` bytes, for an `ImageData` of `resolution × resolution`.
 */
export function regionPixels(
  grid: DecisionGrid,
  colours: readonly [Rgb, Rgb],
): Uint8ClampedArray<ArrayBuffer> {
  const n = grid.resolution;
  const pixels = new Uint8ClampedArray(n * n * 4);
  for (let row = 0; row < n; row += 1) {
    const imageRow = n - 1 - row;
    for (let col = 0; col < n; col += 1) {
      const p1 = grid.probabilities[(row * n + col) * grid.classes + 1]!;
      const colour = colours[p1 >= 0.5 ? 1 : 0];
      const at = (imageRow * n + col) * 4;
      pixels[at] = colour[0];
      pixels[at + 1] = colour[1];
      pixels[at + 2] = colour[2];
      pixels[at + 3] = Math.round(255 * (0.12 + 0.5 * Math.abs(2 * p1 - 1)));
    }
  }
  return pixels;
}

/**
 * The decision boundary, where p(class 1) = ½, traced through the cell centres with marching
 * squares.
 *
 * @param grid - From `decisionGrid` (two classes).
 * @returns Polylines in data coordinates.
 */
export function boundaryLines(grid: DecisionGrid): (readonly [number, number])[][] {
  const n = grid.resolution;
  const [lo, hi] = grid.domain;
  const cell = (hi - lo) / n;
  const centres = Array.from({ length: n }, (_, i) => lo + (i + 0.5) * cell);
  const values = Array.from({ length: n }, (_, row) =>
    Array.from({ length: n }, (_, col) => grid.probabilities[(row * n + col) * grid.classes + 1]!),
  );
  return marchingSquares({ xs: centres, ys: centres, values }, 0.5);
}
