/**
 * The saddle-point explorer's model: the surface's derivatives against finite differences, the
 * 2×2 eigen-solver against Jacobi rotations, and runs: the exponential escape of plain gradient
 * descent, faster escapes with momentum and Adam, seeded noise, and learning rates equal to the
 * engine's schedulers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  SGD,
  restartEpochs,
  type Param,
} from '../../src/scheduler/index.ts';
import {
  advance,
  classifyCritical,
  createRun,
  DEFAULT_EXPLORER_CONFIG,
  escapeStep,
  gradientAt,
  hessianAt,
  lossAt,
  resetRun,
  step,
  symmetricEigen2,
  type ExplorerConfig,
  type ExplorerPoint,
  type Symmetric2,
} from '../../src/widgets/saddle-explorer/model.ts';
import { createRng } from '../../src/widgets/training-run/rng.ts';

const config = (overrides: Partial<ExplorerConfig>): ExplorerConfig => ({
  ...DEFAULT_EXPLORER_CONFIG,
  ...overrides,
});

const coordinate = fc.double({ min: -3, max: 3, noNaN: true });

/** Relative difference, measured against the larger magnitude (or 1 near zero). */
const relative = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

describe('surface', () => {
  it('has the gradient of its value (central differences)', () => {
    fc.assert(
      fc.property(coordinate, coordinate, fc.boolean(), (x, y, floor) => {
        const h = 1e-5;
        const dx = (lossAt(x + h, y, floor) - lossAt(x - h, y, floor)) / (2 * h);
        const dy = (lossAt(x, y + h, floor) - lossAt(x, y - h, floor)) / (2 * h);
        const [gx, gy] = gradientAt(x, y, floor);
        expect(relative(gx, dx)).toBeLessThan(1e-8);
        expect(relative(gy, dy)).toBeLessThan(1e-8);
      }),
    );
  });

  it('computes the gradient as 2x and −2y (+ y·y·y with the floor), bit for bit', () => {
    fc.assert(
      fc.property(coordinate, coordinate, (x, y) => {
        expect(gradientAt(x, y, true)).toEqual([2 * x, -2 * y + y * y * y]);
        expect(gradientAt(x, y, false)).toEqual([2 * x, -2 * y]);
      }),
    );
  });

  it('has the Hessian of its gradient (central differences)', () => {
    fc.assert(
      fc.property(coordinate, coordinate, fc.boolean(), (x, y, floor) => {
        const h = 1e-5;
        const [gxp, gyp] = gradientAt(x + h, y, floor);
        const [gxm, gym] = gradientAt(x - h, y, floor);
        const [gxq, gyq] = gradientAt(x, y + h, floor);
        const [gxr, gyr] = gradientAt(x, y - h, floor);
        const { a, b, c } = hessianAt(x, y, floor);
        expect(relative(a, (gxp - gxm) / (2 * h))).toBeLessThan(1e-8);
        expect(relative(b, (gyp - gym) / (2 * h))).toBeLessThan(1e-8);
        expect(relative(b, (gxq - gxr) / (2 * h))).toBeLessThan(1e-8);
        expect(relative(c, (gyq - gyr) / (2 * h))).toBeLessThan(1e-8);
      }),
    );
  });

  it('has a saddle at the origin: Hessian diag(2, −2), one positive and one negative eigenvalue', () => {
    for (const floor of [true, false]) {
      expect(gradientAt(0, 0, floor).map(Math.abs)).toEqual([0, 0]);
      const hessian = hessianAt(0, 0, floor);
      expect(hessian).toEqual({ a: 2, b: 0, c: -2 });
      const { values, vectors } = symmetricEigen2(hessian);
      expect(values).toEqual([2, -2]);
      expect(vectors.map((v) => v.map(Math.abs))).toEqual([
        [1, 0],
        [0, 1],
      ]);
      expect(classifyCritical(hessian)).toBe('saddle');
    }
  });

  it('with the floor, has minima at (0, ±√2) where f = −1', () => {
    for (const y of [Math.SQRT2, -Math.SQRT2]) {
      const [gx, gy] = gradientAt(0, y, true);
      expect(gx).toBe(0);
      expect(Math.abs(gy)).toBeLessThan(1e-15);
      expect(lossAt(0, y, true)).toBeCloseTo(-1, 15);
      expect(classifyCritical(hessianAt(0, y, true))).toBe('minimum');
    }
  });
});

