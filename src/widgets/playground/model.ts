/**
 * The pure model of the scheduler playground: its state (up to four configurations, each any
 * scheduler of the engine with every keyword argument, on an SGD optimizer with its own `lr` and
 * `momentum`, over one training run), the operations on it (add, duplicate, remove, change
 * scheduler, edit a field), its encoding in the page address, the chart it stands for and the CSV
 * export of its curves.
 *
 * `LambdaLR` and `MultiplicativeLR` take their `lr_lambda` as a Python expression in `epoch`
 * (`expression.ts`); `SequentialLR` and `ChainedScheduler` hold child schedulers (data or lambda
 * schedulers), whose fields have paths such as `series.0.options.schedulers.1.options.T_max`
 * (`composite.ts` adds, removes and changes them).
 *
 * Everything numeric comes from the `ScheduleChart` model, which this module builds on: the
 * fields and PyTorch's defaults (`optionFields`), parsing (`parseField`), sampling and validation
 * with the scheduler engine (`evaluate`). No DOM, no words.
 *
 * @module
 */
import {
  MAX_STEPS,
  checkRunLength,
  compositeSchedulers,
  dataSchedulers,
  evaluate,
  fieldText,
  lambdaSchedulers,
  optionFields,
  parseField,
  type ChartSpec,
  type CompositeSchedulerName,
  type Curve,
  type DataSchedulerName,
  type ErrorKey,
  type Evaluation,
  type FieldProblem,
  type OptionField,
  type OptionValue,
  type SchedulerSpec,
} from '../schedule-chart/model.ts';
import type * as ExpressionLanguage from './expression.ts';

/**
 * The expression language of `lr_lambda` (`expression.ts`), once provided. The page loads it as a
 * chunk of its own, needed only by `LambdaLR` and `MultiplicativeLR`, so that the playground's
 * first chart does not wait for it; until it is here, an `lr_lambda` cannot be read or run (see
 * {@link usesExpressions}).
 */
let language: typeof ExpressionLanguage | undefined;

/**
 * Give the model the expression language (`expression.ts`); tests and the build pass it at once,
 * the page when it has loaded the chunk.
 *
 * @param module - `expression.ts`.
 */
export function provideExpressions(module: typeof ExpressionLanguage): void {
  language = module;
}

/** Whether {@link provideExpressions} has been called. */
export const expressionsProvided = (): boolean => language !== undefined;

/**
 * Whether a shared address names one of `schedulers` as any of its values (a configuration's or a
 * child's scheduler), so that what those schedulers need can be loaded before it is read.
 *
 * @param search - `location.search`.
 * @param schedulers - Scheduler names.
 * @returns True when any value is one of them.
 */
export function queryNamesScheduler(search: string, schedulers: readonly string[]): boolean {
  return [...new URLSearchParams(search).values()].some((value) => schedulers.includes(value));
}

/**
 * Whether a shared address names a scheduler that takes an `lr_lambda`, so that the expression
 * language must be provided before {@link stateFromQuery} reads it.
 *
 * @param search - `location.search`.
 * @returns True when any value is `LambdaLR` or `MultiplicativeLR`.
 */
export const queryUsesExpressions = (search: string): boolean =>
  queryNamesScheduler(search, lambdaSchedulers);

/** The expression language; only reached for states with an `lr_lambda`, once provided. */
function expressions(): typeof ExpressionLanguage {
  if (!language) throw new Error('the lr_lambda expression language is not loaded');
  return language;
}

/** The most configurations the playground compares at once. */
export const MAX_SERIES = 4;

/** PyTorch's defaults for `torch.optim.SGD(params, lr=1e-3, momentum=0)`. */
export const SGD_DEFAULTS = { lr: 1e-3, momentum: 0 } as const;

/** The training run a new playground starts with. */
export const DEFAULT_RUN = { epochs: 100, stepsPerEpoch: 1 } as const;

/** A scheduler that takes a function, `lr_lambda`. */
export type LambdaSchedulerName = (typeof lambdaSchedulers)[number];

/** Every scheduler the engine exports. */
export type PlaygroundSchedulerName =
  DataSchedulerName | LambdaSchedulerName | CompositeSchedulerName;

/**
 * A scheduler a composite may hold: any but the composites and `ReduceLROnPlateau` (which steps
 * on a metric that `SequentialLR` and `ChainedScheduler` do not pass).
 */
export type ChildSchedulerName =
  Exclude<DataSchedulerName, 'ReduceLROnPlateau'> | LambdaSchedulerName;

/** The scheduler of a new playground and of an added configuration. */
export const DEFAULT_SCHEDULER: DataSchedulerName = 'CosineAnnealingLR';

/** The schedulers the playground offers: every one the engine exports. */
export const playgroundSchedulers: readonly PlaygroundSchedulerName[] = [
  ...dataSchedulers,
  ...lambdaSchedulers,
  ...compositeSchedulers,
];

/** The schedulers a composite's child may be. */
export const childSchedulers = playgroundSchedulers.filter(
  (name): name is ChildSchedulerName =>
    name !== 'ReduceLROnPlateau' && !compositeSchedulers.includes(name as CompositeSchedulerName),
);

