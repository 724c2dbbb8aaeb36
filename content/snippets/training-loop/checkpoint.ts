import { CosineAnnealingLR, LinearLR, SGD, SequentialLR, type Param } from 'lr-schedules';

const batches = [1.0, 3.0, 2.0, 4.0];
const numEpochs = 10;
const warmupEpochs = 3;
const stopAfter = 5;

function build() {
  // en: Everything a fresh run creates, in the usual order.
  // zh-cn: 全新训练要创建的一切，按通常的顺序。
  const w: Param = { data: new Float64Array(2), grad: null };
  const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
  const warmup = new LinearLR(optimizer, { start_factor: 0.1, total_iters: warmupEpochs });
  const cosine = new CosineAnnealingLR(optimizer, {
    T_max: numEpochs - warmupEpochs,
    eta_min: 0.001,
  });
  const scheduler = new SequentialLR(optimizer, {
    schedulers: [warmup, cosine],
    milestones: [warmupEpochs],
  });
  return { w, optimizer, scheduler };
}

function trainEpoch({ w, optimizer, scheduler }: ReturnType<typeof build>): number {
  const lr = scheduler.getLastLr()[0]!;
  for (const y of batches) {
    optimizer.zeroGrad();
    w.grad = w.data.map((v) => v - y);
    optimizer.step();
  }
  scheduler.step();
  return lr;
}

// en: 1. The uninterrupted run, for comparison.
// zh-cn: 1. 不中断的训练，作为对照。
let run = build();
const uninterrupted: number[] = [];
for (let epoch = 0; epoch < numEpochs; epoch++) uninterrupted.push(trainEpoch(run));
const finalW = run.w.data.slice();

// en: 2. Train for a while, then save model, optimizer and scheduler together.
// zh-cn: 2. 训练几轮，然后把模型、优化器和调度器一起保存。
run = build();
const resumed: number[] = [];
for (let epoch = 0; epoch < stopAfter; epoch++) resumed.push(trainEpoch(run));
const checkpoint = {
  model: Array.from(run.w.data),
  optimizer: run.optimizer.stateDict(),
  scheduler: run.scheduler.stateDict(),
};
// en: In a real run, a file such as checkpoint.json.
// zh-cn: 实际训练中写入 checkpoint.json 之类的文件。
const file = JSON.stringify(checkpoint);

// en: 3. Resume in a new process: build fresh objects, then load the model, the optimizer
// en: and, last, the scheduler. Constructing the scheduler overwrites the optimizer's lr;
// en: loading the optimizer puts it back.
// zh-cn: 3. 在新进程中续训：先新建全部对象，再依次加载模型、优化器，最后加载调度器。
// zh-cn: 构造调度器会覆盖优化器里的 lr，加载优化器的状态才把它恢复过来。
const loaded = JSON.parse(file) as typeof checkpoint;
run = build();
run.w.data.set(loaded.model);
run.optimizer.loadStateDict(loaded.optimizer);
run.scheduler.loadStateDict(loaded.scheduler);
for (let epoch = stopAfter; epoch < numEpochs; epoch++) resumed.push(trainEpoch(run));

for (let epoch = 0; epoch < numEpochs; epoch++) {
  console.log(epoch, uninterrupted[epoch], resumed[epoch]);
}
console.log(
  'same learning rates:',
  resumed.every((lr, epoch) => lr === uninterrupted[epoch]),
);
console.log(
  'same weights:',
  run.w.data.every((v, i) => v === finalW[i]),
);
