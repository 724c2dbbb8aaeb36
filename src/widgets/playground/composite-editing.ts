/**
 * What the playground needs only for `SequentialLR` and `ChainedScheduler`: the child schedulers'
 * part of a card and the operations on children. A chunk of its own (see `load-parts.ts`).
 *
 * @module
 */
export { buildChildren } from './children-view.ts';
export { addChild, removeChild, setChildScheduler } from './composite.ts';
