/**
 * UI strings of the `SaddleSurface` widget: the title and description of each function's figure,
 * axis names and the legend. Numbers in placeholders are computed by the widget's model.
 *
 * @module
 */
import { makeTranslations, type Dictionary } from '../dictionary.ts';

const en = {
  'title.x2-y2': 'Heat map and contour lines of f(x, y) = x² − y²',
  'title.x2-y2+y4': 'Heat map and contour lines of f(x, y) = x² − y² + y⁴/4',
  'desc.x2-y2':
    'The saddle point at the origin is a minimum along the x-axis and a maximum along the y-axis. f is positive in the sectors around the x-axis, negative in the sectors around the y-axis, and zero on the diagonals y = ±x.',
  'desc.x2-y2+y4':
    'The saddle point at the origin lies on the pass between two minima at (0, {y}) and (0, −{y}), where f = {f}.',
  'axis.x': 'x',
  'axis.y': 'y',
  'legend.value': 'Value of f',
  'legend.saddle': 'Saddle point',
  'legend.minimum': 'Minimum',
  'legend.contours': 'Contour lines at f = {levels}',
} as const;

/** A key of the `SaddleSurface` dictionary. */
export type SaddleSurfaceKey = keyof typeof en;

/** `SaddleSurface` strings in every locale; both locales must have exactly the same keys. */
export const saddleSurfaceUi = {
  'zh-cn': {
    'title.x2-y2': 'f(x, y) = x² − y² 的热力图与等高线',
    'title.x2-y2+y4': 'f(x, y) = x² − y² + y⁴/4 的热力图与等高线',
    'desc.x2-y2':
      '原点处的鞍点沿 x 轴是极小值，沿 y 轴是极大值。f 在包含 x 轴的两个扇区里为正，在包含 y 轴的两个扇区里为负，在对角线 y = ±x 上为零。',
    'desc.x2-y2+y4':
      '原点处的鞍点位于两个极小值 (0, {y}) 和 (0, −{y}) 之间的山口上，极小值处 f = {f}。',
    'axis.x': 'x',
    'axis.y': 'y',
    'legend.value': 'f 的取值',
    'legend.saddle': '鞍点',
    'legend.minimum': '极小值',
    'legend.contours': '等高线：f = {levels}',
  },
  en,
} as const satisfies Dictionary<SaddleSurfaceKey>;

/**
 * `SaddleSurface` translations for a locale.
 *
 * @example
 * useSaddleSurfaceTranslations('en')('legend.saddle'); // 'Saddle point'
 */
export const useSaddleSurfaceTranslations = makeTranslations(saddleSurfaceUi);
