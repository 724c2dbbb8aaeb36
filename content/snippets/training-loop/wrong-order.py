import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
batches = [1.0, 3.0, 2.0, 4.0]
num_epochs = 10

optimizer = SGD([w], lr=0.1, momentum=0.9)
scheduler = CosineAnnealingLR(optimizer, T_max=num_epochs)

for epoch in range(num_epochs):
    # en: Wrong: stepping the scheduler before the epoch's optimizer steps.
    # en: PyTorch warns, and epoch 0 already trains with epoch 1's rate.
    # zh-cn: 错误写法：在本轮的优化器更新之前步进调度器。
    # zh-cn: PyTorch 会发出警告，而且第 0 轮用的已经是第 1 轮的学习率。
    scheduler.step()
    print(epoch, scheduler.get_last_lr()[0])
    for y in batches:
        optimizer.zero_grad()
        loss = 0.5 * ((w - y) ** 2).sum()
        loss.backward()
        optimizer.step()
