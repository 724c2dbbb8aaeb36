/**
 * Accessibility gate, in headless Chromium over every page of the build (both languages, the
 * language chooser, the not-found page, the widget harness pages):
 *
 * - axe-core finds no violation of the WCAG 2.0 and 2.1 level A and AA rules nor of axe's
 *   best-practice rules (tags `wcag2a`, `wcag2aa`, `wcag21a`, `wcag21aa`, `best-practice`) with
 *   every widget loaded, in the light theme; after switching to the dark theme the colour rules
 *   (`color-contrast`, `link-in-text-block`) run again. Two findings in third-party markup are
 *   set aside, each for one rule and one kind of element ({@link upstreamFindings});
 * - charts are labelled, and their numbers can be read as a table that the keyboard can open;
 * - every control can be reached with Tab and shows a visible focus indicator (`:focus-visible`
 *   with an outline or box-shadow), and nothing is clickable without being focusable;
 * - with `prefers-reduced-motion: reduce`, widgets run no CSS animation or transition, their
 *   canvases stay still, and a chart redraw is final at once.
 *
 * Each page is one test (a few run at a time), with soft assertions, so a report lists every
 * problem of a page. The viewport is Playwright's default desktop size (1280×720).
 *
 * axe is injected from the `axe-core` package (never from a CDN); the contexts that run it bypass
 * the pages' Content-Security-Policy only so the injected script can run — the policy itself is
 * checked in `security.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect, it, type ExpectStatic } from 'vitest';
import {
  holdChooser,
  isChooser,
  scrollThrough,
  sitePathOf,
  widgetTags,
} from '../../scripts/gates/browser.ts';
import { defaultDist, sitePages, type SitePage } from '../../scripts/gates/dist.ts';
import { guardedContext, useBrowser, siteUrl, type GuardedContext } from './harness.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The axe rule sets this gate enforces. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Findings in third-party markup that this project cannot change, each limited to one rule and one
 * kind of element. Everything else axe reports fails the gate.
 */
const upstreamFindings: readonly { rule: string; html: RegExp; reason: string }[] = [
  {
    rule: 'label-content-name-mismatch',
    html: /^<button data-open-modal="" aria-label="[^"]+" aria-keyshortcuts="Control\+K"/,
    reason:
      'Starlight’s search button: its name is "Search"/"搜索"; the visible extra text is the keyboard shortcut hint, also exposed through aria-keyshortcuts',
  },
  {
    rule: 'landmark-unique',
    html: /^<pre data-language="[^"]*" tabindex="0" role="region">/,
    reason:
      'Expressive Code makes each code block that overflows focusable with role="region" (so it can be scrolled from the keyboard) but gives the regions no name',
  },
];

type Theme = 'light' | 'dark';

const pages = sitePages();
const html = (page: SitePage) => readFileSync(join(defaultDist, page.file), 'utf8');
const tags = widgetTags();
const hasWidget = (page: SitePage) => tags.some((tag) => html(page).includes(`<${tag}`));

const browser = useBrowser();

/** An opened page and what its context recorded. */
interface Opened {
  readonly guard: GuardedContext;
  readonly tab: Page;
  readonly chooser: boolean;
}

/**
 * Open a page the way a reader with the given theme sees it, with every widget scrolled into view
 * once (so lazily loaded parts are on the page). The language chooser only redirects when its
 * script runs, so it is opened with script execution blocked ({@link holdChooser}); every other
 * page bypasses its CSP so that axe can be injected with a script tag.
 */
async function openPage(
  page: SitePage,
  theme: Theme,
  options: BrowserContextOptions = {},
): Promise<Opened> {
  const chooser = isChooser(page);
  const guard = await guardedContext(browser(), {
    colorScheme: theme,
    bypassCSP: !chooser,
    ...options,
  });
  await guard.context.addInitScript((value) => {
    try {
      localStorage.setItem('starlight-theme', value);
    } catch {
      // about:blank has no storage.
    }
  }, theme);
  const tab = await guard.context.newPage();
  if (chooser) await holdChooser(tab, siteUrl(page.path));
  const notFound = page.file === '404.html';
  const response = await tab.goto(sitePathOf(page), { waitUntil: 'networkidle' });
  expect(response?.status(), page.path).toBe(notFound ? 404 : 200);
  if (!chooser) {
    expect(await tab.getAttribute('html', 'data-theme')).toBe(theme);
    await scrollThrough(tab);
  }
  return { guard, tab, chooser };
}

