/**
 * The optimizer base class, mirroring `torch.optim.Optimizer`: parameter groups filled from the
 * constructor's defaults, per-parameter state, `zeroGrad`, and state dicts that round-trip through
 * JSON.
 *
 * @packageDocumentation
 */

import { KeyError, PyTypeError, ValueError } from '../errors.ts';
import { warn } from '../warnings.ts';
import type { Param, ParamGroup, ParamGroupInput } from './types.ts';

/**
 * PyTorch's optimizer state dict, with the tensors written as plain number arrays so that
 * `JSON.parse(JSON.stringify(sd))` loads back unchanged.
 *
 * - `state` maps a parameter's index (as a string, the way JSON keeps object keys) to that
 *   parameter's state, for example `{ momentum_buffer: [0.1, -0.2] }` or
 *   `{ step: 3, exp_avg: [...], exp_avg_sq: [...] }`.
 * - `param_groups` holds each group's options, with `params` replaced by the indices of its
 *   parameters, numbered across all groups in order.
 */
export interface OptimizerStateDict {
  state: Record<string, Record<string, unknown>>;
  param_groups: Array<{ params: number[]; [key: string]: unknown }>;
}

/**
 * Throws Python's `TypeError` for a keyword argument the optimizer does not take, so that a
 * misspelt option (`weight_decay` written `weightDecay`) fails loudly instead of being ignored.
 *
 * @param className - the optimizer class, as Python names it in the message.
 * @param options - the options object passed to the constructor.
 * @param allowed - the option keys the constructor takes.
 * @throws {@link PyTypeError} `"SGD.__init__() got an unexpected keyword argument 'foo'"`.
 * @internal
 */
export function checkOptionKeys(
  className: string,
  options: object,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new PyTypeError(`${className}.__init__() got an unexpected keyword argument '${key}'`);
    }
  }
}

/** Whether `x` is a tensor parameter (a `Param`), as opposed to a param group or anything else. */
function isParam(x: unknown): x is Param {
  return (
    typeof x === 'object' && x !== null && (x as { data?: unknown }).data instanceof Float64Array
  );
}

