/**
 * Brokers: the partition leader (produce, follower and consumer fetches, HW, ISR changes,
 * purgatories), the follower (KIP-101 truncation, fetch loop), metadata application, heartbeats,
 * crash and restart. Every function that handles an event returns its EventData.
 */
import { removeWhere, send, timer } from '../core/world';
import type { EventData } from '../core/types';
import { ALTER_PARTITION_RETRY_MS, REPLICA_FETCH_MAX_RECORDS, resolve } from './config';
import * as L from './log';
import { brokerLc, replicaLc } from './machines';
import type { BrokerState, LogEntry, ParkedFetch, PartitionState, ReplicaState } from './model';
import { abortedTransactions, lastStableOffset } from './txnlog';
import type { KafkaScenario } from './schema';
import { lostNow, nextRequestId, setLeo, type KW, type PartitionView } from './util';
import type { AlterPartitionBody } from './controller';

// ---------------------------------------------------------------- start-up and timers

export function startBrokerTimers(w: KW, sc: KafkaScenario, b: string) {
  const c = resolve(sc).broker;
  timer(w, c.heartbeatMs, 'broker.heartbeat', { node: b, bg: true });
  timer(w, c.fetchWaitMs, 'broker.tick', { node: b, bg: true });
  timer(w, Math.max(1, Math.floor(c.lagMaxMs / 2)), 'broker.isrCheck', { node: b, bg: true });
}

// ---------------------------------------------------------------- role changes

function becomeLeader(w: KW, p: PartitionState, r: ReplicaState, v: PartitionView) {
  r.state = replicaLc.next(r.state, 'replica.becomeLeader');
  r.leader = r.broker;
  r.leaderEpoch = v.leaderEpoch;
  r.isr = [...v.isr];
  r.partitionEpoch = v.partitionEpoch;
  r.pendingIsr = null;
  r.fetchSentAt = null;
  L.assignEpoch(r.epochs, v.leaderEpoch, r.leo);
  r.followers = {};
  for (const f of p.replicas)
    if (f !== r.broker) r.followers[f] = { leo: -1, lastCaughtUpAt: v.isr.includes(f) ? w.time : 0, lastFetchAt: w.time, lastFetchLeaderLeo: -1 };
}

/** Stops leading: answers waiting produce requests and fetches with NOT_LEADER_OR_FOLLOWER. */
function abdicate(w: KW, b: BrokerState, tp: string) {
  for (const dp of b.delayedProduces[tp] ?? [])
    send(w, b.id, dp.producer, { type: 'ProduceResponse', requestId: dp.requestId, tp, error: 'NOT_LEADER_OR_FOLLOWER', offset: -1, messages: [dp.id] });
  delete b.delayedProduces[tp];
  for (const pf of b.parkedFetches[tp] ?? []) answerFetchError(w, b.id, pf.from, pf.replica, tp, pf.requestId, pf.leaderEpoch, 'NOT_LEADER_OR_FOLLOWER');
  delete b.parkedFetches[tp];
}

function becomeFollower(w: KW, sc: KafkaScenario, p: PartitionState, r: ReplicaState, leader: string | null, epoch: number) {
  const b = w.d.brokers[r.broker];
  if (r.state === 'Leader') abdicate(w, b, p.name);
  r.leaderEpoch = epoch;
  r.leader = leader;
  r.isr = [];
  r.pendingIsr = null;
  r.followers = {};
  r.fetchSentAt = null;
  if (leader === null) {
    r.state = replicaLc.next(r.state, 'replica.noLeader');
    return;
  }
  r.state = replicaLc.next(r.state, 'replica.becomeFollower');
  if (r.epochs.length === 0) {
    r.state = replicaLc.next(r.state, 'replica.truncated');
    sendFetch(w, sc, p, r);
  } else {
    r.fetchSentAt = w.time;
    send(w, r.broker, leader, { type: 'OffsetsForLeaderEpochRequest', tp: p.name, currentLeaderEpoch: epoch, leaderEpoch: L.latestEpoch(r.epochs), messages: [] });
  }
}

/**
 * Applies partition states from the controller. Returns the role changes, for narration.
 * Stale states (an older leader epoch than this replica knows) are ignored.
 */
export function applyMetadata(w: KW, sc: KafkaScenario, broker: string, views: PartitionView[] | null, offset: number): string[] {
  const b = w.d.brokers[broker];
  b.metadataOffset = Math.max(b.metadataOffset, offset);
  const roles: string[] = [];
  for (const v of views ?? []) {
    const p = w.d.partitions[v.tp];
    const r = p.replicaStates[broker];
    if (v.leaderEpoch < r.leaderEpoch) continue;
    const newer = v.leaderEpoch > r.leaderEpoch || r.state === 'Offline';
    if (v.leader === broker) {
      if (r.state !== 'Leader' || newer) {
        if (r.state !== 'Leader' && r.state !== 'Offline') r.fetchSentAt = null;
        becomeLeader(w, p, r, v);
        roles.push(`${v.tp}:leader:${v.leaderEpoch}`);
        maybeAdvanceHw(w, sc, p, r);
      } else if (v.partitionEpoch > r.partitionEpoch) {
        r.isr = [...v.isr];
        r.partitionEpoch = v.partitionEpoch;
        r.pendingIsr = null;
        maybeAdvanceHw(w, sc, p, r);
      }
    } else if (newer || r.leader !== v.leader || r.state === 'Leader') {
      becomeFollower(w, sc, p, r, v.leader, v.leaderEpoch);
      roles.push(`${v.tp}:${v.leader === null ? 'offline' : `follower of ${v.leader}`}:${v.leaderEpoch}`);
    }
  }
  return roles;
}

