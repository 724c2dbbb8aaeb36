import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingLR

# en: A stand-in for a model and a data loader: one parameter tensor w, and four
# en: batches, each a target y with the loss 0.5·‖w − y‖², whose gradient is w − y.
# zh-cn: 用来代替模型和数据加载器：一个参数张量 w，四个批次，每个批次是一个目标值 y，
# zh-cn: 损失为 0.5·‖w − y‖²，梯度为 w − y。
w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
batches = [1.0, 3.0, 2.0, 4.0]
num_epochs = 10

optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: Constructing the scheduler sets the rate for epoch 0: the initial lr.
# zh-cn: 构造调度器时就设定了第 0 轮的学习率，也就是初始学习率。
scheduler = CosineAnnealingLR(optimizer, T_max=num_epochs)

for epoch in range(num_epochs):
    # en: The rate this epoch trains with.
    # zh-cn: 本轮训练使用的学习率。
    print(epoch, scheduler.get_last_lr()[0])
    for y in batches:
        optimizer.zero_grad()
        loss = 0.5 * ((w - y) ** 2).sum()
        loss.backward()
        optimizer.step()
    # en: Once per epoch, after the epoch's optimizer steps: sets the next epoch's rate.
    # zh-cn: 每轮一次，放在本轮所有 optimizer.step() 之后：设定下一轮的学习率。
    scheduler.step()
