/**
 * UI strings of the scheduler playground: its controls, legends, status messages and buttons.
 * Axis titles, tooltips, the data table, the chart summary and every error message come from the
 * `ScheduleChart` dictionary (`schedule-chart.ts`), which the playground shares. Argument names
 * such as `T_max` are code and stay untranslated.
 *
 * @module
 */
import { makeTranslations, type Dictionary } from '../dictionary.ts';

const en = {
  'region.label': 'Scheduler playground',
  noscript: 'The playground runs in your browser and needs JavaScript.',
  'run.legend': 'Training run',
  'run.epochs': 'Epochs (epochs)',
  'run.iters': 'Steps per epoch (iters)',
  'scale.legend': 'Learning-rate axis',
  'scale.linear': 'Linear',
  'scale.log': 'Logarithmic',
  'series.heading': 'Configuration {n}',
  'series.scheduler': 'Scheduler',
  'series.optimizer': 'Optimizer: SGD',
  'series.arguments': 'Arguments of {scheduler}',
  'series.formula': 'Formula of configuration {n}, with its values',
  'series.add': 'Add a configuration',
  'series.duplicate': 'Duplicate',
  'series.duplicateLabel': 'Duplicate configuration {n}',
  'series.remove': 'Remove',
  'series.removeLabel': 'Remove configuration {n}',
  'series.full': 'Up to {max} configurations can be compared.',
  'status.added': 'Configuration {n} added.',
  'status.duplicated': 'Configuration {n} is a copy of configuration {from}.',
  'status.removed': 'Configuration {n} removed.',
  'status.scheduler': 'Configuration {n} now uses {scheduler}, with PyTorch’s defaults.',
  'axis.momentum': 'Momentum',
  'tooltip.momentum': '{label}, momentum: {value}',
  'legend.label': 'Legend',
  'legend.milestone': 'Milestone',
  'legend.momentum': 'Momentum (dashed, right axis)',
  'code.heading': 'Code of this comparison',
  'copy.python': 'Copy PyTorch code',
  'copy.typescript': 'Copy TypeScript code',
  'share.copy': 'Copy link',
  'share.done': 'Link copied',
  'download.csv': 'Download CSV',
  'download.png': 'Download PNG',
  'table.region': 'Learning rates by epoch',
  'series.children': 'Schedulers of {scheduler}',
  'child.heading': 'Scheduler {k}',
  'child.add': 'Add a scheduler',
  'child.removeLabel': 'Remove scheduler {k} of configuration {n}',
  'status.childAdded': 'Scheduler {k} added to configuration {n}.',
  'status.childRemoved': 'Scheduler {k} removed from configuration {n}.',
  'status.childScheduler':
    'Scheduler {k} of configuration {n} now uses {scheduler}, with PyTorch’s defaults.',
} as const;

/** A key of the playground dictionary. */
export type PlaygroundKey = keyof typeof en;

/** Playground strings in every locale; both locales must have exactly the same keys. */
export const playgroundUi = {
  'zh-cn': {
    'region.label': '调度器试验场',
    noscript: '试验场在浏览器中运行，需要启用 JavaScript。',
    'run.legend': '训练过程',
    'run.epochs': '总轮数（epochs）',
    'run.iters': '每轮步数（iters）',
    'scale.legend': '学习率坐标轴',
    'scale.linear': '线性',
    'scale.log': '对数',
    'series.heading': '配置 {n}',
    'series.scheduler': '调度器',
    'series.optimizer': '优化器：SGD',
    'series.arguments': '{scheduler} 的参数',
    'series.formula': '配置 {n} 的公式（已代入当前数值）',
    'series.add': '添加一组配置',
    'series.duplicate': '复制',
    'series.duplicateLabel': '复制配置 {n}',
    'series.remove': '删除',
    'series.removeLabel': '删除配置 {n}',
    'series.full': '最多可以同时比较 {max} 组配置。',
    'status.added': '已添加配置 {n}。',
    'status.duplicated': '配置 {n} 复制自配置 {from}。',
    'status.removed': '已删除配置 {n}。',
    'status.scheduler': '配置 {n} 改用 {scheduler}，参数取 PyTorch 的默认值。',
    'axis.momentum': '动量',
    'tooltip.momentum': '{label}，动量：{value}',
    'legend.label': '图例',
    'legend.milestone': '里程碑',
    'legend.momentum': '动量（虚线，右侧坐标轴）',
    'code.heading': '这组比较的代码',
    'copy.python': '复制 PyTorch 代码',
    'copy.typescript': '复制 TypeScript 代码',
    'share.copy': '复制链接',
    'share.done': '链接已复制',
    'download.csv': '下载 CSV',
    'download.png': '下载 PNG',
    'table.region': '各轮的学习率',
    'series.children': '{scheduler} 的子调度器',
    'child.heading': '子调度器 {k}',
    'child.add': '添加子调度器',
    'child.removeLabel': '删除配置 {n} 的子调度器 {k}',
    'status.childAdded': '已为配置 {n} 添加子调度器 {k}。',
    'status.childRemoved': '已删除配置 {n} 的子调度器 {k}。',
    'status.childScheduler': '配置 {n} 的子调度器 {k} 改用 {scheduler}，参数取 PyTorch 的默认值。',
  },
  en,
} as const satisfies Dictionary<PlaygroundKey>;

/**
 * Playground translations for a locale.
 *
 * @example
 * const t = usePlaygroundTranslations('zh-cn');
 * t('series.heading', { n: 2 }); // '配置 2'
 */
export const usePlaygroundTranslations = makeTranslations(playgroundUi);
