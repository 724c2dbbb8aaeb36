import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingLR

# en: One parameter tensor; the loss 0.5·‖w‖² has the gradient w.
# zh-cn: 一个参数张量；损失 0.5·‖w‖² 的梯度就是 w。
w = torch.tensor([1.0, -2.0], dtype=torch.float64, requires_grad=True)

optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: Constructing the scheduler writes the rate for epoch 0 into the optimizer.
# zh-cn: 构造调度器时，它会把第 0 轮的学习率写入优化器。
scheduler = CosineAnnealingLR(optimizer, T_max=10, eta_min=0.001)

for epoch in range(10):
    optimizer.zero_grad()
    loss = 0.5 * (w**2).sum()
    loss.backward()
    optimizer.step()
    scheduler.step()
    print(scheduler.get_last_lr()[0])
