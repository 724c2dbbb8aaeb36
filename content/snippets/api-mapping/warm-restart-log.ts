import { CosineAnnealingWarmRestarts, SGD, pyLog, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1 });
const scheduler = new CosineAnnealingWarmRestarts(optimizer, { T_0: 1, T_mult: 3, eta_min: 0.001 });

// en: Epoch 121 starts a cycle: 1 + 3 + 9 + 27 + 81 = 121.
// en: The scheduler finds the cycle with this logarithm.
// zh-cn: 第 121 轮应当开始新周期：1 + 3 + 9 + 27 + 81 = 121。
// zh-cn: 调度器用这个对数确定所在周期。
console.log(pyLog(121 * (3 - 1) + 1, 3));
for (const epoch of [120, 121, 122]) {
  scheduler.step(epoch);
  console.log(scheduler.getLastLr()[0]);
}
