/**
 * UI strings of the site chrome: site title, sidebar labels and the language chooser at `/`.
 *
 * Widget strings live in their own dictionaries next to this one (see `dictionary.ts`).
 *
 * @module
 */

import { makeTranslations, type Dictionary } from './dictionary.ts';

const en = {
  'site.title': 'Learning-rate schedules',
  'site.description':
    'Learning-rate schedules shown exactly: every curve computed by a faithful TypeScript port of PyTorch’s torch.optim.lr_scheduler.',
  'nav.index': 'Overview',
  'nav.saddle-points': 'Saddle points',
  'nav.cosine-annealing': 'Cosine annealing',
  'nav.warm-restarts': 'Warm restarts',
  'nav.training-loop': 'In a training loop',
  'nav.api-mapping': 'PyTorch ↔ TypeScript',
  'nav.gallery': 'All schedulers',
  'nav.schedulers': 'Scheduler by scheduler',
  'nav.playground': 'Playground',
  'chooser.heading': 'Read in English',
  'chooser.blurb': 'Why and how to change the learning rate while training, with exact numbers.',
  'chooser.link': 'English edition',
} as const;

/** A key of the site-chrome dictionary. */
export type UiKey = keyof typeof en;

/** Site-chrome strings in every locale; both locales must have exactly the same keys. */
export const ui = {
  'zh-cn': {
    'site.title': '学习率调度',
    'site.description':
      '精确呈现学习率调度：每条曲线都由忠实移植 PyTorch torch.optim.lr_scheduler 的 TypeScript 代码计算。',
    'nav.index': '概览',
    'nav.saddle-points': '鞍点',
    'nav.cosine-annealing': '余弦退火',
    'nav.warm-restarts': '热重启',
    'nav.training-loop': '在训练循环中使用',
    'nav.api-mapping': 'PyTorch ↔ TypeScript',
    'nav.gallery': '调度器一览',
    'nav.schedulers': '逐个看调度器',
    'nav.playground': '调度器试验场',
    'chooser.heading': '阅读中文版',
    'chooser.blurb': '训练时为什么、以及如何调整学习率——每个数字都精确可查。',
    'chooser.link': '简体中文版',
  },
  en,
} as const satisfies Dictionary<UiKey>;

/**
 * Site-chrome translations for a locale.
 *
 * @example
 * const t = useTranslations('en');
 * t('nav.warm-restarts'); // 'Warm restarts'
 */
export const useTranslations = makeTranslations(ui);
