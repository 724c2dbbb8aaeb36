/**
 * Pure plotting geometry shared by the widgets' build-time SVGs: "nice" axis ticks, linear
 * scales, min/max decimation of long curves, compact SVG coordinate strings and axis titles that fit
 * beside stacked axes.
 *
 * No DOM, no Astro: every function maps numbers to numbers or strings, so it runs at build time,
 * in the browser and in unit tests alike.
 *
 * @module
 */

/** A closed numeric interval `[min, max]`. */
export type Domain = readonly [min: number, max: number];

/** A function from data units to drawing units, with the interval it maps from and to. */
export interface LinearScale {
  (value: number): number;
  readonly domain: Domain;
  readonly range: Domain;
}

/**
 * A linear map sending `domain[0] → range[0]` and `domain[1] → range[1]`.
 *
 * $$s(v) = r_0 + \frac{v - d_0}{d_1 - d_0}\,(r_1 - r_0)$$
 *
 * A degenerate domain (`d_0 = d_1`) maps every value to the middle of the range.
 *
 * @param domain - Data interval.
 * @param range - Drawing interval (may be reversed, e.g. `[height, 0]` for a y axis).
 * @returns The scale function.
 * @example
 * linearScale([0, 10], [0, 100])(2.5); // 25
 */
export function linearScale(domain: Domain, range: Domain): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0);
  return Object.assign(scale, { domain, range });
}

/**
 * The step of "nice" ticks: 1, 2 or 5 times a power of ten, chosen so that about `count` steps
 * cover `span`.
 *
 * @param span - Length of the interval to cover (positive).
 * @param count - Desired number of steps.
 * @returns The step.
 * @example
 * niceStep(160, 5); // 50
 */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Evenly spaced "nice" tick values (multiples of {@link niceStep}) inside `[min, max]`.
 *
 * @param min - Lower end of the axis.
 * @param max - Upper end of the axis.
 * @param count - Desired number of intervals (the result has about `count + 1` ticks).
 * @returns Tick values in increasing order, free of floating-point noise (`0.30000000000000004`
 *   becomes `0.3`). A degenerate interval gives the single value.
 * @example
 * niceTicks(0, 0.1, 5); // [0, 0.02, 0.04, 0.06, 0.08, 0.1]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, count);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/**
 * Extend `[min, max]` outwards to the nearest nice ticks, so that an axis starts and ends on a
 * labelled value.
 *
 * @param min - Smallest data value.
 * @param max - Largest data value.
 * @param count - Desired number of intervals.
 * @returns The extended interval; a degenerate one is widened to a unit around the value.
 * @example
 * niceDomain(0, 0.093, 5); // [0, 0.1]
 */
export function niceDomain(min: number, max: number, count = 5): Domain {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) / 2 : 1;
    return niceDomain(min - pad, max + pad, count);
  }
  const step = niceStep(max - min, count);
  return [
    Number((Math.floor(min / step + 1e-9) * step).toPrecision(12)),
    Number((Math.ceil(max / step - 1e-9) * step).toPrecision(12)),
  ];
}

/**
 * Indices of the samples to keep when drawing a long curve `ys` over `columns` pixel columns:
 * in each column the first, lowest, highest and last sample, in their original order. Sharp
 * features (a warm restart's jump, a step decay) survive, and the drawn line looks the same as the
 * full one at that width.
 *
 * @param xs - Increasing x values.
 * @param ys - Values, same length as `xs`.
 * @param columns - Number of pixel columns the x range spans.
 * @returns Increasing indices into `xs`/`ys`; all of them when there are few samples.
 * @example
 * decimate(xs, ys, 600).map((i) => [xs[i], ys[i]]);
 */
export function decimate(xs: ArrayLike<number>, ys: ArrayLike<number>, columns: number): number[] {
  const n = xs.length;
  if (n <= columns * 4) return Array.from({ length: n }, (_, i) => i);
  const x0 = xs[0]!;
  const span = xs[n - 1]! - x0 || 1;
  const keep: number[] = [];
  let column = -1;
  let first = 0;
  let low = 0;
  let high = 0;
  const flush = (last: number) => {
    const picked = [...new Set([first, low, high, last])].sort((a, b) => a - b);
    keep.push(...picked);
  };
  for (let i = 0; i < n; i += 1) {
    const c = Math.min(columns - 1, Math.floor(((xs[i]! - x0) / span) * columns));
    if (c !== column) {
      if (column >= 0) flush(i - 1);
      column = c;
      first = low = high = i;
    } else {
      if (ys[i]! < ys[low]!) low = i;
      if (ys[i]! > ys[high]!) high = i;
    }
  }
  flush(n - 1);
  return keep;
}

/**
 * A coordinate rounded to `digits` decimals, written without a trailing `.0` or a leading `0`
 * (`0.5` → `.5`), as SVG allows. Keeps inline SVGs small.
 *
 * @param value - A coordinate.
 * @param digits - Decimals to keep (default 1).
 * @returns The shortest text for the rounded value.
 * @example
 * svgNumber(12.345); // '12.3'
 * svgNumber(-0.04); // '0'
 */
export function svgNumber(value: number, digits = 1): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.replace(/^(-?)0\./, '$1.');
}

/**
 * The `points` attribute of an SVG `<polyline>` through the given points.
 *
 * @param points - Points in drawing units.
 * @param digits - Decimals to keep.
 * @returns `x,y` pairs separated by spaces, consecutive duplicates (after rounding) removed.
 * @example
 * polylinePoints([[0, 0], [10.04, 5], [10.01, 5]]); // '0,0 10,5'
 */
export function polylinePoints(points: Iterable<readonly [number, number]>, digits = 1): string {
  const parts: string[] = [];
  let previous = '';
  for (const [x, y] of points) {
    const part = `${svgNumber(x, digits)},${svgNumber(y, digits)}`;
    if (part !== previous) parts.push(part);
    previous = part;
  }
  return parts.join(' ');
}

/** Axis titles up to this many characters stay on one line. */
export const SHORT_TITLE = 10;

/**
 * An axis title longer than {@link SHORT_TITLE} characters broken into two lines at the space
 * nearest its middle, so that a rotated title fits beside one of several stacked axes. Titles
 * without a space (Chinese ones, say) stay whole.
 *
 * @param title - The title.
 * @returns One or two lines.
 * @example
 * axisTitleLines('Validation accuracy'); // ['Validation', 'accuracy']
 * axisTitleLines('学习率'); // ['学习率']
 */
export function axisTitleLines(title: string): string[] {
  if (title.length <= SHORT_TITLE) return [title];
  const middle = title.length / 2;
  let best = -1;
  for (let i = title.indexOf(' '); i !== -1; i = title.indexOf(' ', i + 1)) {
    if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best === -1 ? [title] : [title.slice(0, best), title.slice(best + 1)];
}
