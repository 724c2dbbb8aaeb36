import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
batches = [1.0, 3.0, 2.0, 4.0]
num_epochs = 6

optimizer = SGD([w], lr=0.1, momentum=0.9)
# en: T_0 and T_mult count epochs: cycles of 2 and 4 epochs,
# en: so the 6-epoch run ends with the second cycle.
# zh-cn: T_0 和 T_mult 以轮计：两个周期分别长 2 轮和 4 轮，
# zh-cn: 6 轮的训练恰好随第二个周期结束。
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=2, T_mult=2, eta_min=0.001)
iters = len(batches)

for epoch in range(num_epochs):
    for i, y in enumerate(batches):
        # en: The rate this batch trains with.
        # zh-cn: 这个批次使用的学习率。
        print(epoch, i, scheduler.get_last_lr()[0])
        optimizer.zero_grad()
        loss = 0.5 * ((w - y) ** 2).sum()
        loss.backward()
        optimizer.step()
        # en: After every batch, with the epoch as a fraction.
        # zh-cn: 每个批次之后步进一次，轮次写成小数。
        scheduler.step(epoch + i / iters)
