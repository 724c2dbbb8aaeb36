import { describe, expect, it } from 'vitest';
import {
  cosineAnnealing,
  cosineWarmRestarts,
  restartEpochs,
  stepDecay,
  multiStepDecay,
  linearFactor,
  polynomialDecay,
  ValueError,
  ZeroDivisionError,
  warmRestartPosition,
} from '../../src/scheduler/index.ts';

describe('restartEpochs', () => {
  it('sums the cycle lengths T_0·T_mult^j (computed here by repeated addition)', () => {
    for (const [T_0, T_mult] of [
      [5, 2],
      [10, 10],
      [1, 3],
      [7, 1],
    ] as const) {
      const expected: number[] = [];
      let total = 0;
      for (let j = 0; j < 6; j += 1) {
        let cycle = T_0;
        for (let k = 0; k < j; k += 1) cycle *= T_mult;
        total += cycle;
        expected.push(total);
      }
      expect(restartEpochs(T_0, T_mult, 6)).toEqual(expected);
    }
  });

  it('gives the sequences the articles quote', () => {
    expect(restartEpochs(5, 2, 5)).toEqual([5, 15, 35, 75, 155]);
    expect(restartEpochs(10, 10, 3)).toEqual([10, 110, 1110]);
    expect(restartEpochs(5, 1, 5)).toEqual([5, 10, 15, 20, 25]);
  });

  it('rejects what PyTorch rejects, with its messages', () => {
    expect(() => restartEpochs(0, 2, 3)).toThrow(
      new ValueError('Expected positive integer T_0, but got 0'),
    );
    expect(() => restartEpochs(5, 0, 3)).toThrow(
      new ValueError('Expected integer T_mult >= 1, but got 0'),
    );
    expect(() => restartEpochs(5, 1.5, 3)).toThrow(ValueError);
  });

  it('stops before exceeding exact integer range', () => {
    const epochs = restartEpochs(10, 10, 100);
    expect(epochs.length).toBeLessThan(17);
    expect(epochs.every(Number.isSafeInteger)).toBe(true);
  });
});

describe('cosine annealing', () => {
  it('starts at the base rate, reaches eta_min exactly at the period, and is symmetric', () => {
    expect(cosineAnnealing(0.1, 0.001, 0, 10)).toBe(0.1);
    expect(cosineAnnealing(0.1, 0.001, 10, 10)).toBe(0.001);
    expect(cosineAnnealing(0.1, 0, 5, 10)).toBeCloseTo(0.05, 15);
    for (let t = 0; t <= 10; t += 1) {
      expect(cosineAnnealing(0.1, 0, t, 10)).toBeCloseTo(cosineAnnealing(0.1, 0, 20 - t, 10), 15);
    }
  });

  it('warm restarts return to the base rate at each restart epoch', () => {
    for (const epoch of restartEpochs(5, 2, 4)) {
      expect(cosineWarmRestarts(0.1, 0, epoch, 5, 2)).toBe(0.1);
      expect(warmRestartPosition(epoch, 5, 2).T_cur).toBe(0);
    }
    expect(warmRestartPosition(17.5, 5, 2)).toEqual({ T_cur: 2.5, T_i: 20 });
    expect(() => warmRestartPosition(-1, 5, 2)).toThrow('Expected non-negative epoch, but got -1');
  });
});

describe('step and polynomial decays', () => {
  it('step decay counts whole periods', () => {
    expect(stepDecay(1, 29, 10, 0.5)).toBe(0.25);
    expect(stepDecay(1, 30, 10, 0.5)).toBe(0.125);
    expect(() => stepDecay(1, 3, 0, 0.5)).toThrow(ZeroDivisionError);
  });

  it('multi-step decay counts repeated milestones, in any order', () => {
    expect(multiStepDecay(1, 4, [4, 2, 2], 0.5)).toBe(0.125);
    expect(multiStepDecay(1, 1, [4, 2, 2], 0.5)).toBe(1);
  });

  it('linear and polynomial reach their end values and stay', () => {
    expect(linearFactor(1, 5, 0.5, 1, 5)).toBe(1);
    expect(linearFactor(1, 50, 0.5, 1, 5)).toBe(1);
    expect(polynomialDecay(1, 5, 5, 2)).toBe(0);
    expect(polynomialDecay(1, 2, 4, 2)).toBe(0.25);
    expect(() => polynomialDecay(1, 2, 0, 1)).toThrow(new ZeroDivisionError('division by zero'));
  });
});
