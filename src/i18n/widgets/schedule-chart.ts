/**
 * UI strings of the `ScheduleChart` widget (axis titles, tooltips, controls, the data table, the
 * accessible summary, and one explanation per error the widget or the scheduler engine reports).
 * Placeholders in braces are filled by the widget; option names such as `T_0` are code and stay
 * untranslated.
 *
 * @module
 */
import { makeTranslations, type Dictionary } from '../dictionary.ts';
import type { ErrorKey } from '../../widgets/schedule-chart/model.ts';

const en = {
  'axis.epoch': 'Epoch',
  'axis.lr': 'Learning rate',
  'tooltip.epoch': 'Epoch {epoch}',
  'tooltip.value': 'Learning rate: {lr}',
  'tooltip.series': '{label}: {lr}',
  'legend.restart': 'Warm restart',
  'code.label': 'Code of this chart, with editable values',
  'code.language': 'Code language',
  'code.python': 'PyTorch',
  'code.typescript': 'TypeScript',
  'field.label': '{name}',
  'field.labelInSeries': '{name}, {series}',
  'copy.button': 'Copy runnable code',
  'copy.done': 'Copied',
  'copy.failed': 'Could not copy: select the code and copy it by hand',
  'scale.log': 'Log scale',
  'table.summary': 'Data table',
  'table.epoch': 'Epoch',
  'table.lr': 'Learning rate',
  'table.every': 'One row every {every} epochs, plus the last epoch.',
  'table.firstStep':
    'With {steps} steps per epoch, each row shows the learning rate of the epoch’s first step.',
  'summary.chart': 'Line chart of the learning rate over {epochs} epochs.',
  'summary.series': '{label}: starts at {start}, minimum {min}, maximum {max}, ends at {end}.',
  'summary.restarts': 'Warm restarts: {count}.',
  'status.kept': 'The chart still shows the last valid values.',
  'error.pytorch': 'PyTorch’s message:',
  'error.empty': 'Enter a value.',
  'error.notNumber': 'This is not a number.',
  'error.notList': 'Enter numbers separated by commas.',
  'error.epochs': 'epochs must be a whole number from 1 to {max}.',
  'error.stepsPerEpoch': 'iters must be a whole number from 1 to {max}.',
  'error.tooManySteps': 'epochs × iters may be at most {max}.',
  'error.overflow': 'The values overflow: the learning rate is no longer a finite number.',
  'error.nan': 'The learning rate becomes NaN (not a number).',
  'error.positiveInteger': '{name} must be a positive integer.',
  'error.integerAtLeastOne': '{name} must be an integer of at least 1.',
  'error.zeroDivision': 'PyTorch divides by this value, so it must not be 0.',
  'error.negativeLr': 'The learning rate must not be negative.',
  'error.factorRange': '{name} must be between 0 and 1.',
  'error.startFactorRange': 'start_factor must be greater than 0 and at most 1.',
  'error.factorBelowOne': 'factor must be less than 1.',
  'error.pctStart': 'pct_start must be between 0 and 1.',
  'error.totalSteps': 'The scheduler was stepped {steps} times, more than total_steps = {total}.',
  'error.oneCycleLength': 'Give total_steps, or both epochs and steps_per_epoch.',
  'error.milestoneCount': 'SequentialLR needs exactly one milestone fewer than schedulers.',
  'error.negativeEpoch': 'The epoch must not be negative.',
  'error.other': 'PyTorch rejects this value.',
  'error.exprTooLong': 'The expression may have at most {max} characters.',
  'error.exprCharacter': '“{text}” (character {column}) cannot appear in an expression.',
  'error.exprNumber': '“{text}” (character {column}) is not a Python number.',
  'error.exprUnexpected': '“{text}” (character {column}) is not expected here.',
  'error.exprEnd': 'The expression is incomplete after character {column}.',
  'error.exprName':
    'Unknown name “{text}” (character {column}): use epoch, min, max, abs, math.cos, math.sin, math.exp, math.log, math.sqrt, math.pi, math.e.',
  'error.exprOneArgument': '{name}() takes exactly one argument.',
  'error.exprLogArguments':
    'math.log() takes one or two arguments: math.log(x) or math.log(x, base).',
  'error.exprMinMaxArguments': '{name}() needs at least two arguments.',
  'error.exprZeroDivision': 'At epoch {epoch} the expression divides by zero.',
  'error.exprDomain':
    'At epoch {epoch} a math function gets a value it is not defined for (math.log needs a positive number, math.sqrt one that is not negative).',
  'error.exprOverflow': 'At epoch {epoch} the value is too large for a floating-point number.',
  'error.exprComplex':
    'At epoch {epoch} a negative number is raised to a fractional power: Python gives a complex number, which cannot scale a learning rate.',
} as const satisfies Record<`error.${ErrorKey}`, string> & Record<string, string>;

/** A key of the `ScheduleChart` dictionary. */
export type ScheduleChartKey = keyof typeof en;

