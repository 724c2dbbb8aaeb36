/**
 * The words of the widgets, as the built pages deliver them: every widget element either carries
 * its strings (`data-strings`, JSON of its page's language) or names, in `data-strings-from`, an
 * element of the same page and language that does; a page of many charts carries them once per
 * language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltOnce } from '../../scripts/gates/build.ts';
import { defaultDist, sitePages } from '../../scripts/gates/dist.ts';

interface WidgetTag {
  readonly page: string;
  readonly tag: string;
  readonly id: string | undefined;
  readonly locale: string | undefined;
  readonly strings: string | undefined;
  readonly from: string | undefined;
}

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? match[1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&') : undefined;
};

let widgets: WidgetTag[];

beforeAll(async () => {
  await ensureBuiltOnce();
  widgets = sitePages().flatMap((page) => {
    const html = readFileSync(join(defaultDist, page.file), 'utf8');
    return [
      // Attribute values may hold '>' (only quotes and ampersands are escaped in them).
      ...html.matchAll(
        /<(schedule-chart|saddle-explorer|training-run|lr-playground)(?:\s+[\w-]+(?:="[^"]*")?)*\s*>/g,
      ),
    ].map(([tag]) => ({
      page: page.path,
      tag: tag.split(/\s/)[0]!.slice(1),
      id: attribute(tag, 'id'),
      locale: attribute(tag, 'data-locale'),
      strings: attribute(tag, 'data-strings'),
      from: attribute(tag, 'data-strings-from'),
    }));
  });
}, 600_000);

describe('widget strings in the built pages', () => {
  it('are found for every widget, in its own language, on its own page', () => {
    expect(widgets.length).toBeGreaterThan(20);
    for (const widget of widgets) {
      const holder =
        widget.from === undefined
          ? widget
          : widgets.find((other) => other.page === widget.page && other.id === widget.from);
      expect(holder, `${widget.page} #${widget.id}`).toBeDefined();
      expect(holder!.locale).toBe(widget.locale);
      const strings = JSON.parse(holder!.strings ?? 'null') as Record<string, string> | null;
      expect(strings, `${widget.page} #${widget.id}`).not.toBeNull();
      expect(Object.keys(strings ?? {}).length).toBeGreaterThan(10);
    }
  });

  it('travel once per page and language for schedule charts', () => {
    const charts = widgets.filter(
      (w) => w.page === '/en/warm-restarts/' && w.tag === 'schedule-chart',
    );
    expect(charts.length).toBeGreaterThan(3);
    expect(charts.filter((w) => w.strings !== undefined)).toHaveLength(1);
  });
});
