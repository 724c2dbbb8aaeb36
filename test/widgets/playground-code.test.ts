/**
 * The playground's code export: for several states (every scheduler family, functions written as
 * expressions, composites with their children, per-batch stepping, the optimizer's momentum, four
 * configurations at once), the PyTorch program runs unchanged with
 * real PyTorch (`/usr/bin/python3` with Debian's python3-torch) and prints the learning rates the
 * playground draws; the TypeScript program, run with Node against the engine, prints exactly them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import { pytorchCode, typescriptCode } from '../../src/widgets/schedule-chart/code.ts';
import { addChild, setChildScheduler } from '../../src/widgets/playground/composite.ts';
import * as expressionLanguage from '../../src/widgets/playground/expression.ts';
import {
  addSeries,
  applyFieldTexts,
  defaultState,
  evaluateState,
  setScheduler,
  stateFromQuery,
  toChartSpec,
  type PlaygroundState,
  provideExpressions,
} from '../../src/widgets/playground/model.ts';

// The page loads the lr_lambda language as a chunk of its own; the model's tests have it at once.
provideExpressions(expressionLanguage);

const edit = (state: PlaygroundState, entries: Record<string, string>) => {
  const applied = applyFieldTexts(state, new Map(Object.entries(entries)));
  expect(applied.problems).toEqual([]);
  return applied.state;
};

/** A composite with a third child of the given scheduler. */
const threeChildren = (
  composite: 'SequentialLR' | 'ChainedScheduler',
  third: Parameters<typeof setChildScheduler>[3],
) => setChildScheduler(addChild(setScheduler(defaultState(), 0, composite), 0), 0, 2, third);

const states: Record<string, PlaygroundState> = {
  default: defaultState(),
  'warm restarts per batch': edit(setScheduler(defaultState(), 0, 'CosineAnnealingWarmRestarts'), {
    epochs: '15',
    stepsPerEpoch: '8',
    'series.0.options.T_0': '3',
    'series.0.options.T_mult': '2',
    'series.0.options.eta_min': '1e-4',
    'series.0.lr': '0.1',
  }),
  'cyclic exp_range with momentum': edit(setScheduler(defaultState(), 0, 'CyclicLR'), {
    epochs: '60',
    'series.0.options.step_size_up': '7',
    'series.0.options.step_size_down': '5',
    'series.0.options.mode': "'exp_range'",
    'series.0.options.gamma': '0.99',
    'series.0.momentum': '0.9',
  }),
  'one cycle, three phases, from epochs': edit(setScheduler(defaultState(), 0, 'OneCycleLR'), {
    epochs: '10',
    stepsPerEpoch: '12',
    'series.0.options.total_steps': 'None',
    'series.0.options.epochs': '10',
    'series.0.options.steps_per_epoch': '12',
    'series.0.options.anneal_strategy': "'linear'",
    'series.0.options.three_phase': 'True',
    'series.0.options.max_lr': '0.3',
  }),
  'four at once': (() => {
    let state = addSeries(addSeries(addSeries(defaultState())));
    state = setScheduler(state, 0, 'ReduceLROnPlateau');
    state = setScheduler(state, 1, 'MultiStepLR');
    state = setScheduler(state, 2, 'LinearLR');
    state = setScheduler(state, 3, 'PolynomialLR');
    return edit(state, {
      epochs: '40',
      'series.0.options.patience': '2',
      'series.0.options.cooldown': '1',
      'series.0.options.min_lr': '1e-5',
      'series.1.options.milestones': '5, 12, 12, 30',
      'series.1.options.gamma': '0.5',
      'series.2.options.start_factor': '0.25',
      'series.2.options.total_iters': '9',
      'series.3.options.power': '2.5',
      'series.3.options.total_iters': '33',
      'series.3.lr': '0.05',
    });
  })(),
  'LambdaLR: warm-up times a cosine, per batch': edit(setScheduler(defaultState(), 0, 'LambdaLR'), {
    epochs: '30',
    stepsPerEpoch: '3',
    'series.0.lr': '0.1',
    'series.0.options.lr_lambda':
      'min(1, (epoch + 1) / 10) * 0.5 * (1 + math.cos(math.pi * epoch / 90))',
  }),
  'MultiplicativeLR and LambdaLR with powers and logs': (() => {
    const state = setScheduler(
      setScheduler(addSeries(defaultState()), 0, 'MultiplicativeLR'),
      1,
      'LambdaLR',
    );
    return edit(state, {
      epochs: '50',
      'series.0.options.lr_lambda': '0.97 ** (1 / (epoch + 1))',
      'series.1.options.lr_lambda':
        '-2 ** -1 * -math.log(epoch + 2, 10) + abs(-1e-3) * math.sqrt(epoch) * math.exp(-epoch / 20)',
      'series.1.lr': '0.05',
    });
  })(),
  'SequentialLR: warm-up + cosine, then a third child': edit(
    threeChildren('SequentialLR', 'LambdaLR'),
    {
      epochs: '60',
      'series.0.lr': '0.1',
      'series.0.options.milestones': '5, 40',
      'series.0.options.schedulers.1.options.T_max': '35',
      'series.0.options.schedulers.2.options.lr_lambda': '0.5 * 0.9 ** epoch',
    },
  ),
  'ChainedScheduler: warm-up chained with an exponential decay, and a MultiStepLR': edit(
    threeChildren('ChainedScheduler', 'MultiStepLR'),
    {
      epochs: '40',
      'series.0.options.schedulers.1.options.gamma': '0.97',
      'series.0.options.schedulers.2.options.milestones': '10, 25',
    },
  ),
  'from a link': stateFromQuery(
    's1=StepLR&s1.step_size=4&s1.gamma=0.7&s2=ExponentialLR&s2.gamma=0.93&s2.lr=0.2&s3=ConstantLR&s3.factor=0.5&epochs=25',
  ),
};

