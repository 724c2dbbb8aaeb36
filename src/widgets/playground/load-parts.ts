/**
 * Parts of the playground fetched as chunks of their own, so that its first chart does not wait
 * for them: the `lr_lambda` expression language (`expression.ts`, only for `LambdaLR` and
 * `MultiplicativeLR`) and the editing of child schedulers (`composite-editing.ts`, only for
 * `SequentialLR` and `ChainedScheduler`). Each is fetched before the first chart when the address
 * needs it, else right after the first chart, or at the latest when the reader picks such a
 * scheduler.
 *
 * @module
 */
import { compositeSchedulers, lambdaSchedulers } from '../schedule-chart/model.ts';
import {
  expressionsProvided,
  provideExpressions,
  queryNamesScheduler,
  type PlaygroundState,
} from './model.ts';

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
 * Load every deferred part.
 *
 * @returns When all are loaded.
 */
export async function loadParts(): Promise<void> {
  await Promise.all([loadExpressions(), loadCompositeEditing()]);
}

/**
 * Whether a state needs a part that is not loaded yet: a scheduler with an `lr_lambda`, or a
 * composite's children.
 *
 * @param state - The playground.
 * @returns True when {@link loadParts} must finish before it can be shown.
 */
export function needsParts(state: PlaygroundState): boolean {
  const lambdas = state.series.some((series) =>
    [series, ...(series.children ?? [])].some(
      (item) => typeof item.options['lr_lambda'] === 'string',
    ),
  );
  const children = state.series.some((series) => series.children !== undefined);
  return (lambdas && !expressionsProvided()) || (children && !compositeEditing);
}

/**
 * Load the parts a shared address needs before it is read.
 *
 * @param search - `location.search`.
 * @returns When the address can be read and shown.
 */
export async function prepareForQuery(search: string): Promise<void> {
  if (queryNamesScheduler(search, [...lambdaSchedulers, ...compositeSchedulers])) await loadParts();
}
