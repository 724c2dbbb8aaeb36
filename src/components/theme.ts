/**
 * The page's colour theme, for client-side widgets that draw their own colours (charts, canvases).
 *
 * Starlight keeps the resolved theme on the root element: `document.documentElement.dataset.theme`
 * is always `'dark'` or `'light'` — also when the reader picked "auto", in which case Starlight
 * writes the system preference there and updates it when the preference changes. Widgets read it
 * once with {@link getTheme} and follow changes with {@link onThemeChange}; CSS can use
 * `:root[data-theme='dark']` selectors directly.
 *
 * @module
 */

/** A resolved colour theme. */
export type Theme = 'dark' | 'light';

/**
 * The current theme of a document.
 *
 * @param root - The element carrying `data-theme`; defaults to `document.documentElement`.
 * @returns `'light'` when `data-theme` is `light`, otherwise `'dark'` (Starlight's own fallback).
 * @example
 * const colors = getTheme() === 'dark' ? darkPalette : lightPalette;
 */
export function getTheme(root: HTMLElement = document.documentElement): Theme {
  return root.dataset['theme'] === 'light' ? 'light' : 'dark';
}

/**
 * Call `callback` whenever the theme changes (Starlight's theme picker or, in "auto" mode, the
 * system preference).
 *
 * @param callback - Receives the new theme; called only when it actually changed.
 * @param root - The element carrying `data-theme`; defaults to `document.documentElement`.
 * @returns A function that stops watching.
 * @example
 * const stop = onThemeChange((theme) => chart.setColors(theme));
 * // later, when the widget is removed:
 * stop();
 */
export function onThemeChange(
  callback: (theme: Theme) => void,
  root: HTMLElement = document.documentElement,
): () => void {
  let last = getTheme(root);
  const observer = new MutationObserver(() => {
    const next = getTheme(root);
    if (next !== last) {
      last = next;
      callback(next);
    }
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
