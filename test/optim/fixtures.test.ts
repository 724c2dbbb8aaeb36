/**
 * Step-by-step comparison of the optimizers with PyTorch 1.13 (test/fixtures/optimizers.json,
 * written by scripts/fixtures/generate.py with ATen's one-rounding-per-operation CPU kernels).
 * Cases that also run schedulers are replayed by the scheduler tests; here only the optimizers
 * are exercised, so those cases are filtered out.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Adam, AdamW, SGD, type Optimizer, type Param } from '../../src/scheduler/optim/index.ts';

interface OptimizerFixtureCase {
  id: string;
  optimizer: {
    type: 'SGD' | 'Adam' | 'AdamW';
    defaults: Record<string, unknown>;
    groups: Array<{ start: [number, number]; [key: string]: unknown }>;
  };
  schedulers?: unknown[];
  steps: number;
  trace: Array<{ params: Array<[number, number]>; lr: number[] }>;
  state?: {
    state: Record<string, Record<string, unknown>>;
    param_groups: Array<Record<string, unknown>>;
  };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/optimizers.json', import.meta.url), 'utf8'),
) as { cases: OptimizerFixtureCase[] };

const optimizerOnly = fixture.cases.filter((c) => c.schedulers === undefined);

/** The fixture's objective, f(x, y) = x² − y² + y⁴/4, differentiated exactly as the generator does. */
function saddleGrad(x: number, y: number): Float64Array {
  return Float64Array.of(2 * x, -2 * y + y * y * y);
}

function build(spec: OptimizerFixtureCase['optimizer']): { opt: Optimizer; params: Param[] } {
  const params: Param[] = [];
  const groups = spec.groups.map(({ start, ...overrides }) => {
    const param: Param = { data: Float64Array.from(start), grad: null };
    params.push(param);
    return { params: [param], ...overrides };
  });
  // The fixture's options are PyTorch's keyword arguments, so they are the constructors' options.
  const options = spec.defaults as never;
  switch (spec.type) {
    case 'SGD':
      return { opt: new SGD(groups, options), params };
    case 'Adam':
      return { opt: new Adam(groups, options), params };
    case 'AdamW':
      return { opt: new AdamW(groups, options), params };
  }
}

function setGrads(params: Param[]): void {
  for (const p of params) p.grad = saddleGrad(p.data[0] as number, p.data[1] as number);
}

function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

const worst = new Map<string, { err: number; id: string }>();
let bitExact = 0;
let compared = 0;

afterAll(() => {
  const lines = [...worst].map(([type, w]) => `${type}: worst relative error ${w.err} (${w.id})`);
  lines.push(`${bitExact} of ${compared} coordinates bit-identical to PyTorch`);
  console.log(lines.join('\n'));
});

describe('optimizers match PyTorch 1.13 step by step', () => {
  it('has optimizer-only cases for every optimizer type', () => {
    expect(new Set(optimizerOnly.map((c) => c.optimizer.type))).toEqual(
      new Set(['SGD', 'Adam', 'AdamW']),
    );
  });

  for (const c of optimizerOnly) {
    it(c.id, () => {
      const { opt, params } = build(c.optimizer);
      let caseWorst = 0;
      expect(c.trace).toHaveLength(c.steps);
      for (const [k, entry] of c.trace.entries()) {
        setGrads(params);
        opt.step();
        expect(
          opt.paramGroups.map((g) => g.lr),
          `lr after step ${k + 1}`,
        ).toEqual(entry.lr);
        entry.params.forEach((expected, g) => {
          const actual = (params[g] as Param).data;
          expected.forEach((b, i) => {
            const a = actual[i] as number;
            const err = relErr(a, b);
            compared++;
            if (Object.is(a, b)) bitExact++;
            caseWorst = Math.max(caseWorst, err);
            if (!(err <= 1e-10)) {
              expect.fail(`step ${k + 1}, group ${g}, coordinate ${i}: got ${a}, PyTorch ${b}`);
            }
          });
        });
      }
      const type = c.optimizer.type;
      const prev = worst.get(type);
      if (prev === undefined || caseWorst >= prev.err)
        worst.set(type, { err: caseWorst, id: c.id });

      if (c.state !== undefined) {
        const sd = JSON.parse(JSON.stringify(opt.stateDict())) as typeof c.state;
        expect(Object.keys(sd.state)).toEqual(Object.keys(c.state.state));
        for (const [index, expectedState] of Object.entries(c.state.state)) {
          const actualState = sd.state[index] as Record<string, unknown>;
          expect(Object.keys(actualState).sort()).toEqual(Object.keys(expectedState).sort());
          for (const [key, value] of Object.entries(expectedState)) {
            if (Array.isArray(value)) {
              const got = actualState[key] as number[];
              expect(got).toHaveLength(value.length);
              value.forEach((v: number, i) => {
                expect(relErr(got[i] as number, v), `${key}[${i}]`).toBeLessThanOrEqual(1e-10);
              });
            } else {
              expect(actualState[key], key).toBe(value);
            }
          }
        }
        // 1.13's groups also carry foreach/capturable/differentiable/fused, options this port
        // does not have; every option the port does have must match.
        sd.param_groups.forEach((group, g) => {
          const expectedGroup = c.state?.param_groups[g] as Record<string, unknown>;
          for (const [key, value] of Object.entries(group)) {
            if (key === 'decoupled_weight_decay') continue;
            expect(value, key).toEqual(expectedGroup[key]);
          }
        });
      }
    });
  }
});
