/**
 * `src/components/theme.ts` against a minimal stand-in for the DOM: a root element with a
 * `dataset`, and a MutationObserver that the test triggers by hand after changing `data-theme`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTheme, onThemeChange, type Theme } from '../../src/components/theme.ts';

class FakeMutationObserver {
  static instances: FakeMutationObserver[] = [];
  observed: { target: unknown; options: MutationObserverInit } | undefined;
  connected = false;
  private readonly callback: () => void;
  constructor(callback: () => void) {
    this.callback = callback;
    FakeMutationObserver.instances.push(this);
  }
  observe(target: unknown, options: MutationObserverInit) {
    this.observed = { target, options };
    this.connected = true;
  }
  disconnect() {
    this.connected = false;
  }
  /** What the browser does after an observed attribute changed. */
  fire() {
    if (this.connected) this.callback();
  }
}

const original = globalThis.MutationObserver;
let root: { dataset: Record<string, string | undefined> };
const asElement = () => root as unknown as HTMLElement;

beforeEach(() => {
  FakeMutationObserver.instances = [];
  globalThis.MutationObserver = FakeMutationObserver as unknown as typeof MutationObserver;
  root = { dataset: { theme: 'dark' } };
});

afterEach(() => {
  globalThis.MutationObserver = original;
});

describe('getTheme', () => {
  it('reads data-theme, treating anything but light as dark like Starlight does', () => {
    expect(getTheme(asElement())).toBe('dark');
    root.dataset['theme'] = 'light';
    expect(getTheme(asElement())).toBe('light');
    root.dataset['theme'] = 'auto';
    expect(getTheme(asElement())).toBe('dark');
    delete root.dataset['theme'];
    expect(getTheme(asElement())).toBe('dark');
  });
});

describe('onThemeChange', () => {
  it('watches only data-theme on the root and reports actual changes', () => {
    const seen: Theme[] = [];
    onThemeChange((theme) => seen.push(theme), asElement());
    const [observer] = FakeMutationObserver.instances;
    expect(observer?.observed).toEqual({
      target: root,
      options: { attributes: true, attributeFilter: ['data-theme'] },
    });

    root.dataset['theme'] = 'light';
    observer!.fire();
    observer!.fire();
    root.dataset['theme'] = 'dark';
    observer!.fire();
    expect(seen).toEqual(['light', 'dark']);
  });

  it('stops reporting after the returned function is called', () => {
    const seen: Theme[] = [];
    const stop = onThemeChange((theme) => seen.push(theme), asElement());
    stop();
    root.dataset['theme'] = 'light';
    FakeMutationObserver.instances[0]!.fire();
    expect(seen).toEqual([]);
  });
});
