/**
 * The group consumer: the Java KafkaConsumer's ConsumerCoordinator (JoinGroup → SyncGroup → OffsetFetch,
 * heartbeats from a background thread, commits) and the application loop around poll() — process the batch,
 * commit before or after, or hand it to a worker thread; consume-transform-produce with a transactional
 * producer (KIP-98 / KIP-447).
 *
 * Traps:
 * - Everything but heartbeats happens inside poll(): a JoinGroup / SyncGroup answer that arrives while the
 *   application is processing waits (`deferred`) until the next poll(). A slow application therefore delays
 *   the whole group's rebalance, up to the rebalance timeout (= max.poll.interval.ms).
 * - The heartbeat thread leaves the group by itself when poll() has not been called for max.poll.interval.ms
 *   (KIP-62); the records in hand are still processed, but their commit fails (CommitFailedException).
 * - Eager protocols revoke every partition when the JoinGroup is sent; cooperative-sticky revokes only the
 *   partitions that move, after the SyncGroup, and rejoins at once so they can be handed over (KIP-429).
 */
import { recordDelivered, recordProcessed } from '../core/outcome';
import { removeWhere, send, timer } from '../core/world';
import type { EventData } from '../core/types';
import { assign, isCooperative, type AssignorName, type MemberInput } from './assignors';
import { resolve } from './config';
import { CONSUMER_REQUEST_TIMEOUT_MS } from './consumer';
import { memberLc } from './machines';
import type { ConsumerClient, ConsumerState, LogEntry, PolledRecord } from './model';
import { produce } from './producer';
import type { KafkaScenario } from './schema';
import { txnBegin, txnCommitForApp, txnInitForApp, txnSendOffsets } from './txn';
import { visibleRecords, type AbortedTxn } from './txnlog';
import { nextRequestId, skippedBelow, type KW } from './util';

type C = ConsumerState & { client: ConsumerClient };

const RETRY_BACKOFF_MS = 100;

export function newClient(sc: KafkaScenario, id: string, topics: string[], incarnation = 1): ConsumerClient {
  const cfg = resolve(sc).consumers[id];
  const spec = sc.consumers.find((c) => c.id === id)!;
  return {
    group: cfg.groupId,
    mode: spec.subscribe ? 'subscribe' : 'assign',
    topics,
    member: memberLc.initial,
    memberId: id,
    generation: -1,
    protocol: null,
    coordinator: null,
    rejoinNeeded: false,
    rejoinReason: null,
    joinInFlight: false,
    syncInFlight: false,
    heartbeatInFlight: false,
    owned: [],
    awaitingOffsets: [],
    buffer: {},
    fetchedUpTo: {},
    deferred: [],
    app: 'closed',
    batch: [],
    processed: 0,
    msPerRecord: cfg.msPerRecord,
    lastPollAt: 0,
    lastAutoCommitAt: 0,
    commitWaiting: null,
    consumed: {},
    pollTimeoutLeft: false,
    incarnation,
    heartbeatRunning: false,
    pollAt: null,
    processScheduled: false,
    worker: cfg.worker,
    processedUpTo: {},
    prevAssignment: [],
    prevGeneration: -1,
    waitingForProducer: false,
    retryAt: 0,
  };
}

const cfgOf = (sc: KafkaScenario, c: ConsumerState) => resolve(sc).consumers[c.id];
const coordinatorOf = (w: KW, c: C) => (c.client.group ? w.d.partitions[w.d.groups[c.client.group].offsetsTp].leader : null);
const unit = (c: C, tp: string, producer: string) => (c.client.group ? `${c.client.group}|${tp}` : `${producer}|${tp}`);
/** Partitions this consumer may fetch and hand out now. */
const active = (c: C) => (c.client.mode === 'subscribe' ? c.client.owned : c.assignment).filter((tp) => !c.client.awaitingOffsets.includes(tp) && c.positions[tp] !== undefined);

function sendToCoordinator(w: KW, c: C, body: Record<string, unknown> & { type: string }): boolean {
  const to = coordinatorOf(w, c);
  c.client.coordinator = to;
  if (to === null) return false;
  send(w, c.id, to, { group: c.client.group, messages: [], ...body });
  return true;
}

/** Schedules the next poll() call after `delay` ms, unless one is already due no later (a waiting poll is background work). */
function wakePoll(w: KW, c: C, delay = 0) {
  const cl = c.client;
  const at = w.time + delay;
  if (cl.app !== 'polling' || (cl.pollAt !== null && cl.pollAt <= at)) return;
  cl.pollAt = at;
  timer(w, delay, 'consumer.poll', { node: c.id, data: { inc: cl.incarnation, at }, bg: delay > 0 });
}

function scheduleProcess(w: KW, c: C) {
  const cl = c.client;
  if (cl.processScheduled || cl.processed >= cl.batch.length || cl.app === 'crashed') return;
  cl.processScheduled = true;
  timer(w, cl.msPerRecord, 'consumer.process', { node: c.id, data: { inc: cl.incarnation } });
}

function startHeartbeat(w: KW, sc: KafkaScenario, c: C) {
  const cl = c.client;
  if (cl.heartbeatRunning || cl.mode !== 'subscribe') return;
  cl.heartbeatRunning = true;
  timer(w, cfgOf(sc, c).heartbeatMs, 'consumer.heartbeat', { node: c.id, data: { inc: cl.incarnation }, bg: true });
}

