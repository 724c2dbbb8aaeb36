/**
 * `npm run parity`: replays every PyTorch fixture through the port and writes the parity table
 * (class × fixture cases × worst relative error) into README.md between its markers.
 * `--print` only prints it. test/readme.test.ts fails if the README's table is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parityTable } from '../test/helpers/parity.ts';

const readme = new URL('../README.md', import.meta.url);
const table = parityTable();
if (process.argv.includes('--print')) {
  console.log(table);
} else {
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- parity:start -->';
  const end = '<!-- parity:end -->';
  const before = text.slice(0, text.indexOf(start) + start.length);
  const after = text.slice(text.indexOf(end));
  writeFileSync(readme, `${before}\n${table}\n${after}`);
  console.log(table);
}
