import { CosineAnnealingWarmRestarts, SGD, ValueError, type Param } from 'lr-schedules';

const w: Param = { data: new Float64Array(2), grad: null };
const optimizer = new SGD([w], { lr: 0.1 });

try {
  new CosineAnnealingWarmRestarts(optimizer, { T_0: 0 });
} catch (error) {
  if (!(error instanceof ValueError)) throw error;
  console.log(error.name, error.message);
}
