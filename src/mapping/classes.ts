/**
 * The PyTorch → TypeScript API mapping of every class the engine exports: constructor
 * signatures with newest PyTorch's defaults, renamed methods and attributes, state-dict keys and
 * param-group keys. The mapping page renders it (`MappingTable.astro`); `test/mapping/` checks
 * every row against live instances of the engine, so the table cannot drift from the code.
 *
 * Signatures follow newest upstream PyTorch (`torch/optim/lr_scheduler.py`, `sgd.py`, `adam.py`,
 * `adamw.py`).
 *
 * @module
 */

import type {
  ClassMapping,
  DefaultValue,
  ErrorMapping,
  Localized,
  MemberMapping,
  NotPorted,
  ParamMapping,
} from './types.ts';

const DOCS = 'https://docs.pytorch.org/docs/stable/';
const schedulerDocs = (name: string): string =>
  `${DOCS}generated/torch.optim.lr_scheduler.${name}.html`;
const optimizerDocs = (name: string): string => `${DOCS}generated/torch.optim.${name}.html`;

const optimizerArg: ParamMapping = { name: 'optimizer', positional: true };
const paramsArg: ParamMapping = { name: 'params', positional: true };

/** An optional parameter with its default as PyTorch's signature spells it, and its value. */
const optional = (name: string, py: string, value: DefaultValue): ParamMapping => ({
  name,
  default: { py, value },
});

/** An optional parameter every param group stores under its own name (the optimizers'). */
const groupOption = (name: string, py: string, value: DefaultValue): ParamMapping => ({
  ...optional(name, py, value),
  stored: { group: name },
});

/** An optional parameter an instance keeps, as given, in `attribute`. */
const attributeOption = (
  name: string,
  py: string,
  value: DefaultValue,
  attribute: string,
): ParamMapping => ({ ...optional(name, py, value), stored: { attribute } });

const keywordOnly = (param: ParamMapping): ParamMapping => ({ ...param, keywordOnly: true });

const lastEpoch = optional('last_epoch', '-1', -1);

/** PyTorch's device and autograd switches, which have no meaning without tensors. */
const unsupported = (name: string, py: 'None' | 'False'): ParamMapping => ({
  ...keywordOnly(optional(name, py, py === 'None' ? null : false)),
  unsupported: true,
});

const same = (name: string): MemberMapping => ({ py: name, ts: name });

/** A snake_case member the port spells in camelCase (`get_last_lr` → `getLastLr`). */
const camel = (py: string): MemberMapping => ({
  py,
  ts: py.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()),
});

/** A member whose behaviour differs beyond its name. */
const noted = (member: MemberMapping, note: Localized): MemberMapping => ({ ...member, note });

/** Methods every epoch-based scheduler and composite shares. */
const schedulerCore: readonly MemberMapping[] = [
  same('step'),
  camel('get_last_lr'),
  noted(camel('state_dict'), {
    en: 'Returns a deep copy that survives `JSON.stringify`/`JSON.parse`.',
    'zh-cn': '返回深拷贝，可经 `JSON.stringify`/`JSON.parse` 往返。',
  }),
  camel('load_state_dict'),
];

/** The state-dict keys `LRScheduler` itself saves, after a subclass's own. */
const lrSchedulerStateKeys: readonly string[] = [
  'base_lrs',
  'last_epoch',
  '_step_count',
  '_is_initial',
  '_get_lr_called_within_step',
  '_last_lr',
];

const optimizerStateKeys: readonly string[] = ['state', 'param_groups'];

/** The optimizers' shared options, with newest PyTorch's defaults. */
const lrOption = groupOption('lr', '1e-3', 1e-3);
const maximizeOption = keywordOnly(groupOption('maximize', 'False', false));
const betasOption = groupOption('betas', '(0.9, 0.999)', [0.9, 0.999]);
const epsOption = groupOption('eps', '1e-8', 1e-8);
const amsgradOption = groupOption('amsgrad', 'False', false);

