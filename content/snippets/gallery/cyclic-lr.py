import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CyclicLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: Step sizes count batches: 4 up, 4 down. The optimizer's lr is replaced by base_lr.
# zh-cn: 步长以批次计：上升 4 步，下降 4 步。优化器原有的 lr 被 base_lr 取代。
scheduler = CyclicLR(optimizer, base_lr=0.01, max_lr=0.1, step_size_up=4, mode="triangular2")
num_epochs, steps_per_epoch = 4, 6

for epoch in range(num_epochs):
    for i in range(steps_per_epoch):
        print(epoch + i / steps_per_epoch, scheduler.get_last_lr()[0])
        # en: Stands in for one batch; with no gradients, optimizer.step() changes nothing.
        # zh-cn: 代替一个批次的训练；没有梯度时，optimizer.step() 什么也不改变。
        optimizer.step()
        scheduler.step()
