import { KeyError } from '../errors.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import type { ParamGroup } from '../optim/types.ts';
import { groupLrs } from './group-lrs.ts';
import { warn } from '../warnings.ts';

/** PyTorch's `EPOCH_DEPRECATION_WARNING`, emitted when `step(epoch)` is given an epoch. */
export const EPOCH_DEPRECATION_WARNING =
  'The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, the closed form is used instead of the new chainable form, where available. Please open an issue if you are unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose.';

const STEP_ORDER_WARNING =
  'Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate';

const GET_LR_WARNING =
  'To get the last learning rate computed by the scheduler, please use `get_last_lr()`.';

/** A scheduler state dict: PyTorch's keys verbatim, JSON-serialisable values. */
export type StateDict = Record<string, unknown>;

/**
 * Maps a state-dict key (PyTorch's name) to the instance attribute that holds it.
 * Keys and attributes differ only where the API rule renames (`last_epoch` → `lastEpoch`).
 */
export type StateKeys = ReadonlyArray<readonly [key: string, attribute: string]>;

const BASE_STATE_KEYS: StateKeys = [
  ['base_lrs', 'baseLrs'],
  ['last_epoch', 'lastEpoch'],
  ['_step_count', '_stepCount'],
  ['_is_initial', '_isInitial'],
  ['_get_lr_called_within_step', '_getLrCalledWithinStep'],
  ['_last_lr', '_lastLr'],
];

/**
 * Anything that adjusts an optimizer's learning rates and can be stepped: the common surface
 * of {@link LRScheduler}, `SequentialLR`, `ChainedScheduler` and `ReduceLROnPlateau`.
 */
export interface Scheduler {
  readonly optimizer: Optimizer;
  lastEpoch: number;
  getLastLr(): number[];
  stateDict(): StateDict;
  loadStateDict(stateDict: StateDict): void;
}

/** Options every scheduler accepts. */
export interface LRSchedulerOptions {
  /** The index of the last epoch; `-1` starts fresh. Any other value resumes. Default `-1`. */
  last_epoch?: number;
}

/**
 * Base class of the epoch-driven schedulers: PyTorch's `torch.optim.lr_scheduler.LRScheduler`
 * (`_LRScheduler` in 1.13).
 *
 * Construction records `initial_lr` in every param group (only where absent, so a second
 * scheduler on the same optimizer sees the original lr), sets `baseLrs` from it and performs
 * the initial step, which writes the value for epoch 0 (or `last_epoch + 1` when resuming)
 * into the optimizer: constructing a scheduler changes the optimizer's learning rates.
 *
 * Subclasses implement {@link LRScheduler.getLr} (PyTorch's chainable form) and, where PyTorch
 * has one, {@link LRScheduler.closedFormLr} (used by `step(epoch)`).
 *
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.LRScheduler.html
 */
export abstract class LRScheduler implements Scheduler {
  readonly optimizer: Optimizer;
  /** The group learning rates the schedule is relative to (`base_lrs`). */
  baseLrs: number[];
  /** The epoch counter (`last_epoch`); 0 right after construction. */
  lastEpoch: number;
  protected _stepCount = 0;
  /** True while the construction step runs (newest PyTorch's "initial mode"). */
  protected _isInitial = false;
  protected _getLrCalledWithinStep = false;
  protected _lastLr: number[] = [];
  /** State-dict keys of the subclass, listed before the base keys as in PyTorch. */
  protected readonly stateKeys: StateKeys = [];

  /**
   * Records `initial_lr` and `baseLrs`. It does not step: JavaScript assigns a subclass's
   * fields only after `super()` returns, so every concrete subclass ends its constructor with
   * `this.initialStep()`, the point where PyTorch's base constructor steps.
   *
   * @param optimizer - the wrapped optimizer.
   * @param lastEpoch - PyTorch's `last_epoch`.
   * @throws {@link KeyError} when resuming (`lastEpoch !== -1`) and a group lacks `initial_lr`.
   */
  constructor(optimizer: Optimizer, lastEpoch = -1) {
    this.optimizer = optimizer;
    if (lastEpoch === -1) {
      for (const group of optimizer.paramGroups) {
        if (!('initial_lr' in group) || group.initial_lr === undefined) group.initial_lr = group.lr;
      }
    } else {
      optimizer.paramGroups.forEach((group, i) => {
        if (group.initial_lr === undefined) {
          throw new KeyError(
            `param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`,
          );
        }
      });
    }
    this.baseLrs = optimizer.paramGroups.map((group) => group.initial_lr as number);
    this.lastEpoch = lastEpoch;
  }

