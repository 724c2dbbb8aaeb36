/**
 * Starlight's `<mobile-starlight-toc>` element (Starlight 0.42, MIT licence) on top of our
 * {@link StarlightTOC}: the summary bar shows the current entry, and the list closes on a link,
 * a click outside it, or Escape (returning focus to the summary when focus was inside).
 *
 * @module
 */
import { StarlightTOC } from './starlight-toc.ts';

export class MobileStarlightTOC extends StarlightTOC {
  protected override set current(link: HTMLAnchorElement) {
    super.current = link;
    const display = this.querySelector('.display-current');
    if (display) display.textContent = link.textContent;
  }

  constructor() {
    super();
    const details = this.querySelector('details');
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    for (const link of details.querySelectorAll('a')) link.addEventListener('click', close);
    window.addEventListener('click', (event) => {
      if (!(event.target instanceof Node) || !details.contains(event.target)) close();
    });
    window.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      if (hadFocus) details.querySelector('summary')?.focus();
    });
  }
}

/** Registers `<mobile-starlight-toc>` once. */
export function defineMobileStarlightToc(): void {
  if (!customElements.get('mobile-starlight-toc')) {
    customElements.define('mobile-starlight-toc', MobileStarlightTOC);
  }
}
