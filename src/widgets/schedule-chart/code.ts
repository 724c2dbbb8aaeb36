/**
 * Code generation for the `ScheduleChart` widget: the PyTorch (and equivalent TypeScript) code of
 * a chart, as lines of tokens whose values can be editable fields, and as complete runnable
 * programs that print the learning rate of every step, in the order the chart samples them.
 *
 * Pure: strings in, strings out.
 *
 * @module
 */
import {
  PLATEAU_METRIC,
  SGD_MOMENTUM,
  editableFields,
  type ChartSpec,
  type EditableField,
  type OptionValue,
  type SchedulerSpec,
} from './model.ts';

/** A piece of a code line: literal text, or a value that is shown as an editable field. */
export type CodeToken =
  string | { readonly field: EditableField; readonly value: OptionValue; readonly literal: string };

/** One line of code. */
export type CodeLine = readonly CodeToken[];

/** The two languages the widget writes. */
export type CodeLanguage = 'python' | 'typescript';

/**
 * An `lr_lambda` that can be written as code: the function with its body in both languages
 * (`0.95 ** epoch`), printed as `lambda epoch: …` and `(epoch) => …`. Python's `math` module is
 * imported when the Python body uses it.
 */
export interface CodeFunction {
  (epoch: number): number;
  readonly python: string;
  readonly typescript: string;
}

/**
 * A value as a literal of the language: `None`/`null`, `True`/`true`, `float('nan')`/`NaN`,
 * `'cos'`, `[30, 80]`; numbers in JavaScript's shortest round-trip form, which Python reads back
 * to the same double.
 */
