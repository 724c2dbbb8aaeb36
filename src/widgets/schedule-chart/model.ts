/**
 * The pure model of the `ScheduleChart` widget: chart configurations, their editable fields,
 * parsing and validation of what a reader types, sampling curves with the scheduler engine,
 * summaries, data-table rows and warm-restart markers. Numbers only: no DOM, no Chart.js, no
 * words (the element and the Astro wrapper turn the keys returned here into localized text).
 *
 * Code generation (`pytorchCode`, `typescriptCode`) lives in `code.ts`, which the live widgets
 * load only when they need it (`load-code.ts`).
 *
 * @module
 */
import {
  restartEpochs,
  sampleSchedule,
  type ChainedScheduler,
  type Optimizer,
  type Scheduler,
  type SequentialLR,
} from '../../scheduler/index.ts';

/** Schedulers whose options are plain data (numbers, strings, booleans, lists of numbers). */
export const dataSchedulers = [
  'StepLR',
  'MultiStepLR',
  'ConstantLR',
  'LinearLR',
  'ExponentialLR',
  'PolynomialLR',
  'CosineAnnealingLR',
  'CosineAnnealingWarmRestarts',
  'CyclicLR',
  'OneCycleLR',
  'ReduceLROnPlateau',
] as const;

/** Schedulers built from other schedulers. */
export const compositeSchedulers = ['SequentialLR', 'ChainedScheduler'] as const;

/** Schedulers that take a function (`lr_lambda`): drawn from build-time samples, not editable. */
export const lambdaSchedulers = ['LambdaLR', 'MultiplicativeLR'] as const;

/** A scheduler with data-only options. */
export type DataSchedulerName = (typeof dataSchedulers)[number];
/** A scheduler composed of child schedulers. */
export type CompositeSchedulerName = (typeof compositeSchedulers)[number];
/** A scheduler class of `torch.optim.lr_scheduler`, by its PyTorch name. */
export type SchedulerName =
  DataSchedulerName | CompositeSchedulerName | (typeof lambdaSchedulers)[number];

/** A value of a data option. */
export type OptionValue = number | string | boolean | null | readonly number[];

/**
 * A scheduler as the articles write it: the class name and its keyword arguments with PyTorch's
 * names. Composites take their children as `options.schedulers`, e.g.
 * `{ scheduler: 'SequentialLR', options: { schedulers: [warmup, cosine], milestones: [5] } }`.
 */
export interface SchedulerSpec {
  readonly scheduler: SchedulerName;
  readonly options: Readonly<Record<string, unknown>>;
}

/** One curve of a chart: a scheduler on an SGD optimizer with initial learning rate `lr`. */
export interface SeriesSpec extends SchedulerSpec {
  readonly lr: number;
  /** SGD momentum of the optimizer; defaults to {@link SGD_MOMENTUM}. */
  readonly momentum?: number | undefined;
  /** Legend text; defaults to the scheduler call, e.g. `CosineAnnealingLR(T_max=50)`. */
  readonly label?: string | undefined;
}

/** A whole chart: one or more curves over the same training run. */
export interface ChartSpec {
  readonly series: readonly SeriesSpec[];
  readonly epochs: number;
  /** Scheduler steps per epoch; absent for one step per epoch (then the chart shows no `iters` field). */
  readonly stepsPerEpoch?: number | undefined;
  /** Draw a vertical line at each warm restart of `CosineAnnealingWarmRestarts` curves. */
  readonly markRestarts: boolean;
}

/** The props of `ScheduleChart.astro`, as the articles pass them. */
export interface ScheduleChartProps {
  /** Class name; ignored when `series` is given. */
  scheduler?: SchedulerName;
  /** Keyword arguments with PyTorch's names; ignored when `series` is given. */
  options?: Record<string, unknown>;
  /** Initial learning rate; ignored when `series` is given. */
  lr?: number;
  /** Length of the training run. */
  epochs: number;
  /** Scheduler steps per epoch (per-batch stepping). */
  stepsPerEpoch?: number;
  /** Several curves in one chart; when present the top-level scheduler, options and lr are ignored. */
  series?: ReadonlyArray<{
    scheduler: SchedulerName;
    options?: Record<string, unknown>;
    lr: number;
    label?: string;
  }>;
  /** Mark the warm restarts of `CosineAnnealingWarmRestarts` curves. */
  markRestarts?: boolean;
}

/** How an editable value is entered: a number, one of a few literals, or a list of numbers. */
export type FieldKind = 'number' | 'choice' | 'list';

/** One keyword argument of a data scheduler. */
export interface OptionField {
  /** PyTorch's keyword name. */
  readonly name: string;
  readonly kind: FieldKind;
  /** PyTorch's default; absent for a required argument. */
  readonly default?: OptionValue;
  /** Accepts `None`. */
  readonly nullable?: boolean;
  /** The allowed values of a `choice` field. */
  readonly choices?: readonly (string | boolean)[];
  /** Show the field (with its default) even when the article does not pass it. */
  readonly shown?: boolean;
}

