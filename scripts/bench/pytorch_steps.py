"""Times scheduler.step() in real PyTorch for the configurations in configs.json.

Prints one JSON object {name: nanoseconds per step}. Run by scripts/bench/run.ts with
/usr/bin/python3 (Debian's python3-torch), in the same benchmark run as the TypeScript side.
"""

import json
import sys
import time
import warnings

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S

warnings.simplefilter("ignore")
LAMBDAS = {"pow0.99": lambda e: 0.99**e, "const0.9999": lambda e: 0.9999}


def build(name, options):
    opt = SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
    opts = dict(options)
    if "lr_lambda" in opts:
        opts["lr_lambda"] = LAMBDAS[opts["lr_lambda"]]
    if name == "SequentialLR":
        a = S.LinearLR(opt, start_factor=0.1, total_iters=5)
        b = S.CosineAnnealingLR(opt, T_max=100)
        return S.SequentialLR(opt, [a, b], milestones=[5])
    if name == "ChainedScheduler":
        a = S.ConstantLR(opt, factor=0.5, total_iters=5)
        b = S.ExponentialLR(opt, gamma=0.9999)
        return S.ChainedScheduler([a, b])
    return getattr(S, name)(opt, **opts)


def main():
    configs = json.load(open(sys.argv[1]))
    steps = int(sys.argv[2])
    out = {}
    for c in configs:
        best = float("inf")
        for _ in range(3):
            s = build(c["name"], c["options"])
            plateau = c["name"] == "ReduceLROnPlateau"
            start = time.perf_counter_ns()
            if plateau:
                for k in range(steps):
                    s.step(1.0)
            else:
                for k in range(steps):
                    s.step()
            best = min(best, (time.perf_counter_ns() - start) / steps)
        out[c["name"]] = best
    out["torch_version"] = torch.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main()