/**
 * Eigenvalues by one Jacobi rotation: the angle θ = ½·atan2(2b, a − c) diagonalizes the matrix,
 * and the diagonal of RᵀAR holds the eigenvalues.
 */
function jacobi({ a, b, c }: Symmetric2): [number, number] {
  const theta = Math.atan2(2 * b, a - c) / 2;
  const cs = Math.cos(theta);
  const sn = Math.sin(theta);
  const l1 = a * cs * cs + 2 * b * sn * cs + c * sn * sn;
  const l2 = a * sn * sn - 2 * b * sn * cs + c * cs * cs;
  return l1 >= l2 ? [l1, l2] : [l2, l1];
}

describe('symmetricEigen2', () => {
  // Entries of every magnitude, from subnormal to 1e200, mixed within one matrix.
  const entry = fc.oneof(
    fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    fc.double({ min: -1e200, max: 1e200, noNaN: true }),
    fc.double({ min: -1e-200, max: 1e-200, noNaN: true }),
  );

  it('agrees with a Jacobi rotation, and A·v = λ·v with orthonormal v', () => {
    fc.assert(
      fc.property(entry, entry, entry, (a, b, c) => {
        const m = { a, b, c };
        const { values, vectors } = symmetricEigen2(m);
        const scale = Math.max(1e-300, Math.abs(a), Math.abs(b), Math.abs(c));
        const expected = jacobi(m);
        expect(values[0]).toBeGreaterThanOrEqual(values[1]);
        expect(Math.abs(values[0] - expected[0]) / scale).toBeLessThan(1e-13);
        expect(Math.abs(values[1] - expected[1]) / scale).toBeLessThan(1e-13);
        for (const [k, [vx, vy]] of vectors.entries()) {
          expect(Math.hypot(vx, vy)).toBeCloseTo(1, 14);
          const lambda = values[k]!;
          expect(
            Math.abs((a / scale) * vx + (b / scale) * vy - (lambda / scale) * vx),
          ).toBeLessThan(1e-12);
          expect(
            Math.abs((b / scale) * vx + (c / scale) * vy - (lambda / scale) * vy),
          ).toBeLessThan(1e-12);
        }
        const [[ux, uy], [wx, wy]] = vectors;
        expect(Math.abs(ux * wx + uy * wy)).toBeLessThan(1e-14);
      }),
    );
  });

  it('matches eigenvalues known in closed form', () => {
    // [[2, 1], [1, 2]] has eigenvalues 2 ± 1; [[0, 1], [1, 0]] has ±1; [[4, 2], [2, 1]] is
    // singular with trace 5; [[1, 2], [2, −2]] has characteristic polynomial λ² + λ − 6.
    const cases: Array<[Symmetric2, [number, number]]> = [
      [{ a: 2, b: 1, c: 2 }, [2 + 1, 2 - 1]],
      [{ a: 0, b: 1, c: 0 }, [1, -1]],
      [{ a: 4, b: 2, c: 1 }, [4 + 1, 0]],
      [{ a: 1, b: 2, c: -2 }, [(-1 + Math.sqrt(1 + 24)) / 2, (-1 - Math.sqrt(1 + 24)) / 2]],
      [{ a: -3, b: 0, c: 5 }, [5, -3]],
    ];
    for (const [m, [l1, l2]] of cases) {
      const { values } = symmetricEigen2(m);
      expect(values[0]).toBeCloseTo(l1, 14);
      expect(values[1]).toBeCloseTo(l2, 14);
    }
  });

  it('keeps the small eigenvalue of an ill-conditioned matrix accurate', () => {
    // det = 1e8·1e-6 − 0.01² = 99.9999, trace ≈ 1e8: the small eigenvalue is det/λ₁.
    const m = { a: 1e8, b: 0.01, c: 1e-6 };
    const { values } = symmetricEigen2(m);
    const large = jacobi(m)[0];
    expect(values[0]).toBe(large);
    expect(relative(values[0] * values[1], 1e8 * 1e-6 - 0.01 * 0.01)).toBeLessThan(1e-14);
    expect(Math.abs(values[1] - (1e8 * 1e-6 - 1e-4) / large) / values[1]).toBeLessThan(1e-14);
  });
});

