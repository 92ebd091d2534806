/**
 * Transactions (KIP-98, with KIP-447's consume-transform-produce): the transactional producer's side
 * (initTransactions, begin, AddPartitionsToTxn before the first record to a partition, sendOffsetsToTransaction,
 * commit / abort) and the transaction coordinator on the broker leading the transactional id's
 * `__transaction_state` partition (InitProducerId with epoch bump, the TransactionState machine, WriteTxnMarkers).
 *
 * Traps:
 * - InitProducerId bumps the epoch. If the previous instance left a transaction open, the coordinator aborts it
 *   first (ABORT markers carry the new epoch), and only then answers: that is what fences a zombie — its later
 *   requests carry the old epoch (PRODUCER_FENCED at the coordinator, INVALID_PRODUCER_EPOCH at a partition leader).
 * - Records of an open transaction hold the partition's LSO back; read_committed consumers see nothing past
 *   them until the marker is written and replicated below the HW.
 */
import { recordAck } from '../core/outcome';
import { send, timer } from '../core/world';
import type { EventData } from '../core/types';
import { resolve } from './config';
import { appendLocal } from './broker';
import { applyTxnOffsets } from './coordinator';
import { onProducerReady } from './group-consumer';
import { producerLc, txnLc } from './machines';
import type { ConsumerState, ProducerState, TxnMeta } from './model';
import { drain } from './producer';
import type { KafkaScenario } from './schema';
import { CONSUMER_OFFSETS, TRANSACTION_STATE, internalPartitionFor } from './txnlog';
import type { KW } from './util';

const RETRY_MS = 100;
/** The coordinator re-sends markers that got no answer after this long. */
const MARKER_RETRY_MS = 1000;

export const txnStatePartitionOf = (sc: KafkaScenario, txnId: string) => `${TRANSACTION_STATE}-${internalPartitionFor(txnId, resolve(sc).broker.txnPartitions)}`;

export function createTxn(w: KW, sc: KafkaScenario, txnId: string, index: number): TxnMeta {
  const stateTp = txnStatePartitionOf(sc, txnId);
  return { txnId, coordinator: w.d.partitions[stateTp].leader ?? '', stateTp, pid: 3000 + index, epoch: -1, state: txnLc.initial, partitions: [], groups: [], pendingMarkers: [], completed: 0, producer: '', result: null };
}

const metaOf = (w: KW, p: ProducerState) => w.d.transactions[p.txnId!];
const coordinatorOf = (w: KW, p: ProducerState) => w.d.partitions[metaOf(w, p).stateTp].leader;

function toCoordinator(w: KW, p: ProducerState, body: Record<string, unknown> & { type: string }): boolean {
  const to = coordinatorOf(w, p);
  if (to === null) return false;
  send(w, p.id, to, { txnId: p.txnId, pid: p.pid, epoch: p.epoch, messages: [], ...body });
  return true;
}

/** Appends a transaction state record (the `__transaction_state` log is how a new coordinator recovers). */
function logState(w: KW, sc: KafkaScenario, m: TxnMeta) {
  appendLocal(w, sc, m.coordinator, m.stateTp, [
    { id: `${m.txnId}:${m.state}#${m.epoch}`, producer: m.coordinator, pid: -1, seq: -1, key: `txn:${m.txnId}`, value: `pid=${m.pid} epoch=${m.epoch} state=${m.state} partitions=[${m.partitions.join(',')}]` },
  ]);
}

function ready(w: KW, broker: string, m: TxnMeta): boolean {
  const r = w.d.partitions[m.stateTp].replicaStates[broker];
  if (!r || r.state !== 'Leader') return false;
  m.coordinator = broker;
  return true;
}

// ---------------------------------------------------------------- producer side

export const fenceProducer = (w: KW, sc: KafkaScenario, p: ProducerState) => fatal(w, sc, p, 'PRODUCER_FENCED');

function fatal(w: KW, sc: KafkaScenario, p: ProducerState, error: string) {
  if (p.state !== 'FATAL_ERROR') p.state = producerLc.next(p.state, 'producer.fatal');
  p.fatal = error;
  for (const r of p.queue) recordAck(w.outcome, r.id, false, error);
  p.queue = [];
  p.pendingAdd = null;
  p.pendingOffsets = null;
  p.endTxnSent = false;
  onProducerReady(w, sc, p.id, error);
}

