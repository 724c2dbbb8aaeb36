/**
 * The playground's expression language for `lr_lambda`: parse errors with their places, values
 * derived by hand, and, for a table of expressions at several epochs, agreement with real Python
 * (`/usr/bin/python3`: the same value, or the same exception with the same message), Python's own
 * parser reading the printed Python as the same tree as the typed text, and the printed
 * TypeScript, run by Node, returning exactly the values the playground computes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ExpressionError,
  MAX_EXPRESSION_LENGTH,
  compileExpression,
  lambdaFunction,
  parseExpression,
  printExpression,
  type Expression,
} from '../../src/widgets/playground/expression.ts';

const tree = (text: string): Expression => {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.key}`);
  return parsed.expression;
};

/** The value at an epoch, or Python's exception as `Name: message` (`complex` for a complex result). */
const outcome = (text: string, epoch: number): number | string => {
  try {
    return compileExpression(tree(text))(epoch);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return error.python ?? 'complex';
  }
};

describe('parsing', () => {
  it.each([
    ['epoch +', 'exprEnd', { column: 7 }],
    ['(epoch  ', 'exprEnd', { column: 6 }],
    ['epoch)', 'exprUnexpected', { text: ')', column: 6 }],
    ['1 +* 2', 'exprUnexpected', { text: '*', column: 4 }],
    ['epoch epoch', 'exprUnexpected', { text: 'epoch', column: 7 }],
    ['epoch $ 2', 'exprCharacter', { text: '$', column: 7 }],
    ['epoch ** 😀', 'exprCharacter', { text: '😀', column: 10 }],
    ['007', 'exprNumber', { text: '007', column: 1 }],
    ['2 * 1e', 'exprNumber', { text: '1e', column: 5 }],
    ['1__0', 'exprNumber', { text: '1__0', column: 1 }],
    ['1.2.3', 'exprNumber', { text: '1.2.3', column: 1 }],
    ['3j', 'exprNumber', { text: '3j', column: 1 }],
    ['foo(1)', 'exprName', { text: 'foo', column: 1 }],
    ['1 + math.tan(1)', 'exprName', { text: 'math.tan', column: 5 }],
    ['__import__', 'exprName', { text: '__import__', column: 1 }],
    ['math', 'exprEnd', { column: 4 }],
    ['math.(1)', 'exprUnexpected', { text: '(', column: 6 }],
    ['min(1)', 'exprMinMaxArguments', { name: 'min' }],
    ['max()', 'exprMinMaxArguments', { name: 'max' }],
    ['abs(1, 2)', 'exprOneArgument', { name: 'abs' }],
    ['math.sqrt()', 'exprOneArgument', { name: 'math.sqrt' }],
    ['math.log(1, 2, 3)', 'exprLogArguments', {}],
    ['min(1,,2)', 'exprUnexpected', { text: ',', column: 7 }],
    ['1, 2', 'exprUnexpected', { text: ',', column: 2 }],
    ['epoch = 1', 'exprCharacter', { text: '=', column: 7 }],
    ['   ', 'empty', {}],
  ])('rejects %j: %s', (text, key, values) => {
    expect(parseExpression(text)).toEqual({ ok: false, problem: { key, values } });
  });

  it('limits the length', () => {
    const longest = `${'1 + '.repeat(48)}epoch`.padEnd(MAX_EXPRESSION_LENGTH);
    expect(longest).toHaveLength(MAX_EXPRESSION_LENGTH);
    expect(parseExpression(longest).ok).toBe(true);
    expect(parseExpression(`${longest} `)).toEqual({
      ok: false,
      problem: { key: 'exprTooLong', values: { max: MAX_EXPRESSION_LENGTH } },
    });
  });

  it('follows Python’s precedence and associativity', () => {
    const epoch = { type: 'epoch' };
    const two = { type: 'number', value: 2, int: true, text: '2' };
    expect(tree('-epoch ** 2')).toEqual({
      type: 'unary',
      op: '-',
      arg: { type: 'binary', op: '**', left: epoch, right: two },
    });
    expect(tree('2 ** -epoch')).toEqual({
      type: 'binary',
      op: '**',
      left: two,
      right: { type: 'unary', op: '-', arg: epoch },
    });
    expect(tree('epoch - 2 - epoch')).toEqual({
      type: 'binary',
      op: '-',
      left: { type: 'binary', op: '-', left: epoch, right: two },
      right: epoch,
    });
    expect(tree('1_000.5e-3')).toEqual({
      type: 'number',
      value: 1.0005,
      int: false,
      text: '1_000.5e-3',
    });
    expect(tree('min(1, 2,)')).toMatchObject({ type: 'call', name: 'min' });
  });
});

