#!/usr/bin/env bash
# Regenerates every fixture from real PyTorch / glibc and fails if any differs from the
# committed one, so no fixture can drift from what PyTorch really does. The header's
# "platform" line (it holds the kernel release) is ignored; every number is compared.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import torch, mpmath' 2>/dev/null; then
  echo "fixture check skipped: /usr/bin/python3 has no torch/mpmath (apt-get install -y python3-torch python3-mpmath)"
  exit 0
fi
/usr/bin/python3 scripts/fixtures/generate.py
/usr/bin/python3 scripts/oracle/libm_log.py
if ! git diff --quiet -I '"platform":' -- test/fixtures test/oracle; then
  git diff --stat -- test/fixtures test/oracle >&2
  echo "fixtures differ from what PyTorch produces now: see git diff test/fixtures test/oracle" >&2
  exit 1
fi
echo "fixtures: regenerated from PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), identical to the committed ones"