/** The fewest and most child schedulers of a composite. */
export const MIN_CHILDREN = 2;
export const MAX_CHILDREN = 3;

/** Steps of the linear warm-up a new composite starts with. */
const WARMUP = 5;

/** A child scheduler of a composite, with all of its keyword arguments. */
export interface PlaygroundChild {
  readonly scheduler: ChildSchedulerName;
  readonly options: Readonly<Record<string, OptionValue>>;
}

/** One configuration: a scheduler with all of its keyword arguments, on its own SGD optimizer. */
export interface PlaygroundSeries {
  readonly scheduler: PlaygroundSchedulerName;
  /** The optimizer's initial learning rate. */
  readonly lr: number;
  /** The optimizer's momentum. */
  readonly momentum: number;
  /**
   * Every keyword argument of the scheduler (PyTorch's names), in signature order; an
   * `lr_lambda` is the text of its expression. A composite's children are in `children`.
   */
  readonly options: Readonly<Record<string, OptionValue>>;
  /** The child schedulers of `SequentialLR` and `ChainedScheduler` ({@link MIN_CHILDREN} to {@link MAX_CHILDREN}). */
  readonly children?: readonly PlaygroundChild[];
}

/** How the playground edits a value: as the `ScheduleChart` fields, or as an expression in `epoch`. */
export type PlaygroundFieldKind = OptionField['kind'] | 'expression';

/** A keyword argument as the playground edits it. */
export interface PlaygroundOption extends Omit<OptionField, 'kind'> {
  readonly kind: PlaygroundFieldKind;
}

const isComposite = (name: PlaygroundSchedulerName): name is CompositeSchedulerName =>
  name === 'SequentialLR' || name === 'ChainedScheduler';

/**
 * The keyword arguments of a scheduler, in PyTorch's order (`last_epoch` and `verbose` left out):
 * a data scheduler's `optionFields`, `lr_lambda` of a lambda scheduler, `SequentialLR`'s
 * `milestones` (a composite's `schedulers` are its children).
 *
 * @param scheduler - Any scheduler of the playground.
 * @returns The arguments.
 */
export function schedulerOptions(scheduler: PlaygroundSchedulerName): readonly PlaygroundOption[] {
  if (scheduler === 'LambdaLR' || scheduler === 'MultiplicativeLR') {
    return [{ name: 'lr_lambda', kind: 'expression' }];
  }
  if (scheduler === 'SequentialLR') return [{ name: 'milestones', kind: 'list' }];
  if (scheduler === 'ChainedScheduler') return [];
  return optionFields[scheduler];
}

/** Everything the playground shows, and everything a shared link carries. */
export interface PlaygroundState {
  /** One to {@link MAX_SERIES} configurations. */
  readonly series: readonly PlaygroundSeries[];
  readonly epochs: number;
  /** Scheduler steps per epoch (1: the scheduler steps once per epoch). */
  readonly stepsPerEpoch: number;
  /** Logarithmic learning-rate axis. */
  readonly log: boolean;
}

/**
 * Values for the arguments PyTorch requires (it has no default for them), as in PyTorch's own
 * examples; lengths follow the run (`T_max`, `total_steps`: the whole run), so a fresh
 * configuration spans the chart.
 */
function requiredValue(
  scheduler: PlaygroundSchedulerName,
  name: string,
  runSteps: number,
): OptionValue {
  const values: Partial<Record<string, OptionValue>> = {
    step_size: 30,
    milestones: scheduler === 'SequentialLR' ? [WARMUP] : [30, 80],
    lr_lambda: scheduler === 'LambdaLR' ? '0.95 ** epoch' : '0.95',
    gamma: 0.95,
    T_max: runSteps,
    T_0: 10,
    base_lr: 0.01,
    max_lr: scheduler === 'CyclicLR' ? 0.1 : 0.01,
  };
  return values[name] ?? runSteps;
}

/**
 * The arguments of a scheduler as a new configuration gets them: PyTorch's default for each
 * argument that has one, and a value from PyTorch's examples for each required one (`lr_lambda`:
 * `0.95 ** epoch` for `LambdaLR`, `0.95` for `MultiplicativeLR`). `OneCycleLR` gets `total_steps`
 * = the run's length, since PyTorch needs either it or `epochs` with `steps_per_epoch`.
 *
 * @param scheduler - Any scheduler of the playground.
 * @param runSteps - Scheduler steps in the run (`epochs × stepsPerEpoch`).
 * @returns Every keyword argument, in PyTorch's signature order.
 * @example
 * starterOptions('StepLR', 100); // { step_size: 30, gamma: 0.1 }
 */
export function starterOptions(
  scheduler: PlaygroundSchedulerName,
  runSteps: number,
): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const field of schedulerOptions(scheduler)) {
    options[field.name] =
      scheduler === 'OneCycleLR' && field.name === 'total_steps'
        ? runSteps
        : 'default' in field
          ? field.default!
          : requiredValue(scheduler, field.name, runSteps);
  }
  return options;
}

/** Scheduler steps in a run. */
export const runSteps = (state: Pick<PlaygroundState, 'epochs' | 'stepsPerEpoch'>): number =>
  state.epochs * state.stepsPerEpoch;

