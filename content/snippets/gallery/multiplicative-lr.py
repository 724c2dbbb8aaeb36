import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import MultiplicativeLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: Multiply by 0.8 in each of epochs 1–5, then by 0.97.
# zh-cn: 第 1～5 轮每轮乘以 0.8，之后每轮乘以 0.97。
scheduler = MultiplicativeLR(optimizer, lr_lambda=lambda epoch: 0.8 if epoch <= 5 else 0.97)

for epoch in range(20):
    print(epoch, scheduler.get_last_lr()[0])
    # en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
    # zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
    optimizer.step()
    scheduler.step()
