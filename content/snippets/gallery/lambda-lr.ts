import { LambdaLR, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: Warm up for 5 epochs, then decay as 1/sqrt(epoch).
// zh-cn: 先预热 5 轮，再按 1/sqrt(epoch) 衰减。
const scheduler = new LambdaLR(optimizer, {
  lr_lambda: (epoch) => Math.min((epoch + 1) / 5, Math.sqrt(5 / (epoch + 1))),
});

for (let epoch = 0; epoch < 20; epoch++) {
  console.log(epoch, scheduler.getLastLr()[0]);
  // en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
  // zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
  optimizer.step();
  scheduler.step();
}