// ---------------------------------------------------------------- steps

/** consumer.start / consume: the application starts its poll loop (a transactional app first calls initTransactions). */
export function clientStart(w: KW, sc: KafkaScenario, c: C, kind: string): EventData {
  const cl = c.client;
  if (cl.app === 'crashed') return { kind: 'kafka.app.down', args: { consumer: c.id }, nodes: [c.id] };
  const wasClosed = cl.app === 'closed';
  if (wasClosed) {
    cl.app = 'polling';
    cl.lastPollAt = w.time;
    cl.lastAutoCommitAt = w.time;
    startHeartbeat(w, sc, c);
    if (txnInitForApp(w, sc, c)) cl.waitingForProducer = true;
    else wakePoll(w, c);
  }
  return { kind, args: { consumer: c.id, group: cl.group ?? '', mode: cl.mode, topics: cl.mode === 'subscribe' ? cl.topics : c.assignment, started: wasClosed }, nodes: [c.id] };
}

/** consumer.stop: the application stops calling poll() (the heartbeat thread keeps running). */
export function clientStop(c: C): EventData {
  const cl = c.client;
  if (cl.app === 'polling') cl.app = 'closed';
  return { kind: 'kafka.app.stop', args: { consumer: c.id, maxPollIntervalMs: 0 }, nodes: [c.id] };
}

/** The process dies: no LeaveGroup, no commit; in-flight answers are ignored; its transform producer dies too. */
export function clientCrash(w: KW, sc: KafkaScenario, c: C): EventData {
  const cl = c.client;
  const inHand = cl.batch.slice(cl.processed).map((r) => r.id);
  cl.app = 'crashed';
  cl.member = cl.member === 'UNJOINED' ? cl.member : memberLc.next(cl.member, 'member.reset');
  removeWhere(w, (q) => q.kind === 'timer' && q.node === c.id);
  const tf = cfgOf(sc, c).transform;
  if (tf) crashProducer(w, tf.producer);
  return { kind: 'kafka.app.crash', args: { consumer: c.id, group: cl.group ?? '', owned: cl.mode === 'subscribe' ? [...cl.owned] : [...c.assignment], unprocessed: inHand, generation: cl.generation }, markers: ['crash'], nodes: [c.id], messages: inHand };
}

function crashProducer(w: KW, producer: string) {
  const p = w.d.producers[producer];
  p.queue = [];
  p.inFlight = [];
  p.pendingAdd = null;
  p.pendingOffsets = null;
  p.endTxnSent = false;
  p.fatal = 'process crashed';
  if (p.state !== 'FATAL_ERROR') p.state = 'FATAL_ERROR';
}

/** A new process with the same configuration (and, for a static member, the same group.instance.id). */
export function clientRestart(w: KW, sc: KafkaScenario, c: C): EventData {
  const cl = c.client;
  if (cl.app !== 'crashed' && cl.app !== 'closed') return { kind: 'kafka.app.restart.noop', args: { consumer: c.id, app: cl.app }, nodes: [c.id] };
  removeWhere(w, (q) => q.kind === 'timer' && q.node === c.id);
  c.client = newClient(sc, c.id, cl.topics, cl.incarnation + 1);
  c.positions = {};
  c.fetching = [];
  c.fetchSentAt = {};
  const tf = cfgOf(sc, c).transform;
  if (tf) {
    const p = w.d.producers[tf.producer];
    if (p.state !== 'UNINITIALIZED') p.state = 'UNINITIALIZED';
    p.fatal = null;
    p.txnPartitions = [];
    p.nextSeq = {};
  }
  const ev = clientStart(w, sc, c as C, 'kafka.app.restart');
  return { ...ev, args: { ...ev.args, instanceId: cfgOf(sc, c).instanceId ?? '', incarnation: c.client.incarnation }, markers: ['fault'] };
}

/** KafkaConsumer.close(): auto-commit (if enabled), then LeaveGroup — except for a static member (KIP-345). */
export function clientClose(w: KW, sc: KafkaScenario, c: C): EventData {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  let committed = false;
  if (cl.app !== 'crashed' && cl.app !== 'closed' && cl.group && cfg.autoCommit && cl.generation >= 0 && Object.keys(cl.consumed).length) {
    sendCommit(w, sc, c, { ...cl.consumed }, 'auto');
    committed = true;
  }
  const leave = cl.mode === 'subscribe' && cl.member !== 'UNJOINED' && cfg.instanceId === null;
  if (leave) sendToCoordinator(w, c, { type: 'LeaveGroup', memberId: cl.memberId, reason: 'the consumer is being closed' });
  revoke(w, sc, c, [...cl.owned], false);
  cl.app = 'closed';
  if (cl.member !== 'UNJOINED') cl.member = memberLc.next(cl.member, 'member.reset');
  cl.generation = -1;
  removeWhere(w, (q) => q.kind === 'timer' && q.node === c.id);
  cl.heartbeatRunning = false;
  cl.pollAt = null;
  cl.processScheduled = false;
  return { kind: 'kafka.app.close', args: { consumer: c.id, group: cl.group ?? '', leave, committed, instanceId: cfg.instanceId ?? '' }, nodes: [c.id] };
}

