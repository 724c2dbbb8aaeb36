/**
 * Parts of the playground fetched as chunks of their own, so that its first chart does not wait
 * for them: the classes of every scheduler but `CosineAnnealingLR`, which the default chart draws
 * (`../schedule-chart/schedulers.ts`), the `lr_lambda` expression language (`expression.ts`, for
 * `LambdaLR` and `MultiplicativeLR`) and the editing of child schedulers (`composite-editing.ts`,
 * for `SequentialLR` and `ChainedScheduler`). They are fetched together: before the first chart
 * when the address names a scheduler that needs them, else right after the first chart, or at the
 * latest when the reader picks such a scheduler.
 *
 * @module
 */
import { CosineAnnealingLR } from '../../scheduler/index.ts';
import {
  compositeSchedulers,
  lambdaSchedulers,
  provideSchedulers,
  schedulerProvided,
  type SchedulerClasses,
} from '../schedule-chart/model.ts';
import {
  expressionsProvided,
  playgroundSchedulers,
  provideExpressions,
  queryNamesScheduler,
  type PlaygroundState,
} from './model.ts';

/** The scheduler classes that come with the playground: those of its default chart. */
export const initialSchedulers: Partial<SchedulerClasses> = { CosineAnnealingLR };

provideSchedulers(initialSchedulers);

/** What `composite-editing.ts` exports. */
export type CompositeEditing = typeof import('./composite-editing.ts');

let compositeEditing: CompositeEditing | undefined;

/** The child-scheduler editing, once loaded ({@link loadParts}). */
export const loadedCompositeEditing = (): CompositeEditing | undefined => compositeEditing;

/**
 * Load the expression language and give it to the model (once).
 *
 * @returns When the model has it.
 */
async function loadExpressions(): Promise<void> {
  if (!expressionsProvided()) provideExpressions(await import('./expression.ts'));
}

/**
 * Load the child-scheduler editing (once).
 *
 * @returns When {@link loadedCompositeEditing} has it.
 */
async function loadCompositeEditing(): Promise<void> {
  compositeEditing ??= await import('./composite-editing.ts');
}

/**
 * Load the class of every scheduler and give them to the model (once).
 *
 * @returns When the model has them.
 */
async function loadSchedulers(): Promise<void> {
  if (!playgroundSchedulers.every(schedulerProvided)) {
    provideSchedulers((await import('../schedule-chart/schedulers.ts')).schedulerClasses);
  }
}

/**
 * Load every deferred part.
 *
 * @returns When all are loaded.
 */
export async function loadParts(): Promise<void> {
  await Promise.all([loadSchedulers(), loadExpressions(), loadCompositeEditing()]);
}

const among = (names: readonly string[], name: string) => names.includes(name);

/** The schedulers that cannot be shown before {@link loadParts} has finished. */
function waiting(): string[] {
  return playgroundSchedulers.filter(
    (name) =>
      !schedulerProvided(name) ||
      (among(lambdaSchedulers, name) && !expressionsProvided()) ||
      (among(compositeSchedulers, name) && !compositeEditing),
  );
}

/**
 * Whether a state needs a part that is not loaded yet: the class of one of its schedulers (or of a
 * child's), the expression language of an `lr_lambda`, or a composite's children.
 *
 * @param state - The playground.
 * @returns True when {@link loadParts} must finish before it can be shown.
 */
export function needsParts(state: PlaygroundState): boolean {
  const missing = waiting();
  return state.series.some((series) =>
    [series, ...(series.children ?? [])].some((item) => missing.includes(item.scheduler)),
  );
}

/**
 * Load the parts a shared address needs before it is read.
 *
 * @param search - `location.search`.
 * @returns When the address can be read and shown.
 */
export async function prepareForQuery(search: string): Promise<void> {
  if (queryNamesScheduler(search, waiting())) await loadParts();
}
