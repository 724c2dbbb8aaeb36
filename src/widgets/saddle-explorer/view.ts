/**
 * What the saddle-point explorer shows, computed from the model's numbers: where a point of the
 * surface lands in the drawing and back (for clicks and the keyboard cursor), the series and axis
 * ranges of the chart, the restart and escape steps it marks, the shareable address of a setup,
 * and every sentence the widget writes (summaries, status, errors), localized. Pure: no DOM, so
 * the build-time fallback, the live element and the unit tests use the same code.
 *
 * @module
 */
import type { Placeholders } from '../../i18n/dictionary.ts';
import { formatNumber, joinList, type Locale } from '../../i18n/locales.ts';
import type { SaddleExplorerKey } from '../../i18n/widgets/saddle-explorer.ts';
import type { SaddleFigure } from '../saddle-surface/model.ts';
import { decimate, niceDomain, polylinePoints, type Domain } from '../shared/plot.ts';
import { readShareHash as fieldsFrom, shareHash as fragmentFor } from '../shared/share-hash.ts';
import {
  EXPLORER_MOMENTUM,
  escapeStep,
  explorerFieldRules,
  hessianAt,
  serializeExplorerConfig,
  symmetricEigen2,
  type ConfigProblem,
  type ExplorerConfig,
  type ExplorerField,
  type ExplorerPoint,
  type RunStatus,
} from './model.ts';

/** A translation function of the `SaddleExplorer` dictionary for one locale. */
export type Translate = (key: SaddleExplorerKey, values?: Placeholders) => string;

/** Distance from the x-axis at which a run counts as having left the saddle. */
export const ESCAPE_THRESHOLD = 0.5;

/** Decimals of a start point picked on the surface (a pixel spans about 0.013 units). */
export const PICK_DIGITS = 2;

/** How far one arrow key moves the start cursor, without and with Shift. */
export const CURSOR_STEPS = { coarse: 0.1, fine: 0.01 } as const;

/** The surface's square in the SVG view box: its size, the plotting square and its domain. */
export interface SurfaceFrame {
  /** Width and height of the view box. */
  readonly size: number;
  readonly left: number;
  readonly top: number;
  /** Side of the plotting square, in view-box units. */
  readonly side: number;
  /** The interval of both coordinates. */
  readonly domain: Domain;
}

/**
 * The frame of a figure from the saddle-surface model.
 *
 * @param figure - From `saddleFigure`.
 * @returns Its view box and plotting square.
 */
export function surfaceFrame(figure: SaddleFigure): SurfaceFrame {
  return { size: figure.size, ...figure.plot, domain: figure.domain };
}

/**
 * Where a point of the plane lands in the view box (y grows upwards in the plane, downwards in
 * the drawing):
 *
 * $$v_x = \text{left} + \frac{x - lo}{hi - lo}\,\text{side},\qquad v_y = \text{top} + \frac{hi - y}{hi - lo}\,\text{side}$$
 *
 * @param frame - The surface's frame.
 * @param x - First coordinate.
 * @param y - Second coordinate.
 * @returns `[vx, vy]` in view-box units.
 * @example
 * toView(frame, 0, 0); // the centre of the plotting square
 */
export function toView(frame: SurfaceFrame, x: number, y: number): [number, number] {
  const [lo, hi] = frame.domain;
  const unit = frame.side / (hi - lo);
  return [frame.left + (x - lo) * unit, frame.top + (hi - y) * unit];
}

/**
 * The inverse of {@link toView}.
 *
 * @param frame - The surface's frame.
 * @param vx - Horizontal position in view-box units.
 * @param vy - Vertical position in view-box units.
 * @returns `[x, y]` in the plane.
 */
export function fromView(frame: SurfaceFrame, vx: number, vy: number): [number, number] {
  const [lo, hi] = frame.domain;
  const unit = (hi - lo) / frame.side;
  return [lo + (vx - frame.left) * unit, hi - (vy - frame.top) * unit];
}

