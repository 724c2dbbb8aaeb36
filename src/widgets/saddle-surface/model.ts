/**
 * The pure model of the `SaddleSurface` widget: the two functions the saddle-point article draws,
 * their gradients, Hessians and critical points, a heat map quantized into bands, and contour
 * lines traced with marching squares. Numbers and SVG path strings only; no DOM, no words.
 *
 * @module
 */
import {
  linearScale,
  niceTicks,
  svgNumber,
  type Domain,
  type LinearScale,
} from '../shared/plot.ts';

/** The functions the widget draws, by the name the articles use in the `fn` prop. */
export const saddleFunctions = ['x2-y2', 'x2-y2+y4'] as const;

/** `'x2-y2'`: f = x² − y²; `'x2-y2+y4'`: f = x² − y² + y⁴/4 (a saddle with a floor). */
export type SaddleFunction = (typeof saddleFunctions)[number];

/** Coefficient `q` of the quartic term: f(x, y) = x² − y² + q·y⁴. */
const quartic: Readonly<Record<SaddleFunction, number>> = { 'x2-y2': 0, 'x2-y2+y4': 1 / 4 };

/**
 * The value of a function.
 *
 * $$f(x, y) = x^2 - y^2 + q\,y^4,\qquad q = 0 \text{ or } \tfrac14$$
 *
 * @param fn - Which function.
 * @param x - First coordinate.
 * @param y - Second coordinate.
 * @returns f(x, y).
 * @example
 * evaluate('x2-y2', 1, 2); // -3
 */
export function evaluate(fn: SaddleFunction, x: number, y: number): number {
  return x * x - y * y + quartic[fn] * y ** 4;
}

/**
 * The gradient `(∂f/∂x, ∂f/∂y) = (2x, −2y + 4q·y³)`.
 *
 * @param fn - Which function.
 * @param x - First coordinate.
 * @param y - Second coordinate.
 * @returns The gradient.
 */
export function gradient(fn: SaddleFunction, x: number, y: number): [number, number] {
  return [2 * x, -2 * y + 4 * quartic[fn] * y ** 3];
}

/**
 * The Hessian, diagonal for these functions: `diag(2, −2 + 12q·y²)`.
 *
 * @param fn - Which function.
 * @param y - Second coordinate (the Hessian does not depend on x).
 * @returns `[∂²f/∂x², ∂²f/∂y²]`; the mixed derivative is 0.
 */
export function hessianDiagonal(fn: SaddleFunction, y: number): [number, number] {
  return [2, -2 + 12 * quartic[fn] * y * y];
}

/** A point where the gradient vanishes, classified by the signs of the Hessian's eigenvalues. */
export interface CriticalPoint {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  readonly kind: 'minimum' | 'maximum' | 'saddle';
}

/**
 * The critical points. `∂f/∂x = 2x` vanishes only at `x = 0`; `∂f/∂y = y(4q·y² − 2)` vanishes at
 * `y = 0` and, when `q > 0`, at `y = ±√(1/(2q))` (`±√2` for `q = 1/4`). Each is classified by
 * its Hessian: both eigenvalues positive, a minimum; both negative, a maximum; mixed, a saddle.
 *
 * @param fn - Which function.
 * @returns The critical points, ordered by y.
 * @example
 * criticalPoints('x2-y2+y4').map((p) => p.kind); // ['minimum', 'saddle', 'minimum']
 */
export function criticalPoints(fn: SaddleFunction): CriticalPoint[] {
  const q = quartic[fn];
  const ys = q > 0 ? [-Math.sqrt(1 / (2 * q)), 0, Math.sqrt(1 / (2 * q))] : [0];
  return ys.map((y) => {
    const [hxx, hyy] = hessianDiagonal(fn, y);
    const kind = hxx > 0 && hyy > 0 ? 'minimum' : hxx < 0 && hyy < 0 ? 'maximum' : 'saddle';
    return { x: 0, y, value: evaluate(fn, 0, y), kind };
  });
}

/** Contour levels drawn for each function: evenly spaced, finer in the floor's shallow basins. */
export const contourLevels: Readonly<Record<SaddleFunction, readonly number[]>> = {
  'x2-y2': [-3, -2, -1, 0, 1, 2, 3],
  'x2-y2+y4': [-0.75, -0.5, -0.25, 0, 0.5, 1, 2, 3],
};