describe('values derived by hand', () => {
  it.each([
    ['-2 ** 2', 0, -4],
    ['2 ** 3 ** 2', 0, 512],
    ['2 ** -1 ** 2', 0, 0.5],
    ['(-2) ** 2', 0, 4],
    ['--epoch', 7, 7],
    ['0.5 ** epoch', 3, 0.125],
    ['min(1, (epoch + 1) / 5)', 1, 0.4],
    ['min(1, (epoch + 1) / 5)', 9, 1],
    ['max(epoch, 2, 1)', 0, 2],
    ['abs(epoch - 10) / 4', 4, 1.5],
    ['math.cos(math.pi * epoch / 100)', 0, 1],
    ['math.cos(math.pi * epoch / 100)', 100, -1],
    ['math.sqrt(epoch)', 16, 4],
    ['math.exp(0) + math.log(1)', 5, 1],
    ['math.log(math.e ** 2)', 5, 2],
    ['math.log(8, 2)', 0, 3],
    ['1 / 4', 0, 0.25],
    ['1e-3 * epoch', 2, 0.002],
  ])('%s at epoch %d is %d', (text, epoch, value) => {
    expect(outcome(text, epoch)).toBe(value);
  });

  it('raises where Python raises, naming the epoch', () => {
    expect(outcome('1 / (epoch - 3)', 3)).toBe('ZeroDivisionError: division by zero');
    expect(outcome('1.0 / (epoch - 3)', 3)).toBe('ZeroDivisionError: float division by zero');
    let error: unknown;
    try {
      compileExpression(tree('math.log(epoch - 2)'))(1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({
      key: 'exprDomain',
      epoch: 1,
      name: 'ValueError',
      message: 'math domain error',
      python: 'ValueError: math domain error',
    });
  });

  it('compiles a function that carries its code in both languages', () => {
    const lambda = lambdaFunction('-epoch ** 2 / math.pi + min(1, 2)');
    expect(lambda(2)).toBe(-4 / Math.PI + 1);
    expect(lambda.python).toBe('-epoch ** 2 / math.pi + min(1, 2)');
    expect(lambda.typescript).toBe('-(epoch ** 2) / Math.PI + Math.min(1, 2)');
    expect(() => lambdaFunction('epoch +')).toThrow(/exprEnd/);
  });
});

/** Expressions and the epochs each is evaluated at, for the comparisons with Python and Node. */
const table: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['0.95 ** epoch', [0, 1, 7, 100]],
  ['min(1, (epoch + 1) / 5)', [0, 3, 4, 50]],
  ['math.cos(math.pi * epoch / 100)', [0, 33, 100]],
  ['0.5 * (1 + math.cos(math.pi * min(epoch, 80) / 80))', [0, 17, 80, 99]],
  ['-2 ** 2 + epoch', [0, 3]],
  ['2 ** -1 ** 2', [0]],
  ['2 ** -epoch', [0, 3, 1100]],
  ['(-2) ** epoch', [0, 3, 1100]],
  ['(-2.0) ** epoch', [0, 3, 1100]],
  ['(-8) ** (1 / 3)', [0]],
  ['(epoch - 5) ** 0.5', [9, 4]],
  ['(epoch - 5) ** 2.0', [1]],
  ['--epoch - +epoch', [4]],
  ['-(epoch - 2) ** 3', [0, 5]],
  ['1 / (epoch - 3)', [0, 3]],
  ['1.0 / (epoch - 3)', [3]],
  ['epoch / 0.0', [1]],
  ['0 ** -1', [0]],
  ['0.0 ** -epoch', [0, 2]],
  ['(epoch - 1) ** -1.5', [1, 5]],
  ['10.0 ** (400 * epoch)', [0, 1]],
  ['10 ** (400 * epoch)', [0, 1]],
  ['10 ** epoch * 0.5', [3, 309]],
  ['(-10.0) ** 401', [0]],
  ['1e308 * 10', [0]],
  ['math.exp(epoch)', [1, 709, 710]],
  ['math.exp(-epoch)', [1000]],
  ['math.log(epoch)', [0, 1, 10]],
  ['math.log(epoch - 1)', [0]],
  ['math.sqrt(epoch - 2)', [0, 2, 6]],
  ['math.sin(epoch) ** 2 + math.cos(epoch) ** 2', [3, 57]],
  ['math.log(epoch, 2)', [8, 100]],
  ['math.log(8, epoch)', [0, 1, 2]],
  ['abs(5 - epoch) * 1e-3', [2, 8]],
  ['max(0.1, 1 - epoch / 50)', [10, 49, 60]],
  ['min(epoch, 2.5, 7)', [1, 3]],
  ['math.e ** -epoch', [2]],
  ['1_0.5e-1_0 * epoch', [2]],
  ['.5 + 1. + 1.e1', [0]],
  ['00 + 0_0 + epoch', [1]],
];

const cases = table.flatMap(([text, epochs]) => epochs.map((epoch) => [text, epoch] as const));
const work = mkdtempSync(join(tmpdir(), 'playground-expression-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('printed TypeScript', () => {
  it('returns, run by Node, exactly what the playground computes', () => {
    const file = join(work, 'lambdas.ts');
    const lines = table.map(([text, epochs]) => {
      const body = printExpression(tree(text), 'typescript');
      return `out.push([${epochs.join(', ')}].map((epoch: number) => ${body}));`;
    });
    writeFileSync(
      file,
      ['const out: number[][] = [];', ...lines, 'console.log(JSON.stringify(out));'].join('\n'),
    );
    const printed = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' })) as (
      number | null
    )[][];
    table.forEach(([text, epochs], i) => {
      epochs.forEach((epoch, k) => {
        const value = outcome(text, epoch);
        // Where Python raises, JavaScript computes on (an infinity, NaN, 0): only values compare.
        if (typeof value === 'number' && Number.isFinite(value)) {
          expect(printed[i]![k], `${text} at ${epoch}`).toBe(value);
        }
      });
    });
  });

  it('parses back to the same tree (Python) or is valid JavaScript of the same shape', () => {
    for (const [text] of table) {
      const expression = tree(text);
      expect(tree(printExpression(expression, 'python'))).toEqual(expression);
    }
    expect(printExpression(tree('-2 ** 2'), 'typescript')).toBe('-(2 ** 2)');
    expect(printExpression(tree('--epoch'), 'typescript')).toBe('-(-epoch)');
    expect(printExpression(tree('2 ** -epoch ** 2'), 'typescript')).toBe('2 ** -(epoch ** 2)');
    expect(printExpression(tree('math.log(epoch, 2) ** 2'), 'typescript')).toBe(
      '(Math.log(epoch) / Math.log(2)) ** 2',
    );
    expect(printExpression(tree('(2**3)**2'), 'python')).toBe('(2 ** 3) ** 2');
  });
});