// ---------------------------------------------------------------- leader: HW and purgatories

const maximalIsr = (r: ReplicaState) => (r.pendingIsr ? [...new Set([...r.isr, ...r.pendingIsr])] : r.isr);

/** Removes and returns the items of `lists[key]` matching `pred` (keeps the per-partition index tidy). */
function take<T>(lists: Record<string, T[]>, key: string, pred: (x: T) => boolean): T[] {
  const list = lists[key];
  if (!list) return [];
  const out: T[] = [];
  const keep: T[] = [];
  for (const x of list) (pred(x) ? out : keep).push(x);
  if (keep.length) lists[key] = keep;
  else delete lists[key];
  return out;
}

/**
 * Recomputes the leader's HW; if it moved, completes acks=all produces below it and wakes parked
 * consumer fetches. Returns the ids acknowledged.
 */
export function maybeAdvanceHw(w: KW, sc: KafkaScenario, p: PartitionState, r: ReplicaState): { before: number; after: number; acked: string[]; failed: string[] } {
  const before = r.hw;
  const isr = maximalIsr(r);
  let low = r.leo;
  for (const f of isr) if (f !== r.broker) low = Math.min(low, r.followers[f]?.leo ?? -1);
  r.hw = L.leaderHighWatermark(r.hw, r.leo, [low]);
  const acked: string[] = [];
  const failed: string[] = [];
  if (r.hw === before) return { before, after: r.hw, acked, failed };
  const b = w.d.brokers[r.broker];
  const minIsr = resolve(sc).topics[p.topic].minIsr;
  for (const dp of take(b.delayedProduces, p.name, (x) => x.offset < r.hw)) {
    const error = isr.length < minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : null;
    (error ? failed : acked).push(dp.id);
    send(w, b.id, dp.producer, { type: 'ProduceResponse', requestId: dp.requestId, tp: p.name, error, offset: dp.offset, messages: [dp.id] });
  }
  wakeConsumers(w, sc, b, p.name, r);
  return { before, after: r.hw, acked, failed };
}

/** Answers parked consumer fetches that now have data: below the HW, or below the LSO for read_committed. */
function wakeConsumers(w: KW, sc: KafkaScenario, b: BrokerState, tp: string, r: ReplicaState) {
  if (!b.parkedFetches[tp]?.length) return;
  const lso = lastStableOffset(r.log, r.hw);
  for (const pf of take(b.parkedFetches, tp, (x) => !x.replica && x.fetchOffset < (x.readCommitted ? lso : r.hw)))
    answerConsumerFetch(w, sc, b.id, r, tp, pf.from, pf.fetchOffset, pf.requestId, pf.readCommitted === true);
}

/**
 * Appends records written by the broker itself (offset commits and group metadata on `__consumer_offsets`,
 * transaction state on `__transaction_state`, COMMIT/ABORT markers on data partitions) to the log of the
 * partition it leads, and lets replication take them from there. Returns the appended entries, or null if
 * this broker is not the leader. The write is not held for acks=all (see README, simplifications).
 */
export function appendLocal(w: KW, sc: KafkaScenario, broker: string, tp: string, entries: Omit<LogEntry, 'offset' | 'epoch'>[]): LogEntry[] | null {
  const p = w.d.partitions[tp];
  const r = p?.replicaStates[broker];
  if (!r || r.state !== 'Leader' || w.d.brokers[broker].state === 'NOT_RUNNING') return null;
  const out = entries.map((e, i) => ({ ...e, offset: r.leo + i, epoch: r.leaderEpoch }) as LogEntry);
  L.append(r.log, r.epochs, out);
  setLeo(r);
  maybeFlush(sc, p, r);
  const b = w.d.brokers[broker];
  for (const pf of take(b.parkedFetches, tp, (x) => x.replica)) answerFollowerFetch(w, broker, r, pf.from, tp, pf.fetchOffset, pf.requestId);
  const hw = maybeAdvanceHw(w, sc, p, r);
  // A marker can move the LSO without moving the HW (single replica): wake read_committed fetches too.
  if (hw.after === hw.before) wakeConsumers(w, sc, b, tp, r);
  return out;
}

function answerFetchError(w: KW, from: string, to: string, replica: boolean, tp: string, requestId: number, leaderEpoch: number, error: string, extra: Record<string, unknown> = {}) {
  send(w, from, to, { type: 'FetchResponse', tp, replica, requestId, leaderEpoch, error, records: [], hw: -1, messages: [], ...extra });
}

