/**
 * Property tests over random configurations (fast-check): finite values, cosine bounds,
 * resume through JSON state dicts identical to an unbroken run, and invalid configurations
 * rejected with ValueError and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LinearLR,
  MultiStepLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  SGD,
  StepLR,
  ValueError,
  withoutWarnings,
  type Optimizer,
  type Param,
  type Scheduler,
} from '../../src/scheduler/index.ts';

const lr = fc.double({ min: 1e-6, max: 10, noNaN: true });
const small = fc.integer({ min: 1, max: 60 });
const unit = fc.double({ min: 0.01, max: 1, noNaN: true });

type Build = (opt: Optimizer) => Scheduler & { step(arg?: number): void };

/** One arbitrary per scheduler class: a valid configuration and how to build it. */
const configs: fc.Arbitrary<{ name: string; build: Build }> = fc.oneof(
  fc.record({ T_max: small, eta_min: fc.double({ min: 0, max: 1e-2, noNaN: true }) }).map((o) => ({
    name: `CosineAnnealingLR ${JSON.stringify(o)}`,
    build: (opt: Optimizer) => new CosineAnnealingLR(opt, o),
  })),
  fc
    .record({
      T_0: small,
      T_mult: fc.integer({ min: 1, max: 4 }),
      eta_min: fc.double({ min: 0, max: 1e-2, noNaN: true }),
    })
    .map((o) => ({
      name: `CosineAnnealingWarmRestarts ${JSON.stringify(o)}`,
      build: (opt: Optimizer) => new CosineAnnealingWarmRestarts(opt, o),
    })),
  fc.record({ step_size: small, gamma: unit }).map((o) => ({
    name: `StepLR ${JSON.stringify(o)}`,
    build: (opt: Optimizer) => new StepLR(opt, o),
  })),
  fc.record({ milestones: fc.array(small, { maxLength: 5 }), gamma: unit }).map((o) => ({
    name: `MultiStepLR ${JSON.stringify(o)}`,
    build: (opt: Optimizer) => new MultiStepLR(opt, o),
  })),
  fc.record({ factor: unit, total_iters: fc.integer({ min: 0, max: 30 }) }).map((o) => ({
    name: `ConstantLR ${JSON.stringify(o)}`,
    build: (opt: Optimizer) => new ConstantLR(opt, o),
  })),
  fc.record({ start_factor: unit, end_factor: unit, total_iters: small }).map((o) => ({
    name: `LinearLR ${JSON.stringify(o)}`,
    build: (opt: Optimizer) => new LinearLR(opt, o),
  })),
  fc.record({ gamma: unit }).map((o) => ({
    name: `ExponentialLR ${JSON.stringify(o)}`,
    build: (opt: Optimizer) => new ExponentialLR(opt, o),
  })),
  fc
    .record({ total_iters: small, power: fc.double({ min: 0.1, max: 3, noNaN: true }) })
    .map((o) => ({
      name: `PolynomialLR ${JSON.stringify(o)}`,
      build: (opt: Optimizer) => new PolynomialLR(opt, o),
    })),
  fc
    .record({
      base_lr: lr,
      max_lr: lr,
      step_size_up: small,
      mode: fc.constantFrom('triangular', 'triangular2', 'exp_range' as const),
      gamma: unit,
    })
    .map((o) => ({
      name: `CyclicLR ${JSON.stringify(o)}`,
      build: (opt: Optimizer) => new CyclicLR(opt, o),
    })),
  fc
    .record({
      max_lr: lr,
      total_steps: fc.integer({ min: 200, max: 400 }),
      pct_start: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      anneal_strategy: fc.constantFrom('cos', 'linear' as const),
      three_phase: fc.boolean(),
    })
    .map((o) => ({
      name: `OneCycleLR ${JSON.stringify(o)}`,
      build: (opt: Optimizer) => new OneCycleLR(opt, o),
    })),
);

const STEPS = 150;

function newOptimizer(rate: number): Optimizer {
  const param: Param = { data: new Float64Array(1), grad: null };
  return new SGD([param], { lr: rate, momentum: 0.9 });
}

function run(build: Build, rate: number, steps: number): number[] {
  return withoutWarnings(() => {
    const opt = newOptimizer(rate);
    const s = build(opt);
    const out = [opt.paramGroups[0]!.lr];
    for (let k = 0; k < steps; k += 1) {
      s.step();
      out.push(opt.paramGroups[0]!.lr);
    }
    return out;
  });
}

