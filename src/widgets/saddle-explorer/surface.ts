/**
 * The loss surface of the saddle-point explorer, f(x, y) = x² − y² with an optional quartic
 * floor y⁴/4, its gradient and Hessian, and the eigen-decomposition of a symmetric 2×2 matrix
 * used to classify the saddle. Pure numbers.
 *
 * @module
 */

/**
 * The loss at a point.
 *
 * $$f(x, y) = x^2 - y^2 \;\left(+\;\tfrac14 y^4 \text{ with the floor}\right)$$
 *
 * Without the floor f is unbounded below along y, so a run that escapes the saddle falls
 * forever; the floor turns the two directions of escape into minima at `(0, ±√2)`, f = −1.
 *
 * @param x - First coordinate.
 * @param y - Second coordinate.
 * @param floor - Add the quartic floor y⁴/4.
 * @returns f(x, y).
 * @example
 * lossAt(0, Math.SQRT2, true); // -1
 */
export function lossAt(x: number, y: number, floor: boolean): number {
  const y2 = y * y;
  return floor ? x * x - y2 + (y2 * y2) / 4 : x * x - y2;
}

/**
 * The gradient.
 *
 * $$\nabla f = \left(2x,\; -2y + y^3\right)\text{ with the floor},\qquad \left(2x,\; -2y\right)\text{ without}$$
 *
 * @param x - First coordinate.
 * @param y - Second coordinate.
 * @param floor - Include the floor's term y³.
 * @returns `[∂f/∂x, ∂f/∂y]`.
 * @example
 * gradientAt(1, 2, true); // [2, 4]
 */
export function gradientAt(x: number, y: number, floor: boolean): [number, number] {
  return [2 * x, floor ? -2 * y + y * y * y : -2 * y];
}

/** A symmetric 2×2 matrix `[[a, b], [b, c]]`. */
export interface Symmetric2 {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/**
 * The Hessian. f separates into a function of x plus a function of y, so it is diagonal:
 *
 * $$H = \begin{pmatrix} 2 & 0 \\ 0 & -2 + 3y^2 \end{pmatrix}\text{ with the floor},\qquad \operatorname{diag}(2, -2)\text{ without}$$
 *
 * @param _x - First coordinate (the Hessian does not depend on it).
 * @param y - Second coordinate.
 * @param floor - Include the floor's term 3y².
 * @returns `{ a: ∂²f/∂x², b: ∂²f/∂x∂y, c: ∂²f/∂y² }`.
 * @example
 * hessianAt(0, 0, true); // { a: 2, b: 0, c: -2 }
 */
export function hessianAt(_x: number, y: number, floor: boolean): Symmetric2 {
  return { a: 2, b: 0, c: floor ? -2 + 3 * y * y : -2 };
}

/** Eigenvalues (largest first) and unit eigenvectors of a symmetric 2×2 matrix. */
export interface Eigen2 {
  /** `[λ₁, λ₂]` with `λ₁ ≥ λ₂`. */
  readonly values: readonly [number, number];
  /** Unit eigenvectors: `vectors[i]` belongs to `values[i]`; they are orthogonal. */
  readonly vectors: readonly [readonly [number, number], readonly [number, number]];
}

/**
 * Eigenvalues and eigenvectors of a symmetric 2×2 matrix `[[a, b], [b, c]]`, in closed form:
 *
 * $$\lambda_{1,2} = m \pm r,\qquad m = \frac{a + c}{2},\quad r = \sqrt{\left(\frac{a - c}{2}\right)^2 + b^2}$$
 *
 * computed on the matrix scaled by a power of two (exactly) so that no product under- or
 * overflows. The eigenvalue of
 * larger magnitude is `m ± r` with the sign of `m` (no cancellation); the other comes from the
 * determinant, `λ₁λ₂ = ac − b²`, when that is accurate, i.e. when `ac` and `b²` do not cancel.
 * The eigenvector of λ₁ is `(b, λ₁ − a)` or `(λ₁ − c, b)`, whichever is longer (they are
 * parallel; the longer is better conditioned), or a coordinate axis when `b = 0`; λ₂'s is it
 * turned by 90°.
 *
 * @param m - The matrix; entries must be finite.
 * @returns The eigenvalues, largest first, with unit eigenvectors.
 * @example
 * symmetricEigen2({ a: 2, b: 0, c: -2 }).values; // [2, -2]: a saddle
 * symmetricEigen2({ a: 2, b: 1, c: 2 }).values; // [3, 1]
 */
export function symmetricEigen2(m: Symmetric2): Eigen2 {
  const { a, b, c } = m;
  // Work on the matrix scaled by a power of two (exact) so that its largest entry is in [1, 2):
  // products such as b² then neither underflow nor overflow.
  const unit = 2 ** Math.floor(Math.log2(Math.max(Math.abs(a), Math.abs(b), Math.abs(c))));
  const scaledB = b / unit;
  // A diagonal matrix, or one whose off-diagonal entry is negligible beside the others.
  if (scaledB === 0 || !Number.isFinite(unit)) {
    return a >= c
      ? {
          values: [a, c],
          vectors: [
            [1, 0],
            [0, 1],
          ],
        }
      : {
          values: [c, a],
          vectors: [
            [0, 1],
            [-1, 0],
          ],
        };
  }
  const eigen = scaledEigen2(a / unit, scaledB, c / unit);
  return { values: [eigen.values[0] * unit, eigen.values[1] * unit], vectors: eigen.vectors };
}

/** {@link symmetricEigen2} of a matrix with `b ≠ 0` whose largest entry is in `[1, 2)`. */
function scaledEigen2(a: number, b: number, c: number): Eigen2 {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  const big = mean >= 0 ? mean + radius : mean - radius;
  const ac = a * c;
  const bb = b * b;
  // When ac and b² nearly cancel the determinant loses digits; m ∓ r is then as good.
  const detAccurate = Math.abs(ac - bb) > 1e-8 * Math.max(Math.abs(ac), bb);
  const small =
    big !== 0 && detAccurate ? (ac - bb) / big : mean >= 0 ? mean - radius : mean + radius;
  const l1 = Math.max(big, small);
  const l2 = Math.min(big, small);
  const u: [number, number] = [b, l1 - a];
  const w: [number, number] = [l1 - c, b];
  const [vx, vy] = Math.hypot(u[0], u[1]) >= Math.hypot(w[0], w[1]) ? u : w;
  const norm = Math.hypot(vx, vy);
  const v1: [number, number] = [vx / norm, vy / norm];
  return { values: [l1, l2], vectors: [v1, [-v1[1], v1[0]]] };
}

/** What a critical point is, by the signs of the Hessian's eigenvalues. */
export type CriticalKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate';

/**
 * Classify a critical point by its Hessian's eigenvalues: both positive, a minimum; both
 * negative, a maximum; one of each, a saddle; a zero eigenvalue, degenerate (the second-order
 * test cannot tell).
 *
 * @param hessian - The Hessian at the point.
 * @returns The kind.
 * @example
 * classifyCritical(hessianAt(0, 0, true)); // 'saddle'
 * classifyCritical(hessianAt(0, Math.SQRT2, true)); // 'minimum'
 */
export function classifyCritical(hessian: Symmetric2): CriticalKind {
  const [l1, l2] = symmetricEigen2(hessian).values;
  if (l1 === 0 || l2 === 0) return 'degenerate';
  if (l2 > 0) return 'minimum';
  if (l1 < 0) return 'maximum';
  return 'saddle';
}
