/**
 * `npm run parity`: replays every PyTorch fixture through the port and writes the parity table
 * (class × fixture cases × worst relative error) into README.md between its markers.
 * `--print` only prints it. test/readme.test.ts fails if the README's table is stale.
 */
import { parityTable } from '../test/helpers/parity.ts';
import { writeReadmeSection } from './readme-section.ts';

const table = parityTable();
if (process.argv.includes('--print')) {
  console.log(table);
} else {
  writeReadmeSection('parity', table);
  console.log(table);
}
