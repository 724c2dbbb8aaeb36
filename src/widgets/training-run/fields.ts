/**
 * Reading a widget configuration from untrusted input (URL query parameters, form fields, a
 * worker message): every field is checked against a rule, and each problem is reported as a key
 * of the widget's error dictionary with its placeholders, so the element can show a localized
 * message next to the field. Nothing here throws.
 *
 * Shared by the saddle-point explorer and the training run.
 *
 * @module
 */

/**
 * Why a field was rejected. The element shows `error.<key>` from its dictionary with
 * {@link ConfigProblem.values} as placeholders; every problem has at least `name` (the field).
 *
 * - `notNumber`: not a finite number (`values.name`).
 * - `notInteger`: not a whole number.
 * - `tooSmall`: below `values.min`.
 * - `notPositive`: zero or negative where only positive numbers make sense.
 * - `tooLarge`: above `values.max`.
 * - `notChoice`: not one of `values.choices` (comma-separated).
 * - `notBoolean`: not `true`/`false`.
 * - `engine`: the scheduler engine rejected it; {@link ConfigProblem.pytorch} holds PyTorch's own
 *   message with the exception name (`ValueError: Expected positive integer T_0, but got 0`).
 * - `invalid`: the input is not a set of fields at all (`name` is empty).
 */
export type FieldErrorKey =
  | 'notNumber'
  | 'notInteger'
  | 'tooSmall'
  | 'notPositive'
  | 'tooLarge'
  | 'notChoice'
  | 'notBoolean'
  | 'engine'
  | 'invalid';

/** One rejected field. */
export interface ConfigProblem<F extends string = string> {
  /** The field, or `null` for a problem with the input as a whole. */
  readonly field: F | null;
  readonly key: FieldErrorKey;
  /** Placeholders of the localized message: always `name`, plus `min`, `max` or `choices`. */
  readonly values: Readonly<Record<string, string | number>>;
  /** PyTorch's message, prefixed with the exception name; only for `engine` problems. */
  readonly pytorch?: string;
}

/** The outcome of parsing a configuration: the configuration, or every problem found. */
export type ParseOutcome<C, F extends string> =
  | { readonly ok: true; readonly config: C }
  | { readonly ok: false; readonly problems: readonly ConfigProblem<F>[] };

/** How one field is read and checked. */
export type FieldRule =
  | {
      readonly kind: 'number';
      /** Require a whole number. */
      readonly integer?: boolean;
      /** Require `value > 0` (reported as `notPositive`). */
      readonly positive?: boolean;
      /** Inclusive lower bound (reported as `tooSmall`). */
      readonly min?: number;
      /** Inclusive upper bound (reported as `tooLarge`). */
      readonly max?: number;
    }
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'boolean' };

/** A field value after parsing. */
export type FieldValue = number | string | boolean;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Read a finite number from a number or from text in decimal or exponent notation
 * (`0.05`, `-1e-6`, `+3`, `.5`). Hexadecimal, `Infinity`, `NaN`, empty text and overflowing
 * literals (`1e999`) are rejected.
 *
 * @param raw - A number or a string.
 * @returns The number, or `undefined`.
 * @example
 * readNumber(' 1e-3 '); // 0.001
 * readNumber('0x10'); // undefined
 */
export function readNumber(raw: unknown): number | undefined {
  let value: number | undefined;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) value = Number(raw.trim());
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** A field checked: its value, or the problem's key and placeholders. */
export type FieldCheck =
  | { readonly ok: true; readonly value: FieldValue }
  | {
      readonly ok: false;
      readonly key: FieldErrorKey;
      readonly values: Readonly<Record<string, string | number>>;
    };

/**
 * Check one raw value against its rule. Numbers are checked in this order: finite number,
 * whole number, positive, at least `min`, at most `max`; the first failure is reported.
 *
 * @param name - The field's name (goes into the placeholders).
 * @param raw - The untrusted value: a number, boolean or string.
 * @param rule - How to read and check it.
 * @returns The value, or the problem.
 * @example
 * checkField('steps', '2.5', { kind: 'number', integer: true });
 * // { ok: false, key: 'notInteger', values: { name: 'steps' } }
 */
