import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import ReduceLROnPlateau

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1, momentum=0.9)
scheduler = ReduceLROnPlateau(
    optimizer, mode="min", factor=0.5, patience=2, cooldown=1, min_lr=0.01
)

for epoch in range(20):
    for group in optimizer.param_groups:
        print(epoch, group["lr"])
    # en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
    # zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
    optimizer.step()
    # en: A validation loss stuck at 1.0: it never improves after the first epoch.
    # zh-cn: 验证损失停在 1.0：第一轮之后再无改善。
    val_loss = 1.0
    scheduler.step(val_loss)