function answerFollowerFetch(w: KW, leader: string, r: ReplicaState, follower: string, tp: string, fetchOffset: number, requestId: number) {
  const records = r.log.slice(fetchOffset, fetchOffset + REPLICA_FETCH_MAX_RECORDS);
  send(w, leader, follower, { type: 'FetchResponse', tp, replica: true, requestId, leaderEpoch: r.leaderEpoch, error: null, records, hw: r.hw, messages: records.map((e) => e.id) });
}

function answerConsumerFetch(w: KW, sc: KafkaScenario, leader: string, r: ReplicaState, tp: string, consumer: string, fetchOffset: number, requestId: number, readCommitted = false) {
  const max = resolve(sc).consumers[consumer]?.maxPollRecords ?? 500;
  // Consumers only ever see records below the high watermark; read_committed ones only below the LSO (KIP-98).
  const lso = lastStableOffset(r.log, r.hw);
  const end = Math.min(readCommitted ? lso : r.hw, fetchOffset + max);
  const records = r.log.slice(fetchOffset, end);
  const aborted = readCommitted ? abortedTransactions(r.log, fetchOffset, end) : [];
  send(w, leader, consumer, {
    type: 'FetchResponse',
    tp,
    replica: false,
    requestId,
    leaderEpoch: r.leaderEpoch,
    error: null,
    records,
    hw: r.hw,
    lso,
    fetchOffset,
    nextOffset: Math.max(fetchOffset, end),
    aborted,
    messages: records.filter((e) => !e.control).map((e) => e.id),
  });
}

// ---------------------------------------------------------------- produce at the leader

export interface ProduceBody {
  requestId: number;
  tp: string;
  record: { id: string; key: string | null; pid: number; seq: number; epoch?: number; txn?: boolean };
  acks: -1 | 0 | 1;
  timeoutMs: number;
  messages: string[];
}

export function onProduce(w: KW, sc: KafkaScenario, broker: string, producer: string, body: ProduceBody): EventData {
  const { tp, record, acks } = body;
  const p = w.d.partitions[tp];
  const r = p.replicaStates[broker];
  const b = w.d.brokers[broker];
  const nodes = [producer, broker];
  const respond = (error: string | null, offset: number) => {
    if (acks !== 0) send(w, broker, producer, { type: 'ProduceResponse', requestId: body.requestId, tp, error, offset, messages: [record.id] });
  };
  const base = { producer, broker, tp, id: record.id, acks: acks === -1 ? 'all' : String(acks) };
  if (r.state !== 'Leader') {
    respond('NOT_LEADER_OR_FOLLOWER', -1);
    return { kind: 'kafka.produce.reject', args: { ...base, error: 'NOT_LEADER_OR_FOLLOWER', leader: p.leader }, nodes, messages: [record.id] };
  }
  const minIsr = resolve(sc).topics[p.topic].minIsr;
  if (acks === -1 && r.isr.length < minIsr) {
    respond('NOT_ENOUGH_REPLICAS', -1);
    return { kind: 'kafka.produce.reject', args: { ...base, error: 'NOT_ENOUGH_REPLICAS', isr: [...r.isr], minIsr }, nodes, messages: [record.id] };
  }
  // Idempotence (KIP-98): the leader keeps each producer id's sequence numbers (per producer epoch) in its log.
  if (record.pid >= 0) {
    const epoch = record.epoch ?? 0;
    let latestEpoch = -1;
    for (let i = r.log.length - 1; i >= 0; i--) if (r.log[i].pid === record.pid) latestEpoch = Math.max(latestEpoch, r.log[i].producerEpoch ?? 0);
    if (epoch < latestEpoch) {
      // Zombie fencing: a newer instance with the same transactional.id bumped the epoch (its markers carry it).
      respond('INVALID_PRODUCER_EPOCH', -1);
      return { kind: 'kafka.produce.reject', args: { ...base, error: 'INVALID_PRODUCER_EPOCH', epoch, latestEpoch }, nodes, messages: [record.id], markers: ['error'] };
    }
    let last = -1;
    let dupOffset = -1;
    for (let i = r.log.length - 1; i >= 0; i--) {
      const e = r.log[i];
      if (e.pid !== record.pid || e.control || (e.producerEpoch ?? 0) !== epoch) continue;
      if (last === -1) last = e.seq;
      if (e.seq === record.seq) {
        dupOffset = e.offset;
        break;
      }
      if (e.seq < record.seq) break;
    }
    if (dupOffset >= 0) {
      settleProduce(w, b, r, producer, body, dupOffset);
      return { kind: 'kafka.produce.duplicate', args: { ...base, seq: record.seq, offset: dupOffset }, nodes, messages: [record.id] };
    }
    if (record.seq > last + 1) {
      respond('OUT_OF_ORDER_SEQUENCE_NUMBER', -1);
      return { kind: 'kafka.produce.reject', args: { ...base, error: 'OUT_OF_ORDER_SEQUENCE_NUMBER', seq: record.seq, lastSeq: last }, nodes, messages: [record.id] };
    }
  }
  const entry: LogEntry = { offset: r.leo, id: record.id, epoch: r.leaderEpoch, producer, pid: record.pid, seq: record.seq, key: record.key };
  if (record.txn) {
    entry.txn = true;
    entry.producerEpoch = record.epoch ?? 0;
  }
  L.append(r.log, r.epochs, [entry]);
  setLeo(r);
  maybeFlush(sc, p, r);
  // Wake followers parked on this partition: they get the new record right away (long poll).
  for (const pf of take(b.parkedFetches, tp, (x) => x.replica)) answerFollowerFetch(w, broker, r, pf.from, tp, pf.fetchOffset, pf.requestId);
  const hw = maybeAdvanceHw(w, sc, p, r);
  const waiting = settleProduce(w, b, r, producer, body, entry.offset);
  return {
    kind: 'kafka.produce.append',
    // Explicit fields, not a spread of `base`: this is the hottest allocation of a run.
    args: { producer, broker, tp, id: record.id, acks: base.acks, offset: entry.offset, epoch: entry.epoch, leo: r.leo, hw: r.hw, isr: r.isr.slice(), waiting, seq: record.seq },
    markers: hw.after > hw.before ? ['commit'] : undefined,
    nodes,
    messages: [record.id],
  };
}

