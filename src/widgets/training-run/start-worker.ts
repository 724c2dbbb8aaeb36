/**
 * Starts the training worker (`worker.ts`). A module of its own so that the controller can fetch it
 * once the chart is on screen, as a load of its own (the budget gate reports it as deferred).
 *
 * @module
 */

/**
 * Start a training worker.
 *
 * @returns The worker, ready for `WorkerRequest` messages.
 */
export function startWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}