/** `value` rounded to `digits` decimals, without a negative zero. */
function round(value: number, digits: number): number {
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/**
 * The start point a click at a view-box position picks: the point under it, rounded to
 * {@link PICK_DIGITS} decimals, or nothing when the click is outside the plotting square.
 *
 * @param frame - The surface's frame.
 * @param vx - Horizontal position in view-box units.
 * @param vy - Vertical position in view-box units.
 * @returns The point, or `undefined`.
 * @example
 * pickStart(frame, ...toView(frame, 0.5, -0.25)); // { x: 0.5, y: -0.25 }
 */
export function pickStart(
  frame: SurfaceFrame,
  vx: number,
  vy: number,
): { x: number; y: number } | undefined {
  const inside =
    vx >= frame.left &&
    vx <= frame.left + frame.side &&
    vy >= frame.top &&
    vy <= frame.top + frame.side;
  if (!inside) return undefined;
  const [x, y] = fromView(frame, vx, vy);
  const [lo, hi] = frame.domain;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, round(v, PICK_DIGITS)));
  return { x: clamp(x), y: clamp(y) };
}

/** The keys that move the start cursor. */
export type CursorKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * Whether a key moves the start cursor.
 *
 * @param key - `KeyboardEvent.key`.
 * @returns `true` for the four arrow keys.
 */
export function isCursorKey(key: string): key is CursorKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

/**
 * Move the start cursor one step with an arrow key: {@link CURSOR_STEPS}`.coarse`, or `.fine` with
 * Shift, kept inside the domain. The moved coordinate is rounded to {@link PICK_DIGITS} decimals
 * (so repeated moves collect no floating-point noise); the other one is left exactly as it was, so
 * moving along x keeps a start such as y = 0.001 just off the ridge.
 *
 * @param domain - The interval of both coordinates.
 * @param point - The cursor.
 * @param key - Which arrow.
 * @param fine - Shift was held.
 * @returns The moved cursor.
 * @example
 * moveCursor([-2, 2], { x: 1, y: 0.001 }, 'ArrowUp', false); // { x: 1, y: 0.1 }
 * moveCursor([-2, 2], { x: 1, y: 0.001 }, 'ArrowLeft', true); // { x: 0.99, y: 0.001 }
 */
export function moveCursor(
  domain: Domain,
  point: { x: number; y: number },
  key: CursorKey,
  fine: boolean,
): { x: number; y: number } {
  const step = fine ? CURSOR_STEPS.fine : CURSOR_STEPS.coarse;
  const [lo, hi] = domain;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const moved = (v: number, by: number) => clamp(round(v + by, PICK_DIGITS));
  switch (key) {
    case 'ArrowLeft':
      return { x: moved(point.x, -step), y: clamp(point.y) };
    case 'ArrowRight':
      return { x: moved(point.x, step), y: clamp(point.y) };
    case 'ArrowUp':
      return { x: clamp(point.x), y: moved(point.y, step) };
    case 'ArrowDown':
      return { x: clamp(point.x), y: moved(point.y, -step) };
  }
}

/**
 * Steps the animation shows per frame, so that a run of any length plays in about `seconds`.
 *
 * @param steps - Steps of the run.
 * @param seconds - Target duration of the animation.
 * @param fps - Frames per second of the display.
 * @returns A whole number of steps, at least 1.
 * @example
 * stepsPerFrame(200); // 2: 100 frames, under two seconds at 60 frames per second
 */
export function stepsPerFrame(steps: number, seconds = 3, fps = 60): number {
  return Math.max(1, Math.ceil(steps / (seconds * fps)));
}

/** A chart point; `y` is `NaN` where the value cannot be drawn (Chart.js leaves a gap there). */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

/** The three curves of the chart, one point per step. */
export interface ChartSeries {
  readonly loss: ChartPoint[];
  /** On a logarithmic axis: zero norms are gaps. */
  readonly gradNorm: ChartPoint[];
  readonly lr: ChartPoint[];
}

