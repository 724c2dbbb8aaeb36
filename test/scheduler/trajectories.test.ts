/**
 * Optimizers driven by schedulers on the saddle f(x, y) = x² − y² + y⁴/4, against the
 * trajectories real PyTorch recorded (test/fixtures/optimizers.json, cases with schedulers):
 * the lr a scheduler writes and, for OneCycleLR, the momentum or β₁ it cycles, feed the update.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutWarnings, type Param } from '../../src/scheduler/index.ts';
import {
  buildOptimizer,
  buildSchedulers,
  relError,
  type OptimizerSpec,
  type SchedulerSpec,
} from '../helpers/replay.ts';

interface TrajectoryCase {
  id: string;
  optimizer: OptimizerSpec;
  schedulers?: SchedulerSpec[];
  steps: number;
  trace: Array<{ params: number[][]; lr: number[] }>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/optimizers.json', import.meta.url), 'utf8'),
) as { cases: TrajectoryCase[] };

const TOLERANCE = 1e-10;

describe('optimizers under schedulers, against PyTorch trajectories', () => {
  const cases = fixture.cases.filter((c) => c.schedulers !== undefined);

  it('has scheduled cases for SGD and Adam', () => {
    expect(new Set(cases.map((c) => c.optimizer.type))).toEqual(new Set(['SGD', 'Adam']));
  });

  for (const c of cases) {
    it(c.id, () => {
      const params: Param[] = [];
      const optimizer = buildOptimizer(c.optimizer, (i) => {
        const start = (c.optimizer.groups[i] as { start: number[] }).start;
        const p: Param = { data: Float64Array.from(start), grad: null };
        params.push(p);
        return p;
      });
      let worst = 0;
      withoutWarnings(() => {
        const schedulers = buildSchedulers(optimizer, c.schedulers!);
        c.trace.forEach((expected, step) => {
          for (const p of params) {
            const [x, y] = p.data as unknown as [number, number];
            p.grad = Float64Array.of(2 * x, -2 * y + y * y * y);
          }
          optimizer.step();
          for (const s of schedulers) (s as unknown as { step(): void }).step();
          expected.params.forEach((xy, g) => {
            xy.forEach((v, k) => {
              worst = Math.max(worst, relError(params[g]!.data[k]!, v));
            });
          });
          expected.lr.forEach((lr, g) => {
            worst = Math.max(worst, relError(optimizer.paramGroups[g]!.lr, lr));
          });
          expect(worst, `step ${step}`).toBeLessThanOrEqual(TOLERANCE);
        });
      });
    });
  }
});