/** initTransactions(): InitProducerId to the transaction coordinator. */
export function txnInit(w: KW, sc: KafkaScenario, producer: string): EventData {
  const p = w.d.producers[producer];
  if (p.state !== 'UNINITIALIZED') return { kind: 'kafka.txn.init.noop', args: { producer, state: p.state }, nodes: [producer] };
  p.state = producerLc.next(p.state, 'producer.initProducerId');
  const sent = toCoordinator(w, p, { type: 'InitProducerId' });
  if (!sent) timer(w, RETRY_MS, 'txn.retry', { node: producer, data: { what: 'init' } });
  return { kind: 'kafka.txn.init', args: { producer, txnId: p.txnId!, coordinator: coordinatorOf(w, p) ?? '', stateTp: metaOf(w, p).stateTp }, nodes: [producer] };
}

/** For a consume-transform-produce app: returns true if it must wait for initTransactions first. */
export function txnInitForApp(w: KW, sc: KafkaScenario, c: ConsumerState): boolean {
  const tf = resolve(sc).consumers[c.id].transform;
  if (!tf) return false;
  const p = w.d.producers[tf.producer];
  if (p.txnId === null) return false;
  if (p.state === 'UNINITIALIZED') txnInit(w, sc, p.id);
  return p.state === 'INITIALIZING';
}

export function txnBegin(w: KW, sc: KafkaScenario, producer: string): EventData {
  const p = w.d.producers[producer];
  if (!producerLc.can(p.state, 'producer.beginTransaction')) return { kind: 'kafka.txn.illegal', args: { producer, op: 'beginTransaction', state: p.state, fatal: p.fatal ?? '' }, nodes: [producer], markers: ['error'] };
  p.state = producerLc.next(p.state, 'producer.beginTransaction');
  p.txnPartitions = [];
  void sc;
  return { kind: 'kafka.txn.begin', args: { producer, txnId: p.txnId!, epoch: p.epoch }, nodes: [producer] };
}

/** sendOffsetsToTransaction(offsets, groupMetadata): AddOffsetsToTxn, then TxnOffsetCommit to the group coordinator. */
export function txnSendOffsets(w: KW, sc: KafkaScenario, producer: string, group: string, offsets: Record<string, number>, memberId: string, generation: number): EventData {
  const p = w.d.producers[producer];
  if (p.state !== 'IN_TRANSACTION') return { kind: 'kafka.txn.illegal', args: { producer, op: 'sendOffsetsToTransaction', state: p.state, fatal: p.fatal ?? '' }, nodes: [producer], markers: ['error'] };
  p.pendingOffsets = { group, offsets: { ...offsets }, stage: 'add', sent: false };
  (p as ProducerState & { offsetsMember?: { memberId: string; generation: number } }).offsetsMember = { memberId, generation };
  drain(w, sc, p);
  return { kind: 'kafka.txn.sendOffsets', args: { producer, group, tps: Object.keys(offsets), offsets: Object.values(offsets) }, nodes: [producer] };
}

export function txnSendOffsetsStep(w: KW, sc: KafkaScenario, producer: string, consumer: string): EventData {
  const c = w.d.consumers[consumer];
  const offsets: Record<string, number> = {};
  const tps = c.client ? (c.client.mode === 'subscribe' ? c.client.owned : c.assignment) : c.assignment;
  for (const tp of tps) if (c.positions[tp] !== undefined) offsets[tp] = c.positions[tp];
  const group = resolve(sc).consumers[consumer].groupId!;
  return txnSendOffsets(w, sc, producer, group, offsets, c.client?.memberId ?? '', c.client?.generation ?? -1);
}

