import { CosineAnnealingLR, LinearLR, SGD, SequentialLR, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const batches = [1.0, 3.0, 2.0, 4.0];
const numEpochs = 10;
const warmupEpochs = 3;

const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: Epochs 0–2: from 0.1·lr up towards lr.
// zh-cn: 第 0～2 轮：从 0.1·lr 逐步升向 lr。
const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: warmupEpochs });
// en: From the milestone on: T_max counts only the epochs after it.
// zh-cn: 从里程碑开始：T_max 只计里程碑之后的轮数。
const cosine = new CosineAnnealingLR(optimizer, {
  T_max: numEpochs - warmupEpochs,
  eta_min: 0.001,
});
const scheduler = new SequentialLR(optimizer, {
  schedulers: [warmup, cosine],
  milestones: [warmupEpochs],
});

for (let epoch = 0; epoch < numEpochs; epoch++) {
  console.log(epoch, scheduler.getLastLr()[0]);
  for (const y of batches) {
    optimizer.zeroGrad();
    w.grad = w.data.map((v) => v - y);
    optimizer.step();
  }
  scheduler.step();
}
