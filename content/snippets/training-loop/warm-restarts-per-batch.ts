import { CosineAnnealingWarmRestarts, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const batches = [1.0, 3.0, 2.0, 4.0];
const numEpochs = 6;

const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: T_0 and T_mult count epochs: cycles of 2 and 4 epochs,
// en: so the 6-epoch run ends with the second cycle.
// zh-cn: T_0 和 T_mult 以轮计：两个周期分别长 2 轮和 4 轮，
// zh-cn: 6 轮的训练恰好随第二个周期结束。
const scheduler = new CosineAnnealingWarmRestarts(optimizer, { T_0: 2, T_mult: 2, eta_min: 0.001 });
const iters = batches.length;

for (let epoch = 0; epoch < numEpochs; epoch++) {
  for (const [i, y] of batches.entries()) {
    // en: The rate this batch trains with.
    // zh-cn: 这个批次使用的学习率。
    console.log(epoch, i, scheduler.getLastLr()[0]);
    optimizer.zeroGrad();
    w.grad = w.data.map((v) => v - y);
    optimizer.step();
    // en: After every batch, with the epoch as a fraction.
    // zh-cn: 每个批次之后步进一次，轮次写成小数。
    scheduler.step(epoch + i / iters);
  }
}