/** commitTransaction() / abortTransaction(): flush, then EndTxn once every request of the transaction is answered. */
export function txnEnd(w: KW, sc: KafkaScenario, producer: string, commit: boolean): EventData {
  const p = w.d.producers[producer];
  const ev = commit ? 'producer.commit' : 'producer.abort';
  if (!producerLc.can(p.state, ev)) return { kind: 'kafka.txn.illegal', args: { producer, op: commit ? 'commitTransaction' : 'abortTransaction', state: p.state, fatal: p.fatal ?? '' }, nodes: [producer], markers: ['error'] };
  p.state = producerLc.next(p.state, ev);
  if (!commit) {
    // abortTransaction(): records not sent yet are failed (TransactionAbortedException).
    for (const r of p.queue) recordAck(w.outcome, r.id, false, 'TRANSACTION_ABORTED');
    p.queue = [];
    p.pendingOffsets = null;
  }
  maybeEndTxn(w, sc, p);
  return { kind: commit ? 'kafka.txn.commit' : 'kafka.txn.abort', args: { producer, txnId: p.txnId!, epoch: p.epoch, partitions: [...p.txnPartitions], pending: p.queue.length + p.inFlight.length }, nodes: [producer] };
}

export function txnCommitForApp(w: KW, sc: KafkaScenario, producer: string) {
  txnEnd(w, sc, producer, true);
}

function maybeEndTxn(w: KW, sc: KafkaScenario, p: ProducerState) {
  if (p.state !== 'COMMITTING_TRANSACTION' && p.state !== 'ABORTING_TRANSACTION') return;
  if (p.endTxnSent || p.queue.length || p.inFlight.length || p.pendingAdd !== null || p.pendingOffsets !== null) return;
  if (p.txnPartitions.length === 0) {
    // Nothing was added: the transaction ends on the client without an EndTxn.
    p.state = producerLc.next(p.state, 'producer.completed');
    onProducerReady(w, sc, p.id, null);
    return;
  }
  p.endTxnSent = true;
  toCoordinator(w, p, { type: 'EndTxn', commit: p.state === 'COMMITTING_TRANSACTION' });
}

/**
 * Hook of the producer's drain(): which partitions a transactional producer may send to now. Partitions not yet
 * in the transaction go to the coordinator in one AddPartitionsToTxn; the offsets of sendOffsetsToTransaction
 * follow; EndTxn goes last.
 */
export function txnGate(w: KW, sc: KafkaScenario, p: ProducerState): void {
  if (p.txnId === null) return;
  if (p.state === 'IN_TRANSACTION' || p.state === 'COMMITTING_TRANSACTION') {
    const need = [...new Set(p.queue.map((r) => r.tp).filter((tp) => !p.txnPartitions.includes(tp)))];
    if (need.length && p.pendingAdd === null && p.queue.every((r) => r.retryAt <= w.time)) {
      p.pendingAdd = need;
      toCoordinator(w, p, { type: 'AddPartitionsToTxn', partitions: need });
    }
    const po = p.pendingOffsets;
    if (po && !po.sent && p.pendingAdd === null) {
      po.sent = true;
      if (po.stage === 'add') toCoordinator(w, p, { type: 'AddOffsetsToTxn', group: po.group });
      else {
        const m = (p as ProducerState & { offsetsMember?: { memberId: string; generation: number } }).offsetsMember ?? { memberId: '', generation: -1 };
        const g = w.d.groups[po.group];
        const to = w.d.partitions[g.offsetsTp].leader;
        if (to !== null) send(w, p.id, to, { type: 'TxnOffsetCommit', group: po.group, txnId: p.txnId, pid: p.pid, epoch: p.epoch, offsets: po.offsets, memberId: m.memberId, generation: m.generation, requestId: 0, messages: [] });
      }
    }
  }
  maybeEndTxn(w, sc, p);
}

/** Whether a queued record of a transactional producer may be sent (its partition is in the transaction). */
export const txnMaySend = (p: ProducerState, tp: string) => p.txnId === null || p.txnPartitions.includes(tp);

