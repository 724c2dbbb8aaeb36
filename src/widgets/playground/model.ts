/**
 * The pure model of the scheduler playground: its state (up to four configurations, each a data
 * scheduler with every keyword argument, on an SGD optimizer with its own `lr` and `momentum`, over
 * one training run), the operations on it (add, duplicate, remove, change scheduler, edit a field),
 * its encoding in the page address, the chart it stands for and the CSV export of its curves.
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
  dataSchedulers,
  evaluate,
  fieldText,
  optionFields,
  parseField,
  type ChartSpec,
  type Curve,
  type DataSchedulerName,
  type Evaluation,
  type FieldProblem,
  type OptionField,
  type OptionValue,
} from '../schedule-chart/model.ts';

/** The most configurations the playground compares at once. */
export const MAX_SERIES = 4;

/** PyTorch's defaults for `torch.optim.SGD(params, lr=1e-3, momentum=0)`. */
export const SGD_DEFAULTS = { lr: 1e-3, momentum: 0 } as const;

/** The training run a new playground starts with. */
export const DEFAULT_RUN = { epochs: 100, stepsPerEpoch: 1 } as const;

/** The scheduler of a new playground and of an added configuration. */
export const DEFAULT_SCHEDULER: DataSchedulerName = 'CosineAnnealingLR';

/** The schedulers the playground offers: every one whose arguments are plain data. */
export const playgroundSchedulers: readonly DataSchedulerName[] = dataSchedulers;

