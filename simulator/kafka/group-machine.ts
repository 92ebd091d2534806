/**
 * The lifecycle of a classic consumer group on its group coordinator, with the state names of Kafka's
 * GroupCoordinator (GroupMetadata.scala / ClassicGroupState):
 *
 * - Empty               — no members; offsets may still be stored. Valid previous state: PreparingRebalance.
 * - PreparingRebalance  — a rebalance started; waiting for members to (re)send JoinGroup.
 *                         Valid previous states: Empty, Stable, CompletingRebalance.
 * - CompletingRebalance — JoinGroup round finished (a new generation exists); waiting for the leader's SyncGroup
 *                         with the assignment. Valid previous state: PreparingRebalance.
 * - Stable              — assignment delivered; members heartbeat and commit. Valid previous state: CompletingRebalance.
 * - Dead                — no members and no metadata (deleted, offsets expired, or coordinator moved); any state.
 *
 * Flat and context-free: the simulator stores only the state value and advances it with `lifecycle()`
 * (simulator/core/lifecycle.ts); member lists, generations and timers live in plain data.
 *
 * Only state-changing moves are transitions. `lifecycle()` treats an event that leaves the snapshot unchanged as
 * rejected, and XState returns the same snapshot for a self-transition, so events that keep the state (more
 * JoinGroups or a LeaveGroup during PreparingRebalance, heartbeats, followers' SyncGroups in Stable, a second
 * unload of a Dead group) are handled by the engine without consulting the machine.
 */
import { setup } from 'xstate';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export type GroupEvent =
  /** A JoinGroup from a new member, or from a known member whose metadata changed (a leader rejoin, too). */
  | 'group.join'
  /** Every known member rejoined, or the rebalance timeout expired, and at least one member remains. */
  | 'group.joinComplete'
  /** The JoinGroup round completed with no members left (all left or were dropped at the rebalance timeout). */
  | 'group.allMembersGone'
  /** The leader's SyncGroup (with the assignment) arrived. */
  | 'group.syncComplete'
  /** A member sent LeaveGroup. */
  | 'group.memberLeft'
  /** A member missed its session timeout (or, while awaiting sync, the leader's SyncGroup never came). */
  | 'group.memberExpired'
  /** All committed offsets of an Empty group expired (offsets.retention.minutes). */
  | 'group.offsetsExpired'
  /** DeleteGroups — only an Empty group can be deleted (otherwise NON_EMPTY_GROUP). */
  | 'group.delete'
  /** The coordinator lost leadership of the __consumer_offsets partition and unloads the group. */
  | 'group.unload';

export const GROUP_STATES: readonly GroupState[] = ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead'];

export const GROUP_EVENTS: readonly GroupEvent[] = [
  'group.join',
  'group.joinComplete',
  'group.allMembersGone',
  'group.syncComplete',
  'group.memberLeft',
  'group.memberExpired',
  'group.offsetsExpired',
  'group.delete',
  'group.unload',
];

export const groupMachine = setup({
  types: {
    events: {} as { type: GroupEvent },
  },
}).createMachine({
  id: 'kafka-consumer-group',
  initial: 'Empty',
  states: {
    Empty: {
      on: {
        'group.join': 'PreparingRebalance',
        'group.offsetsExpired': 'Dead',
        'group.delete': 'Dead',
        'group.unload': 'Dead',
      },
    },
    PreparingRebalance: {
      // further joins, leaves and expiries only change who takes part in the pending JoinGroup round (no move)
      on: {
        'group.joinComplete': 'CompletingRebalance',
        'group.allMembersGone': 'Empty',
        'group.unload': 'Dead',
      },
    },
    CompletingRebalance: {
      on: {
        'group.syncComplete': 'Stable',
        // any membership change abandons the generation and starts a new rebalance
        'group.join': 'PreparingRebalance',
        'group.memberLeft': 'PreparingRebalance',
        'group.memberExpired': 'PreparingRebalance',
        'group.unload': 'Dead',
      },
    },
    Stable: {
      on: {
        'group.join': 'PreparingRebalance',
        'group.memberLeft': 'PreparingRebalance',
        'group.memberExpired': 'PreparingRebalance',
        'group.unload': 'Dead',
      },
    },
    // terminal: Kafka's Dead → Dead (a repeated unload) is a no-op, not a move
    Dead: { type: 'final' },
  },
});

/**
 * Valid previous states per Kafka's ClassicGroupState javadoc; used by the tests to check that the machine allows
 * exactly these moves between distinct states.
 */
export const VALID_PREVIOUS_STATES: Readonly<Record<GroupState, readonly GroupState[]>> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Empty', 'Stable', 'CompletingRebalance'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead'],
};