export function checkField(name: string, raw: unknown, rule: FieldRule): FieldCheck {
  const fail = (key: FieldErrorKey, extra: Record<string, string | number> = {}): FieldCheck => ({
    ok: false,
    key,
    values: { name, ...extra },
  });
  if (rule.kind === 'boolean') {
    if (raw === true || raw === 'true' || raw === '1') return { ok: true, value: true };
    if (raw === false || raw === 'false' || raw === '0') return { ok: true, value: false };
    return fail('notBoolean');
  }
  if (rule.kind === 'choice') {
    const text = typeof raw === 'string' ? raw.trim() : undefined;
    return text !== undefined && rule.choices.includes(text)
      ? { ok: true, value: text }
      : fail('notChoice', { choices: rule.choices.join(', ') });
  }
  const value = readNumber(raw);
  if (value === undefined) return fail('notNumber');
  if (rule.integer === true && !Number.isInteger(value)) return fail('notInteger');
  if (rule.positive === true && !(value > 0)) return fail('notPositive');
  if (rule.min !== undefined && value < rule.min) return fail('tooSmall', { min: rule.min });
  if (rule.max !== undefined && value > rule.max) return fail('tooLarge', { max: rule.max });
  // Normalize -0 so a configuration read back from a URL equals the one written.
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Turn untrusted input into a record of fields: a plain object, a `URLSearchParams` or a `Map`
 * of field names to values. Anything else is not a set of fields.
 *
 * @param input - The untrusted input.
 * @returns The fields, or `undefined`.
 */
function asRecord(input: unknown): Record<string, unknown> | undefined {
  if (input instanceof URLSearchParams || input instanceof Map) {
    return Object.fromEntries(input.entries()) as Record<string, unknown>;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return input as Record<string, unknown>;
}

/**
 * Read every field of a configuration: each field present in `input` is checked against its
 * rule, each absent one (or `undefined`) takes its default. Keys not in `rules` are ignored, so
 * a whole URL query can be passed in. Never throws (a throwing getter counts as `invalid`).
 *
 * @param input - A plain object, `URLSearchParams` or `Map` of field names to numbers, booleans
 *   or strings.
 * @param rules - The rule of every field.
 * @param defaults - The default of every field.
 * @returns The values (defaults where a field failed) and every problem found.
 * @example
 * readFields(new URLSearchParams('lr=abc'), { lr: { kind: 'number' } }, { lr: 0.1 });
 * // { values: { lr: 0.1 }, problems: [{ field: 'lr', key: 'notNumber', values: { name: 'lr' } }] }
 */
export function readFields<F extends string>(
  input: unknown,
  rules: Readonly<Record<F, FieldRule>>,
  defaults: Readonly<Record<F, FieldValue>>,
): { values: Record<F, FieldValue>; problems: ConfigProblem<F>[] } {
  const values = { ...defaults } as Record<F, FieldValue>;
  const problems: ConfigProblem<F>[] = [];
  const invalid = (): { values: Record<F, FieldValue>; problems: ConfigProblem<F>[] } => ({
    values,
    problems: [{ field: null, key: 'invalid', values: { name: '' } }],
  });
  try {
    const record = asRecord(input);
    if (record === undefined) return invalid();
    for (const field of Object.keys(rules) as F[]) {
      if (!Object.hasOwn(record, field) || record[field] === undefined) continue;
      const check = checkField(field, record[field], rules[field]);
      if (check.ok) values[field] = check.value;
      else problems.push({ field, key: check.key, values: check.values });
    }
  } catch {
    return invalid();
  }
  return { values, problems };
}

/**
 * Write a configuration's fields as strings, e.g. for a URL query: numbers in JavaScript's
 * shortest round-trip form (`0.05`, `1e-7`), booleans as `true`/`false`. Reading the result back
 * with {@link readFields} gives the same values.
 *
 * @param values - The fields to write.
 * @returns The fields as text, in the order given.
 * @example
 * new URLSearchParams(writeFields({ lr: 0.05, floor: true })).toString(); // 'lr=0.05&floor=true'
 */
export function writeFields(values: Readonly<Record<string, FieldValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) out[key] = String(value);
  return out;
}

/**
 * Report an error thrown by the scheduler engine as an `engine` problem on `field`, keeping
 * PyTorch's message prefixed with the exception name, as Python prints it.
 *
 * @param field - The field the message is about, or `null`.
 * @param error - What the engine threw.
 * @returns The problem.
 * @example
 * engineProblem('T_0', new ValueError('Expected positive integer T_0, but got 0'));
 * // { field: 'T_0', key: 'engine', values: { name: 'T_0' },
 * //   pytorch: 'ValueError: Expected positive integer T_0, but got 0' }
 */
export function engineProblem<F extends string>(field: F | null, error: unknown): ConfigProblem<F> {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { field, key: 'engine', values: { name: field ?? '' }, pytorch: `${name}: ${message}` };
}

/**
 * The field an engine message is about: the first of `fields` named in it as a whole word
 * (`"Expected integer T_mult >= 1, but got 0"` → `T_mult`; `"Invalid learning rate: -1"` → the
 * field listed for `learning rate`).
 *
 * @param message - The engine's message.
 * @param fields - Candidate fields with the words that name them in PyTorch's messages.
 * @returns The field, or `null` when no candidate is named.
 */
export function fieldNamedIn<F extends string>(
  message: string,
  fields: ReadonlyArray<readonly [field: F, words: readonly string[]]>,
): F | null {
  for (const [field, words] of fields) {
    for (const word of words) {
      if (new RegExp(`(^|[^\\w])${word}([^\\w]|$)`).test(message)) return field;
    }
  }
  return null;
}
