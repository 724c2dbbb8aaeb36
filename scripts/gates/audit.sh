#!/usr/bin/env bash
# Security gate for dependencies: `npm audit` of the packages the site ships (production
# dependencies only, `--omit=dev`) must report no high or critical advisory.
#
# Exit status: 0 when there is none, 1 when there is one (the report is printed), 2 when the audit
# itself could not run (registry unreachable, no lock file…) — told apart so that CI can decide
# whether a network failure should fail the build.
#
# Usage: bash scripts/gates/audit.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

report=$(mktemp)
trap 'rm -f "$report"' EXIT

# npm audit exits non-zero whenever it finds any advisory; the JSON says how severe they are.
npm audit --omit=dev --json >"$report" 2>/dev/null || true

node - "$report" <<'NODE'
const { readFileSync } = require('node:fs');
const text = readFileSync(process.argv[2], 'utf8');
let report;
try {
  report = JSON.parse(text);
} catch {
  console.error(`npm audit did not return a report:\n${text.slice(0, 2000)}`);
  process.exit(2);
}
if (report.error) {
  const why = [report.message, report.error.code, report.error.summary].filter(Boolean).join(' — ');
  console.error(`npm audit could not run: ${why || 'no reason given'}`);
  process.exit(2);
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  console.error('npm audit returned no vulnerability counts');
  process.exit(2);
}
const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
console.log(
  `npm audit --omit=dev: ${total} advisories (critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, low ${counts.low}, info ${counts.info})`,
);
const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) =>
  ['high', 'critical'].includes(v.severity),
);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  const via = v.via
    .map((entry) => (typeof entry === 'string' ? entry : `${entry.title} (${entry.url})`))
    .join('; ');
  console.log(`- ${v.severity}: ${name} ${v.range} — ${via}${v.fixAvailable ? ' [fix available]' : ''}`);
}
process.exit(serious.length > 0 ? 1 : 0);
NODE