const num = (name: string, extra: Partial<OptionField> = {}): OptionField => ({
  name,
  kind: 'number',
  shown: true,
  ...extra,
});
const hidden = (name: string, extra: Partial<OptionField> = {}): OptionField => ({
  name,
  kind: 'number',
  shown: false,
  ...extra,
});
const choice = (
  name: string,
  choices: readonly (string | boolean)[],
  shown: boolean,
): OptionField => ({ name, kind: 'choice', choices, default: choices[0]!, shown });

/**
 * The keyword arguments of each data scheduler, in PyTorch's signature order, with newest
 * PyTorch's defaults (`last_epoch` is left out: a chart always starts a fresh run). A unit test
 * checks every default against the engine by sampling with and without it.
 */
export const optionFields: Readonly<Record<DataSchedulerName, readonly OptionField[]>> = {
  StepLR: [num('step_size'), num('gamma', { default: 0.1 })],
  MultiStepLR: [{ name: 'milestones', kind: 'list', shown: true }, num('gamma', { default: 0.1 })],
  ConstantLR: [num('factor', { default: 1 / 3 }), num('total_iters', { default: 5 })],
  LinearLR: [
    num('start_factor', { default: 1 / 3 }),
    num('end_factor', { default: 1 }),
    num('total_iters', { default: 5 }),
  ],
  ExponentialLR: [num('gamma')],
  PolynomialLR: [num('total_iters', { default: 5 }), num('power', { default: 1 })],
  CosineAnnealingLR: [num('T_max'), num('eta_min', { default: 0 })],
  CosineAnnealingWarmRestarts: [
    num('T_0'),
    num('T_mult', { default: 1 }),
    num('eta_min', { default: 0 }),
  ],
  CyclicLR: [
    num('base_lr'),
    num('max_lr'),
    num('step_size_up', { default: 2000 }),
    hidden('step_size_down', { default: null, nullable: true }),
    choice('mode', ['triangular', 'triangular2', 'exp_range'], true),
    hidden('gamma', { default: 1 }),
    choice('scale_mode', ['cycle', 'iterations'], false),
    choice('cycle_momentum', [true, false], false),
    hidden('base_momentum', { default: 0.8 }),
    hidden('max_momentum', { default: 0.9 }),
  ],
  OneCycleLR: [
    num('max_lr'),
    num('total_steps', { default: null, nullable: true }),
    hidden('epochs', { default: null, nullable: true }),
    hidden('steps_per_epoch', { default: null, nullable: true }),
    num('pct_start', { default: 0.3 }),
    choice('anneal_strategy', ['cos', 'linear'], true),
    choice('cycle_momentum', [true, false], false),
    hidden('base_momentum', { default: 0.85 }),
    hidden('max_momentum', { default: 0.95 }),
    num('div_factor', { default: 25 }),
    num('final_div_factor', { default: 1e4 }),
    choice('three_phase', [false, true], true),
  ],
  ReduceLROnPlateau: [
    choice('mode', ['min', 'max'], false),
    num('factor', { default: 0.1 }),
    num('patience', { default: 10 }),
    hidden('threshold', { default: 1e-4 }),
    choice('threshold_mode', ['rel', 'abs'], false),
    num('cooldown', { default: 0 }),
    num('min_lr', { default: 0 }),
    hidden('eps', { default: 1e-8 }),
  ],
};

/** Momentum of the SGD optimizer every chart uses (what `CyclicLR`/`OneCycleLR` cycle). */
export const SGD_MOMENTUM = 0.9;

/**
 * The metric passed to `ReduceLROnPlateau.step()` at every step: a loss that never improves after
 * the first epoch, so the chart shows the reductions `patience`, `cooldown` and `min_lr` produce.
 */
export const PLATEAU_METRIC = 1;

/** The most samples a chart computes: `epochs × stepsPerEpoch` may not exceed it. */
export const MAX_STEPS = 100_000;

const isDataScheduler = (name: string): name is DataSchedulerName =>
  (dataSchedulers as readonly string[]).includes(name);
const isComposite = (name: string): name is CompositeSchedulerName =>
  (compositeSchedulers as readonly string[]).includes(name);
const isKnownScheduler = (name: unknown): name is SchedulerName =>
  typeof name === 'string' &&
  (isDataScheduler(name) ||
    isComposite(name) ||
    (lambdaSchedulers as readonly string[]).includes(name));

const isNumberList = (value: unknown): value is readonly number[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'number');

function checkOption(where: string, field: OptionField, value: unknown): void {
  const ok =
    (value === null && field.nullable === true) ||
    (field.kind === 'number' && typeof value === 'number') ||
    (field.kind === 'choice' && field.choices!.includes(value as string | boolean)) ||
    (field.kind === 'list' && isNumberList(value));
  if (!ok) {
    throw new Error(`${where}: invalid value ${JSON.stringify(value)} for ${field.name}`);
  }
}

