/**
 * Shared comparisons of the port with PyTorch fixtures: close numbers, trace entries, state
 * values (with the fixtures' 'inf'/'nan' strings), replaying a case up to an action, resuming a
 * case through JSON state dicts, and the fixture suite every scheduler class's own test file runs.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  setWarningHandler,
  type Scheduler,
  type StateDict,
  type WarningHandler,
} from '../../src/scheduler/index.ts';
import {
  attempt,
  buildOptimizer,
  buildSchedulers,
  decodeNumber,
  perform,
  relError,
  snapshot,
  type ErrorCase,
  type FixtureFile,
  type SchedulerCase,
  type TraceEntry,
} from './replay.ts';

/** Relative tolerance for learning rates and momenta. */
export const TOLERANCE = 1e-12;

/** Reads a fixture file from test/fixtures. */
export function load<C>(name: string): FixtureFile<C> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Whether two numbers agree within {@link TOLERANCE}. */
export function isClose(a: number, b: number): boolean {
  return relError(a, b) <= TOLERANCE;
}

/**
 * Error cases whose arguments are valid in JavaScript: after JSON.parse, Python's 2.0 is the
 * integer 2 and its int 1 is the float 1.0 (documented in src/scheduler/differences.ts).
 */
export const NOT_EXPRESSIBLE_IN_JS: ReadonlySet<string> = new Set([
  'CosineAnnealingWarmRestarts/T_0=2.0',
  'OneCycleLR/pct_start=1',
]);

/** Worst error and number of snapshots compared in this test file. */
export const stats = { worst: 0, comparedSteps: 0 };

export function expectClose(ours: number, theirs: number, where: string): void {
  const err = relError(ours, theirs);
  stats.worst = Math.max(stats.worst, err);
  expect(err, `${where}: ${ours} vs ${theirs}`).toBeLessThanOrEqual(TOLERANCE);
}

export function compareEntry(ours: TraceEntry, theirs: TraceEntry, where: string): void {
  stats.comparedSteps += 1;
  for (const key of ['lr', 'last_lr', 'momentum', 'beta1'] as const) {
    const expected = theirs[key];
    if (expected === undefined) continue;
    const actual = ours[key];
    expect(actual, `${where} ${key}`).toBeDefined();
    expect(actual).toHaveLength(expected.length);
    expected.forEach((v, g) =>
      expectClose((actual as number[])[g] as number, v, `${where} ${key}[${g}]`),
    );
  }
}

/** Compares state values recursively; both sides may spell non-finite floats as strings. */
export function compareState(ours: unknown, theirs: unknown, where: string): void {
  const expected = decodeNumber(theirs);
  if (typeof expected === 'number') {
    const value = decodeNumber(ours);
    expect(typeof value, where).toBe('number');
    expectClose(value as number, expected, where);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(ours), where).toBe(true);
    expect(ours).toHaveLength(expected.length);
    expected.forEach((v, i) => compareState((ours as unknown[])[i], v, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) {
      compareState((ours as Record<string, unknown>)[k], v, `${where}.${k}`);
    }
  } else {
    expect(ours, where).toEqual(expected);
  }
}

/** Builds a case and performs its first `count` actions, recording traces and state dicts. */
export function run(c: SchedulerCase, count = c.actions.length) {
  const optimizer = buildOptimizer(c.optimizer);
  const schedulers = buildSchedulers(optimizer, c.schedulers);
  const trace = [snapshot(optimizer, schedulers.at(-1) as Scheduler)];
  const states: StateDict[][] = [schedulers.map((s) => s.stateDict())];
  for (const action of c.actions.slice(0, count)) {
    trace.push(snapshot(optimizer, perform(schedulers, action)));
    states.push(schedulers.map((s) => s.stateDict()));
  }
  return { optimizer, schedulers, trace, states };
}

/**
 * Saves after `at` actions (through JSON unless `viaJson` is false), loads into fresh objects
 * and performs the remaining actions.
 */
export function resumeTrace(c: SchedulerCase, at: number, viaJson = true): TraceEntry[] {
  const copy = <T>(value: T): T => (viaJson ? JSON.parse(JSON.stringify(value)) : value);
  const { optimizer, schedulers } = run(c, at);
  const optimizerState = copy(optimizer.stateDict());
  const schedulerState = copy((schedulers.at(-1) as Scheduler).stateDict());
  const freshOptimizer = buildOptimizer(c.optimizer);
  const fresh = buildSchedulers(freshOptimizer, c.schedulers);
  freshOptimizer.loadStateDict(optimizerState);
  (fresh.at(-1) as Scheduler).loadStateDict(schedulerState);
  return c.actions.slice(at).map((action) => snapshot(freshOptimizer, perform(fresh, action)));
}

