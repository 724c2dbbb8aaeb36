/**
 * Reading the saddle-point explorer's configuration from untrusted input: defaults, every
 * field's checks with their error keys, the engine's own ValueErrors surfaced with PyTorch's
 * message, round trips through URL text, and never throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CosineAnnealingWarmRestarts, SGD, type Param } from '../../src/scheduler/index.ts';
import {
  DEFAULT_EXPLORER_CONFIG,
  explorerFieldRules,
  MAX_EXPLORER_STEPS,
  parseExplorerConfig,
  serializeExplorerConfig,
  type ExplorerConfig,
} from '../../src/widgets/saddle-explorer/model.ts';

/** What the engine itself throws for warm-restart options, as `Name: message`. */
function engineMessage(options: { T_0: number; T_mult: number }): string {
  const param: Param = { data: new Float64Array(1), grad: null };
  try {
    new CosineAnnealingWarmRestarts(new SGD([param], { lr: 0.1 }), options);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('the engine accepted the options');
}

describe('parseExplorerConfig', () => {
  it('fills absent fields with the defaults and ignores unknown keys', () => {
    expect(parseExplorerConfig({})).toEqual({ ok: true, config: DEFAULT_EXPLORER_CONFIG });
    expect(parseExplorerConfig({ utm_source: 'x', lang: 'en' })).toEqual({
      ok: true,
      config: DEFAULT_EXPLORER_CONFIG,
    });
  });

  it('reads URL query parameters', () => {
    const query = new URLSearchParams(
      'x0=-1.5&y0=1e-6&floor=false&optimizer=adam&lr=.01&schedule=warm-restarts&T_0=10&T_mult=1&seed=99',
    );
    expect(parseExplorerConfig(query)).toEqual({
      ok: true,
      config: {
        ...DEFAULT_EXPLORER_CONFIG,
        x0: -1.5,
        y0: 1e-6,
        floor: false,
        optimizer: 'adam',
        lr: 0.01,
        schedule: 'warm-restarts',
        T_0: 10,
        T_mult: 1,
        seed: 99,
      },
    });
  });

  it('round-trips every configuration it accepts through its text form', () => {
    const arbitrary: fc.Arbitrary<ExplorerConfig> = fc.record({
      x0: fc.double({ min: -10, max: 10, noNaN: true }),
      y0: fc.double({ min: -10, max: 10, noNaN: true }),
      floor: fc.boolean(),
      optimizer: fc.constantFrom('sgd', 'momentum', 'adam'),
      lr: fc.double({ min: 1e-9, max: 10, noNaN: true }),
      schedule: fc.constantFrom('constant', 'cosine', 'warm-restarts'),
      T_max: fc.integer({ min: 1, max: MAX_EXPLORER_STEPS }),
      T_0: fc.integer({ min: 1, max: MAX_EXPLORER_STEPS }),
      T_mult: fc.integer({ min: 1, max: 10 }),
      eta_min: fc.double({ min: 0, max: 10, noNaN: true }),
      sigma: fc.double({ min: 0, max: 10, noNaN: true }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      steps: fc.integer({ min: 1, max: MAX_EXPLORER_STEPS }),
    });
    fc.assert(
      fc.property(arbitrary, (config) => {
        const normalized = {
          ...config,
          x0: config.x0 + 0,
          y0: config.y0 + 0,
          eta_min: config.eta_min + 0,
          sigma: config.sigma + 0,
        };
        const text = new URLSearchParams(serializeExplorerConfig(config)).toString();
        expect(parseExplorerConfig(new URLSearchParams(text))).toEqual({
          ok: true,
          config: normalized,
        });
      }),
    );
  });

  it.each([
    ['lr', 'abc', 'notNumber', {}],
    ['lr', 'Infinity', 'notNumber', {}],
    ['lr', 'NaN', 'notNumber', {}],
    ['lr', '', 'notNumber', {}],
    ['lr', '0x10', 'notNumber', {}],
    ['lr', Number.NaN, 'notNumber', {}],
    ['lr', '1e999', 'notNumber', {}],
    ['lr', '0', 'notPositive', {}],
    ['lr', '-0.1', 'notPositive', {}],
    ['lr', '11', 'tooLarge', { max: 10 }],
    ['x0', '-10.5', 'tooSmall', { min: -10 }],
    ['y0', 1e6, 'tooLarge', { max: 10 }],
    ['steps', '2.5', 'notInteger', {}],
    ['steps', '0', 'tooSmall', { min: 1 }],
    ['steps', '10001', 'tooLarge', { max: MAX_EXPLORER_STEPS }],
    ['T_max', '0', 'tooSmall', { min: 1 }],
    ['T_max', '7.5', 'notInteger', {}],
    ['seed', '-1', 'tooSmall', { min: 0 }],
    ['seed', '4294967296', 'tooLarge', { max: 0xffffffff }],
    ['sigma', '-0.1', 'tooSmall', { min: 0 }],
    ['eta_min', '-1e-3', 'tooSmall', { min: 0 }],
    ['T_mult', '11', 'tooLarge', { max: 10 }],
    ['floor', 'yes', 'notBoolean', {}],
    ['optimizer', 'rmsprop', 'notChoice', { choices: 'sgd, momentum, adam' }],
    ['schedule', 'Cosine', 'notChoice', { choices: 'constant, cosine, warm-restarts' }],
  ] as const)('rejects %s = %j as %s', (field, raw, key, values) => {
    expect(parseExplorerConfig({ [field]: raw })).toEqual({
      ok: false,
      problems: [{ field, key, values: { name: field, ...values } }],
    });
  });

  it('reports every bad field at once', () => {
    const outcome = parseExplorerConfig({ lr: 'x', steps: '0', optimizer: 'sgd', floor: 2 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.field, p.key])).toEqual([
      ['floor', 'notBoolean'],
      ['lr', 'notNumber'],
      ['steps', 'tooSmall'],
    ]);
  });

  it.each([
    [{ T_0: '0', T_mult: '2' }, 'T_0', { T_0: 0, T_mult: 2 }],
    [{ T_0: '2.5', T_mult: '2' }, 'T_0', { T_0: 2.5, T_mult: 2 }],
    [{ T_0: '-3', T_mult: '1' }, 'T_0', { T_0: -3, T_mult: 1 }],
    [{ T_0: '5', T_mult: '0' }, 'T_mult', { T_0: 5, T_mult: 0 }],
    [{ T_0: '5', T_mult: '1.5' }, 'T_mult', { T_0: 5, T_mult: 1.5 }],
  ] as const)(
    'surfaces the engine’s ValueError for warm restarts %j on %s',
    (fields, field, options) => {
      expect(parseExplorerConfig({ schedule: 'warm-restarts', ...fields })).toEqual({
        ok: false,
        problems: [
          { field, key: 'engine', values: { name: field }, pytorch: engineMessage(options) },
        ],
      });
    },
  );

  it('does not ask the engine about a schedule that is not used', () => {
    expect(parseExplorerConfig({ schedule: 'constant', T_0: '0' }).ok).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      get lr(): never {
        throw new Error('getter');
      },
    };
    expect(parseExplorerConfig(hostile)).toEqual({
      ok: false,
      problems: [{ field: null, key: 'invalid', values: { name: '' } }],
    });
    for (const input of [null, undefined, 42, 'lr=1', [1, 2]]) {
      expect(parseExplorerConfig(input)).toEqual({
        ok: false,
        problems: [{ field: null, key: 'invalid', values: { name: '' } }],
      });
    }
    const fields = Object.keys(explorerFieldRules);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...fields), fc.oneof(fc.string(), fc.double(), fc.boolean())),
        (input) => {
          const outcome = parseExplorerConfig(input);
          if (!outcome.ok) {
            for (const problem of outcome.problems) expect(fields).toContain(problem.field);
          }
        },
      ),
    );
  });
});
