/**
 * A small multilayer perceptron for two-dimensional inputs: fully connected layers with tanh or
 * ReLU hidden units and a softmax cross-entropy output, forward and backward passes written by
 * hand. Weights and biases are the engine's {@link Param}s (one flat `Float64Array` each), so the
 * engine's optimizers update them in place.
 *
 * @module
 */
import type { Param } from '../../scheduler/index.ts';
import type { Rng } from './rng.ts';

/** Hidden-unit nonlinearities. */
export const activations = ['tanh', 'relu'] as const;

/** `'tanh'`: φ(z) = tanh z; `'relu'`: φ(z) = max(0, z). */
export type Activation = (typeof activations)[number];

/**
 * Gain of the Xavier bound for tanh layers: PyTorch's `nn.init.calculate_gain('tanh')`. With
 * gain 1 a tanh network on the spirals stays in tanh's linear range and barely learns.
 */
export const TANH_GAIN = 5 / 3;

/** One fully connected layer `z = W·a + b`. */
export interface Layer {
  readonly inputs: number;
  readonly outputs: number;
  /** `W`, row-major: `W[o][i]` is `weight.data[o·inputs + i]`. */
  readonly weight: Param;
  readonly bias: Param;
}

/** A network: layer sizes, the hidden nonlinearity, layers, and their parameters. */
export interface Mlp {
  /** Units per layer, input first: `[2, 16, 16, 2]`. */
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly layers: readonly Layer[];
  /** `[W₁, b₁, W₂, b₂, …]`: what the optimizer is given. */
  readonly params: readonly Param[];
  /** Gradient buffers, parallel to `params`; {@link lossAndGradient} attaches them as `grad`. */
  readonly grads: readonly Float64Array[];
}

/**
 * Create a network with freshly initialised weights; biases start at zero.
 *
 * Weights are drawn uniformly from `(−a, a)` row by row, layer by layer, with PyTorch's
 * `xavier_uniform_` and `kaiming_uniform_` bounds:
 *
 * $$a = g\sqrt{\frac{6}{n_{in} + n_{out}}}\ \text{(Xavier/Glorot)},\qquad a = \sqrt{\frac{6}{n_{in}}}\ \text{(He, ReLU layers)}$$
 *
 * Xavier is used for tanh layers with gain `g = 5/3` ({@link TANH_GAIN}) and for the output
 * layer with `g = 1`.
 *
 * @param sizes - Units per layer, input first and classes last (at least two entries, each a
 *   positive integer).
 * @param activation - Nonlinearity of the hidden layers.
 * @param rng - The stream for the weights; one uniform per weight.
 * @returns The network.
 * @throws {RangeError} for fewer than two layer sizes or a size that is not a positive integer.
 * @example
 * const net = createMlp([2, 16, 16, 2], 'tanh', createRng(1));
 * net.params.length; // 6
 */
export function createMlp(sizes: readonly number[], activation: Activation, rng: Rng): Mlp {
  if (sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) {
    throw new RangeError(`invalid layer sizes ${JSON.stringify(sizes)}`);
  }
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l += 1) {
    const inputs = sizes[l]!;
    const outputs = sizes[l + 1]!;
    const hidden = l + 2 < sizes.length;
    const limit = !hidden
      ? Math.sqrt(6 / (inputs + outputs))
      : activation === 'relu'
        ? Math.sqrt(6 / inputs)
        : TANH_GAIN * Math.sqrt(6 / (inputs + outputs));
    const weight = new Float64Array(inputs * outputs);
    for (let k = 0; k < weight.length; k += 1) weight[k] = (2 * rng.uniform() - 1) * limit;
    layers.push({
      inputs,
      outputs,
      weight: { data: weight, grad: null },
      bias: { data: new Float64Array(outputs), grad: null },
    });
  }
  const params = layers.flatMap((layer) => [layer.weight, layer.bias]);
  return {
    sizes: [...sizes],
    activation,
    layers,
    params,
    grads: params.map((p) => new Float64Array(p.data.length)),
  };
}

