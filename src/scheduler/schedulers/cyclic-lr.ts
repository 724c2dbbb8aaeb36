import { ValueError } from '../errors.ts';
import {
  cyclicGeometry,
  cyclicLrValue,
  cyclicMomentumValue,
  cyclicPosition,
  cyclicScaling,
  type CyclicMode,
  type CyclicScaleMode,
  type ScaleFunction,
} from '../functional/cyclic.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import type { ParamGroup } from '../optim/types.ts';
import { broadcast } from '../python.ts';
import {
  LRScheduler,
  type LRSchedulerOptions,
  type StateDict,
  type StateKeys,
} from './lr-scheduler.ts';

/**
 * A custom scaling with state: PyTorch's callable object (a class with `__call__`). Its own
 * enumerable non-function properties are saved in the state dict as `_scale_fn_custom` and
 * merged back by `loadStateDict`, where a plain function saves `null`.
 *
 * @example
 * ```ts
 * const halving: ScaleFunctionObject = { base: 0.5, scale(x) { return this.base ** (x - 1); } };
 * ```
 */
export interface ScaleFunctionObject {
  scale(x: number): number;
  [key: string]: unknown;
}

/** Options of {@link CyclicLR}, with PyTorch's keyword names. */
export interface CyclicLROptions extends LRSchedulerOptions {
  /** Lower bound of the cycle, one for all groups or one per group. */
  base_lr: number | readonly number[];
  /** Upper bound of the cycle, one for all groups or one per group. */
  max_lr: number | readonly number[];
  /** Steps from `base_lr` up to `max_lr`. Default 2000. */
  step_size_up?: number;
  /** Steps back down. Default: `step_size_up`. */
  step_size_down?: number | null;
  /** `'triangular'` (default), `'triangular2'` or `'exp_range'`; ignored with `scale_fn`. */
  mode?: CyclicMode;
  /** `exp_range`'s decay per step. Default 1.0. */
  gamma?: number;
  /** A custom amplitude scaling; overrides `mode`. */
  scale_fn?: ScaleFunction | ScaleFunctionObject | null;
  /** What `scale_fn` is evaluated on: `'cycle'` (default) or `'iterations'`. */
  scale_mode?: CyclicScaleMode;
  /** Cycle momentum (or Adam's `beta1`) inversely to the learning rate. Default `true`. */
  cycle_momentum?: boolean;
  /** Momentum at the learning-rate peak. Default 0.8. */
  base_momentum?: number | readonly number[];
  /** Momentum at the learning-rate minimum. Default 0.9. */
  max_momentum?: number | readonly number[];
}

/**
 * Cycles each group's learning rate between `base_lr` and `max_lr`
 * (`torch.optim.lr_scheduler.CyclicLR`, Smith 2017), one step per batch:
 *
 * $$\eta_e = \eta_{base} + (\eta_{max} - \eta_{base})\cdot h(e)\cdot f$$
 *
 * where `h` is a triangle wave rising over `step_size_up` steps and falling over
 * `step_size_down`, and `f` scales the amplitude: 1 (`'triangular'`), `1/2^{cycle−1}`
 * (`'triangular2'`), `gamma^e` (`'exp_range'`) or a custom `scale_fn`. With `cycle_momentum`,
 * momentum (or `betas[0]` for Adam-style optimizers) moves the opposite way between
 * `max_momentum` and `base_momentum`. See {@link cyclicLr} for the pure function.
 *
 * Constructing it sets every group's `lr` to `base_lr` and, when cycling momentum, the group's
 * `momentum`/`betas[0]` to `max_momentum` and the informational group keys `max_momentum` and
 * `base_momentum`. Closed form in the step: it overwrites anything stepped before it.
 *
 * @example
 * ```ts
 * const optimizer = new SGD(params, { lr: 0.1, momentum: 0.9 });
 * const scheduler = new CyclicLR(optimizer, { base_lr: 0.01, max_lr: 0.1, step_size_up: 10 });
 * for (const batch of batches) {
 *   train(batch);
 *   optimizer.step();
 *   scheduler.step();
 * }
 * ```
 * @throws {@link ValueError} "base_lr must have the same length as optimizer.param_groups. …"
 *   (likewise `max_lr`, `base_momentum`, `max_momentum`), "mode is invalid and scale_fn is None",
 *   "optimizer must support momentum or beta1 with `cycle_momentum` option enabled".
 * @throws {@link ZeroDivisionError} "float division by zero" when the step sizes sum to 0.
 * @throws {@link KeyError} when resuming (`last_epoch ≠ -1`) and a group lacks `initial_lr`.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CyclicLR.html
 */
