/**
 * The child schedulers of a composite configuration, in its card: for each child a group with a
 * remove button, its scheduler's select and its fields, then a button that adds a child. Built
 * from DOM nodes with text only. The controller handles the buttons (`data-action="add-child"`,
 * `data-action="remove-child"`) and the selects (`data-role="child-scheduler"`); each carries its
 * child's index in `data-child`.
 *
 * @module
 */
import type { Placeholders } from '../../i18n/dictionary.ts';
import type { PlaygroundKey } from '../../i18n/widgets/playground.ts';
import {
  MAX_CHILDREN,
  MIN_CHILDREN,
  childSchedulers,
  seriesFields,
  type PlaygroundField,
  type PlaygroundSeries,
} from './model.ts';

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
};

const button = (action: string, text: string, disabled: boolean, child?: number) => {
  const node = element('button', '', text);
  node.type = 'button';
  node.dataset['action'] = action;
  if (child !== undefined) node.dataset['child'] = String(child);
  node.disabled = disabled;
  return node;
};

/**
 * The children's part of a configuration's card.
 *
 * @param series - The configuration.
 * @param index - Its position.
 * @param base - The prefix of the card's element ids.
 * @param fieldControl - Builds (and registers) the control of one field, with its label.
 * @param t - Playground translations.
 * @returns The group, or `undefined` when the configuration is no composite.
 */
export function buildChildren(
  series: PlaygroundSeries,
  index: number,
  base: string,
  fieldControl: (field: PlaygroundField, id: string) => HTMLElement,
  t: (key: PlaygroundKey, values?: Placeholders) => string,
): HTMLElement | undefined {
  const { children } = series;
  if (!children) return undefined;
  const fields = seriesFields(series, index);
  const group = element('div', 'pg-group pg-children');
  const label = element(
    'span',
    'pg-group-label',
    t('series.children', { scheduler: series.scheduler }),
  );
  label.id = `${base}-children`;
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', label.id);
  group.append(label);
  children.forEach((child, j) => {
    const k = j + 1;
    const box = element('fieldset', 'pg-child');
    const remove = button('remove-child', t('series.remove'), children.length <= MIN_CHILDREN, j);
    remove.setAttribute('aria-label', t('child.removeLabel', { k, n: index + 1 }));
    const select = element('select', 'pg-input');
    select.id = `${base}-c${k}-scheduler`;
    select.dataset['role'] = 'child-scheduler';
    select.dataset['child'] = String(j);
    select.append(
      ...childSchedulers.map((name) => new Option(name, name, false, name === child.scheduler)),
    );
    const selectLabel = element('label', '', t('series.scheduler'));
    selectLabel.htmlFor = select.id;
    const chooser = element('div', 'pg-field pg-scheduler');
    chooser.append(selectLabel, select);
    const grid = element('div', 'pg-fields');
    grid.append(
      ...fields
        .filter((field) => field.child === j)
        .map((field) => fieldControl(field, `${base}-c${k}-${field.name}`)),
    );
    const buttons = element('div', 'pg-card-buttons');
    buttons.append(remove);
    box.append(element('legend', '', t('child.heading', { k })), buttons, chooser, grid);
    group.append(box);
  });
  group.append(button('add-child', t('child.add'), children.length >= MAX_CHILDREN));
  return group;
}
