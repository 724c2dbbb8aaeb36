import { ValueError } from '../errors.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { isComposite, recursiveUndo, type CompositeScheduler } from './composite.ts';
import { LRScheduler, type Scheduler, type StateDict } from './lr-scheduler.ts';
import { checkChildren } from './children.ts';

/** Options of {@link SequentialLR}. */
export interface SequentialLROptions {
  /** The schedulers to run one after another, all on `optimizer`. */
  schedulers: readonly Scheduler[];
  /** Epochs at which the next scheduler takes over; one fewer than `schedulers`. */
  milestones: readonly number[];
  /** Default `-1`. */
  last_epoch?: number;
}

/**
 * Runs schedulers one after another, switching at milestone epochs
 * (`torch.optim.lr_scheduler.SequentialLR`). The usual use is warmup then decay:
 *
 * ```ts
 * const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: 5 });
 * const cosine = new CosineAnnealingLR(optimizer, { T_max: 95 });
 * const scheduler = new SequentialLR(optimizer, { schedulers: [warmup, cosine], milestones: [5] });
 * ```
 *
 * Construction resets every group's lr to `initial_lr`, undoes the children's construction
 * steps and re-runs only the first child's. At a milestone the next child restarts from
 * epoch 0 with its closed form (so most children re-base to `initial_lr`); only the active
 * child is stepped. Like PyTorch it is not an `LRScheduler` subclass in behaviour: it has no
 * `baseLrs` and no epoch argument to `step()`.
 *
 * @throws {@link ValueError} "SequentialLR expects at least one scheduler, but got no
 *   scheduler.", for a `ReduceLROnPlateau` child, for a child on another optimizer, and
 *   "Sequential Schedulers expects number of schedulers provided to be one more than the number
 *   of milestone points, but got number of schedulers {n} and the number of milestones to be
 *   equal to {m}".
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.SequentialLR.html
 */
export class SequentialLR implements CompositeScheduler {
  readonly optimizer: Optimizer;
  readonly _schedulers: readonly Scheduler[];
  _milestones: number[];
  lastEpoch: number;
  protected _lastLr: number[];

  constructor(optimizer: Optimizer, options: SequentialLROptions) {
    const { schedulers, milestones } = options;
    if (schedulers.length < 1) {
      throw new ValueError('SequentialLR expects at least one scheduler, but got no scheduler.');
    }
    checkChildren('SequentialLR', optimizer, schedulers);
    if (milestones.length !== schedulers.length - 1) {
      throw new ValueError(
        `Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${milestones.length}`,
      );
    }
    this._schedulers = schedulers;
    this._milestones = [...milestones];
    this.lastEpoch = (options.last_epoch ?? -1) + 1;
    this.optimizer = optimizer;
    for (const group of optimizer.paramGroups) group.lr = group.initial_lr as number;
    recursiveUndo(schedulers);
    const first = schedulers[0] as Scheduler;
    if (first instanceof LRScheduler) first.initialStep();
    this._lastLr = first.getLastLr();
  }

  /** Advances one epoch: steps the active child, or restarts the next child at a milestone. */
  step(): void {
    this.lastEpoch += 1;
    // bisect_right: the number of milestones ≤ lastEpoch.
    const idx = this._milestones.filter((m) => m <= this.lastEpoch).length;
    const scheduler = this._schedulers[idx] as Scheduler;
    if (
      idx > 0 &&
      this._milestones[idx - 1] === this.lastEpoch &&
      scheduler instanceof LRScheduler
    ) {
      scheduler.updateLr(0);
    } else if (scheduler instanceof LRScheduler || isComposite(scheduler)) {
      scheduler.step();
    }
    this._lastLr = scheduler.getLastLr();
  }

  getLastLr(): number[] {
    return this._lastLr;
  }

  stateDict(): StateDict {
    return {
      _milestones: [...this._milestones],
      last_epoch: this.lastEpoch,
      _last_lr: [...this._lastLr],
      _schedulers: this._schedulers.map((s) => s.stateDict()),
    };
  }

  loadStateDict(stateDict: StateDict): void {
    if (Array.isArray(stateDict['_milestones'])) this._milestones = [...stateDict['_milestones']];
    if (typeof stateDict['last_epoch'] === 'number') this.lastEpoch = stateDict['last_epoch'];
    if (Array.isArray(stateDict['_last_lr'])) this._lastLr = [...stateDict['_last_lr']];
    const children = stateDict['_schedulers'];
    if (Array.isArray(children)) {
      children.forEach((child: StateDict, i) => this._schedulers[i]?.loadStateDict(child));
    }
  }
}
