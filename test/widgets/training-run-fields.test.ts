/**
 * The shared field reader both widgets parse untrusted configurations with: number syntax,
 * the order of checks, input shapes, and naming the field an engine message is about.
 */
import { describe, expect, it } from 'vitest';
import { ValueError } from '../../src/scheduler/index.ts';
import {
  checkField,
  engineProblem,
  fieldNamedIn,
  readFields,
  readNumber,
  writeFields,
} from '../../src/widgets/training-run/fields.ts';

describe('readNumber', () => {
  it.each([
    ['0.05', 0.05],
    [' -1e-6 ', -1e-6],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1E3', 1000],
    [7, 7],
  ] as const)('reads %j as %d', (raw, value) => {
    expect(readNumber(raw)).toBe(value);
  });

  it.each(['', ' ', '0x10', '1_000', 'Infinity', '-inf', 'NaN', '1e999', '1,5', '1 2', 'e5'])(
    'rejects %j',
    (raw) => {
      expect(readNumber(raw)).toBeUndefined();
    },
  );

  it('rejects non-finite numbers and other types', () => {
    for (const raw of [Infinity, -Infinity, Number.NaN, true, null, undefined, {}, [1]]) {
      expect(readNumber(raw)).toBeUndefined();
    }
  });
});

describe('checkField', () => {
  it('checks number, integer, positive, min, max in that order', () => {
    const rule = { kind: 'number', integer: true, positive: true, min: 2, max: 5 } as const;
    expect(checkField('n', 'x', rule)).toMatchObject({ ok: false, key: 'notNumber' });
    expect(checkField('n', '-0.5', rule)).toMatchObject({ ok: false, key: 'notInteger' });
    expect(checkField('n', '-1', rule)).toMatchObject({ ok: false, key: 'notPositive' });
    expect(checkField('n', '1', rule)).toEqual({
      ok: false,
      key: 'tooSmall',
      values: { name: 'n', min: 2 },
    });
    expect(checkField('n', '6', rule)).toEqual({
      ok: false,
      key: 'tooLarge',
      values: { name: 'n', max: 5 },
    });
    expect(checkField('n', '4', rule)).toEqual({ ok: true, value: 4 });
  });

  it('normalizes −0 to 0', () => {
    const checked = checkField('x', '-0', { kind: 'number' });
    expect(checked.ok && Object.is(checked.value, 0)).toBe(true);
  });

  it('reads booleans and choices strictly', () => {
    const flag = { kind: 'boolean' } as const;
    expect(['true', '1', true].map((raw) => checkField('f', raw, flag))).toEqual(
      Array.from({ length: 3 }, () => ({ ok: true, value: true })),
    );
    expect(['false', '0', false].map((raw) => checkField('f', raw, flag))).toEqual(
      Array.from({ length: 3 }, () => ({ ok: true, value: false })),
    );
    for (const raw of ['TRUE', 'yes', 1, '']) {
      expect(checkField('f', raw, flag)).toMatchObject({ ok: false, key: 'notBoolean' });
    }
    const pick = { kind: 'choice', choices: ['a', 'b'] } as const;
    expect(checkField('c', ' b ', pick)).toEqual({ ok: true, value: 'b' });
    expect(checkField('c', 'B', pick)).toEqual({
      ok: false,
      key: 'notChoice',
      values: { name: 'c', choices: 'a, b' },
    });
  });
});

describe('readFields and writeFields', () => {
  const rules = { a: { kind: 'number' }, b: { kind: 'boolean' } } as const;
  const defaults = { a: 1, b: false };

  it('accepts plain objects, URLSearchParams and Maps, and round-trips', () => {
    const values = { a: 1e-7, b: true };
    const text = writeFields(values);
    expect(text).toEqual({ a: '1e-7', b: 'true' });
    for (const input of [text, new URLSearchParams(text), new Map(Object.entries(text))]) {
      expect(readFields(input, rules, defaults)).toEqual({ values, problems: [] });
    }
  });

  it('takes defaults for absent and undefined fields, and ignores inherited keys', () => {
    const inherited = Object.create({ a: '5' }) as Record<string, unknown>;
    expect(readFields(inherited, rules, defaults).values).toEqual(defaults);
    expect(readFields({ a: undefined }, rules, defaults).values).toEqual(defaults);
  });
});

describe('engine messages', () => {
  it('names the field a message is about, by whole words', () => {
    const fields = [
      ['T_0', ['T_0']],
      ['lr', ['learning rate']],
    ] as const;
    expect(fieldNamedIn('Expected positive integer T_0, but got 0', fields)).toBe('T_0');
    expect(fieldNamedIn('Invalid learning rate: -1', fields)).toBe('lr');
    expect(fieldNamedIn('Expected positive integer T_00', fields)).toBeNull();
  });

  it('keeps PyTorch’s message with the exception name', () => {
    expect(
      engineProblem('T_0', new ValueError('Expected positive integer T_0, but got 0')),
    ).toEqual({
      field: 'T_0',
      key: 'engine',
      values: { name: 'T_0' },
      pytorch: 'ValueError: Expected positive integer T_0, but got 0',
    });
  });
});
