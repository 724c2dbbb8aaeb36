/**
 * Words of the mapping components (`MappingTable.astro`, `MappingDifferences.astro`).
 *
 * @module
 */

import { makeTranslations, type Dictionary } from '../i18n/dictionary.ts';

const en = {
  'col.class': 'Class',
  'col.pytorch': 'PyTorch',
  'col.typescript': 'TypeScript',
  'col.summary': 'What it does',
  'col.note': 'Note',
  'col.member': 'Member',
  'col.python': 'Python exception',
  'col.when': 'Raised for',
  docs: 'PyTorch documentation',
  'inherits.before': 'Also has every method and attribute of ',
  'inherits.after': '.',
  methods: 'Methods',
  attributes: 'Attributes',
  unsupported: 'Accepted by PyTorch, not by the port (no devices, no autograd):',
  stateDict: 'State-dict keys:',
  'groupKeys.optimizer': 'Param-group keys:',
  'groupKeys.scheduler': 'Adds to every param group:',
  notPorted: 'Not ported:',
  'subject.all': 'All schedulers',
} as const;

/** A key of the mapping components' dictionary. */
export type MappingLabel = keyof typeof en;

/** The mapping components' words in every locale. */
export const mappingLabels = {
  en,
  'zh-cn': {
    'col.class': '类',
    'col.pytorch': 'PyTorch',
    'col.typescript': 'TypeScript',
    'col.summary': '作用',
    'col.note': '说明',
    'col.member': '成员',
    'col.python': 'Python 异常',
    'col.when': '何时抛出',
    docs: 'PyTorch 文档',
    'inherits.before': '另有 ',
    'inherits.after': ' 的全部方法与属性。',
    methods: '方法',
    attributes: '属性',
    unsupported: 'PyTorch 接受、本移植不接受的参数（没有设备，也没有自动求导）：',
    stateDict: '状态字典的键：',
    'groupKeys.optimizer': '参数组的键：',
    'groupKeys.scheduler': '向每个参数组添加：',
    notPorted: '未移植：',
    'subject.all': '所有调度器',
  },
} as const satisfies Dictionary<MappingLabel>;

/**
 * The mapping components' translations for a locale.
 *
 * @example
 * ```ts
 * const t = useMappingLabels('zh-cn');
 * t('methods'); // '方法'
 * ```
 */
export const useMappingLabels = makeTranslations(mappingLabels);
