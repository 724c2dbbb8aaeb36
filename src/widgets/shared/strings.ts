/**
 * The words of a live widget, as its page delivered them. An Astro wrapper knows its page's
 * locale at build time and serialises only that locale's entry of the widget's typed dictionary
 * into a `data-*` attribute (see {@link stringsAttribute}); the script reads it back here. The
 * widget scripts therefore carry no prose, and a reader downloads one language, not both.
 *
 * @module
 */
import { translator, type Strings, type Translator } from '../../i18n/dictionary.ts';

/**
 * The value of a widget's strings attribute: one locale's entry of its dictionary, as JSON.
 *
 * @param strings - E.g. `scheduleChartUi[locale]`.
 * @returns The JSON text to put in `data-strings`.
 */
export function stringsAttribute<Key extends string>(strings: Strings<Key>): string {
  return JSON.stringify(strings);
}

/**
 * The translation function of a widget element, from the strings its page serialised.
 *
 * @param host - The widget's element; when it has `data-strings-from`, the element with that id
 *   holds the strings instead.
 * @param name - The `dataset` key holding the strings (`strings` for `data-strings`).
 * @returns `t(key, values?)` in the page's language.
 * @throws {Error} When the attribute is missing or not a JSON object, so the element keeps its
 *   build-time fallback rather than showing keys instead of words.
 */
export function readTranslator<Key extends string>(
  host: HTMLElement,
  name = 'strings',
): Translator<Key> {
  // A widget that appears many times on a page (ScheduleChart) carries its strings once: the
  // others name, in `data-strings-from`, the element that has them.
  const from = host.dataset['stringsFrom'];
  const holder = from === undefined ? host : document.getElementById(from);
  const parsed: unknown = JSON.parse(holder?.dataset[name] ?? 'null');
  if (typeof parsed !== 'object' || parsed === null) {
    throw new Error(`<${host.localName}> lacks its strings (dataset.${name})`);
  }
  return translator(parsed as Strings<Key>);
}
