import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crPowInt, exactPowInt } from '../../src/scheduler/math/pow-int.ts';

describe('crPowInt', () => {
  it('equals the exact (BigInt) rounding for the betas Adam uses, every step to 5000', () => {
    for (const beta of [0.9, 0.99, 0.999, 0.9999, 0.95, 0.5, 0.123456789]) {
      for (let n = 2; n <= 5000; n += 1) {
        const fast = crPowInt(beta, n);
        if (fast !== exactPowInt(beta, n))
          expect([beta, n, fast]).toEqual([beta, n, exactPowInt(beta, n)]);
      }
    }
  });

  it('equals the exact rounding on random bases and exponents', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 2, max: 100_000 }),
        (x, n) => {
          expect(crPowInt(x, n)).toBe(exactPowInt(x, n));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("differs from V8's ** where V8 is not correctly rounded", () => {
    const bases = [0.9, 0.999, 0.99];
    let differ = 0;
    for (const beta of bases) {
      for (let n = 2; n < 500; n += 1) if (crPowInt(beta, n) !== beta ** n) differ += 1;
    }
    expect(differ).toBeGreaterThan(0);
  });

  it('handles underflow, overflow and exact powers', () => {
    expect(crPowInt(0.5, 10)).toBe(2 ** -10);
    expect(crPowInt(0.9, 100_000)).toBe(0);
    expect(crPowInt(10, 400)).toBe(Infinity);
    expect(crPowInt(1e-5, 70)).toBe(exactPowInt(1e-5, 70));
  });
});
