/**
 * Code generation of the `ScheduleChart` widget: the PyTorch and TypeScript text for a few
 * charts, the editable-field tokens of the code lines, and the programs themselves: the
 * TypeScript one is run with Node against the engine, and the PyTorch one with real PyTorch (when
 * `/usr/bin/python3` has torch); both must print the numbers the chart draws.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../helpers/scheduler-classes.ts';
import { codeLines, pytorchCode, typescriptCode } from '../../src/widgets/schedule-chart/code.ts';
import {
  chartSpecFromProps,
  evaluate,
  withShownDefaults,
  type ChartSpec,
  type ScheduleChartProps,
} from '../../src/widgets/schedule-chart/model.ts';

const chart = (props: ScheduleChartProps) => withShownDefaults(chartSpecFromProps(props));

const cawr = chart({
  scheduler: 'CosineAnnealingWarmRestarts',
  options: { T_0: 5, T_mult: 2 },
  lr: 0.1,
  epochs: 100,
});
const perBatch = chart({
  scheduler: 'CosineAnnealingWarmRestarts',
  options: { T_0: 5, T_mult: 2 },
  lr: 0.1,
  epochs: 35,
  stepsPerEpoch: 20,
});
const warmup = chart({
  scheduler: 'SequentialLR',
  options: {
    schedulers: [
      { scheduler: 'LinearLR', options: { start_factor: 0.1, total_iters: 5 } },
      { scheduler: 'CosineAnnealingLR', options: { T_max: 45 } },
    ],
    milestones: [5],
  },
  lr: 0.1,
  epochs: 50,
});
const twoSeries = chart({
  epochs: 30,
  series: [
    { scheduler: 'CosineAnnealingLR', options: { T_max: 5 }, lr: 0.1, label: 'cosine' },
    { scheduler: 'StepLR', options: { step_size: 4, gamma: 0.5 }, lr: 0.2 },
  ],
});
const others: ChartSpec[] = [
  chart({
    scheduler: 'OneCycleLR',
    options: { max_lr: 1, total_steps: 100 },
    lr: 0.1,
    epochs: 10,
    stepsPerEpoch: 10,
  }),
  chart({ scheduler: 'ReduceLROnPlateau', options: { patience: 3 }, lr: 0.1, epochs: 30 }),
  chart({
    scheduler: 'CyclicLR',
    options: { base_lr: 0.01, max_lr: 0.1, step_size_up: 4, mode: 'triangular2' },
    lr: 0.1,
    epochs: 30,
  }),
  chart({
    scheduler: 'ChainedScheduler',
    options: {
      schedulers: [
        { scheduler: 'ConstantLR', options: { factor: 0.5, total_iters: 2 } },
        { scheduler: 'ExponentialLR', options: { gamma: 0.9 } },
      ],
    },
    lr: 1,
    epochs: 12,
  }),
  chart({ scheduler: 'MultiStepLR', options: { milestones: [3, 7] }, lr: 0.1, epochs: 10 }),
];

describe('PyTorch code', () => {
  it('is a complete program for one scheduler', () => {
    expect(pytorchCode(cawr)).toBe(
      [
        'import torch',
        'from torch.optim import SGD',
        'from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts',
        '',
        'epochs = 100',
        '',
        'params = [torch.nn.Parameter(torch.zeros(1))]',
        'optimizer = SGD(params, lr=0.1, momentum=0.9)',
        'scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=5, T_mult=2, eta_min=0)',
        'for epoch in range(epochs):',
        "    print(epoch, optimizer.param_groups[0]['lr'])",
        '    optimizer.step()',
        '    scheduler.step()',
        '',
      ].join('\n'),
    );
  });

  it('steps with fractional epochs per batch, one batch ahead of the printed one', () => {
    expect(pytorchCode(perBatch)).toContain(
      [
        'for epoch in range(epochs):',
        '    for i in range(iters):',
        "        print(epoch + i / iters, optimizer.param_groups[0]['lr'])",
        '        optimizer.step()',
        '        scheduler.step(epoch + (i + 1) / iters)',
      ].join('\n'),
    );
    expect(pytorchCode(perBatch)).toContain('epochs = 35\niters = 20\n');
  });

  it('writes composites over several lines', () => {
    expect(pytorchCode(warmup)).toContain(
      [
        'from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR',
        '',
        'epochs = 50',
        '',
        'params = [torch.nn.Parameter(torch.zeros(1))]',
        'optimizer = SGD(params, lr=0.1, momentum=0.9)',
        'scheduler = SequentialLR(',
        '    optimizer,',
        '    schedulers=[',
        '        LinearLR(optimizer, start_factor=0.1, end_factor=1, total_iters=5),',
        '        CosineAnnealingLR(optimizer, T_max=45, eta_min=0),',
        '    ],',
        '    milestones=[5],',
        ')',
      ].join('\n'),
    );
  });

  it('writes one block per series, labelled by a comment', () => {
    const code = pytorchCode(twoSeries);
    expect(code).toContain('\n# cosine\nparams = ');
    expect(code).toContain('\n# 2\nparams = ');
    expect(code.match(/^for epoch in range\(epochs\):$/gm)).toHaveLength(2);
  });

  it('writes Python literals', () => {
    const code = pytorchCode(others[0]!);
    expect(code).toContain(
      "OneCycleLR(optimizer, max_lr=1, total_steps=100, pct_start=0.3, anneal_strategy='cos', div_factor=25, final_div_factor=10000, three_phase=False)",
    );
    expect(pytorchCode(others[1]!)).toContain('scheduler.step(1)');
  });
});

describe('TypeScript code', () => {
  it('is the same program with the port', () => {
    expect(typescriptCode(cawr)).toBe(
      [
        "import { CosineAnnealingWarmRestarts, SGD } from 'lr-schedules';",
        '',
        'const epochs = 100;',
        '',
        'const params = [{ data: new Float64Array(1), grad: null }];',
        'const optimizer = new SGD(params, { lr: 0.1, momentum: 0.9 });',
        'const scheduler = new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2, eta_min: 0 });',
        'for (let epoch = 0; epoch < epochs; epoch++) {',
        '  console.log(epoch, optimizer.paramGroups[0]!.lr);',
        '  optimizer.step();',
        '  scheduler.step();',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes composites and scopes each series in a block', () => {
    expect(typescriptCode(warmup)).toContain(
      [
        'const scheduler = new SequentialLR(optimizer, {',
        '  schedulers: [',
        '    new LinearLR(optimizer, { start_factor: 0.1, end_factor: 1, total_iters: 5 }),',
        '    new CosineAnnealingLR(optimizer, { T_max: 45, eta_min: 0 }),',
        '  ],',
        '  milestones: [5],',
        '});',
      ].join('\n'),
    );
    const code = typescriptCode(twoSeries);
    expect(code).toContain('// cosine\n{\n  const params = ');
    expect(code).toContain(
      '\n  const scheduler = new StepLR(optimizer, { step_size: 4, gamma: 0.5 });\n',
    );
    expect(code.endsWith('  }\n}\n')).toBe(true);
  });

  it('imports from the package this repository publishes', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      name: string;
      exports: Record<string, { default: string }>;
    };
    expect(pkg.name).toBe('lr-schedules');
    expect(pkg.exports['.']!.default).toBe('./src/scheduler/index.ts');
  });
});

describe('code lines shown in the widget', () => {
  it('make every value an editable field', () => {
    const lines = codeLines(perBatch, 'python');
    const text = lines.map((line) =>
      line
        .map((token) =>
          typeof token === 'string' ? token : `[${token.field.path}=${token.literal}]`,
        )
        .join(''),
    );
    expect(text).toEqual([
      'optimizer = SGD(params, lr=[series.0.lr=0.1], momentum=0.9)',
      'scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=[series.0.options.T_0=5], T_mult=[series.0.options.T_mult=2], eta_min=[series.0.options.eta_min=0])',
      'epochs = [epochs=35]',
      'iters = [stepsPerEpoch=20]',
    ]);
  });

  it('keep the brackets of a list outside its field', () => {
    const line = codeLines(others[4]!, 'python')[1]!;
    expect(
      line.map((token) => (typeof token === 'string' ? token : `<${token.literal}>`)).join(''),
    ).toBe('scheduler = MultiStepLR(optimizer, milestones=[<3, 7>], gamma=<0.1>)');
  });
});

/** The learning rates a program prints (second column), one per line. */
const printed = (output: string) =>
  output
    .trim()
    .split('\n')
    .map((line) => Number(line.trim().split(/\s+/)[1]));

