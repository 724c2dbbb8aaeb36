import {
  CosineAnnealingLR,
  SGD,
  type OptimizerStateDict,
  type Param,
  type StateDict,
} from 'lr-schedules';

function make() {
  const w: Param = { data: Float64Array.of(1.0, -2.0), grad: null };
  const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
  const scheduler = new CosineAnnealingLR(optimizer, { T_max: 10, eta_min: 0.001 });
  return { w, optimizer, scheduler };
}

function train({ w, optimizer, scheduler }: ReturnType<typeof make>, epochs: number) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.zeroGrad();
    w.grad = w.data.slice();
    optimizer.step();
    scheduler.step();
    console.log(scheduler.getLastLr()[0]);
  }
}

let run = make();
train(run, 4);

// en: Save the weights, the optimizer and the scheduler; here, as one JSON string.
// zh-cn: 保存权重、优化器和调度器；这里存成一个 JSON 字符串。
const checkpoint = JSON.stringify({
  w: Array.from(run.w.data),
  optimizer: run.optimizer.stateDict(),
  scheduler: run.scheduler.stateDict(),
});

// en: Resume in fresh objects: construct the scheduler first, then load both state dicts.
// zh-cn: 在新对象中断点续训：先构造调度器，再加载两个状态字典。
run = make();
const saved = JSON.parse(checkpoint) as {
  w: number[];
  optimizer: OptimizerStateDict;
  scheduler: StateDict;
};
run.w.data.set(saved.w);
run.optimizer.loadStateDict(saved.optimizer);
run.scheduler.loadStateDict(saved.scheduler);
train(run, 6);
console.log(Array.from(run.w.data));