const adamGroupKeys: readonly string[] = [
  'params',
  'lr',
  'betas',
  'eps',
  'weight_decay',
  'amsgrad',
  'maximize',
  'decoupled_weight_decay',
];

type Derived = 'kind' | 'pytorch' | 'docs';

/** A concrete optimizer: it inherits everything but `step()` and adds no top-level state keys. */
const optimizer = (
  row: Omit<ClassMapping, Derived | 'inherits' | 'methods' | 'attributes' | 'stateDictKeys'>,
): ClassMapping => ({
  kind: 'optimizer',
  pytorch: `torch.optim.${row.name}`,
  docs: optimizerDocs(row.name),
  inherits: 'Optimizer',
  methods: [same('step')],
  attributes: [],
  stateDictKeys: optimizerStateKeys,
  ...row,
});

/** A class of `torch.optim.lr_scheduler`. */
const scheduler = (row: Omit<ClassMapping, Derived>): ClassMapping => ({
  kind: 'scheduler',
  pytorch: `torch.optim.lr_scheduler.${row.name}`,
  docs: schedulerDocs(row.name),
  ...row,
});

/**
 * A subclass of `LRScheduler`: by default it overrides no public method and, as every one
 * does, adds `initial_lr` to the param groups.
 */
const lrScheduler = (
  row: Omit<ClassMapping, Derived | 'inherits' | 'methods' | 'groupKeys'> &
    Partial<Pick<ClassMapping, 'methods' | 'groupKeys'>>,
): ClassMapping =>
  scheduler({ inherits: 'LRScheduler', methods: [], groupKeys: ['initial_lr'], ...row });

/** `LambdaLR` and `MultiplicativeLR`: one `lr_lambda` per group, saved as `null`. */
const lambdaScheduler = (name: string, summary: Localized): ClassMapping =>
  lrScheduler({
    name,
    summary,
    params: [optimizerArg, { name: 'lr_lambda' }, lastEpoch],
    attributes: [camel('lr_lambdas')],
    stateDictKeys: [...lrSchedulerStateKeys, 'lr_lambdas'],
    notes: [
      {
        en: 'The state dict holds `null` for every function in `lr_lambdas`; PyTorch saves `None` for plain functions too.',
        'zh-cn':
          '状态字典中 `lr_lambdas` 的每个函数都记为 `null`；PyTorch 对普通函数同样保存 `None`。',
      },
    ],
  });

const totalItersOption = attributeOption('total_iters', '5', 5, 'totalIters');
const etaMinOption = attributeOption('eta_min', '0.0', 0.0, 'etaMin');
const cycleMomentumOption = attributeOption('cycle_momentum', 'True', true, 'cycleMomentum');

