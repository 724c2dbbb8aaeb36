/**
 * Every invalid argument and degenerate step recorded from real PyTorch
 * (test/fixtures/errors.json): the port throws the same exception type with the same message.
 */
import { describe, expect, it } from 'vitest';
import { withoutWarnings } from '../../src/scheduler/index.ts';
import { load, NOT_EXPRESSIBLE_IN_JS } from '../helpers/fixture-compare.ts';
import { attempt, type ErrorCase } from '../helpers/replay.ts';

const fixture = load<ErrorCase>('errors.json');

const attemptQuietly = (c: ErrorCase): unknown => withoutWarnings(() => attempt(c));

describe(`errors against PyTorch ${fixture.torch_version}`, () => {
  for (const c of fixture.cases) {
    if (NOT_EXPRESSIBLE_IN_JS.has(c.id)) {
      it(`${c.id}: JavaScript's single number type makes it valid`, () => {
        expect(attemptQuietly(c)).toBeUndefined();
      });
      continue;
    }
    it(`${c.id}: ${c.error.type}`, () => {
      const error = attemptQuietly(c) as Error | undefined;
      expect(error, 'no exception').toBeInstanceOf(Error);
      expect(error!.name).toBe(c.error.type);
      expect(error!.message).toBe(c.error.message);
    });
  }
});
