import { OneCycleLR, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const batches = [1.0, 3.0, 2.0, 4.0, 2.5];
const numEpochs = 4;

const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: One cycle over the whole run: total_steps = epochs * steps_per_epoch = 20.
// en: It replaces the optimizer's lr and momentum with its own.
// zh-cn: 整个训练只走一个周期：total_steps = epochs * steps_per_epoch = 20。
// zh-cn: 它会用自己的值覆盖优化器的 lr 和 momentum。
const scheduler = new OneCycleLR(optimizer, {
  max_lr: 0.1,
  epochs: numEpochs,
  steps_per_epoch: batches.length,
});

for (let epoch = 0; epoch < numEpochs; epoch++) {
  for (const y of batches) {
    for (const group of optimizer.paramGroups) {
      console.log(epoch, group.lr, group.momentum);
    }
    optimizer.zeroGrad();
    w.grad = w.data.map((v) => v - y);
    optimizer.step();
    // en: Once per batch: the schedule is 20 steps long, not 4.
    // zh-cn: 每个批次步进一次：调度长 20 步，而不是 4 步。
    scheduler.step();
  }
}
