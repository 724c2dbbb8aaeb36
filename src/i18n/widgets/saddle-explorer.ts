/**
 * UI strings of the `SaddleExplorer` widget: the surface and its start-point picker, the
 * controls, the chart of loss, gradient norm and learning rate, the Hessian at the saddle, the
 * accessible summaries, and one explanation per error a field can report. Placeholders in braces
 * are filled by the widget with numbers formatted for the locale; option names such as `T_0` are
 * code and stay untranslated.
 *
 * @module
 */
import { makeTranslations, type Dictionary } from '../dictionary.ts';
import { fieldErrorsUi } from './field-errors.ts';
import type { FieldErrorKey } from '../../widgets/training-run/fields.ts';

const en = {
  'surface.title.floor': 'Gradient descent on f(x, y) = x² − y² + y⁴/4',
  'surface.title.plain': 'Gradient descent on f(x, y) = x² − y²',
  'surface.desc':
    'Heat map and contour lines of f over the square from −2 to 2, with the saddle point at the origin.',
  'picker.label': 'Start point',
  'picker.help':
    'Click the surface to start a run there. With the keyboard: the arrow keys move the cursor by {coarse} (with Shift by {fine}), Enter starts the run at the cursor.',
  'picker.cursor': 'Cursor at ({x}, {y}). Press Enter to start there.',
  'picker.set': 'New start point ({x}, {y}).',
  'controls.label': 'Settings of the run',
  'field.x0': 'Start x',
  'field.y0': 'Start y',
  'field.floor': 'Floor y⁴/4',
  'field.optimizer': 'Optimizer',
  'field.lr': 'Learning rate',
  'field.schedule': 'Schedule',
  'field.T_max': 'T_max',
  'field.T_0': 'T_0',
  'field.T_mult': 'T_mult',
  'field.eta_min': 'eta_min',
  'field.sigma': 'Gradient noise σ',
  'field.seed': 'Seed',
  'field.steps': 'Steps',
  'optimizer.sgd': 'SGD',
  'optimizer.momentum': 'SGD, momentum {momentum}',
  'optimizer.adam': 'Adam',
  'schedule.constant': 'Constant',
  'schedule.cosine': 'CosineAnnealingLR',
  'schedule.warm-restarts': 'CosineAnnealingWarmRestarts',
  'button.play': 'Play',
  'button.pause': 'Pause',
  'button.step': 'Step',
  'button.reset': 'Reset',
  'share.link': 'Link to this setup',
  'legend.trajectory': 'Path of the run',
  'legend.start': 'Start',
  'legend.current': 'Current step',
  'legend.saddle': 'Saddle point',
  'legend.minimum': 'Minimum',
  'legend.restart': 'Warm restart',
  'legend.escape': 'Leaves the saddle',
  'axis.step': 'Step',
  'axis.loss': 'Loss f',
  'axis.gradNorm': 'Gradient norm',
  'axis.lr': 'Learning rate',
  'tooltip.step': 'Step {step}',
  'tooltip.value': '{label}: {value}',
  'chart.summary':
    'Line charts over {steps} steps of the loss, the gradient norm (log scale) and the learning rate.',
  'summary.run':
    '{optimizer} with learning rate {lr} ({schedule}), from ({x}, {y}), {steps} steps.',
  'summary.escape': 'The iterate leaves the saddle (|y| > {threshold}) at step {step}.',
  'summary.noEscape': 'The iterate stays near the saddle (|y| ≤ {threshold}) for the whole run.',
  'summary.end': 'It ends at ({x}, {y}), where f = {f}.',
  'summary.diverged':
    'The run diverges after step {step}: the numbers leave the floating-point range.',
  'status.step':
    'Step {step} of {steps}: (x, y) = ({x}, {y}), f = {f}, gradient norm {g}, learning rate {lr}.',
  'status.kept': 'The drawing still shows the last valid setup.',
  'hessian.title': 'Hessian at the saddle point (0, 0)',
  'hessian.eigen': 'Eigenvalues {l1} and {l2}.',
  'hessian.saddle': 'One is positive and one negative: a saddle point.',
  'hessian.minimum': 'Both are positive: a minimum.',
  'hessian.maximum': 'Both are negative: a maximum.',
  'hessian.degenerate': 'One is zero: the second derivatives cannot tell.',
  'hessian.here': 'At the current point the Hessian’s eigenvalues are {l1} and {l2}.',
  ...fieldErrorsUi.en,
} as const satisfies Record<`error.${FieldErrorKey}`, string> & Record<string, string>;

