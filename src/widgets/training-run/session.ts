/**
 * The training-run widget's worker protocol and the session behind it: which messages the page
 * sends (start, pause, resume, step, reset), which it receives (status, configuration, epoch
 * metrics, decision grids, errors), and the state machine that runs the model between them.
 * Pure: the host passes in how to post a message and how to wait, so `worker.ts` is a few lines
 * of glue and the whole protocol runs under unit tests without a `Worker`.
 *
 * @module
 */
import { readFields, type ConfigProblem, type FieldRule, type FieldValue } from './fields.ts';
import {
  createTraining,
  decisionGrid,
  MAX_EPOCHS,
  MAX_GRID_RESOLUTION,
  parseTrainingConfig,
  DEFAULT_TRAINING_CONFIG,
  trainEpoch,
  type DecisionGrid,
  type EpochMetrics,
  type TrainingConfig,
  type TrainingField,
  type TrainingState,
} from './model.ts';

/** How a session runs, besides the training configuration itself. */
export interface SessionOptions {
  /** Cells per side of each decision grid sent. */
  readonly gridResolution: number;
  /** Send a grid after every `gridEvery`-th epoch (and after the last one). */
  readonly gridEvery: number;
  /** Epochs trained per tick while running. */
  readonly epochsPerTick: number;
  /** Milliseconds between ticks while running (sets the pace the reader watches). */
  readonly tickMs: number;
}

/** A field of {@link SessionOptions}. */
export type SessionOption = keyof SessionOptions;

/** Options used where a request does not give them. */
export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  gridResolution: 64,
  gridEvery: 5,
  epochsPerTick: 1,
  tickMs: 16,
};

const optionRules: Readonly<Record<SessionOption, FieldRule>> = {
  gridResolution: { kind: 'number', integer: true, min: 1, max: MAX_GRID_RESOLUTION },
  gridEvery: { kind: 'number', integer: true, min: 1, max: MAX_EPOCHS },
  epochsPerTick: { kind: 'number', integer: true, min: 1, max: MAX_EPOCHS },
  tickMs: { kind: 'number', min: 0, max: 10_000 },
};

/**
 * A message to the worker. `config` and `options` are untrusted field records (see
 * `parseTrainingConfig`); absent fields keep the current run's values (before the first run,
 * {@link DEFAULT_TRAINING_CONFIG} and {@link DEFAULT_SESSION_OPTIONS}).
 *
 * - `start`: build a new run and train it, one tick at a time.
 * - `pause`: stop after the current tick.
 * - `resume`: continue a paused run.
 * - `step`: train exactly one epoch of a paused run (and send its grid).
 * - `reset`: build a new run (with `config`, else the current one's) and stay paused at epoch 0.
 */
export type WorkerRequest =
  | { readonly type: 'start'; readonly config?: unknown; readonly options?: unknown }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'step' }
  | { readonly type: 'reset'; readonly config?: unknown; readonly options?: unknown };

/**
 * `idle`: no run yet; `running`: ticking; `paused`; `finished`: `config.epochs` epochs done;
 * `diverged`: a loss became infinite or NaN, and the run stopped.
 */
export type SessionStatus = 'idle' | 'running' | 'paused' | 'finished' | 'diverged';

/**
 * A message from the worker.
 *
 * - `config`: the configuration a run was built from (defaults filled in), after `start`/`reset`.
 * - `status`: the session's status changed (or a request was answered), with epochs done.
 * - `epoch`: one epoch's metrics, in order.
 * - `grid`: class probabilities after `epoch` epochs (its buffer is transferred).
 * - `error` with `key: 'config'`: the request's configuration or options were rejected; the
 *   session is unchanged. `problems` are keys for localized messages.
 * - `error` with `key: 'request'`: the message was not a request this protocol knows, or came
 *   at the wrong time (`resume`/`step` with no run); `detail` is for developers.
 * - `error` with `key: 'internal'`: the model threw; `detail` has the message.
 */
export type WorkerResponse =
  | { readonly type: 'config'; readonly config: TrainingConfig; readonly options: SessionOptions }
  | { readonly type: 'status'; readonly status: SessionStatus; readonly epoch: number }
  | { readonly type: 'epoch'; readonly metrics: EpochMetrics }
  | { readonly type: 'grid'; readonly epoch: number; readonly grid: DecisionGrid }
  | {
      readonly type: 'error';
      readonly key: 'config';
      readonly problems: readonly ConfigProblem<TrainingField | SessionOption>[];
    }
  | { readonly type: 'error'; readonly key: 'request' | 'internal'; readonly detail: string };

/** What a session needs from its surroundings. */
export interface SessionHost {
  /** Send a message to the page, transferring the listed buffers. */
  post(message: WorkerResponse, transfer: ArrayBuffer[]): void;
  /** Call `callback` after `ms` milliseconds; the returned function cancels the call. */
  schedule(callback: () => void, ms: number): () => void;
}

/** A session: feed it every message the worker receives. */
export interface Session {
  /** Handle one (untrusted) message. Never throws; problems are posted as `error` messages. */
  handle(message: unknown): void;
  /** The current status. */
  readonly status: SessionStatus;
  /** The current run, if any (for tests and debugging). */
  readonly training: TrainingState | undefined;
}

const requestTypes = ['start', 'pause', 'resume', 'step', 'reset'] as const;

