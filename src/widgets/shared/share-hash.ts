/**
 * Shareable addresses of a widget: `#<element id>?<field>=<value>&…`. The element's id comes
 * first, so a page with several widgets knows whose fragment it is; only the widget's own field
 * names are read back, and their values stay untrusted text for the widget's parser to check.
 * No DOM.
 *
 * @module
 */

/**
 * The address fragment that restores a widget's setup.
 *
 * @param id - The element's id.
 * @param fields - Every field of the setup as text, e.g. from the widget's `serialize…Config`.
 * @returns The fragment, starting with `#`.
 * @example
 * shareHash('training-run', { seed: '1', epochs: '60' }); // '#training-run?seed=1&epochs=60'
 */
export function shareHash(id: string, fields: Readonly<Record<string, string>>): string {
  return `#${id}?${new URLSearchParams(fields).toString()}`;
}

/**
 * The fields a shared address gives one widget: the query after `#<id>?`, keeping only `names`
 * (anything else in the address is ignored, never applied).
 *
 * @param hash - `location.hash`.
 * @param id - The element's id.
 * @param names - The widget's field names.
 * @returns The fields present, or `undefined` when the fragment is not for this element.
 * @example
 * readShareHash('#run?seed=2&evil=1', 'run', ['seed', 'epochs']); // { seed: '2' }
 */
export function readShareHash<Name extends string>(
  hash: string,
  id: string,
  names: readonly Name[],
): Partial<Record<Name, string>> | undefined {
  const prefix = `#${id}?`;
  if (!hash.startsWith(prefix)) return undefined;
  const query = new URLSearchParams(hash.slice(prefix.length));
  const fields: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}