/** Function values on a square grid of nodes. */
export interface Grid {
  /** Node x coordinates, increasing. */
  readonly xs: readonly number[];
  /** Node y coordinates, increasing. */
  readonly ys: readonly number[];
  /** `values[j][i] = f(xs[i], ys[j])`. */
  readonly values: readonly (readonly number[])[];
}

/**
 * Sample a function on `(cells + 1)²` nodes covering `domain × domain`.
 *
 * @param fn - Which function.
 * @param domain - The interval of both coordinates.
 * @param cells - Number of cells per side.
 * @returns The grid.
 */
export function sampleGrid(fn: SaddleFunction, domain: Domain, cells: number): Grid {
  const [lo, hi] = domain;
  const coords = Array.from({ length: cells + 1 }, (_, i) => lo + ((hi - lo) * i) / cells);
  return {
    xs: coords,
    ys: coords,
    values: coords.map((y) => coords.map((x) => evaluate(fn, x, y))),
  };
}

type Point = readonly [number, number];

/** Edges of a cell: 0 bottom, 1 right, 2 top, 3 left. */
type Edge = 0 | 1 | 2 | 3;

/** Edge pairs crossed by the contour for each corner pattern; ambiguous patterns 5 and 10 aside. */
const segmentTable: readonly (readonly (readonly [Edge, Edge])[])[] = [
  [],
  [[3, 0]],
  [[0, 1]],
  [[3, 1]],
  [[1, 2]],
  [],
  [[0, 2]],
  [[3, 2]],
  [[3, 2]],
  [[0, 2]],
  [],
  [[1, 2]],
  [[3, 1]],
  [[0, 1]],
  [[3, 0]],
  [],
];

/**
 * Trace the contour `f = level` with marching squares and join the cell segments into polylines.
 *
 * Corners with `f ≥ level` count as inside. A crossing on an edge is interpolated linearly from
 * the lower-indexed node to the higher one, so neighbouring cells compute identical points and the
 * segments join exactly. Saddle cells (two opposite corners inside) are resolved with the value at
 * the cell's centre. Segments of zero length (a contour touching a node) are dropped.
 *
 * @param grid - Sampled values.
 * @param level - The contour value.
 * @returns Polylines in data coordinates (a closed loop repeats its first point at the end).
 */
export function marchingSquares(grid: Grid, level: number): Point[][] {
  const { xs, ys, values } = grid;
  const v = (i: number, j: number) => values[j]![i]!;
  const lerp = (a: Point, b: Point, va: number, vb: number): Point => {
    const t = va === vb ? 0.5 : (level - va) / (vb - va);
    // Exact node coordinates when the contour passes through a node, so chains join there too.
    if (t === 0) return a;
    if (t === 1) return b;
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  };
  const crossing = (i: number, j: number, edge: Edge): Point => {
    // Each edge runs from its lower-indexed node to its higher-indexed node.
    const [i0, j0, i1, j1] =
      edge === 0
        ? [i, j, i + 1, j]
        : edge === 1
          ? [i + 1, j, i + 1, j + 1]
          : edge === 2
            ? [i, j + 1, i + 1, j + 1]
            : [i, j, i, j + 1];
    return lerp([xs[i0]!, ys[j0]!], [xs[i1]!, ys[j1]!], v(i0, j0), v(i1, j1));
  };
  const segments: [Point, Point][] = [];
  for (let j = 0; j + 1 < ys.length; j += 1) {
    for (let i = 0; i + 1 < xs.length; i += 1) {
      const corners = [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1)];
      const index = corners.reduce((acc, value, k) => acc | (value >= level ? 1 << k : 0), 0);
      let pairs = segmentTable[index]!;
      if (index === 5 || index === 10) {
        const centreInside = (corners[0]! + corners[1]! + corners[2]! + corners[3]!) / 4 >= level;
        // The corners on the centre's side connect through it; the other two are cut off.
        const cutOffRightBottomAndLeftTop = index === 5 ? centreInside : !centreInside;
        pairs = cutOffRightBottomAndLeftTop
          ? [
              [0, 1],
              [3, 2],
            ]
          : [
              [3, 0],
              [1, 2],
            ];
      }
      for (const [a, b] of pairs) {
        const p = crossing(i, j, a);
        const q = crossing(i, j, b);
        if (p[0] !== q[0] || p[1] !== q[1]) segments.push([p, q]);
      }
    }
  }
  return joinSegments(segments);
}