export function clientSeek(w: KW, c: C, tp: string, offset: number | undefined, to: 'beginning' | 'end' | undefined): EventData {
  const p = w.d.partitions[tp];
  const end = p.leader === null ? 0 : p.replicaStates[p.leader].hw;
  const target = offset ?? (to === 'beginning' ? 0 : end);
  c.positions[tp] = target;
  if (c.client) {
    delete c.client.buffer[tp];
    delete c.client.fetchedUpTo[tp];
    c.client.awaitingOffsets = c.client.awaitingOffsets.filter((x) => x !== tp);
  }
  c.fetching = c.fetching.filter((x) => x !== tp);
  return { kind: 'kafka.consumer.seek', args: { consumer: c.id, tp, offset: target, to: to ?? '' }, nodes: [c.id] };
}

export function clientCommitStep(w: KW, sc: KafkaScenario, c: C, mode: 'sync' | 'async'): EventData {
  const cl = c.client;
  const offsets = ownedPositions(c);
  const sent = sendCommit(w, sc, c, offsets, mode);
  return { kind: 'kafka.app.commit', args: { consumer: c.id, group: cl.group ?? '', mode, tps: Object.keys(offsets), offsets: Object.values(offsets), sent }, nodes: [c.id], markers: sent ? undefined : ['error'] };
}

export function clientSlow(c: C, ms: number): EventData {
  const before = c.client.msPerRecord;
  c.client.msPerRecord = ms;
  return { kind: 'kafka.app.slow', args: { consumer: c.id, msPerRecord: ms, before }, markers: ['fault'], nodes: [c.id] };
}

// ---------------------------------------------------------------- commits

function ownedPositions(c: C): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tp of c.client.mode === 'subscribe' ? c.client.owned : c.assignment) if (c.positions[tp] !== undefined && !c.client.awaitingOffsets.includes(tp)) out[tp] = c.positions[tp];
  return out;
}

/**
 * Sends an OffsetCommit. A member that is not part of an active generation (it left or was removed) fails
 * locally with CommitFailedException, as the Java client does, without a request. Returns whether it was sent.
 */
function sendCommit(w: KW, sc: KafkaScenario, c: C, offsets: Record<string, number>, mode: 'sync' | 'async' | 'auto'): boolean {
  const cl = c.client;
  if (!cl.group || Object.keys(offsets).length === 0) return false;
  if (cl.mode === 'subscribe' && cl.generation < 0) {
    if (mode !== 'auto') w.d.commitFailures.push({ consumer: c.id, group: cl.group, error: 'CommitFailedException', generation: cl.generation, at: w.time, offsets: { ...offsets } });
    return false;
  }
  const requestId = nextRequestId(w);
  if (mode === 'sync') cl.commitWaiting = requestId;
  void sc;
  return sendToCoordinator(w, c, { type: 'OffsetCommit', memberId: cl.mode === 'subscribe' ? cl.memberId : '', generation: cl.mode === 'subscribe' ? cl.generation : -1, offsets, requestId, mode });
}

export function onCommitResponse(w: KW, sc: KafkaScenario, c: C, from: string, body: { requestId: number; error: string | null; offsets: Record<string, number>; mode?: string }): EventData {
  const cl = c.client;
  const waited = cl.commitWaiting === body.requestId;
  if (waited) cl.commitWaiting = null;
  const tps = Object.keys(body.offsets);
  const args = { consumer: c.id, group: cl.group ?? '', error: body.error, tps, offsets: tps.map((tp) => body.offsets[tp]), sync: waited, generation: cl.generation };
  if (body.error !== null) {
    // UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION: the Java client resets its generation, rejoins, and a commitSync throws CommitFailedException.
    if (body.error === 'UNKNOWN_MEMBER_ID' || body.error === 'ILLEGAL_GENERATION') {
      w.d.commitFailures.push({ consumer: c.id, group: cl.group ?? '', error: body.error, generation: cl.generation, at: w.time, offsets: { ...body.offsets } });
      lose(w, c, `OffsetCommit answered ${body.error}`);
    } else if (body.error === 'REBALANCE_IN_PROGRESS') requestRejoin(c, 'OffsetCommit answered REBALANCE_IN_PROGRESS');
    else if (body.error === 'NOT_COORDINATOR' || body.error === 'COORDINATOR_NOT_AVAILABLE') cl.coordinator = null;
  }
  if (waited && cl.app === 'committing') afterCommit(w, sc, c);
  return { kind: body.error === null ? 'kafka.app.committed' : 'kafka.app.commit.failed', args, markers: body.error === null ? ['commit'] : ['error'], nodes: [c.id, from] };
}

// ---------------------------------------------------------------- membership

function requestRejoin(c: C, reason: string) {
  c.client.rejoinNeeded = true;
  c.client.rejoinReason = reason;
}

/** Partitions lost without a chance to commit (removed from the group): onPartitionsLost. */
function lose(w: KW, c: C, reason: string) {
  const cl = c.client;
  if (cl.owned.length) w.d.revocations.push({ consumer: c.id, group: cl.group ?? '', generation: cl.generation, partitions: [...cl.owned], at: w.time, event: w.executed });
  for (const tp of cl.owned) dropPartition(c, tp);
  cl.owned = [];
  cl.generation = -1;
  if (cl.member !== 'UNJOINED') cl.member = memberLc.next(cl.member, 'member.reset');
  cl.joinInFlight = false;
  cl.syncInFlight = false;
  requestRejoin(c, reason);
}

