import io

import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingLR


def make():
    w = torch.tensor([1.0, -2.0], dtype=torch.float64, requires_grad=True)
    optimizer = SGD([w], lr=0.1, momentum=0.9)
    scheduler = CosineAnnealingLR(optimizer, T_max=10, eta_min=0.001)
    return w, optimizer, scheduler


def train(w, optimizer, scheduler, epochs):
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = 0.5 * (w**2).sum()
        loss.backward()
        optimizer.step()
        scheduler.step()
        print(scheduler.get_last_lr()[0])


w, optimizer, scheduler = make()
train(w, optimizer, scheduler, 4)

# en: Save the weights, the optimizer and the scheduler; PyTorch uses torch.save.
# zh-cn: 保存权重、优化器和调度器；PyTorch 用 torch.save。
checkpoint = io.BytesIO()
torch.save(
    {
        "w": w.detach().clone(),
        "optimizer": optimizer.state_dict(),
        "scheduler": scheduler.state_dict(),
    },
    checkpoint,
)

# en: Resume in fresh objects: construct the scheduler first, then load both state dicts.
# zh-cn: 在新对象中断点续训：先构造调度器，再加载两个状态字典。
w, optimizer, scheduler = make()
checkpoint.seek(0)
saved = torch.load(checkpoint)
with torch.no_grad():
    w.copy_(saved["w"])
optimizer.load_state_dict(saved["optimizer"])
scheduler.load_state_dict(saved["scheduler"])
train(w, optimizer, scheduler, 6)
print(w.tolist())
