import math

import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1)
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=1, T_mult=3, eta_min=0.001)

# en: Epoch 121 starts a cycle: 1 + 3 + 9 + 27 + 81 = 121.
# en: The scheduler finds the cycle with this logarithm.
# zh-cn: 第 121 轮应当开始新周期：1 + 3 + 9 + 27 + 81 = 121。
# zh-cn: 调度器用这个对数确定所在周期。
print(math.log(121 * (3 - 1) + 1, 3))
for epoch in [120, 121, 122]:
    scheduler.step(epoch)
    print(scheduler.get_last_lr()[0])
