import math

import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import LambdaLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: Warm up for 5 epochs, then decay as 1/sqrt(epoch).
# zh-cn: 先预热 5 轮，再按 1/sqrt(epoch) 衰减。
scheduler = LambdaLR(
    optimizer, lr_lambda=lambda epoch: min((epoch + 1) / 5, math.sqrt(5 / (epoch + 1)))
)

for epoch in range(20):
    print(epoch, scheduler.get_last_lr()[0])
    # en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
    # zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
    optimizer.step()
    scheduler.step()