function normalizeScheduler(where: string, raw: unknown): SchedulerSpec {
  const spec = raw as { scheduler?: unknown; options?: unknown } | null;
  if (!spec || !isKnownScheduler(spec.scheduler)) {
    throw new Error(`${where}: unknown scheduler ${JSON.stringify(spec?.scheduler)}`);
  }
  const name = spec.scheduler;
  const options = (spec.options ?? {}) as Record<string, unknown>;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${where}: options of ${name} must be an object`);
  }
  const here = `${where} ${name}`;
  if (isDataScheduler(name)) {
    const fields = optionFields[name];
    for (const key of Object.keys(options)) {
      const field = fields.find((candidate) => candidate.name === key);
      if (!field) throw new Error(`${here}: unknown option ${key}`);
      checkOption(here, field, options[key]);
    }
    for (const field of fields) {
      if (!('default' in field) && !(field.name in options)) {
        throw new Error(`${here}: missing required option ${field.name}`);
      }
    }
    return { scheduler: name, options: { ...options } };
  }
  if (isComposite(name)) {
    const allowed = name === 'SequentialLR' ? ['schedulers', 'milestones'] : ['schedulers'];
    for (const key of Object.keys(options)) {
      if (!allowed.includes(key)) throw new Error(`${here}: unknown option ${key}`);
    }
    if (!Array.isArray(options['schedulers'])) {
      throw new Error(`${here}: options.schedulers must be a list of schedulers`);
    }
    const children = (options['schedulers'] as unknown[]).map((child, i) =>
      normalizeScheduler(`${here}.schedulers[${i}]`, child),
    );
    if (name === 'SequentialLR') {
      if (!isNumberList(options['milestones'])) {
        throw new Error(`${here}: milestones must be a list of numbers`);
      }
      return {
        scheduler: name,
        options: { schedulers: children, milestones: [...options['milestones']] },
      };
    }
    return { scheduler: name, options: { schedulers: children } };
  }
  return { scheduler: name, options: { ...options } };
}

/**
 * Check an article's props and turn them into a {@link ChartSpec}. Runs at build time, so a typo
 * in an article (an unknown class or option, a missing required option, a wrong type) fails the
 * build instead of reaching a reader.
 *
 * @param props - The component's props.
 * @returns The chart specification (top-level `scheduler`/`options`/`lr` become one series).
 * @throws {Error} Describing the first problem found.
 * @example
 * chartSpecFromProps({ scheduler: 'CosineAnnealingLR', options: { T_max: 5 }, lr: 0.1, epochs: 50 });
 */
export function chartSpecFromProps(props: ScheduleChartProps): ChartSpec {
  const where = 'ScheduleChart';
  const rawSeries = props.series ?? [
    { scheduler: props.scheduler, options: props.options, lr: props.lr },
  ];
  if (rawSeries.length === 0) throw new Error(`${where}: series is empty`);
  const series = rawSeries.map((raw, i) => {
    const spec = normalizeScheduler(`${where} series[${i}]`, raw);
    const { lr, label } = raw as { lr?: unknown; label?: unknown };
    if (typeof lr !== 'number') throw new Error(`${where} series[${i}]: lr must be a number`);
    if (label !== undefined && typeof label !== 'string') {
      throw new Error(`${where} series[${i}]: label must be a string`);
    }
    return { ...spec, lr, label };
  });
  const epochs = checkRunLength(props.epochs, props.stepsPerEpoch);
  if (epochs)
    throw new Error(
      `${where}: ${epochs.key} (epochs=${props.epochs}, stepsPerEpoch=${props.stepsPerEpoch})`,
    );
  return {
    series,
    epochs: props.epochs,
    stepsPerEpoch: props.stepsPerEpoch,
    markRestarts: props.markRestarts === true,
  };
}

/** Whether every scheduler of the chart is built from data alone, so its fields can be edited. */
export function isEditable(spec: ChartSpec): boolean {
  const data = (s: SchedulerSpec): boolean =>
    isDataScheduler(s.scheduler) ||
    (isComposite(s.scheduler) && (s.options['schedulers'] as SchedulerSpec[]).every(data));
  return spec.series.every(data);
}

function withDefaults(spec: SchedulerSpec): SchedulerSpec {
  if (isComposite(spec.scheduler)) {
    const children = (spec.options['schedulers'] as SchedulerSpec[]).map(withDefaults);
    return { ...spec, options: { ...spec.options, schedulers: children } };
  }
  if (!isDataScheduler(spec.scheduler)) return spec;
  const options: Record<string, unknown> = {};
  for (const field of optionFields[spec.scheduler]) {
    if (field.name in spec.options) options[field.name] = spec.options[field.name];
    else if (field.shown && 'default' in field) options[field.name] = field.default;
  }
  return { ...spec, options };
}

/**
 * The chart with every always-shown option written out with its default, in PyTorch's argument
 * order, so that the code line shows e.g. `eta_min=0` for a chart that only set `T_0`.
 *
 * @param spec - A chart from {@link chartSpecFromProps}.
 * @returns An equivalent chart (same curves) with explicit options.
 */
export function withShownDefaults(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    series: spec.series.map((series) => ({ ...series, ...withDefaults(series) })),
  };
}

/** One value a reader can edit. */
export interface EditableField {
  /** Where the value lives in the {@link ChartSpec}, e.g. `series.0.options.T_0` or `epochs`. */
  readonly path: string;
  /** The name shown in the code: a PyTorch keyword, `lr`, `epochs` or `iters`. */
  readonly name: string;
  readonly kind: FieldKind;
  /** Index of the series the field belongs to; absent for `epochs` and `iters`. */
  readonly series?: number;
  readonly nullable: boolean;
  readonly choices?: readonly (string | boolean)[];
  /** The current value as the field shows it (`0.1`, `30, 80`, `None`). */
  readonly text: string;
}

/**
 * The text a field shows for a value, as Python writes it: numbers in their shortest round-trip
 * form (`0.1`, `1e-7`, `nan`, `inf`), `None`, `True`/`False`, quoted strings (`'cos'`), lists as
 * comma-separated numbers (the brackets belong to the code around the field).
 *
 * @param value - An option value.
 * @returns The field text.
 */
export function fieldText(value: OptionValue): string {
  if (value === null) return 'None';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (Array.isArray(value)) return value.map((item) => fieldText(item)).join(', ');
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return `'${value}'`;
}

function schedulerFields(spec: SchedulerSpec, prefix: string, series: number): EditableField[] {
  if (isComposite(spec.scheduler)) {
    const children = (spec.options['schedulers'] as SchedulerSpec[]).flatMap((child, i) =>
      schedulerFields(child, `${prefix}.options.schedulers.${i}`, series),
    );
    if (spec.scheduler !== 'SequentialLR') return children;
    const milestones = spec.options['milestones'] as number[];
    return [
      ...children,
      {
        path: `${prefix}.options.milestones`,
        name: 'milestones',
        kind: 'list',
        series,
        nullable: false,
        text: fieldText(milestones),
      },
    ];
  }
  if (!isDataScheduler(spec.scheduler)) return [];
  return optionFields[spec.scheduler]
    .filter((field) => field.name in spec.options)
    .map((field) => ({
      path: `${prefix}.options.${field.name}`,
      name: field.name,
      kind: field.kind,
      series,
      nullable: field.nullable === true,
      ...(field.choices ? { choices: field.choices } : {}),
      text: fieldText(spec.options[field.name] as OptionValue),
    }));
}

/**
 * Every editable value of a chart, in the order the code shows them: per series `lr` and the
 * scheduler's options (children first for composites), then `epochs` and `iters`.
 *
 * @param spec - A chart (usually after {@link withShownDefaults}).
 * @returns The fields; empty when the chart is not {@link isEditable}.
 */
export function editableFields(spec: ChartSpec): EditableField[] {
  if (!isEditable(spec)) return [];
  const fields: EditableField[] = spec.series.flatMap((series, i) => [
    {
      path: `series.${i}.lr`,
      name: 'lr',
      kind: 'number' as const,
      series: i,
      nullable: false,
      text: fieldText(series.lr),
    },
    ...schedulerFields(series, `series.${i}`, i),
  ]);
  fields.push({
    path: 'epochs',
    name: 'epochs',
    kind: 'number',
    nullable: false,
    text: fieldText(spec.epochs),
  });
  if (spec.stepsPerEpoch !== undefined) {
    fields.push({
      path: 'stepsPerEpoch',
      name: 'iters',
      kind: 'number',
      nullable: false,
      text: fieldText(spec.stepsPerEpoch),
    });
  }
  return fields;
}

/** Why a value was rejected: a key of the widget's error dictionary, and its placeholders. */
export interface Problem {
  /** Dictionary key suffix: the element shows `error.<key>`. */
  readonly key: ErrorKey;
  readonly values: Readonly<Record<string, string | number>>;
  /** The engine's own message with the Python exception name, e.g. `ValueError: Expected …`. */
  readonly pytorch?: string;
}

/** A problem attached to a field (or, with no `path`, to the value edited last). */
export interface FieldProblem extends Problem {
  readonly path?: string;
}

/** Problems the widget itself detects before running the engine. */
export type InputErrorKey =
  | 'empty'
  | 'notNumber'
  | 'notList'
  | 'epochs'
  | 'stepsPerEpoch'
  | 'tooManySteps'
  | 'overflow'
  | 'nan';

/** Known engine (PyTorch) errors, each with its own localized explanation. */
export type EngineErrorKey =
  | 'positiveInteger'
  | 'integerAtLeastOne'
  | 'zeroDivision'
  | 'negativeLr'
  | 'factorRange'
  | 'startFactorRange'
  | 'factorBelowOne'
  | 'pctStart'
  | 'totalSteps'
  | 'oneCycleLength'
  | 'milestoneCount'
  | 'negativeEpoch'
  | 'other';

/**
 * Problems of a function written as a Python expression (the playground's `lr_lambda`): reading
 * it, then evaluating it (where Python raises).
 */
export type ExpressionErrorKey =
  | 'exprTooLong'
  | 'exprCharacter'
  | 'exprNumber'
  | 'exprUnexpected'
  | 'exprEnd'
  | 'exprName'
  | 'exprOneArgument'
  | 'exprLogArguments'
  | 'exprMinMaxArguments'
  | 'exprZeroDivision'
  | 'exprDomain'
  | 'exprOverflow'
  | 'exprComplex';

/** Every error key. */
export type ErrorKey = InputErrorKey | EngineErrorKey | ExpressionErrorKey;

/** The result of parsing one field. */
export type ParseResult =
  | { readonly ok: true; readonly value: OptionValue }
  | { readonly ok: false; readonly key: InputErrorKey };

const NUMBER_LITERAL =
  /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_LITERAL = /^([+-]?)(nan|inf|infinity)$/i;

/**
 * Read a number as Python reads a numeric literal or `float()` argument: decimal and exponent
 * forms with optional `_` digit separators, and `nan`, `inf`, `-inf`.
 *
 * @param text - What the reader typed.
 * @returns The number, or `undefined` when the text is not a number.
 * @example
 * parseNumber('1e-3'); // 0.001
 * parseNumber('-inf'); // -Infinity
 * parseNumber('0.1.2'); // undefined
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (NUMBER_LITERAL.test(trimmed)) return Number(trimmed.replaceAll('_', ''));
  const special = SPECIAL_LITERAL.exec(trimmed);
  if (!special) return undefined;
  if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/**
 * Parse the text of a field. Never throws.
 *
 * @param field - The field (its kind, whether `None` is allowed, its choices).
 * @param text - What the reader typed or picked.
 * @returns The value, or the key of the problem (`empty`, `notNumber`, `notList`).
 * @example
 * parseField(field, ''); // { ok: false, key: 'empty' }
 */
export function parseField(
  field: Pick<EditableField, 'kind' | 'nullable' | 'choices'>,
  text: string,
): ParseResult {
  const trimmed = text.trim();
  if (field.kind === 'choice') {
    const value = field.choices?.find((candidate) => fieldText(candidate) === trimmed);
    return value === undefined ? { ok: false, key: 'notNumber' } : { ok: true, value };
  }
  if (field.kind === 'list') {
    const inner = trimmed.replace(/^\[(.*)\]$/s, '$1').trim();
    if (inner === '') return { ok: true, value: [] };
    const items = inner.split(',').map((item) => parseNumber(item));
    if (items.some((item) => item === undefined)) return { ok: false, key: 'notList' };
    return { ok: true, value: items as number[] };
  }
  if (trimmed === '') return { ok: false, key: 'empty' };
  if (field.nullable && trimmed === 'None') return { ok: true, value: null };
  const value = parseNumber(trimmed);
  return value === undefined ? { ok: false, key: 'notNumber' } : { ok: true, value };
}

/**
 * Check the length of the run the widget samples.
 *
 * @param epochs - Number of epochs: a whole number from 1 to {@link MAX_STEPS}.
 * @param stepsPerEpoch - Steps per epoch, likewise (absent means 1).
 * @returns The problem, or `undefined` when the run can be sampled (at most {@link MAX_STEPS}
 *   samples in all).
 */
export function checkRunLength(
  epochs: number,
  stepsPerEpoch: number | undefined,
): FieldProblem | undefined {
  const whole = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_STEPS;
  if (!whole(epochs)) return { key: 'epochs', values: { max: MAX_STEPS }, path: 'epochs' };
  if (stepsPerEpoch !== undefined && !whole(stepsPerEpoch)) {
    return { key: 'stepsPerEpoch', values: { max: MAX_STEPS }, path: 'stepsPerEpoch' };
  }
  if (epochs * (stepsPerEpoch ?? 1) > MAX_STEPS) {
    return { key: 'tooManySteps', values: { max: MAX_STEPS } };
  }
  return undefined;
}

function setPath(target: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(target)) {
    const copy = [...target];
    copy[Number(head)] = setPath(copy[Number(head)], rest, value);
    return copy;
  }
  const record = target as Record<string, unknown>;
  return { ...record, [head]: setPath(record[head], rest, value) };
}

/**
 * Put what the reader typed into a chart: every field is parsed, and the run length checked.
 * Never throws.
 *
 * @param spec - The chart the fields were made from (see {@link editableFields}).
 * @param texts - Current text of each field, by path; fields not listed keep their value.
 * @returns The updated chart and the problems found (empty when every field parsed). Values that
 *   do not parse keep their previous value in the returned chart.
 */
export function applyTexts(
  spec: ChartSpec,
  texts: ReadonlyMap<string, string>,
): { spec: ChartSpec; problems: FieldProblem[] } {
  let next: unknown = spec;
  const problems: FieldProblem[] = [];
  for (const field of editableFields(spec)) {
    const text = texts.get(field.path);
    if (text === undefined) continue;
    const parsed = parseField(field, text);
    if (!parsed.ok) {
      problems.push({ key: parsed.key, values: { name: field.name }, path: field.path });
      continue;
    }
    next = setPath(next, field.path.split('.'), parsed.value);
  }
  const chart = next as ChartSpec;
  if (problems.length === 0) {
    const run = checkRunLength(chart.epochs, chart.stepsPerEpoch);
    if (run) problems.push(run);
  }
  return { spec: chart, problems };
}

/** The class of a scheduler that takes an optimizer and an options object. */
export type SchedulerClass = new (optimizer: Optimizer, options: never) => Scheduler;

/** The engine's class of every scheduler, by name. */
export type SchedulerClasses = Readonly<
  Record<Exclude<SchedulerName, CompositeSchedulerName>, SchedulerClass> & {
    SequentialLR: typeof SequentialLR;
    ChainedScheduler: typeof ChainedScheduler;
  }
>;

/**
 * The classes {@link buildScheduler} can construct, once provided: the model imports none, so
 * that a page draws with only the classes it needs. `schedulers.ts` has all of them; the
 * `ScheduleChart` element, the build and the tests provide them at once, while the playground
 * starts with the class of its default chart and loads the others as a chunk of its own.
 */
let classes: Partial<SchedulerClasses> = {};

/**
 * Give the model scheduler classes (`schedulers.ts` has all of them); classes provided before
 * stay.
 *
 * @param more - Classes by scheduler name.
 */
export function provideSchedulers(more: Partial<SchedulerClasses>): void {
  classes = { ...classes, ...more };
}

/**
 * Whether {@link buildScheduler} can construct a scheduler.
 *
 * @param name - A scheduler name.
 * @returns True once its class is provided ({@link provideSchedulers}).
 */
export const schedulerProvided = (name: SchedulerName): boolean => Object.hasOwn(classes, name);

function providedClass<N extends SchedulerName>(name: N): SchedulerClasses[N] {
  const found = classes[name];
  if (!found) throw new Error(`the class of ${name} is not loaded`);
  return found as SchedulerClasses[N];
}

/**
 * Construct a scheduler from its specification on an optimizer, children first for composites
 * (as PyTorch code would).
 *
 * @param spec - The scheduler.
 * @param optimizer - The optimizer it schedules.
 * @returns The scheduler.
 * @throws whatever the engine throws for invalid options (`ValueError`, `ZeroDivisionError`, …);
 *   an `Error` when the class of a scheduler is not provided ({@link provideSchedulers}).
 */
export function buildScheduler(spec: SchedulerSpec, optimizer: Optimizer): Scheduler {
  if (spec.scheduler === 'SequentialLR' || spec.scheduler === 'ChainedScheduler') {
    const children = (spec.options['schedulers'] as SchedulerSpec[]).map((child) =>
      buildScheduler(child, optimizer),
    );
    if (spec.scheduler === 'ChainedScheduler') {
      return new (providedClass('ChainedScheduler'))(children);
    }
    return new (providedClass('SequentialLR'))(optimizer, {
      schedulers: children,
      milestones: spec.options['milestones'] as number[],
    });
  }
  const SchedulerClass = providedClass(spec.scheduler);
  return new SchedulerClass(optimizer, spec.options as never);
}

/**
 * Sample one series with the engine's `sampleSchedule`: the learning rate each step of the run
 * uses, on an SGD optimizer with the series' momentum (default {@link SGD_MOMENTUM}); `ReduceLROnPlateau` receives
 * {@link PLATEAU_METRIC} at every step.
 *
 * @param series - The curve to sample.
 * @param epochs - Epochs of the run.
 * @param stepsPerEpoch - Scheduler steps per epoch (default 1).
 * @returns `{ x, lr, momentum }`, each of length `epochs × stepsPerEpoch`.
 * @throws whatever the engine throws.
 */
export function sampleSeries(series: SeriesSpec, epochs: number, stepsPerEpoch = 1) {
  return sampleSchedule((optimizer) => buildScheduler(series, optimizer), {
    lr: series.lr,
    epochs,
    stepsPerEpoch,
    momentum: series.momentum ?? SGD_MOMENTUM,
    ...(series.scheduler === 'ReduceLROnPlateau' ? { metric: () => PLATEAU_METRIC } : {}),
  });
}

/**
 * The epochs (below `epochs`) at which a `CosineAnnealingWarmRestarts` series restarts, from the
 * engine's `restartEpochs`; empty for every other scheduler.
 *
 * @param series - A series.
 * @param epochs - Length of the run.
 * @returns Restart epochs in increasing order.
 */
export function restartMarkers(series: SchedulerSpec, epochs: number): number[] {
  if (series.scheduler !== 'CosineAnnealingWarmRestarts') return [];
  const T_0 = series.options['T_0'] as number;
  const T_mult = (series.options['T_mult'] as number | undefined) ?? 1;
  // Every cycle lasts at least T_0 epochs, so this many restarts reach past the end of the run.
  const count = Math.floor(epochs / T_0) + 1;
  return restartEpochs(T_0, T_mult, count).filter((epoch) => epoch < epochs);
}

/** Start, extremes and final value of a curve. */
export interface CurveSummary {
  readonly start: number;
  readonly min: number;
  readonly max: number;
  readonly end: number;
}

/**
 * Summarize a sampled curve.
 *
 * @param lr - Learning rates, at least one.
 * @returns First, smallest, largest and last value.
 */
export function summarize(lr: ArrayLike<number>): CurveSummary {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < lr.length; i += 1) {
    min = Math.min(min, lr[i]!);
    max = Math.max(max, lr[i]!);
  }
  return { start: lr[0]!, min, max, end: lr[lr.length - 1]! };
}

/** A sampled series, ready to draw. */
export interface Curve {
  readonly label: string;
  readonly x: Float64Array;
  readonly lr: Float64Array;
  /** SGD momentum at each sample (what `CyclicLR`/`OneCycleLR` cycle); absent for build-time samples. */
  readonly momentum?: Float64Array;
  /** Warm-restart epochs (empty unless the series is `CosineAnnealingWarmRestarts`). */
  readonly restarts: readonly number[];
  readonly summary: CurveSummary;
}

/** Outcome of {@link evaluate}: the curves, or the first problem (with the series it came from). */
export type Evaluation =
  | { readonly ok: true; readonly curves: readonly Curve[] }
  | { readonly ok: false; readonly problem: FieldProblem };

const formatOption = (value: unknown): string =>
  Array.isArray(value) ? `[${fieldText(value as number[])}]` : fieldText(value as OptionValue);

/**
 * The legend text of a series: its `label`, or the scheduler call with its options, e.g.
 * `CosineAnnealingWarmRestarts(T_0=5, T_mult=2)` (code, not prose, so it needs no translation).
 *
 * @param series - The series.
 * @returns The label.
 */
export function seriesLabel(series: SeriesSpec): string {
  if (series.label !== undefined) return series.label;
  if (!isDataScheduler(series.scheduler)) return series.scheduler;
  const args = Object.entries(series.options).map(
    ([key, value]) => `${key}=${formatOption(value)}`,
  );
  return `${series.scheduler}(${args.join(', ')})`;
}

function findOptionPath(spec: SchedulerSpec, prefix: string, option: string): string | undefined {
  if (isComposite(spec.scheduler)) {
    const children = spec.options['schedulers'] as SchedulerSpec[];
    for (const [i, child] of children.entries()) {
      const found = findOptionPath(child, `${prefix}.options.schedulers.${i}`, option);
      if (found) return found;
    }
    return option === 'milestones' ? `${prefix}.options.milestones` : undefined;
  }
  return option in spec.options ? `${prefix}.options.${option}` : undefined;
}

/**
 * Sample every series of a chart and check the result. Never throws: an engine error or a
 * non-finite learning rate becomes a {@link FieldProblem}, attached to the option the error
 * names when the message names one.
 *
 * @param spec - The chart.
 * @returns The curves, or the first problem.
 */
export function evaluate(spec: ChartSpec): Evaluation {
  const run = checkRunLength(spec.epochs, spec.stepsPerEpoch);
  if (run) return { ok: false, problem: run };
  const curves: Curve[] = [];
  for (const [i, series] of spec.series.entries()) {
    let sampled: ReturnType<typeof sampleSeries>;
    try {
      sampled = sampleSeries(series, spec.epochs, spec.stepsPerEpoch);
    } catch (error) {
      const problem = classifyError(error);
      const path =
        problem.option === 'lr'
          ? `series.${i}.lr`
          : problem.option === undefined
            ? undefined
            : findOptionPath(series, `series.${i}`, problem.option);
      return {
        ok: false,
        problem: {
          key: problem.key,
          values: problem.values,
          pytorch: problem.pytorch,
          ...(path ? { path } : {}),
        },
      };
    }
    const summary = summarize(sampled.lr);
    if (Number.isNaN(summary.min) || Number.isNaN(summary.max) || sampled.lr.some(Number.isNaN)) {
      return { ok: false, problem: { key: 'nan', values: {} } };
    }
    if (!Number.isFinite(summary.min) || !Number.isFinite(summary.max)) {
      return { ok: false, problem: { key: 'overflow', values: {} } };
    }
    curves.push({
      label: seriesLabel(series),
      x: sampled.x,
      lr: sampled.lr,
      momentum: sampled.momentum,
      restarts: restartMarkers(series, spec.epochs),
      summary,
    });
  }
  return { ok: true, curves };
}

/** An engine error, classified. */
export interface ClassifiedError extends Problem {
  readonly pytorch: string;
  /** The option the message is about, when it names one. */
  readonly option?: string;
}

const engineErrors: ReadonlyArray<{
  pattern: RegExp;
  key: EngineErrorKey;
  option?: string;
  values?: (match: RegExpExecArray) => Record<string, string | number>;
}> = [
  {
    pattern: /^Expected positive integer (\w+), but got/,
    key: 'positiveInteger',
    values: (m) => ({ name: m[1]! }),
  },
  {
    pattern: /^Expected integer (\w+) >= 1, but got/,
    key: 'integerAtLeastOne',
    values: (m) => ({ name: m[1]! }),
  },
  { pattern: /^Invalid learning rate/, key: 'negativeLr', option: 'lr' },
  {
    pattern: /^Constant multiplicative factor expected to be between 0 and 1/,
    key: 'factorRange',
    option: 'factor',
    values: () => ({ name: 'factor' }),
  },
  {
    pattern: /^Ending multiplicative factor expected to be between 0 and 1/,
    key: 'factorRange',
    option: 'end_factor',
    values: () => ({ name: 'end_factor' }),
  },
  {
    pattern: /^Starting multiplicative factor expected to be greater than 0/,
    key: 'startFactorRange',
    option: 'start_factor',
  },
  { pattern: /^Factor should be < 1\.0/, key: 'factorBelowOne', option: 'factor' },
  { pattern: /^Expected float between 0 and 1 pct_start/, key: 'pctStart', option: 'pct_start' },
  {
    pattern: /^Tried to step (\d+) times\. The specified number of total steps is (\d+)/,
    key: 'totalSteps',
    option: 'total_steps',
    values: (m) => ({ steps: Number(m[1]), total: Number(m[2]) }),
  },
  {
    pattern: /^You must define either total_steps OR/,
    key: 'oneCycleLength',
    option: 'total_steps',
  },
  {
    pattern: /^Sequential Schedulers expects number of schedulers provided to be one more/,
    key: 'milestoneCount',
    option: 'milestones',
  },
  { pattern: /^Expected non-negative epoch/, key: 'negativeEpoch' },
];

/**
 * Classify an error thrown by the engine into a key of the widget's dictionary, keeping PyTorch's
 * message. Never throws.
 *
 * @param error - Anything caught from the engine.
 * @returns The key, its placeholders, the option named by the message (if any) and the original
 *   message prefixed with the Python exception name (`ValueError: …`).
 * @example
 * classifyError(new ValueError('Expected positive integer T_0, but got 0'));
 * // { key: 'positiveInteger', values: { name: 'T_0' }, option: 'T_0',
 * //   pytorch: 'ValueError: Expected positive integer T_0, but got 0' }
 */
export function classifyError(error: unknown): ClassifiedError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const pytorch = `${name}: ${message}`;
  if (name === 'ZeroDivisionError') return { key: 'zeroDivision', values: {}, pytorch };
  for (const known of engineErrors) {
    const match = known.pattern.exec(message);
    if (!match) continue;
    const values = known.values?.(match) ?? {};
    const option =
      known.option ?? (typeof values['name'] === 'string' ? values['name'] : undefined);
    return { key: known.key, values, pytorch, ...(option ? { option } : {}) };
  }
  return { key: 'other', values: {}, pytorch };
}

/** Rows of the accessible data table. */
export interface DataTable {
  /** Epochs between rows (1 when every epoch is listed). */
  readonly every: number;
  /** Row epochs with the learning rate of each series at the first step of that epoch. */
  readonly rows: ReadonlyArray<{ readonly epoch: number; readonly values: readonly number[] }>;
}

/**
 * The data table of a chart: one row per epoch, or every `k`-th epoch (k = 1, 2, 5, 10, 20, …)
 * when the run is longer than `maxRows` epochs; the last epoch is always listed. With several
 * steps per epoch a row shows the learning rate of the epoch's first step.
 *
 * @param curves - Sampled curves of one run.
 * @param epochs - Epochs of the run.
 * @param stepsPerEpoch - Steps per epoch.
 * @param maxRows - Most rows wanted before thinning (default 50).
 * @returns The spacing and the rows.
 */
export function dataTable(
  curves: readonly Pick<Curve, 'lr'>[],
  epochs: number,
  stepsPerEpoch = 1,
  maxRows = 50,
): DataTable {
  let every = 1;
  for (let power = 1; Math.ceil(epochs / every) > maxRows; power *= 10) {
    every =
      [power, 2 * power, 5 * power, 10 * power].find((k) => Math.ceil(epochs / k) <= maxRows) ??
      10 * power;
  }
  const rowEpochs: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch += every) rowEpochs.push(epoch);
  if (rowEpochs.at(-1) !== epochs - 1) rowEpochs.push(epochs - 1);
  return {
    every,
    rows: rowEpochs.map((epoch) => ({
      epoch,
      values: curves.map((curve) => curve.lr[epoch * stepsPerEpoch]!),
    })),
  };
}
