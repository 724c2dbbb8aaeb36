import { describe, expect, it } from 'vitest';
import { ValueError, ZeroDivisionError } from '../../src/scheduler/errors.ts';
import {
  annealFunction,
  annealingCos,
  annealingLinear,
  oneCycleLr,
  oneCycleMomentum,
  oneCyclePhaseAt,
  oneCyclePhases,
  oneCycleTotalSteps,
} from '../../src/scheduler/functional/one-cycle.ts';
import { isClose as close } from '../helpers/fixture-compare.ts';

/** Cosine interpolation written independently: `a` at p = 0, `b` at p = 1. */
function cosine(a: number, b: number, p: number): number {
  return b + ((a - b) * (1 + Math.cos(Math.PI * p))) / 2;
}

describe('annealing curves', () => {
  it('cos goes from start to end through the midpoint', () => {
    expect(annealingCos(1, 0, 0)).toBe(1);
    expect(annealingCos(1, 0, 1)).toBe(0);
    expect(close(annealingCos(0.3, 0.1, 0.5), 0.2)).toBe(true);
    // Evaluated as end + (start − end)/2·(cos + 1), the start is not always reproduced exactly.
    expect(annealingCos(0.04, 1, 0)).not.toBe(0.04);
    expect(close(annealingCos(0.04, 1, 0), 0.04)).toBe(true);
  });

  it('linear interpolates and extrapolates', () => {
    expect(annealingLinear(1, 3, 0.5)).toBe(2);
    expect(annealingLinear(1, 3, 1.5)).toBe(4);
  });

  it('looks strategies up by name and rejects unknown ones', () => {
    expect(annealFunction('cos')).toBe(annealingCos);
    expect(annealFunction('linear')).toBe(annealingLinear);
    expect(() => annealFunction('step')).toThrow('Unknown _anneal_func_type: step');
  });
});

describe('oneCycleLr, two phases', () => {
  const options = { max_lr: 1, total_steps: 10 };

  it('starts near max_lr / div_factor, peaks at max_lr and ends at min_lr', () => {
    expect(close(oneCycleLr(0, options), 1 / 25)).toBe(true);
    expect(oneCycleLr(2, options)).toBe(1);
    expect(oneCycleLr(9, options)).toBe(1 / 25 / 1e4);
  });

  it('follows cosine curves between the landmarks', () => {
    for (let s = 0; s <= 2; s += 1) {
      expect(close(oneCycleLr(s, options), cosine(0.04, 1, s / 2))).toBe(true);
    }
    for (let s = 2; s <= 9; s += 1) {
      expect(close(oneCycleLr(s, options), cosine(1, 0.04 / 1e4, (s - 2) / 7))).toBe(true);
    }
  });

  it('is linear with anneal_strategy linear', () => {
    const linear = { max_lr: 0.5, total_steps: 15, anneal_strategy: 'linear' as const };
    const initial = 0.5 / 25;
    const min = initial / 1e4;
    const warmUpEnd = 0.3 * 15 - 1;
    for (let s = 0; s <= 14; s += 1) {
      const expected =
        s <= warmUpEnd
          ? initial + ((0.5 - initial) * s) / warmUpEnd
          : 0.5 + ((min - 0.5) * (s - warmUpEnd)) / (14 - warmUpEnd);
      expect(close(oneCycleLr(s, linear), expected)).toBe(true);
    }
  });

  it('takes total_steps from epochs · steps_per_epoch', () => {
    expect(oneCycleTotalSteps(undefined, 4, 5)).toBe(20);
    expect(oneCycleLr(19, { max_lr: 0.1, epochs: 4, steps_per_epoch: 5 })).toBe(0.1 / 25 / 1e4);
  });

  it('allows step total_steps (extrapolating upwards) and rejects the step after', () => {
    const short = { max_lr: 1, total_steps: 4 };
    const beyond = oneCycleLr(4, short);
    expect(beyond).toBeGreaterThan(oneCycleLr(3, short));
    expect(close(beyond, cosine(1, 0.04 / 1e4, (4 - 0.2) / (3 - 0.2)))).toBe(true);
    const call = () => oneCycleLr(5, short);
    expect(call).toThrow(ValueError);
    // Newest PyTorch's message names the step itself (1.13 printed 6 here).
    expect(call).toThrow('Tried to step 5 times. The specified number of total steps is 4');
  });

  it('starts inside phase 2 when pct_start · total_steps < 1', () => {
    const lr0 = oneCycleLr(0, { max_lr: 0.1, total_steps: 10, pct_start: 0.05 });
    const warmUpEnd = 0.05 * 10 - 1;
    expect(close(lr0, cosine(0.1, 0.1 / 25 / 1e4, (0 - warmUpEnd) / (9 - warmUpEnd)))).toBe(true);
    expect(lr0).toBeLessThan(0.1);
  });
});