function isRequest(message: unknown): message is WorkerRequest {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && (requestTypes as readonly string[]).includes(type);
}

/**
 * Create a session. It posts nothing until the first request.
 *
 * Timing never changes the numbers: the metrics and grids of a run are the same whether it is
 * played, stepped, or paused and resumed at any points, because every epoch is computed by
 * `trainEpoch` on the same state in the same order.
 *
 * @param host - How to post messages and schedule ticks.
 * @returns The session.
 * @example
 * const session = createSession({
 *   post: (message, transfer) => self.postMessage(message, transfer),
 *   schedule: (callback, ms) => { const id = setTimeout(callback, ms); return () => clearTimeout(id); },
 * });
 * self.addEventListener('message', (event) => session.handle(event.data));
 */
export function createSession(host: SessionHost): Session {
  let status: SessionStatus = 'idle';
  let training: TrainingState | undefined;
  let options = DEFAULT_SESSION_OPTIONS;
  let cancelTick: (() => void) | undefined;
  let lastGridEpoch = -1;

  const setStatus = (next: SessionStatus): void => {
    status = next;
    host.post({ type: 'status', status, epoch: training?.epoch ?? 0 }, []);
  };

  const postGrid = (): void => {
    if (training === undefined || lastGridEpoch === training.epoch) return;
    lastGridEpoch = training.epoch;
    const grid = decisionGrid(training, options.gridResolution);
    host.post({ type: 'grid', epoch: training.epoch, grid }, [grid.probabilities.buffer]);
  };

  const stopTicking = (): void => {
    cancelTick?.();
    cancelTick = undefined;
  };

  /** Train one epoch and post what it did; returns whether the run can go on. */
  const runEpoch = (run: TrainingState): boolean => {
    const metrics = trainEpoch(run);
    host.post({ type: 'epoch', metrics }, []);
    if (![metrics.trainLoss, metrics.valLoss].every(Number.isFinite)) {
      stopTicking();
      setStatus('diverged');
      return false;
    }
    if (run.epoch >= run.config.epochs) {
      postGrid();
      stopTicking();
      setStatus('finished');
      return false;
    }
    if (run.epoch % options.gridEvery === 0) postGrid();
    return true;
  };

  const tick = (): void => {
    cancelTick = undefined;
    const run = training;
    if (run === undefined || status !== 'running') return;
    for (let i = 0; i < options.epochsPerTick; i += 1) {
      if (!runEpoch(run)) return;
    }
    cancelTick = host.schedule(guard(tick), options.tickMs);
  };

  const fail = (key: 'request' | 'internal', detail: string): void => {
    host.post({ type: 'error', key, detail }, []);
  };

  function guard(fn: () => void): () => void {
    return () => {
      try {
        fn();
      } catch (error) {
        stopTicking();
        fail(
          'internal',
          error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        );
      }
    };
  }

  /** Parse a request's configuration and options; on problems, posts them and returns nothing. */
  const build = (
    rawConfig: unknown,
    rawOptions: unknown,
    fallback: TrainingConfig,
  ): { config: TrainingConfig; options: SessionOptions } | undefined => {
    const parsed = parseTrainingConfig(rawConfig ?? {}, fallback);
    const read = readFields<SessionOption>(
      rawOptions ?? {},
      optionRules,
      options as unknown as Record<SessionOption, FieldValue>,
    );
    const problems: ConfigProblem<TrainingField | SessionOption>[] = [
      ...(parsed.ok ? [] : parsed.problems),
      ...read.problems,
    ];
    if (!parsed.ok || problems.length > 0) {
      host.post({ type: 'error', key: 'config', problems }, []);
      return undefined;
    }
    return { config: parsed.config, options: read.values as unknown as SessionOptions };
  };

  const begin = (request: { config?: unknown; options?: unknown }, run: boolean): void => {
    const built = build(
      request.config,
      request.options,
      training?.config ?? DEFAULT_TRAINING_CONFIG,
    );
    if (built === undefined) return;
    stopTicking();
    options = built.options;
    training = createTraining(built.config);
    lastGridEpoch = -1;
    host.post({ type: 'config', config: built.config, options }, []);
    postGrid();
    setStatus(run ? 'running' : 'paused');
    if (run) cancelTick = host.schedule(guard(tick), 0);
  };

  const handleRequest = (request: WorkerRequest): void => {
    switch (request.type) {
      case 'start':
        begin(request, true);
        return;
      case 'reset':
        begin(request, false);
        return;
      case 'pause':
        if (status === 'running') {
          stopTicking();
          setStatus('paused');
        } else {
          setStatus(status);
        }
        return;
      case 'resume':
        if (training === undefined) return fail('request', 'resume before start');
        if (status === 'paused') {
          setStatus('running');
          cancelTick = host.schedule(guard(tick), 0);
        } else {
          setStatus(status);
        }
        return;
      case 'step':
        if (training === undefined) return fail('request', 'step before start');
        if (status === 'paused') {
          if (runEpoch(training)) postGrid();
        } else {
          setStatus(status);
        }
        return;
    }
  };

  return {
    handle(message: unknown): void {
      if (!isRequest(message)) {
        fail('request', 'not a training-run request');
        return;
      }
      guard(() => handleRequest(message))();
    },
    get status() {
      return status;
    },
    get training() {
      return training;
    },
  };
}