/**
 * The chart's curves for the points of a run: the loss f, the norm of the exact gradient and the
 * learning rate the next step uses, each against the step.
 *
 * @param points - The run's points.
 * @returns The curves.
 */
export function chartSeries(points: readonly ExplorerPoint[]): ChartSeries {
  return {
    loss: points.map((point) => ({ x: point.t, y: point.loss })),
    gradNorm: points.map((point) => ({ x: point.t, y: point.gradNorm > 0 ? point.gradNorm : NaN })),
    lr: points.map((point) => ({ x: point.t, y: point.lr })),
  };
}

/** Pixel columns the chart's curves are thinned to (more than any chart here is wide). */
export const CHART_COLUMNS = 800;

/**
 * The chart's curves thinned for drawing: per pixel column, the first, lowest, highest and last
 * point of each curve (see `decimate`), so a run of 10,000 steps draws as a few thousand points
 * and looks the same. Runs shorter than four points per column are kept whole.
 *
 * @param series - The full curves.
 * @param columns - Pixel columns the step axis spans.
 * @returns Thinned curves, still in step order.
 */
export function thinSeries(series: ChartSeries, columns = CHART_COLUMNS): ChartSeries {
  const thin = (points: ChartPoint[]) => {
    const xs = points.map((point) => point.x);
    // Gaps (NaN) compare as neither low nor high; they are kept when they open a column.
    const ys = points.map((point) => (Number.isNaN(point.y) ? 0 : point.y));
    return decimate(xs, ys, columns).map((i) => points[i]!);
  };
  return { loss: thin(series.loss), gradNorm: thin(series.gradNorm), lr: thin(series.lr) };
}

/**
 * The points of a curve up to a step: those with `x ≤ t`, found by bisection (the curve is in
 * step order).
 *
 * @param points - A curve in step order.
 * @param t - The last step shown.
 * @returns The leading points, a new array.
 */
export function pointsUpTo(points: readonly ChartPoint[], t: number): ChartPoint[] {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.x <= t) lo = mid + 1;
    else hi = mid;
  }
  return points.slice(0, lo);
}

/** Fixed ranges of the chart's axes for a whole run, so the axes stay put while it plays. */
export interface ChartRanges {
  readonly loss: Domain;
  /** Positive ends, for a logarithmic axis. */
  readonly gradNorm: Domain;
  readonly lr: Domain;
}

function extent(values: Iterable<number>): Domain | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? [min, max] : undefined;
}

/** Widen a range by a share of its length on both sides (a degenerate one by a unit around it). */
function pad([min, max]: Domain, share: number): Domain {
  if (max === min) {
    const half = Math.abs(min) > 0 ? Math.abs(min) * share : 1;
    return [min - half, max + half];
  }
  const margin = (max - min) * share;
  return [min - margin, max + margin];
}

/**
 * The ranges of the chart's axes: the loss's extent padded by 5 % and widened to nice values, the
 * gradient norm's positive extent widened by a factor of 1.5 each way (on a log axis), and the
 * learning rate from 0 to a nice value above its largest value plus 5 %.
 *
 * @param points - All points of the run.
 * @returns The ranges.
 */
export function chartRanges(points: readonly ExplorerPoint[]): ChartRanges {
  const loss = extent(points.map((point) => point.loss)) ?? [0, 1];
  const norms = extent(points.map((point) => point.gradNorm).filter((value) => value > 0)) ?? [
    1e-3, 1,
  ];
  const lrMax = extent(points.map((point) => point.lr))?.[1] ?? 1;
  const [lossLow, lossHigh] = pad(loss, 0.05);
  return {
    loss: niceDomain(lossLow, lossHigh, 4),
    gradNorm: [norms[0] / 1.5, norms[1] * 1.5],
    lr: [0, niceDomain(0, lrMax > 0 ? lrMax * 1.05 : 1, 4)[1]],
  };
}