/** The learning rates a program prints (second column), one per line. */
const printedRates = (output: string) =>
  output
    .trim()
    .split('\n')
    .map((line) => Number(line.trim().split(/\s+/)[1]));

/** Every configuration's learning rates, in the order the programs print them. */
const drawnRates = (state: PlaygroundState) => {
  const evaluation = evaluateState(state);
  if (!evaluation.ok) throw new Error(`state does not draw: ${evaluation.problem.key}`);
  return evaluation.curves.flatMap((curve) => Array.from(curve.lr));
};

const cases = Object.entries(states);
const work = mkdtempSync(join(tmpdir(), 'playground-code-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the TypeScript export', () => {
  const engine = new URL('../../src/scheduler/index.ts', import.meta.url).href;
  it.each(cases)('of “%s” prints exactly what the playground draws', (name, state) => {
    const file = join(work, `${name.replace(/\W+/g, '-')}.ts`);
    writeFileSync(
      file,
      typescriptCode(toChartSpec(state)).replace("'lr-schedules'", `'${engine}'`),
    );
    const output = execFileSync(process.execPath, [file], { encoding: 'utf8' });
    expect(printedRates(output)).toEqual(drawnRates(state));
  });
});

const python = '/usr/bin/python3';
const hasTorch = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
if (!hasTorch) {
  console.warn(`Skipping the PyTorch export tests: ${python} cannot import torch.`);
}

describe.skipIf(!hasTorch)(
  hasTorch
    ? 'the PyTorch export, run unchanged with real PyTorch'
    : `the PyTorch export (SKIPPED: ${python} has no torch)`,
  () => {
    // PyTorch 1.13 (the installed oracle) and newest PyTorch, which the engine follows, may differ
    // in the last bits of recursive formulas; nothing larger is allowed.
    const TOLERANCE = 1e-12;
    const outputs = new Map<string, string>();

    beforeAll(() => {
      // One interpreter for every program (torch imports once): the programs arrive as a JSON
      // list on standard input, and their outputs leave as a JSON list.
      const runner = [
        'import contextlib, io, json, sys, warnings',
        "warnings.simplefilter('ignore')",
        'results = []',
        'for source in json.load(sys.stdin):',
        '    captured = io.StringIO()',
        '    with contextlib.redirect_stdout(captured):',
        "        exec(compile(source, '<playground>', 'exec'), {'__name__': '__main__'})",
        '    results.append(captured.getvalue())',
        'print(json.dumps(results))',
      ].join('\n');
      const programs = cases.map(([, state]) => pytorchCode(toChartSpec(state)));
      const output = execFileSync(python, ['-c', runner], {
        input: JSON.stringify(programs),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      (JSON.parse(output) as string[]).forEach((text, i) => outputs.set(cases[i]![0], text));
    }, 120_000);

    it.each(cases)('of “%s” prints what the playground draws', (name, state) => {
      const expected = drawnRates(state);
      const actual = printedRates(outputs.get(name)!);
      expect(actual).toHaveLength(expected.length);
      actual.forEach((value, k) => {
        expect(Math.abs(value - expected[k]!), `step ${k}`).toBeLessThanOrEqual(TOLERANCE);
      });
    });
  },
);
