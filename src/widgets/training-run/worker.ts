/**
 * The training-run widget's Web Worker (a module worker): glue between `postMessage` and the
 * session in `session.ts`, which holds all the logic. The page creates it with
 *
 * ```ts
 * const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
 * worker.postMessage({ type: 'start', config: { schedule: 'cosine' } } satisfies WorkerRequest);
 * worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => { … });
 * ```
 *
 * The project compiles the DOM and WebWorker libraries into one program, where the global
 * `self` is typed as a `Window`; the module-scoped declaration below gives it the worker's type
 * in this file only (it emits no code).
 *
 * @module
 */
import { createSession } from './session.ts';

export type { WorkerRequest, WorkerResponse } from './session.ts';

declare const self: DedicatedWorkerGlobalScope;

const session = createSession({
  post: (message, transfer) => self.postMessage(message, transfer),
  schedule: (callback, ms) => {
    const id = setTimeout(callback, ms);
    return () => clearTimeout(id);
  },
});

self.addEventListener('message', (event: MessageEvent<unknown>) => session.handle(event.data));