/**
 * A child scheduler with {@link starterOptions}, some of them replaced.
 *
 * @param scheduler - The child's scheduler.
 * @param steps - Scheduler steps in the run.
 * @param options - Values that replace the starting ones.
 * @returns The child.
 */
export const newChild = (
  scheduler: ChildSchedulerName,
  steps: number,
  options: Record<string, OptionValue> = {},
): PlaygroundChild => ({ scheduler, options: { ...starterOptions(scheduler, steps), ...options } });

/**
 * The children a new composite starts with: the common linear warm-up of {@link WARMUP} steps
 * from a tenth of the rate, then `CosineAnnealingLR` over the rest of the run (`SequentialLR`,
 * milestone at the warm-up's end), or chained with `ExponentialLR(gamma=0.95)`
 * (`ChainedScheduler`).
 *
 * @param scheduler - A composite.
 * @param steps - Scheduler steps in the run.
 * @returns Two children.
 */
export function starterChildren(
  scheduler: CompositeSchedulerName,
  steps: number,
): PlaygroundChild[] {
  const warmup = newChild('LinearLR', steps, { start_factor: 0.1, total_iters: WARMUP });
  return scheduler === 'SequentialLR'
    ? [warmup, newChild('CosineAnnealingLR', steps, { T_max: Math.max(1, steps - WARMUP) })]
    : [warmup, newChild('ExponentialLR', steps)];
}

/**
 * Where `SequentialLR` switches to a child added after the others: at the warm-up's end first,
 * then halfway from the last milestone to the run's end.
 *
 * @param milestones - The milestones so far.
 * @param steps - Scheduler steps in the run.
 * @returns The next milestone.
 */
export function nextMilestone(milestones: readonly number[], steps: number): number {
  const last = milestones.at(-1);
  return last === undefined ? WARMUP : Math.max(last + 1, Math.round((last + steps) / 2));
}

/**
 * A new configuration with PyTorch's defaults: SGD's `lr` and `momentum` and
 * {@link starterOptions}; a composite gets {@link starterChildren}.
 *
 * @param scheduler - Any scheduler of the playground.
 * @param steps - Scheduler steps in the run.
 * @returns The configuration.
 */
export function newSeries(scheduler: PlaygroundSchedulerName, steps: number): PlaygroundSeries {
  return {
    scheduler,
    ...SGD_DEFAULTS,
    options: starterOptions(scheduler, steps),
    ...(isComposite(scheduler) ? { children: starterChildren(scheduler, steps) } : {}),
  };
}

/**
 * The same schedulers (children included) with every value a new configuration's: what a link
 * leaves out and what a rejected value falls back to.
 */
function freshSeries(series: PlaygroundSeries, steps: number): PlaygroundSeries {
  const fresh = newSeries(series.scheduler, steps);
  const children = series.children?.map(({ scheduler }) => newChild(scheduler, steps));
  if (!children) return fresh;
  const milestones: number[] = [];
  while (milestones.length < children.length - 1) milestones.push(nextMilestone(milestones, steps));
  const options: Record<string, OptionValue> =
    series.scheduler === 'SequentialLR' ? { milestones } : {};
  return { ...fresh, options, children };
}

/**
 * The playground as it first appears: one {@link DEFAULT_SCHEDULER} configuration over
 * {@link DEFAULT_RUN}, on a linear axis.
 *
 * @returns A fresh state.
 */
export function defaultState(): PlaygroundState {
  return {
    series: [newSeries(DEFAULT_SCHEDULER, runSteps(DEFAULT_RUN))],
    ...DEFAULT_RUN,
    log: false,
  };
}

/**
 * Add a configuration ({@link DEFAULT_SCHEDULER} with defaults) at the end.
 *
 * @param state - The playground.
 * @returns The new state; the same state when it already has {@link MAX_SERIES}.
 */
export function addSeries(state: PlaygroundState): PlaygroundState {
  if (state.series.length >= MAX_SERIES) return state;
  return { ...state, series: [...state.series, newSeries(DEFAULT_SCHEDULER, runSteps(state))] };
}

/**
 * Copy configuration `index` right after itself.
 *
 * @param state - The playground.
 * @param index - The configuration to copy.
 * @returns The new state; the same state when it is full or `index` does not exist.
 */
export function duplicateSeries(state: PlaygroundState, index: number): PlaygroundState {
  const original = state.series[index];
  if (!original || state.series.length >= MAX_SERIES) return state;
  const series = [...state.series];
  series.splice(index + 1, 0, { ...original, options: { ...original.options } });
  return { ...state, series };
}

/**
 * Remove configuration `index`.
 *
 * @param state - The playground.
 * @param index - The configuration to remove.
 * @returns The new state; the same state when it would leave none or `index` does not exist.
 */
export function removeSeries(state: PlaygroundState, index: number): PlaygroundState {
  if (state.series.length <= 1 || !state.series[index]) return state;
  return { ...state, series: state.series.filter((_, i) => i !== index) };
}

