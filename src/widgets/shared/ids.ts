/**
 * Element ids for widgets rendered at build time. A widget needs ids (for `aria-labelledby`,
 * `aria-describedby`, SVG `<title>`s) that are unique on its page; a counter that only grows
 * during a build gives ids unique across the whole site, which is enough.
 *
 * @module
 */

const counters = new Map<string, number>();

/**
 * The next id with a prefix: `sc-1`, `sc-2`, ….
 *
 * @param prefix - A short prefix naming the widget.
 * @returns A fresh id.
 * @example
 * nextId('saddle'); // 'saddle-1'
 */
export function nextId(prefix: string): string {
  const count = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, count);
  return `${prefix}-${count}`;
}
