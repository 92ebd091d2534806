/**
 * The group coordinator (classic protocol, Kafka's GroupCoordinator): it runs on the broker that leads the
 * group's `__consumer_offsets` partition and answers JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit,
 * OffsetFetch and TxnOffsetCommit. Group states follow group-machine.ts (Empty, PreparingRebalance,
 * CompletingRebalance, Stable, Dead); membership, generations and timers are plain data in `d.groups`.
 *
 * Traps:
 * - A member that is still heartbeating but has not rejoined keeps a rebalance waiting until the rebalance
 *   timeout (the largest max.poll.interval.ms of the members); then it is removed and the round completes.
 * - Members with a JoinGroup / SyncGroup pending are never expired by the session timeout (Kafka keeps them
 *   alive while it holds their request).
 * - Offsets live twice: as records in the `__consumer_offsets` log (replicated, compacted by key) and in
 *   the coordinator's cache (`committed`). A new coordinator rebuilds the cache from its own log.
 */
import { send, timer } from '../core/world';
import type { EventData } from '../core/types';
import { resolve } from './config';
import { appendLocal } from './broker';
import { groupLc } from './machines';
import type { GroupMember, GroupMeta } from './model';
import type { KafkaScenario } from './schema';
import { CONSUMER_OFFSETS, internalPartitionFor, selectProtocol } from './txnlog';
import type { KW } from './util';

/** Period of the coordinator's expiry check (session timeouts, rebalance and initial-delay deadlines). */
export const GROUP_TICK_MS = 250;

export const offsetsPartitionOf = (sc: KafkaScenario, group: string) => `${CONSUMER_OFFSETS}-${internalPartitionFor(group, resolve(sc).broker.offsetsPartitions)}`;

export function createGroup(w: KW, sc: KafkaScenario, id: string): GroupMeta {
  const offsetsTp = offsetsPartitionOf(sc, id);
  const g: GroupMeta = {
    id,
    coordinator: w.d.partitions[offsetsTp].leader ?? '',
    offsetsTp,
    state: groupLc.initial,
    generation: 0,
    protocol: null,
    leader: null,
    members: {},
    memberOrder: [],
    staticMembers: {},
    joinDeadline: null,
    delayedUntil: null,
    rebalanceReason: null,
    committed: {},
    pendingTxnOffsets: {},
    stableSince: null,
  };
  timer(w, GROUP_TICK_MS, 'group.tick', { data: { group: id }, bg: true });
  return g;
}

/** Offset commit records in a `__consumer_offsets` log, keyed like Kafka's OffsetKey (group, topic-partition). */
export const offsetKey = (group: string, tp: string) => `${group}:${tp}`;

/**
 * Whether `broker` may act as the group's coordinator now. If it has just become leader of the offsets
 * partition, it loads the group: the committed offsets are rebuilt from its own log (latest record per key,
 * as compaction would keep), so commits it never replicated are gone.
 */
function coordinatorReady(w: KW, broker: string, g: GroupMeta): 'ok' | 'loaded' | 'NOT_COORDINATOR' {
  const r = w.d.partitions[g.offsetsTp].replicaStates[broker];
  if (!r || r.state !== 'Leader') return 'NOT_COORDINATOR';
  if (g.coordinator === broker) return 'ok';
  g.coordinator = broker;
  g.committed = {};
  g.pendingTxnOffsets = {};
  for (const e of r.log) {
    if (e.control || e.key === null || !e.key.startsWith(`${g.id}:`) || e.value === undefined || !e.value.startsWith('offset=')) continue;
    if (e.txn) continue;
    g.committed[e.key.slice(g.id.length + 1)] = Number(e.value.slice(7));
  }
  // Kafka also reloads the membership from the group metadata record; members then heartbeat the new coordinator.
  for (const m of Object.values(g.members)) m.lastHeartbeatAt = w.time;
  return 'loaded';
}

function reply(w: KW, g: GroupMeta, to: string, body: Record<string, unknown> & { type: string }) {
  send(w, g.coordinator, to, { group: g.id, messages: [], ...body });
}

const protocolMembers = (g: GroupMeta) => g.memberOrder.map((id) => g.members[id]);

