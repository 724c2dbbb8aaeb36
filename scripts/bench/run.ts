/**
 * `npm run bench`: the engine's speed, printed as figures and ratios measured in one run.
 *
 * - Per-step cost of every scheduler in Node, and of the same configuration in real PyTorch
 *   (Debian's /usr/bin/python3 with python3-torch) when it is available, with the ratio.
 * - Time to sample a 100,000-step curve with sampleSchedule.
 * - The widgets in headless Chromium on the built site (built first when stale), each script in its
 *   own process: the playground's redraw ({@link ./playground.ts}), the saddle explorer's frame
 *   rate and the training run's epochs per second ({@link ./widgets.ts}).
 * - Then Lighthouse on every page of the built site (`lighthouse.ts`, also `npm run
 *   bench:lighthouse`).
 *
 * The first line names the machine's load average, as the browser figures move with it.
 *
 * Not a test: figures depend on the machine; compare ratios within one run. `--readme` writes the
 * tables into README.md.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { ensureBuilt } from '../e2e/site.ts';
import { writeReadmeSection } from '../readme-section.ts';
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiplicativeLR,
  MultiStepLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  sampleSchedule,
  SequentialLR,
  SGD,
  StepLR,
  withoutWarnings,
  type Optimizer,
} from '../../src/scheduler/index.ts';

interface Config {
  name: string;
  options: Record<string, unknown>;
}

const configsPath = new URL('./configs.json', import.meta.url).pathname;
const configs = JSON.parse(readFileSync(configsPath, 'utf8')) as Config[];
const PYTORCH_STEPS = 5_000;
const LAMBDAS: Record<string, (e: number) => number> = {
  'pow0.99': (e) => 0.99 ** e,
  'const0.9999': () => 0.9999,
};

type Stepper = { step(arg?: number): void };

function build(name: string, options: Record<string, unknown>): Stepper {
  const opt: Optimizer = new SGD([{ data: new Float64Array(1), grad: null }], {
    lr: 0.1,
    momentum: 0.9,
  });
  const o = { ...options } as never;
  if (typeof options['lr_lambda'] === 'string') {
    (o as Record<string, unknown>)['lr_lambda'] = LAMBDAS[options['lr_lambda']];
  }
  switch (name) {
    case 'LambdaLR':
      return new LambdaLR(opt, o);
    case 'MultiplicativeLR':
      return new MultiplicativeLR(opt, o);
    case 'StepLR':
      return new StepLR(opt, o);
    case 'MultiStepLR':
      return new MultiStepLR(opt, o);
    case 'ConstantLR':
      return new ConstantLR(opt, o);
    case 'LinearLR':
      return new LinearLR(opt, o);
    case 'ExponentialLR':
      return new ExponentialLR(opt, o);
    case 'PolynomialLR':
      return new PolynomialLR(opt, o);
    case 'CosineAnnealingLR':
      return new CosineAnnealingLR(opt, o);
    case 'CosineAnnealingWarmRestarts':
      return new CosineAnnealingWarmRestarts(opt, o);
    case 'CyclicLR':
      return new CyclicLR(opt, o);
    case 'OneCycleLR':
      return new OneCycleLR(opt, o);
    case 'ReduceLROnPlateau': {
      const s = new ReduceLROnPlateau(opt, o);
      return { step: () => s.step(1.0) };
    }
    case 'SequentialLR':
      return new SequentialLR(opt, {
        schedulers: [
          new LinearLR(opt, { start_factor: 0.1, total_iters: 5 }),
          new CosineAnnealingLR(opt, { T_max: 100 }),
        ],
        milestones: [5],
      });
    case 'ChainedScheduler':
      return new ChainedScheduler([
        new ConstantLR(opt, { factor: 0.5, total_iters: 5 }),
        new ExponentialLR(opt, { gamma: 0.9999 }),
      ]);
    default:
      throw new Error(`unknown scheduler ${name}`);
  }
}

const NODE_STEPS = 300_000;

/** Best of five timed rounds after a warm-up round, so the figure is V8's optimised code. */
function nodeNsPerStep(config: Config): number {
  let best = Infinity;
  const s = build(config.name, config.options);
  for (let round = 0; round < 6; round += 1) {
    const start = process.hrtime.bigint();
    for (let k = 0; k < NODE_STEPS; k += 1) s.step();
    if (round > 0) best = Math.min(best, Number(process.hrtime.bigint() - start) / NODE_STEPS);
  }
  return best;
}

