import { describe, expect, it } from 'vitest';
import { getNextSnapshot } from 'xstate';
import { lifecycle } from '../core/lifecycle';
import { GROUP_EVENTS, GROUP_STATES, VALID_PREVIOUS_STATES, groupMachine, type GroupEvent, type GroupState } from './group-machine';

const group = lifecycle<GroupState, GroupEvent>(groupMachine);

/** Runs events from the initial state and returns the visited states. */
function run(...events: GroupEvent[]): GroupState[] {
  const states: GroupState[] = [group.initial];
  for (const e of events) states.push(group.next(states[states.length - 1], e));
  return states;
}

describe('consumer group coordinator lifecycle (Kafka GroupCoordinator / ClassicGroupState)', () => {
  it('a new group starts Empty', () => {
    expect(group.initial).toBe('Empty');
  });

  it('first join: Empty → PreparingRebalance → CompletingRebalance → Stable', () => {
    expect(run('group.join', 'group.joinComplete', 'group.syncComplete')).toEqual([
      'Empty',
      'PreparingRebalance',
      'CompletingRebalance',
      'Stable',
    ]);
  });

  it('in Stable a new member, a leaving member or a session timeout starts a rebalance', () => {
    for (const e of ['group.join', 'group.memberLeft', 'group.memberExpired'] as const) {
      expect(group.next('Stable', e)).toBe('PreparingRebalance');
    }
  });

  it('a membership change while awaiting the leader SyncGroup abandons the generation', () => {
    for (const e of ['group.join', 'group.memberLeft', 'group.memberExpired'] as const) {
      expect(group.next('CompletingRebalance', e)).toBe('PreparingRebalance');
    }
  });

  it('the last member leaving goes Stable → PreparingRebalance → Empty (never Stable → Empty directly)', () => {
    expect(run('group.join', 'group.joinComplete', 'group.syncComplete', 'group.memberLeft', 'group.allMembersGone')).toEqual([
      'Empty',
      'PreparingRebalance',
      'CompletingRebalance',
      'Stable',
      'PreparingRebalance',
      'Empty',
    ]);
    expect(group.can('Stable', 'group.allMembersGone')).toBe(false);
    expect(group.can('CompletingRebalance', 'group.allMembersGone')).toBe(false);
  });

  it('Dead is reachable from every state by unloading; only an Empty group can be deleted or expire', () => {
    for (const s of GROUP_STATES) if (s !== 'Dead') expect(group.next(s, 'group.unload')).toBe('Dead');
    expect(group.next('Empty', 'group.delete')).toBe('Dead');
    expect(group.next('Empty', 'group.offsetsExpired')).toBe('Dead');
    for (const s of ['PreparingRebalance', 'CompletingRebalance', 'Stable'] as const) {
      expect(group.can(s, 'group.delete')).toBe(false);
      expect(group.can(s, 'group.offsetsExpired')).toBe(false);
    }
  });

  it('rejects invalid events with an error naming the state and event', () => {
    expect(() => group.next('Empty', 'group.syncComplete')).toThrow(/group\.syncComplete.*Empty/);
    expect(group.can('Empty', 'group.joinComplete')).toBe(false);
    expect(group.can('Empty', 'group.memberLeft')).toBe(false);
    expect(group.can('PreparingRebalance', 'group.syncComplete')).toBe(false);
    expect(group.can('CompletingRebalance', 'group.joinComplete')).toBe(false);
    expect(group.can('Stable', 'group.syncComplete')).toBe(false);
    expect(group.can('Stable', 'group.joinComplete')).toBe(false);
    for (const e of GROUP_EVENTS) expect(group.can('Dead', e)).toBe(false);
    // staying put is not a move: the engine handles these without the machine
    expect(group.can('PreparingRebalance', 'group.join')).toBe(false);
    expect(group.can('Stable', 'group.unload')).toBe(true);
  });

  it('every move between states is one Kafka lists as valid (ClassicGroupState valid previous states)', () => {
    const seen = new Set<string>();
    for (const from of GROUP_STATES) {
      for (const e of GROUP_EVENTS) {
        if (!group.can(from, e)) continue;
        const to = group.next(from, e);
        expect(to).not.toBe(from);
        expect(VALID_PREVIOUS_STATES[to]).toContain(from);
        seen.add(`${from}→${to}`);
      }
    }
    // and every valid move between distinct states is reachable by some event (Dead → Dead is Kafka's no-op)
    for (const to of GROUP_STATES) {
      for (const from of VALID_PREVIOUS_STATES[to]) if (from !== to) expect(seen).toContain(`${from}→${to}`);
    }
  });

  it('agrees with XState getNextSnapshot on a live snapshot', () => {
    let snap = groupMachine.resolveState({ value: 'Empty', context: undefined });
    for (const e of ['group.join', 'group.joinComplete', 'group.syncComplete', 'group.unload'] as const) {
      snap = getNextSnapshot(groupMachine, snap, { type: e });
    }
    expect(snap.value).toBe('Dead');
  });
});