export class CyclicLR extends LRScheduler {
  /** Upper bounds, one per group (`max_lrs`). */
  maxLrs: number[];
  /** Steps in one cycle (`total_size`). */
  totalSize: number;
  /** Share of a cycle spent rising (`step_ratio`). */
  stepRatio: number;
  mode: string;
  gamma: number;
  /** `'cycle'` or `'iterations'`; overridden by a built-in `mode`. */
  scaleMode: string;
  cycleMomentum: boolean;
  /** Whether momentum is cycled through `betas[0]` (`use_beta1`); set when cycling momentum. */
  useBeta1?: boolean;
  /** Momentum at the learning-rate peak, one per group; set when cycling momentum. */
  baseMomentums?: number[];
  /** Momentum at the learning-rate minimum, one per group; set when cycling momentum. */
  maxMomentums?: number[];
  /** The custom scaling (`_scale_fn_custom`), or `null`. */
  protected _scaleFnCustom: ScaleFunction | ScaleFunctionObject | null;
  /** The built-in scaling chosen by `mode` (`_scale_fn_ref`); rebuilt after loading a state. */
  protected _scaleFnRef: ScaleFunction;

  protected override readonly stateKeys: StateKeys = [
    ['max_lrs', 'maxLrs'],
    ['total_size', 'totalSize'],
    ['step_ratio', 'stepRatio'],
    ['mode', 'mode'],
    ['gamma', 'gamma'],
    ['scale_mode', 'scaleMode'],
    ['cycle_momentum', 'cycleMomentum'],
    ['use_beta1', 'useBeta1'],
    ['base_momentums', 'baseMomentums'],
    ['max_momentums', 'maxMomentums'],
  ];

  /**
   * @param optimizer - the wrapped optimizer; its `lr`s (and momenta) are overwritten.
   * @param options - PyTorch's keyword arguments; `base_lr` and `max_lr` are required.
   */
  constructor(optimizer: Optimizer, options: CyclicLROptions) {
    const {
      step_size_up = 2000,
      step_size_down = null,
      mode = 'triangular',
      gamma = 1.0,
      scale_fn = null,
      scale_mode = 'cycle',
      cycle_momentum = true,
      base_momentum = 0.8,
      max_momentum = 0.9,
      last_epoch = -1,
    } = options;
    const groups = optimizer.paramGroups;
    const baseLrs = broadcast('base_lr', groups.length, options.base_lr);
    if (last_epoch === -1) groups.forEach((group, i) => (group.lr = baseLrs[i] as number));
    const maxLrs = broadcast('max_lr', groups.length, options.max_lr);
    const { totalSize, stepRatio } = cyclicGeometry(step_size_up, step_size_down);
    const builtIn = cyclicScaling(mode, gamma, scale_fn === null ? null : callScaleFn(scale_fn));

    let momentum: { useBeta1: boolean; base: number[]; max: number[] } | undefined;
    if (cycle_momentum) {
      if (!('momentum' in optimizer.defaults) && !('betas' in optimizer.defaults)) {
        // PyTorch ≥ 2.x also accepts betas (Adam, AdamW: `use_beta1`); 1.13 required momentum and said "must support momentum with".
        throw new ValueError(
          'optimizer must support momentum or beta1 with `cycle_momentum` option enabled',
        );
      }
      const useBeta1 = 'betas' in optimizer.defaults;
      const base = broadcast('base_momentum', groups.length, base_momentum);
      const max = broadcast('max_momentum', groups.length, max_momentum);
      if (last_epoch === -1) {
        groups.forEach((group, i) => {
          // PyTorch ≥ 2.x starts momentum at max_momentum and records both bounds in the group; 1.13 set base_momentum (the initial step then wrote max_momentum anyway).
          writeMomentum(group, useBeta1, max[i] as number);
          group.max_momentum = max[i] as number;
          group.base_momentum = base[i] as number;
        });
      }
      momentum = { useBeta1, base, max };
    }

    super(optimizer, last_epoch);
    this.maxLrs = maxLrs;
    this.totalSize = totalSize;
    this.stepRatio = stepRatio;
    this.mode = mode;
    this.gamma = gamma;
    this._scaleFnCustom = scale_fn;
    this.scaleMode = scale_fn === null ? builtIn.scaleMode : scale_mode;
    this._scaleFnRef = builtIn.fn;
    this.cycleMomentum = cycle_momentum;
    if (momentum !== undefined) {
      this.useBeta1 = momentum.useBeta1;
      this.baseMomentums = momentum.base;
      this.maxMomentums = momentum.max;
    }
    this.initialStep();
    // Stale-initial_lr quirk: the construction step used the groups' initial_lr (set-default, so possibly an earlier scheduler's), and only now do base_lrs become base_lr.
    this.baseLrs = baseLrs;
  }