/** A key of the `SaddleExplorer` dictionary. */
export type SaddleExplorerKey = keyof typeof en;

/** `SaddleExplorer` strings in every locale; both locales must have exactly the same keys. */
export const saddleExplorerUi = {
  'zh-cn': {
    'surface.title.floor': '在 f(x, y) = x² − y² + y⁴/4 上做梯度下降',
    'surface.title.plain': '在 f(x, y) = x² − y² 上做梯度下降',
    'surface.desc': 'f 在 −2 到 2 的正方形上的热力图与等高线，鞍点位于原点。',
    'picker.label': '起点',
    'picker.help':
      '点击曲面即可从该点开始一次运行。用键盘：方向键把光标移动 {coarse}（按住 Shift 时移动 {fine}），按 Enter 从光标处开始。',
    'picker.cursor': '光标位于 ({x}, {y})。按 Enter 从这里开始。',
    'picker.set': '新的起点 ({x}, {y})。',
    'controls.label': '本次运行的设置',
    'field.x0': '起点 x',
    'field.y0': '起点 y',
    'field.floor': '加上下界项 y⁴/4',
    'field.optimizer': '优化器',
    'field.lr': '学习率',
    'field.schedule': '学习率调度',
    'field.T_max': 'T_max',
    'field.T_0': 'T_0',
    'field.T_mult': 'T_mult',
    'field.eta_min': 'eta_min',
    'field.sigma': '梯度噪声 σ',
    'field.seed': '随机种子',
    'field.steps': '步数',
    'optimizer.sgd': 'SGD',
    'optimizer.momentum': 'SGD，动量 {momentum}',
    'optimizer.adam': 'Adam',
    'schedule.constant': '恒定',
    'schedule.cosine': 'CosineAnnealingLR',
    'schedule.warm-restarts': 'CosineAnnealingWarmRestarts',
    'button.play': '播放',
    'button.pause': '暂停',
    'button.step': '单步',
    'button.reset': '重置',
    'share.link': '本设置的链接',
    'legend.trajectory': '运行轨迹',
    'legend.start': '起点',
    'legend.current': '当前一步',
    'legend.saddle': '鞍点',
    'legend.minimum': '极小值',
    'legend.restart': '热重启',
    'legend.escape': '离开鞍点',
    'axis.step': '步',
    'axis.loss': '损失 f',
    'axis.gradNorm': '梯度范数',
    'axis.lr': '学习率',
    'tooltip.step': '第 {step} 步',
    'tooltip.value': '{label}：{value}',
    'chart.summary': '{steps} 步内损失、梯度范数（对数刻度）和学习率的折线图。',
    'summary.run': '{optimizer}，学习率 {lr}（{schedule}），从 ({x}, {y}) 出发，共 {steps} 步。',
    'summary.escape': '迭代点在第 {step} 步离开鞍点（|y| > {threshold}）。',
    'summary.noEscape': '整个运行中迭代点都停留在鞍点附近（|y| ≤ {threshold}）。',
    'summary.end': '终点为 ({x}, {y})，此处 f = {f}。',
    'summary.diverged': '第 {step} 步之后运行发散：数值超出了浮点数的范围。',
    'status.step':
      '第 {step} 步（共 {steps} 步）：(x, y) = ({x}, {y})，f = {f}，梯度范数 {g}，学习率 {lr}。',
    'status.kept': '图中仍是最后一组有效设置的结果。',
    'hessian.title': '鞍点 (0, 0) 处的海森矩阵',
    'hessian.eigen': '特征值为 {l1} 和 {l2}。',
    'hessian.saddle': '一正一负：这是鞍点。',
    'hessian.minimum': '两者都为正：这是极小值。',
    'hessian.maximum': '两者都为负：这是极大值。',
    'hessian.degenerate': '其中一个为零：二阶导数无法判定。',
    'hessian.here': '当前点处海森矩阵的特征值为 {l1} 和 {l2}。',
    ...fieldErrorsUi['zh-cn'],
  },
  en,
} as const satisfies Dictionary<SaddleExplorerKey>;

/**
 * `SaddleExplorer` translations for a locale.
 *
 * @example
 * useSaddleExplorerTranslations('zh-cn')('button.play'); // '播放'
 */
export const useSaddleExplorerTranslations = makeTranslations(saddleExplorerUi);
