/**
 * The saddle-point explorer's view helpers: the mapping between the plane and the drawing (clicks
 * and the keyboard cursor), the chart's series, ranges and restart marks, the shareable address,
 * and the localized sentences. Expected values are worked out by hand or recomputed here from the
 * definitions (f, its gradient and Hessian, plain gradient descent), never read from the code
 * under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useSaddleExplorerTranslations } from '../../src/i18n/widgets/saddle-explorer.ts';
import {
  advance,
  createRun,
  DEFAULT_EXPLORER_CONFIG,
  parseExplorerConfig,
  type ExplorerConfig,
  type ExplorerPoint,
} from '../../src/widgets/saddle-explorer/model.ts';
import {
  chartRanges,
  chartSeries,
  clampedView,
  formatValue,
  fromView,
  moveCursor,
  pickStart,
  pointsUpTo,
  problemMessage,
  readShareHash,
  restartSteps,
  runSummary,
  shareHash,
  stepStatus,
  stepsPerFrame,
  surfaceFrame,
  thinSeries,
  toView,
  trajectoryPoints,
  type SurfaceFrame,
} from '../../src/widgets/saddle-explorer/view.ts';
import { saddleFigure } from '../../src/widgets/saddle-surface/model.ts';

const en = useSaddleExplorerTranslations('en');
const zh = useSaddleExplorerTranslations('zh-cn');

/** The frame of the saddle-surface figure: a 340-unit view box, a 300-unit square at (30, 10). */
const frame: SurfaceFrame = { size: 340, left: 30, top: 10, side: 300, domain: [-2, 2] };

function point(t: number, x: number, y: number, lr: number, gradNorm = 1): ExplorerPoint {
  return { t, x, y, loss: x * x - y * y, gx: 2 * x, gy: -2 * y, gradNorm, lr };
}

describe('the surface frame', () => {
  it('is the saddle-surface figure’s view box and plotting square', () => {
    expect(surfaceFrame(saddleFigure('x2-y2'))).toEqual(frame);
  });

  it('maps the corners and the centre of the plane (y up) to the drawing (y down)', () => {
    // 75 drawing units per unit of the plane.
    expect(toView(frame, -2, 2)).toEqual([30, 10]);
    expect(toView(frame, 2, -2)).toEqual([330, 310]);
    expect(toView(frame, 0, 0)).toEqual([180, 160]);
    expect(toView(frame, 1, 0.5)).toEqual([255, 122.5]);
  });

  it('fromView inverts toView', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (x, y) => {
          const [vx, vy] = toView(frame, x, y);
          const [bx, by] = fromView(frame, vx, vy);
          expect(bx).toBeCloseTo(x, 10);
          expect(by).toBeCloseTo(y, 10);
        },
      ),
    );
  });

  it('keeps far-away points within reach of a canvas', () => {
    const [vx, vy] = clampedView(frame, 1e200, -1e200);
    expect(vx).toBe(340 + 3400);
    expect(vy).toBe(340 + 3400);
    expect(clampedView(frame, 0, 0)).toEqual([180, 160]);
  });
});

describe('picking a start point', () => {
  it('reads the point under a click, rounded to hundredths', () => {
    expect(pickStart(frame, 217.5, 178.75)).toEqual({ x: 0.5, y: -0.25 });
    // 0.3 drawing units is 0.004 in the plane: still the same hundredth.
    expect(pickStart(frame, 217.8, 178.45)).toEqual({ x: 0.5, y: -0.25 });
  });

  it('ignores clicks outside the plotting square (the tick labels)', () => {
    expect(pickStart(frame, 10, 100)).toBeUndefined();
    expect(pickStart(frame, 100, 320)).toBeUndefined();
  });

  it('never gives a negative zero', () => {
    const picked = pickStart(frame, 180.2, 160.2)!;
    expect(Object.is(picked.x, -0) || Object.is(picked.y, -0)).toBe(false);
    expect(picked).toEqual({ x: 0, y: 0 });
  });

  it('moves the keyboard cursor by 0.1, or 0.01 with Shift, leaving the other coordinate alone', () => {
    const start = { x: 1, y: 0.001 };
    expect(moveCursor([-2, 2], start, 'ArrowUp', false)).toEqual({ x: 1, y: 0.1 });
    expect(moveCursor([-2, 2], start, 'ArrowDown', false)).toEqual({ x: 1, y: -0.1 });
    expect(moveCursor([-2, 2], start, 'ArrowLeft', true)).toEqual({ x: 0.99, y: 0.001 });
    expect(moveCursor([-2, 2], start, 'ArrowRight', false)).toEqual({ x: 1.1, y: 0.001 });
    expect(moveCursor([-2, 2], { x: 1.95, y: 0 }, 'ArrowRight', false)).toEqual({ x: 2, y: 0 });
  });

  it('collects no floating-point noise over many moves', () => {
    let cursor = { x: 0, y: 0 };
    for (let i = 0; i < 7; i += 1) cursor = moveCursor([-2, 2], cursor, 'ArrowRight', false);
    expect(cursor.x).toBe(0.7);
  });
});

