/**
 * Generated sections of README.md: text between `<!-- name:start -->` and `<!-- name:end -->`
 * markers, rewritten by the scripts that measure it (`npm run parity`, `npm run bench -- --readme`).
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';

const readme = new URL('../README.md', import.meta.url);

/**
 * Replace the text between a section's markers in README.md.
 *
 * @param name - Marker name, e.g. `bench` for `<!-- bench:start -->` … `<!-- bench:end -->`.
 * @param body - New content, without the markers; it gets a line of its own on each side.
 * @throws {Error} When README.md lacks either marker, so a renamed marker cannot eat the file.
 */
export function writeReadmeSection(name: string, body: string): void {
  const text = readFileSync(readme, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  writeFileSync(readme, `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`);
}
