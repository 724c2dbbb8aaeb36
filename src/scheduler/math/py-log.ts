/**
 * A correctly rounded natural logarithm, and Python's two-argument `math.log(x, base)`.
 *
 * V8's `Math.log` is not correctly rounded (`Math.log(3)` is one ulp below the correctly rounded value),
 * while glibc's `log`, which Python and so PyTorch call, is correctly rounded for all but a
 * handful of inputs. `CosineAnnealingWarmRestarts.step(epoch)` truncates `log(x) / log(T_mult)`,
 * so one ulp decides whether an epoch is a restart: this module computes the logarithm in
 * 160-bit fixed point and rounds once, giving glibc's result.
 *
 * @packageDocumentation
 */

const PRECISION = 160n;

/** atanh(p / q) · 2^PRECISION for 0 ≤ p/q < 1, by its Taylor series. */
function atanhFixed(p: bigint, q: bigint): bigint {
  const z = (p << PRECISION) / q;
  const z2 = (z * z) >> PRECISION;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) >> PRECISION;
  }
  return sum;
}

const LN2 = 2n * atanhFixed(1n, 3n);

/** The significand (53-bit integer) and binary exponent of a positive finite double. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** Rounds a fixed-point value (`value / 2^PRECISION`) to the nearest double, ties to even. */
function fixedToDouble(value: bigint): number {
  if (value === 0n) return 0;
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const shift = magnitude.toString(2).length - 53;
  let result: number;
  if (shift <= 0) {
    result = Number(magnitude) * 2 ** -Number(PRECISION);
  } else {
    const big = BigInt(shift);
    let q = magnitude >> big;
    const remainder = magnitude - (q << big);
    const half = 1n << (big - 1n);
    if (remainder > half || (remainder === half && (q & 1n) === 1n)) q += 1n;
    result = Number(q) * 2 ** (shift - Number(PRECISION));
  }
  return negative ? -result : result;
}

/**
 * The natural logarithm of `x`, correctly rounded to the nearest double.
 *
 * @param x - any double.
 * @returns `ln x`; `NaN` for negative or NaN input, `-Infinity` for 0, `Infinity` for Infinity.
 * @example `crLog(3) === 1.0986122886681098` (V8's `Math.log(3)` gives `…096`)
 */
export function crLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;
  const { mantissa, exponent } = decompose(x);
  // Normalise so x = m · 2^k with m in [2^-0.5, 2^0.5): the series then converges fast.
  const m = mantissa;
  let k = exponent;
  const bits = m.toString(2).length;
  k += bits - 1;
  // m/2^(bits-1) is in [1, 2); compare with sqrt(2) via m^2 against 2^(2(bits-1)+1).
  let denominator = 1n << BigInt(bits - 1);
  if (m * m > 2n * denominator * denominator) {
    denominator <<= 1n;
    k += 1;
  }
  // ln(m/d) = 2 atanh((m - d) / (m + d))
  const diff = m - denominator;
  const lnM =
    diff >= 0n ? 2n * atanhFixed(diff, m + denominator) : -2n * atanhFixed(-diff, m + denominator);
  return fixedToDouble(BigInt(k) * LN2 + lnM);
}

/**
 * Python's `math.log(x, base)`: `log(x) / log(base)` with correctly rounded logarithms and one
 * IEEE division, as CPython computes it on glibc.
 *
 * @example `pyLog(243, 3) === 4.999999999999999` (as in Python; `Math.log(243) / Math.log(3)` is 5)
 */
export function pyLog(x: number, base: number): number {
  return crLog(x) / crLog(base);
}