function dropPartition(c: C, tp: string) {
  delete c.client.buffer[tp];
  delete c.client.fetchedUpTo[tp];
  delete c.positions[tp];
  c.client.awaitingOffsets = c.client.awaitingOffsets.filter((x) => x !== tp);
}

/** Revokes partitions (onPartitionsRevoked): commits their positions first when the application commits at all. */
function revoke(w: KW, sc: KafkaScenario, c: C, tps: string[], commit: boolean) {
  const cl = c.client;
  if (tps.length === 0) return;
  const cfg = cfgOf(sc, c);
  if (commit && (cfg.autoCommit || cfg.commit !== 'none') && !cfg.transform) {
    const offsets: Record<string, number> = {};
    for (const tp of tps) if (c.positions[tp] !== undefined && !cl.awaitingOffsets.includes(tp)) offsets[tp] = cl.worker ? (cl.processedUpTo[tp] ?? c.positions[tp]) : c.positions[tp];
    sendCommit(w, sc, c, offsets, 'async');
  }
  w.d.revocations.push({ consumer: c.id, group: cl.group ?? '', generation: cl.generation, partitions: [...tps], at: w.time, event: w.executed });
  for (const tp of tps) dropPartition(c, tp);
  cl.owned = cl.owned.filter((tp) => !tps.includes(tp));
}

/** onJoinPrepare + JoinGroup. Eager: revoke everything first; cooperative: keep consuming what it owns. */
function sendJoin(w: KW, sc: KafkaScenario, c: C): { revoked: string[] } {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  const cooperative = cfg.strategies.every((s) => isCooperative(s));
  let revoked: string[] = [];
  if (cl.owned.length) {
    // The Java client auto-commits synchronously before every rebalance (onJoinPrepare).
    if (cfg.autoCommit && cl.generation >= 0) sendCommit(w, sc, c, ownedPositions(c), 'auto');
    if (!cooperative) {
      revoked = [...cl.owned];
      cl.prevAssignment = [...cl.owned];
      cl.prevGeneration = cl.generation;
      revoke(w, sc, c, revoked, !cfg.autoCommit);
    }
  }
  const owned = cooperative ? [...cl.owned] : cfg.strategies.includes('sticky') ? [...cl.prevAssignment] : [];
  cl.member = memberLc.next(cl.member, 'member.join');
  cl.joinInFlight = true;
  cl.rejoinNeeded = false;
  sendToCoordinator(w, c, {
    type: 'JoinGroup',
    memberId: cl.memberId,
    instanceId: cfg.instanceId,
    protocols: [...cfg.strategies],
    subscription: [...cl.topics],
    owned,
    ownedGeneration: cooperative ? cl.generation : cl.prevGeneration,
    sessionTimeoutMs: cfg.sessionTimeoutMs,
    rebalanceTimeoutMs: cfg.maxPollIntervalMs,
    reason: cl.rejoinReason ?? 'joining',
  });
  return { revoked };
}

function handleJoinResponse(w: KW, sc: KafkaScenario, c: C, body: Record<string, unknown>): string {
  const cl = c.client;
  if (cl.member !== 'PREPARING_REBALANCE' || !cl.joinInFlight) return 'stale|JoinGroup';
  cl.joinInFlight = false;
  const error = body.error as string | null;
  if (error !== null) {
    if (error === 'NOT_COORDINATOR' || error === 'COORDINATOR_NOT_AVAILABLE') cl.coordinator = null;
    if (cl.member === 'PREPARING_REBALANCE') cl.member = memberLc.next(cl.member, 'member.reset');
    requestRejoin(c, `JoinGroup answered ${error}`);
    cl.retryAt = w.time + RETRY_BACKOFF_MS;
    wakePoll(w, c, RETRY_BACKOFF_MS);
    return `failed|JoinGroup|${error}`;
  }
  cl.member = memberLc.next(cl.member, 'member.joined');
  cl.generation = Number(body.generation);
  cl.protocol = String(body.protocol);
  let assignment: Record<string, string[]> | null = null;
  const members = (body.members as { memberId: string; instanceId: string | null; subscription: string[]; owned: string[]; ownedGeneration: number }[]) ?? [];
  if (members.length) {
    // The group leader runs the assignor over every member's subscription (client-side assignment).
    const partitionsPerTopic: Record<string, number> = {};
    for (const m of members) for (const t of m.subscription) partitionsPerTopic[t] = w.d.topics[t].partitions;
    const input: MemberInput[] = members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.instanceId, topics: m.subscription, ownedPartitions: m.owned, generation: m.ownedGeneration }));
    assignment = assign(cl.protocol as AssignorName, input, partitionsPerTopic);
  }
  cl.syncInFlight = true;
  sendToCoordinator(w, c, { type: 'SyncGroup', memberId: cl.memberId, generation: cl.generation, assignment });
  return assignment ? `leader|${cl.protocol}|${cl.generation}` : body.skipAssignment ? `static|${cl.generation}` : `follower|${cl.generation}`;
}