/** Console errors of a page, less the ones its test provokes on purpose. */
function unexpectedErrors({ guard, chooser }: Opened, page: SitePage): string[] {
  return guard.errors.filter(
    (error) =>
      !(chooser && /Content Security Policy/.test(error)) &&
      !(page.file === '404.html' && /status of 404/.test(error)),
  );
}

function formatViolation(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `    ${node.target.join(' ')}\n      ${node.html.slice(0, 160)}\n      ${(node.failureSummary ?? '').replace(/\n/g, ' ')}`,
    )
    .join('\n');
  return `${violation.id} (${violation.impact}): ${violation.help} [${violation.nodes.length} node(s)]\n${nodes}`;
}

/**
 * Rules whose outcome depends on the colours, run again after switching theme (the rest see the
 * same DOM in both themes).
 */
const colourRules = ['color-contrast', 'link-in-text-block'];

/**
 * axe's violations on the page, less the {@link upstreamFindings}.
 *
 * @param only - `'colours'` runs just the {@link colourRules}; otherwise every rule of {@link axeTags}.
 */
async function axeViolations({ tab, chooser }: Opened, only?: 'colours'): Promise<string[]> {
  if (!(await tab.evaluate(() => 'axe' in window))) {
    if (chooser) await tab.evaluate(axeSource);
    else await tab.addScriptTag({ content: axeSource });
  }
  const runOnly =
    only === 'colours'
      ? ({ type: 'rule', values: colourRules } as const)
      : ({ type: 'tag', values: axeTags } as const);
  const results: AxeResults = await tab.evaluate(
    (options) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
        runOnly: { type: options.type, values: [...options.values] },
        resultTypes: ['violations'],
      }),
    runOnly,
  );
  return results.violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter(
        (node) =>
          !upstreamFindings.some(
            (finding) => finding.rule === violation.id && finding.html.test(node.html),
          ),
      ),
    }))
    .filter((violation) => violation.nodes.length > 0)
    .map(formatViolation);
}

/** Charts: every graphic named or hidden, and a data table a keyboard user can open. */
async function checkCharts(tab: Page, expect: ExpectStatic): Promise<void> {
  const charts = tab.locator('schedule-chart');
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    const graphics = await chart.evaluate((host) =>
      [...host.querySelectorAll('svg, canvas')]
        .filter((element) => !element.closest('[aria-hidden="true"]'))
        .filter((element) => element.checkVisibility())
        .map((element) => {
          const labelledby = element.getAttribute('aria-labelledby');
          const label =
            element.getAttribute('aria-label') ??
            (labelledby
              ? labelledby
                  .split(/\s+/)
                  .map((id) => document.getElementById(id)?.textContent ?? '')
                  .join(' ')
              : '');
          return {
            tag: element.tagName.toLowerCase(),
            role: element.getAttribute('role'),
            label: label.trim(),
          };
        }),
    );
    expect.soft(graphics.length, `chart ${i} shows a graphic`).toBeGreaterThan(0);
    for (const graphic of graphics) {
      expect.soft(graphic.role, `chart ${i} ${graphic.tag} role`).toBe('img');
      expect.soft(graphic.label.length, `chart ${i} ${graphic.tag} label`).toBeGreaterThan(10);
    }
    const summary = chart.locator('details > summary').first();
    await summary.focus();
    await tab.keyboard.press('Enter');
    const table = chart.getByRole('table');
    await expect
      .poll(() => table.count(), { message: `chart ${i} table opens` })
      .toBeGreaterThan(0);
    const shape = await table.first().evaluate((element: HTMLTableElement) => ({
      headers: element.querySelectorAll('thead th').length,
      rowHeaders: element.querySelectorAll('tbody th[scope="row"]').length,
      rows: element.tBodies[0]?.rows.length ?? 0,
      cells: element.querySelectorAll('tbody td').length,
    }));
    expect.soft(shape.headers, `chart ${i} column headers`).toBeGreaterThanOrEqual(2);
    expect.soft(shape.rows, `chart ${i} rows`).toBeGreaterThan(1);
    expect.soft(shape.rowHeaders, `chart ${i} row headers`).toBe(shape.rows);
    expect.soft(shape.cells, `chart ${i} cells`).toBe(shape.rows * (shape.headers - 1));
  }
}