function pytorchNsPerStep(): Record<string, number> | null {
  if (!existsSync('/usr/bin/python3')) return null;
  try {
    const out = execFileSync(
      '/usr/bin/python3',
      [new URL('./pytorch_steps.py', import.meta.url).pathname, configsPath, String(PYTORCH_STEPS)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return JSON.parse(out) as Record<string, number>;
  } catch {
    return null;
  }
}

const fmt = (x: number, digits = 1) => x.toFixed(digits).padStart(10);

/**
 * Each configuration is timed in its own Node process, as a program would use it: timing them
 * all in one process lets the shared base-class call sites turn megamorphic, which measures the
 * benchmark rather than the scheduler.
 */
function isolatedNsPerStep(config: Config): number {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [script, '--one', config.name], { encoding: 'utf8' });
  return Number(out.trim());
}

const lines: string[] = [];
function say(line: string): void {
  lines.push(line);
  console.log(line);
}

function main(): void {
  const torch = pytorchNsPerStep();
  say(
    `node ${process.version}; PyTorch ${torch ? torch['torch_version'] : 'not available'}; ` +
      `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start`,
  );
  say('');
  say('| scheduler | TypeScript ns/step | PyTorch ns/step | speed-up |');
  say('|---|---:|---:|---:|');
  const ratios: number[] = [];
  for (const config of configs) {
    const ours = isolatedNsPerStep(config);
    const theirs = torch?.[config.name];
    const ratio = theirs ? theirs / ours : NaN;
    if (theirs) ratios.push(ratio);
    say(
      `| ${config.name} | ${fmt(ours)} | ${theirs ? fmt(theirs, 0) : 'n/a'} | ${theirs ? `${fmt(ratio, 0)}×` : 'n/a'} |`,
    );
  }
  if (ratios.length > 0) {
    const min = Math.min(...ratios);
    const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
    say('');
    say(`speed-up: minimum ${min.toFixed(0)}×, geometric mean ${geo.toFixed(0)}× (target ≥ 200×)`);
  }

  const samples: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const start = process.hrtime.bigint();
    sampleSchedule((opt) => new CosineAnnealingWarmRestarts(opt, { T_0: 10, T_mult: 2 }), {
      lr: 0.1,
      epochs: 1000,
      stepsPerEpoch: 100,
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  say('');
  say(
    `sampleSchedule, 100,000 steps (CosineAnnealingWarmRestarts, fractional epochs): median ${samples[3]!.toFixed(2)} ms`,
  );
}

/** The browser benchmarks, each in its own process; what they print becomes part of the report. */
async function browserFigures(): Promise<void> {
  // Built here, with the build's log on the console, so that the scripts' output is only figures.
  await ensureBuilt();
  say('');
  say('Widgets in headless Chromium (Debian `/usr/bin/chromium`), built site:');
  say('');
  for (const script of ['playground.ts', 'widgets.ts']) {
    const out = execFileSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    for (const line of out.trim().split('\n')) say(`- ${line}`);
  }
}

const one = process.argv.indexOf('--one');
if (one !== -1) {
  const config = configs.find((c) => c.name === process.argv[one + 1]) as Config;
  withoutWarnings(() => console.log(nodeNsPerStep(config)));
} else {
  withoutWarnings(main);
  await browserFigures();
}

if (one === -1 && process.argv.includes('--readme')) {
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- --readme\`:`;
  writeReadmeSection('bench', `${stamp}\n\n${lines.join('\n')}`);
}

if (one === -1) {
  const lighthouse = fileURLToPath(new URL('./lighthouse.ts', import.meta.url));
  const flags = process.argv.includes('--readme') ? ['--readme'] : [];
  execFileSync(process.execPath, [lighthouse, ...flags], { stdio: 'inherit' });
}