/** What Python's `torch.typename(x)` prints for the JavaScript value `x`. */
function pyTypeName(x: unknown): string {
  if (isParam(x)) return 'torch.DoubleTensor';
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'string') return 'str';
  if (typeof x === 'function') return 'function';
  if (Array.isArray(x)) return 'list';
  if (x instanceof Set) return 'set';
  return 'dict';
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function isTypedArray(x: unknown): x is ArrayLike<number> {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/**
 * Deep-copies state-dict data into JSON-ready form: typed arrays become number arrays, arrays and
 * plain objects are copied recursively, everything else (numbers, strings, functions, class
 * instances) is kept as it is.
 */
function toPlain(value: unknown): unknown {
  if (isTypedArray(value)) return Array.from(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/**
 * Deep-copies one loaded per-parameter state value, turning tensors back into `Float64Array`s.
 * A tensor is a typed array or an array of numbers. PyTorch leaves `step` uncast
 * (pytorch/pytorch#74424), and so does this.
 */
function castState(value: unknown, key?: string): unknown {
  const isTensor =
    isTypedArray(value) ||
    (Array.isArray(value) && value.every((v: unknown) => typeof v === 'number'));
  if (isTensor && key !== 'step') return Float64Array.from(value as ArrayLike<number>);
  if (Array.isArray(value)) return value.map((v: unknown) => castState(v));
  if (isTypedArray(value)) return Array.from(value);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = castState(v, k);
    return out;
  }
  return value;
}

/**
 * Base class of all optimizers: PyTorch's `torch.optim.Optimizer`.
 *
 * A subclass passes its resolved options as `defaults`; every param group gets each option it
 * does not set itself. Subclasses implement {@link Optimizer.step}, which must set
 * {@link Optimizer._optCalled} before anything else.
 *
 * Differences from PyTorch, all because JavaScript has no tensors or hooks: parameters are
 * {@link Param}s (flat `Float64Array`s); there are no step or state-dict hooks and no named
 * parameters; `stateDict()` returns a copy rather than references to the live state.
 *
 * @example
 * ```ts
 * const w: Param = { data: Float64Array.of(1, 2), grad: null };
 * const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
 * w.grad = Float64Array.of(0.5, -0.5);
 * opt.step();
 * opt.zeroGrad();
 * const saved = JSON.stringify(opt.stateDict());
 * ```
 *
 * @see https://docs.pytorch.org/docs/stable/optim.html
 */
export abstract class Optimizer {
  /**
   * The constructor's resolved options, keys as in PyTorch. Schedulers test `'momentum' in
   * defaults` and `'betas' in defaults` to find out how to cycle momentum.
   */
  readonly defaults: Record<string, unknown>;

  /** PyTorch's `param_groups`. {@link Optimizer.loadStateDict} replaces the list. */
  paramGroups: ParamGroup[] = [];

  /** Per-parameter state (momentum buffers, moment estimates), created lazily by `step()`. */
  state: Map<Param, Record<string, unknown>> = new Map();

  /**
   * Set to `true` by every `step()`. Newest PyTorch's schedulers read the same flag
   * (`_opt_called`) to warn when `scheduler.step()` runs before the first `optimizer.step()`.
   */
  _optCalled = false;

  /**
   * @param params - the parameters to optimize, or param groups (objects with `params` and any
   *   options that differ from `defaults`).
   * @param defaults - the options every group starts from.
   * @throws {@link PyTypeError} if `params` is a single parameter rather than a list.
   * @throws {@link ValueError} `"optimizer got an empty parameter list"`.
   */
  protected constructor(
    params: readonly Param[] | readonly ParamGroupInput[],
    defaults: Record<string, unknown>,
  ) {
    this.defaults = defaults;
    if (isParam(params)) {
      throw new PyTypeError(
        'params argument given to the optimizer should be an iterable of Tensors or dicts, ' +
          `but got ${pyTypeName(params)}`,
      );
    }
    const list: unknown[] = Array.from(params as Iterable<unknown>);
    if (list.length === 0) throw new ValueError('optimizer got an empty parameter list');
    const groups = isPlainObject(list[0]) && !isParam(list[0]) ? list : [{ params: list }];
    for (const group of groups) this.addParamGroup(group as ParamGroupInput);
  }

  /**
   * Adds a param group (PyTorch's `add_param_group`), for example to start training layers that
   * were frozen. Options the group does not set are taken from {@link Optimizer.defaults}; array
   * options such as `betas` are copied so that groups never share one array.
   *
   * As in PyTorch, the object passed in is the one stored, and gains the default options.
   * A parameter listed twice in the group only warns.
   *
   * @param paramGroup - `{ params, ...options }`.
   * @throws {@link PyTypeError} if `paramGroup` is not an object, its `params` is a `Set`, or one
   *   of its params is not a {@link Param}.
   * @throws {@link KeyError} if it has no `params`.
   * @throws {@link ValueError} `"some parameters appear in more than one parameter group"`.
   * @example
   * ```ts
   * opt.addParamGroup({ params: [head], lr: 0.01 });
   * ```
   */
  addParamGroup(paramGroup: ParamGroupInput): void {
    if (!isPlainObject(paramGroup) || isParam(paramGroup)) {
      throw new PyTypeError(
        `param_group must be a dict, but got <class '${isParam(paramGroup) ? 'torch.Tensor' : pyTypeName(paramGroup)}'>`,
      );
    }
    if (!('params' in paramGroup)) throw new KeyError("'params'");
    const params: unknown = paramGroup.params;
    if (isParam(params)) {
      paramGroup.params = [params];
    } else if (params instanceof Set) {
      throw new PyTypeError(
        'optimizer parameters need to be organized in ordered collections, but the ordering of ' +
          'tensors in sets will change between runs. Please use a list instead.',
      );
    } else {
      paramGroup.params = Array.from(params as Iterable<Param>);
    }
    for (const param of paramGroup.params as unknown[]) {
      if (!isParam(param)) {
        throw new PyTypeError(
          `optimizer can only optimize Tensors, but one of the params is ${pyTypeName(param)}`,
        );
      }
    }
    for (const [name, value] of Object.entries(this.defaults)) {
      if (!(name in paramGroup)) paramGroup[name] = Array.isArray(value) ? [...value] : value;
    }
    const groupParams = paramGroup.params;
    if (new Set(groupParams).size !== groupParams.length) {
      warn(
        'optimizer contains a parameter group with duplicate parameters; ' +
          'in future, this will cause an error; ' +
          'see github.com/pytorch/pytorch/issues/40967 for more information',
      );
    }
    const seen = new Set<Param>();
    for (const group of this.paramGroups) for (const p of group.params) seen.add(p);
    if (groupParams.some((p) => seen.has(p))) {
      throw new ValueError('some parameters appear in more than one parameter group');
    }
    this.paramGroups.push(paramGroup as ParamGroup);
  }

  /**
   * Resets the gradients of all parameters (PyTorch's `zero_grad`).
   *
   * @param setToNone - `true` (the default, as in newest PyTorch) sets each `grad` to `null`, so
   *   the next `step()` skips that parameter; `false` fills the gradients with zeros, which
   *   still steps it (weight decay and momentum keep moving it).
   */
  zeroGrad(setToNone = true): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) p.grad = null;
        else p.grad.fill(0);
      }
    }
  }

  /**
   * Performs one optimization step, updating every parameter that has a gradient.
   *
   * @param closure - optional; re-evaluates the model, sets the gradients and returns the loss.
   *   It runs before the update.
   * @returns the closure's loss, or `undefined` without a closure.
   */
  abstract step(closure?: () => number): number | undefined;

  /**
   * Returns the optimizer's state in PyTorch's layout (see {@link OptimizerStateDict}): a deep,
   * JSON-ready copy, where PyTorch returns references to the live tensors.
   *
   * @example
   * ```ts
   * localStorage.setItem('opt', JSON.stringify(opt.stateDict()));
   * ```
   */
  stateDict(): OptimizerStateDict {
    const indexOf = new Map<Param, number>();
    let start = 0;
    const paramGroups = this.paramGroups.map((group) => {
      const packed: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(group)) {
        if (key !== 'params') packed[key] = toPlain(value);
      }
      group.params.forEach((p, i) => {
        if (!indexOf.has(p)) indexOf.set(p, start + i);
      });
      packed['params'] = group.params.map((p) => indexOf.get(p) as number);
      start += group.params.length;
      return packed as OptimizerStateDict['param_groups'][number];
    });
    const state: Record<string, Record<string, unknown>> = {};
    // A parameter with state but in no group (only possible if a caller edited `paramGroups`)
    // has no index; PyTorch fails with a KeyError there, this leaves it out.
    for (const [param, paramState] of this.state) {
      const index = indexOf.get(param);
      if (index !== undefined) {
        state[String(index)] = toPlain(paramState) as Record<string, unknown>;
      }
    }
    return { state, param_groups: paramGroups };
  }

  /**
   * Restores state saved by {@link Optimizer.stateDict} (PyTorch's `load_state_dict`). The saved
   * groups' options replace the current ones, and saved parameter `i` gets the state of the
   * `i`-th parameter, counted across groups in order. Everything is deep-copied, and number
   * arrays in the per-parameter state become `Float64Array`s again. State saved under an index
   * that matches no parameter is dropped (PyTorch keeps it under that index, where no step
   * reads it).
   *
   * As PyTorch warns: construct schedulers *before* loading, since constructing a scheduler
   * overwrites the groups' `lr`.
   *
   * @param stateDict - a state dict, possibly after a JSON round trip.
   * @throws {@link ValueError} `"loaded state dict has a different number of parameter groups"`.
   * @throws {@link ValueError} `"loaded state dict contains a parameter group that doesn't match
   *   the size of optimizer's group"`.
   */
  loadStateDict(stateDict: OptimizerStateDict): void {
    const groups = this.paramGroups;
    const savedGroups = toPlain(stateDict.param_groups) as Array<Record<string, unknown>>;
    if (groups.length !== savedGroups.length) {
      throw new ValueError('loaded state dict has a different number of parameter groups');
    }
    const savedIds = savedGroups.map((g) => g['params'] as unknown[]);
    if (groups.some((g, i) => g.params.length !== (savedIds[i] as unknown[]).length)) {
      throw new ValueError(
        "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
      );
    }
    const idMap = new Map<string, Param>();
    groups.forEach((group, g) => {
      group.params.forEach((p, i) => idMap.set(String((savedIds[g] as unknown[])[i]), p));
    });
    const state = new Map<Param, Record<string, unknown>>();
    for (const [key, value] of Object.entries(stateDict.state)) {
      const param = idMap.get(key);
      if (param !== undefined) state.set(param, castState(value) as Record<string, unknown>);
    }
    const newGroups = savedGroups.map((saved, g) => {
      saved['params'] = (groups[g] as ParamGroup).params;
      return saved as ParamGroup;
    });
    this.state = state;
    this.paramGroups = newGroups;
    for (const group of newGroups) this.setStateDefaults(group);
  }

  /**
   * Fills options that older state dicts may lack, after {@link Optimizer.loadStateDict}
   * (PyTorch's per-optimizer `__setstate__`). The base class adds nothing.
   *
   * @param _group - a group just loaded.
   */
  protected setStateDefaults(_group: ParamGroup): void {}
}
