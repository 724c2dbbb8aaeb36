/**
 * The widgets' seeded PRNG: mulberry32 against reference outputs of the published algorithm,
 * Box–Muller normals with the right moments, derived streams, and Fisher–Yates shuffles.
 */
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, shuffle } from '../../src/widgets/training-run/rng.ts';

describe('createRng', () => {
  it('reproduces the reference outputs of mulberry32', () => {
    // Tommy Ettinger's C reference, run in Python with explicit 32-bit wrapping:
    //   a = (a + 0x6D2B79F5) & M; z = ((a ^ a >> 15) * (a | 1)) & M
    //   z ^= (z + (z ^ z >> 7) * (z | 61)) & M; out = z ^ z >> 14
    const reference: ReadonlyArray<[number, number[]]> = [
      [1, [2693262067, 11749833, 2265367787, 4213581821, 4159151403]],
      [0xdeadbeef, [4043151706, 1147597007, 3315858022, 1538288752, 2042435954]],
    ];
    for (const [seed, outputs] of reference) {
      const rng = createRng(seed);
      expect(outputs.map(() => rng.nextUint32())).toEqual(outputs);
      const again = createRng(seed);
      expect(outputs.map(() => again.uniform())).toEqual(outputs.map((u) => u / 2 ** 32));
    }
  });

  it('draws uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const rng = createRng(123);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i += 1) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside += 1;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // Standard errors: √(1/12/n) ≈ 6.5e-4 for the mean; the bounds are about five of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(3e-3);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(3e-3);
  });

  it('draws standard normals: mean 0, variance 1, 68 % within one σ, pairs from Box–Muller', () => {
    const rng = createRng(2024);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let inside = 0;
    for (let i = 0; i < n; i += 1) {
      const z = rng.normal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) < 1) inside += 1;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.012);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.02);
    // P(|Z| < 1) = erf(1/√2) = 0.6826894921…
    expect(Math.abs(inside / n - 0.6826894921370859)).toBeLessThan(0.006);

    const uniforms = createRng(5);
    const normals = createRng(5);
    const u1 = 1 - uniforms.uniform();
    const u2 = uniforms.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    expect(normals.normal()).toBe(r * Math.cos(2 * Math.PI * u2));
    expect(normals.normal()).toBe(r * Math.sin(2 * Math.PI * u2));
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.normal());
    };
    expect(draw(77)).toEqual(draw(77));
    expect(draw(77)).not.toEqual(draw(78));
  });
});

describe('deriveSeed', () => {
  it('gives distinct seeds for distinct streams and seeds', () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 200; seed += 1) {
      for (let stream = 0; stream < 5; stream += 1) seen.add(deriveSeed(seed, stream));
    }
    expect(seen.size).toBe(1000);
    expect(deriveSeed(9, 2)).toBe(deriveSeed(9, 2));
  });
});

describe('shuffle', () => {
  it('permutes, reproducibly, with every position reachable', () => {
    const once = shuffle(
      Uint32Array.from({ length: 50 }, (_, i) => i),
      createRng(3),
    );
    const twice = shuffle(
      Uint32Array.from({ length: 50 }, (_, i) => i),
      createRng(3),
    );
    expect(once).toEqual(twice);
    expect([...once].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));

    // Where element 0 of a 4-element array lands, over many shuffles: uniform over 4 places.
    const rng = createRng(11);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i += 1) {
      const items = [0, 1, 2, 3];
      shuffle(items, rng);
      counts[items.indexOf(0)]! += 1;
    }
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
