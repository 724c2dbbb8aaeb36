/**
 * Every known way this port differs from PyTorch 1.13 (which generated our fixtures) or from
 * Python itself, as typed data: the API mapping page renders it, and tests check that each
 * entry names an exported class.
 *
 * @packageDocumentation
 */

/** Why a difference exists. */
export type DifferenceKind =
  /** Newest PyTorch changed the behaviour since 1.13; the port follows the newest. */
  | 'newest-pytorch'
  /** JavaScript cannot express the Python distinction (int vs float, callables' `__dict__`). */
  | 'javascript'
  /** A deliberate choice of this port, stricter than PyTorch. */
  | 'port';

/** One documented difference. */
export interface Difference {
  /** The class it concerns (an export of `src/scheduler`), or `'*'` for all schedulers. */
  subject: string;
  kind: DifferenceKind;
  en: string;
  'zh-cn': string;
}

/** The list the mapping page shows. */
export const differences: readonly Difference[] = [
  {
    subject: '*',
    kind: 'newest-pytorch',
    en: 'Constructing a scheduler runs its first step in "initial mode" (PyTorch ≥ 2.8): a scheduler constructed with `last_epoch = k` leaves recursive schedulers\' learning rates unchanged instead of applying step k+1. The state dict has `_is_initial` and no `verbose`; the `verbose` option is gone (removed in PyTorch 2.7).',
    'zh-cn':
      '构造调度器时的第一步在“初始模式”下执行（PyTorch ≥ 2.8）：以 `last_epoch = k` 构造时，递归式调度器不会再多走一步去改写学习率。state dict 含 `_is_initial`，不含 `verbose`；`verbose` 参数已删除（PyTorch 2.7 移除）。',
  },
  {
    subject: '*',
    kind: 'newest-pytorch',
    en: 'The "`lr_scheduler.step()` before `optimizer.step()`" warning uses a flag set by any optimizer step (newest PyTorch), not 1.13\'s counter that each scheduler construction reset.',
    'zh-cn':
      '“先调用了 `lr_scheduler.step()` 再调用 `optimizer.step()`”的警告依据优化器是否执行过 step 的标志（最新 PyTorch），而不是 1.13 中每次构造调度器都会清零的计数器。',
  },
  {
    subject: 'LinearLR',
    kind: 'newest-pytorch',
    en: '`start_factor = 0` is rejected with "Starting multiplicative factor expected to be greater than 0 and less or equal to 1." (PyTorch ≥ 2.0); 1.13 accepted it and divided by zero later.',
    'zh-cn':
      '`start_factor = 0` 会被拒绝，报错 “Starting multiplicative factor expected to be greater than 0 and less or equal to 1.”（PyTorch ≥ 2.0）；1.13 会接受它，之后除以零。',
  },
  {
    subject: 'MultiplicativeLR',
    kind: 'newest-pytorch',
    en: 'A non-function `lr_lambda` throws TypeError; at a `SequentialLR` milestone the factor λ(0) is applied (newest PyTorch), where 1.13 left the rate unchanged.',
    'zh-cn':
      '`lr_lambda` 不是函数时抛出 TypeError；在 `SequentialLR` 的里程碑处会乘上 λ(0)（最新 PyTorch），而 1.13 保持学习率不变。',
  },
  {
    subject: 'CosineAnnealingWarmRestarts',
    kind: 'newest-pytorch',
    en: 'Implicit `step()` wraps `T_cur` with a modulo (PyTorch ≥ 2.2) instead of subtracting `T_i` once, and a non-number `eta_min` is rejected.',
    'zh-cn':
      '不带参数的 `step()` 用取模回绕 `T_cur`（PyTorch ≥ 2.2），而不是只减一次 `T_i`；`eta_min` 不是数字时会报错。',
  },
  {
    subject: 'CosineAnnealingWarmRestarts',
    kind: 'port',
    en: 'With explicit epochs and `T_mult > 1`, PyTorch finds the cycle with `math.log(x, T_mult)`, which rounds below an integer at some restart epochs (epoch 121 for `T_0=1, T_mult=3` gives `eta_min`, not a restart). The port computes the logarithm correctly rounded, as glibc does, and so reproduces those epochs exactly; `Math.log` would not.',
    'zh-cn':
      '显式传入 epoch 且 `T_mult > 1` 时，PyTorch 用 `math.log(x, T_mult)` 求所在周期，在某些重启 epoch 上结果会略小于整数（`T_0=1, T_mult=3` 时第 121 个 epoch 得到 `eta_min` 而不是重启）。本移植以正确舍入的方式计算对数（与 glibc 一致），因此这些 epoch 与 PyTorch 完全相同；直接用 `Math.log` 则不然。',
  },
  {
    subject: 'SequentialLR',
    kind: 'newest-pytorch',
    en: 'At a milestone the next scheduler is restarted with `_update_lr(0)` (no deprecation warning, step count unchanged), children that are themselves composite are undone recursively, and the checks and messages are the newest ones.',
    'zh-cn':
      '到达里程碑时用 `_update_lr(0)` 重启下一个调度器（不发弃用警告，不增加步数计数）；嵌套的组合调度器会被递归地撤销构造步；参数检查与报错信息采用最新版本。',
  },
  {
    subject: 'ChainedScheduler',
    kind: 'newest-pytorch',
    en: 'Takes an optional `optimizer` and checks every child (empty list, `ReduceLROnPlateau`, different optimizer) with the newest messages.',
    'zh-cn':
      '接受可选的 `optimizer` 参数，并按最新版本检查每个子调度器（空列表、`ReduceLROnPlateau`、不同的优化器）。',
  },
  {
    subject: '*',
    kind: 'javascript',
    en: 'JavaScript has one number type, so Python\'s int/float checks cannot be reproduced: `T_0: 2.0` is the integer 2 and is accepted (PyTorch rejects the float 2.0), `pct_start: 1` is the float 1.0 and is accepted (PyTorch rejects the int 1), and messages print integral values without ".0".',
    'zh-cn':
      'JavaScript 只有一种数字类型，无法重现 Python 的 int/float 检查：`T_0: 2.0` 就是整数 2，会被接受（PyTorch 拒绝浮点数 2.0）；`pct_start: 1` 就是 1.0，会被接受（PyTorch 拒绝整数 1）；报错信息中的整数值不带 “.0”。',
  },
  {
    subject: '*',
    kind: 'javascript',
    en: '`lr_lambda` and `scale_fn` functions are never serialised (as in PyTorch); PyTorch saves the attribute dict of callable objects, which JavaScript functions do not have, so the state dict holds `null` for each.',
    'zh-cn':
      '`lr_lambda` 与 `scale_fn` 函数不会被序列化（与 PyTorch 相同）；PyTorch 会保存可调用对象的属性字典，而 JavaScript 函数没有，因此 state dict 中对应项为 `null`。',
  },
  {
    subject: '*',
    kind: 'javascript',
    en: "Learning rates can differ from PyTorch in the last bit where V8's `Math.cos`/`Math.pow` round differently from glibc (a few percent of inputs): relative differences stay below 1e-14 in our fixtures (see the parity table).",
    'zh-cn':
      'V8 的 `Math.cos`/`Math.pow` 在少数输入上与 glibc 的舍入不同，学习率可能在最后一位与 PyTorch 不同：在我们的测试数据中相对误差低于 1e-14（见一致性表）。',
  },
  {
    subject: 'ConstantLR',
    kind: 'port',
    en: "A NaN `factor` is rejected with the range message; PyTorch's comparisons let NaN through and every learning rate becomes NaN.",
    'zh-cn':
      '`factor` 为 NaN 时按取值范围报错；PyTorch 的比较会放过 NaN，之后所有学习率都变成 NaN。',
  },
  {
    subject: 'Adam',
    kind: 'newest-pytorch',
    en: "The first moment is updated as `exp_avg.lerp_(grad, 1 − β₁)` (newest PyTorch) instead of 1.13's `exp_avg·β₁ + (1 − β₁)·grad`: equal in exact arithmetic, different in the last bits (below 1e-12 relative on our trajectories).",
    'zh-cn':
      '一阶矩按最新 PyTorch 的 `exp_avg.lerp_(grad, 1 − β₁)` 更新，而不是 1.13 的 `exp_avg·β₁ + (1 − β₁)·grad`：两者在精确算术下相等，浮点结果只在最后几位不同（在我们的轨迹上相对误差低于 1e-12）。',
  },
  {
    subject: 'SGD',
    kind: 'newest-pytorch',
    en: '`lr` defaults to 1e-3 (newest PyTorch; 1.13 required it), and `zeroGrad()` sets gradients to `null` by default.',
    'zh-cn':
      '`lr` 默认值为 1e-3（最新 PyTorch；1.13 中必须传入），`zeroGrad()` 默认把梯度置为 `null`。',
  },
  {
    subject: 'CyclicLR',
    kind: 'newest-pytorch',
    en: 'Adam and AdamW are accepted and their `betas[0]` is cycled; momentum starts at `max_momentum` and groups gain `max_momentum`/`base_momentum` keys; the state dict has `use_beta1` and no `_scale_fn_ref`, and the scale function is rebuilt on load so a loaded `gamma` takes effect.',
    'zh-cn':
      '接受 Adam 与 AdamW，并循环调整其 `betas[0]`；动量从 `max_momentum` 开始，参数组增加 `max_momentum`/`base_momentum` 键；state dict 含 `use_beta1`、不含 `_scale_fn_ref`，加载时重建缩放函数，因此加载的 `gamma` 会生效。',
  },
  {
    subject: 'OneCycleLR',
    kind: 'newest-pytorch',
    en: 'The state dict stores `_anneal_func_type` (a string) instead of a bound method; the overstep message counts `s`, not `s + 1`; `epochs` without `steps_per_epoch` raises the "You must define either total_steps OR (epochs AND steps_per_epoch)" ValueError.',
    'zh-cn':
      'state dict 保存 `_anneal_func_type`（字符串）而不是绑定方法；步数超出时的报错写 `s` 而不是 `s + 1`；只给 `epochs` 不给 `steps_per_epoch` 时抛出 “You must define either total_steps OR (epochs AND steps_per_epoch)” 的 ValueError。',
  },
  {
    subject: 'OneCycleLR',
    kind: 'port',
    en: 'A NaN `pct_start` is rejected with the range message; PyTorch lets it through and every learning rate becomes NaN.',
    'zh-cn': '`pct_start` 为 NaN 时按取值范围报错；PyTorch 会放过它，之后所有学习率都是 NaN。',
  },
  {
    subject: 'ReduceLROnPlateau',
    kind: 'newest-pytorch',
    en: '`getLastLr()` works from construction; a scalar `min_lr` is re-broadcast when param groups are added (a list raises RuntimeError); `is_better` is `isBetter`; no `verbose`.',
    'zh-cn':
      '构造后即可调用 `getLastLr()`；增加参数组后，标量 `min_lr` 会重新广播（列表则抛出 RuntimeError）；`is_better` 对应 `isBetter`；没有 `verbose`。',
  },
  {
    subject: 'ReduceLROnPlateau',
    kind: 'port',
    en: 'Not an `LRScheduler` subclass (newest PyTorch subclasses it but skips its constructor); in the state dict an infinite `best`/`mode_worse` is written as the string `"inf"`/`"-inf"`, which `float()` in Python also reads, so it survives JSON.',
    'zh-cn':
      '不是 `LRScheduler` 的子类（最新 PyTorch 继承了它但跳过其构造函数）；state dict 中无穷大的 `best`/`mode_worse` 写作字符串 `"inf"`/`"-inf"`（Python 的 `float()` 同样能读取），因此可经 JSON 往返。',
  },
];
