import { RuntimeError, ValueError } from '../errors.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { fromJsonFloat, pyFormat, toJsonFloat } from '../python.ts';
import { warn } from '../warnings.ts';
import type { ParamGroup } from '../optim/types.ts';
import { groupLrs } from './group-lrs.ts';
import { EPOCH_DEPRECATION_WARNING, type Scheduler, type StateDict } from './lr-scheduler.ts';

/** Options of {@link ReduceLROnPlateau}, with PyTorch's keyword names. */
export interface ReduceLROnPlateauOptions {
  /** `'min'` (default): reduce when the metric stops falling; `'max'`: stops rising. */
  mode?: 'min' | 'max';
  /** `new_lr = lr · factor`; must be below 1. Default 0.1. */
  factor?: number;
  /** Bad epochs tolerated before reducing: the reduction comes on bad epoch `patience + 1`. Default 10. */
  patience?: number;
  /** How much better a metric must be to count as an improvement. Default 1e-4. */
  threshold?: number;
  /** `'rel'` (default): relative to the best metric; `'abs'`: an absolute margin. */
  threshold_mode?: 'rel' | 'abs';
  /** Epochs after a reduction during which bad epochs are not counted. Default 0. */
  cooldown?: number;
  /** Lower bound on each group's learning rate, one for all groups or one per group. Default 0. */
  min_lr?: number | readonly number[];
  /** A reduction smaller than this is skipped. Default 1e-8. */
  eps?: number;
}

const STATE_KEYS = [
  ['factor', 'factor'],
  ['default_min_lr', 'defaultMinLr'],
  ['min_lrs', 'minLrs'],
  ['patience', 'patience'],
  ['cooldown', 'cooldown'],
  ['eps', 'eps'],
  ['last_epoch', 'lastEpoch'],
  ['_last_lr', '_lastLr'],
  ['mode_worse', 'modeWorse'],
  ['mode', 'mode'],
  ['threshold', 'threshold'],
  ['threshold_mode', 'thresholdMode'],
  ['best', 'best'],
  ['cooldown_counter', 'cooldownCounter'],
  ['num_bad_epochs', 'numBadEpochs'],
] as const;

/**
 * Reduces the learning rate when a metric has stopped improving
 * (`torch.optim.lr_scheduler.ReduceLROnPlateau`). Each `step(metric)` compares the metric with
 * the best so far; after more than `patience` epochs without improvement every group's rate is
 * multiplied by `factor`, bounded below by `min_lr`:
 *
 * $$\eta \leftarrow \max(\eta \cdot \text{factor},\ \eta_{min}) \quad\text{if the decrease exceeds } \varepsilon$$
 *
 * An improvement means `a < best·(1 − threshold)` (`min`/`rel`), `a < best − threshold`
 * (`min`/`abs`), `a > best·(1 + threshold)` (`max`/`rel`) or `a > best + threshold`
 * (`max`/`abs`). After a reduction, `cooldown` epochs pass before bad epochs count again.
 * It scales the *current* rate, so it composes multiplicatively with other schedulers.
 *
 * In newest PyTorch this subclasses `LRScheduler` but never runs its constructor: it does not
 * write `initial_lr`, does not touch the learning rates at construction and has no initial
 * step. JavaScript would run the base constructor, so this class implements the
 * {@link Scheduler} interface instead of extending {@link LRScheduler}; `instanceof LRScheduler`
 * is therefore `false`, where PyTorch's `isinstance` is true.
 *
 * @example
 * ```ts
 * const optimizer = new SGD(params, { lr: 0.1, momentum: 0.9 });
 * const scheduler = new ReduceLROnPlateau(optimizer, { mode: 'min', factor: 0.5, patience: 3 });
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   train();
 *   scheduler.step(validationLoss()); // call after validating
 * }
 * ```
 * @throws {@link ValueError} "Factor should be < 1.0.", "expected {G} min_lrs, got {n}",
 *   "mode {mode} is unknown!", "threshold mode {mode} is unknown!".
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ReduceLROnPlateau.html
 */
