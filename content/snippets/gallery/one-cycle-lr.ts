import { OneCycleLR, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
const numEpochs = 4;
const stepsPerEpoch = 6;
// en: One cycle over every batch of the run.
// zh-cn: 一个周期覆盖整个训练的所有批次。
const scheduler = new OneCycleLR(optimizer, {
  max_lr: 0.1,
  total_steps: numEpochs * stepsPerEpoch,
});

for (let epoch = 0; epoch < numEpochs; epoch++) {
  for (let i = 0; i < stepsPerEpoch; i++) {
    console.log(epoch + i / stepsPerEpoch, scheduler.getLastLr()[0]);
    // en: Stands in for one batch; with no gradients, optimizer.step() changes nothing.
    // zh-cn: 代替一个批次的训练；没有梯度时，optimizer.step() 什么也不改变。
    optimizer.step();
    scheduler.step();
  }
}