/**
 * Give configuration `index` another scheduler, with that scheduler's {@link starterOptions};
 * the optimizer's `lr` and `momentum` stay.
 *
 * @param state - The playground.
 * @param index - The configuration.
 * @param scheduler - The new scheduler.
 * @returns The new state (the same state when nothing changes).
 */
export function setScheduler(
  state: PlaygroundState,
  index: number,
  scheduler: PlaygroundSchedulerName,
): PlaygroundState {
  const original = state.series[index];
  if (!original || original.scheduler === scheduler) return state;
  const series = [...state.series];
  const { lr, momentum } = original;
  series[index] = { ...newSeries(scheduler, runSteps(state)), lr, momentum };
  return { ...state, series };
}

/**
 * Whether a scheduler moves the optimizer's momentum (`CyclicLR`, `OneCycleLR` with
 * `cycle_momentum`, itself or as a composite's child).
 */
export function cyclesMomentum(
  series: Pick<PlaygroundSeries, 'scheduler' | 'options' | 'children'>,
): boolean {
  return (
    ((series.scheduler === 'CyclicLR' || series.scheduler === 'OneCycleLR') &&
      series.options['cycle_momentum'] !== false) ||
    (series.children ?? []).some(cyclesMomentum)
  );
}

/** A scheduler call with the arguments that differ from PyTorch's defaults, children first. */
function callText(spec: Pick<PlaygroundSeries, 'scheduler' | 'options' | 'children'>): string {
  const args = schedulerOptions(spec.scheduler)
    .filter(
      (field) => !('default' in field) || !sameValue(field.default!, spec.options[field.name]),
    )
    .map((field) => {
      const value = spec.options[field.name] ?? null;
      const text =
        field.kind === 'expression'
          ? `lambda epoch: ${String(value)}`
          : Array.isArray(value)
            ? `[${fieldText(value)}]`
            : fieldText(value);
      return `${field.name}=${text}`;
    });
  if (spec.children) args.unshift(`[${spec.children.map(callText).join(', ')}]`);
  return `${spec.scheduler}(${args.join(', ')})`;
}

/**
 * A configuration's name in the legend, the tooltip, the data table and the code's comments: its
 * number and the scheduler call with the arguments that differ from PyTorch's defaults, e.g.
 * `2. StepLR(step_size=30, gamma=0.5)` or
 * `1. SequentialLR([LinearLR(start_factor=0.1), CosineAnnealingLR(T_max=95)], milestones=[5])`.
 *
 * @param series - The configuration.
 * @param index - Its position (0-based).
 * @returns The label (code, not prose: it needs no translation).
 */
export function seriesTitle(series: PlaygroundSeries, index: number): string {
  return `${index + 1}. ${callText(series)}`;
}

function sameValue(a: OptionValue | undefined, b: OptionValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  }
  return Object.is(a, b);
}

/**
 * The chart the playground draws, as the `ScheduleChart` model takes it: every argument written
 * out, a label per configuration, and `stepsPerEpoch` only when the scheduler steps per batch
 * (so the code has the inner batch loop exactly then).
 *
 * @param state - The playground.
 * @returns The chart specification; `pytorchCode`/`typescriptCode` of it are the export.
 */
export function toChartSpec(state: PlaygroundState): ChartSpec {
  return chartSpec(state);
}

/** Called with the path of an `lr_lambda` and what it threw, before the engine sees the error. */
type LambdaFailure = (path: string, error: unknown) => void;

/** A scheduler as the engine takes it: `lr_lambda` compiled, children as `options.schedulers`. */
function schedulerSpec(
  spec: Pick<PlaygroundSeries, 'scheduler' | 'options' | 'children'>,
  path: string,
  onFailure?: LambdaFailure,
): SchedulerSpec {
  const options: Record<string, unknown> = { ...spec.options };
  const source = spec.options['lr_lambda'];
  if (typeof source === 'string') {
    const lambda = expressions().lambdaFunction(source);
    const where = `${path}.options.lr_lambda`;
    options['lr_lambda'] = onFailure
      ? Object.assign((epoch: number) => {
          try {
            return lambda(epoch);
          } catch (error) {
            onFailure(where, error);
            throw error;
          }
        }, lambda)
      : lambda;
  }
  if (spec.children) {
    options['schedulers'] = spec.children.map((item, j) =>
      schedulerSpec(item, `${path}.options.schedulers.${j}`, onFailure),
    );
  }
  return { scheduler: spec.scheduler, options };
}

function chartSpec(state: PlaygroundState, onFailure?: LambdaFailure): ChartSpec {
  return {
    series: state.series.map((series, i) => ({
      ...schedulerSpec(series, `series.${i}`, onFailure),
      lr: series.lr,
      momentum: series.momentum,
      label: seriesTitle(series, i),
    })),
    epochs: state.epochs,
    stepsPerEpoch: state.stepsPerEpoch > 1 ? state.stepsPerEpoch : undefined,
    markRestarts: true,
  };
}

/**
 * Sample every configuration with the engine (`evaluate` of the `ScheduleChart` model). Never
 * throws.
 *
 * @param state - The playground.
 * @returns The curves, or the first problem. A momentum that SGD rejects names no option in
 *   PyTorch's message, so its problem is attached here to the `momentum` field of the
 *   configuration it came from.
 */
