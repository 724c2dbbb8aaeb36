/**
 * Shared plotting geometry of the widgets' build-time SVGs (ticks, scales, decimation, SVG
 * number formatting) and the `ScheduleChart` fallback drawn with it.
 */
import { describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import {
  axisTitleLines,
  decimate,
  linearScale,
  niceDomain,
  niceStep,
  niceTicks,
  polylinePoints,
  svgNumber,
} from '../../src/widgets/shared/plot.ts';
import { fallbackGeometry, fallbackLayout } from '../../src/widgets/schedule-chart/fallback.ts';
import {
  chartSpecFromProps,
  evaluate,
  type Curve,
} from '../../src/widgets/schedule-chart/model.ts';

describe('axis titles', () => {
  it('breaks long axis titles into two lines at the middle space', () => {
    expect(axisTitleLines('Validation accuracy')).toEqual(['Validation', 'accuracy']);
    expect(axisTitleLines('Loss f')).toEqual(['Loss f']);
    expect(axisTitleLines('aaa bbb ccc ddd')).toEqual(['aaa bbb', 'ccc ddd']);
    expect(axisTitleLines('验证精度')).toEqual(['验证精度']);
  });
});

describe('scales and ticks', () => {
  it('maps a domain linearly onto a range, reversed ranges included', () => {
    const scale = linearScale([0, 10], [300, 100]);
    expect(scale(0)).toBe(300);
    expect(scale(10)).toBe(100);
    expect(scale(2.5)).toBe(250);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(160, 8)).toBe(20);
    expect(niceStep(0.1, 5)).toBe(0.02);
    expect(niceStep(35, 8)).toBe(5);
    expect(niceStep(1200, 8)).toBe(200);
  });

  it('gives ticks without floating-point noise', () => {
    expect(niceTicks(0, 0.1, 5)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(niceTicks(-2, 2, 4)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(1, 1)).toEqual([1]);
  });

  it('widens a domain to nice ends', () => {
    expect(niceDomain(0, 0.093, 5)).toEqual([0, 0.1]);
    expect(niceDomain(0.013, 0.1, 5)).toEqual([0, 0.1]);
    const [low, high] = niceDomain(0.1, 0.1, 5);
    expect(low).toBeLessThan(0.1);
    expect(high).toBeGreaterThan(0.1);
  });
});

describe('decimation', () => {
  it('keeps short curves whole', () => {
    expect(decimate([0, 1, 2], [5, 4, 3], 100)).toEqual([0, 1, 2]);
  });

  it('keeps each column’s first, lowest, highest and last sample', () => {
    const n = 10_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i);
    // A sawtooth whose drop (a restart) falls inside a column.
    const ys = Float64Array.from({ length: n }, (_, i) => (i % 2_500) / 2_500);
    const kept = decimate(xs, ys, 100);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
    for (const top of [2_499, 4_999, 7_499]) expect(kept).toContain(top);
    for (const bottom of [2_500, 5_000, 7_500]) expect(kept).toContain(bottom);
  });
});

describe('SVG text', () => {
  it('rounds coordinates to short text', () => {
    expect(svgNumber(12.345)).toBe('12.3');
    expect(svgNumber(0.5)).toBe('.5');
    expect(svgNumber(-0.5)).toBe('-.5');
    expect(svgNumber(-0.04)).toBe('0');
    expect(svgNumber(7)).toBe('7');
    expect(svgNumber(1.23456, 3)).toBe('1.235');
  });

  it('writes polyline points without repeats', () => {
    expect(
      polylinePoints([
        [0, 0],
        [10.04, 5],
        [10.01, 5],
        [20, 0.25],
      ]),
    ).toBe('0,0 10,5 20,.3');
  });
});

describe('ScheduleChart fallback', () => {
  const evaluation = evaluate(
    chartSpecFromProps({
      scheduler: 'CosineAnnealingWarmRestarts',
      options: { T_0: 5, T_mult: 2 },
      lr: 0.1,
      epochs: 160,
      markRestarts: true,
    }),
  );
  const curves = evaluation.ok ? evaluation.curves : ([] as Curve[]);
  const geometry = fallbackGeometry(curves, 160);
  const { left, right, top, bottom, width, height } = fallbackLayout;
  const x = (epoch: number) => left + (epoch / 160) * (width - right - left);
  const y = (lr: number) => height - bottom - (lr / 0.1) * (height - bottom - top);

  it('spans the run on x and 0 … a nice maximum on y', () => {
    expect(geometry.xDomain).toEqual([0, 160]);
    expect(geometry.yDomain).toEqual([0, 0.1]);
    expect(geometry.xTicks.map((tick) => tick.value)).toEqual([
      0, 20, 40, 60, 80, 100, 120, 140, 160,
    ]);
    expect(geometry.yTicks[0]).toEqual({ value: 0, pos: height - bottom });
  });

  it('draws the curve through its samples, and the restarts where restartEpochs puts them', () => {
    const points = geometry.lines[0]!.split(' ').map((pair) => pair.split(',').map(Number));
    expect(points).toHaveLength(160);
    const lr = curves[0]!.lr;
    points.forEach(([px, py], epoch) => {
      expect(px).toBeCloseTo(x(epoch), 1);
      expect(py).toBeCloseTo(y(lr[epoch]!), 1);
    });
    expect(geometry.restarts[0]).toEqual([5, 15, 35, 75, 155].map(x));
  });
});
