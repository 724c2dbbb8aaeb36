import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
batches = [1.0, 3.0, 2.0, 4.0]
num_epochs = 10
warmup_epochs = 3

optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: Epochs 0–2: from 0.1·lr up towards lr.
# zh-cn: 第 0～2 轮：从 0.1·lr 逐步升向 lr。
warmup = LinearLR(optimizer, start_factor=0.1, total_iters=warmup_epochs)
# en: From the milestone on: T_max counts only the epochs after it.
# zh-cn: 从里程碑开始：T_max 只计里程碑之后的轮数。
cosine = CosineAnnealingLR(optimizer, T_max=num_epochs - warmup_epochs, eta_min=0.001)
scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[warmup_epochs])

for epoch in range(num_epochs):
    print(epoch, scheduler.get_last_lr()[0])
    for y in batches:
        optimizer.zero_grad()
        loss = 0.5 * ((w - y) ** 2).sum()
        loss.backward()
        optimizer.step()
    scheduler.step()
