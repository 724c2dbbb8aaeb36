/**
 * The elements whose visibility decides which table-of-contents entry is current.
 *
 * The same set as Starlight's `starlight-toc` selects with
 * `main :where(H)`, `main :where(H, .sl-heading-wrapper) ~ *:not(:has(H))`,
 * `main .sl-markdown-content > *:not(:has(H))` and `main > *:not(:has(H))`, found by walking the
 * tree once instead: Chromium matches those `:has()` selectors by searching below every element
 * of the page, 30–90 ms on our longest pages before CPU throttling (the gallery, ~11,000
 * elements), run once per table of contents (desktop and mobile) as the page becomes idle.
 *
 * @param main - The page's `<main>` element.
 * @param headingSelector - Matches the headings that have an entry, e.g. `h1#_top,:where(h2,h3)[id]`.
 * @returns The elements in no particular order, each once.
 */
export function observedElements(main: Element, headingSelector: string): Element[] {
  const headings = [...main.querySelectorAll(headingSelector)];
  // An element "has" a heading exactly when it is an ancestor of one (below `main`).
  const holdsHeading = new Set<Element>();
  for (const heading of headings) {
    for (let node: Element | null = heading; node && node !== main; node = node.parentElement) {
      holdsHeading.add(node);
    }
  }
  const observed = new Set<Element>(headings);
  const keep = (element: Element) => {
    if (!holdsHeading.has(element)) observed.add(element);
  };
  // Siblings after a heading (or its wrapper); a run of siblings already walked from an earlier
  // heading of the same parent need not be walked again.
  const walked = new Set<Element>();
  for (const start of [...headings, ...main.querySelectorAll('.sl-heading-wrapper')]) {
    for (let next = start.nextElementSibling; next && !walked.has(next);) {
      walked.add(next);
      keep(next);
      next = next.nextElementSibling;
    }
  }
  for (const content of main.querySelectorAll('.sl-markdown-content')) {
    for (const child of content.children) keep(child);
  }
  for (const child of main.children) keep(child);
  return [...observed];
}