function startRebalance(w: KW, g: GroupMeta, reason: string, event: 'group.join' | 'group.memberLeft' | 'group.memberExpired') {
  const from = g.state;
  g.state = groupLc.next(g.state, event);
  g.rebalanceReason = reason;
  g.stableSince = null;
  const timeout = Math.max(0, ...Object.values(g.members).map((m) => m.rebalanceTimeoutMs));
  g.joinDeadline = w.time + timeout;
  return from;
}

/** Completes the JoinGroup round if every member has rejoined (or `force`: the rebalance timeout passed). */
function maybeCompleteJoin(w: KW, sc: KafkaScenario, g: GroupMeta, force: boolean): EventData | null {
  if (g.state !== 'PreparingRebalance') return null;
  if (g.delayedUntil !== null && w.time < g.delayedUntil && !force) return null;
  const all = g.memberOrder.every((id) => g.members[id].awaitingJoin);
  if (!all && !force) return null;
  const dropped = g.memberOrder.filter((id) => !g.members[id].awaitingJoin);
  for (const id of dropped) removeMember(g, id);
  g.delayedUntil = null;
  g.joinDeadline = null;
  g.generation++;
  if (g.memberOrder.length === 0) {
    g.state = groupLc.next(g.state, 'group.allMembersGone');
    g.protocol = null;
    g.leader = null;
    w.d.generations.push({ group: g.id, generation: g.generation, protocol: '', assignment: {}, members: [], leader: '', at: w.time });
    return { kind: 'kafka.group.empty', args: { group: g.id, generation: g.generation, dropped, coordinator: g.coordinator }, markers: ['rebalance'], nodes: [g.coordinator] };
  }
  if (g.leader === null || !g.members[g.leader]) g.leader = g.memberOrder[0];
  // Kafka orders the vote with the leader first; members share a protocol (checked at JoinGroup).
  const prefs = [g.members[g.leader], ...protocolMembers(g).filter((m) => m.memberId !== g.leader)].map((m) => m.protocols);
  g.protocol = selectProtocol(prefs) ?? prefs[0][0];
  g.state = groupLc.next(g.state, 'group.joinComplete');
  const members = protocolMembers(g).map((m) => ({ memberId: m.memberId, instanceId: m.instanceId, subscription: m.subscription, owned: m.owned, ownedGeneration: m.ownedGeneration }));
  for (const m of protocolMembers(g)) {
    m.awaitingJoin = false;
    m.assignment = [];
    m.lastHeartbeatAt = w.time;
    reply(w, g, m.memberId, { type: 'JoinGroupResponse', error: null, generation: g.generation, protocol: g.protocol, leader: g.leader, memberId: m.memberId, members: m.memberId === g.leader ? members : [], skipAssignment: false });
  }
  w.d.generations.push({ group: g.id, generation: g.generation, protocol: g.protocol, assignment: {}, members: [...g.memberOrder], leader: g.leader, at: w.time });
  void sc;
  return {
    kind: 'kafka.group.joinComplete',
    args: { group: g.id, generation: g.generation, protocol: g.protocol, leader: g.leader, members: [...g.memberOrder], dropped, coordinator: g.coordinator, forced: force },
    markers: ['rebalance'],
    nodes: [g.coordinator, ...g.memberOrder],
  };
}

function removeMember(g: GroupMeta, id: string) {
  const m = g.members[id];
  if (!m) return;
  if (m.instanceId !== null) delete g.staticMembers[m.instanceId];
  delete g.members[id];
  g.memberOrder = g.memberOrder.filter((x) => x !== id);
  if (g.leader === id) g.leader = g.memberOrder[0] ?? null;
}

function groupOf(w: KW, body: Record<string, unknown>): GroupMeta {
  return w.d.groups[String(body.group)];
}

// ---------------------------------------------------------------- JoinGroup

export interface JoinBody {
  group: string;
  memberId: string;
  instanceId: string | null;
  protocols: string[];
  subscription: string[];
  owned: string[];
  ownedGeneration: number;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  reason: string;
}

