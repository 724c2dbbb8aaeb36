"""Writes test/oracle/libm-log.json: glibc's log as Python calls it, the oracle for crLog/pyLog.

Run with Debian's /usr/bin/python3. Deterministic: the inputs are generated from fixed
formulas, so a second run writes the same bytes.

Inputs:
- every argument CosineAnnealingWarmRestarts.step(epoch) passes to math.log for
  T_0 in 1..12, T_mult in 2..10 and the integer epochs within 2 of each of the first
  restarts (where truncation can flip), plus quarter epochs around them;
- a geometric sweep of doubles across the whole positive range;
- numbers near 1 (where log is tiny).
Each log entry also carries the correctly rounded value (mpmath, 300 bits): glibc is not
correctly rounded for a handful of inputs, and the port is.
"""

import json
import math
import platform

import mpmath

mpmath.mp.prec = 300


def warm_restart_args():
    out = []
    for t0 in range(1, 13):
        for mult in range(2, 11):
            restart = 0
            cycle = t0
            for _ in range(8):
                restart += cycle
                cycle *= mult
                if restart > 10**7:
                    break
                for d in range(-8, 9):
                    epoch = restart + d / 4
                    if epoch < t0:
                        continue
                    x = epoch / t0 * (mult - 1) + 1
                    out.append([x, mult, epoch, t0])
    return out


def sweep():
    xs = []
    for e in range(-1074, 1024, 7):
        for m in (1.0, 1.1234567890123457, 1.4142135623730951, 1.7320508075688772, 1.9999999999999998):
            xs.append(math.ldexp(m, e))
    for k in range(1, 2000):
        xs.append(1 + k * 2.0**-52)
        xs.append(1 - k * 2.0**-53)
        xs.append(1 + k / 997)
    return xs


def main():
    args = warm_restart_args()
    restart_cases = []
    for x, mult, epoch, t0 in args:
        n = int(math.log(x, mult))
        restart_cases.append({"T_0": t0, "T_mult": mult, "epoch": epoch, "x": x,
                              "ratio": math.log(x, mult), "n": n})
    # [x, glibc log(x), correctly rounded log(x) from mpmath at 300 bits]
    logs = [[x, math.log(x), float(mpmath.log(mpmath.mpf(x)))] for x in sweep()]
    header = {
        "generator": "scripts/oracle/libm_log.py",
        "python_version": platform.python_version(),
        "platform": platform.platform(),
        "libc": "glibc " + platform.libc_ver()[1],
        "warm_restart_log": restart_cases,
        "log": logs,
    }
    with open("test/oracle/libm-log.json", "w") as f:
        json.dump(header, f, indent=0, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