/** One configuration: a scheduler with all of its keyword arguments, on its own SGD optimizer. */
export interface PlaygroundSeries {
  readonly scheduler: DataSchedulerName;
  /** The optimizer's initial learning rate. */
  readonly lr: number;
  /** The optimizer's momentum. */
  readonly momentum: number;
  /** Every keyword argument of the scheduler (PyTorch's names), in signature order. */
  readonly options: Readonly<Record<string, OptionValue>>;
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
function requiredValue(scheduler: DataSchedulerName, name: string, runSteps: number): OptionValue {
  const values: Partial<Record<string, OptionValue>> = {
    step_size: 30,
    milestones: [30, 80],
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
 * argument that has one, and a value from PyTorch's examples for each required one. `OneCycleLR`
 * gets `total_steps` = the run's length, since PyTorch needs either it or `epochs` with
 * `steps_per_epoch`.
 *
 * @param scheduler - A data scheduler.
 * @param runSteps - Scheduler steps in the run (`epochs × stepsPerEpoch`).
 * @returns Every keyword argument, in PyTorch's signature order.
 * @example
 * starterOptions('StepLR', 100); // { step_size: 30, gamma: 0.1 }
 */
export function starterOptions(
  scheduler: DataSchedulerName,
  runSteps: number,
): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const field of optionFields[scheduler]) {
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
 * A new configuration with PyTorch's defaults: SGD's `lr` and `momentum` and
 * {@link starterOptions}.
 *
 * @param scheduler - A data scheduler.
 * @param steps - Scheduler steps in the run.
 * @returns The configuration.
 */
export function newSeries(scheduler: DataSchedulerName, steps: number): PlaygroundSeries {
  return { scheduler, ...SGD_DEFAULTS, options: starterOptions(scheduler, steps) };
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
  scheduler: DataSchedulerName,
): PlaygroundState {
  const original = state.series[index];
  if (!original || original.scheduler === scheduler) return state;
  const series = [...state.series];
  series[index] = { ...original, scheduler, options: starterOptions(scheduler, runSteps(state)) };
  return { ...state, series };
}

/** Whether a scheduler moves the optimizer's momentum (`CyclicLR`, `OneCycleLR` with `cycle_momentum`). */
export function cyclesMomentum(series: Pick<PlaygroundSeries, 'scheduler' | 'options'>): boolean {
  return (
    (series.scheduler === 'CyclicLR' || series.scheduler === 'OneCycleLR') &&
    series.options['cycle_momentum'] !== false
  );
}

/**
 * A configuration's name in the legend, the tooltip, the data table and the code's comments: its
 * number and the scheduler call with the arguments that differ from PyTorch's defaults, e.g.
 * `2. StepLR(step_size=30, gamma=0.5)`.
 *
 * @param series - The configuration.
 * @param index - Its position (0-based).
 * @returns The label (code, not prose: it needs no translation).
 */
export function seriesTitle(series: PlaygroundSeries, index: number): string {
  const args = optionFields[series.scheduler]
    .filter(
      (field) => !('default' in field) || !sameValue(field.default!, series.options[field.name]),
    )
    .map((field) => {
      const value = series.options[field.name] ?? null;
      return `${field.name}=${Array.isArray(value) ? `[${fieldText(value)}]` : fieldText(value)}`;
    });
  return `${index + 1}. ${series.scheduler}(${args.join(', ')})`;
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
  return {
    series: state.series.map((series, i) => ({
      scheduler: series.scheduler,
      options: { ...series.options },
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
  const evaluation = evaluate(toChartSpec(state));
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
        ...Object.entries(series.options).map(([name, value]) => `${name}=${valueKey(value)}`),
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
  /** `series.<i>.lr`, `series.<i>.momentum`, `series.<i>.options.<name>`, `epochs`, `stepsPerEpoch`. */
  readonly path: string;
  /** The name shown: a PyTorch keyword, `lr`, `momentum`, `epochs` or `steps_per_epoch`. */
  readonly name: string;
  readonly kind: OptionField['kind'];
  readonly nullable: boolean;
  readonly choices?: readonly (string | boolean)[];
  /** Configuration the field belongs to; absent for the run's fields. */
  readonly series?: number;
}

const numberField = (path: string, name: string, series?: number): PlaygroundField => ({
  path,
  name,
  kind: 'number',
  nullable: false,
  ...(series === undefined ? {} : { series }),
});

/**
 * The fields of one configuration: `lr`, `momentum`, then every keyword argument of its scheduler
 * in PyTorch's order.
 *
 * @param series - The configuration.
 * @param index - Its position.
 * @returns The fields.
 */
export function seriesFields(series: PlaygroundSeries, index: number): PlaygroundField[] {
  const prefix = `series.${index}`;
  return [
    numberField(`${prefix}.lr`, 'lr', index),
    numberField(`${prefix}.momentum`, 'momentum', index),
    ...optionFields[series.scheduler].map((field) => ({
      path: `${prefix}.options.${field.name}`,
      name: field.name,
      kind: field.kind,
      nullable: field.nullable === true,
      series: index,
      ...(field.choices ? { choices: field.choices } : {}),
    })),
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
  const match = /^series\.(\d+)\.(lr|momentum|options\.(\w+))$/.exec(path);
  const series = match ? state.series[Number(match[1])] : undefined;
  if (!match || !series) return undefined;
  if (match[3] !== undefined) {
    return Object.hasOwn(series.options, match[3]) ? series.options[match[3]] : undefined;
  }
  return match[2] === 'lr' ? series.lr : series.momentum;
}

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
  const [, indexText, key, option] = /^series\.(\d+)\.(lr|momentum|options\.(\w+))$/.exec(path)!;
  const index = Number(indexText);
  const series = [...state.series];
  const original = series[index]!;
  series[index] =
    option === undefined
      ? { ...original, [key!]: value as number }
      : { ...original, options: { ...original.options, [option]: value } };
  return { ...state, series };
}

/**
 * The text a field shows for its value: `fieldText` of the `ScheduleChart` model (`0.1`, `None`,
 * `'cos'`, `True`, `30, 80`).
 */
export function fieldValueText(state: PlaygroundState, path: string): string {
  const value = valueAt(state, path);
  return value === undefined ? '' : fieldText(value);
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
    const parsed = parseField(field, text);
    if (!parsed.ok) {
      problems.push({ key: parsed.key, values: { name: field.name }, path: field.path });
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

const schedulerOf = (text: string | null): DataSchedulerName | undefined =>
  playgroundSchedulers.find((name) => name === text);

/** A value as a link writes it: plain numbers, `30,80`, `cos`, `true`, `None`. */
function linkText(value: OptionValue): string {
  if (value === null) return 'None';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/** Read a value from a link: only what the field's kind allows, and only finite numbers. */
function readLinkValue(
  field: Pick<PlaygroundField, 'kind' | 'nullable' | 'choices'>,
  text: string,
): OptionValue | undefined {
  if (text.length > MAX_VALUE_LENGTH) return undefined;
  if (field.kind === 'choice') {
    return field.choices!.find((choice) => text === String(choice) || text === fieldText(choice));
  }
  const parsed = parseField(field, text);
  if (!parsed.ok) return undefined;
  const finite = (value: OptionValue) => typeof value !== 'number' || Number.isFinite(value);
  if (Array.isArray(parsed.value)) return parsed.value.every(finite) ? parsed.value : undefined;
  return finite(parsed.value) ? parsed.value : undefined;
}

/**
 * The state as a readable query string, e.g.
 * `epochs=100&steps=1&s1=StepLR&s1.lr=0.001&s1.momentum=0&s1.step_size=30&scale=log`.
 * Optional arguments equal to what a new configuration starts with (PyTorch's default; for
 * `OneCycleLR`'s `total_steps`, the run's length) are left out: a link restores them from there.
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
    const key = `s${i + 1}`;
    params.set(key, series.scheduler);
    params.set(`${key}.lr`, String(series.lr));
    params.set(`${key}.momentum`, String(series.momentum));
    const starter = starterOptions(series.scheduler, runSteps(state));
    for (const field of optionFields[series.scheduler]) {
      const value = series.options[field.name];
      if (value === undefined) continue;
      if ('default' in field && sameValue(starter[field.name], value)) continue;
      params.set(`${key}.${field.name}`, linkText(value));
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
  const series = next.series.map((original) => {
    let candidate = original;
    // Each round resets one named value; a configuration has fewer than 16 values.
    for (let round = 0; round < 16; round += 1) {
      const single = { ...next, series: [candidate] };
      const evaluation = evaluateState(single);
      if (evaluation.ok) return candidate;
      const path = evaluation.problem.path?.replace(/^series\.0\./, '');
      const fresh = newSeries(candidate.scheduler, runSteps(next));
      if (path === 'lr' || path === 'momentum') {
        candidate = { ...candidate, [path]: fresh[path] };
      } else if (path?.startsWith('options.')) {
        const name = path.slice('options.'.length);
        candidate = {
          ...candidate,
          options: { ...candidate.options, [name]: fresh.options[name]! },
        };
      } else {
        candidate =
          round === 0 ? { ...fresh, lr: candidate.lr, momentum: candidate.momentum } : fresh;
      }
    }
    return newSeries(candidate.scheduler, runSteps(next));
  });
  return { ...next, series };
}

/**
 * Read a state from a link. Only known keys with valid values count: `epochs`, `steps`,
 * `scale=log`, and per configuration `s1`…`s4` (a data scheduler's name), `sN.lr`,
 * `sN.momentum` and `sN.<argument>`. Anything else (unknown keys and schedulers, text where a
 * number belongs, `nan`, infinities, over-long values) is ignored and the default used instead;
 * values the engine rejects are replaced by defaults too, so the result always draws. Never throws.
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
    const series: PlaygroundSeries[] = [];
    for (let n = 1; n <= MAX_SERIES; n += 1) {
      const scheduler = schedulerOf(get(`s${n}`) ?? null);
      if (!scheduler) continue;
      let candidate = newSeries(scheduler, runSteps(run));
      for (const field of seriesFields(candidate, 0)) {
        const key = `s${n}.${field.path.replace(/^series\.0\.(options\.)?/, '')}`;
        const text = get(key);
        const value = text === undefined ? undefined : readLinkValue(field, text);
        if (value === undefined) continue;
        candidate = withValue({ ...defaultState(), series: [candidate] }, field.path, value)
          .series[0]!;
      }
      series.push(candidate);
    }
    if (series.length === 0) series.push(newSeries(DEFAULT_SCHEDULER, runSteps(run)));
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
 * `CosineAnnealingWarmRestarts` (from the curve) and the milestones of `MultiStepLR` (which count
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
  const raw = series?.scheduler === 'MultiStepLR' ? series.options['milestones'] : [];
  const milestones = (Array.isArray(raw) ? raw : [])
    .map((step) => step / state.stepsPerEpoch)
    .filter((epoch) => epoch > 0 && epoch < state.epochs);
  return { restarts: [...curve.restarts], milestones: [...new Set(milestones)] };
}
