import { CyclicLR, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: Step sizes count batches: 4 up, 4 down. The optimizer's lr is replaced by base_lr.
// zh-cn: 步长以批次计：上升 4 步，下降 4 步。优化器原有的 lr 被 base_lr 取代。
const scheduler = new CyclicLR(optimizer, {
  base_lr: 0.01,
  max_lr: 0.1,
  step_size_up: 4,
  mode: 'triangular2',
});
const numEpochs = 4;
const stepsPerEpoch = 6;

for (let epoch = 0; epoch < numEpochs; epoch++) {
  for (let i = 0; i < stepsPerEpoch; i++) {
    console.log(epoch + i / stepsPerEpoch, scheduler.getLastLr()[0]);
    // en: Stands in for one batch; with no gradients, optimizer.step() changes nothing.
    // zh-cn: 代替一个批次的训练；没有梯度时，optimizer.step() 什么也不改变。
    optimizer.step();
    scheduler.step();
  }
}
