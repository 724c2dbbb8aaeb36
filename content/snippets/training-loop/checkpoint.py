import io

import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

batches = [1.0, 3.0, 2.0, 4.0]
num_epochs = 10
warmup_epochs = 3
stop_after = 5


def build():
    # en: Everything a fresh run creates, in the usual order.
    # zh-cn: 全新训练要创建的一切，按通常的顺序。
    w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimizer = SGD([w], lr=0.1, momentum=0.9)
    warmup = LinearLR(optimizer, start_factor=0.1, total_iters=warmup_epochs)
    cosine = CosineAnnealingLR(optimizer, T_max=num_epochs - warmup_epochs, eta_min=0.001)
    scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[warmup_epochs])
    return w, optimizer, scheduler


def train_epoch(w, optimizer, scheduler):
    lr = scheduler.get_last_lr()[0]
    for y in batches:
        optimizer.zero_grad()
        loss = 0.5 * ((w - y) ** 2).sum()
        loss.backward()
        optimizer.step()
    scheduler.step()
    return lr


# en: 1. The uninterrupted run, for comparison.
# zh-cn: 1. 不中断的训练，作为对照。
w, optimizer, scheduler = build()
uninterrupted = []
for epoch in range(num_epochs):
    uninterrupted.append(train_epoch(w, optimizer, scheduler))
final_w = w.detach().clone()

# en: 2. Train for a while, then save model, optimizer and scheduler together.
# zh-cn: 2. 训练几轮，然后把模型、优化器和调度器一起保存。
w, optimizer, scheduler = build()
resumed = []
for epoch in range(stop_after):
    resumed.append(train_epoch(w, optimizer, scheduler))
checkpoint = {
    "model": w.detach().clone(),
    "optimizer": optimizer.state_dict(),
    "scheduler": scheduler.state_dict(),
}
# en: In a real run, a file such as checkpoint.pt.
# zh-cn: 实际训练中写入 checkpoint.pt 之类的文件。
file = io.BytesIO()
torch.save(checkpoint, file)

# en: 3. Resume in a new process: build fresh objects, then load the model, the optimizer
# en: and, last, the scheduler. Constructing the scheduler overwrites the optimizer's lr;
# en: loading the optimizer puts it back.
# zh-cn: 3. 在新进程中续训：先新建全部对象，再依次加载模型、优化器，最后加载调度器。
# zh-cn: 构造调度器会覆盖优化器里的 lr，加载优化器的状态才把它恢复过来。
file.seek(0)
checkpoint = torch.load(file)
w, optimizer, scheduler = build()
with torch.no_grad():
    w.copy_(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
scheduler.load_state_dict(checkpoint["scheduler"])
for epoch in range(stop_after, num_epochs):
    resumed.append(train_epoch(w, optimizer, scheduler))

for epoch in range(num_epochs):
    print(epoch, uninterrupted[epoch], resumed[epoch])
print("same learning rates:", resumed == uninterrupted)
print("same weights:", torch.equal(w, final_w))
