/**
 * The player's own state machine: where the learner is in a timeline and whether it is moving.
 *
 * It knows nothing about the simulator: `step` is "how many events have been applied" (0 = the initial world,
 * `length` = the end), and the component turns `step` into a world with `Timeline.stateAt(step)` (memoised).
 * That is the whole point: stepping and rewinding are reads of a deterministic replay, never side effects of a
 * live actor. Ticks come from a timer the component owns while the machine is in `playing`.
 *
 * Invariants: 0 ≤ step ≤ length; the state is `finished` iff the last move reached `length` (a seek to the end
 * while paused also finishes); `speed` is always one of SPEEDS.
 */
import { assign, setup } from 'xstate';

/** Playback speeds the UI offers, slowest first (0.25× – 8×). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** Wall-clock milliseconds per event at 1×. */
export const BASE_INTERVAL_MS = 600;

export interface PlayerContext {
  step: number;
  length: number;
  speed: Speed;
}

export interface PlayerInput {
  length: number;
  step?: number;
  speed?: Speed;
}

export type PlayerEvent =
  | { type: 'player.play' }
  | { type: 'player.pause' }
  | { type: 'player.toggle' }
  /** `to`: where the move lands (the next / previous stop, see lib/sim/steps.ts); default ±1 event. */
  | { type: 'player.step'; to?: number }
  | { type: 'player.back'; to?: number }
  | { type: 'player.seek'; step: number }
  | { type: 'player.home' }
  | { type: 'player.end' }
  | { type: 'player.speed'; speed: number }
  | { type: 'player.faster' }
  | { type: 'player.slower' }
  | { type: 'player.restart' }
  | { type: 'player.tick'; to?: number }
  /** The timeline was replaced (a fork or a config change): new length, and optionally where to stand. */
  | { type: 'player.load'; length: number; step?: number };

export const clampStep = (n: number, length: number) => Math.max(0, Math.min(length, Math.round(Number.isFinite(n) ? n : 0)));

/** The nearest offered speed (ties go to the slower one). */
export function nearestSpeed(x: number): Speed {
  let best: Speed = 1;
  for (const s of SPEEDS) if (Math.abs(Math.log2(s) - Math.log2(x)) < Math.abs(Math.log2(best) - Math.log2(x)) - 1e-9) best = s;
  return best;
}

export function shiftSpeed(speed: Speed, by: 1 | -1): Speed {
  const i = SPEEDS.indexOf(speed) + by;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i))];
}

/** Milliseconds between ticks at a speed. */
export const intervalFor = (speed: Speed) => BASE_INTERVAL_MS / speed;

type E<T extends PlayerEvent['type']> = Extract<PlayerEvent, { type: T }>;

/** Where a step-changing event puts the cursor (pure; exported for the tests and the scrubber). */
export function targetStep(ctx: PlayerContext, event: PlayerEvent): number {
  switch (event.type) {
    case 'player.step':
    case 'player.tick':
      return clampStep(event.to ?? ctx.step + 1, ctx.length);
    case 'player.back':
      return clampStep(event.to ?? ctx.step - 1, ctx.length);
    case 'player.seek':
      return clampStep(event.step, ctx.length);
    case 'player.home':
    case 'player.restart':
      return 0;
    case 'player.end':
      return ctx.length;
    case 'player.load':
      return clampStep(event.step ?? ctx.step, event.length);
    default:
      return ctx.step;
  }
}

export const playerMachine = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerEvent,
    input: {} as PlayerInput,
  },
  actions: {
    move: assign({ step: ({ context, event }) => targetStep(context, event) }),
    load: assign(({ context, event }) => {
      const e = event as E<'player.load'>;
      return { length: Math.max(0, Math.floor(e.length)), step: targetStep(context, e) };
    }),
    rewind: assign({ step: 0 }),
    setSpeed: assign({ speed: ({ event }) => nearestSpeed((event as E<'player.speed'>).speed) }),
    faster: assign({ speed: ({ context }) => shiftSpeed(context.speed, 1) }),
    slower: assign({ speed: ({ context }) => shiftSpeed(context.speed, -1) }),
  },
  guards: {
    /** After this event the cursor would stand at the end. */
    landsAtEnd: ({ context, event }) => {
      const length = event.type === 'player.load' ? Math.max(0, Math.floor(event.length)) : context.length;
      return targetStep(context, event) >= length;
    },
    empty: ({ context }) => context.length === 0,
    loadsAtStart: ({ context, event }) => event.type === 'player.load' && targetStep(context, event) === 0,
  },
}).createMachine({
  id: 'player',
  context: ({ input }) => {
    const length = Math.max(0, Math.floor(input.length));
    return { length, step: clampStep(input.step ?? 0, length), speed: nearestSpeed(input.speed ?? 1) };
  },
  initial: 'idle',
  on: {
    'player.speed': { actions: 'setSpeed' },
    'player.faster': { actions: 'faster' },
    'player.slower': { actions: 'slower' },
    'player.restart': { target: '.idle', actions: 'rewind' },
    'player.home': { target: '.paused', actions: 'move' },
    'player.seek': [
      { guard: 'landsAtEnd', target: '.finished', actions: 'move' },
      { target: '.paused', actions: 'move' },
    ],
    'player.end': { target: '.finished', actions: 'move' },
    'player.step': [
      { guard: 'landsAtEnd', target: '.finished', actions: 'move' },
      { target: '.paused', actions: 'move' },
    ],
    'player.back': { target: '.paused', actions: 'move' },
    'player.load': [
      { guard: 'landsAtEnd', target: '.finished', actions: 'load' },
      { target: '.paused', actions: 'load' },
    ],
  },
  states: {
    idle: {
      on: {
        // Loading a timeline before anything was played keeps the player idle (the first render loads one).
        'player.load': [
          { guard: 'landsAtEnd', target: 'finished', actions: 'load' },
          { guard: 'loadsAtStart', target: 'idle', actions: 'load' },
          { target: 'paused', actions: 'load' },
        ],
        'player.play': [{ guard: 'empty', target: 'finished' }, { target: 'playing' }],
        'player.toggle': [{ guard: 'empty', target: 'finished' }, { target: 'playing' }],
      },
    },
    playing: {
      on: {
        'player.pause': 'paused',
        'player.toggle': 'paused',
        'player.tick': [
          { guard: 'landsAtEnd', target: 'finished', actions: 'move' },
          { actions: 'move' },
        ],
        // Scrubbing or a fork while playing keeps playing (the learner is dragging the playhead, not stopping it).
        'player.seek': [
          { guard: 'landsAtEnd', target: 'finished', actions: 'move' },
          { target: 'playing', actions: 'move' },
        ],
        'player.load': [
          { guard: 'landsAtEnd', target: 'finished', actions: 'load' },
          { target: 'playing', actions: 'load' },
        ],
      },
    },
    paused: {
      on: {
        'player.play': 'playing',
        'player.toggle': 'playing',
      },
    },
    finished: {
      on: {
        // Play at the end starts again from the beginning, like a media player.
        'player.play': [{ guard: 'empty' }, { target: 'playing', actions: 'rewind' }],
        'player.toggle': [{ guard: 'empty' }, { target: 'playing', actions: 'rewind' }],
      },
    },
  },
});

export type PlayerStateValue = 'idle' | 'playing' | 'paused' | 'finished';
