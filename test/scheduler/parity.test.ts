/**
 * Every scheduler case recorded from real PyTorch (test/fixtures/schedulers.json), replayed
 * step by step through the port: learning rates and momenta within 1e-12 relative error,
 * state dicts with PyTorch's keys, and resume through JSON.
 */
import { describe, expect, it } from 'vitest';
import { withoutWarnings, type StateDict } from '../../src/scheduler/index.ts';
import { load, resumeTrace, TOLERANCE } from '../helpers/fixture-compare.ts';
import {
  buildOptimizer,
  buildSchedulers,
  decodeNumber,
  relError,
  replay,
  type SchedulerCase,
  type TraceEntry,
} from '../helpers/replay.ts';

const fixture = load<SchedulerCase>('schedulers.json');

/** The largest relative error between two traces, over every recorded quantity. */
function worstError(ours: TraceEntry[], theirs: TraceEntry[]): number {
  expect(ours.length).toBe(theirs.length);
  let worst = 0;
  theirs.forEach((expected, step) => {
    const actual = ours[step] as TraceEntry;
    for (const key of ['lr', 'last_lr', 'momentum', 'beta1'] as const) {
      const want = expected[key];
      if (!want) continue;
      const got = actual[key];
      expect(got, `${key} at step ${step}`).toBeDefined();
      want.forEach((w, g) => {
        const err = relError(got![g] as number, decodeNumber(w) as number);
        if (err > worst) worst = err;
        if (err > TOLERANCE) {
          expect.soft(got![g], `${key}[${g}] at step ${step}`).toBe(w);
        }
      });
    }
  });
  return worst;
}

// Keys PyTorch 1.13 has that the newest PyTorch (and the port) dropped, and the reverse.
const ONLY_IN_113 = new Set(['verbose', '_scale_fn_ref', 'anneal_func']);
const ONLY_IN_NEWEST = new Set([
  '_is_initial',
  'use_beta1',
  '_anneal_func_type',
  'default_min_lr',
  '_last_lr',
]);

function compareState(ours: StateDict, theirs: Record<string, unknown>, path: string): void {
  for (const [key, value] of Object.entries(theirs)) {
    if (ONLY_IN_113.has(key)) continue;
    // 1.13's SequentialLR stepped a child with step(0) at a milestone, counting a step; newest uses _update_lr(0).
    if (key === '_step_count' && path.includes('._schedulers[')) continue;
    expect(ours, `${path}: key ${key}`).toHaveProperty(key);
    compareValue(ours[key], value, `${path}.${key}`);
  }
  for (const key of Object.keys(ours)) {
    if (!(key in theirs)) expect(ONLY_IN_NEWEST.has(key), `${path}: extra key ${key}`).toBe(true);
  }
}

function compareValue(ours: unknown, theirs: unknown, path: string): void {
  const decoded = decodeNumber(theirs);
  if (typeof decoded === 'number') {
    // Both sides spell non-finite floats as 'inf', '-inf', 'nan' in JSON-safe state.
    const value = decodeNumber(ours);
    expect(typeof value, path).toBe('number');
    expect(relError(value as number, decoded), path).toBeLessThanOrEqual(TOLERANCE);
  } else if (Array.isArray(decoded)) {
    expect(Array.isArray(ours), path).toBe(true);
    expect((ours as unknown[]).length, path).toBe(decoded.length);
    decoded.forEach((v, i) => compareValue((ours as unknown[])[i], v, `${path}[${i}]`));
  } else if (decoded !== null && typeof decoded === 'object') {
    if ('__repr__' in decoded) return;
    compareState(ours as StateDict, decoded as Record<string, unknown>, path);
  } else {
    expect(ours, path).toEqual(decoded);
  }
}

export const worstByClass = new Map<string, { cases: number; worst: number }>();

describe(`schedulers against PyTorch ${fixture.torch_version} (${fixture.platform})`, () => {
  it('has cases for every scheduler class', () => {
    const classes = new Set(fixture.cases.flatMap((c) => c.schedulers.map((s) => s.type)));
    for (const name of [
      'LambdaLR',
      'MultiplicativeLR',
      'StepLR',
      'MultiStepLR',
      'ConstantLR',
      'LinearLR',
      'ExponentialLR',
      'PolynomialLR',
      'CosineAnnealingLR',
      'CosineAnnealingWarmRestarts',
      'SequentialLR',
      'ChainedScheduler',
      'CyclicLR',
      'OneCycleLR',
      'ReduceLROnPlateau',
    ]) {
      expect(classes, name).toContain(name);
    }
  });

  for (const c of fixture.cases) {
    describe(c.id, () => {
      it('gives the same learning rates (and momenta) at every step', () => {
        const { trace } = withoutWarnings(() => replay(c));
        const worst = worstError(trace, c.trace);
        expect(worst).toBeLessThanOrEqual(TOLERANCE);
      });

      if (c.state_dicts) {
        it('has the same state dicts, and they survive JSON', () => {
          const { states } = withoutWarnings(() => replay(c));
          for (const { after, scheduler, state } of c.state_dicts!) {
            const ours = states.get(after)![scheduler] as StateDict;
            compareState(ours, state, `${c.id} state after ${after}`);
            const fresh = buildSchedulers(buildOptimizer(c.optimizer), c.schedulers)[scheduler]!;
            fresh.loadStateDict(JSON.parse(JSON.stringify(ours)));
            expect(fresh.stateDict()).toEqual(ours);
          }
        });
      }

      if (c.resume) {
        it(`resumes from state dicts after action ${c.resume.at} exactly as PyTorch does`, () => {
          const trace = withoutWarnings(() => resumeTrace(c, c.resume!.at));
          expect(worstError(trace, c.resume!.trace)).toBeLessThanOrEqual(TOLERANCE);
        });
      }
    });
  }
});
