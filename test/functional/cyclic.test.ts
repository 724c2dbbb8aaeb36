import { describe, expect, it } from 'vitest';
import { ValueError, ZeroDivisionError } from '../../src/scheduler/errors.ts';
import {
  cyclicGeometry,
  cyclicLr,
  cyclicMomentum,
  cyclicPosition,
  cyclicScaling,
} from '../../src/scheduler/functional/cyclic.ts';
import { isClose as close } from '../helpers/fixture-compare.ts';

/**
 * The triangle wave computed independently: integer position inside the cycle, then a ratio
 * on the rising or falling side. Cycle numbers start at 1.
 */
function reference(step: number, up: number, down: number) {
  const total = up + down;
  const pos = ((step % total) + total) % total;
  const height = pos <= up ? pos / up : (total - pos) / down;
  return { cycle: Math.floor(step / total) + 1, height };
}

describe('cyclicLr, triangular', () => {
  it('is exactly base_lr at cycle starts and max_lr at step_size_up with dyadic values', () => {
    const options = { base_lr: 0.25, max_lr: 1, step_size_up: 4, step_size_down: 4 };
    for (const e of [0, 8, 16, 80]) expect(cyclicLr(e, options)).toBe(0.25);
    for (const e of [4, 12, 84]) expect(cyclicLr(e, options)).toBe(1);
    expect(cyclicLr(2, options)).toBe(0.625);
    expect(cyclicLr(6, options)).toBe(0.625);
  });

  it('is symmetric about the peak when step_size_down = step_size_up', () => {
    const options = { base_lr: 0.001, max_lr: 0.1, step_size_up: 5 };
    for (let e = 0; e <= 10; e += 1) {
      expect(close(cyclicLr(e, options), cyclicLr(10 - e, options))).toBe(true);
    }
  });

  it('defaults to step_size_up = 2000 and step_size_down = step_size_up', () => {
    expect(cyclicGeometry(2000)).toEqual({ totalSize: 4000, stepRatio: 0.5 });
    expect(cyclicLr(2000, { base_lr: 0.25, max_lr: 1 })).toBe(1);
    expect(cyclicLr(4000, { base_lr: 0.25, max_lr: 1 })).toBe(0.25);
  });

  it('follows the triangle wave for asymmetric cycles', () => {
    for (const [up, down] of [
      [2, 3],
      [3, 5],
      [7, 2],
      [1, 1],
      [10, 30],
    ] as const) {
      const options = { base_lr: 0.01, max_lr: 0.7, step_size_up: up, step_size_down: down };
      for (let e = 0; e <= 4 * (up + down); e += 1) {
        const { height } = reference(e, up, down);
        expect(close(cyclicLr(e, options), 0.01 + (0.7 - 0.01) * height)).toBe(true);
        expect(cyclicPosition(e, cyclicGeometry(up, down)).cycle).toBe(
          reference(e, up, down).cycle,
        );
      }
    }
  });

  it('interpolates at fractional steps', () => {
    expect(cyclicLr(2.5, { base_lr: 0, max_lr: 1, step_size_up: 5 })).toBe(0.5);
  });
});

describe('cyclicLr, scaled modes', () => {
  it('triangular2 halves the amplitude every cycle', () => {
    const options = { base_lr: 0.1, max_lr: 0.9, step_size_up: 3, mode: 'triangular2' as const };
    for (let k = 1; k <= 8; k += 1) {
      const peak = cyclicLr(6 * (k - 1) + 3, options);
      expect(close(peak, 0.1 + 0.8 / 2 ** (k - 1))).toBe(true);
      expect(cyclicLr(6 * (k - 1), options)).toBe(0.1);
    }
  });

  it('exp_range scales by gamma to the power of the total step count', () => {
    const gamma = 0.97;
    const options = { base_lr: 0.1, max_lr: 1, step_size_up: 4, mode: 'exp_range' as const, gamma };
    for (let e = 0; e <= 40; e += 1) {
      let scale = 1;
      for (let i = 0; i < e; i += 1) scale *= gamma;
      const expected = 0.1 + 0.9 * reference(e, 4, 4).height * scale;
      expect(close(cyclicLr(e, options), expected)).toBe(true);
    }
    expect(cyclicScaling('exp_range', gamma, null, 'cycle').scaleMode).toBe('iterations');
  });

  it('passes the cycle number or the step to a custom scale_fn, per scale_mode', () => {
    const seen: number[] = [];
    const scale_fn = (x: number) => {
      seen.push(x);
      return 0.5;
    };
    cyclicLr(7, { base_lr: 0, max_lr: 1, step_size_up: 2, scale_fn, scale_mode: 'cycle' });
    cyclicLr(7, { base_lr: 0, max_lr: 1, step_size_up: 2, scale_fn, scale_mode: 'iterations' });
    expect(seen).toEqual([2, 7]);
    // A custom scale_fn overrides mode and keeps its own scale_mode.
    expect(cyclicScaling('exp_range', 0.5, scale_fn, 'cycle').scaleMode).toBe('cycle');
    expect(
      cyclicLr(2, { base_lr: 0, max_lr: 1, step_size_up: 2, scale_fn, mode: 'exp_range' }),
    ).toBe(0.5);
  });
});

describe('cyclicMomentum', () => {
  it('starts at max_momentum, reaches base_momentum at the lr peak and mirrors the lr', () => {
    const shape = { step_size_up: 4, step_size_down: 4 };
    expect(cyclicMomentum(0, { ...shape, base_momentum: 0.75, max_momentum: 1 })).toBe(1);
    expect(cyclicMomentum(4, { ...shape, base_momentum: 0.75, max_momentum: 1 })).toBe(0.75);
    expect(cyclicMomentum(0, shape)).toBe(0.9);
    const lrOptions = { base_lr: 0.01, max_lr: 0.5, step_size_up: 3, step_size_down: 7 };
    const mOptions = {
      base_momentum: 0.85,
      max_momentum: 0.95,
      step_size_up: 3,
      step_size_down: 7,
    };
    for (let e = 0; e <= 30; e += 1) {
      const lrShare = (cyclicLr(e, lrOptions) - 0.01) / (0.5 - 0.01);
      const mShare = (0.95 - cyclicMomentum(e, mOptions)) / (0.95 - 0.85);
      expect(Math.abs(lrShare - mShare)).toBeLessThan(1e-12);
    }
  });
});

describe('degenerate cycles and invalid modes', () => {
  it('throws ValueError for an unknown mode without scale_fn', () => {
    const call = () => cyclicLr(0, { base_lr: 0, max_lr: 1, mode: 'sawtooth' as never });
    expect(call).toThrow(ValueError);
    expect(call).toThrow('mode is invalid and scale_fn is None');
  });

  it('throws ZeroDivisionError when the step sizes sum to zero', () => {
    const call = () => cyclicGeometry(0);
    expect(call).toThrow(ZeroDivisionError);
    expect(call).toThrow('float division by zero');
  });

  it('with step_size_up = 0 divides 0 by 0 at every cycle start, as Python does', () => {
    const options = { base_lr: 0, max_lr: 1, step_size_up: 0, step_size_down: 4 };
    expect(() => cyclicLr(0, options)).toThrow(ZeroDivisionError);
    expect(() => cyclicLr(4, options)).toThrow(ZeroDivisionError);
    expect(cyclicLr(1, options)).toBe(0.75);
  });
});
