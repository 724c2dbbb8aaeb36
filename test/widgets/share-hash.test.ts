import { describe, expect, it } from 'vitest';
import { readShareHash, shareHash } from '../../src/widgets/shared/share-hash.ts';

describe('shared addresses', () => {
  it('write every field after the element id, percent-encoded', () => {
    expect(shareHash('run-1', { schedule: 'warm-restarts', lr: '0.1', note: 'a&b=c' })).toBe(
      '#run-1?schedule=warm-restarts&lr=0.1&note=a%26b%3Dc',
    );
  });

  it('read back exactly the fields written', () => {
    const fields = { schedule: 'cosine', lr: '1e-3', note: 'a&b=c #? é' };
    const names = Object.keys(fields) as (keyof typeof fields)[];
    expect(readShareHash(shareHash('w', fields), 'w', names)).toEqual(fields);
  });

  it('belong to one element and keep only its field names', () => {
    const hash = '#a?lr=0.1&onload=alert(1)&__proto__=x&constructor=y';
    expect(readShareHash(hash, 'b', ['lr'])).toBeUndefined();
    expect(readShareHash('#a', 'a', ['lr'])).toBeUndefined();
    expect(readShareHash('#ab?lr=1', 'a', ['lr'])).toBeUndefined();
    const fields = readShareHash(hash, 'a', ['lr', 'epochs']);
    expect(fields).toEqual({ lr: '0.1' });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it('pass hostile values on as text, for the widget to reject', () => {
    expect(
      readShareHash('#a?lr=%3Cscript%3E&epochs=1e999&x=%E0%A4%A', 'a', ['lr', 'epochs', 'x']),
    ).toEqual({
      lr: '<script>',
      epochs: '1e999',
      // A broken escape decodes to U+FFFD, as everywhere in URLSearchParams.
      x: '\uFFFD%A',
    });
  });
});