/**
 * The steps at which a warm-restart schedule jumped back up: the `t` whose learning rate is
 * above the previous step's. Other schedules have no restarts (a cosine past `T_max` climbs
 * gradually, which is not a restart).
 *
 * @param points - The run's points.
 * @param schedule - The run's schedule.
 * @returns Increasing steps.
 */
export function restartSteps(
  points: readonly ExplorerPoint[],
  schedule: ExplorerConfig['schedule'],
): number[] {
  if (schedule !== 'warm-restarts') return [];
  const steps: number[] = [];
  for (let t = 1; t < points.length; t += 1) {
    if (points[t]!.lr > points[t - 1]!.lr) steps.push(points[t]!.t);
  }
  return steps;
}

/**
 * The `points` attribute of the build-time trajectory: the run's points in view-box units, with
 * coordinates far outside the drawing pulled in (an SVG clip path hides them; this only keeps
 * the numbers short when a run diverges).
 *
 * @param frame - The surface's frame.
 * @param points - The run's points.
 * @returns The polyline's points.
 */
export function trajectoryPoints(frame: SurfaceFrame, points: readonly ExplorerPoint[]): string {
  return polylinePoints(points.map((point) => clampedView(frame, point.x, point.y)));
}

/**
 * {@link toView}, with each coordinate kept within ten drawings of the view box, so a diverging
 * run still gives numbers a canvas or an SVG can draw (the part outside is clipped anyway).
 *
 * @param frame - The surface's frame.
 * @param x - First coordinate.
 * @param y - Second coordinate.
 * @returns `[vx, vy]`, clamped.
 */
export function clampedView(frame: SurfaceFrame, x: number, y: number): [number, number] {
  const limit = 10 * frame.size;
  const clamp = (v: number) => Math.min(frame.size + limit, Math.max(-limit, v));
  const [vx, vy] = toView(frame, x, y);
  return [clamp(vx), clamp(vy)];
}

/**
 * A number for display: up to `digits` significant digits, in scientific notation below 0.001 or
 * from a million up (so a start at `1e-6` does not read as `0.000001`).
 *
 * @param locale - The page locale.
 * @param value - The number.
 * @param digits - Significant digits (default 4).
 * @returns The formatted number, e.g. `−0.9998` or `1E-6`.
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
 * A count (a step, a seed) for display, without digit grouping, as code would print it.
 *
 * @param locale - The page locale.
 * @param value - A whole number.
 * @returns The formatted number.
 */
export function formatCount(locale: Locale, value: number): string {
  return formatNumber(locale, value, { useGrouping: false, maximumFractionDigits: 0 });
}

/**
 * The name of a configuration's optimizer, as the widget's menu shows it.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param optimizer - The optimizer.
 * @returns E.g. `SGD, momentum 0.9`.
 */
export function optimizerLabel(
  t: Translate,
  locale: Locale,
  optimizer: ExplorerConfig['optimizer'],
): string {
  return t(`optimizer.${optimizer}`, { momentum: formatValue(locale, EXPLORER_MOMENTUM) });
}

/**
 * The accessible description of a run: settings, when the iterate leaves the saddle (|y| above
 * {@link ESCAPE_THRESHOLD}) or that it does not, and where it ends, or where it diverged.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param config - The run's configuration.
 * @param points - Its points (all of them, or those shown so far).
 * @param status - The run's status.
 * @returns One paragraph.
 */
export function runSummary(
  t: Translate,
  locale: Locale,
  config: ExplorerConfig,
  points: readonly ExplorerPoint[],
  status: RunStatus,
): string {
  const threshold = formatValue(locale, ESCAPE_THRESHOLD);
  const parts = [
    t('summary.run', {
      optimizer: optimizerLabel(t, locale, config.optimizer),
      lr: formatValue(locale, config.lr),
      schedule: t(`schedule.${config.schedule}`),
      x: formatValue(locale, config.x0),
      y: formatValue(locale, config.y0),
      steps: formatCount(locale, config.steps),
    }),
  ];
  const escaped = escapeStep(points, ESCAPE_THRESHOLD);
  parts.push(
    escaped === undefined
      ? t('summary.noEscape', { threshold })
      : t('summary.escape', { step: formatCount(locale, escaped), threshold }),
  );
  const last = points.at(-1);
  if (status === 'diverged' && last) {
    parts.push(t('summary.diverged', { step: formatCount(locale, last.t) }));
  } else if (last) {
    parts.push(
      t('summary.end', {
        x: formatValue(locale, last.x),
        y: formatValue(locale, last.y),
        f: formatValue(locale, last.loss),
      }),
    );
  }
  return joinSentences(locale, parts);
}

