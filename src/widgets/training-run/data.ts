/**
 * Seeded two-class data sets in the plane for the training-run widget: two interleaved spirals
 * or two moons, with Gaussian noise, shuffled and split into training and validation sets.
 * Generated in the page from the seed, so nothing has to be downloaded.
 *
 * @module
 */
import { createRng, deriveSeed, shuffle, type Rng } from './rng.ts';

/** The data sets a reader can pick. */
export const datasetKinds = ['spirals', 'moons'] as const;

/** `'spirals'`: two interleaved spirals; `'moons'`: two interleaved half circles. */
export type DatasetKind = (typeof datasetKinds)[number];

/** Number of classes of every data set. */
export const CLASSES = 2;

/** Turns of each spiral arm. */
export const SPIRAL_TURNS = 1.75;

/**
 * The square `[lo, hi]²` that holds the data (noise-free points lie within `[-1, 1]²`); the
 * decision boundary is drawn over it.
 */
export const DATA_DOMAIN: readonly [number, number] = [-1.5, 1.5];

/** Points with labels. Point `i` is `(points[2i], points[2i + 1])` with class `labels[i]`. */
export interface Dataset {
  readonly size: number;
  /** Coordinates, interleaved x, y. */
  readonly points: Float64Array;
  readonly labels: Uint8Array;
  /**
   * Each point's index in generation order (class 0's points first, then class 1's), so that
   * subsets of one generated set can be compared.
   */
  readonly ids: Uint32Array;
}

/**
 * The noise-free point `i` of `n` of class `c`, at curve parameter `t = (i + ½)/n ∈ (0, 1)`.
 *
 * Spirals (arm `c` turned by π·c):
 *
 * $$r = t,\quad \theta = 2\pi\,T\,t + \pi c,\quad (x, y) = (r\cos\theta,\; r\sin\theta),\quad T = \text{SPIRAL\_TURNS}$$
 *
 * Moons (scikit-learn's layout, centred and scaled by 1/1.5 into `[-1, 1] × [-½, ½]`):
 *
 * $$\theta = \pi t,\quad (x, y) = \begin{cases}(\cos\theta,\ \sin\theta) & c = 0\\ (1 - \cos\theta,\ \tfrac12 - \sin\theta) & c = 1\end{cases},\quad (x', y') = \frac{(x - \frac12,\ y - \frac14)}{1.5}$$
 */
function basePoint(kind: DatasetKind, c: number, i: number, n: number): [number, number] {
  const t = (i + 0.5) / n;
  if (kind === 'spirals') {
    const theta = 2 * Math.PI * SPIRAL_TURNS * t + Math.PI * c;
    return [t * Math.cos(theta), t * Math.sin(theta)];
  }
  const theta = Math.PI * t;
  const [x, y] =
    c === 0 ? [Math.cos(theta), Math.sin(theta)] : [1 - Math.cos(theta), 0.5 - Math.sin(theta)];
  return [(x - 0.5) / 1.5, (y - 0.25) / 1.5];
}

/**
 * Generate a data set: `pointsPerClass` points of each class along its curve (see the formulas
 * at the spiral and moon layouts), each moved by independent Gaussian noise N(0, noise²) in x
 * and y, drawn from `rng` in generation order (class 0 first; x then y).
 *
 * @param kind - Which data set.
 * @param pointsPerClass - Points of each class (a positive integer).
 * @param noise - Standard deviation of the noise (≥ 0).
 * @param rng - The stream for the noise; two normals are drawn per point.
 * @returns The points in generation order.
 * @example
 * generateDataset('spirals', 200, 0.05, createRng(1)).size; // 400
 */
export function generateDataset(
  kind: DatasetKind,
  pointsPerClass: number,
  noise: number,
  rng: Rng,
): Dataset {
  const size = CLASSES * pointsPerClass;
  const points = new Float64Array(2 * size);
  const labels = new Uint8Array(size);
  const ids = new Uint32Array(size);
  for (let c = 0; c < CLASSES; c += 1) {
    for (let i = 0; i < pointsPerClass; i += 1) {
      const k = c * pointsPerClass + i;
      const [x, y] = basePoint(kind, c, i, pointsPerClass);
      points[2 * k] = x + noise * rng.normal();
      points[2 * k + 1] = y + noise * rng.normal();
      labels[k] = c;
      ids[k] = k;
    }
  }
  return { size, points, labels, ids };
}

/**
 * The points of `data` at `indices`, in that order.
 *
 * @param data - A data set.
 * @param indices - Positions in `data`.
 * @returns A new data set (ids carried over).
 */
export function subset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const size = indices.length;
  const points = new Float64Array(2 * size);
  const labels = new Uint8Array(size);
  const ids = new Uint32Array(size);
  for (let k = 0; k < size; k += 1) {
    const i = indices[k]!;
    points[2 * k] = data.points[2 * i]!;
    points[2 * k + 1] = data.points[2 * i + 1]!;
    labels[k] = data.labels[i]!;
    ids[k] = data.ids[i]!;
  }
  return { size, points, labels, ids };
}

/** A data set split in two disjoint parts. */
export interface Split {
  readonly train: Dataset;
  readonly validation: Dataset;
}

/**
 * Shuffle the points with `rng` (Fisher–Yates) and hold out the first
 * `round(size·validationFraction)` of them (at least 1, at most `size − 1`) for validation;
 * the rest is the training set.
 *
 * @param data - The data set (at least two points).
 * @param validationFraction - Share held out, in `(0, 1)`.
 * @param rng - The stream for the shuffle.
 * @returns Training and validation sets, disjoint, together all of `data`.
 * @example
 * splitDataset(data, 0.2, createRng(3)).validation.size; // 0.2·data.size, rounded
 */
export function splitDataset(data: Dataset, validationFraction: number, rng: Rng): Split {
  const order = Uint32Array.from({ length: data.size }, (_, i) => i);
  shuffle(order, rng);
  const held = Math.min(data.size - 1, Math.max(1, Math.round(data.size * validationFraction)));
  return {
    validation: subset(data, order.subarray(0, held)),
    train: subset(data, order.subarray(held)),
  };
}

/** What {@link makeSplit} needs to know. */
export interface DataOptions {
  readonly dataset: DatasetKind;
  readonly pointsPerClass: number;
  readonly noise: number;
  readonly validationFraction: number;
  readonly seed: number;
}

/** Sub-stream of the seed that draws the data set's noise. */
export const DATA_STREAM = 0;
/** Sub-stream of the seed that shuffles the data set before the split. */
export const SPLIT_STREAM = 1;

/**
 * The training and validation sets for a seed: the noise is drawn from sub-stream
 * {@link DATA_STREAM} of `seed` and the split shuffled with sub-stream {@link SPLIT_STREAM}
 * (see `deriveSeed`), so the same seed always gives the same points and the same split.
 *
 * @param options - Data set, size, noise, held-out share and seed.
 * @returns The split.
 * @example
 * makeSplit({ dataset: 'moons', pointsPerClass: 100, noise: 0.1, validationFraction: 0.2, seed: 7 });
 */
export function makeSplit(options: DataOptions): Split {
  const data = generateDataset(
    options.dataset,
    options.pointsPerClass,
    options.noise,
    createRng(deriveSeed(options.seed, DATA_STREAM)),
  );
  return splitDataset(
    data,
    options.validationFraction,
    createRng(deriveSeed(options.seed, SPLIT_STREAM)),
  );
}