describe('properties of every scheduler', () => {
  it('never produces NaN or Infinity', () => {
    fc.assert(
      fc.property(configs, lr, ({ build }, rate) => {
        for (const v of run(build, rate, STEPS)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('cosine rates stay within [eta_min, base lr]', () => {
    fc.assert(
      fc.property(
        small,
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0, max: 1e-3, noNaN: true }),
        lr,
        (T, T_mult, eta_min, rate) => {
          // Rounding error scales with the larger of the two, as in PyTorch's recursion.
          const slack = 1e-12 * Math.max(eta_min, rate);
          const lo = Math.min(eta_min, rate) - slack;
          const hi = Math.max(eta_min, rate) + slack;
          const cos = run((o) => new CosineAnnealingLR(o, { T_max: T, eta_min }), rate, 5 * T);
          const warm = run(
            (o) => new CosineAnnealingWarmRestarts(o, { T_0: T, T_mult, eta_min }),
            rate,
            5 * T,
          );
          for (const v of [...cos, ...warm]) {
            expect(v).toBeGreaterThanOrEqual(lo);
            expect(v).toBeLessThanOrEqual(hi);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stateDict → JSON → fresh scheduler → loadStateDict continues exactly like an unbroken run', () => {
    fc.assert(
      fc.property(configs, lr, fc.integer({ min: 0, max: STEPS }), ({ build }, rate, split) => {
        const unbroken = run(build, rate, STEPS);
        const resumed = withoutWarnings(() => {
          const first = newOptimizer(rate);
          const s1 = build(first);
          for (let k = 0; k < split; k += 1) s1.step();
          const saved = JSON.stringify({ opt: first.stateDict(), sched: s1.stateDict() });
          const { opt: optState, sched: schedState } = JSON.parse(saved);
          const second = newOptimizer(rate);
          const s2 = build(second);
          second.loadStateDict(optState);
          s2.loadStateDict(schedState);
          const out = unbroken.slice(0, split + 1);
          for (let k = split; k < STEPS; k += 1) {
            s2.step();
            out.push(second.paramGroups[0]!.lr);
          }
          return out;
        });
        expect(resumed).toEqual(unbroken);
      }),
      { numRuns: 300 },
    );
  });

  it('ReduceLROnPlateau resumes exactly, including an infinite best', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (metrics, split) => {
          const cut = Math.min(split, metrics.length);
          const unbroken = (() => {
            const opt = newOptimizer(1);
            const s = new ReduceLROnPlateau(opt, { patience: 2, mode: 'max' });
            return metrics.map((m) => (s.step(m), opt.paramGroups[0]!.lr));
          })();
          const opt1 = newOptimizer(1);
          const s1 = new ReduceLROnPlateau(opt1, { patience: 2, mode: 'max' });
          const out = metrics.slice(0, cut).map((m) => (s1.step(m), opt1.paramGroups[0]!.lr));
          const saved = JSON.parse(JSON.stringify({ o: opt1.stateDict(), s: s1.stateDict() }));
          const opt2 = newOptimizer(1);
          const s2 = new ReduceLROnPlateau(opt2, { patience: 2, mode: 'max' });
          opt2.loadStateDict(saved.o);
          s2.loadStateDict(saved.s);
          for (const m of metrics.slice(cut)) {
            s2.step(m);
            out.push(opt2.paramGroups[0]!.lr);
          }
          expect(out).toEqual(unbroken);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Invalid configurations: each must throw ValueError, never anything else, never succeed. */
const bad = fc.oneof(
  fc.double({ max: 0, noNaN: true }),
  fc.double({ min: 1.0001, max: 1e308, noNaN: true }),
  fc.constant(NaN),
  fc.constant(-1),
  fc.constant(1e308),
);
const badInteger = fc.oneof(
  fc.integer({ max: 0 }),
  fc.double({ min: 0.01, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.constant(NaN),
);

const invalid: fc.Arbitrary<{ name: string; build: Build }> = fc.oneof(
  badInteger.map((T_0) => ({
    name: `CosineAnnealingWarmRestarts T_0=${T_0}`,
    build: (o: Optimizer) => new CosineAnnealingWarmRestarts(o, { T_0 }),
  })),
  badInteger.map((T_mult) => ({
    name: `CosineAnnealingWarmRestarts T_mult=${T_mult}`,
    build: (o: Optimizer) => new CosineAnnealingWarmRestarts(o, { T_0: 5, T_mult }),
  })),
  bad
    .filter((f) => !(f >= 0 && f <= 1))
    .map((factor) => ({
      name: `ConstantLR factor=${factor}`,
      build: (o: Optimizer) => new ConstantLR(o, { factor }),
    })),
  bad
    .filter((f) => !(f > 0 && f <= 1))
    .map((start_factor) => ({
      name: `LinearLR start_factor=${start_factor}`,
      build: (o: Optimizer) => new LinearLR(o, { start_factor }),
    })),
  badInteger.map((total_steps) => ({
    name: `OneCycleLR total_steps=${total_steps}`,
    build: (o: Optimizer) => new OneCycleLR(o, { max_lr: 0.1, total_steps }),
  })),
  bad
    .filter((p) => !(p >= 0 && p <= 1))
    .map((pct_start) => ({
      name: `OneCycleLR pct_start=${pct_start}`,
      build: (o: Optimizer) => new OneCycleLR(o, { max_lr: 0.1, total_steps: 100, pct_start }),
    })),
  fc.double({ min: 1, max: 1e308, noNaN: true }).map((factor) => ({
    name: `ReduceLROnPlateau factor=${factor}`,
    build: (o: Optimizer) => new ReduceLROnPlateau(o, { factor }) as never,
  })),
);

describe('invalid configurations', () => {
  it('throw ValueError and nothing else', () => {
    fc.assert(
      fc.property(invalid, ({ build }) => {
        expect(() => withoutWarnings(() => build(newOptimizer(0.1)))).toThrow(ValueError);
      }),
      { numRuns: 500 },
    );
  });
});