export function evaluateState(state: PlaygroundState): Evaluation {
  let failure: { path: string; error: ExpressionLanguage.ExpressionError } | undefined;
  const evaluation = evaluate(
    chartSpec(state, (path, error) => {
      if (!failure && language && error instanceof language.ExpressionError) {
        failure = { path, error };
      }
    }),
  );
  if (!evaluation.ok && failure) {
    const { path, error } = failure;
    const problem = { key: error.key, values: { epoch: error.epoch }, path };
    return { ok: false, problem: error.python ? { ...problem, pytorch: error.python } : problem };
  }
  if (evaluation.ok || evaluation.problem.path !== undefined) return evaluation;
  if (!/^ValueError: Invalid momentum value/.test(evaluation.problem.pytorch ?? '')) {
    return evaluation;
  }
  const index = state.series.findIndex(
    (series) => !evaluate(toChartSpec({ ...state, series: [series] })).ok,
  );
  return { ok: false, problem: { ...evaluation.problem, path: `series.${index}.momentum` } };
}

/** A cache key for a value that tells apart everything that samples differently (`NaN`, `-0`, `null`). */
const valueKey = (value: OptionValue | undefined): string =>
  typeof value === 'number'
    ? Object.is(value, -0)
      ? '-0'
      : String(value)
    : Array.isArray(value)
      ? `[${value.map(valueKey).join(',')}]`
      : `${typeof value}:${String(value)}`;

/**
 * An {@link evaluateState} that remembers the curves it sampled: a configuration that has not
 * changed since an earlier call (same scheduler, values and run) is not sampled again, so an edit
 * of one configuration samples only that one.
 *
 * @param capacity - How many sampled configurations to keep (the oldest go first).
 * @returns A function with the same results as {@link evaluateState}: the curves, or the first
 *   problem in configuration order, attached to its field.
 * @example
 * const evaluateCached = createEvaluator();
 * evaluateCached(state); // samples every configuration
 * evaluateCached(withValue(state, 'series.1.lr', 0.2)); // samples configuration 2 only
 */
export function createEvaluator(capacity = 32): (state: PlaygroundState) => Evaluation {
  const cache = new Map<string, Curve>();
  return (state) => {
    const curves: Curve[] = [];
    for (const [i, series] of state.series.entries()) {
      const key = [
        state.epochs,
        state.stepsPerEpoch,
        series.scheduler,
        valueKey(series.lr),
        valueKey(series.momentum),
        ...[series, ...(series.children ?? [])].flatMap((spec) => [
          spec.scheduler,
          ...Object.entries(spec.options).map(([name, value]) => `${name}=${valueKey(value)}`),
        ]),
      ].join('|');
      let curve = cache.get(key);
      if (!curve) {
        const single = evaluateState({ ...state, series: [series] });
        if (!single.ok) {
          const path = single.problem.path?.replace(/^series\.0\./, `series.${i}.`);
          return { ok: false, problem: { ...single.problem, ...(path ? { path } : {}) } };
        }
        curve = single.curves[0]!;
        cache.set(key, curve);
        if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      }
      curves.push({ ...curve, label: seriesTitle(series, i) });
    }
    return { ok: true, curves };
  };
}

/** How an editable value of the playground is entered, and where it lives in the state. */
export interface PlaygroundField {
  /**
   * `series.<i>.lr`, `series.<i>.momentum`, `series.<i>.options.<name>`,
   * `series.<i>.options.schedulers.<j>.options.<name>` (child `j` of a composite), `epochs`,
   * `stepsPerEpoch`.
   */
  readonly path: string;
  /** The name shown: a PyTorch keyword, `lr`, `momentum`, `epochs` or `steps_per_epoch`. */
  readonly name: string;
  readonly kind: PlaygroundFieldKind;
  readonly nullable: boolean;
  readonly choices?: readonly (string | boolean)[];
  /** Configuration the field belongs to; absent for the run's fields. */
  readonly series?: number;
  /** The composite's child the field belongs to. */
  readonly child?: number;
  /** The argument has a default in PyTorch. */
  readonly optional?: boolean;
}

const numberField = (path: string, name: string, series?: number): PlaygroundField => ({
  path,
  name,
  kind: 'number',
  nullable: false,
  ...(series === undefined ? {} : { series }),
});

/**
 * The fields of one configuration: `lr`, `momentum`, every keyword argument of its scheduler in
 * PyTorch's order, then those of each child of a composite.
 *
 * @param series - The configuration.
 * @param index - Its position.
 * @returns The fields.
 */
export function seriesFields(series: PlaygroundSeries, index: number): PlaygroundField[] {
  const prefix = `series.${index}`;
  const fields = (scheduler: PlaygroundSchedulerName, at: string, child?: number) =>
    schedulerOptions(scheduler).map((field): PlaygroundField => ({
      path: `${at}.options.${field.name}`,
      name: field.name,
      kind: field.kind,
      nullable: field.nullable === true,
      series: index,
      ...(child === undefined ? {} : { child }),
      ...('default' in field ? { optional: true } : {}),
      ...(field.choices ? { choices: field.choices } : {}),
    }));
  return [
    numberField(`${prefix}.lr`, 'lr', index),
    numberField(`${prefix}.momentum`, 'momentum', index),
    ...fields(series.scheduler, prefix),
    ...(series.children ?? []).flatMap((item, j) =>
      fields(item.scheduler, `${prefix}.options.schedulers.${j}`, j),
    ),
  ];
}

