/**
 * Functions of the epoch written as a Python expression, for the `lr_lambda` of `LambdaLR` and
 * `MultiplicativeLR`: the reader types the body of `lambda epoch: …`, e.g. `0.95 ** epoch`.
 *
 * The language means the same in Python and in JavaScript: Python's int and float literals, the
 * name `epoch`, `+ - * / **` with Python's precedence (`-x ** 2` is `-(x ** 2)`; `**` binds to
 * the right and takes a signed exponent, `2 ** -1`), unary `-` and `+`, parentheses, `min`,
 * `max`, `abs`, `math.cos`, `math.sin`, `math.exp`, `math.log` (with an optional base),
 * `math.sqrt`, `math.pi` and `math.e`. A hand-written tokenizer and recursive-descent parser read
 * it (nothing is ever evaluated as code); it prints back as Python and as TypeScript, and
 * evaluates with JavaScript's arithmetic (exactly what the printed TypeScript computes), raising
 * where Python raises, with Python's exception and message.
 *
 * Python's ints have no size limit; here they are doubles that remember they are ints (Python's
 * messages and `**` depend on it). An int beyond the float range raises Python's
 * `OverflowError: int too large to convert to float` where it arises (Python raises it when
 * `LambdaLR` multiplies the value by the learning rate, but would accept `min(1, 10 ** 400)`).
 * Where Python makes a number of an infinity or NaN (`1.0 ** nan` is `1.0`), JavaScript gives NaN
 * and the learning rate is rejected. Pure: no DOM.
 *
 * @module
 */
import type { ExpressionErrorKey } from '../schedule-chart/model.ts';

/** The most characters an expression may have. */
export const MAX_EXPRESSION_LENGTH = 200;

/** A function the language offers, by its Python name. */
export type FunctionName =
  'min' | 'max' | 'abs' | 'math.cos' | 'math.sin' | 'math.exp' | 'math.log' | 'math.sqrt';

/** A binary operator, with Python's meaning. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '**';

/** The syntax tree of an expression. */
export type Expression =
  | {
      readonly type: 'number';
      readonly value: number;
      /** An int literal (no `.`, no exponent), as opposed to a float. */
      readonly int: boolean;
      /** The literal as typed (a valid Python literal). */
      readonly text: string;
    }
  | { readonly type: 'epoch' }
  | { readonly type: 'constant'; readonly name: 'math.pi' | 'math.e' }
  | { readonly type: 'unary'; readonly op: '-' | '+'; readonly arg: Expression }
  | {
      readonly type: 'binary';
      readonly op: BinaryOperator;
      readonly left: Expression;
      readonly right: Expression;
    }
  | { readonly type: 'call'; readonly name: FunctionName; readonly args: readonly Expression[] };

/** Why a text is not an expression: a key of the widget's error dictionary and its values. */
export interface ExpressionProblem {
  readonly key: ExpressionErrorKey | 'empty';
  /** `column` (1-based) and `text` for the place, `name` of a function, `max` length. */
  readonly values: Readonly<Record<string, string | number>>;
}

/** The outcome of {@link parseExpression}. */
export type ParsedExpression =
  | { readonly ok: true; readonly expression: Expression }
  | { readonly ok: false; readonly problem: ExpressionProblem };

interface Token {
  readonly kind: 'number' | 'name' | 'op' | 'end';
  readonly text: string;
  /** Offset in the text (0-based). */
  readonly start: number;
}

