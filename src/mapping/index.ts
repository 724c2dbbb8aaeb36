/**
 * The PyTorch → TypeScript API mapping: typed data about every exported class of the engine,
 * and helpers that render it. Pure data and string functions, no Astro or DOM dependency.
 *
 * @module
 */

export { classMappings, errorMappings, notPorted } from './classes.ts';
export {
  escapeHtml,
  inlineCodeHtml,
  pythonSignature,
  tsDefault,
  typescriptCall,
} from './format.ts';
export type {
  ClassKind,
  ClassMapping,
  DefaultValue,
  ErrorMapping,
  Localized,
  MemberMapping,
  NotPorted,
  ParamDefault,
  ParamMapping,
} from './types.ts';
