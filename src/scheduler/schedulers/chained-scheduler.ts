import { ValueError } from '../errors.ts';
import type { Optimizer } from '../optim/optimizer.ts';
import { checkChildren } from './children.ts';
import { groupLrs } from './group-lrs.ts';
import { isComposite, type CompositeScheduler } from './composite.ts';
import { LRScheduler, type Scheduler, type StateDict } from './lr-scheduler.ts';

/** Options of {@link ChainedScheduler}. */
export interface ChainedSchedulerOptions {
  /** Default: the first scheduler's optimizer. */
  optimizer?: Optimizer;
}

/**
 * Steps several schedulers together, in order, with one `step()`
 * (`torch.optim.lr_scheduler.ChainedScheduler`). With recursive schedulers the effects
 * multiply; a closed-form scheduler (`LambdaLR`, `CyclicLR`, …) overwrites what came before
 * it in the list.
 *
 * @example
 * ```ts
 * const constant = new ConstantLR(optimizer, { factor: 0.1, total_iters: 2 });
 * const exponential = new ExponentialLR(optimizer, { gamma: 0.9 });
 * const scheduler = new ChainedScheduler([constant, exponential], { optimizer });
 * ```
 * @throws {@link ValueError} "ChainedScheduler expects at least one scheduler to be chained, but
 *   got no scheduler.", for a `ReduceLROnPlateau` child, and for a child on another optimizer.
 * @see https://docs.pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ChainedScheduler.html
 */
export class ChainedScheduler implements CompositeScheduler {
  readonly optimizer: Optimizer;
  readonly _schedulers: readonly Scheduler[];
  /** Not used by the chain itself; present so `SequentialLR` can treat it like any scheduler. */
  lastEpoch = 0;
  protected _lastLr: number[];

  constructor(schedulers: readonly Scheduler[], options: ChainedSchedulerOptions = {}) {
    if (schedulers.length < 1) {
      throw new ValueError(
        'ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.',
      );
    }
    const optimizer = options.optimizer ?? (schedulers[0] as Scheduler).optimizer;
    checkChildren('ChainedScheduler', optimizer, schedulers);
    this._schedulers = schedulers;
    this.optimizer = optimizer;
    this._lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  /** Steps every child in list order. */
  step(): void {
    for (const s of this._schedulers) {
      if (s instanceof LRScheduler || isComposite(s)) s.step();
    }
    this._lastLr = groupLrs((this._schedulers.at(-1) as Scheduler).optimizer);
  }

  getLastLr(): number[] {
    return this._lastLr;
  }

  stateDict(): StateDict {
    return {
      _last_lr: [...this._lastLr],
      _schedulers: this._schedulers.map((s) => s.stateDict()),
    };
  }

  loadStateDict(stateDict: StateDict): void {
    if (Array.isArray(stateDict['_last_lr'])) this._lastLr = [...stateDict['_last_lr']];
    const children = stateDict['_schedulers'];
    if (Array.isArray(children)) {
      children.forEach((child: StateDict, i) => this._schedulers[i]?.loadStateDict(child));
    }
  }
}
