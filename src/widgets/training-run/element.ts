/**
 * The `<training-run>` custom element: the only script a page loads for the training run up
 * front, so it stays tiny. Once the element is about to scroll into view it loads the live part
 * in two chunks fetched in parallel (`chart-js.ts`, the Chart.js build shared with
 * `ScheduleChart`; and `training-controller.ts`, the widget's logic, which starts the training
 * worker) and hands itself over. Until then, and if loading fails, the reader sees the chart and
 * table of the run the page was built with.
 *
 * @module
 */

/** What the controller returns: a handle to tear the live widget down. */
interface Mounted {
  destroy(): void;
}

class TrainingRunElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #mounted: Mounted | undefined;
  #loading = false;

  connectedCallback(): void {
    if (this.#mounted || this.#loading || this.#observer) return;
    if (!('IntersectionObserver' in window) || !('Worker' in window)) {
      if ('Worker' in window) void this.#load();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#stopObserving();
        void this.#load();
      },
      { rootMargin: '200px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#stopObserving();
    this.#mounted?.destroy();
    this.#mounted = undefined;
  }

  #stopObserving(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  async #load(): Promise<void> {
    this.#loading = true;
    try {
      const [{ mountTrainingRun }, { Chart }] = await Promise.all([
        import('./training-controller.ts'),
        import('../schedule-chart/chart-js.ts'),
      ]);
      if (this.isConnected && !this.#mounted) this.#mounted = mountTrainingRun(this, Chart);
    } catch {
      // The build-time chart and table stay: the run is still readable.
      this.querySelectorAll('.tr-boundary > canvas, .tr-chart > canvas').forEach((canvas) =>
        canvas.remove(),
      );
      delete this.dataset['live'];
      this.dataset['failed'] = '';
    } finally {
      this.#loading = false;
    }
  }
}

if (!customElements.get('training-run')) {
  customElements.define('training-run', TrainingRunElement);
}
