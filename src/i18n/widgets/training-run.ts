/**
 * UI strings of the `TrainingRun` widget: the controls, the per-epoch charts and data table, the
 * decision-boundary picture, the status line, the accessible summaries, and one explanation per
 * error a field can report. Placeholders in braces are filled by the widget with numbers
 * formatted for the locale; option names such as `T_0` are code and stay untranslated.
 *
 * @module
 */
import { makeTranslations, type Dictionary } from '../dictionary.ts';
import { fieldErrorsUi } from './field-errors.ts';
import type { FieldErrorKey } from '../../widgets/training-run/fields.ts';

const en = {
  'controls.label': 'Settings of the training run',
  'field.schedule': 'Schedule',
  'field.T_0': 'T_0',
  'field.T_mult': 'T_mult',
  'field.lr': 'Learning rate',
  'field.epochs': 'Epochs',
  'field.seed': 'Seed',
  'field.dataset': 'Data set',
  'field.pointsPerClass': 'Points per class',
  'field.noise': 'Noise',
  'field.validationFraction': 'Validation share',
  'field.hiddenLayers': 'Hidden layers',
  'field.hiddenUnits': 'Hidden units',
  'field.activation': 'Activation',
  'field.batchSize': 'Batch size',
  'field.momentum': 'Momentum',
  'field.nesterov': 'Nesterov',
  'field.weight_decay': 'Weight decay',
  'field.eta_min': 'eta_min',
  'schedule.constant': 'Constant',
  'schedule.cosine': 'CosineAnnealingLR',
  'schedule.warm-restarts': 'CosineAnnealingWarmRestarts',
  'phrase.constant': 'kept constant',
  'phrase.cosine': 'annealed with CosineAnnealingLR',
  'phrase.warm-restarts': 'scheduled by CosineAnnealingWarmRestarts (T_0={T_0}, T_mult={T_mult})',
  'dataset.spirals': 'two interleaved spirals',
  'dataset.moons': 'two moons',
  'button.start': 'Start',
  'button.pause': 'Pause',
  'button.resume': 'Resume',
  'button.step': 'One epoch',
  'button.reset': 'Reset',
  'share.link': 'Link to this setup',
  'axis.epoch': 'Epoch',
  'axis.trainLoss': 'Training loss',
  'axis.valAccuracy': 'Validation accuracy',
  'axis.lr': 'Learning rate',
  'tooltip.epoch': 'Epoch {epoch}',
  'tooltip.value': '{label}: {value}',
  'legend.class0': 'Class A',
  'legend.class1': 'Class B',
  'legend.train': 'training points filled, validation points as rings',
  'legend.boundary': 'Decision boundary',
  'legend.restart': 'Warm restart',
  'boundary.label':
    'The two classes in the plane and the network’s decision regions after epoch {epoch}; the line is where both classes are equally likely.',
  'chart.summary':
    'Line charts per epoch of the training loss (log scale), the validation accuracy and the learning rate.',
  'summary.setup':
    'A network with {layers} hidden layers of {units} units learns to separate {dataset} ({points} points), trained with SGD (momentum {momentum}) from learning rate {lr}, {schedule}, for {epochs} epochs with seed {seed}.',
  'summary.best': 'Best validation accuracy: {accuracy} at epoch {epoch}, with learning rate {lr}.',
  'summary.end': 'After epoch {epoch}: training loss {loss}, validation accuracy {accuracy}.',
  'summary.built': 'Computed when this page was built; the live widget trains the same run.',
  'status.ready': 'Ready: press Start to train in your browser.',
  'status.epoch':
    'Epoch {epoch} of {epochs}: training loss {loss}, validation accuracy {accuracy}, learning rate {lr}.',
  'status.paused': 'Paused.',
  'status.finished': 'Finished.',
  'status.diverged': 'The loss is no longer a finite number: the run diverged.',
  'status.kept': 'The last valid settings are kept.',
  'status.failed': 'The training could not run in this browser.',
  'table.summary': 'Data table',
  'table.epoch': 'Epoch',
  ...fieldErrorsUi.en,
} as const satisfies Record<`error.${FieldErrorKey}`, string> & Record<string, string>;

