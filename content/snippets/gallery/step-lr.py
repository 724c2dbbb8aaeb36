import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import StepLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1, momentum=0.9)
scheduler = StepLR(optimizer, step_size=5, gamma=0.5)

for epoch in range(20):
    print(epoch, scheduler.get_last_lr()[0])
    # en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
    # zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
    optimizer.step()
    scheduler.step()