/** With reduced motion: no CSS motion in widgets, still canvases, and an unanimated redraw. */
async function checkReducedMotion(tab: Page, expect: ExpectStatic): Promise<void> {
  const widgetSelector = tags.join(', ');
  const moving = await tab.evaluate((selector) => {
    const found: string[] = [];
    const seconds = (value: string) =>
      Math.max(
        0,
        ...value
          .split(',')
          .map((part) =>
            part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part) || 0,
          ),
      );
    for (const host of document.querySelectorAll(selector)) {
      for (const element of [host, ...host.querySelectorAll('*')]) {
        const style = getComputedStyle(element);
        const transition =
          style.transitionProperty === 'none' ? 0 : seconds(style.transitionDuration);
        const animation = style.animationName === 'none' ? 0 : seconds(style.animationDuration);
        if (transition > 0.01 || animation > 0.01) {
          found.push(
            `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> transition ${transition}s, animation ${animation}s`,
          );
        }
      }
    }
    for (const animation of document.getAnimations()) {
      const target = (animation.effect as KeyframeEffect | null)?.target;
      const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
      if (target?.closest(selector) && duration > 10 && animation.playState === 'running') {
        found.push(`running animation on <${target.tagName.toLowerCase()}> for ${duration} ms`);
      }
    }
    return found;
  }, widgetSelector);
  expect.soft(moving, 'CSS animations and transitions in widgets').toEqual([]);

  // Canvases are drawn by script: two pictures a moment apart must be the same.
  const canvases = tab
    .locator(tags.map((tag) => `${tag} canvas`).join(', '))
    .filter({ visible: true });
  for (let i = 0; i < Math.min(await canvases.count(), 3); i++) {
    const canvas = canvases.nth(i);
    await canvas.scrollIntoViewIfNeeded({ timeout: 5000 });
    const before = await canvas.screenshot({ timeout: 5000 });
    await tab.waitForTimeout(400);
    expect
      .soft((await canvas.screenshot({ timeout: 5000 })).equals(before), `canvas ${i} is still`)
      .toBe(true);
  }

  // A redraw (log scale switched on) is final at once.
  const chart = tab
    .locator('schedule-chart')
    .filter({ has: tab.locator('input[data-action="log"]:enabled') })
    .filter({ visible: true })
    .first();
  if ((await chart.count()) > 0) {
    const toggle = chart.locator('input[data-action="log"]');
    const canvas = chart.locator('canvas').first();
    await canvas.scrollIntoViewIfNeeded({ timeout: 5000 });
    const initial = await canvas.screenshot({ timeout: 5000 });
    await toggle.check();
    await expect
      .poll(async () => (await canvas.screenshot()).equals(initial), { timeout: 5000 })
      .toBe(false);
    const first = await canvas.screenshot();
    await tab.waitForTimeout(400);
    expect.soft((await canvas.screenshot()).equals(first), 'the redraw is not animated').toBe(true);
    await toggle.uncheck();
  }
}

/**
 * Switch an open page to another theme the way a reader does: Starlight's theme picker, or — on
 * pages without one (the widget harness) — the `data-theme` attribute the picker sets; the
 * language chooser follows the system setting.
 */