function joinSegments(segments: readonly (readonly [Point, Point])[]): Point[][] {
  const key = (p: Point) => `${p[0]},${p[1]}`;
  const ends = new Map<string, number[]>();
  segments.forEach(([p, q], index) => {
    for (const point of [p, q]) {
      const k = key(point);
      ends.set(k, [...(ends.get(k) ?? []), index]);
    }
  });
  const used = new Set<number>();
  const lines: Point[][] = [];
  const extend = (line: Point[]) => {
    for (;;) {
      const tail = line.at(-1)!;
      const next = (ends.get(key(tail)) ?? []).find((index) => !used.has(index));
      if (next === undefined) return;
      used.add(next);
      const [p, q] = segments[next]!;
      line.push(key(p) === key(tail) ? q : p);
    }
  };
  // Open chains first, from an end that only one segment touches; then the closed loops.
  const order = [...segments.keys()].sort(
    (a, b) =>
      Math.min(ends.get(key(segments[a]![0]))!.length, ends.get(key(segments[a]![1]))!.length) -
      Math.min(ends.get(key(segments[b]![0]))!.length, ends.get(key(segments[b]![1]))!.length),
  );
  for (const start of order) {
    if (used.has(start)) continue;
    used.add(start);
    const [p, q] = segments[start]!;
    const startsAtEnd = ends.get(key(p))!.length === 1;
    const line: Point[] = startsAtEnd ? [p, q] : [q, p];
    extend(line);
    if (!startsAtEnd) {
      line.reverse();
      extend(line);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Drop points that lie within `tolerance` of the straight line through their kept neighbours,
 * so straight stretches of a contour cost two points.
 *
 * @param points - A polyline in drawing units.
 * @param tolerance - Largest allowed deviation, in drawing units.
 * @returns The simplified polyline (first and last points kept).
 */
export function simplify(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const kept: Point[] = [points[0]!];
  for (let i = 1; i + 1 < points.length; i += 1) {
    const a = kept.at(-1)!;
    const b = points[i + 1]!;
    const p = points[i]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const length = Math.hypot(dx, dy);
    const distance =
      length === 0
        ? Math.hypot(p[0] - a[0], p[1] - a[1])
        : Math.abs(dy * (p[0] - a[0]) - dx * (p[1] - a[1])) / length;
    if (distance > tolerance) kept.push(p);
  }
  kept.push(points.at(-1)!);
  return kept;
}

/** One colour band of the heat map: all cells whose value falls into it, as one SVG path. */
export interface HeatBand {
  /** `-bands … -1` below zero, `1 … bands` above zero (larger magnitude: further from 0). */
  readonly band: number;
  /** Opacity of the band's colour, growing with its magnitude. */
  readonly opacity: number;
  /** Path data: one rectangle per run of neighbouring cells in a row. */
  readonly d: string;
}

/**
 * Quantize cell-centre values into diverging bands around 0: values below 0 are split into
 * `bands` equal steps down to the smallest value, values above 0 into `bands` steps up to the
 * largest, so both signs use the whole colour ramp.
 *
 * @param value - A cell value.
 * @param low - The smallest value on the map (negative).
 * @param high - The largest value on the map (positive).
 * @param bands - Steps per sign.
 * @returns The signed band, or 0 for exactly 0.
 */
export function bandOf(value: number, low: number, high: number, bands: number): number {
  if (value === 0) return 0;
  const fraction = value > 0 ? value / high : value / low;
  const band = Math.min(bands, Math.max(1, Math.ceil(fraction * bands)));
  return value > 0 ? band : -band;
}

/** Everything the widget draws, in drawing units of a square SVG. */
export interface SaddleFigure {
  /** Width and height of the SVG's view box. */
  readonly size: number;
  /** The plotting square: left, top and side length. */
  readonly plot: { readonly left: number; readonly top: number; readonly side: number };
  readonly domain: Domain;
  readonly heat: readonly HeatBand[];
  readonly contours: ReadonlyArray<{ readonly level: number; readonly points: readonly string[] }>;
  readonly ticks: ReadonlyArray<{ readonly value: number; readonly x: number; readonly y: number }>;
  readonly criticalPoints: ReadonlyArray<
    CriticalPoint & { readonly px: number; readonly py: number }
  >;
  /** Smallest and largest value of f on the domain: the ends of the colour scale. */
  readonly range: Domain;
  readonly bands: number;
}

/** Layout and resolution of the figure. */
export interface FigureOptions {
  readonly domain?: Domain;
  /** Heat-map cells per side. */
  readonly cells?: number;
  /** Marching-squares cells per side. */
  readonly contourCells?: number;
  /** Colour steps per sign. */
  readonly bands?: number;
}

/**
 * Compute the figure: heat-map bands, contours, ticks and critical points, rounded to 0.1 drawing
 * units to keep the inline SVG small.
 *
 * @param fn - Which function.
 * @param options - Domain (default `[-2, 2]`) and resolutions.
 * @returns The figure geometry.
 */
export function saddleFigure(fn: SaddleFunction, options: FigureOptions = {}): SaddleFigure {
  const { domain = [-2, 2], cells = 50, contourCells = 80, bands = 7 } = options;
  const size = 340;
  const plot = { left: 30, top: 10, side: 300 };
  const sx: LinearScale = linearScale(domain, [plot.left, plot.left + plot.side]);
  const sy: LinearScale = linearScale(domain, [plot.top + plot.side, plot.top]);

  const [lo, hi] = domain;
  const step = (hi - lo) / cells;
  const centres = Array.from({ length: cells }, (_, i) => lo + step * (i + 0.5));
  const values = centres.map((y) => centres.map((x) => evaluate(fn, x, y)));
  const grid = sampleGrid(fn, domain, contourCells);
  const critical = criticalPoints(fn);
  // The range of f over the domain: the extremes are at grid nodes (the domain's edges) or at
  // interior critical points, which the grid may miss (the floor's minima at y = ±√2).
  const extremes = [...grid.values.flat(), ...critical.map((point) => point.value)];
  const low = Math.min(...extremes);
  const high = Math.max(...extremes);
  const paths = new Map<number, string[]>();
  const cell = plot.side / cells;
  values.forEach((row, j) => {
    // Row j is the j-th from the bottom; SVG y grows downwards.
    const top = svgNumber(plot.top + plot.side - (j + 1) * cell);
    let start = 0;
    for (let i = 1; i <= row.length; i += 1) {
      const band = bandOf(row[start]!, low, high, bands);
      if (i < row.length && bandOf(row[i]!, low, high, bands) === band) continue;
      if (band !== 0) {
        const rect = `M${svgNumber(plot.left + start * cell)} ${top}h${svgNumber((i - start) * cell)}v${svgNumber(cell)}h${svgNumber(-(i - start) * cell)}z`;
        paths.set(band, [...(paths.get(band) ?? []), rect]);
      }
      start = i;
    }
  });
  const heat = [...paths.entries()]
    .sort(([a], [b]) => a - b)
    .map(([band, rects]) => ({
      band,
      opacity: Number(((Math.abs(band) / bands) * 0.85).toFixed(3)),
      d: rects.join(''),
    }));

  const contours = contourLevels[fn].map((level) => ({
    level,
    points: marchingSquares(grid, level).map((line) =>
      simplify(
        line.map(([x, y]) => [sx(x), sy(y)] as const),
        0.3,
      )
        .map(([x, y]) => `${svgNumber(x)},${svgNumber(y)}`)
        .join(' '),
    ),
  }));

  return {
    size,
    plot,
    domain,
    heat,
    contours,
    ticks: niceTicks(lo, hi, 4).map((value) => ({ value, x: sx(value), y: sy(value) })),
    criticalPoints: critical.map((point) => ({
      ...point,
      px: sx(point.x),
      py: sy(point.y),
    })),
    range: [low, high],
    bands,
  };
}
