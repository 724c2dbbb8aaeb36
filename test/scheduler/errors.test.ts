/**
 * Every invalid argument and degenerate step recorded from real PyTorch
 * (test/fixtures/errors.json): the port throws the same exception type with the same message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutWarnings } from '../../src/scheduler/index.ts';
import {
  buildOptimizer,
  buildSchedulers,
  perform,
  type ErrorCase,
  type FixtureFile,
} from '../helpers/replay.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/errors.json', import.meta.url), 'utf8'),
) as FixtureFile<ErrorCase>;

// After JSON.parse, Python's 2.0 is the integer 2 and its int 1 is the float 1.0: these
// two arguments are valid in JavaScript (documented in src/scheduler/differences.ts).
const NOT_EXPRESSIBLE_IN_JS = new Set([
  'CosineAnnealingWarmRestarts/T_0=2.0',
  'OneCycleLR/pct_start=1',
]);

function attempt(c: ErrorCase): unknown {
  try {
    withoutWarnings(() => {
      const optimizer = buildOptimizer(c.optimizer);
      const schedulers = buildSchedulers(optimizer, c.schedulers);
      for (const action of c.actions ?? []) perform(schedulers, action);
    });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(`errors against PyTorch ${fixture.torch_version}`, () => {
  for (const c of fixture.cases) {
    if (NOT_EXPRESSIBLE_IN_JS.has(c.id)) {
      it(`${c.id}: JavaScript's single number type makes it valid`, () => {
        expect(attempt(c)).toBeUndefined();
      });
      continue;
    }
    it(`${c.id}: ${c.error.type}`, () => {
      const error = attempt(c) as Error | undefined;
      expect(error, 'no exception').toBeInstanceOf(Error);
      expect(error!.name).toBe(c.error.type);
      expect(error!.message).toBe(c.error.message);
    });
  }
});