/** A key of the `TrainingRun` dictionary. */
export type TrainingRunKey = keyof typeof en;

/** `TrainingRun` strings in every locale; both locales must have exactly the same keys. */
export const trainingRunUi = {
  'zh-cn': {
    'controls.label': '本次训练的设置',
    'field.schedule': '学习率调度',
    'field.T_0': 'T_0',
    'field.T_mult': 'T_mult',
    'field.lr': '学习率',
    'field.epochs': '轮数',
    'field.seed': '随机种子',
    'field.dataset': '数据集',
    'field.pointsPerClass': '每类点数',
    'field.noise': '噪声',
    'field.validationFraction': '验证集比例',
    'field.hiddenLayers': '隐藏层数',
    'field.hiddenUnits': '隐藏单元数',
    'field.activation': '激活函数',
    'field.batchSize': '批次大小',
    'field.momentum': '动量',
    'field.nesterov': 'Nesterov',
    'field.weight_decay': '权重衰减',
    'field.eta_min': 'eta_min',
    'schedule.constant': '恒定',
    'schedule.cosine': 'CosineAnnealingLR',
    'schedule.warm-restarts': 'CosineAnnealingWarmRestarts',
    'phrase.constant': '学习率保持不变',
    'phrase.cosine': '用 CosineAnnealingLR 退火',
    'phrase.warm-restarts': '用 CosineAnnealingWarmRestarts（T_0={T_0}, T_mult={T_mult}）调度',
    'dataset.spirals': '两条交错的螺旋线',
    'dataset.moons': '两个月牙',
    'button.start': '开始',
    'button.pause': '暂停',
    'button.resume': '继续',
    'button.step': '训练一轮',
    'button.reset': '重置',
    'share.link': '本设置的链接',
    'axis.epoch': '轮次',
    'axis.trainLoss': '训练损失',
    'axis.valAccuracy': '验证精度',
    'axis.lr': '学习率',
    'tooltip.epoch': '第 {epoch} 轮',
    'tooltip.value': '{label}：{value}',
    'legend.class0': 'A 类',
    'legend.class1': 'B 类',
    'legend.train': '实心点为训练集，空心圈为验证集',
    'legend.boundary': '决策边界',
    'legend.restart': '热重启',
    'boundary.label':
      '平面上的两类数据点，以及第 {epoch} 轮之后网络划出的决策区域；那条线上两类的概率相等。',
    'chart.summary': '按轮绘制的训练损失（对数刻度）、验证精度和学习率折线图。',
    'summary.setup':
      '一个有 {layers} 个隐藏层、每层 {units} 个单元的网络学习区分{dataset}（共 {points} 个点），用 SGD（动量 {momentum}）训练，初始学习率 {lr}，{schedule}，共 {epochs} 轮，随机种子 {seed}。',
    'summary.best': '最高验证精度 {accuracy}，出现在第 {epoch} 轮，当时学习率为 {lr}。',
    'summary.end': '第 {epoch} 轮之后：训练损失 {loss}，验证精度 {accuracy}。',
    'summary.built': '这些数字在构建页面时算出；交互版训练的是同一次运行。',
    'status.ready': '准备就绪：点击“开始”即可在浏览器里训练。',
    'status.epoch':
      '第 {epoch} 轮（共 {epochs} 轮）：训练损失 {loss}，验证精度 {accuracy}，学习率 {lr}。',
    'status.paused': '已暂停。',
    'status.finished': '训练结束。',
    'status.diverged': '损失已不再是有限数：训练发散了。',
    'status.kept': '仍保留最后一组有效设置。',
    'status.failed': '无法在这个浏览器里运行训练。',
    'table.summary': '数据表',
    'table.epoch': '轮次',
    ...fieldErrorsUi['zh-cn'],
  },
  en,
} as const satisfies Dictionary<TrainingRunKey>;

/**
 * `TrainingRun` translations for a locale.
 *
 * @example
 * useTrainingRunTranslations('zh-cn')('button.start'); // '开始'
 */
export const useTrainingRunTranslations = makeTranslations(trainingRunUi);