/** What the chart draws: every curve's samples, one after the other. */
const drawn = (spec: ChartSpec) => {
  const evaluation = evaluate(spec);
  if (!evaluation.ok) throw new Error('expected a valid chart');
  return evaluation.curves.flatMap((curve) => Array.from(curve.lr));
};

const all = [cawr, perBatch, warmup, twoSeries, ...others];
const work = mkdtempSync(join(tmpdir(), 'schedule-chart-code-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the TypeScript program', () => {
  const engine = new URL('../../src/scheduler/index.ts', import.meta.url).href;
  it.each(all.map((spec, i) => [i, spec] as const))(
    'prints exactly what chart %i draws',
    (i, spec) => {
      const file = join(work, `chart-${i}.ts`);
      writeFileSync(file, typescriptCode(spec).replace("'lr-schedules'", `'${engine}'`));
      const output = execFileSync(process.execPath, [file], { encoding: 'utf8' });
      expect(printed(output)).toEqual(drawn(spec));
    },
  );
});

const python = '/usr/bin/python3';
const hasTorch = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasTorch)('the PyTorch program, run with real PyTorch', () => {
  // PyTorch 1.13 (the installed oracle) and newest PyTorch, which the engine follows, can differ
  // in the last bits of recursive formulas; nothing larger is allowed.
  const TOLERANCE = 1e-12;
  const outputs: string[] = [];

  beforeAll(() => {
    // One interpreter runs every program (importing torch once), separating their outputs.
    const files = all.map((spec, i) => {
      const file = join(work, `chart-${i}.py`);
      writeFileSync(file, pytorchCode(spec));
      return file;
    });
    const driver = join(work, 'run.py');
    writeFileSync(
      driver,
      [
        'import contextlib, io, runpy, sys, warnings',
        "warnings.simplefilter('ignore')",
        'for path in sys.argv[1:]:',
        '    buffer = io.StringIO()',
        '    with contextlib.redirect_stdout(buffer):',
        "        runpy.run_path(path, run_name='__main__')",
        "    print(buffer.getvalue(), end='\\x00')",
        '',
      ].join('\n'),
    );
    const output = execFileSync(python, [driver, ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    outputs.push(...output.split('\x00'));
  }, 60_000);

  it.each(all.map((spec, i) => [i, spec] as const))('prints what chart %i draws', (i, spec) => {
    const expected = drawn(spec);
    const actual = printed(outputs[i]!);
    expect(actual).toHaveLength(expected.length);
    actual.forEach((value, k) => {
      expect(Math.abs(value - expected[k]!), `step ${k}`).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});