/** Python's decimal int and float literals, with `_` between digits. */
const NUMBER = /(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?/y;
const NAME = /[A-Za-z_]\w*/y;
const OPERATOR = /\*\*|[-+*/(),.]/y;
const SPACE = /[ \t]*/y;
/** What may not follow a number: `1e`, `1_`, `1.2.3`, `1j`, `2x` are not Python numbers. */
const NUMBER_TAIL = /[\w.]*/y;

class Failure {
  readonly problem: ExpressionProblem;

  constructor(problem: ExpressionProblem) {
    this.problem = problem;
  }
}

const fail = (key: ExpressionErrorKey, values: ExpressionProblem['values'] = {}): never => {
  throw new Failure({ key, values });
};

const match = (pattern: RegExp, text: string, at: number): string | undefined => {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (;;) {
    at += match(SPACE, text, at)!.length;
    if (at >= text.length) break;
    const number = match(NUMBER, text, at);
    if (number) {
      const tail = match(NUMBER_TAIL, text, at + number.length)!;
      const digits = number.replaceAll('_', '');
      // Python forbids leading zeros in a non-zero int (`007`), as octal used to be written so.
      if (tail !== '' || /^0+[1-9]\d*$/.test(digits)) {
        fail('exprNumber', { text: number + tail, column: at + 1 });
      }
      tokens.push({ kind: 'number', text: number, start: at });
      at += number.length;
      continue;
    }
    const word = match(NAME, text, at) ?? match(OPERATOR, text, at);
    if (!word) {
      fail('exprCharacter', { text: String.fromCodePoint(text.codePointAt(at)!), column: at + 1 });
    }
    tokens.push({ kind: /^\w/.test(word!) ? 'name' : 'op', text: word!, start: at });
    at += word!.length;
  }
  tokens.push({ kind: 'end', text: '', start: text.trimEnd().length });
  return tokens;
}

const FUNCTIONS: readonly FunctionName[] = [
  'min',
  'max',
  'abs',
  'math.cos',
  'math.sin',
  'math.exp',
  'math.log',
  'math.sqrt',
];

class Parser {
  private index = 0;
  private readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  private get next(): Token {
    return this.tokens[this.index]!;
  }

  private take(text?: string): Token {
    const token = this.next;
    if (text !== undefined && token.text !== text) this.unexpected();
    this.index += 1;
    return token;
  }

  private accept(text: string): boolean {
    if (this.next.text !== text || this.next.kind !== 'op') return false;
    this.index += 1;
    return true;
  }

  unexpected(): never {
    const token = this.next;
    return token.kind === 'end'
      ? fail('exprEnd', { column: token.start })
      : fail('exprUnexpected', { text: token.text, column: token.start + 1 });
  }

  whole(): Expression {
    const expression = this.sum();
    if (this.next.kind !== 'end') this.unexpected();
    return expression;
  }

  /** A left-associative run of `operand`s joined by `ops`: Python's sum and term. */
  private chain(ops: readonly BinaryOperator[], operand: () => Expression): Expression {
    let left = operand();
    for (let op = this.next.text; ops.includes(op as BinaryOperator); op = this.next.text) {
      this.take();
      left = { type: 'binary', op: op as BinaryOperator, left, right: operand() };
    }
    return left;
  }

  private sum(): Expression {
    return this.chain(['+', '-'], () => this.product());
  }

  private product(): Expression {
    return this.chain(['*', '/'], () => this.factor());
  }

  /** Python's `factor`: a signed factor, or a power (whose exponent is again a factor). */
  private factor(): Expression {
    const op = this.next.text;
    if (op === '-' || op === '+') {
      this.take();
      return { type: 'unary', op, arg: this.factor() };
    }
    const base = this.primary();
    return this.accept('**')
      ? { type: 'binary', op: '**', left: base, right: this.factor() }
      : base;
  }

  private primary(): Expression {
    const token = this.next;
    if (token.kind === 'number') {
      this.take();
      const int = !/[.eE]/.test(token.text);
      return {
        type: 'number',
        value: Number(token.text.replaceAll('_', '')),
        int,
        text: token.text,
      };
    }
    if (this.accept('(')) {
      const inner = this.sum();
      this.take(')');
      return inner;
    }
    if (token.kind !== 'name') this.unexpected();
    this.take();
    let name = token.text;
    if (name === 'epoch') return { type: 'epoch' };
    if (name === 'math') {
      this.take('.');
      if (this.next.kind !== 'name') this.unexpected();
      name = `math.${this.take().text}`;
      if (name === 'math.pi' || name === 'math.e') return { type: 'constant', name };
    }
    const known = FUNCTIONS.find((candidate) => candidate === name);
    if (!known) return fail('exprName', { text: name, column: token.start + 1 });
    return { type: 'call', name: known, args: this.arguments(known) };
  }

  private arguments(name: FunctionName): Expression[] {
    this.take('(');
    const args: Expression[] = [];
    // Python allows a comma after the last argument.
    while (this.next.text !== ')' || this.next.kind !== 'op') {
      args.push(this.sum());
      if (!this.accept(',')) break;
    }
    this.take(')');
    if (name === 'min' || name === 'max') {
      if (args.length < 2) fail('exprMinMaxArguments', { name });
    } else if (name === 'math.log') {
      if (args.length < 1 || args.length > 2) fail('exprLogArguments');
    } else if (args.length !== 1) {
      fail('exprOneArgument', { name });
    }
    return args;
  }
}

/**
 * Read an expression. Never throws.
 *
 * @param text - The body of `lambda epoch: …`, at most {@link MAX_EXPRESSION_LENGTH} characters.
 * @returns The syntax tree, or the problem with its place (`column`, 1-based).
 * @example
 * parseExpression('min(1, (epoch + 1) / 5)').ok; // true
 * parseExpression('epoch +'); // { ok: false, problem: { key: 'exprEnd', values: { column: 7 } } }
 */
export function parseExpression(text: string): ParsedExpression {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, problem: { key: 'exprTooLong', values: { max: MAX_EXPRESSION_LENGTH } } };
  }
  if (text.trim() === '') return { ok: false, problem: { key: 'empty', values: {} } };
  try {
    return { ok: true, expression: new Parser(tokenize(text)).whole() };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** The two languages an expression prints in. */
export type ExpressionLanguage = 'python' | 'typescript';

const OPERATOR_LEVEL = { '+': 1, '-': 1, '*': 2, '/': 2, '**': 4 } as const;
const UNARY_LEVEL = 3;
const ATOM_LEVEL = 5;

/** How tightly a node binds: Python's precedence; TypeScript's `Math.log(x) / Math.log(b)` is a quotient. */
function level(node: Expression, language: ExpressionLanguage): number {
  if (node.type === 'binary') return OPERATOR_LEVEL[node.op];
  if (node.type === 'unary') return UNARY_LEVEL;
  const quotient = language === 'typescript' && node.type === 'call' && node.args.length === 2;
  return quotient && node.name === 'math.log' ? OPERATOR_LEVEL['/'] : ATOM_LEVEL;
}

/**
 * Print an expression as code: Python as the reader writes it (literals as typed, canonical
 * spacing), or TypeScript with `Math.min`, `Math.PI`, `Math.cos`, … and the parentheses
 * JavaScript needs (it rejects `-2 ** 2`, so Python's `-2 ** 2` prints as `-(2 ** 2)`).
 *
 * @param node - A tree from {@link parseExpression}.
 * @param language - `python` or `typescript`.
 * @returns The expression; Python's parses back to the same tree.
 * @example
 * printExpression(tree('-epoch ** 2 / math.pi'), 'typescript'); // '-(epoch ** 2) / Math.PI'
 */
export function printExpression(node: Expression, language: ExpressionLanguage): string {
  const py = language === 'python';
  const print = (child: Expression) => printExpression(child, language);
  const operand = (child: Expression, min: number) =>
    level(child, language) >= min ? print(child) : `(${print(child)})`;
  switch (node.type) {
    case 'number':
      return py ? node.text : String(node.value);
    case 'epoch':
      return 'epoch';
    case 'constant':
      return py ? node.name : node.name === 'math.pi' ? 'Math.PI' : 'Math.E';
    case 'unary': {
      // JavaScript reads `--x` as a decrement and rejects a power after a sign.
      const bare =
        py || (node.arg.type !== 'unary' && !(node.arg.type === 'binary' && node.arg.op === '**'));
      return `${node.op}${bare ? operand(node.arg, UNARY_LEVEL) : `(${print(node.arg)})`}`;
    }
    case 'binary': {
      const own = OPERATOR_LEVEL[node.op];
      const [left, right] = node.op === '**' ? [ATOM_LEVEL, UNARY_LEVEL] : [own, own + 1];
      return `${operand(node.left, left)} ${node.op} ${operand(node.right, right)}`;
    }
    case 'call': {
      const args = node.args.map(print);
      if (py) return `${node.name}(${args.join(', ')})`;
      const name = `Math.${node.name.replace('math.', '')}`;
      if (args.length === 2 && node.name === 'math.log') {
        return `${name}(${args[0]}) / ${name}(${args[1]})`;
      }
      return `${name}(${args.join(', ')})`;
    }
  }
}

/** Where Python raises while evaluating an expression (or would give a complex number). */
export class ExpressionError extends Error {
  readonly key: ExpressionErrorKey;
  readonly epoch: number;
  readonly python: string | undefined;

  /**
   * @param key - Key of the widget's error dictionary.
   * @param epoch - The argument the function failed at.
   * @param python - Python's exception and message, e.g. `ZeroDivisionError: division by zero`;
   *   absent where Python gives a complex number instead of raising.
   */
  constructor(key: ExpressionErrorKey, epoch: number, python?: string) {
    super(python?.slice(python.indexOf(': ') + 2) ?? 'not a real number');
    this.key = key;
    this.epoch = epoch;
    this.python = python;
    this.name = python?.split(':')[0] ?? 'ExpressionError';
  }
}

type Compiled = (epoch: number) => number;

const MATH: Readonly<Record<string, (x: number) => number>> = {
  'math.cos': Math.cos,
  'math.sin': Math.sin,
  'math.exp': Math.exp,
  'math.log': Math.log,
  'math.sqrt': Math.sqrt,
};

/**
 * Turn an expression into a function of the epoch, once, so evaluating it walks no tree.
 *
 * @param expression - A tree from {@link parseExpression}.
 * @returns The function: what the printed TypeScript returns, or an {@link ExpressionError} where
 *   Python raises (division by zero, `0.0 ** -1`, a math domain or range error, a float power
 *   that overflows, an int beyond the float range) or gives a complex number (a negative base to
 *   a fractional power).
 * @example
 * compileExpression(tree('min(1, (epoch + 1) / 5)'))(1); // 0.4
 */
export function compileExpression(expression: Expression): Compiled {
  // Whether the value just computed is a Python int, and the epoch, for the messages.
  let int = false;
  let at = 0;
  const raise = (key: ExpressionErrorKey, python?: string): never => {
    throw new ExpressionError(key, at, python);
  };
  const result = (value: number, isInt: boolean) => {
    if (isInt && !Number.isFinite(value)) {
      raise('exprOverflow', 'OverflowError: int too large to convert to float');
    }
    int = isInt;
    return value;
  };
  const checked = (x: number, value: number, overflows: boolean) => {
    if (Number.isNaN(value) && !Number.isNaN(x))
      raise('exprDomain', 'ValueError: math domain error');
    if (!Number.isFinite(value) && Number.isFinite(x)) {
      if (overflows) raise('exprOverflow', 'OverflowError: math range error');
      raise('exprDomain', 'ValueError: math domain error');
    }
    int = false;
    return value;
  };
  const power = (a: number, b: number, ints: boolean) => {
    if (ints && b >= 0) return result(a ** b, true);
    if (a === 0 && b < 0 && Number.isFinite(b)) {
      raise('exprZeroDivision', 'ZeroDivisionError: 0.0 cannot be raised to a negative power');
    }
    const finite = Number.isFinite(a) && Number.isFinite(b);
    if (a < 0 && finite && !Number.isInteger(b)) raise('exprComplex');
    const value = a ** b;
    if (finite && !Number.isFinite(value)) {
      raise('exprOverflow', "OverflowError: (34, 'Numerical result out of range')");
    }
    return result(value, false);
  };
  const build = (node: Expression): Compiled => {
    switch (node.type) {
      case 'number': {
        const { value, int: isInt } = node;
        return () => result(value, isInt);
      }
      case 'epoch':
        return (epoch) => result(epoch, Number.isInteger(epoch));
      case 'constant': {
        const value = node.name === 'math.pi' ? Math.PI : Math.E;
        return () => result(value, false);
      }
      case 'unary': {
        const arg = build(node.arg);
        return node.op === '-' ? (epoch) => -arg(epoch) : arg;
      }
      case 'binary': {
        const left = build(node.left);
        const right = build(node.right);
        const { op } = node;
        return (epoch) => {
          const a = left(epoch);
          const leftInt = int;
          const b = right(epoch);
          const ints = leftInt && int;
          if (op === '+') return result(a + b, ints);
          if (op === '-') return result(a - b, ints);
          if (op === '*') return result(a * b, ints);
          if (op === '**') return power(a, b, ints);
          if (b === 0) {
            raise('exprZeroDivision', `ZeroDivisionError: ${ints ? '' : 'float '}division by zero`);
          }
          return result(a / b, false);
        };
      }
      case 'call': {
        const args = node.args.map(build);
        const { name } = node;
        if (name === 'min' || name === 'max') {
          const pick = name === 'min' ? Math.min : Math.max;
          return (epoch) => {
            const values: number[] = [];
            const ints: boolean[] = [];
            for (const arg of args) {
              values.push(arg(epoch));
              ints.push(int);
            }
            const value = pick(...values);
            return result(value, ints[values.indexOf(value)] ?? false);
          };
        }
        const [first, second] = args as [Compiled, Compiled | undefined];
        if (name === 'abs') return (epoch) => Math.abs(first(epoch));
        const f = MATH[name]!;
        const apply = (x: number) => checked(x, f(x), name === 'math.exp');
        if (!second) return (epoch) => apply(first(epoch));
        return (epoch) => {
          const numerator = apply(first(epoch));
          const denominator = apply(second(epoch));
          if (denominator === 0)
            raise('exprZeroDivision', 'ZeroDivisionError: float division by zero');
          return result(numerator / denominator, false);
        };
      }
    }
  };
  const root = build(expression);
  return (epoch) => {
    at = epoch;
    return root(epoch);
  };
}

/** A function of the epoch that also carries its code, for `lr_lambda` in the exported programs. */
export interface LambdaFunction {
  (epoch: number): number;
  /** The Python expression: the body of `lambda epoch: …`. */
  readonly python: string;
  /** The TypeScript expression: the body of `(epoch) => …`. */
  readonly typescript: string;
}

/**
 * Compile what a reader typed into an `lr_lambda`.
 *
 * @param text - An expression that {@link parseExpression} accepts.
 * @returns The function, with its Python and TypeScript code.
 * @throws {Error} When the text is not an expression.
 * @example
 * const lambda = lambdaFunction('0.95 ** epoch');
 * lambda(2); // 0.9025
 * lambda.typescript; // '0.95 ** epoch'
 */
export function lambdaFunction(text: string): LambdaFunction {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`Not an expression: ${parsed.problem.key}`);
  return Object.assign(compileExpression(parsed.expression), {
    python: printExpression(parsed.expression, 'python'),
    typescript: printExpression(parsed.expression, 'typescript'),
  });
}