describe('runs', () => {
  it('escapes plain GD along y like (1 + 2·lr)^t and shrinks x like (1 − 2·lr)^t (no floor)', () => {
    const lr = 0.05;
    const run = createRun(
      config({ x0: 1, y0: 1e-6, floor: false, optimizer: 'sgd', lr, steps: 300 }),
    );
    advance(run);
    expect(run.status).toBe('finished');
    expect(run.points).toHaveLength(301);
    for (const point of run.points) {
      expect(relative(point.y, 1e-6 * (1 + 2 * lr) ** point.t)).toBeLessThan(1e-12);
      expect(Math.abs(point.x - (1 - 2 * lr) ** point.t)).toBeLessThan(1e-14);
      expect(point.lr).toBe(lr);
      expect(point.loss).toBe(point.x * point.x - point.y * point.y);
      expect(point.gradNorm).toBe(Math.hypot(2 * point.x, -2 * point.y));
    }
  });

  it('escapes faster with momentum than plain SGD, and faster still with Adam', () => {
    const stepsToEscape = (optimizer: ExplorerConfig['optimizer']): number => {
      const run = createRun(
        config({ x0: 1, y0: 1e-6, floor: false, optimizer, lr: 0.05, steps: 1000 }),
      );
      let t = 0;
      while (Math.abs(run.points[t]!.y) <= 0.5) {
        step(run);
        t += 1;
      }
      expect(escapeStep(run.points)).toBe(t);
      return t;
    };
    const sgd = stepsToEscape('sgd');
    const momentum = stepsToEscape('momentum');
    const adam = stepsToEscape('adam');
    // Plain GD needs log(0.5/1e-6)/log(1.1) ≈ 137.7 steps.
    expect(sgd).toBe(Math.ceil(Math.log(0.5 / 1e-6) / Math.log(1.1)));
    expect(momentum).toBeLessThan(sgd);
    expect(adam).toBeLessThan(momentum);
  });

  it('settles in a minimum of the floor, f = −1', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const run = createRun(config({ x0: 1, y0: 1e-3, optimizer, lr: 0.05, steps: 2000 }));
      advance(run);
      const last = run.points.at(-1)!;
      expect(Math.abs(last.x)).toBeLessThan(1e-6);
      expect(Math.abs(Math.abs(last.y) - Math.SQRT2)).toBeLessThan(1e-6);
      expect(last.loss).toBeCloseTo(-1, 10);
    }
  });

  it('starts exactly on the ridge stays on it: y = 0 is never left without noise', () => {
    const run = createRun(config({ x0: 1, y0: 0, optimizer: 'adam', steps: 500 }));
    advance(run);
    expect(run.points.every((p) => p.y === 0)).toBe(true);
    expect(run.points.at(-1)!.gradNorm).toBeLessThan(1e-3);
  });

  it('is reproducible for a seed and differs for another seed', () => {
    const noisy = config({ x0: 1, y0: 0, sigma: 0.1, seed: 7, steps: 200, optimizer: 'momentum' });
    const first = advance(createRun(noisy));
    const second = advance(createRun(noisy));
    expect(second).toEqual(first);
    const other = advance(createRun({ ...noisy, seed: 8 }));
    expect(other).not.toEqual(first);
    // Noise lets the run leave the ridge y = 0 it could not leave on its own.
    expect(escapeStep(first)).toBeDefined();
  });

  it('adds σ times two standard normals from the seed to the gradient', () => {
    const sigma = 0.3;
    const lr = 0.1;
    const run = createRun(config({ x0: 0.5, y0: 0.25, floor: true, sigma, seed: 42, lr }));
    advance(run, 2);
    const rng = createRng(42);
    let x = 0.5;
    let y = 0.25;
    for (const point of run.points.slice(1)) {
      const gx = 2 * x + sigma * rng.normal();
      const gy = -2 * y + y * y * y + sigma * rng.normal();
      x = x + -lr * gx;
      y = y + -lr * gy;
      expect(point.x).toBe(x);
      expect(point.y).toBe(y);
    }
  });

  it('records the learning rate the engine’s CosineAnnealingLR gives after each step', () => {
    const lr = 0.2;
    const run = createRun(
      config({ schedule: 'cosine', T_max: 30, eta_min: 0.01, lr, steps: 100, optimizer: 'adam' }),
    );
    advance(run);
    const param: Param = { data: new Float64Array(1), grad: new Float64Array(1) };
    const optimizer = new SGD([param], { lr });
    const scheduler = new CosineAnnealingLR(optimizer, { T_max: 30, eta_min: 0.01 });
    for (const point of run.points) {
      expect(point.lr).toBe(optimizer.paramGroups[0]!.lr);
      expect(point.lr).toBe(scheduler.getLastLr()[0]);
      optimizer.step();
      scheduler.step();
    }
  });

  it('raises the learning rate exactly at the engine’s warm-restart epochs', () => {
    const lr = 0.1;
    const steps = 200;
    const run = createRun(
      config({ schedule: 'warm-restarts', T_0: 5, T_mult: 2, eta_min: 0.001, lr, steps }),
    );
    advance(run);
    const rises = run.points.filter((p, t) => t > 0 && p.lr > run.points[t - 1]!.lr);
    const expected = restartEpochs(5, 2, 10).filter((epoch) => epoch <= steps);
    expect(rises.map((p) => p.t)).toEqual(expected);
    for (const p of rises) expect(p.lr).toBe(lr);

    const param: Param = { data: new Float64Array(1), grad: new Float64Array(1) };
    const optimizer = new SGD([param], { lr });
    const scheduler = new CosineAnnealingWarmRestarts(optimizer, {
      T_0: 5,
      T_mult: 2,
      eta_min: 0.001,
    });
    for (const point of run.points) {
      expect(point.lr).toBe(optimizer.paramGroups[0]!.lr);
      optimizer.step();
      scheduler.step();
    }
  });

  it('steps one at a time, stops at the step limit, and resets to the same trajectory', () => {
    const run = createRun(config({ steps: 3, sigma: 0.2 }));
    const taken: ExplorerPoint[] = [];
    for (let i = 0; i < 5; i += 1) {
      const point = step(run);
      if (point) taken.push(point);
    }
    expect(taken.map((p) => p.t)).toEqual([1, 2, 3]);
    expect(run.status).toBe('finished');
    expect(step(run)).toBeUndefined();
    const again = resetRun(run);
    expect(again.points).toHaveLength(1);
    expect(again.status).toBe('running');
    expect(advance(again)).toEqual(taken);
  });

  it('stops as diverged when the iterates leave the floating-point range, keeping finite points', () => {
    // lr = 5: y ← 11·y − 5·y³ with the floor, which overflows within a few steps.
    const run = createRun(config({ lr: 5, steps: 10_000 }));
    advance(run);
    expect(run.status).toBe('diverged');
    expect(run.points.length).toBeLessThan(100);
    for (const p of run.points) {
      expect([p.x, p.y, p.loss, p.gradNorm, p.lr].every(Number.isFinite)).toBe(true);
    }
    expect(step(run)).toBeUndefined();
  });
});
