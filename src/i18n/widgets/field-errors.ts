/**
 * Explanations of the errors a settings field reports (`FieldErrorKey` of the shared field
 * rules), the same for every widget whose settings are read by those rules: the saddle explorer
 * and the training run spread these into their own dictionaries. `{name}` is the field's label.
 *
 * @module
 */
import type { Locale } from '../locales.ts';
import type { FieldErrorKey } from '../../widgets/training-run/fields.ts';

/** The field-error strings of one locale, keyed as the widget dictionaries use them. */
type FieldErrorStrings = Readonly<Record<`error.${FieldErrorKey}` | 'error.pytorch', string>>;

/** Field-error strings in every locale. */
export const fieldErrorsUi = {
  'zh-cn': {
    'error.pytorch': 'PyTorch 的原始报错：',
    'error.notNumber': '“{name}”必须是一个数。',
    'error.notInteger': '“{name}”必须是整数。',
    'error.tooSmall': '“{name}”不能小于 {min}。',
    'error.notPositive': '“{name}”必须大于 0。',
    'error.tooLarge': '“{name}”不能大于 {max}。',
    'error.notChoice': '“{name}”必须是 {choices} 之一。',
    'error.notBoolean': '“{name}”只能是开或关。',
    'error.engine': 'PyTorch 不接受“{name}”的这个值。',
    'error.invalid': '无法读取这组设置。',
  },
  en: {
    'error.pytorch': 'PyTorch’s message:',
    'error.notNumber': '{name} must be a number.',
    'error.notInteger': '{name} must be a whole number.',
    'error.tooSmall': '{name} must be at least {min}.',
    'error.notPositive': '{name} must be greater than 0.',
    'error.tooLarge': '{name} must be at most {max}.',
    'error.notChoice': '{name} must be one of {choices}.',
    'error.notBoolean': '{name} must be on or off.',
    'error.engine': 'PyTorch rejects this value of {name}.',
    'error.invalid': 'These settings cannot be read.',
  },
} as const satisfies Record<Locale, FieldErrorStrings>;
