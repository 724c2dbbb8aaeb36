/**
 * A small seeded pseudo-random number generator for the interactive widgets: Tommy Ettinger's
 * mulberry32 (32-bit state, period 2³²) for uniforms, and the Box–Muller transform for normal
 * variates. Uniforms use only 32-bit integer arithmetic (`Math.imul`), so they are the same on
 * every JavaScript engine; normals also use `Math.log`, `Math.cos` and `Math.sin`, which
 * ECMAScript does not pin to the last bit, so they are reproducible bit for bit on one engine.
 *
 * Both the saddle-point explorer and the training run draw from it, so one seed means the same
 * thing in both widgets.
 *
 * @module
 */

/** A stream of pseudo-random numbers; each call advances the stream. */
export interface Rng {
  /** The next 32-bit unsigned integer, uniform on `[0, 2³²)`. */
  nextUint32(): number;
  /** The next uniform number on `[0, 1)`: `nextUint32() / 2³²`. */
  uniform(): number;
  /**
   * The next standard normal variate, N(0, 1). Box–Muller turns two uniforms into two
   * independent normals; the second is kept and returned by the following call.
   */
  normal(): number;
}

const TWO_POW_32 = 4294967296;

/** Largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/**
 * One step of mulberry32 on the state `a`: returns the new state and the output.
 *
 * ```text
 * a ← a + 0x6D2B79F5 (mod 2³²)
 * z ← (a ⊕ a≫15)·(a | 1)
 * z ← z ⊕ (z + (z ⊕ z≫7)·(z | 61))
 * out ← z ⊕ z≫14
 * ```
 */
function mulberry32Step(a: number): [state: number, out: number] {
  const state = (a + 0x6d2b79f5) | 0;
  let z = Math.imul(state ^ (state >>> 15), state | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  return [state, (z ^ (z >>> 14)) >>> 0];
}

/**
 * A mulberry32 generator seeded with `seed`.
 *
 * Normals use Box–Muller on `u₁ ∈ (0, 1]` (so the logarithm is finite) and `u₂ ∈ [0, 1)`:
 *
 * $$z_0 = \sqrt{-2\ln u_1}\,\cos(2\pi u_2),\qquad z_1 = \sqrt{-2\ln u_1}\,\sin(2\pi u_2)$$
 *
 * @param seed - Any number; it is reduced to an unsigned 32-bit integer (`seed >>> 0`), so
 *   callers should validate it is an integer in `[0, MAX_SEED]` first.
 * @returns A fresh stream.
 * @example
 * const rng = createRng(1);
 * rng.nextUint32(); // 2693262067
 * rng.uniform(); // 0.0027356927…
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  let spare: number | undefined;
  const nextUint32 = (): number => {
    const [next, out] = mulberry32Step(state);
    state = next;
    return out;
  };
  const uniform = (): number => nextUint32() / TWO_POW_32;
  return {
    nextUint32,
    uniform,
    normal(): number {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return z;
      }
      const u1 = 1 - uniform();
      const u2 = uniform();
      const radius = Math.sqrt(-2 * Math.log(u1));
      const angle = 2 * Math.PI * u2;
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}

/**
 * A seed for an independent sub-stream: `seed` and `stream` are mixed by one mulberry32 step
 * each, so sub-streams of neighbouring seeds (1, 2, 3…) do not overlap in any obvious way.
 * Used to give the data set, the initial weights and the batch order their own streams, so
 * that changing one (say, the batch size) leaves the others untouched.
 *
 * @param seed - The user's seed (unsigned 32-bit integer).
 * @param stream - A small integer naming the sub-stream.
 * @returns A derived unsigned 32-bit seed.
 * @example
 * createRng(deriveSeed(seed, 2)); // the stream that initialises the weights
 */
export function deriveSeed(seed: number, stream: number): number {
  const [, mixed] = mulberry32Step(seed >>> 0);
  const [, out] = mulberry32Step((mixed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0);
  return out;
}

/**
 * Shuffle in place with the Fisher–Yates algorithm: for `i` from the end down to 1, swap
 * element `i` with element `j = ⌊uniform()·(i + 1)⌋`.
 *
 * @param items - The array to shuffle (any indexable typed or plain array).
 * @param rng - The stream to draw from; `items.length − 1` uniforms are consumed.
 * @returns `items`, shuffled.
 * @example
 * shuffle(Uint32Array.of(0, 1, 2, 3), createRng(7));
 */
export function shuffle<T extends { [index: number]: unknown; length: number }>(
  items: T,
  rng: Rng,
): T {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const held = items[i];
    items[i] = items[j];
    items[j] = held;
  }
  return items;
}