function literal(value: OptionValue, language: CodeLanguage): string {
  const py = language === 'python';
  if (value === null) return py ? 'None' : 'null';
  if (typeof value === 'boolean') return py ? (value ? 'True' : 'False') : String(value);
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, language)).join(', ')}]`;
  const number = value as number;
  if (Number.isNaN(number)) return py ? "float('nan')" : 'NaN';
  if (!Number.isFinite(number)) {
    const infinity = py ? "float('inf')" : 'Infinity';
    return number > 0 ? infinity : `-${infinity}`;
  }
  return String(number);
}

class Writer {
  readonly lines: CodeToken[][] = [[]];
  readonly language: CodeLanguage;
  readonly indent: string;
  private readonly fields: ReadonlyMap<string, EditableField>;

  constructor(language: CodeLanguage, fields: readonly EditableField[], indent = '') {
    this.language = language;
    this.indent = indent;
    this.fields = new Map(fields.map((field) => [field.path, field]));
  }

  text(text: string): this {
    text.split('\n').forEach((part, i) => {
      if (i > 0) this.lines.push(this.indent === '' ? [] : [this.indent]);
      if (part !== '') this.lines.at(-1)!.push(part);
    });
    return this;
  }

  value(path: string, value: OptionValue): this {
    const field = this.fields.get(path);
    if (!field) return this.text(literal(value, this.language));
    const token: CodeToken = {
      field,
      value,
      literal: Array.isArray(value)
        ? value.map((item) => literal(item, this.language)).join(', ')
        : literal(value, this.language),
    };
    if (Array.isArray(value)) return this.text('[').push(token).text(']');
    return this.push(token);
  }

  private push(token: CodeToken): this {
    this.lines.at(-1)!.push(token);
    return this;
  }
}

function schedulerNames(spec: SchedulerSpec): string[] {
  const children = (spec.options['schedulers'] as SchedulerSpec[] | undefined) ?? [];
  return [spec.scheduler, ...children.flatMap(schedulerNames)];
}

function writeScheduler(w: Writer, spec: SchedulerSpec, path: string, depth: number): void {
  const py = w.language === 'python';
  const unit = py ? '    ' : '  ';
  const pad = (n: number) => unit.repeat(n);
  const children = spec.options['schedulers'] as SchedulerSpec[] | undefined;
  const writeChildren = (childDepth: number) => {
    children!.forEach((child, i) => {
      w.text(`\n${pad(childDepth)}`);
      writeScheduler(w, child, `${path}.options.schedulers.${i}`, childDepth);
      w.text(',');
    });
  };
  if (spec.scheduler === 'SequentialLR') {
    const milestones = `${path}.options.milestones`;
    const value = spec.options['milestones'] as number[];
    if (py) {
      w.text(`SequentialLR(\n${pad(depth + 1)}optimizer,\n${pad(depth + 1)}schedulers=[`);
      writeChildren(depth + 2);
      w.text(`\n${pad(depth + 1)}],\n${pad(depth + 1)}milestones=`).value(milestones, value);
      w.text(`,\n${pad(depth)})`);
    } else {
      w.text(`new SequentialLR(optimizer, {\n${pad(depth + 1)}schedulers: [`);
      writeChildren(depth + 2);
      w.text(`\n${pad(depth + 1)}],\n${pad(depth + 1)}milestones: `).value(milestones, value);
      w.text(`,\n${pad(depth)}})`);
    }
    return;
  }
  if (spec.scheduler === 'ChainedScheduler') {
    w.text(py ? `ChainedScheduler(\n${pad(depth + 1)}[` : 'new ChainedScheduler([');
    writeChildren(py ? depth + 2 : depth + 1);
    w.text(py ? `\n${pad(depth + 1)}],\n${pad(depth)})` : `\n${pad(depth)}])`);
    return;
  }
  if (spec.scheduler === 'LambdaLR' || spec.scheduler === 'MultiplicativeLR') {
    const lambda = spec.options['lr_lambda'] as Partial<CodeFunction> | undefined;
    if (typeof lambda?.python !== 'string' || typeof lambda.typescript !== 'string') {
      throw new Error(`${spec.scheduler} takes a function and has no code representation`);
    }
    w.text(
      py
        ? `${spec.scheduler}(optimizer, lr_lambda=lambda epoch: ${lambda.python})`
        : `new ${spec.scheduler}(optimizer, { lr_lambda: (epoch) => ${lambda.typescript} })`,
    );
    return;
  }
  const entries = Object.entries(spec.options);
  if (py) {
    w.text(`${spec.scheduler}(optimizer`);
    for (const [key, value] of entries) {
      w.text(`, ${key}=`).value(`${path}.options.${key}`, value as OptionValue);
    }
    w.text(')');
    return;
  }
  w.text(`new ${spec.scheduler}(optimizer`);
  entries.forEach(([key, value], i) => {
    w.text(i === 0 ? ', { ' : ', ')
      .text(`${key}: `)
      .value(`${path}.options.${key}`, value as OptionValue);
  });
  w.text(entries.length > 0 ? ' })' : ')');
}

const comment = (language: CodeLanguage, label: string) =>
  `${language === 'python' ? '#' : '//'} ${label.replace(/\s+/g, ' ')}`;

function writeRunLength(w: Writer, spec: ChartSpec): void {
  const py = w.language === 'python';
  const declare = (name: string, path: string, value: number) => {
    w.text(py ? `${name} = ` : `const ${name} = `)
      .value(path, value)
      .text(py ? '\n' : ';\n');
  };
  declare('epochs', 'epochs', spec.epochs);
  if (spec.stepsPerEpoch !== undefined) declare('iters', 'stepsPerEpoch', spec.stepsPerEpoch);
}

function writeSeriesSetup(w: Writer, spec: ChartSpec, i: number, withLabel: boolean): void {
  const py = w.language === 'python';
  const series = spec.series[i]!;
  if (withLabel && spec.series.length > 1) {
    w.text(`${comment(w.language, series.label ?? String(i + 1))}\n`);
  }
  if (py) {
    w.text('optimizer = SGD(params, lr=').value(`series.${i}.lr`, series.lr);
    w.text(`, momentum=${literal(series.momentum ?? SGD_MOMENTUM, 'python')})\nscheduler = `);
    writeScheduler(w, series, `series.${i}`, 0);
    w.text('\n');
  } else {
    w.text('const optimizer = new SGD(params, { lr: ').value(`series.${i}.lr`, series.lr);
    w.text(
      `, momentum: ${literal(series.momentum ?? SGD_MOMENTUM, 'typescript')} });\nconst scheduler = `,
    );
    writeScheduler(w, series, `series.${i}`, 0);
    w.text(';\n');
  }
}

function writeLoop(w: Writer, spec: ChartSpec, i: number): void {
  const py = w.language === 'python';
  const series = spec.series[i]!;
  const perBatch = spec.stepsPerEpoch !== undefined;
  const step =
    series.scheduler === 'ReduceLROnPlateau'
      ? `scheduler.step(${literal(PLATEAU_METRIC, w.language)})`
      : series.scheduler === 'CosineAnnealingWarmRestarts' && perBatch
        ? // The next batch's fractional epoch, so each printed line shows the rate that batch uses.
          'scheduler.step(epoch + (i + 1) / iters)'
        : 'scheduler.step()';
  const x = perBatch ? 'epoch + i / iters' : 'epoch';
  const body = py
    ? [`print(${x}, optimizer.param_groups[0]['lr'])`, 'optimizer.step()', step]
    : [`console.log(${x}, optimizer.paramGroups[0]!.lr);`, 'optimizer.step();', `${step};`];
  const unit = py ? '    ' : '  ';
  const loops = py
    ? ['for epoch in range(epochs):', ...(perBatch ? ['for i in range(iters):'] : [])]
    : [
        'for (let epoch = 0; epoch < epochs; epoch++) {',
        ...(perBatch ? ['for (let i = 0; i < iters; i++) {'] : []),
      ];
  loops.forEach((line, depth) => w.text(`${unit.repeat(depth)}${line}\n`));
  for (const line of body) w.text(`${unit.repeat(loops.length)}${line}\n`);
  if (!py) {
    for (let depth = loops.length - 1; depth >= 0; depth -= 1) w.text(`${unit.repeat(depth)}}\n`);
  }
}

const isBlank = (line: readonly CodeToken[]) =>
  line.every((token) => typeof token === 'string' && token.trim() === '');

function trimLines(lines: CodeToken[][]): CodeToken[][] {
  while (lines.length > 0 && isBlank(lines.at(-1)!)) lines.pop();
  return lines;
}

/**
 * The code of a chart as lines of tokens.
 *
 * `scope: 'core'` gives the few lines the widget shows, whose values are editable fields:
 *
 * ```text
 * optimizer = SGD(params, lr=0.1, momentum=0.9)
 * scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=5, T_mult=2, eta_min=0)
 * epochs = 100
 * ```
 *
 * `scope: 'full'` gives a complete program (see {@link pytorchCode}).
 *
 * @param spec - An editable chart.
 * @param language - `python` or `typescript`.
 * @param scope - `core` or `full`.
 * @returns The lines; field tokens carry the {@link EditableField}, the value and its literal.
 * @throws {Error} For a chart with `LambdaLR`/`MultiplicativeLR` whose functions are no
 *   {@link CodeFunction}, and so have no code.
 */
export function codeLines(
  spec: ChartSpec,
  language: CodeLanguage,
  scope: 'core' | 'full' = 'core',
): CodeLine[] {
  const fields = editableFields(spec);
  const py = language === 'python';
  if (scope === 'core') {
    const w = new Writer(language, fields);
    spec.series.forEach((_, i) => writeSeriesSetup(w, spec, i, true));
    writeRunLength(w, spec);
    return trimLines(w.lines);
  }
  const names = [...new Set(spec.series.flatMap(schedulerNames))].sort();
  const w = new Writer(language, fields);
  if (py) {
    const python = (spec: SchedulerSpec): string[] => [
      (spec.options['lr_lambda'] as Partial<CodeFunction> | undefined)?.python ?? '',
      ...((spec.options['schedulers'] as SchedulerSpec[] | undefined) ?? []).flatMap(python),
    ];
    if (spec.series.flatMap(python).some((body) => body.includes('math.'))) w.text('import math\n');
    w.text('import torch\nfrom torch.optim import SGD\n');
    w.text(`from torch.optim.lr_scheduler import ${names.join(', ')}\n\n`);
  } else {
    w.text(`import { ${[...names, 'SGD'].sort().join(', ')} } from 'lr-schedules';\n\n`);
  }
  writeRunLength(w, spec);
  const blocks = !py && spec.series.length > 1;
  spec.series.forEach((series, i) => {
    w.text('\n');
    if (spec.series.length > 1) {
      w.text(`${comment(language, series.label ?? String(i + 1))}\n`);
    }
    const inner = blocks ? new Writer(language, fields, '  ') : w;
    if (blocks) inner.text('{\n');
    inner.text(
      py
        ? 'params = [torch.nn.Parameter(torch.zeros(1))]\n'
        : 'const params = [{ data: new Float64Array(1), grad: null }];\n',
    );
    writeSeriesSetup(inner, spec, i, false);
    writeLoop(inner, spec, i);
    if (blocks) {
      w.lines.pop();
      w.lines.push(...trimLines(inner.lines));
      w.text('\n}\n');
    }
  });
  return trimLines(w.lines);
}

/**
 * Lines of tokens as plain text (fields replaced by their literals).
 *
 * @param lines - From {@link codeLines}.
 * @returns The code, one `\n` after each line.
 */
export function codeText(lines: readonly CodeLine[]): string {
  return lines
    .map((line) =>
      line.map((token) => (typeof token === 'string' ? token : token.literal)).join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * A complete PyTorch program for a chart: imports, a one-element dummy parameter, an SGD
 * optimizer per series, the scheduler, and the training loop, printing `epoch lr` (or
 * `fractional-epoch lr` with `iters` steps per epoch) for every step the chart samples, in order.
 * Running it with PyTorch prints the chart's numbers.
 *
 * @param spec - An editable chart.
 * @returns Python source.
 * @throws {Error} For a chart with `LambdaLR`/`MultiplicativeLR`.
 * @example
 * pytorchCode(spec);
 * // import torch
 * // from torch.optim import SGD
 * // from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts
 * //
 * // epochs = 100
 * // …
 */
export function pytorchCode(spec: ChartSpec): string {
  return codeText(codeLines(spec, 'python', 'full'));
}

/**
 * The same program as {@link pytorchCode} with this project's TypeScript port (package
 * `lr-schedules`), e.g. `new CosineAnnealingWarmRestarts(optimizer, { T_0: 5, T_mult: 2 })`.
 *
 * @param spec - An editable chart.
 * @returns TypeScript source.
 * @throws {Error} For a chart with `LambdaLR`/`MultiplicativeLR`.
 */
export function typescriptCode(spec: ChartSpec): string {
  return codeText(codeLines(spec, 'typescript', 'full'));
}
