/**
 * `x ** n` for an integer exponent, correctly rounded: Python's `beta ** step` on glibc, which
 * V8's `**` misses by an ulp for about one input in ten. Adam's bias corrections use it.
 *
 * A double-double computation decides almost every call in a few dozen flops; only when the
 * result lies within its error bound of a rounding boundary does the 128-bit BigInt path
 * (exact when its own bound cannot decide) run.
 *
 * @packageDocumentation
 */

/** Bits kept by {@link crPowInt} between multiplications. */
const POW_PRECISION = 128;

/** Largest exponent {@link crPowInt} handles itself; Adam's step count never comes near it. */
const MAX_POW_EXPONENT = 2 ** 32;

/** `m · 2^e`, where the positive integer `m` has exactly `length` bits. */
interface Binary {
  m: bigint;
  length: number;
  e: number;
}

/** The number of bits of a positive bigint. */
function bitLength(v: bigint): number {
  const hex = v.toString(16);
  return (hex.length - 1) * 4 + 32 - Math.clz32(parseInt(hex.charAt(0), 16));
}

/** `v · 2^k` for an integer `v` and a result that is representable (so exact). */
function scaleByPow2(v: number, k: number): number {
  let value = v;
  let rest = k;
  // Two-step scaling keeps the factor itself finite and non-zero.
  while (rest > 1023) {
    value *= 2 ** 1023;
    rest -= 1023;
  }
  while (rest < -1022) {
    value *= 2 ** -1022;
    rest += 1022;
  }
  return value * 2 ** rest;
}

/**
 * Rounds a value known to lie in `[a.m, a.m + slack] · 2^a.e` to the nearest double (ties to
 * even), or returns `undefined` when that interval straddles a rounding boundary.
 */
function roundBinary(a: Binary, slack: bigint): number | undefined {
  // Below 2^-1075, half the smallest subnormal: rounds to zero.
  if (a.length + a.e <= -1075) return 0;
  // Keep 53 significant bits, or fewer where the result is subnormal (grid 2^-1074).
  const shift = a.length - 1 + a.e < -1022 ? -1074 - a.e : a.length - 53;
  if (shift <= 0) return slack === 0n ? scaleByPow2(Number(a.m), a.e) : undefined;
  const s = BigInt(shift);
  let q = a.m >> s;
  const r = a.m - (q << s);
  const half = 1n << (s - 1n);
  if (slack === 0n) {
    if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
  } else if (r > half && r + slack < (1n << s) + half) {
    q += 1n;
  } else if (r + slack >= half) {
    return undefined;
  }
  return scaleByPow2(Number(q), a.e + shift);
}

const powView = new DataView(new ArrayBuffer(8));

/**
 * `x ** n` correctly rounded, for `x > 0` and an integer `2 ≤ n ≤ 2^32`: the Adam bias
 * corrections `1 − β^t`. Python's `beta ** step` calls glibc's `pow`, which is correctly
 * rounded for all but about one input in 3000, whereas V8's `**` is off by an ulp for about one
 * step in ten (for example `0.999 ** 33`), which would make Adam's trajectory drift from
 * PyTorch's in the last bits. The power is computed by repeated squaring in 128-bit binary
 * floating point with a bound on the truncation error, and exactly when that bound cannot
 * decide the rounding. Other inputs (which PyTorch's checks exclude for the constructor's
 * betas) fall back to `**`.
 */
