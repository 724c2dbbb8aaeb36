import { describe, expect, it } from 'vitest';
import { broadcast, floorDiv, floorMod, pyRepr } from '../../src/scheduler/python.ts';
import { ValueError, ZeroDivisionError } from '../../src/scheduler/index.ts';

describe('Python semantics', () => {
  it('floor division and modulo follow the divisor sign', () => {
    expect(floorDiv(-7, 2)).toBe(-4);
    expect(floorMod(-7, 2)).toBe(1);
    expect(floorMod(7, -2)).toBe(-1);
    expect(floorMod(-11, 10)).toBe(9);
    expect(() => floorMod(3, 0)).toThrow(new ZeroDivisionError('integer modulo by zero'));
  });

  it('repr formats floats as Python does', () => {
    const cases: Array<[number, string]> = [
      [1.5, '1.5'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [1e16, '1e+16'],
      [1.2345678901234568e17, '1.2345678901234568e+17'],
      [-2.5e-7, '-2.5e-07'],
      [0.1, '0.1'],
      [2, '2'],
      [NaN, 'nan'],
      [-Infinity, '-inf'],
    ];
    for (const [x, text] of cases) expect(pyRepr(x)).toBe(text);
  });

  it('broadcasts a scalar and checks a list length', () => {
    expect(broadcast('max_lr', 3, 0.1)).toEqual([0.1, 0.1, 0.1]);
    expect(() => broadcast('max_lr', 2, [1, 2, 3])).toThrow(
      new ValueError(
        'max_lr must have the same length as optimizer.param_groups. max_lr has 3 values, param_groups has 2.',
      ),
    );
  });
});
