/**
 * The training-run worker protocol, run without a Worker: a fake host records posted messages
 * and runs scheduled ticks on demand. Checks the message sequence of start, pause, step, resume
 * and reset, that timing never changes the numbers, and that bad input becomes error messages.
 */
import { describe, expect, it } from 'vitest';
import {
  createTraining,
  DEFAULT_TRAINING_CONFIG,
  trainEpoch,
  type EpochMetrics,
  type TrainingConfig,
} from '../../src/widgets/training-run/model.ts';
import {
  createSession,
  type Session,
  type WorkerResponse,
} from '../../src/widgets/training-run/session.ts';

interface Harness {
  session: Session;
  messages: WorkerResponse[];
  transfers: ArrayBuffer[][];
  /** Run scheduled ticks, at most `limit` of them; returns how many ran. */
  tick(limit?: number): number;
  pending(): number;
}

function harness(): Harness {
  const messages: WorkerResponse[] = [];
  const transfers: ArrayBuffer[][] = [];
  let queue: Array<{ callback: () => void; cancelled: boolean }> = [];
  const session = createSession({
    post: (message, transfer) => {
      messages.push(message);
      transfers.push(transfer);
    },
    schedule: (callback) => {
      const entry = { callback, cancelled: false };
      queue.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
  });
  return {
    session,
    messages,
    transfers,
    tick(limit = Infinity) {
      let ran = 0;
      while (ran < limit) {
        queue = queue.filter((entry) => !entry.cancelled);
        const next = queue.shift();
        if (next === undefined) break;
        next.callback();
        ran += 1;
      }
      return ran;
    },
    pending: () => queue.filter((entry) => !entry.cancelled).length,
  };
}

const small: Partial<TrainingConfig> = { pointsPerClass: 30, epochs: 7 };

/** Metrics of the same run computed directly with the model. */
function direct(overrides: Partial<TrainingConfig>): EpochMetrics[] {
  const state = createTraining({ ...DEFAULT_TRAINING_CONFIG, ...overrides });
  while (state.epoch < state.config.epochs) trainEpoch(state);
  return [...state.history];
}

const epochs = (messages: WorkerResponse[]): EpochMetrics[] =>
  messages.flatMap((m) => (m.type === 'epoch' ? [m.metrics] : []));
const gridEpochs = (messages: WorkerResponse[]): number[] =>
  messages.flatMap((m) => (m.type === 'grid' ? [m.epoch] : []));
const statuses = (messages: WorkerResponse[]): string[] =>
  messages.flatMap((m) => (m.type === 'status' ? [`${m.status}@${m.epoch}`] : []));

describe('training-run session', () => {
  it('runs a started configuration to the end, posting metrics, grids and statuses', () => {
    const h = harness();
    h.session.handle({
      type: 'start',
      config: small,
      options: { gridEvery: 3, gridResolution: 8 },
    });
    expect(h.messages.map((m) => m.type)).toEqual(['config', 'grid', 'status']);
    const first = h.messages[0]!;
    expect(first.type === 'config' && first.config).toEqual({
      ...DEFAULT_TRAINING_CONFIG,
      ...small,
    });
    h.tick();
    expect(h.session.status).toBe('finished');
    expect(epochs(h.messages)).toEqual(direct(small));
    expect(gridEpochs(h.messages)).toEqual([0, 3, 6, 7]);
    expect(statuses(h.messages)).toEqual(['running@0', 'finished@7']);
    expect(h.pending()).toBe(0);
    // Grid buffers are transferred, not copied.
    h.messages.forEach((m, i) => {
      if (m.type === 'grid') {
        expect(m.grid.probabilities).toHaveLength(8 * 8 * 2);
        expect(h.transfers[i]).toEqual([m.grid.probabilities.buffer]);
      }
    });
  });

  it('trains epochsPerTick epochs per tick', () => {
    const h = harness();
    h.session.handle({ type: 'start', config: small, options: { epochsPerTick: 3 } });
    expect(h.tick(1)).toBe(1);
    expect(epochs(h.messages).map((m) => m.epoch)).toEqual([1, 2, 3]);
  });

  it('gives the same numbers however it is paused, stepped and resumed', () => {
    const h = harness();
    h.session.handle({ type: 'start', config: small });
    h.tick(2);
    h.session.handle({ type: 'pause' });
    expect(h.tick()).toBe(0);
    h.session.handle({ type: 'step' });
    h.session.handle({ type: 'step' });
    expect(epochs(h.messages).map((m) => m.epoch)).toEqual([1, 2, 3, 4]);
    // A step always sends the grid of the epoch it trained.
    expect(gridEpochs(h.messages).slice(-2)).toEqual([3, 4]);
    h.session.handle({ type: 'resume' });
    h.tick();
    expect(epochs(h.messages)).toEqual(direct(small));
    expect(statuses(h.messages)).toEqual(['running@0', 'paused@2', 'running@4', 'finished@7']);
  });

  it('resets to a paused run at epoch 0, keeping the configuration unless given a new one', () => {
    const h = harness();
    h.session.handle({ type: 'start', config: small });
    h.tick(3);
    h.session.handle({ type: 'reset' });
    expect(h.session.status).toBe('paused');
    expect(h.session.training?.epoch).toBe(0);
    expect(h.session.training?.config).toEqual({ ...DEFAULT_TRAINING_CONFIG, ...small });
    expect(h.tick()).toBe(0);
    h.session.handle({ type: 'reset', config: { ...small, seed: 5, epochs: 2 } });
    h.session.handle({ type: 'resume' });
    h.tick();
    expect(epochs(h.messages).slice(-2)).toEqual(direct({ ...small, seed: 5, epochs: 2 }));
    expect(h.session.status).toBe('finished');
  });

  it('starting again replaces the running run', () => {
    const h = harness();
    h.session.handle({ type: 'start', config: small });
    h.tick(2);
    h.session.handle({ type: 'start', config: { ...small, epochs: 3 } });
    h.tick();
    expect(epochs(h.messages).slice(2)).toEqual(direct({ ...small, epochs: 3 }));
  });

  it('stops with status diverged when the loss is no longer finite', () => {
    const h = harness();
    h.session.handle({
      type: 'start',
      config: { lr: 10, momentum: 0, weight_decay: 1, schedule: 'constant', epochs: 50 },
    });
    h.tick();
    expect(h.session.status).toBe('diverged');
    const last = epochs(h.messages).at(-1)!;
    expect(Number.isFinite(last.trainLoss) && Number.isFinite(last.valLoss)).toBe(false);
    expect(last.epoch).toBeLessThan(50);
    expect(h.pending()).toBe(0);
  });

  it('answers bad configurations and options with their problems, leaving the session as it was', () => {
    const h = harness();
    h.session.handle({
      type: 'start',
      config: { lr: '-1', schedule: 'warm-restarts' },
      options: { gridResolution: 0 },
    });
    expect(h.messages).toEqual([
      {
        type: 'error',
        key: 'config',
        problems: [
          { field: 'lr', key: 'notPositive', values: { name: 'lr' } },
          { field: 'gridResolution', key: 'tooSmall', values: { name: 'gridResolution', min: 1 } },
        ],
      },
    ]);
    expect(h.session.status).toBe('idle');
  });

  it('answers messages that are not requests, or come too early, with request errors', () => {
    const h = harness();
    for (const message of [null, 'start', { type: 'launch' }, { kind: 'start' }]) {
      h.session.handle(message);
    }
    h.session.handle({ type: 'step' });
    h.session.handle({ type: 'resume' });
    expect(h.messages.map((m) => m.type === 'error' && m.key)).toEqual(
      Array.from({ length: 6 }, () => 'request'),
    );
    h.session.handle({ type: 'pause' });
    expect(h.messages.at(-1)).toEqual({ type: 'status', status: 'idle', epoch: 0 });
  });
});
