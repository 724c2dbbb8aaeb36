/**
 * Geometry of the build-time SVG that `ScheduleChart` shows before (or without) JavaScript: axes
 * with nice ticks, one polyline per curve (decimated to a few points per pixel column, so long
 * runs stay small), and the warm-restart lines. Pure numbers and strings.
 *
 * @module
 */
import {
  decimate,
  linearScale,
  niceDomain,
  niceTicks,
  polylinePoints,
  type Domain,
} from '../shared/plot.ts';
import type { Curve } from './model.ts';

/** The SVG's drawing area and margins, in view-box units. */
export const fallbackLayout = {
  width: 640,
  height: 320,
  left: 64,
  right: 16,
  top: 12,
  bottom: 44,
} as const;

/** Everything the fallback SVG draws. */
export interface FallbackGeometry {
  readonly width: number;
  readonly height: number;
  /** The plotting rectangle. */
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly xTicks: ReadonlyArray<{ readonly value: number; readonly pos: number }>;
  readonly yTicks: ReadonlyArray<{ readonly value: number; readonly pos: number }>;
  /** `points` attribute of each curve's polyline. */
  readonly lines: readonly string[];
  /** x positions of restart lines, per curve. */
  readonly restarts: readonly (readonly number[])[];
  readonly xDomain: Domain;
  readonly yDomain: Domain;
}

/**
 * Compute the fallback chart.
 *
 * The x axis spans the run, `[0, epochs]`; the y axis starts at 0 for non-negative curves and
 * ends on a nice tick above the largest value.
 *
 * @param curves - Sampled curves (finite values).
 * @param epochs - Length of the run.
 * @returns The geometry in view-box units.
 */
export function fallbackGeometry(curves: readonly Curve[], epochs: number): FallbackGeometry {
  const { width, height, left, right, top, bottom } = fallbackLayout;
  const plot = { left, top, right: width - right, bottom: height - bottom };
  const low = Math.min(0, ...curves.map((curve) => curve.summary.min));
  const high = Math.max(...curves.map((curve) => curve.summary.max));
  const yDomain = niceDomain(low, high, 5);
  const xDomain: Domain = [0, epochs];
  const sx = linearScale(xDomain, [plot.left, plot.right]);
  const sy = linearScale(yDomain, [plot.bottom, plot.top]);
  const columns = Math.round(plot.right - plot.left);
  return {
    width,
    height,
    plot,
    xTicks: niceTicks(0, epochs, 8).map((value) => ({ value, pos: sx(value) })),
    yTicks: niceTicks(yDomain[0], yDomain[1], 5).map((value) => ({ value, pos: sy(value) })),
    lines: curves.map((curve) =>
      polylinePoints(
        decimate(curve.x, curve.lr, columns).map(
          (i) => [sx(curve.x[i]!), sy(curve.lr[i]!)] as const,
        ),
      ),
    ),
    restarts: curves.map((curve) => curve.restarts.map((epoch) => sx(epoch))),
    xDomain,
    yDomain,
  };
}