export function onTxnResponse(w: KW, sc: KafkaScenario, producer: string, from: string, body: Record<string, unknown> & { type: string }): EventData {
  const p = w.d.producers[producer];
  const error = (body.error as string | null) ?? null;
  const nodes = [producer, from];
  const base = { producer, txnId: p.txnId ?? '', type: body.type, error, epoch: p.epoch };
  if (p.state === 'FATAL_ERROR' && body.type !== 'InitProducerIdResponse') return { kind: 'kafka.txn.ignored', args: base, nodes, bg: true };
  if (error === 'PRODUCER_FENCED' || error === 'INVALID_PRODUCER_EPOCH' || error === 'INVALID_PRODUCER_ID_MAPPING') {
    fatal(w, sc, p, 'PRODUCER_FENCED');
    return { kind: 'kafka.txn.fenced', args: { ...base, error }, nodes, markers: ['error'] };
  }
  const retry = error === 'CONCURRENT_TRANSACTIONS' || error === 'COORDINATOR_NOT_AVAILABLE' || error === 'NOT_COORDINATOR' || error === 'COORDINATOR_LOAD_IN_PROGRESS';
  switch (body.type) {
    case 'InitProducerIdResponse':
      if (p.state !== 'INITIALIZING') return { kind: 'kafka.txn.ignored', args: base, nodes, bg: true };
      if (retry) {
        timer(w, RETRY_MS, 'txn.retry', { node: producer, data: { what: 'init' } });
        break;
      }
      p.pid = Number(body.pid);
      p.epoch = Number(body.producerEpoch);
      p.nextSeq = {};
      p.state = producerLc.next(p.state, 'producer.producerIdAssigned');
      onProducerReady(w, sc, producer, null);
      return { kind: 'kafka.txn.initialized', args: { ...base, pid: p.pid, epoch: p.epoch }, nodes };
    case 'AddPartitionsToTxnResponse':
      if (retry) {
        p.pendingAdd = null;
        for (const r of p.queue) r.retryAt = w.time + RETRY_MS;
        break;
      }
      p.txnPartitions.push(...(p.pendingAdd ?? []));
      p.pendingAdd = null;
      break;
    case 'AddOffsetsToTxnResponse':
      if (p.pendingOffsets) {
        p.pendingOffsets.sent = false;
        if (!retry) p.pendingOffsets.stage = 'commit';
        if (retry) timer(w, RETRY_MS, 'txn.retry', { node: producer, data: { what: 'drain' } });
        if (!retry && !p.txnPartitions.includes(w.d.groups[p.pendingOffsets.group].offsetsTp)) p.txnPartitions.push(w.d.groups[p.pendingOffsets.group].offsetsTp);
      }
      break;
    case 'TxnOffsetCommitResponse':
      if (error !== null && !retry) {
        // KIP-447: a stale generation means this instance lost its partitions: the transaction must abort.
        p.pendingOffsets = null;
        if (p.state === 'COMMITTING_TRANSACTION') p.state = 'ABORTING_TRANSACTION';
        break;
      }
      if (retry && p.pendingOffsets) {
        p.pendingOffsets.sent = false;
        timer(w, RETRY_MS, 'txn.retry', { node: producer, data: { what: 'drain' } });
      } else p.pendingOffsets = null;
      break;
    case 'EndTxnResponse':
      p.endTxnSent = false;
      if (retry) {
        timer(w, RETRY_MS, 'txn.retry', { node: producer, data: { what: 'drain' } });
        break;
      }
      p.state = producerLc.next(p.state, 'producer.completed');
      p.txnPartitions = [];
      onProducerReady(w, sc, producer, null);
      return { kind: 'kafka.txn.ended', args: { ...base, committed: body.commit === true }, nodes, markers: ['commit'] };
  }
  drain(w, sc, p);
  return { kind: 'kafka.txn.response', args: { ...base, retry }, nodes, markers: error ? ['error'] : undefined };
}

export function txnRetry(w: KW, sc: KafkaScenario, producer: string, what: string): EventData {
  const p = w.d.producers[producer];
  if (what === 'init' && p.state === 'INITIALIZING') {
    if (!toCoordinator(w, p, { type: 'InitProducerId' })) timer(w, RETRY_MS, 'txn.retry', { node: producer, data: { what } });
  } else drain(w, sc, p);
  return { kind: 'kafka.txn.retry', args: { producer, what }, nodes: [producer], bg: true };
}

// ---------------------------------------------------------------- the transaction coordinator

