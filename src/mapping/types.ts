/**
 * Types of the PyTorch → TypeScript API mapping (see `classes.ts` for the data).
 *
 * @module
 */

import type { Locale } from '../i18n/locales.ts';

/** A text in every site locale. Backticks mark inline code, as in `differences.ts`. */
export type Localized = Readonly<Record<Locale, string>>;

/** A default value as a JavaScript value: what the engine must store when the option is left out. */
export type DefaultValue = number | string | boolean | null | readonly DefaultValue[];

/** A parameter's default: how PyTorch's signature spells it, and its value. */
export interface ParamDefault {
  /**
   * The default as written in PyTorch's signature: `0.1`, `1.0 / 3`, `'min'`, `None`,
   * `(0.9, 0.999)`, `False`. The TypeScript spelling is derived from it (`None` → `null`,
   * tuples → arrays, `True`/`False` → `true`/`false`) unless {@link ParamDefault.ts} is given.
   */
  py: string;
  /** The value, compared with what the engine does when the option is omitted. */
  value: DefaultValue;
  /** The TypeScript spelling, where it is not derived from {@link ParamDefault.py}. */
  ts?: string;
}

/** One parameter of a PyTorch constructor. */
export interface ParamMapping {
  /** The name, identical in PyTorch and in the TypeScript options object. */
  name: string;
  /** Absent for a required parameter. */
  default?: ParamDefault;
  /** Keyword-only in PyTorch (after `*` in the signature). */
  keywordOnly?: boolean;
  /**
   * Passed positionally in TypeScript (the optimizer, the parameters, `ChainedScheduler`'s
   * schedulers); every other parameter goes into the options object.
   */
  positional?: boolean;
  /**
   * PyTorch accepts it but the port does not (device and autograd switches: `foreach`, `fused`,
   * `capturable`, `differentiable`). The optimizers throw `TypeError` for it.
   */
  unsupported?: boolean;
  /**
   * Where an instance keeps the value, when it is stored as given: an instance attribute, or
   * (optimizers) a key of every param group. Tests compare it with {@link ParamMapping.default}.
   * A list attribute (`baseMomentums`) holds the default once per param group.
   */
  stored?: { attribute: string } | { group: string };
}

/** A method or attribute: PyTorch's name and the port's. */
export interface MemberMapping {
  py: string;
  ts: string;
  /** What differs beyond the name. */
  note?: Localized;
}

/** The kinds of classes the engine exports. */
export type ClassKind = 'optimizer' | 'scheduler';

/** One exported optimizer or scheduler class and its PyTorch counterpart. */
export interface ClassMapping {
  /** The exported name, the same as PyTorch's class name. */
  name: string;
  kind: ClassKind;
  /** PyTorch's qualified name, e.g. `torch.optim.lr_scheduler.CosineAnnealingLR`. */
  pytorch: string;
  /** PyTorch's documentation page. */
  docs: string;
  /** Base class abstract in both (cannot be constructed directly). */
  abstract?: boolean;
  /**
   * For an abstract class, how to subclass it in TypeScript, shown instead of a constructor
   * call: the base constructors take positional arguments, not an options object.
   */
  subclassExample?: string;
  /** The exported class whose members this one inherits in the port (`LRScheduler`, `Optimizer`). */
  inherits?: string;
  /** What it does, in one line. */
  summary: Localized;
  /** Constructor parameters in PyTorch's order (newest PyTorch). */
  params: readonly ParamMapping[];
  /** Methods the class defines or overrides (inherited ones are listed on the base class). */
  methods: readonly MemberMapping[];
  /** Public attributes the class adds (inherited ones are listed on the base class). */
  attributes: readonly MemberMapping[];
  /**
   * The keys of `stateDict()`, in order, for an instance built with defaults. Optimizers:
   * the top-level keys; their per-group keys are in {@link ClassMapping.groupKeys}.
   */
  stateDictKeys: readonly string[];
  /**
   * Optimizers: the keys of every param group. Schedulers: the keys construction adds to the
   * optimizer's param groups.
   */
  groupKeys: readonly string[];
  /** Anything else a PyTorch user should know. */
  notes?: readonly Localized[];
}

/** A Python exception and the exported class the port throws for it. */
export interface ErrorMapping {
  /** The exported class. */
  name: string;
  /** The Python exception. */
  python: string;
  /** Where PyTorch raises it, with an example. */
  when: Localized;
}

/** A PyTorch class the port does not have. */
export interface NotPorted {
  pytorch: string;
  docs: string;
  why: Localized;
}
