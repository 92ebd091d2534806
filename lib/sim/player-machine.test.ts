import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { intervalFor, nearestSpeed, playerMachine, SPEEDS, type PlayerEvent } from './player-machine';

type Snap = SnapshotFrom<typeof playerMachine>;

function start(length: number, step = 0): Snap {
  return initialTransition(playerMachine, { length, step })[0];
}

function run(s: Snap, ...events: PlayerEvent[]): Snap {
  return events.reduce((acc, e) => transition(playerMachine, acc, e)[0], s);
}

const view = (s: Snap) => ({ state: s.value, step: s.context.step, speed: s.context.speed });

describe('player machine', () => {
  it('starts idle at the given step, clamped', () => {
    expect(view(start(10))).toEqual({ state: 'idle', step: 0, speed: 1 });
    expect(start(10, 99).context.step).toBe(10);
    expect(start(10, -3).context.step).toBe(0);
  });

  it('plays tick by tick and finishes at the end', () => {
    let s = run(start(3), { type: 'player.play' });
    expect(s.value).toBe('playing');
    s = run(s, { type: 'player.tick' }, { type: 'player.tick' });
    expect(view(s)).toMatchObject({ state: 'playing', step: 2 });
    s = run(s, { type: 'player.tick' });
    expect(view(s)).toMatchObject({ state: 'finished', step: 3 });
    // Ticks after the end change nothing.
    expect(view(run(s, { type: 'player.tick' }))).toMatchObject({ state: 'finished', step: 3 });
  });

  it('ignores ticks unless playing', () => {
    expect(run(start(5), { type: 'player.tick' }).context.step).toBe(0);
    expect(run(start(5), { type: 'player.seek', step: 2 }, { type: 'player.tick' }).context.step).toBe(2);
  });

  it('steps forward and back exactly, pausing playback', () => {
    let s = run(start(5), { type: 'player.play' }, { type: 'player.step' });
    expect(view(s)).toMatchObject({ state: 'paused', step: 1 });
    s = run(s, { type: 'player.back' }, { type: 'player.back' });
    expect(view(s)).toMatchObject({ state: 'paused', step: 0 });
    s = run(s, { type: 'player.end' });
    expect(view(s)).toMatchObject({ state: 'finished', step: 5 });
    s = run(s, { type: 'player.back' });
    expect(view(s)).toMatchObject({ state: 'paused', step: 4 });
    s = run(s, { type: 'player.step' });
    expect(view(s)).toMatchObject({ state: 'finished', step: 5 });
  });

  it('seeks with clamping; a seek keeps playing unless it lands at the end', () => {
    let s = run(start(8), { type: 'player.play' }, { type: 'player.seek', step: 4 });
    expect(view(s)).toMatchObject({ state: 'playing', step: 4 });
    s = run(s, { type: 'player.seek', step: 100 });
    expect(view(s)).toMatchObject({ state: 'finished', step: 8 });
    s = run(s, { type: 'player.seek', step: -4 });
    expect(view(s)).toMatchObject({ state: 'paused', step: 0 });
    s = run(s, { type: 'player.seek', step: Number.NaN });
    expect(s.context.step).toBe(0);
  });

  it('play at the end starts over; restart goes back to idle', () => {
    let s = run(start(2), { type: 'player.end' }, { type: 'player.play' });
    expect(view(s)).toMatchObject({ state: 'playing', step: 0 });
    s = run(s, { type: 'player.tick' }, { type: 'player.restart' });
    expect(view(s)).toMatchObject({ state: 'idle', step: 0 });
  });

  it('toggles play and pause', () => {
    let s = run(start(4), { type: 'player.toggle' });
    expect(s.value).toBe('playing');
    s = run(s, { type: 'player.toggle' });
    expect(s.value).toBe('paused');
    s = run(s, { type: 'player.pause' });
    expect(s.value).toBe('paused');
  });

  it('changes speed within 0.25×–8× only', () => {
    let s = start(4);
    for (let i = 0; i < 10; i++) s = run(s, { type: 'player.faster' });
    expect(s.context.speed).toBe(8);
    for (let i = 0; i < 10; i++) s = run(s, { type: 'player.slower' });
    expect(s.context.speed).toBe(0.25);
    s = run(s, { type: 'player.speed', speed: 3 });
    expect(SPEEDS).toContain(s.context.speed);
    expect(run(s, { type: 'player.speed', speed: 100 }).context.speed).toBe(8);
    expect(nearestSpeed(0.01)).toBe(0.25);
    expect(intervalFor(2)).toBeLessThan(intervalFor(1));
  });

  it('loads a forked timeline, keeping the mode and clamping the cursor', () => {
    let s = run(start(10), { type: 'player.seek', step: 6 });
    s = run(s, { type: 'player.load', length: 20, step: 7 });
    expect(view(s)).toMatchObject({ state: 'paused', step: 7 });
    expect(s.context.length).toBe(20);
    s = run(s, { type: 'player.play' }, { type: 'player.load', length: 30 });
    expect(view(s)).toMatchObject({ state: 'playing', step: 7 });
    s = run(s, { type: 'player.load', length: 5 });
    expect(view(s)).toMatchObject({ state: 'finished', step: 5 });
  });

  it('loading a timeline while idle at the start stays idle', () => {
    expect(view(run(start(10), { type: 'player.load', length: 12 }))).toMatchObject({ state: 'idle', step: 0 });
    expect(view(run(start(10), { type: 'player.load', length: 12, step: 4 }))).toMatchObject({ state: 'paused', step: 4 });
  });

  it('an empty timeline is finished as soon as it is played', () => {
    expect(run(start(0), { type: 'player.play' }).value).toBe('finished');
    expect(run(start(0), { type: 'player.end', }, { type: 'player.play' }).value).toBe('finished');
  });

  it('steps, ticks and steps back to a given stop (foreground granularity)', () => {
    expect(view(run(start(10), { type: 'player.step', to: 4 }))).toMatchObject({ state: 'paused', step: 4 });
    expect(view(run(start(10, 6), { type: 'player.back', to: 2 }))).toMatchObject({ state: 'paused', step: 2 });
    expect(view(run(start(10), { type: 'player.play' }, { type: 'player.tick', to: 10 }))).toMatchObject({ state: 'finished', step: 10 });
    expect(run(start(10), { type: 'player.step', to: 99 }).context.step).toBe(10);
  });
});