export function onTxnRequest(w: KW, sc: KafkaScenario, broker: string, from: string, body: Record<string, unknown> & { type: string }): EventData {
  const m = w.d.transactions[String(body.txnId)];
  const nodes = [from, broker];
  const respond = (error: string | null, extra: Record<string, unknown> = {}) => send(w, broker, from, { type: `${body.type}Response`, txnId: m.txnId, error, messages: [], ...extra });
  const base = { txnId: m.txnId, producer: from, coordinator: broker, type: body.type };
  if (!ready(w, broker, m)) {
    respond('NOT_COORDINATOR');
    return { kind: 'kafka.txn.reject', args: { ...base, error: 'NOT_COORDINATOR', epoch: Number(body.epoch ?? -1), current: m.epoch }, nodes, markers: ['error'] };
  }
  if (body.type === 'InitProducerId') {
    if (m.state === 'PrepareCommit' || m.state === 'PrepareAbort') {
      respond('CONCURRENT_TRANSACTIONS');
      return { kind: 'kafka.txn.coordinator.init', args: { ...base, pid: m.pid, epoch: m.epoch, aborting: false, state: m.state, waiting: true }, nodes };
    }
    m.epoch++;
    m.producer = from;
    if (m.state === 'Ongoing') {
      // The previous instance left a transaction open: abort it with the new epoch (this fences it);
      // the client retries InitProducerId (CONCURRENT_TRANSACTIONS) and gets the epoch after that.
      m.state = txnLc.next(m.state, 'txn.prepareAbort');
      m.result = 'ABORT';
      logState(w, sc, m);
      writeMarkers(w, m);
      respond('CONCURRENT_TRANSACTIONS');
      return { kind: 'kafka.txn.coordinator.init', args: { ...base, pid: m.pid, epoch: m.epoch, aborting: true, state: m.state, waiting: true }, nodes, markers: ['error'] };
    }
    logState(w, sc, m);
    respond(null, { pid: m.pid, producerEpoch: m.epoch });
    return { kind: 'kafka.txn.coordinator.init', args: { ...base, pid: m.pid, epoch: m.epoch, aborting: false, state: m.state, waiting: false }, nodes };
  }
  const epoch = Number(body.epoch);
  if (Number(body.pid) !== m.pid || epoch < m.epoch) {
    respond('PRODUCER_FENCED');
    return { kind: 'kafka.txn.reject', args: { ...base, error: 'PRODUCER_FENCED', epoch, current: m.epoch }, nodes, markers: ['error'] };
  }
  if (m.state === 'PrepareCommit' || m.state === 'PrepareAbort') {
    respond('CONCURRENT_TRANSACTIONS');
    return { kind: 'kafka.txn.reject', args: { ...base, error: 'CONCURRENT_TRANSACTIONS', epoch, current: m.epoch }, nodes, markers: ['error'] };
  }
  switch (body.type) {
    case 'AddPartitionsToTxn':
    case 'AddOffsetsToTxn': {
      const add = body.type === 'AddPartitionsToTxn' ? (body.partitions as string[]) : [w.d.groups[String(body.group)].offsetsTp];
      if (m.state !== 'Ongoing') {
        m.state = txnLc.next(m.state, 'txn.add');
        m.partitions = [];
        m.groups = [];
      }
      for (const tp of add) if (!m.partitions.includes(tp)) m.partitions.push(tp);
      if (body.type === 'AddOffsetsToTxn' && !m.groups.includes(String(body.group))) m.groups.push(String(body.group));
      logState(w, sc, m);
      respond(null);
      return { kind: 'kafka.txn.coordinator.add', args: { ...base, partitions: add, all: [...m.partitions], state: m.state }, nodes };
    }
    case 'EndTxn': {
      const commit = body.commit === true;
      if (m.state !== 'Ongoing') {
        // A retried EndTxn after completion answers success; anything else is a state error.
        const same = (m.state === 'CompleteCommit') === commit;
        respond(same ? null : 'INVALID_TXN_STATE', { commit });
        return { kind: 'kafka.txn.reject', args: { ...base, error: same ? 'NONE' : 'INVALID_TXN_STATE', epoch, current: m.epoch }, nodes };
      }
      m.state = txnLc.next(m.state, commit ? 'txn.prepareCommit' : 'txn.prepareAbort');
      m.result = commit ? 'COMMIT' : 'ABORT';
      logState(w, sc, m);
      // The answer goes out once PrepareCommit/PrepareAbort is in the log; the markers follow.
      respond(null, { commit });
      writeMarkers(w, m);
      return { kind: 'kafka.txn.coordinator.prepare', args: { ...base, result: m.result, partitions: [...m.partitions], state: m.state }, nodes, markers: ['commit'] };
    }
    default:
      throw new Error(`unknown transaction request ${body.type}`);
  }
}