/**
 * The status line for the step the drawing shows, with the Hessian's eigenvalues there.
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param point - The point shown.
 * @param config - The run's configuration (for the number of steps and the floor).
 * @returns Two sentences.
 */
export function stepStatus(
  t: Translate,
  locale: Locale,
  point: ExplorerPoint,
  config: ExplorerConfig,
): string {
  const [l1, l2] = symmetricEigen2(hessianAt(point.x, point.y, config.floor)).values;
  return joinSentences(locale, [
    t('status.step', {
      step: formatCount(locale, point.t),
      steps: formatCount(locale, config.steps),
      x: formatValue(locale, point.x),
      y: formatValue(locale, point.y),
      f: formatValue(locale, point.loss),
      g: formatValue(locale, point.gradNorm),
      lr: formatValue(locale, point.lr),
    }),
    t('hessian.here', { l1: formatValue(locale, l1), l2: formatValue(locale, l2) }),
  ]);
}

/**
 * The localized explanation of a rejected field, naming the field by its label (PyTorch's own
 * message, for `engine` problems, is shown separately).
 *
 * @param t - Translations.
 * @param locale - The page locale.
 * @param problem - From `parseExplorerConfig`.
 * @returns One sentence.
 */
export function problemMessage(
  t: Translate,
  locale: Locale,
  problem: ConfigProblem<ExplorerField>,
): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem.values)) {
    values[key] =
      typeof value === 'number' ? formatNumber(locale, value, { useGrouping: false }) : value;
  }
  if (problem.field !== null) values['name'] = t(`field.${problem.field}`);
  if (typeof problem.values['choices'] === 'string') {
    values['choices'] = joinList(locale, problem.values['choices'].split(', '));
  }
  return t(`error.${problem.key}`, values);
}

/**
 * Join sentences: with a space in English, directly in Chinese (whose full stop carries its own
 * spacing).
 *
 * @param locale - The page locale.
 * @param sentences - Complete sentences.
 * @returns The paragraph.
 */
export function joinSentences(locale: Locale, sentences: readonly string[]): string {
  return sentences.filter((sentence) => sentence !== '').join(locale === 'zh-cn' ? '' : ' ');
}

/**
 * The address fragment that restores a setup: `#<id>?<field>=<value>&…` with every field of the
 * configuration (see the shared `shareHash`).
 *
 * @param id - The element's id.
 * @param config - A valid configuration.
 * @returns The fragment, starting with `#`.
 * @example
 * shareHash('saddle-explorer', config); // '#saddle-explorer?x0=1&y0=0.001&floor=true&…'
 */
export function shareHash(id: string, config: ExplorerConfig): string {
  return fragmentFor(id, serializeExplorerConfig(config));
}

/**
 * The fields a shared address gives an explorer: only the configuration's own field names (see
 * the shared `readShareHash`). The values are still untrusted text; `parseExplorerConfig` checks
 * them.
 *
 * @param hash - `location.hash`.
 * @param id - The element's id.
 * @returns The fields, or `undefined` when the fragment is not for this element.
 * @example
 * readShareHash('#saddle-explorer?lr=0.1&evil=1', 'saddle-explorer'); // { lr: '0.1' }
 */
export function readShareHash(
  hash: string,
  id: string,
): Partial<Record<string, string>> | undefined {
  return fieldsFrom(hash, id, Object.keys(explorerFieldRules));
}
