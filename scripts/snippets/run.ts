/**
 * Runs snippet pairs and compares their output, for working on a snippet without the test
 * runner:
 *
 * ```sh
 * npx node scripts/snippets/run.ts                       # every pair
 * npx node scripts/snippets/run.ts training-loop         # the pairs of one page folder
 * npx node scripts/snippets/run.ts api-mapping/resume    # one pair
 * ```
 *
 * Prints both outputs side by side and the verdict; exits 1 if any pair fails.
 *
 * @packageDocumentation
 */

import {
  compareOutputs,
  discoverPairs,
  extractNumbers,
  hasTorch,
  readPageConfig,
  repoPath,
  runSnippet,
} from './snippets.ts';

const filters = process.argv.slice(2);
const pairs = discoverPairs().filter(
  (pair) =>
    filters.length === 0 || filters.some((f) => pair.id === f || pair.id.startsWith(`${f}/`)),
);
if (pairs.length === 0) {
  console.error(`no snippet pairs match ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}

const torch = hasTorch();
if (!torch)
  console.warn('/usr/bin/python3 cannot import torch: running the TypeScript halves only');

let failures = 0;
for (const pair of pairs) {
  const config = readPageConfig(pair.page);
  const problems: string[] = [];
  if (pair.py === undefined || pair.ts === undefined) {
    problems.push(`missing ${pair.py === undefined ? '.py' : '.ts'} half`);
  }
  const ts = pair.ts === undefined ? undefined : await runSnippet(pair.ts);
  const py = pair.py === undefined || !torch ? undefined : await runSnippet(pair.py);
  for (const [label, run] of [
    ['TypeScript', ts],
    ['PyTorch', py],
  ] as const) {
    if (run === undefined) continue;
    if (run.code !== 0) problems.push(`${label} exited with ${run.code}`);
    if (run.stderr !== '' && !(pair.name in config.allowStderr)) {
      problems.push(`${label} wrote to stderr`);
    }
  }
  if (ts !== undefined && !(pair.name in config.nonNumeric)) {
    const tsNumbers = extractNumbers(ts.stdout);
    if (tsNumbers.length === 0) problems.push('TypeScript printed no numbers');
    if (py !== undefined) {
      const mismatch = compareOutputs(extractNumbers(py.stdout), tsNumbers);
      if (mismatch !== null) problems.push(mismatch);
    }
  }

  console.log(`\n=== ${pair.id} ${problems.length === 0 ? 'ok' : 'FAIL'}`);
  for (const [label, path, run] of [
    ['PyTorch', pair.py, py],
    ['TypeScript', pair.ts, ts],
  ] as const) {
    if (path === undefined || run === undefined) continue;
    console.log(`--- ${label} (${repoPath(path)}, ${Math.round(run.ms)} ms)`);
    process.stdout.write(run.stdout);
    if (run.stderr !== '') process.stdout.write(`[stderr]\n${run.stderr}`);
  }
  for (const problem of problems) console.log(`!!! ${problem}`);
  if (problems.length > 0) failures += 1;
}
console.log(`\n${pairs.length - failures}/${pairs.length} pairs ok`);
process.exit(failures === 0 ? 0 : 1);
