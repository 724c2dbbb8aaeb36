import type { Optimizer } from '../optim/optimizer.ts';
import type { ParamGroup } from '../optim/types.ts';

/**
 * Every param group's current learning rate, as a new array (PyTorch's
 * `[group["lr"] for group in optimizer.param_groups]`).
 *
 * A plain loop on purpose: `Array.prototype.map`'s callback site is shared by every caller in
 * the program, turns megamorphic, and made scheduler steps several times slower.
 */
export function groupLrs(optimizer: Optimizer): number[] {
  const groups = optimizer.paramGroups;
  const out = new Array<number>(groups.length);
  for (let i = 0; i < groups.length; i += 1) out[i] = (groups[i] as ParamGroup).lr;
  return out;
}
