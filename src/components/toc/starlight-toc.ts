/**
 * Starlight's `<starlight-toc>` element (Starlight 0.42, MIT licence), with one change: the
 * elements it watches are found by {@link observedElements} instead of `:has()` selectors, which
 * cost our long pages a blocking task of up to ~90 ms (several hundred on a slow phone).
 * Highlighting behaves as in Starlight: the entry of the heading whose section is at the top of
 * the viewport is marked `aria-current="true"`.
 *
 * @module
 */
import { observedElements } from './observed-elements.ts';

/** Starlight's id of the page title, the first entry ("Overview"). */
const pageTitleId = '_top';

export class StarlightTOC extends HTMLElement {
  private currentLink: HTMLAnchorElement | null = this.querySelector('a[aria-current="true"]');
  private readonly minH = Number.parseInt(this.dataset['minH'] ?? '2', 10);
  private readonly maxH = Number.parseInt(this.dataset['maxH'] ?? '3', 10);
  private readonly headingSelector = `h1#${pageTitleId},:where(${Array.from(
    { length: 1 + this.maxH - this.minH },
    (_, index) => `h${this.minH + index}`,
  ).join()})[id]`;

  protected set current(link: HTMLAnchorElement) {
    if (link === this.currentLink) return;
    this.currentLink?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.currentLink = link;
  }

  constructor() {
    super();
    // Highlighting is not needed to read the page: wait until the main thread is idle.
    const onIdle = (callback: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(callback) : setTimeout(callback, 1);
    onIdle(() => this.init(onIdle));
  }

  private init(onIdle: (callback: () => void) => void): void {
    const main = document.querySelector('main');
    if (!main) return;
    const links = [...this.querySelectorAll('a')];
    const isHeading = (element: Element) => element.matches(this.headingSelector);
    // Walk back through the document to the nearest heading at or before an element.
    const headingOf = (start: Element): Element | null => {
      let element: Element | null = start;
      while (element) {
        if (element.matches('.sl-markdown-content, main > *')) {
          return document.getElementById(pageTitleId);
        }
        if (isHeading(element)) return element;
        const inside = element.querySelector(this.headingSelector);
        if (inside) return inside;
        let previous: Element | null = element.previousElementSibling;
        while (previous?.lastElementChild) previous = previous.lastElementChild;
        element = previous ?? element.parentElement;
      }
      return null;
    };
    const setCurrent = (entries: IntersectionObserverEntry[]) => {
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        const heading = headingOf(target);
        if (!heading) continue;
        const link = links.find((a) => a.hash === `#${encodeURIComponent(heading.id)}`);
        if (link) {
          this.current = link;
          break;
        }
      }
    };
    const targets = observedElements(main, this.headingSelector);
    let observer: IntersectionObserver | undefined;
    const observe = () => {
      if (observer) return;
      observer = new IntersectionObserver(setCurrent, { rootMargin: this.rootMargin() });
      for (const target of targets) observer.observe(target);
    };
    observe();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = undefined;
      clearTimeout(timeout);
      timeout = setTimeout(() => onIdle(observe), 200);
    });
  }

  /** A band just below the header (and the mobile summary bar), where a section counts as current. */
  private rootMargin(): string {
    const top =
      (document.querySelector('header')?.getBoundingClientRect().height ?? 0) +
      (this.querySelector('summary')?.getBoundingClientRect().height ?? 0) +
      32;
    return `-${top}px 0% ${top + 53 - document.documentElement.clientHeight}px`;
  }
}

/** Registers `<starlight-toc>` once. */
export function defineStarlightToc(): void {
  if (!customElements.get('starlight-toc')) customElements.define('starlight-toc', StarlightTOC);
}