export function onJoinGroup(w: KW, sc: KafkaScenario, broker: string, from: string, body: JoinBody): EventData {
  const g = groupOf(w, body as never);
  const nodes = [from, broker];
  const ready = coordinatorReady(w, broker, g);
  if (ready === 'NOT_COORDINATOR') {
    send(w, broker, from, { type: 'JoinGroupResponse', group: g.id, error: 'NOT_COORDINATOR', messages: [] });
    return { kind: 'kafka.group.notCoordinator', args: { group: g.id, broker, from, request: 'JoinGroup' }, nodes, markers: ['error'] };
  }
  const existing = g.members[body.memberId];
  if (g.memberOrder.length > 0) {
    const shared = body.protocols.filter((p) => protocolMembers(g).every((m) => m.memberId === body.memberId || m.protocols.includes(p)));
    if (shared.length === 0) {
      reply(w, g, from, { type: 'JoinGroupResponse', error: 'INCONSISTENT_GROUP_PROTOCOL' });
      return { kind: 'kafka.group.join.reject', args: { group: g.id, member: from, error: 'INCONSISTENT_GROUP_PROTOCOL', protocols: body.protocols }, nodes, markers: ['error'] };
    }
  }
  // KIP-345: a static member that comes back within session.timeout.ms (the coordinator still has it) takes
  // its old place; if the group is Stable and its subscription is unchanged, no rebalance happens.
  if (body.instanceId !== null && g.staticMembers[body.instanceId] !== undefined && existing && g.state === 'Stable' && sameList(existing.subscription, body.subscription)) {
    existing.lastHeartbeatAt = w.time;
    existing.sessionTimeoutMs = body.sessionTimeoutMs;
    reply(w, g, from, { type: 'JoinGroupResponse', error: null, generation: g.generation, protocol: g.protocol, leader: g.leader, memberId: existing.memberId, members: [], skipAssignment: true });
    return {
      kind: 'kafka.group.staticRejoin',
      args: { group: g.id, member: from, instanceId: body.instanceId, generation: g.generation, assignment: [...existing.assignment], coordinator: broker },
      nodes,
    };
  }
  const isNew = !existing;
  const m: GroupMember = existing ?? {
    memberId: body.memberId,
    instanceId: body.instanceId,
    subscription: [],
    protocols: [],
    owned: [],
    ownedGeneration: -1,
    sessionTimeoutMs: body.sessionTimeoutMs,
    rebalanceTimeoutMs: body.rebalanceTimeoutMs,
    lastHeartbeatAt: w.time,
    awaitingJoin: false,
    awaitingSync: false,
    assignment: [],
  };
  Object.assign(m, {
    instanceId: body.instanceId,
    subscription: [...body.subscription],
    protocols: [...body.protocols],
    owned: [...body.owned],
    ownedGeneration: body.ownedGeneration,
    sessionTimeoutMs: body.sessionTimeoutMs,
    rebalanceTimeoutMs: body.rebalanceTimeoutMs,
    lastHeartbeatAt: w.time,
    awaitingJoin: true,
    awaitingSync: false,
  });
  if (isNew) {
    g.members[m.memberId] = m;
    g.memberOrder.push(m.memberId);
    if (g.leader === null) g.leader = m.memberId;
  }
  if (m.instanceId !== null) g.staticMembers[m.instanceId] = m.memberId;
  const before = g.state;
  let delayMs = 0;
  if (g.state === 'Empty' || g.state === 'Dead') {
    if (g.state === 'Dead') g.state = 'Empty';
    startRebalance(w, g, `${from} joined an empty group`, 'group.join');
    // group.initial.rebalance.delay.ms: wait for more members before the first round completes.
    delayMs = resolve(sc).broker.initialRebalanceDelayMs;
    g.delayedUntil = w.time + Math.min(delayMs, body.rebalanceTimeoutMs);
  } else if (g.state === 'Stable' || g.state === 'CompletingRebalance') {
    // Abandon the running generation; followers waiting for SyncGroup are told to rejoin.
    if (g.state === 'CompletingRebalance')
      for (const o of protocolMembers(g)) {
        if (o.awaitingSync) reply(w, g, o.memberId, { type: 'SyncGroupResponse', error: 'REBALANCE_IN_PROGRESS', generation: g.generation, assignment: [] });
        o.awaitingSync = false;
      }
    startRebalance(w, g, isNew ? `${from} joined` : `${from} rejoined`, 'group.join');
  }
  const done = maybeCompleteJoin(w, sc, g, false);
  const args = { group: g.id, member: from, isNew, instanceId: body.instanceId, from: before, state: g.state, generation: g.generation, waitingFor: g.memberOrder.filter((id) => !g.members[id].awaitingJoin), reason: g.rebalanceReason ?? '', delayMs, owned: [...body.owned], coordinator: broker };
  if (done) return { ...done, args: { ...done.args, ...{ joinedBy: from } } };
  return { kind: 'kafka.group.join', args, markers: before !== g.state ? ['rebalance'] : undefined, nodes };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

// ---------------------------------------------------------------- SyncGroup

export function onSyncGroup(w: KW, sc: KafkaScenario, broker: string, from: string, body: { group: string; memberId: string; generation: number; assignment: Record<string, string[]> | null }): EventData {
  const g = groupOf(w, body);
  const nodes = [from, broker];
  const err = (error: string) => {
    send(w, broker, from, { type: 'SyncGroupResponse', group: g.id, error, generation: body.generation, assignment: [], messages: [] });
    return { kind: 'kafka.group.sync.reject', args: { group: g.id, member: from, error, generation: body.generation, current: g.generation, state: g.state }, nodes, markers: ['error'] } as EventData;
  };
  if (coordinatorReady(w, broker, g) === 'NOT_COORDINATOR') return err('NOT_COORDINATOR');
  const m = g.members[body.memberId];
  if (!m) return err('UNKNOWN_MEMBER_ID');
  if (body.generation !== g.generation) return err('ILLEGAL_GENERATION');
  if (g.state === 'PreparingRebalance') return err('REBALANCE_IN_PROGRESS');
  m.lastHeartbeatAt = w.time;
  if (g.state === 'Stable') {
    reply(w, g, from, { type: 'SyncGroupResponse', error: null, generation: g.generation, protocol: g.protocol, assignment: [...m.assignment] });
    return { kind: 'kafka.group.sync', args: { group: g.id, member: from, generation: g.generation, assignment: [...m.assignment], leader: false, state: g.state }, nodes };
  }
  m.awaitingSync = true;
  if (from !== g.leader || body.assignment === null) {
    return { kind: 'kafka.group.sync.wait', args: { group: g.id, member: from, generation: g.generation, leader: g.leader ?? '' }, nodes };
  }
  for (const id of g.memberOrder) g.members[id].assignment = [...(body.assignment[id] ?? [])];
  g.state = groupLc.next(g.state, 'group.syncComplete');
  g.stableSince = w.time;
  g.rebalanceReason = null;
  let gen: KW['d']['generations'][number] | undefined;
  for (const x of w.d.generations) if (x.group === g.id && x.generation === g.generation) gen = x;
  const assignment: Record<string, string[]> = {};
  for (const id of g.memberOrder) assignment[id] = [...g.members[id].assignment];
  if (gen) gen.assignment = assignment;
  // The group metadata record (members, protocol, assignment) goes to the offsets partition too.
  appendLocal(w, sc, broker, g.offsetsTp, [
    { id: `${g.id}@gen${g.generation}`, producer: broker, pid: -1, seq: -1, key: `group:${g.id}`, value: `generation=${g.generation} protocol=${g.protocol} ${g.memberOrder.map((id) => `${id}=[${assignment[id].join(',')}]`).join(' ')}` },
  ]);
  for (const o of protocolMembers(g))
    if (o.awaitingSync) {
      o.awaitingSync = false;
      reply(w, g, o.memberId, { type: 'SyncGroupResponse', error: null, generation: g.generation, protocol: g.protocol, assignment: [...o.assignment] });
    }
  return {
    kind: 'kafka.group.stable',
    args: { group: g.id, generation: g.generation, protocol: g.protocol ?? '', leader: from, members: [...g.memberOrder], assignment: g.memberOrder.map((id) => `${id}=[${assignment[id].join(',')}]`), coordinator: broker },
    markers: ['rebalance'],
    nodes: [broker, ...g.memberOrder],
  };
}

// ---------------------------------------------------------------- Heartbeat and LeaveGroup

export function onHeartbeat(w: KW, broker: string, from: string, body: { group: string; memberId: string; generation: number }): EventData {
  const g = groupOf(w, body);
  let error: string | null = null;
  if (coordinatorReady(w, broker, g) === 'NOT_COORDINATOR') error = 'NOT_COORDINATOR';
  else {
    const m = g.members[body.memberId];
    if (!m) error = 'UNKNOWN_MEMBER_ID';
    else {
      m.lastHeartbeatAt = w.time;
      if (g.state === 'PreparingRebalance') error = 'REBALANCE_IN_PROGRESS';
      else if (body.generation !== g.generation) error = 'ILLEGAL_GENERATION';
    }
  }
  send(w, broker, from, { type: 'HeartbeatResponse', group: g.id, error, generation: g.generation, messages: [] });
  return { kind: 'kafka.group.heartbeat', args: { group: g.id, member: from, generation: body.generation, error, state: g.state }, nodes: [from, broker], bg: error === null };
}

export function onLeaveGroup(w: KW, sc: KafkaScenario, broker: string, from: string, body: { group: string; memberId: string; reason: string }): EventData {
  const g = groupOf(w, body);
  const nodes = [from, broker];
  if (coordinatorReady(w, broker, g) === 'NOT_COORDINATOR' || !g.members[body.memberId]) {
    return { kind: 'kafka.group.leave.unknown', args: { group: g.id, member: from, reason: body.reason }, nodes };
  }
  return memberGone(w, sc, g, body.memberId, body.reason, 'group.memberLeft', 'kafka.group.leave');
}

function memberGone(w: KW, sc: KafkaScenario, g: GroupMeta, id: string, reason: string, event: 'group.memberLeft' | 'group.memberExpired', kind: string): EventData {
  const before = g.state;
  const m = g.members[id];
  const sessionTimeoutMs = m.sessionTimeoutMs;
  removeMember(g, id);
  let done: EventData | null = null;
  if (g.state === 'Stable' || g.state === 'CompletingRebalance') {
    for (const o of protocolMembers(g)) {
      if (o.awaitingSync) reply(w, g, o.memberId, { type: 'SyncGroupResponse', error: 'REBALANCE_IN_PROGRESS', generation: g.generation, assignment: [] });
      o.awaitingSync = false;
    }
    startRebalance(w, g, kind === 'kafka.group.expire' ? `${id}'s session expired` : `${id} left the group`, event);
    if (g.memberOrder.length === 0) g.joinDeadline = w.time;
  }
  if (g.state === 'PreparingRebalance') done = maybeCompleteJoin(w, sc, g, g.memberOrder.length === 0);
  const args = { group: g.id, member: id, reason, from: before, state: g.state, generation: g.generation, sessionTimeoutMs, coordinator: g.coordinator, joinComplete: done !== null };
  return { kind, args, markers: ['rebalance'], nodes: [g.coordinator, id] };
}

/** The coordinator's periodic check: expired sessions, the initial delay, the rebalance timeout. */
export function groupTick(w: KW, sc: KafkaScenario, group: string): EventData {
  timer(w, GROUP_TICK_MS, 'group.tick', { data: { group }, bg: true });
  const g = w.d.groups[group];
  const b = w.d.brokers[g.coordinator];
  const idle: EventData = { kind: 'kafka.group.tick', args: { group, state: g.state }, bg: true, nodes: [g.coordinator] };
  if (!b || b.state === 'NOT_RUNNING') return idle;
  for (const id of g.memberOrder) {
    const m = g.members[id];
    if (m.awaitingJoin || m.awaitingSync) continue;
    if (w.time - m.lastHeartbeatAt >= m.sessionTimeoutMs) return memberGone(w, sc, g, id, 'session timeout', 'group.memberExpired', 'kafka.group.expire');
  }
  if (g.state === 'PreparingRebalance') {
    const force = g.joinDeadline !== null && w.time >= g.joinDeadline;
    const done = maybeCompleteJoin(w, sc, g, force);
    if (done) return done;
  }
  return idle;
}

// ---------------------------------------------------------------- offsets

export interface CommitBody {
  group: string;
  memberId: string;
  generation: number;
  offsets: Record<string, number>;
  requestId: number;
  /** TxnOffsetCommit: the transactional producer's id and epoch. */
  pid?: number;
  epoch?: number;
  txnId?: string;
}

/** OffsetCommit (and TxnOffsetCommit, KIP-98/KIP-447): validate the member and generation, then write the records. */
export function onOffsetCommit(w: KW, sc: KafkaScenario, broker: string, from: string, body: CommitBody, txn: boolean): EventData {
  const g = groupOf(w, body as never);
  const type = txn ? 'TxnOffsetCommitResponse' : 'OffsetCommitResponse';
  const nodes = [from, broker];
  const tps = Object.keys(body.offsets);
  const base = { group: g.id, member: from, generation: body.generation, current: g.generation, tps, offsets: tps.map((tp) => body.offsets[tp]), txn };
  const err = (error: string): EventData => {
    send(w, broker, from, { type, group: g.id, requestId: body.requestId, error, offsets: body.offsets, messages: [] });
    return { kind: 'kafka.offset.commit.reject', args: { ...base, error, state: g.state }, nodes, markers: ['error'] };
  };
  if (coordinatorReady(w, broker, g) === 'NOT_COORDINATOR') return err('NOT_COORDINATOR');
  if (body.generation >= 0 || g.memberOrder.length > 0) {
    const m = g.members[body.memberId];
    if (!m) return err('UNKNOWN_MEMBER_ID');
    if (body.generation !== g.generation) return err('ILLEGAL_GENERATION');
    if (g.state === 'CompletingRebalance') return err('REBALANCE_IN_PROGRESS');
    m.lastHeartbeatAt = w.time;
  }
  const written = appendLocal(
    w,
    sc,
    broker,
    g.offsetsTp,
    tps.map((tp) => ({
      id: `${g.id}/${tp}@${body.offsets[tp]}`,
      producer: txn ? String(body.txnId) : from,
      pid: txn ? Number(body.pid) : -1,
      seq: -1,
      key: offsetKey(g.id, tp),
      value: `offset=${body.offsets[tp]}`,
      ...(txn ? { txn: true, producerEpoch: Number(body.epoch) } : {}),
    })),
  );
  if (written === null) return err('NOT_COORDINATOR');
  if (txn) Object.assign((g.pendingTxnOffsets[String(body.pid)] ??= {}), body.offsets);
  else Object.assign(g.committed, body.offsets);
  send(w, broker, from, { type, group: g.id, requestId: body.requestId, error: null, offsets: body.offsets, messages: [] });
  return {
    kind: txn ? 'kafka.offset.txnCommit' : 'kafka.offset.commit',
    args: { ...base, offsetsTp: g.offsetsTp, logOffsets: written.map((e) => e.offset), txnId: body.txnId ?? '' },
    markers: ['commit'],
    nodes,
  };
}

/** A transaction marker reached a `__consumer_offsets` partition: pending transactional offsets apply (COMMIT) or vanish (ABORT). */
export function applyTxnOffsets(w: KW, offsetsTp: string, pid: number, result: 'COMMIT' | 'ABORT'): string[] {
  const applied: string[] = [];
  for (const g of Object.values(w.d.groups)) {
    if (g.offsetsTp !== offsetsTp) continue;
    const pending = g.pendingTxnOffsets[String(pid)];
    if (!pending) continue;
    delete g.pendingTxnOffsets[String(pid)];
    if (result === 'COMMIT') {
      Object.assign(g.committed, pending);
      for (const tp of Object.keys(pending)) applied.push(`${g.id}:${tp}=${pending[tp]}`);
    }
  }
  return applied;
}

/** OffsetFetch (require_stable, KIP-447): pending transactional offsets for a partition answer UNSTABLE_OFFSET_COMMIT. */
export function onOffsetFetch(w: KW, broker: string, from: string, body: { group: string; tps: string[]; requestId: number }): EventData {
  const g = groupOf(w, body);
  const nodes = [from, broker];
  let error: string | null = null;
  if (coordinatorReady(w, broker, g) === 'NOT_COORDINATOR') error = 'NOT_COORDINATOR';
  else if (body.tps.some((tp) => Object.values(g.pendingTxnOffsets).some((p) => p[tp] !== undefined))) error = 'UNSTABLE_OFFSET_COMMIT';
  const offsets: Record<string, number> = {};
  if (error === null) for (const tp of body.tps) offsets[tp] = g.committed[tp] ?? -1;
  send(w, broker, from, { type: 'OffsetFetchResponse', group: g.id, requestId: body.requestId, error, offsets, messages: [] });
  return { kind: 'kafka.offset.fetch', args: { group: g.id, member: from, tps: body.tps, offsets: body.tps.map((tp) => offsets[tp] ?? -1), error }, nodes, markers: error ? ['error'] : undefined };
}
