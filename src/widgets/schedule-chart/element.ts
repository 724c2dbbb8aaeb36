/**
 * The `<schedule-chart>` custom element: the only script an article loads for its charts.
 *
 * It stays tiny on purpose. The element waits until it is about to scroll into view, then loads
 * the interactive part in two chunks fetched in parallel (`chart-js.ts`: the parts of Chart.js
 * it uses; `controller.ts`: the scheduler engine, the dictionaries and the widget logic) and hands
 * itself over. Until then, and if loading fails, the reader sees
 * the SVG the page was built with. Configuration comes from `data-*` attributes written at build
 * time: `data-config` (the chart), `data-locale` and, for charts whose schedulers take functions,
 * `data-samples`.
 *
 * @module
 */
import { nextTask } from '../shared/next-task.ts';

/** What the controller returns: a handle to tear the live chart down. */
interface Mounted {
  destroy(): void;
}

class ScheduleChartElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #mounted: Mounted | undefined;
  #loading = false;

  connectedCallback(): void {
    if (this.#mounted || this.#loading || this.#observer) return;
    if (!('IntersectionObserver' in window)) {
      void this.#load();
      return;
    }
    // Start loading a little before the chart is visible, so it is usually ready when it is.
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
      // Two chunks fetched in parallel: Chart.js, and the engine with the widget's own code.
      const [{ mountScheduleChart }, { Chart }] = await Promise.all([
        import('./controller.ts'),
        import('./chart-js.ts'),
      ]);
      await nextTask();
      if (this.isConnected && !this.#mounted) this.#mounted = mountScheduleChart(this, Chart);
    } catch {
      // The build-time SVG, legend and data table stay: the chart is still readable.
      this.querySelectorAll('.sc-plot > canvas').forEach((canvas) => canvas.remove());
      delete this.dataset['live'];
      this.dataset['failed'] = '';
    } finally {
      this.#loading = false;
    }
  }
}

if (!customElements.get('schedule-chart')) {
  customElements.define('schedule-chart', ScheduleChartElement);
}
