/**
 * Geometry of a scheduler's thumbnail on the gallery overview: the chart of its page reduced to
 * its curve, in a small view box with a fixed inset, y from 0 to the curve's maximum.
 *
 * @module
 */
import { decimate, linearScale, polylinePoints } from '../widgets/shared/plot.ts';
import type { Curve } from '../widgets/schedule-chart/model.ts';

/** View box of a thumbnail, and the inset that keeps the stroke inside it. */
export const thumbnailBox = { width: 160, height: 72, inset: 4 } as const;

/**
 * The `points` attribute of each curve's polyline.
 *
 * @param curves - Sampled curves with non-negative, finite learning rates.
 * @param epochs - Length of the run: x spans `[0, epochs]`.
 * @returns One `points` string per curve, in view-box units.
 */
export function thumbnailLines(curves: readonly Curve[], epochs: number): string[] {
  const { width, height, inset } = thumbnailBox;
  const high = Math.max(...curves.map((curve) => curve.summary.max));
  const sx = linearScale([0, epochs], [inset, width - inset]);
  const sy = linearScale([0, high > 0 ? high : 1], [height - inset, inset]);
  return curves.map((curve) =>
    polylinePoints(
      decimate(curve.x, curve.lr, width - 2 * inset).map(
        (i) => [sx(curve.x[i]!), sy(curve.lr[i]!)] as const,
      ),
    ),
  );
}