describe('oneCycleLr, three phases', () => {
  it('peaks at max_lr, returns to initial_lr at 2·pct·T − 2 and ends at min_lr', () => {
    const options = { max_lr: 0.2, total_steps: 16, pct_start: 0.25, three_phase: true };
    expect(oneCycleLr(3, options)).toBe(0.2);
    expect(oneCycleLr(6, options)).toBe(0.2 / 25);
    expect(oneCycleLr(15, options)).toBe(0.2 / 25 / 1e4);
    expect(close(oneCycleLr(1, options), cosine(0.2 / 25, 0.2, 1 / 3))).toBe(true);
    expect(close(oneCycleLr(4, options), cosine(0.2, 0.2 / 25, 1 / 3))).toBe(true);
    expect(close(oneCycleLr(10, options), cosine(0.2 / 25, 0.2 / 25 / 1e4, 4 / 9))).toBe(true);
  });

  it('has the phase table of the paper', () => {
    const phases = oneCyclePhases(20, 0.3, true);
    expect(phases.map((p) => p.end_step)).toEqual([0.3 * 20 - 1, 2 * 0.3 * 20 - 2, 19]);
    expect(phases.map((p) => `${p.start_lr}>${p.end_lr}`)).toEqual([
      'initial_lr>max_lr',
      'max_lr>initial_lr',
      'initial_lr>min_lr',
    ]);
  });
});

describe('oneCycleMomentum', () => {
  it('falls to base_momentum at the lr peak and returns to max_momentum', () => {
    const options = { max_lr: 1, total_steps: 10 };
    expect(oneCycleMomentum(0, options)).toBe(0.95);
    expect(oneCycleMomentum(2, options)).toBe(0.85);
    expect(oneCycleMomentum(9, options)).toBe(0.95);
    for (let s = 2; s <= 9; s += 1) {
      expect(close(oneCycleMomentum(s, options), cosine(0.85, 0.95, (s - 2) / 7))).toBe(true);
    }
  });

  it('stays at max_momentum through the third phase', () => {
    const options = { max_lr: 1, total_steps: 20, three_phase: true, max_momentum: 0.9 };
    for (let s = 10; s <= 19; s += 1) expect(oneCycleMomentum(s, options)).toBe(0.9);
  });
});

describe('validation', () => {
  it('checks the step count with PyTorch messages', () => {
    expect(() => oneCycleTotalSteps(0)).toThrow('Expected positive integer total_steps, but got 0');
    expect(() => oneCycleTotalSteps(2.5)).toThrow(
      'Expected positive integer total_steps, but got 2.5',
    );
    expect(() => oneCycleTotalSteps(null, -3, 10)).toThrow(
      'Expected positive integer epochs, but got -3',
    );
    expect(() => oneCycleTotalSteps(null, 5, 1.5)).toThrow(
      'Expected positive integer steps_per_epoch, but got 1.5',
    );
    // PyTorch ≥ 2.x: epochs alone gets this message (1.13 raised a TypeError).
    expect(() => oneCycleTotalSteps(undefined, 5)).toThrow(
      'You must define either total_steps OR (epochs AND steps_per_epoch)',
    );
  });

  it('checks pct_start and anneal_strategy', () => {
    expect(() => oneCycleLr(0, { max_lr: 1, total_steps: 10, pct_start: 1.5 })).toThrow(
      'Expected float between 0 and 1 pct_start, but got 1.5',
    );
    expect(() =>
      oneCycleLr(0, { max_lr: 1, total_steps: 10, anneal_strategy: 'exp' as never }),
    ).toThrow("anneal_strategy must be one of 'cos' or 'linear', instead got exp");
  });

  it('throws ZeroDivisionError in an empty phase', () => {
    const call = () => oneCycleLr(0, { max_lr: 1, total_steps: 10, pct_start: 0.1 });
    expect(call).toThrow(ZeroDivisionError);
    expect(call).toThrow('float division by zero');
    expect(() => oneCyclePhaseAt(1, oneCyclePhases(10, 0.1, false))).not.toThrow();
    expect(() => oneCycleLr(0, { max_lr: 1, total_steps: 10, div_factor: 0 })).toThrow(
      ZeroDivisionError,
    );
  });
});