/** Answers a produce whose record is at `offset`: now (acks 0/1, or already below the HW), or later (purgatory). */
function settleProduce(w: KW, b: BrokerState, r: ReplicaState, producer: string, body: ProduceBody, offset: number): boolean {
  if (body.acks === 0) return false;
  if (body.acks === 1 || offset < r.hw) {
    send(w, b.id, producer, { type: 'ProduceResponse', requestId: body.requestId, tp: body.tp, error: null, offset, messages: [body.record.id] });
    return false;
  }
  (b.delayedProduces[body.tp] ??= []).push({ tp: body.tp, producer, requestId: body.requestId, id: body.record.id, offset, until: w.time + body.timeoutMs });
  return true;
}

function maybeFlush(sc: KafkaScenario, p: PartitionState, r: ReplicaState) {
  const every = resolve(sc).topics[p.topic].flushEvery;
  if (every !== null && r.leo - r.flushed >= every) r.flushed = r.leo;
}

// ---------------------------------------------------------------- fetch at the leader

export interface FetchBody {
  tp: string;
  replica: boolean;
  requestId: number;
  fetchOffset: number;
  currentLeaderEpoch: number;
  maxWaitMs: number;
  /** Consumer fetch with isolation.level=read_committed. */
  readCommitted?: boolean;
}

export function onFetch(w: KW, sc: KafkaScenario, broker: string, from: string, body: FetchBody): EventData {
  const p = w.d.partitions[body.tp];
  const r = p.replicaStates[broker];
  const nodes = [from, broker];
  const base = { tp: body.tp, leader: broker, from, fetchOffset: body.fetchOffset };
  if (r.state !== 'Leader' || (body.replica && body.currentLeaderEpoch !== r.leaderEpoch)) {
    const error = r.state !== 'Leader' ? 'NOT_LEADER_OR_FOLLOWER' : body.currentLeaderEpoch < r.leaderEpoch ? 'FENCED_LEADER_EPOCH' : 'UNKNOWN_LEADER_EPOCH';
    answerFetchError(w, broker, from, body.replica, body.tp, body.requestId, body.currentLeaderEpoch, error);
    return { kind: 'kafka.fetch.error', args: { ...base, replica: body.replica, error }, nodes };
  }
  if (body.fetchOffset > r.leo) {
    answerFetchError(w, broker, from, body.replica, body.tp, body.requestId, r.leaderEpoch, 'OFFSET_OUT_OF_RANGE', { leaderLeo: r.leo, hw: r.hw });
    return { kind: 'kafka.fetch.error', args: { ...base, replica: body.replica, error: 'OFFSET_OUT_OF_RANGE', leo: r.leo }, nodes };
  }
  const b = w.d.brokers[broker];
  if (!body.replica) {
    const rc = body.readCommitted === true;
    const limit = rc ? lastStableOffset(r.log, r.hw) : r.hw;
    if (body.fetchOffset < limit) {
      answerConsumerFetch(w, sc, broker, r, body.tp, from, body.fetchOffset, body.requestId, rc);
      const args = { ...base, hw: r.hw, leo: r.leo, count: Math.min(limit - body.fetchOffset, resolve(sc).consumers[from]?.maxPollRecords ?? 500) };
      return { kind: 'kafka.fetch.consumer', args: rc ? { ...args, lso: limit } : args, nodes };
    }
    const pf: ParkedFetch = { tp: body.tp, from, replica: false, fetchOffset: body.fetchOffset, leaderEpoch: r.leaderEpoch, until: w.time + body.maxWaitMs, requestId: body.requestId };
    if (rc) pf.readCommitted = true;
    (b.parkedFetches[body.tp] ??= []).push(pf);
    return { kind: 'kafka.fetch.consumer.park', args: rc ? { ...base, hw: r.hw, leo: r.leo, lso: limit } : { ...base, hw: r.hw, leo: r.leo }, nodes, bg: r.leo === r.hw };
  }
  // A follower's fetch offset is its LEO: this is how the leader learns follower progress.
  const prog = r.followers[from] ?? (r.followers[from] = { leo: -1, lastCaughtUpAt: 0, lastFetchAt: w.time, lastFetchLeaderLeo: -1 });
  const prevLeo = prog.leo;
  L.recordFetch(prog, body.fetchOffset, r.leo, w.time);
  let expand = false;
  const epochStart = r.epochs.length ? r.epochs[r.epochs.length - 1].startOffset : 0;
  if (!r.isr.includes(from) && r.pendingIsr === null && !b.fencedBrokers.includes(from) && L.canJoinIsr(body.fetchOffset, r.hw, epochStart)) {
    proposeIsr(w, p, r, [...r.isr, from], [], [from], 0);
    expand = true;
  }
  const hw = maybeAdvanceHw(w, sc, p, r);
  let count = 0;
  if (body.fetchOffset < r.leo) {
    answerFollowerFetch(w, broker, r, from, body.tp, body.fetchOffset, body.requestId);
    count = Math.min(r.leo - body.fetchOffset, REPLICA_FETCH_MAX_RECORDS);
  } else {
    (b.parkedFetches[body.tp] ??= []).push({ tp: body.tp, from, replica: true, fetchOffset: body.fetchOffset, leaderEpoch: r.leaderEpoch, until: w.time + resolve(sc).broker.fetchWaitMs, requestId: body.requestId });
  }
  const moved = hw.after > hw.before;
  const markers: EventData['markers'] = moved ? ['commit'] : undefined;
  return {
    kind: 'kafka.fetch.follower',
    args: { tp: body.tp, leader: broker, from, fetchOffset: body.fetchOffset, count, prevLeo, hwBefore: hw.before, hw: hw.after, leo: r.leo, acked: hw.acked, failed: hw.failed, expand, parked: count === 0 },
    markers,
    nodes,
    messages: hw.failed.length ? hw.acked.concat(hw.failed) : hw.acked,
    bg: count === 0 && !moved && !expand && prevLeo === body.fetchOffset,
  };
}