export class ReduceLROnPlateau implements Scheduler {
  readonly optimizer: Optimizer;
  factor: number;
  /** The scalar `min_lr`, re-broadcast when groups are added; `null` if a list was given. */
  defaultMinLr: number | null;
  /** The lower bound of each group (`min_lrs`). */
  minLrs: number[];
  patience: number;
  cooldown: number;
  eps: number;
  /** The number of `step()` calls so far, or the last explicit epoch. 0 after construction. */
  lastEpoch: number;
  protected _lastLr: number[];
  /** The worst possible metric: `Infinity` for `'min'`, `-Infinity` for `'max'`. */
  modeWorse!: number;
  mode!: string;
  threshold!: number;
  thresholdMode!: string;
  /** The best metric seen so far (`mode_worse` before the first step). */
  best: number;
  /** Epochs of cooldown left. */
  cooldownCounter: number;
  /** Consecutive epochs without improvement. */
  numBadEpochs: number;

  /**
   * @param optimizer - the wrapped optimizer; its learning rates are not touched until a
   *   reduction.
   * @param options - PyTorch's keyword arguments.
   */
  constructor(optimizer: Optimizer, options: ReduceLROnPlateauOptions = {}) {
    const {
      mode = 'min',
      factor = 0.1,
      patience = 10,
      threshold = 1e-4,
      threshold_mode = 'rel',
      cooldown = 0,
      min_lr = 0,
      eps = 1e-8,
    } = options;
    // Checked first, before anything else, as in PyTorch; factor ≤ 0 is not rejected.
    if (factor >= 1.0) throw new ValueError('Factor should be < 1.0.');
    this.factor = factor;
    this.optimizer = optimizer;
    const groupCount = optimizer.paramGroups.length;
    if (typeof min_lr === 'number') {
      this.defaultMinLr = min_lr;
      this.minLrs = new Array<number>(groupCount).fill(min_lr);
    } else {
      if (min_lr.length !== groupCount) {
        throw new ValueError(`expected ${groupCount} min_lrs, got ${min_lr.length}`);
      }
      this.defaultMinLr = null;
      this.minLrs = [...min_lr];
    }
    this.patience = patience;
    this.cooldown = cooldown;
    this.eps = eps;
    this.lastEpoch = 0;
    // PyTorch ≥ 2.x sets _last_lr (and get_last_lr) at construction; 1.13 had neither until the first step.
    this._lastLr = groupLrs(optimizer);
    this.initIsBetter(mode, threshold, threshold_mode);
    this.best = this.modeWorse;
    this.cooldownCounter = 0;
    this.numBadEpochs = 0;
  }

