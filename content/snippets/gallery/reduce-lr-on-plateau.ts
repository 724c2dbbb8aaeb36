import { ReduceLROnPlateau, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
const scheduler = new ReduceLROnPlateau(optimizer, {
  mode: 'min',
  factor: 0.5,
  patience: 2,
  cooldown: 1,
  min_lr: 0.01,
});

for (let epoch = 0; epoch < 20; epoch++) {
  for (const group of optimizer.paramGroups) {
    console.log(epoch, group.lr);
  }
  // en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
  // zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
  optimizer.step();
  // en: A validation loss stuck at 1.0: it never improves after the first epoch.
  // zh-cn: 验证损失停在 1.0：第一轮之后再无改善。
  const valLoss = 1.0;
  scheduler.step(valLoss);
}
