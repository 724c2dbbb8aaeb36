import { MultiStepLR, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
const scheduler = new MultiStepLR(optimizer, { milestones: [8, 14], gamma: 0.2 });

for (let epoch = 0; epoch < 20; epoch++) {
  console.log(epoch, scheduler.getLastLr()[0]);
  // en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
  // zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
  optimizer.step();
  scheduler.step();
}
