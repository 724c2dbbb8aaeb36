import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import OneCycleLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
batches = [1.0, 3.0, 2.0, 4.0, 2.5]
num_epochs = 4

optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: One cycle over the whole run: total_steps = epochs * steps_per_epoch = 20.
# en: It replaces the optimizer's lr and momentum with its own.
# zh-cn: 整个训练只走一个周期：total_steps = epochs * steps_per_epoch = 20。
# zh-cn: 它会用自己的值覆盖优化器的 lr 和 momentum。
scheduler = OneCycleLR(optimizer, max_lr=0.1, epochs=num_epochs, steps_per_epoch=len(batches))

for epoch in range(num_epochs):
    for y in batches:
        for group in optimizer.param_groups:
            print(epoch, group["lr"], group["momentum"])
        optimizer.zero_grad()
        loss = 0.5 * ((w - y) ** 2).sum()
        loss.backward()
        optimizer.step()
        # en: Once per batch: the schedule is 20 steps long, not 4.
        # zh-cn: 每个批次步进一次：调度长 20 步，而不是 4 步。
        scheduler.step()