function proposeIsr(w: KW, p: PartitionState, r: ReplicaState, newIsr: string[], removed: string[], added: string[], lagMs: number) {
  r.pendingIsr = newIsr;
  r.pendingSince = w.time;
  const body: AlterPartitionBody = { tp: p.name, leader: r.broker, leaderEpoch: r.leaderEpoch, partitionEpoch: r.partitionEpoch, newIsr, removed, added, lagMs };
  send(w, r.broker, w.d.controller.node, { type: 'AlterPartitionRequest', ...body, messages: [] });
}

export function onOffsetsForLeaderEpoch(w: KW, broker: string, from: string, body: { tp: string; currentLeaderEpoch: number; leaderEpoch: number }): EventData {
  const r = w.d.partitions[body.tp].replicaStates[broker];
  let error: string | null = null;
  if (r.state !== 'Leader') error = 'NOT_LEADER_OR_FOLLOWER';
  else if (body.currentLeaderEpoch < r.leaderEpoch) error = 'FENCED_LEADER_EPOCH';
  else if (body.currentLeaderEpoch > r.leaderEpoch) error = 'UNKNOWN_LEADER_EPOCH';
  const ans = error ? { epoch: -1, endOffset: -1 } : L.endOffsetForEpoch(r.epochs, r.leo, body.leaderEpoch);
  send(w, broker, from, { type: 'OffsetsForLeaderEpochResponse', tp: body.tp, currentLeaderEpoch: body.currentLeaderEpoch, requested: body.leaderEpoch, error, ...ans, messages: [] });
  return { kind: 'kafka.epoch.query', args: { tp: body.tp, leader: broker, follower: from, requested: body.leaderEpoch, epoch: ans.epoch, endOffset: ans.endOffset, error }, nodes: [from, broker] };
}

// ---------------------------------------------------------------- follower side

export function sendFetch(w: KW, sc: KafkaScenario, p: PartitionState, r: ReplicaState) {
  if (r.leader === null) return;
  r.fetchSentAt = w.time;
  r.fetchId = nextRequestId(w);
  send(w, r.broker, r.leader, { type: 'FetchRequest', tp: p.name, replica: true, requestId: r.fetchId, fetchOffset: r.leo, currentLeaderEpoch: r.leaderEpoch, maxWaitMs: resolve(sc).broker.fetchWaitMs, messages: [] });
}

/** Schedules a retry after replica.fetch.backoff.ms (the broker tick re-sends when the "request" looks overdue). */
function backoff(sc: KafkaScenario, w: KW, r: ReplicaState) {
  const c = resolve(sc).broker;
  r.fetchSentAt = w.time - c.socketTimeoutMs + c.fetchBackoffMs;
}

