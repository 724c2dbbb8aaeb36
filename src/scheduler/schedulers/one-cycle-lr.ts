import { KeyError, ValueError } from '../errors.ts';
import {
  annealFunction,
  checkAnnealStrategy,
  checkOneCycleStep,
  checkPctStart,
  oneCycleLandmarks,
  oneCyclePhaseAt,
  oneCyclePhases,
  oneCycleTotalSteps,
  type AnnealStrategy,
  type SchedulePhase,
} from '../functional/one-cycle.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import type { ParamGroup } from '../optim/types.ts';
import { broadcast } from '../python.ts';
import { writeMomentum } from './cyclic-lr.ts';
import {
  LRScheduler,
  type LRSchedulerOptions,
  type StateDict,
  type StateKeys,
} from './lr-scheduler.ts';

/** Options of {@link OneCycleLR}, with PyTorch's keyword names. */
export interface OneCycleLROptions extends LRSchedulerOptions {
  /** The peak learning rate, one for all groups or one per group. */
  max_lr: number | readonly number[];
  /** The number of steps in the cycle; or give `epochs` and `steps_per_epoch`. */
  total_steps?: number | null;
  /** With `steps_per_epoch`, sets `total_steps = epochs · steps_per_epoch`. */
  epochs?: number | null;
  steps_per_epoch?: number | null;
  /** Share of the steps spent raising the learning rate. Default 0.3. */
  pct_start?: number;
  /** `'cos'` (default) or `'linear'`. */
  anneal_strategy?: AnnealStrategy;
  /** Cycle momentum (or Adam's `beta1`) inversely to the learning rate. Default `true`. */
  cycle_momentum?: boolean;
  /** Momentum at the learning-rate peak. Default 0.85. */
  base_momentum?: number | readonly number[];
  /** Momentum at the start and the end. Default 0.95. */
  max_momentum?: number | readonly number[];
  /** `initial_lr = max_lr / div_factor`. Default 25. */
  div_factor?: number;
  /** `min_lr = initial_lr / final_div_factor`. Default 1e4. */
  final_div_factor?: number;
  /** Use the paper's three phases instead of fastai's two. Default `false`. */
  three_phase?: boolean;
}

/**
 * The 1cycle policy (`torch.optim.lr_scheduler.OneCycleLR`, Smith & Topin 2017), one step
 * per batch: the learning rate anneals from `max_lr / div_factor` up to `max_lr` over the first
 * `pct_start · total_steps` steps, then down to `initial_lr / final_div_factor`; with
 * `three_phase` it first returns to `initial_lr` symmetrically and then anneals to the minimum.
 * Cosine annealing between landmarks `a → b` at position `p ∈ [0, 1]`:
 *
 * $$\eta = b + \frac{a - b}{2}\,(\cos(\pi p) + 1)$$
 *
 * Momentum (or `betas[0]`) moves the opposite way between `max_momentum` and `base_momentum`.
 * See {@link oneCycleLr} for the pure function.
 *
 * The landmarks live in the optimizer's param groups (`initial_lr`, `max_lr`, `min_lr`,
 * `max_momentum`, `base_momentum`; written at construction, read at every step), so they are
 * saved with the *optimizer's* state dict. `initial_lr` is overwritten even if an earlier
 * scheduler set it. Step `total_steps` itself is allowed (it extrapolates past the minimum);
 * the next step throws.
 *
 * @example
 * ```ts
 * const optimizer = new SGD(params, { lr: 1e-4, momentum: 0.9 });
 * const scheduler = new OneCycleLR(optimizer, { max_lr: 0.01, epochs: 10, steps_per_epoch: 100 });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   for (const batch of batches) {
 *     train(batch);
 *     optimizer.step();
 *     scheduler.step();
 *   }
 * }
 * ```
 * @throws {@link ValueError} with PyTorch's messages: "Expected positive integer total_steps, but
 *   got {x}" (and for `epochs`, `steps_per_epoch`), "You must define either total_steps OR (epochs
 *   AND steps_per_epoch)", "Expected float between 0 and 1 pct_start, but got {x}",
 *   "anneal_strategy must be one of 'cos' or 'linear', instead got {x}", the `max_lr` /
 *   `max_momentum` / `base_momentum` length error, "optimizer must support momentum or beta1 with
 *   `cycle_momentum` option enabled", and from `step()`: "Tried to step {s} times. The specified
 *   number of total steps is {T}".
 * @throws {@link ZeroDivisionError} "float division by zero" for a zero `div_factor` or
 *   `final_div_factor`, and when a step falls in an empty phase (`pct_start · total_steps = 1`
 *   fails at construction).
 * @throws {@link KeyError} when resuming (`last_epoch ≠ -1`) without the group keys.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html
 */