  /**
   * Records one epoch's metric and reduces the learning rates if it has not improved for more
   * than `patience` epochs (outside cooldown).
   *
   * @param metrics - the monitored quantity, e.g. the validation loss. NaN never improves.
   * @param epoch - deprecated: sets `lastEpoch` instead of incrementing it, and warns.
   * @throws {@link RuntimeError} if param groups were added since construction and `min_lr`
   *   was given as a list (a scalar `min_lr` is re-broadcast instead).
   */
  step(metrics: number, epoch?: number): void {
    const current = Number(metrics);
    if (epoch === undefined) {
      epoch = this.lastEpoch + 1;
    } else {
      warn(EPOCH_DEPRECATION_WARNING);
    }
    this.lastEpoch = epoch;

    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }

    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }

    if (this.numBadEpochs > this.patience) {
      this.reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }

    this._lastLr = groupLrs(this.optimizer);
  }

  private reduceLr(): void {
    const groups = this.optimizer.paramGroups;
    if (groups.length !== this.minLrs.length) {
      // PyTorch ≥ 2.x re-broadcasts a scalar min_lr or raises this RuntimeError; 1.13 raised IndexError (pytorch/pytorch#104361).
      if (this.defaultMinLr === null) {
        throw new RuntimeError(
          `The number of param groups in the \`optimizer\` (${groups.length}) differs from when \`ReduceLROnPlateau\` was initialized (${this.minLrs.length}), usually due to a new param group being added to the optimizer. Please modify the \`min_lrs\` field to match the length of the \`optimizer\` param groups.`,
        );
      }
      this.minLrs = new Array<number>(groups.length).fill(this.defaultMinLr);
    }
    for (let i = 0; i < groups.length; i += 1) {
      const group = groups[i] as ParamGroup;
      const oldLr = group.lr;
      const newLr = pyMax(oldLr * this.factor, this.minLrs[i] as number);
      // A decrease of at most eps is skipped, so a rate already at min_lr stays put.
      if (oldLr - newLr > this.eps) group.lr = newLr;
    }
  }

  /** Whether a reduction happened less than `cooldown` epochs ago (`in_cooldown`). */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /**
   * Whether metric `a` improves on `best` by more than the threshold (PyTorch's `_is_better`;
   * 1.13's public `is_better`). With `best = ±Infinity` and a relative threshold of 1 the
   * comparison is with NaN, so nothing ever improves, as in PyTorch.
   *
   * @param a - the new metric.
   * @param best - the best metric so far.
   */
  isBetter(a: number, best: number): boolean {
    if (this.mode === 'min' && this.thresholdMode === 'rel')
      return a < best * (1.0 - this.threshold);
    if (this.mode === 'min' && this.thresholdMode === 'abs') return a < best - this.threshold;
    if (this.mode === 'max' && this.thresholdMode === 'rel')
      return a > best * (this.threshold + 1.0);
    return a > best + this.threshold;
  }

  private initIsBetter(mode: string, threshold: number, thresholdMode: string): void {
    if (mode !== 'min' && mode !== 'max') {
      throw new ValueError(`mode ${pyFormat(mode)} is unknown!`);
    }
    if (thresholdMode !== 'rel' && thresholdMode !== 'abs') {
      throw new ValueError(`threshold mode ${pyFormat(thresholdMode)} is unknown!`);
    }
    this.modeWorse = mode === 'min' ? Infinity : -Infinity;
    this.mode = mode;
    this.threshold = threshold;
    this.thresholdMode = thresholdMode;
  }

  /** The learning rates after the last step (at construction: the optimizer's current ones). */
  getLastLr(): number[] {
    return this._lastLr;
  }

  /**
   * The state with newest PyTorch's keys, deep-copied. `best` and `mode_worse` are often
   * `±Infinity`, which JSON cannot hold: they are written as Python spells them for `float()`
   * (`'inf'`, `'-inf'`, `'nan'`), so the state survives `JSON.stringify` exactly.
   */
  stateDict(): StateDict {
    const self = this as unknown as Record<string, unknown>;
    const state: StateDict = {};
    for (const [key, attribute] of STATE_KEYS) state[key] = structuredClone(self[attribute]);
    state['best'] = toJsonFloat(this.best);
    state['mode_worse'] = toJsonFloat(this.modeWorse);
    return state;
  }

  /**
   * Restores a state from {@link ReduceLROnPlateau.stateDict}, possibly after a JSON round trip.
   * Like PyTorch it then re-checks the mode settings and recomputes `mode_worse`; it does not
   * touch the learning rates. Unknown keys are ignored.
   *
   * @throws {@link ValueError} for an unknown `mode` or `threshold_mode` in the state.
   */
  loadStateDict(stateDict: StateDict): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [key, attribute] of STATE_KEYS) {
      if (key in stateDict) self[attribute] = structuredClone(stateDict[key]);
    }
    this.initIsBetter(this.mode, this.threshold, this.thresholdMode);
    // A state written with plain JSON.stringify has null for an infinite best: no metric has improved on mode_worse.
    this.best = fromJsonFloat(stateDict['best'], this.modeWorse);
  }
}

/** Python's `max(a, b)`: `b` only if it is strictly greater, so a NaN `a` is kept. */
function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}
