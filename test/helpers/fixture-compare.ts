/**
 * Shared comparisons of the port with PyTorch fixtures: close numbers, trace entries, state
 * values (with the fixtures' 'inf'/'nan' strings), replaying a case up to an action, and
 * resuming a case through JSON state dicts.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Scheduler, StateDict } from '../../src/scheduler/index.ts';
import {
  buildOptimizer,
  buildSchedulers,
  decodeNumber,
  perform,
  relError,
  snapshot,
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