export class OneCycleLR extends LRScheduler {
  /** The number of steps in the cycle (`total_steps`). */
  totalSteps: number;
  /** The phase table (`_schedule_phases`); see {@link oneCyclePhases}. */
  protected _schedulePhases: SchedulePhase[];
  /** `'cos'` or `'linear'` (`_anneal_func_type`), looked up at every step. */
  protected _annealFuncType: string;
  cycleMomentum: boolean;
  /** Whether momentum is cycled through `betas[0]` (`use_beta1`); set when cycling momentum. */
  useBeta1?: boolean;

  protected override readonly stateKeys: StateKeys = [
    ['total_steps', 'totalSteps'],
    ['_schedule_phases', '_schedulePhases'],
    ['_anneal_func_type', '_annealFuncType'],
    ['cycle_momentum', 'cycleMomentum'],
    ['use_beta1', 'useBeta1'],
  ];

  /**
   * @param optimizer - the wrapped optimizer; its groups get the 1cycle keys and their `lr`s
   *   (and momenta) are overwritten.
   * @param options - PyTorch's keyword arguments; `max_lr` and the length of the cycle are
   *   required.
   */
  constructor(optimizer: Optimizer, options: OneCycleLROptions) {
    const {
      pct_start = 0.3,
      anneal_strategy = 'cos',
      cycle_momentum = true,
      base_momentum = 0.85,
      max_momentum = 0.95,
      div_factor = 25.0,
      final_div_factor = 1e4,
      three_phase = false,
      last_epoch = -1,
    } = options;
    const totalSteps = oneCycleTotalSteps(
      options.total_steps,
      options.epochs,
      options.steps_per_epoch,
    );
    const phases = oneCyclePhases(totalSteps, pct_start, three_phase);
    checkPctStart(pct_start);
    checkAnnealStrategy(anneal_strategy);

    const groups = optimizer.paramGroups;
    const maxLrs = broadcast('max_lr', groups.length, options.max_lr);
    if (last_epoch === -1) {
      groups.forEach((group, i) => {
        // Overwrites initial_lr, unlike the set-default of other schedulers.
        Object.assign(group, oneCycleLandmarks(maxLrs[i] as number, div_factor, final_div_factor));
      });
    }

    let useBeta1: boolean | undefined;
    if (cycle_momentum) {
      if (!('momentum' in optimizer.defaults) && !('betas' in optimizer.defaults)) {
        // PyTorch ≥ 2.x says "momentum or beta1"; 1.13 said "must support momentum with" (but already accepted betas).
        throw new ValueError(
          'optimizer must support momentum or beta1 with `cycle_momentum` option enabled',
        );
      }
      useBeta1 = 'betas' in optimizer.defaults;
      const max = broadcast('max_momentum', groups.length, max_momentum);
      const base = broadcast('base_momentum', groups.length, base_momentum);
      if (last_epoch === -1) {
        groups.forEach((group, i) => {
          writeMomentum(group, useBeta1 === true, max[i] as number);
          group.max_momentum = max[i] as number;
          group.base_momentum = base[i] as number;
        });
      }
    }

    super(optimizer, last_epoch);
    this.totalSteps = totalSteps;
    this._schedulePhases = phases;
    this._annealFuncType = anneal_strategy;
    this.cycleMomentum = cycle_momentum;
    if (useBeta1 !== undefined) this.useBeta1 = useBeta1;
    this.initialStep();
  }

  /**
   * The learning rates at step `lastEpoch`, annealed between the landmarks stored in each
   * param group; as a side effect, when cycling momentum, writes each group's momentum (or
   * `betas[0]`), as PyTorch does.
   *
   * @throws {@link ValueError} "Tried to step {s} times. The specified number of total steps is
   *   {T}" past the end.
   */
  getLr(): number[] {
    this.warnIfOutsideStep();
    const step = this.lastEpoch;
    checkOneCycleStep(step, this.totalSteps);
    const anneal = annealFunction(this._annealFuncType);
    const groups = this.optimizer.paramGroups;
    const lrs = new Array<number>(groups.length);
    // A plain loop: see groupLrs for why not Array.prototype.map.
    for (let i = 0; i < groups.length; i += 1) {
      const group = groups[i] as ParamGroup;
      const { phase, pct } = oneCyclePhaseAt(step, this._schedulePhases);
      lrs[i] = anneal(groupValue(group, phase.start_lr), groupValue(group, phase.end_lr), pct);
      if (this.cycleMomentum) {
        const momentum = anneal(
          groupValue(group, phase.start_momentum),
          groupValue(group, phase.end_momentum),
          pct,
        );
        writeMomentum(group, this.useBeta1 === true, momentum);
      }
    }
    return lrs;
  }

  /** The state with PyTorch's keys; `use_beta1` exists only when cycling momentum. */
  override stateDict(): StateDict {
    const state = super.stateDict();
    if (!this.cycleMomentum) delete state['use_beta1'];
    return state;
  }
}

/** A 1cycle landmark stored in a param group; Python's KeyError (message: the key) when missing. */
function groupValue(group: ParamGroup, key: string): number {
  const value = group[key];
  if (typeof value !== 'number') throw new KeyError(key);
  return value;
}
