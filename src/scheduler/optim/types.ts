/**
 * Shapes shared by the optimizers and the schedulers.
 *
 * @packageDocumentation
 */

/**
 * A tensor parameter: PyTorch's `torch.Tensor` with `requires_grad=True`, flattened.
 * `optimizer.step()` updates `data` in place.
 */
export interface Param {
  data: Float64Array;
  grad: Float64Array | null;
}

/**
 * One entry of `optimizer.paramGroups` (PyTorch's `param_groups`). Keys are PyTorch's, verbatim,
 * so state dicts round-trip as JSON. Schedulers add `initial_lr` and, when they cycle momentum,
 * `max_momentum`, `base_momentum`, `max_lr`, `min_lr`.
 */
export interface ParamGroup {
  params: Param[];
  lr: number;
  initial_lr?: number;
  momentum?: number;
  betas?: [number, number];
  max_lr?: number;
  min_lr?: number;
  max_momentum?: number;
  base_momentum?: number;
  [key: string]: unknown;
}

/** A param group as passed to an optimizer constructor: any option may be left to the defaults. */
export interface ParamGroupInput {
  params: Param[];
  [key: string]: unknown;
}
