/**
 * The formula of each scheduler the playground offers, as TeX with a marked slot for every number
 * that comes from a configuration, and the text of those numbers for a given configuration.
 *
 * The TeX is typeset once, at build time (`render-formula.ts`); in the browser only the text of
 * the marked slots changes, so no TeX engine ships to the page. A scheduler whose formula changes
 * shape with a choice (`CyclicLR`'s `mode`; `OneCycleLR`'s `anneal_strategy` and `three_phase`)
 * has one variant per shape. Pure: strings in, strings out.
 *
 * `t` counts scheduler steps since construction and `η₀` is the optimizer's `lr`; each formula is
 * PyTorch's closed form (for the recursive schedulers, the closed form their recursion follows).
 *
 * @module
 */
import type { OptionValue } from '../schedule-chart/model.ts';
import type { PlaygroundSeries } from './model.ts';

/** Writes the slot of a substituted value into TeX, e.g. `\htmlData{param=T_max}{\text{100}}`. */
export type Slot = (param: string) => string;

const cyclicModes = ['triangular', 'triangular2', 'exp_range'] as const;
const annealing = ['cos', 'linear'] as const;

/**
 * Every formula variant, by key: a scheduler name, or `CyclicLR:<mode>`,
 * `OneCycleLR:<strategy>:<phases>`. The composites have none: their children's formulas apply
 * piece by piece (`SequentialLR`) or one after another (`ChainedScheduler`).
 */
export const formulaVariants: readonly string[] = [
  'StepLR',
  'MultiStepLR',
  'ConstantLR',
  'LinearLR',
  'ExponentialLR',
  'PolynomialLR',
  'CosineAnnealingLR',
  'CosineAnnealingWarmRestarts',
  ...cyclicModes.map((mode) => `CyclicLR:${mode}`),
  ...annealing.flatMap((strategy) => [2, 3].map((phases) => `OneCycleLR:${strategy}:${phases}`)),
  'ReduceLROnPlateau',
  'LambdaLR',
  'MultiplicativeLR',
];

/**
 * The variant of a configuration's formula.
 *
 * @param series - The configuration.
 * @returns One of {@link formulaVariants}; a composite's name, which is none of them.
 * @example
 * formulaVariant({ scheduler: 'CyclicLR', options: { mode: 'exp_range' } }); // 'CyclicLR:exp_range'
 */
export function formulaVariant(series: Pick<PlaygroundSeries, 'scheduler' | 'options'>): string {
  const { scheduler, options } = series;
  if (scheduler === 'CyclicLR') return `CyclicLR:${String(options['mode'])}`;
  if (scheduler === 'OneCycleLR') {
    return `OneCycleLR:${String(options['anneal_strategy'])}:${options['three_phase'] === true ? 3 : 2}`;
  }
  return scheduler;
}

