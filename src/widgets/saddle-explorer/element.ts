/**
 * The `<saddle-explorer>` custom element: the only script the saddle-point article loads for the
 * explorer up front, so it stays tiny. Once the element is about to scroll into view (or at once,
 * when the page's address is a shared link to it: `#<id>?…`), it loads the live part in two chunks
 * fetched in parallel (`chart-js.ts`, the Chart.js build shared with `ScheduleChart`; and
 * `explorer-controller.ts`, the model, the engine's optimizers and schedulers, and the widget's
 * logic) and hands itself over. Until then, and if loading fails, the reader sees the surface
 * with the run the page was built with.
 *
 * @module
 */

/** What the controller returns: a handle to tear the live widget down. */
interface Mounted {
  destroy(): void;
}

class SaddleExplorerElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #mounted: Mounted | undefined;
  #loading = false;
  #abort: AbortController | undefined;

  connectedCallback(): void {
    if (this.#mounted || this.#loading || this.#observer) return;
    if (this.#sharedHere() || !('IntersectionObserver' in window)) {
      void this.#load();
      return;
    }
    // A shared link opened on this page later (a pasted address) also loads the widget.
    this.#abort = new AbortController();
    window.addEventListener(
      'hashchange',
      () => {
        if (!this.#sharedHere()) return;
        this.#stopWaiting();
        void this.#load();
      },
      { signal: this.#abort.signal },
    );
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#stopWaiting();
        void this.#load();
      },
      { rootMargin: '200px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#stopWaiting();
    this.#mounted?.destroy();
    this.#mounted = undefined;
  }

  /** Whether the page's address is a shared link to this element. */
  #sharedHere(): boolean {
    return this.id !== '' && location.hash.startsWith(`#${this.id}?`);
  }

  #stopWaiting(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    try {
      const [{ mountSaddleExplorer }, { Chart }] = await Promise.all([
        import('./explorer-controller.ts'),
        import('../schedule-chart/chart-js.ts'),
      ]);
      if (this.isConnected && !this.#mounted) this.#mounted = mountSaddleExplorer(this, Chart);
    } catch {
      // The build-time surface and run stay: the widget is still readable.
      this.querySelectorAll('.se-surface > canvas, .se-chart > canvas').forEach((canvas) =>
        canvas.remove(),
      );
      delete this.dataset['live'];
      this.dataset['failed'] = '';
    } finally {
      this.#loading = false;
    }
  }
}

if (!customElements.get('saddle-explorer')) {
  customElements.define('saddle-explorer', SaddleExplorerElement);
}