/** How {@link describeClassFixtures} checks one scheduler class. */
export interface ClassFixtureSpec {
  /** The class, as the fixtures name it. */
  className: string;
  /** At least this many scheduler cases must involve the class, so a shrunk fixture fails. */
  minCases: number;
  /** At least this many error cases must end with the class. */
  minErrorCases: number;
  /** State-dict keys PyTorch 1.13 has and newest PyTorch (which the port follows) dropped. */
  onlyIn113: readonly string[];
  /** State-dict keys newest PyTorch added, for our state dict `ours` saved after `after` actions. */
  onlyInNewest: (ours: StateDict, after: number) => readonly string[];
  /** A further check of each of our state dicts, for what the common keys cannot show. */
  checkState?: (ours: StateDict, c: SchedulerCase, scheduler: number) => void;
}

/**
 * The fixture suite of one scheduler class: every case involving it replayed step by step, its
 * state dicts against 1.13's (the key differences named exactly), resume through JSON, and every
 * error case ending with it. Silences warnings for the file and logs the totals at the end.
 */
export function describeClassFixtures(spec: ClassFixtureSpec): void {
  const { className } = spec;
  const cases = load<SchedulerCase>('schedulers.json').cases.filter((c) =>
    c.schedulers.some((s) => s.type === className),
  );
  const errorCases = load<ErrorCase>('errors.json').cases.filter(
    (c) => c.schedulers.at(-1)?.type === className && !NOT_EXPRESSIBLE_IN_JS.has(c.id),
  );

  let previousHandler: WarningHandler;
  beforeAll(() => {
    previousHandler = setWarningHandler(() => {});
  });
  afterAll(() => {
    setWarningHandler(previousHandler);
    console.info(
      `${className}: ${cases.length} fixture cases, ${stats.comparedSteps} snapshots compared, worst relative error ${stats.worst}`,
    );
  });

  describe(`${className} against PyTorch 1.13 fixtures`, () => {
    it('has fixture cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(spec.minCases);
    });

    describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      it('matches the trace at every step', () => {
        const { trace } = run(c);
        expect(trace).toHaveLength(c.trace.length);
        trace.forEach((entry, k) => compareEntry(entry, c.trace[k] as TraceEntry, `step ${k}`));
      });

      if (c.state_dicts) {
        it('matches the state dicts (common keys)', () => {
          const { states } = run(c);
          for (const { after, scheduler, state } of c.state_dicts ?? []) {
            const ours = (states[after] as StateDict[])[scheduler] as StateDict;
            const oursKeys = Object.keys(ours);
            const theirKeys = Object.keys(state);
            expect(oursKeys.filter((k) => !theirKeys.includes(k)).sort()).toEqual(
              [...spec.onlyInNewest(ours, after)].sort(),
            );
            expect(theirKeys.filter((k) => !oursKeys.includes(k)).sort()).toEqual(
              [...spec.onlyIn113].sort(),
            );
            for (const key of theirKeys.filter((k) => oursKeys.includes(k))) {
              compareState(ours[key], state[key], `after ${after}: ${key}`);
            }
            spec.checkState?.(ours, c, scheduler);
          }
        });
      }

      if (c.resume) {
        const resume = c.resume;
        it('resumes from JSON state dicts like PyTorch', () => {
          const trace = resumeTrace(c, resume.at);
          expect(trace).toHaveLength(resume.trace.length);
          trace.forEach((entry, k) =>
            compareEntry(entry, resume.trace[k] as TraceEntry, `resumed ${k}`),
          );
        });
      }

      // resumeTrace restores only the last scheduler's state: not enough to resume a chain at
      // an arbitrary step.
      if (c.schedulers.length === 1) {
        it('resumes identically from every step, through JSON', () => {
          for (let at = 0; at < c.actions.length; at += 1) {
            resumeTrace(c, at).forEach((entry, k) =>
              compareEntry(entry, c.trace[at + k + 1] as TraceEntry, `resumed at ${at}, +${k}`),
            );
          }
        });
      }
    });
  });

  describe(`${className} errors against PyTorch`, () => {
    it('has error cases', () => {
      expect(errorCases.length).toBeGreaterThanOrEqual(spec.minErrorCases);
    });

    it.each(errorCases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      const thrown = attempt(c);
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).name).toBe(c.error.type);
      expect((thrown as Error).message).toBe(c.error.message);
    });
  });
}