export function onEpochResponse(w: KW, sc: KafkaScenario, broker: string, from: string, body: { tp: string; currentLeaderEpoch: number; requested: number; error: string | null; epoch: number; endOffset: number }): EventData {
  const p = w.d.partitions[body.tp];
  const r = p.replicaStates[broker];
  const nodes = [broker, from];
  if (r.state !== 'Truncating' || r.leaderEpoch !== body.currentLeaderEpoch || r.leader !== from)
    return { kind: 'kafka.stale', args: { type: 'OffsetsForLeaderEpochResponse', broker, tp: body.tp }, bg: true, nodes };
  if (body.error) {
    backoff(sc, w, r);
    return { kind: 'kafka.epoch.error', args: { tp: body.tp, follower: broker, leader: from, error: body.error }, nodes };
  }
  const hwBefore = r.hw;
  const leoBefore = r.leo;
  const cut = L.truncationOffset(r.epochs, r.leo, body) ?? r.hw;
  const removed = L.truncateTo(r.log, r.epochs, cut);
  setLeo(r);
  r.hw = Math.min(r.hw, r.leo);
  r.flushed = Math.min(r.flushed, r.leo);
  r.state = replicaLc.next(r.state, 'replica.truncated');
  sendFetch(w, sc, p, r);
  const ids = removed.map((e) => e.id);
  const lost = lostNow(w, p, ids);
  const markers: EventData['markers'] = lost.length ? ['loss'] : undefined;
  return {
    kind: 'kafka.truncate',
    args: { tp: body.tp, follower: broker, leader: from, requested: body.requested, epoch: body.epoch, endOffset: body.endOffset, to: cut, leoBefore, hwBefore, removed: ids, lost },
    markers,
    nodes,
    messages: ids,
  };
}

export function onFollowerFetchResponse(
  w: KW,
  sc: KafkaScenario,
  broker: string,
  from: string,
  body: { tp: string; requestId: number; leaderEpoch: number; error: string | null; records: LogEntry[]; hw: number; leaderLeo?: number },
): EventData {
  const p = w.d.partitions[body.tp];
  const r = p.replicaStates[broker];
  const nodes = [broker, from];
  if (r.state !== 'Fetching' || r.leader !== from || r.leaderEpoch !== body.leaderEpoch || r.fetchId !== body.requestId)
    return { kind: 'kafka.stale', args: { type: 'FetchResponse', broker, tp: body.tp }, bg: true, nodes };
  r.fetchSentAt = null;
  if (body.error === 'OFFSET_OUT_OF_RANGE' && body.leaderLeo !== undefined) {
    const removed = L.truncateTo(r.log, r.epochs, body.leaderLeo);
    setLeo(r);
    r.hw = Math.min(r.hw, r.leo);
    sendFetch(w, sc, p, r);
    const ids = removed.map((e) => e.id);
    const lost = lostNow(w, p, ids);
    return { kind: 'kafka.truncate.range', args: { tp: body.tp, follower: broker, leader: from, to: body.leaderLeo, removed: ids, lost }, markers: lost.length ? ['loss'] : undefined, nodes, messages: ids };
  }
  if (body.error) {
    backoff(sc, w, r);
    return { kind: 'kafka.fetch.failed', args: { tp: body.tp, follower: broker, leader: from, error: body.error }, nodes };
  }
  const recs = body.records.length && body.records[0].offset === r.leo ? body.records : [];
  if (recs.length) {
    L.append(r.log, r.epochs, recs);
    setLeo(r);
    maybeFlush(sc, p, r);
  }
  const hwBefore = r.hw;
  r.hw = Math.max(r.hw, L.followerHighWatermark(body.hw, r.leo));
  sendFetch(w, sc, p, r);
  const ids = recs.map((e) => e.id);
  return {
    kind: 'kafka.replicate',
    args: { tp: body.tp, follower: broker, leader: from, ids, leo: r.leo, hwBefore, hw: r.hw },
    nodes,
    messages: ids,
    bg: ids.length === 0 && r.hw === hwBefore,
  };
}

export function onAlterPartitionResponse(w: KW, sc: KafkaScenario, broker: string, body: PartitionView & { error: string | null }): EventData {
  const p = w.d.partitions[body.tp];
  const r = p.replicaStates[broker];
  if (r.state !== 'Leader') return { kind: 'kafka.stale', args: { type: 'AlterPartitionResponse', broker, tp: body.tp }, bg: true, nodes: [broker] };
  r.pendingIsr = null;
  if (body.leaderEpoch === r.leaderEpoch && body.leader === broker && body.partitionEpoch >= r.partitionEpoch) {
    r.isr = [...body.isr];
    r.partitionEpoch = body.partitionEpoch;
  }
  const roles = body.leaderEpoch > r.leaderEpoch ? applyMetadata(w, sc, broker, [body], 0) : [];
  const hw = r.state === 'Leader' ? maybeAdvanceHw(w, sc, p, r) : { before: r.hw, after: r.hw, acked: [], failed: [] };
  return {
    kind: 'kafka.isr.applied',
    args: { tp: body.tp, leader: broker, isr: [...r.isr], error: body.error, hwBefore: hw.before, hw: hw.after, acked: hw.acked, failed: hw.failed, roles },
    markers: hw.after > hw.before ? ['commit'] : undefined,
    nodes: [broker],
    messages: [...hw.acked, ...hw.failed],
  };
}

