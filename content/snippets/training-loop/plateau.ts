import { ReduceLROnPlateau, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const batches = [1.0, 3.0, 2.0, 4.0];
// en: A made-up validation loss per epoch, so the run is deterministic.
// zh-cn: 每轮一个虚构的验证损失，让结果可以复现。
const valLosses = [1.0, 0.8, 0.7, 0.65, 0.66, 0.64, 0.66, 0.65, 0.67, 0.5, 0.52, 0.51, 0.53, 0.54];

const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: Halve the rate once the loss has failed to improve for more than 2 epochs in a row.
// zh-cn: 验证损失连续超过 2 轮没有改善时，学习率减半。
const scheduler = new ReduceLROnPlateau(optimizer, { mode: 'min', factor: 0.5, patience: 2 });

for (const [epoch, valLoss] of valLosses.entries()) {
  for (const group of optimizer.paramGroups) {
    console.log(epoch, group.lr);
  }
  for (const y of batches) {
    optimizer.zeroGrad();
    w.grad = w.data.map((v) => v - y);
    optimizer.step();
  }
  // en: After validation, with the metric it watches.
  // zh-cn: 在验证之后调用，传入它所监视的指标。
  scheduler.step(valLoss);
}