  /**
   * Runs PyTorch's `_initial_step`: reset the step count and step once in initial mode.
   * Called at the end of every constructor, and by `SequentialLR` on its first child.
   */
  initialStep(): void {
    this._stepCount = 0;
    this._isInitial = true;
    try {
      this.step();
    } finally {
      this._isInitial = false;
    }
  }

  /**
   * The learning rates for `lastEpoch`, by PyTorch's chainable (recursive) formula where it
   * has one. Called by `step()`; calling it directly warns, as in PyTorch.
   */
  abstract getLr(): number[];

  /** The closed form PyTorch uses for `step(epoch)`; `undefined` where PyTorch has none. */
  protected closedFormLr?(): number[];

  /** Warns as PyTorch does when `getLr()` is called from outside `step()`. */
  protected warnIfOutsideStep(): void {
    if (!this._getLrCalledWithinStep) warn(GET_LR_WARNING);
  }

  /**
   * Advances the schedule by one epoch and writes the new learning rates into the optimizer.
   *
   * @param epoch - deprecated in PyTorch: sets `lastEpoch` to this value (floats pass through)
   *   and uses the closed form where the class has one. Emits PyTorch's deprecation warning.
   */
  step(epoch?: number): void {
    if (this._stepCount === 1 && !this.optimizer._optCalled) warn(STEP_ORDER_WARNING);
    this._stepCount += 1;
    if (epoch !== undefined) warn(EPOCH_DEPRECATION_WARNING);
    this.updateLr(epoch);
  }

  /**
   * Newest PyTorch's `_update_lr`: the body of `step()` without warnings or step counting.
   * `SequentialLR` calls it with epoch 0 at a milestone.
   */
  updateLr(epoch?: number): void {
    let values: number[];
    if (epoch === undefined) {
      this.lastEpoch += 1;
      values = this.getLrWithinStep();
    } else {
      this.lastEpoch = epoch;
      values = this.closedFormLr ? this.closedFormLr() : this.getLrWithinStep();
    }
    this.writeLrs(values);
  }

  /** Calls `getLr()` with the "inside step" flag set, so it does not warn. */
  protected getLrWithinStep(): number[] {
    this._getLrCalledWithinStep = true;
    try {
      return this.getLr();
    } finally {
      this._getLrCalledWithinStep = false;
    }
  }

  /** Writes one learning rate per group and records them as the last learning rates. */
  protected writeLrs(values: readonly number[]): void {
    const groups = this.optimizer.paramGroups;
    // PyTorch zips groups with values, so extra values are ignored.
    const n = Math.min(groups.length, values.length);
    for (let i = 0; i < n; i += 1) (groups[i] as ParamGroup).lr = values[i] as number;
    // getLr() returns a fresh array; when it covers every group it already is the new _last_lr.
    this._lastLr = values.length === groups.length ? (values as number[]) : this.currentLrs();
  }

  /** Every group's current learning rate (what a recursive rule leaves unchanged). */
  protected currentLrs(): number[] {
    return groupLrs(this.optimizer);
  }

  /** Every group's current learning rate times `factor` (a recursive step); a loop, as in {@link groupLrs}. */
  protected scaledLrs(factor: number): number[] {
    const groups = this.optimizer.paramGroups;
    const out = new Array<number>(groups.length);
    for (let i = 0; i < groups.length; i += 1) out[i] = (groups[i] as ParamGroup).lr * factor;
    return out;
  }

  /** The learning rates the last step wrote, one per param group (`get_last_lr()`). */
  getLastLr(): number[] {
    return this._lastLr;
  }

  /**
   * The scheduler's state with PyTorch's keys (`state_dict()`), deep-copied and
   * JSON-serialisable. It does not include the optimizer: save `optimizer.stateDict()` too.
   */
  stateDict(): StateDict {
    const state: StateDict = {};
    for (const [key, attribute] of [...this.stateKeys, ...BASE_STATE_KEYS]) {
      state[key] = structuredClone((this as unknown as Record<string, unknown>)[attribute]);
    }
    return state;
  }

  /**
   * Restores a state from {@link LRScheduler.stateDict} (`load_state_dict()`). Like PyTorch it
   * does not validate and does not touch the optimizer's learning rates; keys it does not know
   * are ignored. The argument is not mutated.
   */
  loadStateDict(stateDict: StateDict): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [key, attribute] of [...this.stateKeys, ...BASE_STATE_KEYS]) {
      if (key in stateDict) self[attribute] = structuredClone(stateDict[key]);
    }
  }
}
