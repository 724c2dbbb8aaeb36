import torch
from torch.optim import SGD
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
optimizer = SGD([w], lr=0.1)

try:
    CosineAnnealingWarmRestarts(optimizer, T_0=0)
except ValueError as error:
    print(type(error).__name__, error)