// ---------------------------------------------------------------- periodic work

/** Purgatory expiry and follower re-sends, every replica.fetch.wait.max.ms. */
export function brokerTick(w: KW, sc: KafkaScenario, broker: string): EventData {
  const c = resolve(sc).broker;
  timer(w, c.fetchWaitMs, 'broker.tick', { node: broker, bg: true });
  const b = w.d.brokers[broker];
  const timedOut: string[] = [];
  for (const tp of Object.keys(b.delayedProduces))
    for (const dp of take(b.delayedProduces, tp, (x) => x.until <= w.time)) {
      timedOut.push(dp.id);
      send(w, broker, dp.producer, { type: 'ProduceResponse', requestId: dp.requestId, tp: dp.tp, error: 'REQUEST_TIMED_OUT', offset: -1, messages: [dp.id] });
    }
  let expired = 0;
  for (const tp of Object.keys(b.parkedFetches)) {
    const r = w.d.partitions[tp].replicaStates[broker];
    for (const pf of take(b.parkedFetches, tp, (x) => x.until <= w.time)) {
      expired++;
      if (pf.replica) answerFollowerFetch(w, broker, r, pf.from, pf.tp, pf.fetchOffset, pf.requestId);
      else answerConsumerFetch(w, sc, broker, r, pf.tp, pf.from, pf.fetchOffset, pf.requestId, pf.readCommitted === true);
    }
  }
  const resent: string[] = [];
  for (const tp of w.d.partitionOrder) {
    const p = w.d.partitions[tp];
    const r = p.replicaStates[broker];
    if (!r || (r.state !== 'Fetching' && r.state !== 'Truncating') || r.fetchSentAt === null || w.time - r.fetchSentAt < c.socketTimeoutMs) continue;
    resent.push(tp);
    if (r.state === 'Fetching') sendFetch(w, sc, p, r);
    else {
      r.fetchSentAt = w.time;
      send(w, broker, r.leader!, { type: 'OffsetsForLeaderEpochRequest', tp, currentLeaderEpoch: r.leaderEpoch, leaderEpoch: L.latestEpoch(r.epochs), messages: [] });
    }
  }
  if (timedOut.length) return { kind: 'kafka.produce.expire', args: { broker, ids: timedOut, expired, resent }, nodes: [broker], messages: timedOut, markers: ['error'] };
  return { kind: 'kafka.broker.tick', args: { broker, expired, resent }, bg: true, nodes: [broker] };
}

/** The leader's ISR expiration task (every replica.lag.time.max.ms / 2). */
export function isrCheck(w: KW, sc: KafkaScenario, broker: string): EventData {
  const c = resolve(sc).broker;
  timer(w, Math.max(1, Math.floor(c.lagMaxMs / 2)), 'broker.isrCheck', { node: broker, bg: true });
  const tps: string[] = [];
  const removed: string[] = [];
  for (const tp of w.d.partitionOrder) {
    const p = w.d.partitions[tp];
    const r = p.replicaStates[broker];
    if (!r || r.state !== 'Leader') continue;
    if (r.pendingIsr !== null) {
      if (w.time - r.pendingSince >= ALTER_PARTITION_RETRY_MS) proposeIsr(w, p, r, r.pendingIsr, r.isr.filter((x) => !r.pendingIsr!.includes(x)), r.pendingIsr.filter((x) => !r.isr.includes(x)), c.lagMaxMs);
      continue;
    }
    const out = r.isr.filter((f) => f !== broker && !L.isCaughtUp(r.followers[f] ?? { leo: -1, lastCaughtUpAt: 0, lastFetchAt: 0, lastFetchLeaderLeo: -1 }, r.leo, w.time, c.lagMaxMs));
    if (out.length === 0) continue;
    proposeIsr(w, p, r, r.isr.filter((f) => !out.includes(f)), out, [], c.lagMaxMs);
    tps.push(tp);
    removed.push(out.join(','));
  }
  if (tps.length === 0) return { kind: 'kafka.isr.check', args: { broker }, bg: true, nodes: [broker] };
  return { kind: 'kafka.isr.propose', args: { broker, tps, removed, lagMs: c.lagMaxMs }, nodes: [broker, w.d.controller.node] };
}

export function heartbeatTimer(w: KW, sc: KafkaScenario, broker: string): EventData {
  timer(w, resolve(sc).broker.heartbeatMs, 'broker.heartbeat', { node: broker, bg: true });
  const b = w.d.brokers[broker];
  if (!b.registered) {
    send(w, broker, w.d.controller.node, { type: 'BrokerRegistrationRequest', messages: [] });
    return { kind: 'kafka.broker.register', args: { broker }, nodes: [broker, w.d.controller.node] };
  }
  send(w, broker, w.d.controller.node, { type: 'BrokerHeartbeatRequest', metadataOffset: b.metadataOffset, messages: [] });
  return { kind: 'kafka.broker.heartbeat', args: { broker }, bg: true, nodes: [broker] };
}