/** The run's fields: epochs and steps per epoch. */
export const runFields: readonly PlaygroundField[] = [
  numberField('epochs', 'epochs'),
  numberField('stepsPerEpoch', 'steps_per_epoch'),
];

/** Every field of a state, run first. */
export function allFields(state: PlaygroundState): PlaygroundField[] {
  return [...runFields, ...state.series.flatMap(seriesFields)];
}

/**
 * The value at a field's path.
 *
 * @param state - The playground.
 * @param path - A {@link PlaygroundField} path.
 * @returns The value, or `undefined` for a path that does not exist.
 */
export function valueAt(state: PlaygroundState, path: string): OptionValue | undefined {
  if (path === 'epochs') return state.epochs;
  if (path === 'stepsPerEpoch') return state.stepsPerEpoch;
  const match = SERIES_PATH.exec(path);
  const series = match ? state.series[Number(match[1])] : undefined;
  if (!match || !series) return undefined;
  const [, , key, child, option] = match;
  if (option === undefined) return key === 'lr' ? series.lr : series.momentum;
  const options = child === undefined ? series.options : series.children?.[Number(child)]?.options;
  return options && Object.hasOwn(options, option) ? options[option] : undefined;
}

/** A configuration's value: its index, `lr`/`momentum`/`options…`, a child's index, an argument. */
const SERIES_PATH =
  /^series\.(\d+)\.(lr|momentum|options\.(?:schedulers\.(\d+)\.options\.)?(\w+))$/;

/**
 * A copy of the state with one value replaced (values are not checked here; see
 * {@link applyFieldTexts}).
 *
 * @param state - The playground.
 * @param path - A {@link PlaygroundField} path.
 * @param value - The new value.
 * @returns The new state; the same state for a path that does not exist.
 */
export function withValue(
  state: PlaygroundState,
  path: string,
  value: OptionValue,
): PlaygroundState {
  if (valueAt(state, path) === undefined) return state;
  if (path === 'epochs' || path === 'stepsPerEpoch') return { ...state, [path]: value as number };
  const [, indexText, key, child, option] = SERIES_PATH.exec(path)!;
  const index = Number(indexText);
  const series = [...state.series];
  const original = series[index]!;
  const set = <T extends { options: PlaygroundSeries['options'] }>(spec: T): T => ({
    ...spec,
    options: { ...spec.options, [option!]: value },
  });
  if (option === undefined) {
    series[index] = { ...original, [key!]: value as number };
  } else if (child === undefined) {
    series[index] = set(original);
  } else {
    const children = [...original.children!];
    children[Number(child)] = set(children[Number(child)]!);
    series[index] = { ...original, children };
  }
  return { ...state, series };
}

/**
 * The text a field shows for its value: `fieldText` of the `ScheduleChart` model (`0.1`, `None`,
 * `'cos'`, `True`, `30, 80`); an `lr_lambda`'s expression as typed.
 */
export function fieldValueText(state: PlaygroundState, path: string): string {
  const value = valueAt(state, path);
  if (value === undefined) return '';
  return path.endsWith('.lr_lambda') ? String(value) : fieldText(value);
}

/** Parse a field's text: an expression for `lr_lambda`, else as the `ScheduleChart` fields are. */
function readField(
  field: PlaygroundField,
  text: string,
):
  | { readonly ok: true; readonly value: OptionValue }
  | { readonly ok: false; readonly key: ErrorKey; readonly values: FieldProblem['values'] } {
  if (field.kind === 'expression') {
    // Without the language an expression cannot be checked: it is refused, never run unchecked.
    if (!language) return { ok: false, key: 'other', values: {} };
    const parsed = language.parseExpression(text);
    return parsed.ok ? { ok: true, value: text.trim() } : { ok: false, ...parsed.problem };
  }
  const parsed = parseField({ ...field, kind: field.kind }, text);
  return parsed.ok ? parsed : { ok: false, key: parsed.key, values: { name: field.name } };
}

/**
 * Put what the reader typed into the state. Each text is parsed as the `ScheduleChart` fields
 * are (`parseField`); the run's fields must also be whole numbers in range (`checkRunLength`).
 * Never throws.
 *
 * @param state - The last good state.
 * @param texts - Text of each field, by path; paths that do not exist are ignored.
 * @returns The new state and no problems; or, when any value does not parse or the run is out of
 *   range, the last good state and every problem found.
 */
