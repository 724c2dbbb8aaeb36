/**
 * Changes to the child schedulers of a composite configuration (`SequentialLR`,
 * `ChainedScheduler`): add one, remove one, give one another scheduler. `SequentialLR` keeps one
 * milestone fewer than children: an added child gets the next milestone, a removed child takes
 * the milestone it started at with it. Pure: states in, states out.
 *
 * @module
 */
import {
  MAX_CHILDREN,
  MIN_CHILDREN,
  newChild,
  nextMilestone,
  runSteps,
  type ChildSchedulerName,
  type PlaygroundChild,
  type PlaygroundState,
} from './model.ts';

/** The scheduler of an added child. */
export const ADDED_CHILD: ChildSchedulerName = 'ExponentialLR';

function withChildren(
  state: PlaygroundState,
  index: number,
  change: (children: PlaygroundChild[], milestones: number[]) => void,
): PlaygroundState {
  const original = state.series[index];
  if (!original?.children) return state;
  const children = [...original.children];
  const listed = original.options['milestones'];
  const milestones = Array.isArray(listed) ? [...listed] : [];
  change(children, milestones);
  const options =
    original.scheduler === 'SequentialLR' ? { ...original.options, milestones } : original.options;
  const series = [...state.series];
  series[index] = { ...original, options, children };
  return { ...state, series };
}

/**
 * Add an {@link ADDED_CHILD} with its starting values after the last child of configuration
 * `index`; `SequentialLR` switches to it at the next milestone (see `nextMilestone`).
 *
 * @param state - The playground.
 * @param index - A composite configuration.
 * @returns The new state; the same state when the configuration is no composite or already has
 *   `MAX_CHILDREN` children.
 */
export function addChild(state: PlaygroundState, index: number): PlaygroundState {
  if ((state.series[index]?.children?.length ?? MAX_CHILDREN) >= MAX_CHILDREN) return state;
  const steps = runSteps(state);
  return withChildren(state, index, (children, milestones) => {
    children.push(newChild(ADDED_CHILD, steps));
    milestones.push(nextMilestone(milestones, steps));
  });
}

/**
 * Remove child `child` of configuration `index`, and with it the milestone at which
 * `SequentialLR` switched to it (the first milestone for the first child).
 *
 * @param state - The playground.
 * @param index - A composite configuration.
 * @param child - The child to remove.
 * @returns The new state; the same state when it would leave fewer than `MIN_CHILDREN` or the
 *   child does not exist.
 */
export function removeChild(state: PlaygroundState, index: number, child: number): PlaygroundState {
  const count = state.series[index]?.children?.length ?? 0;
  if (count <= MIN_CHILDREN || child < 0 || child >= count) return state;
  return withChildren(state, index, (children, milestones) => {
    children.splice(child, 1);
    milestones.splice(Math.max(0, child - 1), 1);
  });
}

/**
 * Give child `child` of configuration `index` another scheduler, with that scheduler's starting
 * values (PyTorch's defaults).
 *
 * @param state - The playground.
 * @param index - A composite configuration.
 * @param child - The child.
 * @param scheduler - Its new scheduler.
 * @returns The new state (the same state when nothing changes).
 */
export function setChildScheduler(
  state: PlaygroundState,
  index: number,
  child: number,
  scheduler: ChildSchedulerName,
): PlaygroundState {
  const current = state.series[index]?.children?.[child];
  if (!current || current.scheduler === scheduler) return state;
  const steps = runSteps(state);
  return withChildren(state, index, (children) => {
    children[child] = newChild(scheduler, steps);
  });
}
