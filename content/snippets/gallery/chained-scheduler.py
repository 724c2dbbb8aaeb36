import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import ChainedScheduler, CosineAnnealingLR, LinearLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1, momentum=0.9)
warmup = LinearLR(optimizer, start_factor=0.1, total_iters=5)
cosine = CosineAnnealingLR(optimizer, T_max=20)
# en: Both step every epoch; the learning rate is the product of their factors.
# zh-cn: 两者每轮都步进，学习率是二者系数的乘积。
scheduler = ChainedScheduler([warmup, cosine])

for epoch in range(20):
    print(epoch, scheduler.get_last_lr()[0])
    # en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
    # zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
    optimizer.step()
    scheduler.step()
