/**
 * The pure model of the `SaddleSurface` widget, checked against the functions themselves: the
 * saddle at the origin (a minimum along x, a maximum along y), the floor's minima at (0, ±√2),
 * marching-squares contours (the zero contour of x² − y² is the two diagonals) and the heat map.
 */
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  contourLevels,
  criticalPoints,
  evaluate,
  gradient,
  hessianDiagonal,
  marchingSquares,
  saddleFigure,
  saddleFunctions,
  sampleGrid,
  simplify,
} from '../../src/widgets/saddle-surface/model.ts';

/** f written out independently of the model. */
const reference = {
  'x2-y2': (x: number, y: number) => x * x - y * y,
  'x2-y2+y4': (x: number, y: number) => x * x - y * y + y ** 4 / 4,
} as const;

const h = 1e-5;
const numericGradient = (f: (x: number, y: number) => number, x: number, y: number) => [
  (f(x + h, y) - f(x - h, y)) / (2 * h),
  (f(x, y + h) - f(x, y - h)) / (2 * h),
];

describe.each(saddleFunctions.map((fn) => [fn] as const))('%s', (fn) => {
  const f = reference[fn];

  it('evaluates the function', () => {
    for (const [x, y] of [
      [0, 0],
      [1, 2],
      [-1.5, 0.25],
      [2, -2],
    ] as const) {
      expect(evaluate(fn, x, y)).toBeCloseTo(f(x, y), 12);
    }
  });

  it('has the gradient of finite differences', () => {
    for (const [x, y] of [
      [0.3, -1.2],
      [1.7, 0.4],
    ] as const) {
      const [gx, gy] = gradient(fn, x, y);
      const [nx, ny] = numericGradient(f, x, y);
      expect(gx).toBeCloseTo(nx!, 6);
      expect(gy).toBeCloseTo(ny!, 6);
    }
  });

  it('has a saddle at the origin: 0 there, a minimum along y = 0 and a maximum along x = 0', () => {
    expect(f(0, 0)).toBe(0);
    for (const t of [-0.5, -0.1, 0.1, 0.5]) {
      expect(f(t, 0)).toBeGreaterThan(f(0, 0));
      expect(f(0, t)).toBeLessThan(f(0, 0));
    }
    const saddle = criticalPoints(fn).find((point) => point.kind === 'saddle');
    expect(saddle).toEqual({ x: 0, y: 0, value: 0, kind: 'saddle' });
    expect(hessianDiagonal(fn, 0)).toEqual([2, -2]);
  });

  it('finds only points where the gradient vanishes', () => {
    for (const point of criticalPoints(fn)) {
      const [gx, gy] = numericGradient(f, point.x, point.y);
      expect(Math.hypot(gx!, gy!)).toBeLessThan(1e-8);
    }
  });

  it('traces each contour on its level set', () => {
    const grid = sampleGrid(fn, [-2, 2], 80);
    for (const level of contourLevels[fn]) {
      const lines = marchingSquares(grid, level);
      expect(lines.length, `level ${level}`).toBeGreaterThan(0);
      for (const line of lines) {
        for (const [x, y] of line) {
          // Linear interpolation across a cell of side 0.05 is exact to O(side²).
          expect(Math.abs(f(x, y) - level)).toBeLessThan(0.02);
        }
      }
    }
  });
});

describe('x² − y²', () => {
  it('has the two diagonals as its zero contour', () => {
    const grid = sampleGrid('x2-y2', [-2, 2], 40);
    const points = marchingSquares(grid, 0).flat();
    for (const [x, y] of points) expect(Math.abs(Math.abs(x) - Math.abs(y))).toBeLessThan(1e-12);
    // Every grid node on either diagonal is on the contour: the diagonals are traced end to end.
    const onContour = new Set(points.map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`));
    for (const t of grid.xs) {
      expect(onContour.has(`${t.toFixed(9)},${t.toFixed(9)}`)).toBe(true);
      expect(onContour.has(`${t.toFixed(9)},${(-t).toFixed(9)}`)).toBe(true);
    }
  });

  it('has no other critical point', () => {
    expect(criticalPoints('x2-y2')).toHaveLength(1);
  });
});

describe('x² − y² + y⁴/4', () => {
  it('has minima at (0, ±√2) with f = −1, computed from ∂f/∂y = −2y + y³ = 0', () => {
    const minima = criticalPoints('x2-y2+y4').filter((point) => point.kind === 'minimum');
    expect(minima.map((point) => point.x)).toEqual([0, 0]);
    expect(minima.map((point) => point.y)).toEqual([-Math.SQRT2, Math.SQRT2]);
    for (const point of minima) {
      expect(point.value).toBeCloseTo(-1, 12);
      // A minimum: f grows in every direction around it.
      for (const [dx, dy] of [
        [0.05, 0],
        [-0.05, 0],
        [0, 0.05],
        [0, -0.05],
        [0.03, 0.03],
      ] as const) {
        expect(reference['x2-y2+y4'](point.x + dx, point.y + dy)).toBeGreaterThan(point.value);
      }
    }
  });
});

describe('heat map', () => {
  it('splits each sign into bands of equal width', () => {
    expect(bandOf(0, -1, 4, 7)).toBe(0);
    expect(bandOf(4, -1, 4, 7)).toBe(7);
    expect(bandOf(-1, -1, 4, 7)).toBe(-7);
    expect(bandOf(0.001, -1, 4, 7)).toBe(1);
    expect(bandOf(-0.5, -1, 4, 7)).toBe(-4);
  });

  it('covers the plot once: every cell is in exactly one band or exactly 0', () => {
    const figure = saddleFigure('x2-y2', { cells: 20 });
    const cell = figure.plot.side / 20;
    let area = 0;
    for (const band of figure.heat) {
      for (const [, w] of band.d.matchAll(/h(\d+(?:\.\d+)?)v/g)) area += Number(w) * cell;
    }
    // Cells whose centre value is exactly 0 (on a diagonal, up to rounding) show the background.
    let zero = 0;
    for (let j = 0; j < 20; j += 1) {
      for (let i = 0; i < 20; i += 1) {
        if (reference['x2-y2'](-2 + 0.2 * (i + 0.5), -2 + 0.2 * (j + 0.5)) === 0) zero += 1;
      }
    }
    expect(zero).toBeGreaterThanOrEqual(20);
    expect(area).toBeCloseTo(figure.plot.side ** 2 - zero * cell * cell, 6);
  });

  it('spans the range of f on the domain, the floor’s minima included', () => {
    expect(saddleFigure('x2-y2').range).toEqual([-4, 4]);
    const [low, high] = saddleFigure('x2-y2+y4').range;
    expect(low).toBeCloseTo(-1, 12);
    expect(high).toBe(4);
  });

  it('stays small enough to inline', () => {
    for (const fn of saddleFunctions) {
      const figure = saddleFigure(fn);
      const bytes =
        figure.heat.reduce((sum, band) => sum + band.d.length, 0) +
        figure.contours.reduce((sum, contour) => sum + contour.points.join(' ').length, 0);
      expect(bytes, fn).toBeLessThan(25_000);
    }
  });
});

describe('simplify', () => {
  it('drops points on straight stretches and keeps corners', () => {
    expect(
      simplify(
        [
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 2],
          [4, 2],
        ],
        0.01,
      ),
    ).toEqual([
      [0, 0],
      [2, 2],
      [4, 2],
    ]);
  });
});