export function onControllerResponse(w: KW, sc: KafkaScenario, broker: string, body: { type: string; metadataOffset: number; partitions: PartitionView[] | null; fenced?: boolean; fencedBrokers: string[] }): EventData {
  const b = w.d.brokers[broker];
  // A restarted broker ignores pushes meant for its previous incarnation until it has registered.
  if (body.type === 'MetadataUpdate' && !b.registered) return { kind: 'kafka.stale', args: { type: body.type, broker, tp: '' }, bg: true, nodes: [broker] };
  b.fencedBrokers = [...body.fencedBrokers];
  const wasStarting = b.state === 'STARTING';
  if (body.type === 'BrokerRegistrationResponse') b.registered = true;
  const roles = applyMetadata(w, sc, broker, body.partitions, body.metadataOffset);
  if (body.type === 'BrokerRegistrationResponse') send(w, broker, w.d.controller.node, { type: 'BrokerHeartbeatRequest', metadataOffset: b.metadataOffset, messages: [] });
  if (body.fenced === false && wasStarting) b.state = brokerLc.next(b.state, 'broker.unfenced');
  const started = wasStarting && b.state === 'RUNNING';
  const changed = roles.some((x) => x.includes(':leader:'));
  return {
    kind: body.type === 'MetadataUpdate' ? 'kafka.metadata' : body.type === 'BrokerRegistrationResponse' ? 'kafka.broker.registered' : started ? 'kafka.broker.running' : 'kafka.metadata',
    args: { broker, roles, offset: body.metadataOffset },
    markers: changed ? ['leader-change'] : undefined,
    nodes: [broker],
    bg: roles.length === 0 && !started && body.type !== 'BrokerRegistrationResponse',
  };
}

// ---------------------------------------------------------------- crash and restart

export function crash(w: KW, sc: KafkaScenario, broker: string, loseUnflushed: boolean): EventData {
  const b = w.d.brokers[broker];
  if (b.state === 'NOT_RUNNING') return { kind: 'kafka.broker.crash.noop', args: { broker }, nodes: [broker] };
  b.state = brokerLc.next(b.state, 'broker.crash');
  b.crashes++;
  b.powerLoss = loseUnflushed;
  b.registered = false;
  b.parkedFetches = {};
  b.delayedProduces = {};
  removeWhere(w, (q) => (q.kind === 'net' ? q.msg.to === broker : q.node === broker));
  resetConnections(w, broker);
  const truncated: string[] = [];
  const allRemoved: string[] = [];
  const lost: string[] = [];
  for (const tp of w.d.partitionOrder) {
    const p = w.d.partitions[tp];
    const r = p.replicaStates[broker];
    if (!r) continue;
    r.state = r.state === 'Offline' ? r.state : replicaLc.next(r.state, 'replica.offline');
    r.isr = [];
    r.pendingIsr = null;
    r.followers = {};
    r.fetchSentAt = null;
    if (loseUnflushed && r.flushed < r.leo) {
      const removed = L.truncateTo(r.log, r.epochs, r.flushed);
      setLeo(r);
      truncated.push(`${tp}:${removed.length}`);
      const ids = removed.map((e) => e.id);
      allRemoved.push(...ids);
      lost.push(...lostNow(w, p, ids));
    }
    r.hw = Math.min(r.hw, r.leo);
  }
  const markers: EventData['markers'] = ['crash'];
  if (lost.length) markers.push('loss');
  return { kind: 'kafka.broker.crash', args: { broker, loseUnflushed, truncated, removed: allRemoved, lost }, markers, nodes: [broker], messages: allRemoved };
}

/**
 * A crash resets the broker's TCP connections: messages it already sent stay on the wire, but new
 * connections are not held behind them (the core keeps links FIFO by their last delivery time).
 */
function resetConnections(w: KW, broker: string) {
  for (const k of Object.keys(w.net.lastDelivery)) if (k.startsWith(`${broker}>`) || k.endsWith(`>${broker}`)) delete w.net.lastDelivery[k];
}

export function restart(w: KW, sc: KafkaScenario, broker: string): EventData {
  const b = w.d.brokers[broker];
  if (b.state !== 'NOT_RUNNING') return { kind: 'kafka.broker.restart.noop', args: { broker, state: b.state }, nodes: [broker] };
  b.state = brokerLc.next(b.state, 'broker.restart');
  b.registered = false;
  startBrokerTimers(w, sc, broker);
  send(w, broker, w.d.controller.node, { type: 'BrokerRegistrationRequest', messages: [] });
  const leos = w.d.partitionOrder.filter((tp) => w.d.partitions[tp].replicaStates[broker]).map((tp) => `${tp}:${w.d.partitions[tp].replicaStates[broker].leo}`);
  return { kind: 'kafka.broker.restart', args: { broker, leos }, markers: ['fault'], nodes: [broker, w.d.controller.node] };
}
