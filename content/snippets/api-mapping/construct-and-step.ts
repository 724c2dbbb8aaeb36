import { CosineAnnealingLR, SGD, type Param } from 'lr-schedules';

// en: One parameter tensor; the loss 0.5·‖w‖² has the gradient w.
// zh-cn: 一个参数张量；损失 0.5·‖w‖² 的梯度就是 w。
const w: Param = { data: Float64Array.of(1.0, -2.0), grad: null };

const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: Constructing the scheduler writes the rate for epoch 0 into the optimizer.
// zh-cn: 构造调度器时，它会把第 0 轮的学习率写入优化器。
const scheduler = new CosineAnnealingLR(optimizer, { T_max: 10, eta_min: 0.001 });

for (let epoch = 0; epoch < 10; epoch++) {
  optimizer.zeroGrad();
  w.grad = w.data.slice();
  optimizer.step();
  scheduler.step();
  console.log(scheduler.getLastLr()[0]);
}