export function exactPowInt(x: number, n: number): number {
  if (!(x > 0 && x < Infinity) || !Number.isInteger(n) || n < 2 || n > MAX_POW_EXPONENT) {
    return x ** n;
  }
  powView.setFloat64(0, x);
  const bits = powView.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biased === 0 ? -1074 : biased - 1075;

  let exact = true;
  const multiply = (a: Binary, b: Binary): Binary => {
    const m = a.m * b.m;
    // The product of an a-bit and a b-bit number has a + b or a + b - 1 bits.
    let length = a.length + b.length;
    if (m >> BigInt(length - 1) === 0n) length -= 1;
    const excess = length - POW_PRECISION;
    if (excess <= 0) return { m, length, e: a.e + b.e };
    const s = BigInt(excess);
    const q = m >> s;
    if (q << s !== m) exact = false;
    return { m: q, length: POW_PRECISION, e: a.e + b.e + excess };
  };
  let acc: Binary = { m: 1n, length: 1, e: 0 };
  let base: Binary = { m: mantissa, length: bitLength(mantissa), e: exponent };
  for (let k = n; ;) {
    if (k % 2 === 1) acc = multiply(acc, base);
    k = Math.floor(k / 2);
    if (k === 0) break;
    base = multiply(base, base);
  }
  // Each of at most 2·33 truncations lowers a factor by a relative 2^(1-P) at most, and that
  // factor is raised to a power of at most n ≤ 2^32, so the true value is below
  // acc · (1 + 2^(41-P)).
  const slack = exact ? 0n : (acc.m >> BigInt(POW_PRECISION - 41)) + 1n;
  const rounded = roundBinary(acc, slack);
  if (rounded !== undefined) return rounded;
  // The bound cannot decide (a chance of about 2^-34): decide exactly while that is cheap.
  if (n > 20000) return roundBinary(acc, 0n) as number;
  const m = mantissa ** BigInt(n);
  return roundBinary({ m, length: bitLength(m), e: exponent * n }, 0n) as number;
}

// Veltkamp splitting constant, 2^27 + 1: JavaScript has no fused multiply-add.
const SPLIT = 134217729;
let ddHi = 0;
let ddLo = 0;

/** (ah + al)·(bh + bl) in double-double arithmetic, into ddHi/ddLo (Dekker's product). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  const ca = SPLIT * ah;
  const aHi = ca - (ca - ah);
  const aLo = ah - aHi;
  const cb = SPLIT * bh;
  const bHi = cb - (cb - bh);
  const bLo = bh - bHi;
  const e = aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
  const tail = e + (ah * bl + al * bh);
  ddHi = p + tail;
  ddLo = tail - (ddHi - p);
}

/**
 * The double-double attempt: `undefined` when the result is outside the safe normal range or
 * too close to a rounding boundary for its error bound (relative 2^-90, far above the ~2^-98
 * that 64 double-double products can accumulate).
 */
function fastPowInt(x: number, n: number): number | undefined {
  let accHi = 1;
  let accLo = 0;
  let baseHi = x;
  let baseLo = 0;
  for (let k = n; ;) {
    if (k % 2 === 1) {
      ddMul(accHi, accLo, baseHi, baseLo);
      accHi = ddHi;
      accLo = ddLo;
    }
    k = Math.floor(k / 2);
    if (k === 0) break;
    ddMul(baseHi, baseLo, baseHi, baseLo);
    baseHi = ddHi;
    baseLo = ddLo;
  }
  const magnitude = Math.abs(accHi);
  if (!(magnitude > 2 ** -900 && magnitude < 2 ** 900)) return undefined;
  // accHi is the double nearest accHi + accLo; it is the correct rounding unless the true value
  // may lie on the other side of the midpoint between accHi and its neighbour towards accLo.
  const gap = ulp(accHi);
  if (gap === undefined || Math.abs(accLo) >= gap / 2 - magnitude * 2 ** -90) return undefined;
  return accHi;
}

const ulpView = new DataView(new ArrayBuffer(8));

/**
 * The gap between `x` (positive, normal) and its neighbours, read from its exponent bits;
 * `undefined` for a power of two, whose lower gap is half the upper one.
 */
function ulp(x: number): number | undefined {
  ulpView.setFloat64(0, x);
  const high = ulpView.getUint32(0);
  if ((high & 0xfffff) === 0 && ulpView.getUint32(4) === 0) return undefined;
  return 2 ** (((high >>> 20) & 0x7ff) - 1075);
}

/**
 * `x ** n` correctly rounded to the nearest double (ties to even), for `x > 0` and an integer
 * `2 ≤ n ≤ 2^32`; other inputs fall back to `**`.
 *
 * @example `crPowInt(0.999, 33)` is glibc's `pow(0.999, 33)`; V8's `0.999 ** 33` is one ulp off.
 */
export function crPowInt(x: number, n: number): number {
  if (!(x > 0 && x < Infinity) || !Number.isInteger(n) || n < 2 || n > MAX_POW_EXPONENT) {
    return x ** n;
  }
  return fastPowInt(x, n) ?? exactPowInt(x, n);
}