/** `ScheduleChart` strings in every locale; both locales must have exactly the same keys. */
export const scheduleChartUi = {
  'zh-cn': {
    'axis.epoch': '轮次',
    'axis.lr': '学习率',
    'tooltip.epoch': '第 {epoch} 轮',
    'tooltip.value': '学习率：{lr}',
    'tooltip.series': '{label}：{lr}',
    'legend.restart': '热重启',
    'code.label': '本图的代码，其中的数值可以编辑',
    'code.language': '代码语言',
    'code.python': 'PyTorch',
    'code.typescript': 'TypeScript',
    'field.label': '{name}',
    'field.labelInSeries': '{name}（{series}）',
    'copy.button': '复制可运行的代码',
    'copy.done': '已复制',
    'copy.failed': '复制失败，请手动选中代码复制',
    'scale.log': '对数刻度',
    'table.summary': '数据表',
    'table.epoch': '轮次',
    'table.lr': '学习率',
    'table.every': '每隔 {every} 轮列出一行，另加最后一轮。',
    'table.firstStep': '每轮 {steps} 步，每行显示该轮第一步的学习率。',
    'summary.chart': '{epochs} 轮内学习率变化的折线图。',
    'summary.series': '{label}：起始值 {start}，最小值 {min}，最大值 {max}，最终值 {end}。',
    'summary.restarts': '热重启次数：{count}。',
    'status.kept': '图中仍是最后一组有效值的曲线。',
    'error.pytorch': 'PyTorch 的原始报错：',
    'error.empty': '请输入一个值。',
    'error.notNumber': '这不是一个数。',
    'error.notList': '请输入以逗号分隔的数。',
    'error.epochs': 'epochs 必须是 1 到 {max} 之间的整数。',
    'error.stepsPerEpoch': 'iters 必须是 1 到 {max} 之间的整数。',
    'error.tooManySteps': 'epochs × iters 不能超过 {max}。',
    'error.overflow': '数值溢出：学习率已不再是有限数。',
    'error.nan': '学习率变成了 NaN（非数）。',
    'error.positiveInteger': '{name} 必须是正整数。',
    'error.integerAtLeastOne': '{name} 必须是不小于 1 的整数。',
    'error.zeroDivision': 'PyTorch 会用这个值做除数，所以它不能为 0。',
    'error.negativeLr': '学习率不能为负。',
    'error.factorRange': '{name} 必须在 0 到 1 之间。',
    'error.startFactorRange': 'start_factor 必须大于 0 且不大于 1。',
    'error.factorBelowOne': 'factor 必须小于 1。',
    'error.pctStart': 'pct_start 必须在 0 到 1 之间。',
    'error.totalSteps': '调度器被步进了 {steps} 次，超过了 total_steps = {total}。',
    'error.oneCycleLength': '请给出 total_steps，或者同时给出 epochs 和 steps_per_epoch。',
    'error.milestoneCount': 'SequentialLR 的 milestones 必须恰好比调度器少一个。',
    'error.negativeEpoch': '轮次不能为负。',
    'error.other': 'PyTorch 不接受这个值。',
    'error.exprTooLong': '表达式最多只能有 {max} 个字符。',
    'error.exprCharacter': '第 {column} 个字符“{text}”不能出现在表达式中。',
    'error.exprNumber': '从第 {column} 个字符开始的“{text}”不是合法的 Python 数字。',
    'error.exprUnexpected': '第 {column} 个字符处不应出现“{text}”。',
    'error.exprEnd': '表达式不完整：第 {column} 个字符之后还缺少内容。',
    'error.exprName':
      '无法识别第 {column} 个字符处的名字“{text}”。可以使用：epoch、min、max、abs、math.cos、math.sin、math.exp、math.log、math.sqrt、math.pi、math.e。',
    'error.exprOneArgument': '{name}() 只接受一个参数。',
    'error.exprLogArguments': 'math.log() 接受一个或两个参数：math.log(x) 或 math.log(x, base)。',
    'error.exprMinMaxArguments': '{name}() 至少需要两个参数。',
    'error.exprZeroDivision': '在第 {epoch} 轮，表达式除以了零。',
    'error.exprDomain':
      '在第 {epoch} 轮，数学函数的参数超出了定义域（math.log 需要正数，math.sqrt 需要非负数）。',
    'error.exprOverflow': '在第 {epoch} 轮，表达式的值超出了浮点数能表示的范围。',
    'error.exprComplex':
      '在第 {epoch} 轮，负数被取了小数次幂：Python 会得到复数，无法用来缩放学习率。',
  },
  en,
} as const satisfies Dictionary<ScheduleChartKey>;

/**
 * `ScheduleChart` translations for a locale.
 *
 * @example
 * const t = useScheduleChartTranslations('zh-cn');
 * t('error.positiveInteger', { name: 'T_0' }); // 'T_0 必须是正整数。'
 */
export const useScheduleChartTranslations = makeTranslations(scheduleChartUi);
