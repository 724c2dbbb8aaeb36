import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import OneCycleLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1, momentum=0.9)
num_epochs, steps_per_epoch = 4, 6
# en: One cycle over every batch of the run.
# zh-cn: 一个周期覆盖整个训练的所有批次。
scheduler = OneCycleLR(optimizer, max_lr=0.1, total_steps=num_epochs * steps_per_epoch)

for epoch in range(num_epochs):
    for i in range(steps_per_epoch):
        print(epoch + i / steps_per_epoch, scheduler.get_last_lr()[0])
        # en: Stands in for one batch; with no gradients, optimizer.step() changes nothing.
        # zh-cn: 代替一个批次的训练；没有梯度时，optimizer.step() 什么也不改变。
        optimizer.step()
        scheduler.step()