function writeMarkers(w: KW, m: TxnMeta) {
  m.pendingMarkers = [...m.partitions];
  for (const tp of m.partitions) sendMarker(w, m, tp);
  if (m.partitions.length) timer(w, MARKER_RETRY_MS, 'txn.markerCheck', { data: { txnId: m.txnId, epoch: m.epoch }, bg: true });
}

function sendMarker(w: KW, m: TxnMeta, tp: string) {
  const leader = w.d.partitions[tp].leader;
  if (leader === null) return;
  send(w, m.coordinator, leader, { type: 'WriteTxnMarkers', txnId: m.txnId, pid: m.pid, epoch: m.epoch, result: m.result, tp, messages: [] });
}

export function markerCheck(w: KW, txnId: string): EventData {
  const m = w.d.transactions[txnId];
  if (m.pendingMarkers.length === 0) return { kind: 'kafka.txn.markerCheck', args: { txnId, resent: [] }, bg: true };
  for (const tp of m.pendingMarkers) sendMarker(w, m, tp);
  timer(w, MARKER_RETRY_MS, 'txn.markerCheck', { data: { txnId, epoch: m.epoch }, bg: true });
  return { kind: 'kafka.txn.markerCheck', args: { txnId, resent: [...m.pendingMarkers] }, bg: false, nodes: [m.coordinator] };
}

/** At a partition leader: append the COMMIT / ABORT control record; on `__consumer_offsets` it also applies or drops the transaction's offsets. */
export function onWriteTxnMarkers(w: KW, sc: KafkaScenario, broker: string, from: string, body: { txnId: string; pid: number; epoch: number; result: 'COMMIT' | 'ABORT'; tp: string }): EventData {
  const written = appendLocal(w, sc, broker, body.tp, [{ id: `${body.result}(${body.txnId})`, producer: body.txnId, pid: body.pid, seq: -1, key: null, control: body.result, producerEpoch: body.epoch }]);
  const error = written ? null : 'NOT_LEADER_OR_FOLLOWER';
  const applied = written && body.tp.startsWith(`${CONSUMER_OFFSETS}-`) ? applyTxnOffsets(w, body.tp, body.pid, body.result) : [];
  send(w, broker, from, { type: 'WriteTxnMarkersResponse', txnId: body.txnId, tp: body.tp, epoch: body.epoch, error, messages: [] });
  const r = w.d.partitions[body.tp].replicaStates[broker];
  return { kind: 'kafka.txn.marker', args: { txnId: body.txnId, tp: body.tp, leader: broker, result: body.result, offset: written ? written[0].offset : -1, error, applied, hw: r?.hw ?? -1 }, nodes: [from, broker], markers: error ? ['error'] : ['commit'] };
}

export function onWriteTxnMarkersResponse(w: KW, sc: KafkaScenario, broker: string, from: string, body: { txnId: string; tp: string; epoch: number; error: string | null }): EventData {
  const m = w.d.transactions[body.txnId];
  if (body.error !== null || body.epoch !== m.epoch || !m.pendingMarkers.includes(body.tp)) return { kind: 'kafka.txn.markerAck', args: { txnId: m.txnId, tp: body.tp, error: body.error, done: false }, nodes: [from, broker], bg: body.error === null };
  m.pendingMarkers = m.pendingMarkers.filter((x) => x !== body.tp);
  if (m.pendingMarkers.length) return { kind: 'kafka.txn.markerAck', args: { txnId: m.txnId, tp: body.tp, error: null, done: false }, nodes: [from, broker] };
  const result = m.result;
  m.state = txnLc.next(m.state, 'txn.complete');
  m.completed++;
  logState(w, sc, m);
  m.partitions = [];
  m.groups = [];
  return { kind: 'kafka.txn.complete', args: { txnId: m.txnId, result: result ?? '', state: m.state, epoch: m.epoch, coordinator: broker }, nodes: [broker], markers: ['commit'] };
}