  /**
   * PyTorch's `scale_fn(x)`: the custom scaling if there is one, else the built-in one.
   *
   * @param x - the cycle number or the step, per `scaleMode`.
   */
  scaleFn(x: number): number {
    if (this._scaleFnCustom !== null) return callScaleFn(this._scaleFnCustom)(x);
    return this._scaleFnRef(x);
  }

  /**
   * The learning rates at step `lastEpoch`; as a side effect, when cycling momentum, writes the
   * momentum (or `betas[0]`) of every group, as PyTorch does.
   */
  getLr(): number[] {
    this.warnIfOutsideStep();
    const { cycle, scaleFactor } = cyclicPosition(this.lastEpoch, {
      totalSize: this.totalSize,
      stepRatio: this.stepRatio,
    });
    // Any scale_mode other than 'cycle' counts as 'iterations', as in PyTorch.
    const arg = this.scaleMode === 'cycle' ? cycle : this.lastEpoch;
    // Plain loops: see groupLrs for why not Array.prototype.map.
    const lrs = new Array<number>(this.baseLrs.length);
    for (let i = 0; i < lrs.length; i += 1) {
      lrs[i] = cyclicLrValue(
        this.baseLrs[i] as number,
        this.maxLrs[i] as number,
        scaleFactor,
        this.scaleFn(arg),
      );
    }
    if (this.cycleMomentum) {
      const baseMomentums = this.baseMomentums as number[];
      const maxMomentums = this.maxMomentums as number[];
      const groups = this.optimizer.paramGroups;
      const n = Math.min(groups.length, baseMomentums.length);
      for (let i = 0; i < n; i += 1) {
        const momentum = cyclicMomentumValue(
          baseMomentums[i] as number,
          maxMomentums[i] as number,
          scaleFactor,
          this.scaleFn(arg),
        );
        writeMomentum(groups[i] as ParamGroup, this.useBeta1 === true, momentum);
      }
    }
    return lrs;
  }

  /**
   * The state with PyTorch's keys. `_scale_fn_custom` is `null` for no scaling or a plain
   * function, and a copy of the properties of a {@link ScaleFunctionObject}; the momentum keys
   * exist only when cycling momentum.
   */
  override stateDict(): StateDict {
    const state = super.stateDict();
    if (!this.cycleMomentum) {
      for (const key of ['use_beta1', 'base_momentums', 'max_momentums']) delete state[key];
    }
    state['_scale_fn_custom'] = scaleFnState(this._scaleFnCustom);
    return state;
  }

  /**
   * Restores a state from {@link CyclicLR.stateDict}. A saved `_scale_fn_custom` is merged into
   * the current custom scaling object, and the built-in scaling is rebuilt, so a loaded `gamma`
   * or `mode` takes effect (PyTorch ≥ 2.x; 1.13 kept a weak reference to the old method).
   */
  override loadStateDict(stateDict: StateDict): void {
    const { _scale_fn_custom: saved, ...rest } = stateDict;
    super.loadStateDict(rest);
    if (saved !== null && saved !== undefined && this._scaleFnCustom !== null) {
      Object.assign(this._scaleFnCustom, structuredClone(saved));
    }
    // PyTorch's _init_scale_fn leaves the previous scaling in place for an unknown mode.
    if (this._scaleFnCustom === null && BUILT_IN_MODES.includes(this.mode)) {
      const builtIn = cyclicScaling(this.mode, this.gamma);
      this._scaleFnRef = builtIn.fn;
      this.scaleMode = builtIn.scaleMode;
    }
  }
}

const BUILT_IN_MODES: readonly string[] = ['triangular', 'triangular2', 'exp_range'];

/**
 * Writes a cycled momentum into a group: `betas[0]` (a new pair, keeping `betas[1]`) when the
 * optimizer has `betas` (Adam, AdamW), else `momentum`. Shared with `OneCycleLR`.
 *
 * @internal
 */
export function writeMomentum(group: ParamGroup, useBeta1: boolean, value: number): void {
  if (useBeta1) {
    const betas = group.betas as [number, number];
    group.betas = [value, ...betas.slice(1)] as [number, number];
  } else {
    group.momentum = value;
  }
}

function callScaleFn(fn: ScaleFunction | ScaleFunctionObject): ScaleFunction {
  return typeof fn === 'function' ? fn : (x) => fn.scale(x);
}

/** PyTorch saves `None` for a plain function and the attribute dict of a callable object. */
function scaleFnState(fn: ScaleFunction | ScaleFunctionObject | null): StateDict | null {
  if (fn === null || typeof fn === 'function') return null;
  const state: StateDict = {};
  for (const [key, value] of Object.entries(fn)) {
    if (typeof value !== 'function') state[key] = structuredClone(value);
  }
  return state;
}