export function applyFieldTexts(
  state: PlaygroundState,
  texts: ReadonlyMap<string, string>,
): { state: PlaygroundState; problems: FieldProblem[] } {
  let next = state;
  const problems: FieldProblem[] = [];
  for (const field of allFields(state)) {
    const text = texts.get(field.path);
    if (text === undefined) continue;
    const parsed = readField(field, text);
    if (!parsed.ok) {
      problems.push({ key: parsed.key, values: parsed.values, path: field.path });
      continue;
    }
    next = withValue(next, field.path, parsed.value);
  }
  const run = checkRunLength(next.epochs, next.stepsPerEpoch);
  if (run) problems.push(run.path ? run : { ...run, path: 'stepsPerEpoch' });
  return { state: problems.length === 0 ? next : state, problems };
}

/** Characters a single value of a shared link may have; longer values are ignored. */
const MAX_VALUE_LENGTH = 400;

/** A value as a link writes it: plain numbers, `30,80`, `cos`, `true`, `None`, an expression. */
function linkText(value: OptionValue): string {
  if (value === null) return 'None';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/** Read a value from a link: only what the field's kind allows, and only finite numbers. */
function readLinkValue(field: PlaygroundField, text: string): OptionValue | undefined {
  if (text.length > MAX_VALUE_LENGTH) return undefined;
  if (field.kind === 'choice') {
    return field.choices!.find((choice) => text === String(choice) || text === fieldText(choice));
  }
  const parsed = readField(field, text);
  if (!parsed.ok) return undefined;
  const finite = (value: OptionValue) => typeof value !== 'number' || Number.isFinite(value);
  if (Array.isArray(parsed.value)) return parsed.value.every(finite) ? parsed.value : undefined;
  return finite(parsed.value) ? parsed.value : undefined;
}

/**
 * The key of a configuration's field in a link: `s1.lr`, `s1.T_max`, and `s1.c2.T_max` for the
 * second child of a composite.
 */
const linkKey = (path: string, n: number) =>
  `s${n}.${path
    .replace(/^series\.\d+\./, '')
    .replace(/^options\.schedulers\.(\d+)\./, (_match, j: string) => `c${Number(j) + 1}.`)
    .replace(/^(c\d+\.)?options\./, '$1')}`;

/**
 * The state as a readable query string, e.g.
 * `epochs=100&steps=1&s1=StepLR&s1.lr=0.001&s1.momentum=0&s1.step_size=30&scale=log`; a
 * composite's children follow as `s1.c1=LinearLR&s1.c1.start_factor=0.1`, an `lr_lambda` as its
 * expression (`s1.lr_lambda=0.95+**+epoch`). Optional arguments equal to what a new configuration
 * starts with (PyTorch's default; for `OneCycleLR`'s `total_steps`, the run's length) are left
 * out: a link restores them from there.
 *
 * @param state - The playground.
 * @returns The query, without the leading `?`.
 */
export function stateToQuery(state: PlaygroundState): string {
  const params = new URLSearchParams();
  params.set('epochs', String(state.epochs));
  params.set('steps', String(state.stepsPerEpoch));
  if (state.log) params.set('scale', 'log');
  state.series.forEach((series, i) => {
    params.set(`s${i + 1}`, series.scheduler);
    series.children?.forEach((item, j) => params.set(`s${i + 1}.c${j + 1}`, item.scheduler));
    const single = { ...state, series: [series] };
    const fresh = { ...state, series: [freshSeries(series, runSteps(state))] };
    for (const field of seriesFields(series, 0)) {
      const value = valueAt(single, field.path);
      if (value === undefined) continue;
      if (field.optional && sameValue(valueAt(fresh, field.path), value)) continue;
      params.set(linkKey(field.path, i + 1), linkText(value));
    }
  });
  return params.toString();
}

/**
 * Replace every value the engine rejects by the value a new configuration would have, so that a
 * state read from a link always draws: first the run length, then each configuration on its own.
 */
function sanitize(state: PlaygroundState): PlaygroundState {
  let next = state;
  if (checkRunLength(next.epochs, next.stepsPerEpoch)) next = { ...next, ...DEFAULT_RUN };
  const steps = runSteps(next);
  const single = (series: PlaygroundSeries) => ({ ...next, series: [series] });
  const series = next.series.map((original) => {
    let candidate = original;
    let reset = false;
    // Each round resets one named value; a configuration has fewer than 40 values.
    for (let round = 0; round < 40; round += 1) {
      const evaluation = evaluateState(single(candidate));
      if (evaluation.ok) return candidate;
      const path = evaluation.problem.path;
      const fresh = freshSeries(candidate, steps);
      const value = path === undefined ? undefined : valueAt(single(fresh), path);
      if (value !== undefined && !sameValue(value, valueAt(single(candidate), path!))) {
        candidate = withValue(single(candidate), path!, value).series[0]!;
      } else if (!reset) {
        candidate = { ...fresh, lr: candidate.lr, momentum: candidate.momentum };
        reset = true;
      } else {
        break;
      }
    }
    return newSeries(candidate.scheduler, steps);
  });
  return { ...next, series };
}

/**
 * Read a state from a link. Only known keys with valid values count: `epochs`, `steps`,
 * `scale=log`, and per configuration `s1`…`s4` (a scheduler's name), `sN.lr`, `sN.momentum` and
 * `sN.<argument>`; a composite's children `sN.c1`…`sN.c3` (in order from `c1`, at least two, else
 * the starting children) with `sN.cK.<argument>`. Anything else (unknown keys and schedulers,
 * text where a number belongs, an expression that does not parse or is too long, `nan`,
 * infinities, over-long values) is ignored and the default used instead; values the engine
 * rejects (an expression that divides by zero, say) are replaced by defaults too, so the result
 * always draws. Never throws.
 *
 * @param query - `location.search` (with or without `?`) or its parameters.
 * @returns A valid state ({@link defaultState} when the link carries no configuration).
 * @example
 * stateFromQuery('?s1=StepLR&s1.step_size=10&s2=<script>'); // one StepLR configuration
 */
export function stateFromQuery(query: string | URLSearchParams): PlaygroundState {
  try {
    const params = typeof query === 'string' ? new URLSearchParams(query) : query;
    const get = (key: string) => {
      const value = params.get(key);
      return value === null ? undefined : value.trim();
    };
    const whole = (text: string | undefined, fallback: number) => {
      const value = text === undefined ? undefined : readLinkValue(numberField('', ''), text);
      return typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 1 &&
        value <= MAX_STEPS
        ? value
        : fallback;
    };
    const run = {
      epochs: whole(get('epochs'), DEFAULT_RUN.epochs),
      stepsPerEpoch: whole(get('steps'), DEFAULT_RUN.stepsPerEpoch),
    };
    const steps = runSteps(run);
    const series: PlaygroundSeries[] = [];
    for (let n = 1; n <= MAX_SERIES; n += 1) {
      const scheduler = playgroundSchedulers.find((name) => name === get(`s${n}`));
      if (!scheduler) continue;
      let candidate = newSeries(scheduler, steps);
      const children: PlaygroundChild[] = [];
      for (let j = 1; candidate.children && j <= MAX_CHILDREN; j += 1) {
        const name = childSchedulers.find((item) => item === get(`s${n}.c${j}`));
        if (!name) break;
        children.push(newChild(name, steps));
      }
      if (children.length >= MIN_CHILDREN) {
        candidate = freshSeries({ ...candidate, children }, steps);
      }
      for (const field of seriesFields(candidate, 0)) {
        const text = get(linkKey(field.path, n));
        const value = text === undefined ? undefined : readLinkValue(field, text);
        if (value === undefined) continue;
        candidate = withValue({ ...defaultState(), series: [candidate] }, field.path, value)
          .series[0]!;
      }
      series.push(candidate);
    }
    if (series.length === 0) series.push(newSeries(DEFAULT_SCHEDULER, steps));
    return sanitize({ series, ...run, log: get('scale') === 'log' });
  } catch {
    return defaultState();
  }
}

/**
 * The curves as CSV: a header `epoch,lr_1,…,lr_n`, then `momentum_k` for each configuration
 * whose scheduler cycles momentum; one row per scheduler step, numbers in JavaScript's shortest
 * round-trip form (so they read back to the same doubles).
 *
 * @param state - The playground the curves were sampled from.
 * @param curves - From {@link evaluateState}, one per configuration.
 * @returns The CSV text, `\n` after every row.
 * @example
 * curvesCsv(state, curves).split('\n')[0]; // 'epoch,lr_1,lr_2,momentum_2'
 */
export function curvesCsv(state: PlaygroundState, curves: readonly Curve[]): string {
  const momentum = state.series
    .map((series, i) => ({ i, cycles: cyclesMomentum(series) }))
    .filter(({ i, cycles }) => cycles && curves[i]?.momentum !== undefined)
    .map(({ i }) => i);
  const header = [
    'epoch',
    ...curves.map((_, i) => `lr_${i + 1}`),
    ...momentum.map((i) => `momentum_${i + 1}`),
  ];
  const lines = [header.join(',')];
  const steps = curves[0]?.x.length ?? 0;
  for (let k = 0; k < steps; k += 1) {
    const row = [
      curves[0]!.x[k]!,
      ...curves.map((curve) => curve.lr[k]!),
      ...momentum.map((i) => curves[i]!.momentum![k]!),
    ];
    lines.push(row.map(String).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Where the vertical markers of a configuration go, in epochs: warm restarts of
 * `CosineAnnealingWarmRestarts` (from the curve) and the milestones of `MultiStepLR` and
 * `SequentialLR` (which count
 * scheduler steps, so per-batch stepping divides them by the steps per epoch). Only markers inside
 * the run are kept.
 *
 * @param state - The playground.
 * @param index - The configuration.
 * @param curve - Its sampled curve.
 * @returns Restart and milestone epochs.
 */
export function markers(
  state: PlaygroundState,
  index: number,
  curve: Pick<Curve, 'restarts'>,
): { restarts: number[]; milestones: number[] } {
  const series = state.series[index];
  const marked = series?.scheduler === 'MultiStepLR' || series?.scheduler === 'SequentialLR';
  const raw = marked ? series.options['milestones'] : [];
  const milestones = (Array.isArray(raw) ? raw : [])
    .map((step) => step / state.stepsPerEpoch)
    .filter((epoch) => epoch > 0 && epoch < state.epochs);
  return { restarts: [...curve.restarts], milestones: [...new Set(milestones)] };
}
