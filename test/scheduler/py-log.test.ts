import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crLog, pyLog, warmRestartPosition } from '../../src/scheduler/index.ts';

interface Oracle {
  libc: string;
  warm_restart_log: Array<{
    T_0: number;
    T_mult: number;
    epoch: number;
    x: number;
    ratio: number;
    n: number;
  }>;
  log: Array<[number, number, number]>;
}

const oracle = JSON.parse(
  readFileSync(new URL('../oracle/libm-log.json', import.meta.url), 'utf8'),
) as Oracle;

describe('crLog against glibc (Python math.log)', () => {
  it(`is correctly rounded on ${oracle.log.length} inputs across the double range`, () => {
    const wrong = oracle.log.filter(([x, , correct]) => !Object.is(crLog(x), correct));
    expect(wrong).toEqual([]);
  });

  it('matches glibc except where glibc itself is not correctly rounded (rare)', () => {
    const differ = oracle.log.filter(([x, glibc]) => !Object.is(crLog(x), glibc));
    const glibcOff = oracle.log.filter(([, glibc, correct]) => !Object.is(glibc, correct));
    expect(differ).toEqual(glibcOff);
    expect(glibcOff.length / oracle.log.length).toBeLessThan(1e-3);
  });

  it('differs from V8 Math.log where V8 is not correctly rounded', () => {
    expect(crLog(3)).toBe(1.0986122886681098);
    expect(Math.log(3)).not.toBe(crLog(3));
  });

  it('handles the special values as log does', () => {
    expect(crLog(0)).toBe(-Infinity);
    expect(crLog(1)).toBe(0);
    expect(crLog(Infinity)).toBe(Infinity);
    expect(crLog(-1)).toBeNaN();
    expect(crLog(NaN)).toBeNaN();
  });
});

describe('pyLog and the warm-restart cycle index', () => {
  it(`reproduces math.log(x, T_mult) for ${oracle.warm_restart_log.length} restart arguments`, () => {
    const bad = oracle.warm_restart_log.filter((c) => !Object.is(pyLog(c.x, c.T_mult), c.ratio));
    expect(bad).toEqual([]);
  });

  it('places every epoch in the same cycle as PyTorch, including the rounded-down restarts', () => {
    const bad = oracle.warm_restart_log.filter((c) => {
      const { T_i } = warmRestartPosition(c.epoch, c.T_0, c.T_mult);
      return T_i !== c.T_0 * c.T_mult ** c.n;
    });
    expect(bad).toEqual([]);
    const flipped = oracle.warm_restart_log.filter(
      (c) =>
        Number.isInteger(c.epoch) &&
        (c.T_0 * (c.T_mult ** (c.n + 1) - 1)) / (c.T_mult - 1) === c.epoch,
    );
    // The oracle does contain restart epochs where glibc's quotient falls below the integer.
    expect(flipped.map((c) => [c.T_0, c.T_mult, c.epoch])).toContainEqual([1, 3, 121]);
  });
});