/** Scratch buffers for one sample's pass; reused across samples so training allocates nothing. */
export interface Workspace {
  /** `acts[l]`: activations of layer `l` (`acts[0]` the input, the last the logits). */
  readonly acts: Float64Array[];
  /** `deltas[l]`: ∂loss/∂z of layer `l`'s pre-activations (same shapes as `acts`). */
  readonly deltas: Float64Array[];
}

/**
 * Scratch buffers for a network.
 *
 * @param net - The network.
 * @returns Fresh buffers.
 */
export function createWorkspace(net: Mlp): Workspace {
  return {
    acts: net.sizes.map((n) => new Float64Array(n)),
    deltas: net.sizes.map((n) => new Float64Array(n)),
  };
}

/**
 * Forward pass of one point: fills `ws.acts` (hidden `a = φ(W·a + b)`, logits `z = W·a + b`) and
 * turns the logits in place into log-probabilities with a stable log-softmax,
 * `log pₖ = zₖ − (m + log Σⱼ exp(zⱼ − m))`, `m = maxⱼ zⱼ`.
 *
 * @returns The index of the most probable class (the first of equals).
 */
function forwardPoint(net: Mlp, ws: Workspace, x: number, y: number): number {
  const acts = ws.acts;
  acts[0]![0] = x;
  acts[0]![1] = y;
  const relu = net.activation === 'relu';
  const last = net.layers.length - 1;
  for (let l = 0; l <= last; l += 1) {
    const { inputs, outputs, weight, bias } = net.layers[l]!;
    const w = weight.data;
    const b = bias.data;
    const input = acts[l]!;
    const output = acts[l + 1]!;
    for (let o = 0; o < outputs; o += 1) {
      let z = b[o]!;
      const row = o * inputs;
      for (let i = 0; i < inputs; i += 1) z += w[row + i]! * input[i]!;
      output[o] = l === last ? z : relu ? (z > 0 ? z : 0) : Math.tanh(z);
    }
  }
  const logits = acts[last + 1]!;
  let max = -Infinity;
  let best = 0;
  for (let k = 0; k < logits.length; k += 1) {
    if (logits[k]! > max) {
      max = logits[k]!;
      best = k;
    }
  }
  let sum = 0;
  for (let k = 0; k < logits.length; k += 1) sum += Math.exp(logits[k]! - max);
  const logZ = max + Math.log(sum);
  for (let k = 0; k < logits.length; k += 1) logits[k] = logits[k]! - logZ;
  return best;
}

/** Loss and accuracy over a set of points. */
export interface Evaluation {
  /** Mean cross-entropy, `−(1/n) Σ log p_{label}`. */
  readonly loss: number;
  /** Share of points whose most probable class is their label. */
  readonly accuracy: number;
}

/**
 * Mean softmax cross-entropy loss and accuracy of the network on points `indices` (default:
 * all) of a set; forward passes only, parameters untouched.
 *
 * $$L = -\frac1n\sum_{s} \log \operatorname{softmax}(z(x_s))_{y_s}$$
 *
 * @param net - The network.
 * @param points - Coordinates, interleaved x, y.
 * @param labels - Class of each point.
 * @param indices - Which points (default: every point).
 * @param ws - Scratch buffers (default: fresh ones).
 * @returns Loss and accuracy (NaN for an empty set).
 * @example
 * evaluateNet(net, data.points, data.labels).accuracy; // e.g. 0.5 before training
 */
export function evaluateNet(
  net: Mlp,
  points: Float64Array,
  labels: Uint8Array,
  indices?: ArrayLike<number>,
  ws: Workspace = createWorkspace(net),
): Evaluation {
  const count = indices?.length ?? labels.length;
  const logProbs = ws.acts[ws.acts.length - 1]!;
  let loss = 0;
  let correct = 0;
  for (let s = 0; s < count; s += 1) {
    const i = indices === undefined ? s : indices[s]!;
    const label = labels[i]!;
    const best = forwardPoint(net, ws, points[2 * i]!, points[2 * i + 1]!);
    loss -= logProbs[label]!;
    if (best === label) correct += 1;
  }
  return { loss: loss / count, accuracy: correct / count };
}