/** Every exported optimizer and scheduler class, base classes first. */
export const classMappings: readonly ClassMapping[] = [
  {
    name: 'Optimizer',
    kind: 'optimizer',
    pytorch: 'torch.optim.Optimizer',
    docs: `${DOCS}optim.html`,
    abstract: true,
    subclassExample: [
      'class MyOptimizer extends Optimizer {',
      '  constructor(params: Param[], defaults: Record<string, unknown>) {',
      '    super(params, defaults);',
      '  }',
      '  step(closure?: () => number): number | undefined {',
      '    this._optCalled = true;',
      '    const loss = closure?.();',
      '    for (const { params, lr } of this.paramGroups) {',
      '      for (const p of params) p.data.set(p.data.map((x, i) => x - lr * (p.grad?.[i] ?? 0)));',
      '    }',
      '    return loss;',
      '  }',
      '}',
    ].join('\n'),
    summary: {
      en: 'Base class: param groups, per-parameter state, state dicts.',
      'zh-cn': '基类：参数组、逐参数状态与状态字典。',
    },
    params: [paramsArg, { name: 'defaults', positional: true }],
    methods: [
      noted(same('step'), {
        en: 'Takes the optional closure; returns its loss.',
        'zh-cn': '可传入闭包，返回闭包的损失。',
      }),
      noted(camel('zero_grad'), {
        en: '`set_to_none=True` is the positional `setToNone = true`.',
        'zh-cn': '`set_to_none=True` 对应位置参数 `setToNone = true`。',
      }),
      noted(camel('state_dict'), {
        en: 'Tensors become number arrays, so the result is plain JSON.',
        'zh-cn': '张量写成数字数组，结果是纯 JSON。',
      }),
      noted(camel('load_state_dict'), {
        en: 'Number arrays in the per-parameter state become `Float64Array`s again.',
        'zh-cn': '逐参数状态中的数字数组会还原为 `Float64Array`。',
      }),
      camel('add_param_group'),
    ],
    attributes: [
      camel('param_groups'),
      same('defaults'),
      noted(same('state'), {
        en: 'A `Map` keyed by the parameter object, where PyTorch has a dict keyed by tensor.',
        'zh-cn': '以参数对象为键的 `Map`；PyTorch 中是以张量为键的 dict。',
      }),
    ],
    stateDictKeys: optimizerStateKeys,
    groupKeys: ['params'],
    notes: [
      {
        en: 'A parameter is `{ data: Float64Array, grad: Float64Array | null }`: a flattened tensor with `requires_grad=True`. There are no hooks and no named parameters.',
        'zh-cn':
          '参数是 `{ data: Float64Array, grad: Float64Array | null }`，即展平的、`requires_grad=True` 的张量。没有钩子，也没有具名参数。',
      },
    ],
  },
  optimizer({
    name: 'SGD',
    summary: {
      en: 'Stochastic gradient descent with momentum, Nesterov, weight decay.',
      'zh-cn': '随机梯度下降，可选动量、Nesterov 动量与权重衰减。',
    },
    params: [
      paramsArg,
      lrOption,
      groupOption('momentum', '0', 0),
      groupOption('dampening', '0', 0),
      groupOption('weight_decay', '0', 0),
      groupOption('nesterov', 'False', false),
      maximizeOption,
      unsupported('foreach', 'None'),
      unsupported('differentiable', 'False'),
      unsupported('fused', 'None'),
    ],
    groupKeys: ['params', 'lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'maximize'],
    notes: [
      {
        en: 'Per-parameter state: `momentum_buffer`, only when the group has momentum.',
        'zh-cn': '逐参数状态：`momentum_buffer`，仅在参数组有动量时存在。',
      },
    ],
  }),
  optimizer({
    name: 'Adam',
    summary: {
      en: 'Adam, optionally AMSGrad or decoupled weight decay.',
      'zh-cn': 'Adam，可选 AMSGrad 或解耦权重衰减。',
    },
    params: [
      paramsArg,
      lrOption,
      betasOption,
      epsOption,
      groupOption('weight_decay', '0', 0),
      amsgradOption,
      unsupported('foreach', 'None'),
      maximizeOption,
      unsupported('capturable', 'False'),
      unsupported('differentiable', 'False'),
      unsupported('fused', 'None'),
      keywordOnly(groupOption('decoupled_weight_decay', 'False', false)),
    ],
    groupKeys: adamGroupKeys,
    notes: [
      {
        en: "Per-parameter state: `step` (a number, where PyTorch keeps a 0-d tensor), `exp_avg`, `exp_avg_sq`, and `max_exp_avg_sq` with AMSGrad. `betas` is an array, PyTorch's tuple.",
        'zh-cn':
          '逐参数状态：`step`（数字；PyTorch 中是 0 维张量）、`exp_avg`、`exp_avg_sq`，启用 AMSGrad 时还有 `max_exp_avg_sq`。`betas` 是数组，对应 PyTorch 的元组。',
      },
    ],
  }),
  optimizer({
    name: 'AdamW',
    summary: {
      en: 'Adam with decoupled weight decay.',
      'zh-cn': '使用解耦权重衰减的 Adam。',
    },
    params: [
      paramsArg,
      lrOption,
      betasOption,
      epsOption,
      groupOption('weight_decay', '1e-2', 1e-2),
      amsgradOption,
      maximizeOption,
      unsupported('foreach', 'None'),
      unsupported('capturable', 'False'),
      unsupported('differentiable', 'False'),
      unsupported('fused', 'None'),
    ],
    groupKeys: adamGroupKeys,
    notes: [
      {
        en: 'A subclass of `Adam` whose groups have `decoupled_weight_decay: true`, as in newest PyTorch.',
        'zh-cn': '是 `Adam` 的子类，参数组中 `decoupled_weight_decay: true`，与最新 PyTorch 相同。',
      },
    ],
  }),
  scheduler({
    name: 'LRScheduler',
    abstract: true,
    subclassExample: [
      'class MyScheduler extends LRScheduler {',
      '  constructor(optimizer: Optimizer, lastEpoch = -1) {',
      '    super(optimizer, lastEpoch);',
      '    this.initialStep();',
      '  }',
      '  getLr(): number[] {',
      '    return this.baseLrs.map((lr) => lr * 0.5 ** this.lastEpoch);',
      '  }',
      '}',
    ].join('\n'),
    summary: {
      en: 'Base class of the epoch-driven schedulers (`_LRScheduler` in 1.13).',
      'zh-cn': '按轮步进的调度器的基类（1.13 中为 `_LRScheduler`）。',
    },
    params: [optimizerArg, lastEpoch],
    methods: [
      noted(same('step'), {
        en: '`step(epoch)` still works and warns that the argument is deprecated, as in PyTorch.',
        'zh-cn': '`step(epoch)` 仍可用，并像 PyTorch 一样发出弃用警告。',
      }),
      ...schedulerCore.slice(1),
      noted(camel('get_lr'), {
        en: 'Warns when called outside `step()`; use `getLastLr()`.',
        'zh-cn': '在 `step()` 之外调用会发出警告；请用 `getLastLr()`。',
      }),
    ],
    attributes: [same('optimizer'), camel('base_lrs'), camel('last_epoch')],
    stateDictKeys: lrSchedulerStateKeys,
    groupKeys: ['initial_lr'],
    notes: [
      {
        en: 'A subclass implements `getLr()` and ends its constructor with `this.initialStep()`: JavaScript assigns subclass fields only after `super()` returns, so the base constructor cannot take the first step itself.',
        'zh-cn':
          '子类实现 `getLr()`，并在构造函数末尾调用 `this.initialStep()`：JavaScript 在 `super()` 返回之后才给子类字段赋值，所以基类构造函数无法自己执行第一步。',
      },
    ],
  }),
  lambdaScheduler('LambdaLR', {
    en: 'Initial learning rate times `lr_lambda(epoch)`.',
    'zh-cn': '初始学习率乘以 `lr_lambda(epoch)`。',
  }),
  lambdaScheduler('MultiplicativeLR', {
    en: 'Current learning rate times `lr_lambda(epoch)` at every step.',
    'zh-cn': '每步把当前学习率乘以 `lr_lambda(epoch)`。',
  }),
  lrScheduler({
    name: 'StepLR',
    summary: {
      en: 'Multiplies by `gamma` every `step_size` epochs.',
      'zh-cn': '每 `step_size` 轮乘以 `gamma`。',
    },
    params: [
      optimizerArg,
      { name: 'step_size', stored: { attribute: 'stepSize' } },
      attributeOption('gamma', '0.1', 0.1, 'gamma'),
      lastEpoch,
    ],
    attributes: [camel('step_size'), same('gamma')],
    stateDictKeys: ['step_size', 'gamma', ...lrSchedulerStateKeys],
  }),
  lrScheduler({
    name: 'MultiStepLR',
    summary: {
      en: 'Multiplies by `gamma` at each milestone epoch.',
      'zh-cn': '在每个里程碑轮次乘以 `gamma`。',
    },
    params: [
      optimizerArg,
      { name: 'milestones' },
      attributeOption('gamma', '0.1', 0.1, 'gamma'),
      lastEpoch,
    ],
    attributes: [
      noted(same('milestones'), {
        en: "PyTorch's `Counter` becomes an object from epoch to count, `{ '30': 1, '80': 1 }`, as JSON keeps it.",
        'zh-cn':
          "PyTorch 的 `Counter` 变成从轮次到次数的对象 `{ '30': 1, '80': 1 }`，与 JSON 的保存方式一致。",
      }),
      same('gamma'),
    ],
    stateDictKeys: ['milestones', 'gamma', ...lrSchedulerStateKeys],
  }),
  lrScheduler({
    name: 'ConstantLR',
    summary: {
      en: 'Multiplies by `factor` until `total_iters`, then restores the rate.',
      'zh-cn': '在 `total_iters` 之前乘以 `factor`，之后恢复原学习率。',
    },
    params: [
      optimizerArg,
      attributeOption('factor', '1.0 / 3', 1.0 / 3, 'factor'),
      totalItersOption,
      lastEpoch,
    ],
    attributes: [same('factor'), camel('total_iters')],
    stateDictKeys: ['factor', 'total_iters', ...lrSchedulerStateKeys],
  }),
  lrScheduler({
    name: 'LinearLR',
    summary: {
      en: 'Factor moves linearly from `start_factor` to `end_factor` over `total_iters`.',
      'zh-cn': '在 `total_iters` 步内，乘数从 `start_factor` 线性变到 `end_factor`。',
    },
    params: [
      optimizerArg,
      attributeOption('start_factor', '1.0 / 3', 1.0 / 3, 'startFactor'),
      attributeOption('end_factor', '1.0', 1.0, 'endFactor'),
      totalItersOption,
      lastEpoch,
    ],
    attributes: [camel('start_factor'), camel('end_factor'), camel('total_iters')],
    stateDictKeys: ['start_factor', 'end_factor', 'total_iters', ...lrSchedulerStateKeys],
  }),
  lrScheduler({
    name: 'ExponentialLR',
    summary: {
      en: 'Multiplies by `gamma` every epoch.',
      'zh-cn': '每轮乘以 `gamma`。',
    },
    params: [optimizerArg, { name: 'gamma', stored: { attribute: 'gamma' } }, lastEpoch],
    attributes: [same('gamma')],
    stateDictKeys: ['gamma', ...lrSchedulerStateKeys],
  }),
  lrScheduler({
    name: 'PolynomialLR',
    summary: {
      en: 'Polynomial decay to zero over `total_iters`.',
      'zh-cn': '在 `total_iters` 步内按多项式衰减到零。',
    },
    params: [
      optimizerArg,
      totalItersOption,
      attributeOption('power', '1.0', 1.0, 'power'),
      lastEpoch,
    ],
    attributes: [camel('total_iters'), same('power')],
    stateDictKeys: ['total_iters', 'power', ...lrSchedulerStateKeys],
  }),
  lrScheduler({
    name: 'CosineAnnealingLR',
    summary: {
      en: 'Cosine from the initial rate down to `eta_min` over `T_max` epochs, recursively.',
      'zh-cn': '在 `T_max` 轮内按余弦从初始学习率降到 `eta_min`（递推形式）。',
    },
    params: [
      optimizerArg,
      { name: 'T_max', stored: { attribute: 'T_max' } },
      etaMinOption,
      lastEpoch,
    ],
    attributes: [same('T_max'), camel('eta_min')],
    stateDictKeys: ['T_max', 'eta_min', ...lrSchedulerStateKeys],
  }),
  lrScheduler({
    name: 'CosineAnnealingWarmRestarts',
    summary: {
      en: 'SGDR: cosine cycles of `T_0`, `T_0·T_mult`, … epochs with warm restarts.',
      'zh-cn': 'SGDR：长度为 `T_0`、`T_0·T_mult`……轮的余弦周期，带热重启。',
    },
    params: [
      optimizerArg,
      { name: 'T_0', stored: { attribute: 'T_0' } },
      attributeOption('T_mult', '1', 1, 'T_mult'),
      etaMinOption,
      lastEpoch,
    ],
    methods: [
      noted(same('step'), {
        en: '`step(epoch + i / iters)` takes fractional epochs and does not warn.',
        'zh-cn': '`step(epoch + i / iters)` 接受小数轮次，不发警告。',
      }),
    ],
    attributes: [same('T_0'), same('T_i'), same('T_mult'), same('T_cur'), camel('eta_min')],
    stateDictKeys: ['T_0', 'T_i', 'T_mult', 'eta_min', 'T_cur', ...lrSchedulerStateKeys],
  }),
  scheduler({
    name: 'SequentialLR',
    summary: {
      en: 'Hands over from one scheduler to the next at the milestones.',
      'zh-cn': '在各里程碑处从一个调度器切换到下一个。',
    },
    params: [optimizerArg, { name: 'schedulers' }, { name: 'milestones' }, lastEpoch],
    methods: schedulerCore,
    attributes: [same('optimizer'), camel('last_epoch'), same('_schedulers'), same('_milestones')],
    stateDictKeys: ['_milestones', 'last_epoch', '_last_lr', '_schedulers'],
    groupKeys: ['initial_lr'],
    notes: [
      {
        en: "Not an `LRScheduler` subclass (PyTorch's subclasses it but skips its constructor). PyTorch's `recursive_undo` method is an internal function here.",
        'zh-cn':
          '不是 `LRScheduler` 的子类（PyTorch 中继承了它，却跳过其构造函数）。PyTorch 的 `recursive_undo` 方法在这里是内部函数。',
      },
    ],
  }),
  scheduler({
    name: 'ChainedScheduler',
    summary: {
      en: 'Steps several schedulers at once; their effects compose.',
      'zh-cn': '一次步进多个调度器，效果叠加。',
    },
    params: [
      { name: 'schedulers', positional: true },
      { name: 'optimizer', default: { py: 'None', value: null, ts: 'undefined' } },
    ],
    methods: schedulerCore,
    attributes: [same('optimizer'), same('_schedulers')],
    stateDictKeys: ['_last_lr', '_schedulers'],
    groupKeys: ['initial_lr'],
    notes: [
      {
        en: "Not an `LRScheduler` subclass, as `SequentialLR`. Without `optimizer` it takes the first scheduler's.",
        'zh-cn':
          '与 `SequentialLR` 一样，不是 `LRScheduler` 的子类。不传 `optimizer` 时使用第一个调度器的优化器。',
      },
    ],
  }),
  scheduler({
    name: 'ReduceLROnPlateau',
    summary: {
      en: 'Multiplies by `factor` when a metric stops improving.',
      'zh-cn': '指标不再改善时乘以 `factor`。',
    },
    params: [
      optimizerArg,
      attributeOption('mode', "'min'", 'min', 'mode'),
      attributeOption('factor', '0.1', 0.1, 'factor'),
      attributeOption('patience', '10', 10, 'patience'),
      attributeOption('threshold', '1e-4', 1e-4, 'threshold'),
      attributeOption('threshold_mode', "'rel'", 'rel', 'thresholdMode'),
      attributeOption('cooldown', '0', 0, 'cooldown'),
      attributeOption('min_lr', '0', 0, 'minLrs'),
      attributeOption('eps', '1e-8', 1e-8, 'eps'),
    ],
    methods: [
      noted(same('step'), {
        en: '`step(metrics)`: the metric is required.',
        'zh-cn': '`step(metrics)`：必须传入指标。',
      }),
      ...schedulerCore.slice(1),
      { py: '_is_better', ts: 'isBetter' },
    ],
    attributes: [
      same('optimizer'),
      same('factor'),
      camel('min_lrs'),
      camel('default_min_lr'),
      same('patience'),
      same('cooldown'),
      same('eps'),
      camel('last_epoch'),
      same('mode'),
      same('threshold'),
      camel('threshold_mode'),
      camel('mode_worse'),
      same('best'),
      camel('cooldown_counter'),
      camel('num_bad_epochs'),
      camel('in_cooldown'),
    ],
    stateDictKeys: [
      'factor',
      'default_min_lr',
      'min_lrs',
      'patience',
      'cooldown',
      'eps',
      'last_epoch',
      '_last_lr',
      'mode_worse',
      'mode',
      'threshold',
      'threshold_mode',
      'best',
      'cooldown_counter',
      'num_bad_epochs',
    ],
    groupKeys: [],
    notes: [
      {
        en: 'It leaves the learning rates alone until a reduction, so it adds no `initial_lr` to the groups.',
        'zh-cn': '在需要降低学习率之前不改动学习率，因此不会向参数组添加 `initial_lr`。',
      },
    ],
  }),
  lrScheduler({
    name: 'CyclicLR',
    summary: {
      en: 'Triangular cycles between `base_lr` and `max_lr`, stepped per batch; momentum cycles inversely.',
      'zh-cn': '在 `base_lr` 与 `max_lr` 之间做三角形循环，按批次步进；动量反向循环。',
    },
    params: [
      optimizerArg,
      { name: 'base_lr' },
      { name: 'max_lr' },
      optional('step_size_up', '2000', 2000),
      optional('step_size_down', 'None', null),
      attributeOption('mode', "'triangular'", 'triangular', 'mode'),
      attributeOption('gamma', '1.0', 1.0, 'gamma'),
      optional('scale_fn', 'None', null),
      attributeOption('scale_mode', "'cycle'", 'cycle', 'scaleMode'),
      cycleMomentumOption,
      attributeOption('base_momentum', '0.8', 0.8, 'baseMomentums'),
      attributeOption('max_momentum', '0.9', 0.9, 'maxMomentums'),
      lastEpoch,
    ],
    methods: [camel('scale_fn')],
    attributes: [
      camel('max_lrs'),
      camel('total_size'),
      camel('step_ratio'),
      same('mode'),
      same('gamma'),
      camel('scale_mode'),
      camel('cycle_momentum'),
      camel('use_beta1'),
      camel('base_momentums'),
      camel('max_momentums'),
    ],
    stateDictKeys: [
      'max_lrs',
      'total_size',
      'step_ratio',
      'mode',
      'gamma',
      'scale_mode',
      'cycle_momentum',
      'use_beta1',
      'base_momentums',
      'max_momentums',
      ...lrSchedulerStateKeys,
      '_scale_fn_custom',
    ],
    groupKeys: ['max_momentum', 'base_momentum', 'initial_lr'],
    notes: [
      {
        en: "A `scale_fn` may be a function or an object with a `scale(x)` method; only the object's own data is saved, as PyTorch saves a callable object's `__dict__`.",
        'zh-cn':
          '`scale_fn` 可以是函数，也可以是带 `scale(x)` 方法的对象；只保存对象自身的数据，正如 PyTorch 保存可调用对象的 `__dict__`。',
      },
    ],
  }),
  lrScheduler({
    name: 'OneCycleLR',
    summary: {
      en: 'The 1cycle policy: warm up to `max_lr`, then anneal far below the start, stepped per batch.',
      'zh-cn': '1cycle 策略：先升到 `max_lr`，再退火到远低于起点，按批次步进。',
    },
    params: [
      optimizerArg,
      { name: 'max_lr' },
      optional('total_steps', 'None', null),
      optional('epochs', 'None', null),
      optional('steps_per_epoch', 'None', null),
      optional('pct_start', '0.3', 0.3),
      optional('anneal_strategy', "'cos'", 'cos'),
      cycleMomentumOption,
      groupOption('base_momentum', '0.85', 0.85),
      groupOption('max_momentum', '0.95', 0.95),
      optional('div_factor', '25.0', 25.0),
      optional('final_div_factor', '1e4', 1e4),
      optional('three_phase', 'False', false),
      lastEpoch,
    ],
    attributes: [camel('total_steps'), camel('cycle_momentum'), camel('use_beta1')],
    stateDictKeys: [
      'total_steps',
      '_schedule_phases',
      '_anneal_func_type',
      'cycle_momentum',
      'use_beta1',
      ...lrSchedulerStateKeys,
    ],
    groupKeys: ['initial_lr', 'max_lr', 'min_lr', 'max_momentum', 'base_momentum'],
  }),
];

/** The Python exceptions the port raises, each as an exported class with PyTorch's message. */
export const errorMappings: readonly ErrorMapping[] = [
  {
    name: 'ValueError',
    python: 'ValueError',
    when: {
      en: 'An invalid argument: `T_0: 0` gives "Expected positive integer T_0, but got 0".',
      'zh-cn': '参数无效：`T_0: 0` 报 “Expected positive integer T_0, but got 0”。',
    },
  },
  {
    name: 'PyTypeError',
    python: 'TypeError',
    when: {
      en: "An unknown optimizer option or a non-function `lr_lambda`. It extends JavaScript's `TypeError`, whose name it keeps out of the way; its `name` is `'TypeError'`.",
      'zh-cn':
        "未知的优化器选项，或 `lr_lambda` 不是函数。它继承 JavaScript 的 `TypeError`，为避免同名而改叫 `PyTypeError`，其 `name` 为 `'TypeError'`。",
    },
  },
  {
    name: 'ZeroDivisionError',
    python: 'ZeroDivisionError',
    when: {
      en: 'Where Python divides by zero and JavaScript would give `Infinity` or `NaN`: `CosineAnnealingLR` with `T_max: 0` at its first step.',
      'zh-cn':
        'Python 会除以零、而 JavaScript 只会得到 `Infinity` 或 `NaN` 的地方：`T_max: 0` 的 `CosineAnnealingLR` 在第一步时。',
    },
  },
  {
    name: 'KeyError',
    python: 'KeyError',
    when: {
      en: 'Resuming (`last_epoch` other than -1) when a param group has no `initial_lr`.',
      'zh-cn': '断点续训（`last_epoch` 不为 -1）时参数组缺少 `initial_lr`。',
    },
  },
  {
    name: 'RuntimeError',
    python: 'RuntimeError',
    when: {
      en: '`ReduceLROnPlateau` with a list `min_lr` after param groups were added.',
      'zh-cn': '`min_lr` 为列表的 `ReduceLROnPlateau` 在增加参数组之后。',
    },
  },
];

/** Classes of newest PyTorch's `torch.optim.lr_scheduler` that the port leaves out. */
export const notPorted: readonly NotPorted[] = [
  {
    pytorch: 'torch.optim.lr_scheduler.ParamwiseScheduler',
    docs: 'https://github.com/pytorch/pytorch/pull/159873',
    why: {
      en: 'Seen in one upstream development copy only, with no documentation page and absent from later copies, so it is not treated as public API. For a different schedule per param group, pass `LambdaLR` one `lr_lambda` per group.',
      'zh-cn':
        '只出现在上游的某一份开发版源码中，没有文档页面，之后的版本中也不存在，因此不视为公开 API。若要每个参数组使用不同的调度，可给 `LambdaLR` 的每个参数组各传一个 `lr_lambda`。',
    },
  },
];
