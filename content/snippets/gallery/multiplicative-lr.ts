import { MultiplicativeLR, SGD, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
// en: Multiply by 0.8 in each of epochs 1–5, then by 0.97.
// zh-cn: 第 1～5 轮每轮乘以 0.8，之后每轮乘以 0.97。
const scheduler = new MultiplicativeLR(optimizer, {
  lr_lambda: (epoch) => (epoch <= 5 ? 0.8 : 0.97),
});

for (let epoch = 0; epoch < 20; epoch++) {
  console.log(epoch, scheduler.getLastLr()[0]);
  // en: Stands in for an epoch of training; with no gradients, optimizer.step() changes nothing.
  // zh-cn: 代替一轮训练；没有梯度时，optimizer.step() 什么也不改变。
  optimizer.step();
  scheduler.step();
}