/**
 * Mean loss over a mini-batch and its gradient with respect to every parameter, by
 * backpropagation. The gradient buffers `net.grads` are zeroed, filled and attached as each
 * parameter's `grad`, ready for `optimizer.step()`.
 *
 * Per point, with `p = softmax(z)` and `e_y` the one-hot label, the output delta is
 * `δ_L = (p − e_y)/n`; then for each layer, from the last,
 *
 * $$\frac{\partial L}{\partial W} \mathrel{+}= \delta\,a_{in}^\top,\quad \frac{\partial L}{\partial b} \mathrel{+}= \delta,\quad \delta_{in} = (W^\top\delta) \odot \varphi'(z_{in})$$
 *
 * with `φ'(z) = 1 − tanh² z = 1 − a²` for tanh and `[a > 0]` for ReLU (0 at the kink).
 *
 * @param net - The network.
 * @param points - Coordinates, interleaved x, y.
 * @param labels - Class of each point.
 * @param indices - The batch: positions in `points`/`labels`.
 * @param ws - Scratch buffers (default: fresh ones).
 * @returns The batch's mean loss and the number of points it classified correctly (before
 *   the update).
 * @example
 * const { loss } = lossAndGradient(net, train.points, train.labels, batch);
 * optimizer.step();
 * optimizer.zeroGrad();
 */
export function lossAndGradient(
  net: Mlp,
  points: Float64Array,
  labels: Uint8Array,
  indices: ArrayLike<number>,
  ws: Workspace = createWorkspace(net),
): { loss: number; correct: number } {
  const count = indices.length;
  const { acts, deltas } = ws;
  const layers = net.layers;
  const last = layers.length - 1;
  const relu = net.activation === 'relu';
  for (const g of net.grads) g.fill(0);
  const scale = 1 / count;
  let loss = 0;
  let correct = 0;
  for (let s = 0; s < count; s += 1) {
    const i = indices[s]!;
    const label = labels[i]!;
    if (forwardPoint(net, ws, points[2 * i]!, points[2 * i + 1]!) === label) correct += 1;
    const logProbs = acts[last + 1]!;
    loss -= logProbs[label]!;
    const top = deltas[last + 1]!;
    for (let k = 0; k < top.length; k += 1) {
      top[k] = (Math.exp(logProbs[k]!) - (k === label ? 1 : 0)) * scale;
    }
    for (let l = last; l >= 0; l -= 1) {
      const { inputs, outputs, weight } = layers[l]!;
      const w = weight.data;
      const gw = net.grads[2 * l]!;
      const gb = net.grads[2 * l + 1]!;
      const delta = deltas[l + 1]!;
      const input = acts[l]!;
      for (let o = 0; o < outputs; o += 1) {
        const d = delta[o]!;
        gb[o] = gb[o]! + d;
        const row = o * inputs;
        for (let k = 0; k < inputs; k += 1) gw[row + k] = gw[row + k]! + d * input[k]!;
      }
      if (l === 0) continue;
      const below = deltas[l]!;
      for (let k = 0; k < inputs; k += 1) {
        let sum = 0;
        for (let o = 0; o < outputs; o += 1) sum += w[o * inputs + k]! * delta[o]!;
        const a = input[k]!;
        below[k] = relu ? (a > 0 ? sum : 0) : sum * (1 - a * a);
      }
    }
  }
  net.params.forEach((p, k) => {
    p.grad = net.grads[k]!;
  });
  return { loss: loss * scale, correct };
}

/**
 * Class probabilities of one point, `softmax(z(x, y))`.
 *
 * @param net - The network.
 * @param x - First coordinate.
 * @param y - Second coordinate.
 * @param out - Where to write the probabilities (length = classes).
 * @param ws - Scratch buffers (default: fresh ones).
 * @returns `out`.
 */
export function predictInto(
  net: Mlp,
  x: number,
  y: number,
  out: Float64Array,
  ws: Workspace = createWorkspace(net),
): Float64Array {
  forwardPoint(net, ws, x, y);
  const logProbs = ws.acts[ws.acts.length - 1]!;
  for (let k = 0; k < out.length; k += 1) out[k] = Math.exp(logProbs[k]!);
  return out;
}