function handleSyncResponse(w: KW, sc: KafkaScenario, c: C, body: Record<string, unknown>): string {
  const cl = c.client;
  if (cl.member !== 'COMPLETING_REBALANCE' || !cl.syncInFlight) return 'stale|SyncGroup';
  cl.syncInFlight = false;
  const error = body.error as string | null;
  if (error !== null) {
    if (error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') lose(w, c, `SyncGroup answered ${error}`);
    else {
      cl.member = memberLc.next(cl.member, 'member.reset');
      requestRejoin(c, `SyncGroup answered ${error}`);
    }
    return `failed|SyncGroup|${error}`;
  }
  const assignment = (body.assignment as string[]) ?? [];
  cl.member = memberLc.next(cl.member, 'member.synced');
  const cfg = cfgOf(sc, c);
  const cooperative = cfg.strategies.every((s) => isCooperative(s));
  const revokedNow = cl.owned.filter((tp) => !assignment.includes(tp));
  if (revokedNow.length) revoke(w, sc, c, revokedNow, true);
  const added = assignment.filter((tp) => !cl.owned.includes(tp));
  cl.owned = [...assignment];
  cl.prevAssignment = [...assignment];
  cl.prevGeneration = cl.generation;
  if (added.length) {
    cl.awaitingOffsets.push(...added);
    sendOffsetFetch(w, c, added);
  }
  // KIP-429: partitions given up in a cooperative round are handed over by a second rebalance.
  if (cooperative && revokedNow.length) requestRejoin(c, `revoked ${revokedNow.join(',')} (cooperative: rejoin so they can be reassigned)`);
  return `sync|${cl.generation}|${assignment.join(',')}|${added.join(',')}|${revokedNow.join(',')}`;
}

function sendOffsetFetch(w: KW, c: C, tps: string[]) {
  sendToCoordinator(w, c, { type: 'OffsetFetch', tps, requestId: nextRequestId(w), requireStable: true });
}

export function onOffsetFetchResponse(w: KW, sc: KafkaScenario, c: C, from: string, body: { error: string | null; offsets: Record<string, number> }): EventData {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  if (body.error !== null) {
    // UNSTABLE_OFFSET_COMMIT (KIP-447): a transaction holds offsets for these partitions; ask again shortly.
    timer(w, RETRY_BACKOFF_MS, 'consumer.offsetFetch', { node: c.id, data: { inc: cl.incarnation } });
    return { kind: 'kafka.app.offsets.retry', args: { consumer: c.id, error: body.error, tps: cl.awaitingOffsets }, nodes: [c.id, from], markers: ['error'] };
  }
  const starts: string[] = [];
  for (const [tp, off] of Object.entries(body.offsets)) {
    if (!cl.awaitingOffsets.includes(tp)) continue;
    cl.awaitingOffsets = cl.awaitingOffsets.filter((x) => x !== tp);
    let pos: number | null = off;
    let how = 'committed';
    if (off < 0) {
      const p = w.d.partitions[tp];
      how = cfg.reset;
      pos = cfg.reset === 'earliest' ? 0 : cfg.reset === 'latest' ? (p.leader === null ? 0 : p.replicaStates[p.leader].hw) : null;
    }
    if (pos === null) {
      // auto.offset.reset=none: NoOffsetForPartitionException, the partition is not consumed.
      starts.push(`${tp}:none`);
      continue;
    }
    c.positions[tp] = pos;
    cl.processedUpTo[tp] = pos;
    starts.push(`${tp}@${pos}(${how})`);
  }
  wakePoll(w, c);
  // Records below the start that this group never processed are skipped for good (committed before processing).
  const skipped = cl.group ? Object.keys(body.offsets).flatMap((tp) => (c.positions[tp] !== undefined ? skippedBelow(w, cl.group!, tp, c.positions[tp]) : [])) : [];
  return { kind: 'kafka.app.offsets', args: { consumer: c.id, group: cl.group ?? '', starts, reset: cfg.reset, skipped }, nodes: [c.id, from], messages: skipped, markers: skipped.length ? ['loss'] : undefined };
}

export function onCoordinatorResponse(w: KW, sc: KafkaScenario, c: C, from: string, body: Record<string, unknown> & { type: string }): EventData {
  const cl = c.client;
  if (cl.app === 'crashed' || cl.app === 'closed') return { kind: 'kafka.app.ignored', args: { consumer: c.id, type: body.type }, nodes: [c.id], bg: true };
  if (body.type === 'HeartbeatResponse') return onHeartbeatResponse(w, c, from, body);
  if (body.type === 'OffsetCommitResponse') return onCommitResponse(w, sc, c, from, body as never);
  if (body.type === 'OffsetFetchResponse') return onOffsetFetchResponse(w, sc, c, from, body as never);
  // JoinGroup / SyncGroup answers are handled inside poll().
  cl.deferred.push({ type: body.type, body });
  wakePoll(w, c);
  return { kind: 'kafka.app.response', args: { consumer: c.id, type: body.type, error: (body.error as string | null) ?? null, generation: Number(body.generation ?? -1), deferred: cl.app !== 'polling' }, nodes: [c.id, from] };
}

function onHeartbeatResponse(w: KW, c: C, from: string, body: Record<string, unknown>): EventData {
  const cl = c.client;
  cl.heartbeatInFlight = false;
  const error = (body.error as string | null) ?? null;
  if (error === 'REBALANCE_IN_PROGRESS') {
    requestRejoin(c, 'the coordinator started a rebalance (heartbeat answered REBALANCE_IN_PROGRESS)');
    wakePoll(w, c);
  } else if ((error === 'UNKNOWN_MEMBER_ID' || error === 'ILLEGAL_GENERATION') && !cl.joinInFlight && !cl.syncInFlight && cl.member === 'STABLE') {
    // (While rebalancing, the Java client ignores a stale-generation heartbeat answer.)
    lose(w, c, `heartbeat answered ${error}`);
    wakePoll(w, c);
  } else if (error === 'NOT_COORDINATOR' || error === 'COORDINATOR_NOT_AVAILABLE') cl.coordinator = null;
  return { kind: 'kafka.app.heartbeat', args: { consumer: c.id, error, generation: cl.generation, busy: cl.app !== 'polling' }, nodes: [c.id, from], bg: error === null, markers: error === 'REBALANCE_IN_PROGRESS' ? ['rebalance'] : error ? ['error'] : undefined };
}

/** The heartbeat thread (KIP-62): heartbeats, and leaves the group if poll() was not called within max.poll.interval.ms. */
export function heartbeatTick(w: KW, sc: KafkaScenario, c: C, inc: number): EventData {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  if (inc !== cl.incarnation || cl.app === 'crashed') return { kind: 'kafka.app.idle', args: { consumer: c.id }, bg: true, nodes: [c.id] };
  timer(w, cfg.heartbeatMs, 'consumer.heartbeat', { node: c.id, data: { inc }, bg: true });
  const busy = cl.app !== 'polling';
  if (busy && cl.member !== 'UNJOINED' && w.time - cl.lastPollAt > cfg.maxPollIntervalMs) {
    const owned = [...cl.owned];
    sendToCoordinator(w, c, { type: 'LeaveGroup', memberId: cl.memberId, reason: 'consumer poll timeout has expired' });
    // The generation is reset now; the partitions are given up (onPartitionsLost) at the next poll().
    cl.generation = -1;
    cl.member = memberLc.next(cl.member, 'member.reset');
    cl.joinInFlight = false;
    cl.syncInFlight = false;
    cl.pollTimeoutLeft = true;
    return {
      kind: 'kafka.app.pollTimeout',
      args: { consumer: c.id, group: cl.group ?? '', sincePollMs: w.time - cl.lastPollAt, maxPollIntervalMs: cfg.maxPollIntervalMs, owned },
      markers: ['rebalance', 'error'],
      nodes: [c.id],
    };
  }
  if ((cl.member === 'STABLE' || cl.member === 'COMPLETING_REBALANCE') && !cl.heartbeatInFlight && cl.generation >= 0) {
    if (sendToCoordinator(w, c, { type: 'Heartbeat', memberId: cl.memberId, generation: cl.generation })) cl.heartbeatInFlight = true;
  }
  return { kind: 'kafka.app.heartbeatTick', args: { consumer: c.id, generation: cl.generation }, bg: true, nodes: [c.id] };
}

// ---------------------------------------------------------------- poll()

function sendFetches(w: KW, sc: KafkaScenario, c: C): string[] {
  const cfg = cfgOf(sc, c);
  const out: string[] = [];
  c.fetching = c.fetching.filter((tp) => w.time - (c.fetchSentAt[tp] ?? 0) < CONSUMER_REQUEST_TIMEOUT_MS);
  for (const tp of active(c)) {
    if (c.fetching.includes(tp) || (c.client.buffer[tp]?.length ?? 0) > 0) continue;
    const leader = w.d.partitions[tp].leader;
    if (leader === null) continue;
    const from = Math.max(c.positions[tp], c.client.fetchedUpTo[tp] ?? 0);
    c.fetching.push(tp);
    c.fetchSentAt[tp] = w.time;
    send(w, c.id, leader, { type: 'FetchRequest', tp, replica: false, requestId: nextRequestId(w), fetchOffset: from, currentLeaderEpoch: -1, maxWaitMs: cfg.fetchWaitMs, readCommitted: cfg.readCommitted, messages: [] });
    out.push(tp);
  }
  return out;
}

/** One poll(): deferred coordinator answers, auto-commit, (re)join, fetches, and maybe a batch for the application. */
export function pollTimer(w: KW, sc: KafkaScenario, c: C, inc: number, at: number): EventData {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  if (inc !== cl.incarnation || at !== cl.pollAt) return { kind: 'kafka.app.idle', args: { consumer: c.id }, bg: true, nodes: [c.id] };
  cl.pollAt = null;
  if (cl.app !== 'polling') return { kind: 'kafka.app.idle', args: { consumer: c.id }, bg: true, nodes: [c.id] };
  cl.lastPollAt = w.time;
  const notes: string[] = [];
  for (const d of cl.deferred.splice(0)) notes.push(d.type === 'JoinGroupResponse' ? handleJoinResponse(w, sc, c, d.body) : handleSyncResponse(w, sc, c, d.body));
  if (cl.pollTimeoutLeft) {
    cl.pollTimeoutLeft = false;
    lose(w, c, 'rejoining after the poll timeout');
  }
  let autoCommitted: string[] = [];
  if (cfg.autoCommit && w.time - cl.lastAutoCommitAt >= cfg.autoCommitIntervalMs) {
    cl.lastAutoCommitAt = w.time;
    const offsets = ownedPositions(c);
    // Simplification: a commit identical to the last auto-commit is skipped (Kafka sends it again).
    const same = Object.keys(offsets).every((tp) => cl.consumed[tp] === offsets[tp]);
    if (!same && sendCommit(w, sc, c, offsets, 'auto')) {
      autoCommitted = Object.entries(offsets).map(([tp, o]) => `${tp}@${o}`);
      cl.consumed = { ...offsets };
    }
  }
  let revoked: string[] = [];
  let joined = false;
  if (cl.mode === 'subscribe' && (cl.member === 'UNJOINED' || cl.rejoinNeeded) && !cl.joinInFlight && !cl.syncInFlight && w.time >= cl.retryAt) {
    revoked = sendJoin(w, sc, c).revoked;
    joined = true;
  }
  const fetched = sendFetches(w, sc, c);
  // Hand out up to max.poll.records buffered records.
  const batch: PolledRecord[] = [];
  for (const tp of active(c)) {
    const buf = cl.buffer[tp];
    if (!buf?.length) continue;
    const take = buf.splice(0, cfg.maxPollRecords - batch.length);
    batch.push(...take);
    c.positions[tp] = take[take.length - 1].offset + 1;
    if (buf.length === 0) {
      delete cl.buffer[tp];
      c.positions[tp] = Math.max(c.positions[tp], cl.fetchedUpTo[tp] ?? 0);
    }
    if (batch.length >= cfg.maxPollRecords) break;
  }
  // Partitions whose fetched range held only control or aborted records still move past them.
  for (const tp of active(c)) if (!cl.buffer[tp]?.length && (cl.fetchedUpTo[tp] ?? 0) > c.positions[tp]) c.positions[tp] = cl.fetchedUpTo[tp];
  const base = { consumer: c.id, group: cl.group ?? '', generation: cl.generation, member: cl.member, notes, autoCommitted, joined, revoked, fetched };
  if (batch.length) {
    for (const r of batch) recordDelivered(w.outcome, r.id);
    const ids = batch.map((r) => r.id);
    handOut(w, sc, c, batch);
    return { kind: 'kafka.app.poll', args: { ...base, ids, commitWhen: cfg.commit !== 'none' ? cfg.commitWhen : '' }, nodes: [c.id], messages: ids, markers: joined || revoked.length ? ['rebalance'] : undefined };
  }
  // poll(timeout) returns empty and is called again: at the latest when the next auto-commit is due.
  if (cfg.autoCommit) wakePoll(w, c, Math.max(1, cl.lastAutoCommitAt + cfg.autoCommitIntervalMs - w.time));
  return { kind: 'kafka.app.poll', args: { ...base, ids: [], commitWhen: '' }, nodes: [c.id], bg: !joined && !notes.length && !autoCommitted.length && !revoked.length, markers: joined || revoked.length ? ['rebalance'] : undefined };
}

function handOut(w: KW, sc: KafkaScenario, c: C, batch: PolledRecord[]) {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  if (cl.worker) {
    // Worker thread: the records queue up there and poll() is called again at once.
    cl.batch.push(...batch);
    scheduleProcess(w, c);
    wakePoll(w, c);
    return;
  }
  cl.batch = batch;
  cl.processed = 0;
  cl.app = 'processing';
  if (cfg.transform && w.d.producers[cfg.transform.producer].txnId !== null) txnBegin(w, sc, cfg.transform.producer);
  if (cfg.commit !== 'none' && cfg.commitWhen === 'before') {
    // At most once: the offsets after the batch are committed before any of it is processed.
    const sent = sendCommit(w, sc, c, ownedPositions(c), cfg.commit);
    if (cfg.commit === 'sync' && sent) {
      cl.app = 'committing';
      return;
    }
  }
  scheduleProcess(w, c);
}

/** The application finished processing one record. */
export function processTimer(w: KW, sc: KafkaScenario, c: C, inc: number): EventData {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  if (inc !== cl.incarnation) return { kind: 'kafka.app.idle', args: { consumer: c.id }, bg: true, nodes: [c.id] };
  cl.processScheduled = false;
  const r = cl.batch[cl.processed++];
  recordProcessed(w.outcome, r.id, unit(c, r.tp, r.producer));
  cl.processedUpTo[r.tp] = r.offset + 1;
  let out: string | null = null;
  if (cfg.transform) {
    out = `${r.id}.${cfg.transform.topic}`;
    produce(w, sc, { producer: cfg.transform.producer, topic: cfg.transform.topic, id: out, key: r.id });
  }
  const times = w.outcome.processedIn[r.id]?.[unit(c, r.tp, r.producer)] ?? 1;
  const owner = cl.mode === 'subscribe' ? cl.owned.includes(r.tp) : true;
  const done = cl.processed >= cl.batch.length;
  const ev: EventData = {
    kind: 'kafka.app.process',
    args: { consumer: c.id, group: cl.group ?? '', id: r.id, tp: r.tp, offset: r.offset, times, owner, out: out ?? '', left: cl.batch.length - cl.processed },
    nodes: [c.id],
    messages: out ? [r.id, out] : [r.id],
    markers: times > 1 ? ['duplicate'] : undefined,
  };
  if (!done) {
    scheduleProcess(w, c);
    return ev;
  }
  if (cl.worker) {
    cl.batch = [];
    cl.processed = 0;
    if (cfg.commit !== 'none') sendCommit(w, sc, c, { ...cl.processedUpTo }, cfg.commit === 'sync' ? 'async' : cfg.commit);
    return ev;
  }
  batchDone(w, sc, c);
  return ev;
}

function batchDone(w: KW, sc: KafkaScenario, c: C) {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  if (cfg.transform && w.d.producers[cfg.transform.producer].txnId !== null && cl.group) {
    // Consume-transform-produce (KIP-447): the consumed offsets are committed inside the transaction.
    const offsets: Record<string, number> = {};
    for (const r of cl.batch) offsets[r.tp] = Math.max(offsets[r.tp] ?? 0, r.offset + 1);
    txnSendOffsets(w, sc, cfg.transform.producer, cl.group, offsets, cl.memberId, cl.generation);
    cl.app = 'committing';
    cl.waitingForProducer = true;
    txnCommitForApp(w, sc, cfg.transform.producer);
    return;
  }
  if (cfg.commit !== 'none' && cfg.commitWhen === 'after') {
    const sent = sendCommit(w, sc, c, ownedPositions(c), cfg.commit);
    if (cfg.commit === 'sync' && sent) {
      cl.app = 'committing';
      return;
    }
  }
  afterCommit(w, sc, c);
}

/** commitSync returned (or nothing to wait for): back to poll(), or, for commit-before, on to processing. */
function afterCommit(w: KW, sc: KafkaScenario, c: C) {
  const cl = c.client;
  const cfg = cfgOf(sc, c);
  if (cfg.commitWhen === 'before' && cl.processed < cl.batch.length && cl.app === 'committing') {
    cl.app = 'processing';
    scheduleProcess(w, c);
    return;
  }
  cl.app = 'polling';
  cl.batch = [];
  cl.processed = 0;
  wakePoll(w, c);
}

/** The transactional producer of a consume-transform-produce app finished initTransactions or a commit/abort. */
export function onProducerReady(w: KW, sc: KafkaScenario, producer: string, error: string | null) {
  for (const c of Object.values(w.d.consumers)) {
    if (!c.client || cfgOf(sc, c).transform?.producer !== producer || !c.client.waitingForProducer) continue;
    const cl = c.client;
    cl.waitingForProducer = false;
    if (error !== null) {
      // Fenced (a newer instance took over): the application must close; it stops consuming.
      cl.app = 'closed';
      continue;
    }
    afterCommit(w, sc, c as C);
  }
}

export function offsetFetchRetry(w: KW, c: C, inc: number): EventData {
  const cl = c.client;
  if (inc !== cl.incarnation || cl.awaitingOffsets.length === 0) return { kind: 'kafka.app.idle', args: { consumer: c.id }, bg: true, nodes: [c.id] };
  sendOffsetFetch(w, c, [...cl.awaitingOffsets]);
  return { kind: 'kafka.app.offsets.ask', args: { consumer: c.id, tps: [...cl.awaitingOffsets] }, nodes: [c.id] };
}

// ---------------------------------------------------------------- fetch answers

export function onClientFetchResponse(
  w: KW,
  sc: KafkaScenario,
  c: C,
  from: string,
  body: { tp: string; error: string | null; records: LogEntry[]; hw: number; fetchOffset?: number; nextOffset?: number; aborted?: AbortedTxn[]; lso?: number },
): EventData {
  const cl = c.client;
  const tp = body.tp;
  c.fetching = c.fetching.filter((x) => x !== tp);
  const nodes = [c.id, from];
  const current = active(c).includes(tp) && (body.fetchOffset ?? -1) === Math.max(c.positions[tp] ?? -1, cl.fetchedUpTo[tp] ?? 0);
  if (cl.app === 'crashed' || !current) return { kind: 'kafka.app.fetch.discard', args: { consumer: c.id, tp, reason: cl.app === 'crashed' ? 'crashed' : 'revoked or moved' }, nodes, bg: true };
  if (body.error) {
    const cfg = cfgOf(sc, c);
    let reset: number | null = null;
    if (body.error === 'OFFSET_OUT_OF_RANGE') {
      reset = cfg.reset === 'earliest' ? 0 : cfg.reset === 'latest' ? body.hw : null;
      if (reset !== null) c.positions[tp] = reset;
    }
    wakePoll(w, c, RETRY_BACKOFF_MS);
    return { kind: 'kafka.consumer.error', args: { consumer: c.id, leader: from, tp, error: body.error, reset }, nodes };
  }
  const cfg = cfgOf(sc, c);
  const visible = visibleRecords(body.records, cfg.readCommitted, body.aborted ?? []);
  const skipped = body.records.filter((e) => !e.control && !visible.includes(e)).map((e) => e.id);
  const recs: PolledRecord[] = visible.map((e) => ({ tp, offset: e.offset, id: e.id, producer: e.producer }));
  if (recs.length) (cl.buffer[tp] ??= []).push(...recs);
  const next = body.nextOffset ?? (body.records.length ? body.records[body.records.length - 1].offset + 1 : body.fetchOffset ?? 0);
  cl.fetchedUpTo[tp] = Math.max(cl.fetchedUpTo[tp] ?? 0, next);
  if (body.records.length) c.lastFetch = { tp, from: body.records[0].offset, to: body.records[body.records.length - 1].offset + 1, hw: body.hw };
  wakePoll(w, c);
  const ids = recs.map((r) => r.id);
  return {
    kind: 'kafka.app.fetched',
    args: { consumer: c.id, leader: from, tp, ids, skipped, hw: body.hw, lso: body.lso ?? body.hw, readCommitted: cfg.readCommitted },
    nodes,
    messages: ids,
    bg: ids.length === 0 && skipped.length === 0,
  };
}