const python = '/usr/bin/python3';
const hasPython = spawnSync(python, ['-c', 'import math'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasPython)('real Python', () => {
  const run = (program: string, input: unknown): unknown =>
    JSON.parse(
      execFileSync(python, ['-c', program], { input: JSON.stringify(input), encoding: 'utf8' }),
    );

  it('gives the same value, or raises the same exception with the same message', () => {
    const program = [
      'import json, math, sys',
      'out = []',
      'for text, epoch in json.load(sys.stdin):',
      '    f = eval("lambda epoch: " + text, {"math": math})',
      '    try:',
      '        value = f(epoch)',
      '        if isinstance(value, complex):',
      '            out.append("complex")',
      '        else:',
      '            out.append(float(value) if math.isfinite(value) else str(value))',
      '    except Exception as error:',
      '        out.append(type(error).__name__ + ": " + str(error))',
      'print(json.dumps(out))',
    ].join('\n');
    const results = run(program, cases) as (number | string)[];
    cases.forEach(([text, epoch], k) => {
      const value = outcome(text, epoch);
      const finite = typeof value === 'string' || Number.isFinite(value);
      const ours = finite ? value : String(value).replace('Infinity', 'inf').toLowerCase();
      const theirs = results[k]!;
      const where = `${text} at epoch ${epoch}`;
      if (typeof theirs === 'string' || typeof ours === 'string') {
        expect(ours, where).toBe(theirs);
      } else {
        // Python's `**` and libm may round the last bit differently from V8's.
        expect(Math.abs(ours - theirs), where).toBeLessThanOrEqual(4e-16 * Math.abs(theirs));
      }
    });
  });

  it('reads the printed Python as the same syntax tree as the text typed', () => {
    const program = [
      'import ast, json, sys',
      'print(json.dumps([ast.dump(ast.parse(a, mode="eval")) == ast.dump(ast.parse(b, mode="eval")) for a, b in json.load(sys.stdin)]))',
    ].join('\n');
    const pairs = table.map(([text]) => [text, printExpression(tree(text), 'python')]);
    expect(run(program, pairs)).toEqual(pairs.map(() => true));
  });
});