async function switchTheme({ tab, chooser }: Opened, theme: Theme): Promise<void> {
  await tab.emulateMedia({ colorScheme: theme });
  if (chooser) return;
  const picker = tab.locator('starlight-theme-select select').filter({ visible: true });
  if ((await picker.count()) > 0) await picker.first().selectOption(theme);
  else await tab.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
  expect(await tab.getAttribute('html', 'data-theme')).toBe(theme);
  // Widgets repaint on the theme change.
  await tab.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Tab through the page: every control reached, each with a visible focus indicator. */
async function checkKeyboard(tab: Page, expect: ExpectStatic): Promise<void> {
  await tab.evaluate(installProbes);
  const stops = await tabStops(tab);
  expect.soft(stops.length, 'Tab reaches something').toBeGreaterThan(0);
  const withoutFocusStyle = stops
    .filter((stop) => !(stop.focusVisible && stop.indicator && stop.visible))
    .map(
      (stop) =>
        `${stop.description}: ${[
          !stop.focusVisible && 'not :focus-visible',
          !stop.indicator && 'no outline or box-shadow',
          !stop.visible && 'not visible',
        ]
          .filter(Boolean)
          .join(', ')}`,
    );
  expect.soft(withoutFocusStyle, 'focus indicators').toEqual([]);
  const reached = new Set(stops.map((stop) => stop.key));
  const expected = await tab.evaluate(() =>
    (
      window as unknown as { __a11y: { expected(): { key: number; description: string }[] } }
    ).__a11y.expected(),
  );
  expect
    .soft(
      expected.filter((control) => !reached.has(control.key)).map((control) => control.description),
      'controls Tab never reaches',
    )
    .toEqual([]);
  const clickable = await tab.evaluate(() =>
    (
      window as unknown as { __a11y: { clickableNotFocusable(): string[] } }
    ).__a11y.clickableNotFocusable(),
  );
  expect.soft(clickable, 'clickable but not focusable').toEqual([]);
}

// One test per page, run a few at a time: each opens its page once (light theme, reduced motion,
// widgets loaded), checks it, switches to the dark theme and runs axe again.
it.concurrent.for(pages.map((page) => [page.path, page] as const))(
  '%s: axe (light and dark), keyboard, charts, reduced motion',
  { timeout: 180_000 },
  async ([, page], { expect }) => {
    const opened = await openPage(page, 'light', { reducedMotion: 'reduce' });
    const { tab, guard } = opened;
    expect.soft(await axeViolations(opened), 'axe, light theme').toEqual([]);
    if (hasWidget(page)) await checkReducedMotion(tab, expect);
    await checkKeyboard(tab, expect);
    if (html(page).includes('<schedule-chart')) await checkCharts(tab, expect);
    await switchTheme(opened, 'dark');
    expect.soft(await axeViolations(opened, 'colours'), 'axe colour rules, dark theme').toEqual([]);
    expect.soft(unexpectedErrors(opened, page), 'console errors').toEqual([]);
    expect.soft(guard.foreignRequests, 'off-site requests').toEqual([]);
    await guard.context.close();
  },
);

/** What the focused element looks like, read in the page. */
interface FocusStop {
  readonly key: number;
  readonly description: string;
  readonly focusVisible: boolean;
  readonly indicator: boolean;
  readonly visible: boolean;
}

/**
 * Installs `window.__a11y` in the page: stable numbers for elements, the deepest focused element
 * (through shadow roots), the controls a keyboard user must be able to reach, and clickable
 * elements that are not focusable.
 */
function installProbes() {
  type Probe = {
    key(element: Element): number;
    describe(element: Element): string;
    focus(): FocusStopInPage | null;
    expected(): { key: number; description: string }[];
    clickableNotFocusable(): string[];
  };
  type FocusStopInPage = {
    key: number;
    description: string;
    focusVisible: boolean;
    indicator: boolean;
    visible: boolean;
  };
  const w = window as unknown as { __a11y?: Probe };
  if (w.__a11y) return;
  const keys = new WeakMap<Element, number>();
  let next = 1;
  const focusableSelector =
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
  const compositeRoles = new Set([
    'tab',
    'radio',
    'menuitem',
    'menuitemradio',
    'menuitemcheckbox',
    'option',
    'treeitem',
    'gridcell',
    'row',
  ]);
  const allElements = (root: Document | ShadowRoot): Element[] => {
    const found: Element[] = [];
    for (const element of root.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
    }
    return found;
  };
  const isFocusable = (element: Element) =>
    element.matches(focusableSelector) &&
    !(element as HTMLButtonElement).disabled &&
    !element.closest('[inert]') &&
    element.getAttribute('tabindex') !== '-1';
  const probe: Probe = {
    key(element) {
      let key = keys.get(element);
      if (key === undefined) {
        key = next++;
        keys.set(element, key);
      }
      return key;
    },
    describe(element) {
      const id = element.id ? `#${element.id}` : '';
      const cls =
        typeof element.className === 'string' && element.className
          ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}`
          : '';
      const type = element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : '';
      const labels = (element as HTMLInputElement).labels;
      const labelText = labels?.length
        ? [...labels].map((label) => label.textContent).join(' ')
        : '';
      const text = (element.getAttribute('aria-label') ?? (labelText || element.textContent) ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 40);
      const host = element.closest('[data-pagefind-body], main, nav, header, aside, footer');
      return `<${element.tagName.toLowerCase()}${type}${id}${cls}> "${text}" in ${host?.tagName.toLowerCase() ?? 'body'}`;
    },
    focus() {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element || element === document.body || element === document.documentElement)
        return null;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const rect = element.getBoundingClientRect();
      return {
        key: probe.key(element),
        description: probe.describe(element),
        focusVisible: element.matches(':focus-visible'),
        indicator: outline || shadow,
        visible:
          rect.width > 0 &&
          rect.height > 0 &&
          element.checkVisibility({ visibilityProperty: true }),
      };
    },
    expected() {
      return (
        allElements(document)
          .filter(isFocusable)
          .filter((element) => !compositeRoles.has(element.getAttribute('role') ?? ''))
          // Tab enters a group of radio buttons once, at its checked one; arrows move inside it.
          .filter((element) => {
            if (!(element instanceof HTMLInputElement) || element.type !== 'radio') return true;
            const radios = [
              ...document.querySelectorAll<HTMLInputElement>(
                `input[type=radio][name="${CSS.escape(element.name)}"]`,
              ),
            ];
            return element.checked || !radios.some((radio) => radio.checked);
          })
          .filter((element) =>
            element.checkVisibility({ visibilityProperty: true, opacityProperty: false }),
          )
          .filter((element) => {
            const rect = element.getBoundingClientRect();
            return rect.width > 0 && rect.height > 0;
          })
          .map((element) => ({ key: probe.key(element), description: probe.describe(element) }))
      );
    },
    clickableNotFocusable() {
      return allElements(document)
        .filter((element) => getComputedStyle(element).cursor === 'pointer')
        .filter((element) => element.checkVisibility({ visibilityProperty: true }))
        .filter((element) => !element.closest(focusableSelector))
        .filter((element) => !(element.closest('label') as HTMLLabelElement | null)?.control)
        .filter((element) => !element.querySelector(focusableSelector))
        .map((element) => probe.describe(element));
    },
  };
  w.__a11y = probe;
}

/** Press Tab until focus comes back round (or leaves the page), recording each stop. */
async function tabStops(tab: Page, limit = 600): Promise<FocusStop[]> {
  await tab.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  const seen = new Set<number>();
  let empty = 0;
  for (let i = 0; i < limit; i++) {
    await tab.keyboard.press('Tab');
    const stop = await tab.evaluate(() =>
      (window as unknown as { __a11y: { focus(): FocusStop | null } }).__a11y.focus(),
    );
    if (!stop) {
      // Focus went to the browser's own UI after the last element; one more Tab comes back.
      if (++empty > 1) break;
      continue;
    }
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push(stop);
  }
  return stops;
}