const rows = (...lines: string[]) => `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
const cases = (...branches: [string, string][]) =>
  `\\begin{cases}${branches.map(([value, when]) => `${value} & ${when}`).join(' \\\\ ')}\\end{cases}`;

const cosineBody = (top: string, bottom: string, angle: string) =>
  `${bottom} + \\tfrac12\\left(${top} - ${bottom}\\right)\\left(1 + \\cos ${angle}\\right)`;

function cyclic(mode: string, p: Slot): string {
  const scale: Record<string, string> = {
    triangular: '1',
    triangular2: '2^{\\,1 - c},\\quad c = \\left\\lfloor 1 + \\frac{t}{u + d} \\right\\rfloor',
    exp_range: `\\gamma^{\\,t} = {${p('gamma')}}^{\\,t}`,
  };
  return rows(
    `\\eta_t &= \\eta_{\\mathrm{base}} + (\\eta_{\\max} - \\eta_{\\mathrm{base}})\\, h(t)\\, f(t)`,
    `&= ${p('base_lr')} + (${p('max_lr')} - ${p('base_lr')})\\, h(t)\\, f(t)`,
    `h(t) &= ${cases(['\\tau / u', '\\tau \\le u'], ['1 - (\\tau - u) / d', '\\tau > u'])},\\quad \\tau = t \\bmod (u + d)`,
    `u &= ${p('step_size_up')},\\quad d = ${p('step_size_down')}`,
    `f(t) &= ${scale[mode]!}`,
  );
}

function oneCycle(strategy: string, phases: number, p: Slot): string {
  const fraction = (from: string, to: string) => `\\frac{t - ${from}}{${to} - ${from}}`;
  const branches: [string, string][] =
    phases === 3
      ? [
          ['A(\\eta_i,\\ \\eta_{\\max},\\ t / s_1)', 't \\le s_1'],
          [`A(\\eta_{\\max},\\ \\eta_i,\\ ${fraction('s_1', 's_2')})`, 's_1 < t \\le s_2'],
          [`A(\\eta_i,\\ \\eta_{\\min},\\ ${fraction('s_2', '(T - 1)')})`, 't > s_2'],
        ]
      : [
          ['A(\\eta_i,\\ \\eta_{\\max},\\ t / s_1)', 't \\le s_1'],
          [`A(\\eta_{\\max},\\ \\eta_{\\min},\\ ${fraction('s_1', '(T - 1)')})`, 't > s_1'],
        ];
  const anneal = strategy === 'cos' ? cosineBody('a', 'b', '\\pi x') : 'a + (b - a)\\, x';
  const s2 = phases === 3 ? `,\\quad s_2 = 2 \\cdot ${p('pct_start')} \\cdot T - 2` : '';
  return rows(
    `\\eta_t &= ${cases(...branches)}`,
    `A(a, b, x) &= ${anneal}`,
    `T &= ${p('total_steps')},\\quad s_1 = ${p('pct_start')} \\cdot T - 1${s2}`,
    `\\eta_{\\max} &= ${p('max_lr')},\\quad \\eta_i = \\eta_{\\max} / ${p('div_factor')},\\quad \\eta_{\\min} = \\eta_i / ${p('final_div_factor')}`,
  );
}

const schedulerTex: Readonly<Record<string, (p: Slot) => string>> = {
  StepLR: (p) =>
    rows(
      `\\eta_t &= \\eta_0 \\cdot \\gamma^{\\lfloor t / \\mathrm{step\\_size} \\rfloor}`,
      `&= ${p('lr')} \\cdot {${p('gamma')}}^{\\lfloor t / ${p('step_size')} \\rfloor}`,
    ),
  MultiStepLR: (p) =>
    rows(
      `\\eta_t &= \\eta_0 \\cdot \\gamma^{\\,|\\{m \\in M \\,:\\, m \\le t\\}|}`,
      `&= ${p('lr')} \\cdot {${p('gamma')}}^{\\,|\\{m \\in M \\,:\\, m \\le t\\}|},\\quad M = \\{${p('milestones')}\\}`,
    ),
  ConstantLR: (p) =>
    rows(
      `\\eta_t &= ${cases(['\\eta_0 \\cdot \\mathrm{factor}', 't < \\mathrm{total\\_iters}'], ['\\eta_0', 't \\ge \\mathrm{total\\_iters}'])}`,
      `&= ${cases([`${p('lr')} \\cdot ${p('factor')}`, `t < ${p('total_iters')}`], [p('lr'), `t \\ge ${p('total_iters')}`])}`,
    ),
  LinearLR: (p) =>
    rows(
      `\\eta_t &= \\eta_0 \\left(s + (e - s)\\, \\frac{\\min(t,\\, T)}{T}\\right)`,
      `s &= ${p('start_factor')},\\quad e = ${p('end_factor')},\\quad T = ${p('total_iters')},\\quad \\eta_0 = ${p('lr')}`,
    ),
  ExponentialLR: (p) =>
    rows(`\\eta_t &= \\eta_0 \\cdot \\gamma^{\\,t}`, `&= ${p('lr')} \\cdot {${p('gamma')}}^{\\,t}`),
  PolynomialLR: (p) =>
    rows(
      `\\eta_t &= \\eta_0 \\left(1 - \\frac{\\min(t,\\, T)}{T}\\right)^{p}`,
      `&= ${p('lr')} \\left(1 - \\frac{\\min(t,\\, ${p('total_iters')})}{${p('total_iters')}}\\right)^{${p('power')}}`,
    ),
  CosineAnnealingLR: (p) =>
    rows(
      `\\eta_t &= ${cosineBody('\\eta_0', '\\eta_{\\min}', '\\frac{\\pi t}{T_{\\max}}')}`,
      `&= ${cosineBody(p('lr'), p('eta_min'), `\\frac{\\pi t}{${p('T_max')}}`)}`,
    ),
  CosineAnnealingWarmRestarts: (p) =>
    rows(
      `\\eta_t &= ${cosineBody('\\eta_0', '\\eta_{\\min}', '\\frac{\\pi T_{cur}}{T_i}')}`,
      `&= ${cosineBody(p('lr'), p('eta_min'), '\\frac{\\pi T_{cur}}{T_i}')}`,
      `T_i &= T_0 \\cdot T_{mult}^{\\,i} = ${p('T_0')} \\cdot {${p('T_mult')}}^{\\,i}`,
    ),
  ReduceLROnPlateau: (p) =>
    rows(
      `\\eta &\\leftarrow ${cases(['\\max(\\eta \\cdot \\mathrm{factor},\\ \\mathrm{min\\_lr})', 'n_{\\mathrm{bad}} > \\mathrm{patience}'], ['\\eta', 'n_{\\mathrm{bad}} \\le \\mathrm{patience}'])}`,
      `&= ${cases([`\\max(\\eta \\cdot ${p('factor')},\\; ${p('min_lr')})`, `n_{\\mathrm{bad}} > ${p('patience')}`], ['\\eta', `n_{\\mathrm{bad}} \\le ${p('patience')}`])}`,
      `\\eta_0 &= ${p('lr')},\\quad \\mathrm{cooldown} = ${p('cooldown')}`,
    ),
  LambdaLR: (p) =>
    rows(
      `\\eta_t &= \\eta_0 \\cdot \\lambda(t)`,
      `&= ${p('lr')} \\cdot \\lambda(t),\\quad \\lambda(\\mathrm{epoch}) = ${p('lr_lambda')}`,
    ),
  MultiplicativeLR: (p) =>
    rows(
      `\\eta_t &= \\eta_{t-1} \\cdot \\lambda(t) = \\eta_0 \\prod_{s=1}^{t} \\lambda(s)`,
      `\\eta_0 &= ${p('lr')},\\quad \\lambda(\\mathrm{epoch}) = ${p('lr_lambda')}`,
    ),
};

/**
 * The TeX of a formula variant.
 *
 * @param variant - One of {@link formulaVariants}.
 * @param slot - Writes the slot of each substituted value.
 * @returns Display-mode TeX (an `aligned` block).
 * @throws {Error} For an unknown variant.
 */
export function formulaTex(variant: string, slot: Slot): string {
  const [scheduler, first, second] = variant.split(':');
  if (scheduler === 'CyclicLR' && first) return cyclic(first, slot);
  if (scheduler === 'OneCycleLR' && first && second) return oneCycle(first, Number(second), slot);
  const tex = schedulerTex[variant];
  if (!tex) throw new Error(`No formula for ${variant}`);
  return tex(slot);
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const minus = (text: string) => text.replace('-', '−');

/**
 * A number as a formula shows it: up to four significant digits, with a power of ten outside
 * `[0.001, 10⁶)` (`2.5×10⁻⁴`, `10⁻⁸`), true minus signs, `∞`, `NaN`; lists joined with commas;
 * `True`/`False`/`None` and strings as Python writes them.
 *
 * @param value - A value of a configuration.
 * @returns Plain text for a slot.
 * @example
 * formulaNumber(1 / 3); // '0.3333'
 * formulaNumber(1e-4); // '10⁻⁴'
 */
export function formulaNumber(value: OptionValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => formulaNumber(item)).join(', ');
  const number = value as number;
  if (Number.isNaN(number)) return 'NaN';
  if (!Number.isFinite(number)) return number > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(number);
  if (magnitude === 0) return '0';
  if (magnitude >= 1e-3 && magnitude < 1e6) return minus(String(Number(number.toPrecision(4))));
  let exponent = Math.floor(Math.log10(magnitude));
  let mantissa = Number((number / 10 ** exponent).toPrecision(4));
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  const digits = String(Math.abs(exponent)).replace(/\d/g, (digit) => superscripts[Number(digit)]!);
  const power = `10${exponent < 0 ? '⁻' : ''}${digits}`;
  if (mantissa === 1) return power;
  if (mantissa === -1) return `−${power}`;
  return `${minus(String(mantissa))}×${power}`;
}

/**
 * The text of every slot of a configuration's formula: each argument, `lr`, and the values PyTorch
 * derives when an argument is `None` (`CyclicLR`'s `step_size_down` = `step_size_up`;
 * `OneCycleLR`'s `total_steps` = `epochs × steps_per_epoch`).
 *
 * @param series - The configuration.
 * @returns Slot text by parameter name.
 */
export function formulaValues(series: PlaygroundSeries): Record<string, string> {
  const options = series.options;
  const values: Record<string, string> = { lr: formulaNumber(series.lr) };
  for (const [name, value] of Object.entries(options)) values[name] = formulaNumber(value);
  if (series.scheduler === 'CyclicLR' && options['step_size_down'] === null) {
    values['step_size_down'] = formulaNumber(options['step_size_up'] ?? null);
  }
  if (series.scheduler === 'OneCycleLR' && options['total_steps'] === null) {
    const epochs = options['epochs'];
    const perEpoch = options['steps_per_epoch'];
    values['total_steps'] =
      typeof epochs === 'number' && typeof perEpoch === 'number'
        ? formulaNumber(epochs * perEpoch)
        : 'None';
  }
  return values;
}