describe('the chart', () => {
  it('plays any run in about three seconds at 60 frames per second', () => {
    expect(stepsPerFrame(180)).toBe(1);
    expect(stepsPerFrame(200)).toBe(2);
    expect(stepsPerFrame(10_000)).toBe(56);
  });

  it('plots loss, gradient norm (gaps where it is 0, for the log axis) and learning rate', () => {
    const series = chartSeries([point(0, 1, 0, 0.1, 2), point(1, 0, 0, 0.05, 0)]);
    expect(series.loss).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 0 },
    ]);
    expect(series.gradNorm[0]).toEqual({ x: 0, y: 2 });
    expect(series.gradNorm[1]!.y).toBeNaN();
    expect(series.lr.map((p) => p.y)).toEqual([0.1, 0.05]);
  });

  it('thins long curves to a few points per pixel column, keeping peaks and order', () => {
    const points = Array.from({ length: 1000 }, (_, t) =>
      point(t, 0, 0, t === 537 ? 9 : 0.01, t % 2 === 0 ? 1 : 0),
    );
    const thin = thinSeries(chartSeries(points), 10);
    // 100 steps per column: at most first, lowest, highest and last of each.
    expect(thin.lr.length).toBeLessThanOrEqual(40);
    expect(thin.lr.some((p) => p.y === 9 && p.x === 537)).toBe(true);
    expect(thin.lr[0]!.x).toBe(0);
    expect(thin.lr.at(-1)!.x).toBe(999);
    const xs = thin.lr.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // Short runs are kept whole.
    expect(thinSeries(chartSeries(points.slice(0, 30)), 10).lr).toHaveLength(30);
  });

  it('shows the points of a curve up to the current step', () => {
    const curve = [0, 2, 3, 7, 9].map((x) => ({ x, y: x }));
    expect(pointsUpTo(curve, 0).map((p) => p.x)).toEqual([0]);
    expect(pointsUpTo(curve, 6).map((p) => p.x)).toEqual([0, 2, 3]);
    expect(pointsUpTo(curve, 9)).toHaveLength(5);
    expect(pointsUpTo(curve, -1)).toEqual([]);
  });

  it('fixes the axes to nice ranges around the whole run', () => {
    // Loss from −1 to 1, padded by 0.1 each way: a span of 2.2 over about 4 ticks is a tick
    // every 0.55, rounded up to 1, so the axis runs from −2 to 2.
    const points = [point(0, 1, 0, 0.05, 2), point(1, 0, 1, 0.02, 1e-3)];
    const ranges = chartRanges(points);
    expect(ranges.loss).toEqual([-2, 2]);
    expect(ranges.gradNorm[0]).toBeCloseTo(1e-3 / 1.5, 15);
    expect(ranges.gradNorm[1]).toBeCloseTo(3, 15);
    // 0.05 × 1.05 = 0.0525, up to the next multiple of 0.02.
    expect(ranges.lr).toEqual([0, 0.06]);
  });

  it('marks the warm restarts, at every multiple of T_0 with T_mult = 1', () => {
    const config: ExplorerConfig = {
      ...DEFAULT_EXPLORER_CONFIG,
      schedule: 'warm-restarts',
      T_0: 5,
      T_mult: 1,
      steps: 22,
    };
    const run = createRun(config);
    advance(run);
    expect(restartSteps(run.points, 'warm-restarts')).toEqual([5, 10, 15, 20]);
    const cosine = createRun({ ...config, schedule: 'cosine', T_max: 5 });
    advance(cosine);
    expect(restartSteps(cosine.points, 'cosine')).toEqual([]);
  });

  it('draws the build-time path through the run’s points', () => {
    expect(trajectoryPoints(frame, [point(0, 1, 0, 0.1), point(1, 0, 0, 0.1)])).toBe(
      '255,160 180,160',
    );
  });
});

