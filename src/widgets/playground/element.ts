/**
 * The `<lr-playground>` custom element: the only script the playground page loads up front.
 *
 * The playground is the page's main content, so the element starts loading its interactive part
 * at once, in two chunks fetched in parallel: Chart.js with only the parts the charts use (the
 * chunk `ScheduleChart` loads too) and `controller.ts` (the scheduler engine with the class of its
 * default chart's scheduler, the dictionaries and the playground logic; see `load-parts.ts` for
 * what follows). Until then, and if loading fails, the reader sees the note that the playground
 * needs JavaScript.
 *
 * @module
 */
import { nextTask } from '../shared/next-task.ts';

/** What the controller returns: a handle to tear the playground down. */
interface Mounted {
  destroy(): void;
}

class PlaygroundElement extends HTMLElement {
  #mounted: Mounted | undefined;
  #loading = false;

  connectedCallback(): void {
    if (this.#mounted || this.#loading) return;
    void this.#load();
  }

  disconnectedCallback(): void {
    this.#mounted?.destroy();
    this.#mounted = undefined;
  }

  async #load(): Promise<void> {
    this.#loading = true;
    try {
      const [{ mountPlayground, prepareForQuery }, { Chart }] = await Promise.all([
        import('./controller.ts'),
        import('../schedule-chart/chart-js.ts'),
      ]);
      // A shared address with an lr_lambda needs the expression chunk before it can be read.
      await prepareForQuery(location.search);
      await nextTask();
      if (this.isConnected && !this.#mounted) this.#mounted = mountPlayground(this, Chart);
    } catch {
      // The note that the playground needs JavaScript stays visible.
      delete this.dataset['live'];
      this.dataset['failed'] = '';
    } finally {
      this.#loading = false;
    }
  }
}

if (!customElements.get('lr-playground')) {
  customElements.define('lr-playground', PlaygroundElement);
}
