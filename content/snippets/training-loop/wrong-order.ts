import { CosineAnnealingLR, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const batches = [1.0, 3.0, 2.0, 4.0];
const numEpochs = 10;

const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
const scheduler = new CosineAnnealingLR(optimizer, { T_max: numEpochs });

for (let epoch = 0; epoch < numEpochs; epoch++) {
  // en: Wrong: stepping the scheduler before the epoch's optimizer steps.
  // en: PyTorch warns, and epoch 0 already trains with epoch 1's rate.
  // zh-cn: 错误写法：在本轮的优化器更新之前步进调度器。
  // zh-cn: PyTorch 会发出警告，而且第 0 轮用的已经是第 1 轮的学习率。
  scheduler.step();
  console.log(epoch, scheduler.getLastLr()[0]);
  for (const y of batches) {
    optimizer.zeroGrad();
    w.grad = w.data.map((v) => v - y);
    optimizer.step();
  }
}