describe('sentences', () => {
  /** Plain gradient descent on x² − y² + y⁴/4, written out: the first step with |y| > 0.5. */
  function escapeByHand(x0: number, y0: number, lr: number, steps: number): number | undefined {
    let x = x0;
    let y = y0;
    for (let t = 1; t <= steps; t += 1) {
      [x, y] = [x - lr * 2 * x, y - lr * (-2 * y + y ** 3)];
      if (Math.abs(y) > 0.5) return t;
    }
    return undefined;
  }

  it('summarizes the default run: settings, the escape step and the end', () => {
    const config = DEFAULT_EXPLORER_CONFIG;
    const run = createRun(config);
    advance(run);
    const step = escapeByHand(config.x0, config.y0, config.lr, config.steps)!;
    const text = runSummary(en, 'en', config, run.points, run.status);
    expect(text).toMatch(
      /^SGD with learning rate 0\.05 \(Constant\), from \(1, 0\.001\), 200 steps\. /,
    );
    expect(text).toContain(`The iterate leaves the saddle (|y| > 0.5) at step ${step}.`);
    expect(text).toMatch(/It ends at \([^)]+, 1\.414\), where f = -1\.$/);
  });

  it('says when a run never leaves the saddle, and when it diverges', () => {
    const stuck = createRun({ ...DEFAULT_EXPLORER_CONFIG, y0: 0 });
    advance(stuck);
    expect(runSummary(en, 'en', stuck.config, stuck.points, stuck.status)).toContain(
      'The iterate stays near the saddle (|y| ≤ 0.5) for the whole run.',
    );
    const wild = createRun({ ...DEFAULT_EXPLORER_CONFIG, floor: false, lr: 5, steps: 10_000 });
    advance(wild);
    expect(wild.status).toBe('diverged');
    expect(runSummary(en, 'en', wild.config, wild.points, wild.status)).toMatch(
      /The run diverges after step \d+: the numbers leave the floating-point range\.$/,
    );
  });

  it('writes Chinese without spaces between sentences', () => {
    const run = createRun(DEFAULT_EXPLORER_CONFIG);
    advance(run);
    const text = runSummary(zh, 'zh-cn', run.config, run.points, run.status);
    expect(text).toMatch(
      /^SGD，学习率 0\.05（恒定），从 \(1, 0\.001\) 出发，共 200 步。迭代点在第 \d+ 步离开鞍点/,
    );
    expect(text).not.toMatch(/。 /);
  });

  it('reports the Hessian’s eigenvalues at the point shown: 2 and −2 + 3y²', () => {
    const y = 0.5;
    const text = stepStatus(en, 'en', point(7, 0.25, y, 0.05, 1.5), DEFAULT_EXPLORER_CONFIG);
    expect(text).toBe(
      `Step 7 of 200: (x, y) = (0.25, 0.5), f = -0.1875, gradient norm 1.5, learning rate 0.05. At the current point the Hessian’s eigenvalues are 2 and ${-2 + 3 * y * y}.`,
    );
  });

  it('formats tiny and huge numbers in scientific notation, others plainly', () => {
    expect(formatValue('en', 1e-6)).toBe('1E-6');
    expect(formatValue('en', 0.05)).toBe('0.05');
    expect(formatValue('en', -1.23456)).toBe('-1.235');
    expect(formatValue('en', 2.5e7)).toBe('2.5E7');
    expect(formatValue('zh-cn', 0.001)).toBe('0.001');
  });

  it('explains a rejected field by its label, in both languages', () => {
    const bad = parseExplorerConfig({ lr: 'abc', steps: '20000', schedule: 'linear' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((problem) => problemMessage(en, 'en', problem))).toEqual([
      'Learning rate must be a number.',
      'Schedule must be one of constant, cosine, warm-restarts.',
      'Steps must be at most 10000.',
    ]);
    expect(problemMessage(zh, 'zh-cn', bad.problems[0]!)).toBe('“学习率”必须是一个数。');
    expect(problemMessage(zh, 'zh-cn', bad.problems[1]!)).toBe(
      '“学习率调度”必须是 constant、cosine、warm-restarts 之一。',
    );
    const engine = parseExplorerConfig({ schedule: 'warm-restarts', T_0: '0' });
    if (engine.ok) throw new Error('T_0 = 0 was accepted');
    expect(problemMessage(en, 'en', engine.problems[0]!)).toBe(
      'PyTorch rejects this value of T_0.',
    );
  });
});

describe('shared addresses', () => {
  const config: ExplorerConfig = {
    ...DEFAULT_EXPLORER_CONFIG,
    x0: -1.25,
    y0: 1e-6,
    optimizer: 'adam',
    schedule: 'warm-restarts',
    T_0: 10,
    T_mult: 1,
    sigma: 0.01,
    seed: 42,
  };

  it('restore the configuration they were made from', () => {
    const hash = shareHash('saddle-explorer', config);
    expect(hash.startsWith('#saddle-explorer?x0=-1.25&y0=0.000001&')).toBe(true);
    const fields = readShareHash(hash, 'saddle-explorer')!;
    expect(parseExplorerConfig(fields)).toEqual({ ok: true, config });
  });

  it('belong to one element, and carry only the configuration’s own fields', () => {
    const hash = `${shareHash('a', config)}&onload=alert(1)&__proto__=x`;
    expect(readShareHash(hash, 'b')).toBeUndefined();
    expect(readShareHash('#a', 'a')).toBeUndefined();
    const fields = readShareHash(hash, 'a')!;
    expect(Object.keys(fields).sort()).toEqual(Object.keys(DEFAULT_EXPLORER_CONFIG).sort());
  });

  it('are still checked: a hostile value is a problem, not a configuration', () => {
    const fields = readShareHash('#a?lr=%3Cscript%3E&steps=1e999', 'a')!;
    expect(fields).toEqual({ lr: '<script>', steps: '1e999' });
    const parsed = parseExplorerConfig(fields);
    expect(parsed.ok).toBe(false);
  });
});
