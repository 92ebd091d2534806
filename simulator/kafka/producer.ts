/**
 * The producer: partitioning, the accumulator (one record per batch/request here), in-flight
 * requests per connection (max.in.flight.requests.per.connection), acks, retries with backoff,
 * request.timeout.ms and delivery.timeout.ms, and idempotence (KIP-98: producer id + per-partition
 * sequence numbers; a retried batch goes out again only when it is the first in flight).
 */
import { int } from '../core/rng';
import { recordAck, recordRouted, recordSent } from '../core/outcome';
import { removeWhere, send, timer } from '../core/world';
import type { EventData } from '../core/types';
import { METADATA_BACKOFF_MS, resolve, type ProducerCfg } from './config';
import type { InFlightRequest, ProducerRecord, ProducerState } from './model';
import { murmur2, toPositive, utf8 } from './partitioner';
import type { KafkaScenario } from './schema';
import { nextRequestId, tpName, type KW } from './util';
import { fenceProducer, txnGate, txnMaySend } from './txn';

/** Errors the Java client retries (RetriableException subclasses, plus the disconnect we model on timeouts). */
export const RETRIABLE = new Set(['NOT_ENOUGH_REPLICAS', 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', 'REQUEST_TIMED_OUT', 'NOT_LEADER_OR_FOLLOWER', 'NETWORK_EXCEPTION', 'OUT_OF_ORDER_SEQUENCE_NUMBER']);
/** KIP-580 caps the exponential retry backoff at retry.backoff.max.ms (default 1000). */
const RETRY_BACKOFF_MAX_MS = 1000;

const unit = (producer: string, tp: string) => `${producer}|${tp}`;

/** Picks the partition: explicit, murmur2 of the key, or the sticky partition for null keys. */
function choosePartition(w: KW, p: ProducerState, topic: string, key: string | null | undefined, explicit: number | undefined) {
  const n = w.d.topics[topic].partitions;
  if (explicit !== undefined) return { partition: explicit, how: 'explicit', hash: null as number | null };
  if (key !== null && key !== undefined) {
    const hash = murmur2(utf8(key));
    return { partition: toPositive(hash) % n, how: 'key', hash };
  }
  // Sticky partitioner (KIP-480/KIP-794): null-key records stick to one partition until its batch is
  // sent; every produce step here is its own batch, so a fresh partition is drawn (seeded RNG) after
  // each record, preferring partitions that have a leader.
  const prev = p.sticky[topic];
  const candidates = Array.from({ length: n }, (_, i) => i).filter((i) => w.d.partitions[tpName(topic, i)].leader !== null);
  const pool = candidates.length ? candidates : Array.from({ length: n }, (_, i) => i);
  const partition = prev !== undefined && pool.includes(prev) ? prev : pool[int(w, pool.length)];
  p.sticky[topic] = pool[int(w, pool.length)];
  return { partition, how: 'sticky', hash: null };
}

export function produce(w: KW, sc: KafkaScenario, step: { producer: string; topic: string; id: string; key?: string | null; partition?: number }): EventData {
  const p = w.d.producers[step.producer];
  const cfg = resolve(sc).producers[p.id];
  const key = step.key ?? null;
  if (p.txnId !== null && p.state !== 'IN_TRANSACTION') {
    // KafkaProducer.send() outside a transaction throws (IllegalStateException), or the fatal error once fenced.
    const error = p.state === 'FATAL_ERROR' ? (p.fatal === 'PRODUCER_FENCED' ? 'PRODUCER_FENCED' : 'PRODUCER_CLOSED') : 'ILLEGAL_STATE';
    recordSent(w.outcome, step.id);
    recordAck(w.outcome, step.id, false, error);
    return { kind: 'kafka.produce.refused', args: { producer: p.id, id: step.id, state: p.state, error }, nodes: [p.id], messages: [step.id], markers: ['error'] };
  }
  const choice = choosePartition(w, p, step.topic, key, step.partition);
  const tp = tpName(step.topic, choice.partition);
  const seq = cfg.idempotence ? (p.nextSeq[tp] = (p.nextSeq[tp] ?? -1) + 1) : -1;
  const rec: ProducerRecord = { id: step.id, tp, key, seq, createdAt: w.time, attempts: 0, retryAt: w.time, lastError: null };
  recordSent(w.outcome, step.id, unit(p.id, tp));
  recordRouted(w.outcome, step.id, [tp]);
  p.queue.push(rec);
  const sent = drain(w, sc, p);
  return {
    kind: 'kafka.produce',
    args: { producer: p.id, id: step.id, tp, key, how: choice.how, hash: choice.hash, seq, acks: cfg.acks === -1 ? 'all' : String(cfg.acks), leader: p.metadata[tp] ?? null, sent: sent.includes(step.id) },
    nodes: [p.id],
    messages: [step.id],
    markers: cfg.acks === 0 && sent.includes(step.id) ? ['ack'] : undefined,
  };
}

function leaderFor(w: KW, p: ProducerState, tp: string): string | null {
  let leader = p.metadata[tp];
  if (leader === null || leader === undefined) leader = p.metadata[tp] = w.d.partitions[tp].leader;
  return leader;
}

/** Sends every queued record that may go now; returns their ids. */
export function drain(w: KW, sc: KafkaScenario, p: ProducerState): string[] {
  const cfg = resolve(sc).producers[p.id];
  const sent: string[] = [];
  txnGate(w, sc, p);
  if (p.queue.length === 0) {
    scheduleTimer(w, sc, p);
    return sent;
  }
  const blocked = new Set<string>();
  const keep: ProducerRecord[] = [];
  const perBroker: Record<string, number> = {};
  for (const r of p.inFlight) perBroker[r.broker] = (perBroker[r.broker] ?? 0) + 1;
  const brokers = w.d.brokerOrder.length;
  let full = 0;
  for (const b in perBroker) if (perBroker[b] >= cfg.maxInFlight) full++;
  for (let i = 0; i < p.queue.length; i++) {
    const rec = p.queue[i];
    if (full >= brokers) {
      // Every connection is at max.in.flight: nothing else can go now.
      for (; i < p.queue.length; i++) keep.push(p.queue[i]);
      break;
    }
    const leader = blocked.has(rec.tp) || rec.retryAt > w.time ? null : leaderFor(w, p, rec.tp);
    const ok =
      leader !== null &&
      SENDING.has(p.state) &&
      txnMaySend(p, rec.tp) &&
      (perBroker[leader] ?? 0) < cfg.maxInFlight &&
      !(cfg.idempotence && rec.attempts > 0 && p.inFlight.some((r) => r.record.tp === rec.tp && r.record.seq < rec.seq));
    if (!ok) {
      // Per-partition FIFO: a record that cannot go holds back the later ones of its partition.
      blocked.add(rec.tp);
      keep.push(rec);
      continue;
    }
    rec.attempts++;
    const requestId = nextRequestId(w);
    const record = p.txnId === null ? { id: rec.id, key: rec.key, pid: p.pid, seq: rec.seq } : { id: rec.id, key: rec.key, pid: p.pid, seq: rec.seq, epoch: p.epoch, txn: true };
    send(w, p.id, leader!, { type: 'ProduceRequest', requestId, tp: rec.tp, record, acks: cfg.acks, timeoutMs: cfg.requestTimeoutMs, messages: [rec.id] });
    sent.push(rec.id);
    // acks=0: fire and forget; the client reports success as soon as the request is written.
    if (cfg.acks === 0) recordAck(w.outcome, rec.id, true);
    else {
      p.inFlight.push({ requestId, broker: leader!, sentAt: w.time, record: rec });
      perBroker[leader!] = (perBroker[leader!] ?? 0) + 1;
      if (perBroker[leader!] === cfg.maxInFlight) full++;
    }
  }
  p.queue = keep;
  scheduleTimer(w, sc, p);
  if (p.txnId !== null) txnGate(w, sc, p);
  return sent;
}

/** Producer states in which records may go out (a transactional producer sends only inside a transaction). */
const SENDING = new Set(['READY', 'IN_TRANSACTION', 'COMMITTING_TRANSACTION', 'ABORTING_TRANSACTION']);

/** One pending timer per producer, at its earliest deadline (request timeout, delivery timeout, backoff). */
export function scheduleTimer(w: KW, sc: KafkaScenario, p: ProducerState) {
  const cfg = resolve(sc).producers[p.id];
  let next = Infinity;
  for (const r of p.inFlight) next = Math.min(next, r.sentAt + cfg.requestTimeoutMs);
  for (const r of p.queue) {
    next = Math.min(next, r.createdAt + cfg.deliveryTimeoutMs);
    if (r.retryAt > w.time) next = Math.min(next, r.retryAt);
    else if (!p.metadata[r.tp]) next = Math.min(next, w.time + METADATA_BACKOFF_MS);
  }
  if (next === p.timerAt) return;
  if (next === Infinity || p.timerAt === null || next < p.timerAt) {
    if (p.timerAt !== null) removeWhere(w, (q) => q.kind === 'timer' && q.name === 'producer.timer' && q.node === p.id);
    p.timerAt = null;
    if (next !== Infinity) {
      timer(w, Math.max(0, next - w.time), 'producer.timer', { node: p.id });
      p.timerAt = next;
    }
  }
}

/** Decides what a failed attempt becomes: a retry (re-queued in order) or a final error. */
function fail(w: KW, cfg: ProducerCfg, p: ProducerState, rec: ProducerRecord, error: string): 'retry' | 'failed' {
  const expired = w.time >= rec.createdAt + cfg.deliveryTimeoutMs;
  const retriesUsed = rec.attempts - 1;
  // An out-of-order sequence is only recoverable while an earlier batch of the partition is still
  // pending (it will fill the gap); otherwise the gap is permanent (e.g. the log lost those records).
  const gapPending = p.inFlight.some((r) => r.record.tp === rec.tp && r.record.seq < rec.seq) || p.queue.some((q) => q.tp === rec.tp && q.seq < rec.seq);
  const retriable = RETRIABLE.has(error) && (error !== 'OUT_OF_ORDER_SEQUENCE_NUMBER' || gapPending);
  if (retriable && !expired && (retriesUsed < cfg.retries || error === 'OUT_OF_ORDER_SEQUENCE_NUMBER')) {
    if (error !== 'NOT_ENOUGH_REPLICAS' && error !== 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' && error !== 'OUT_OF_ORDER_SEQUENCE_NUMBER') p.metadata[rec.tp] = null;
    rec.lastError = error;
    rec.retryAt = w.time + Math.min(RETRY_BACKOFF_MAX_MS, cfg.retryBackoffMs * 2 ** Math.max(0, retriesUsed));
    // Re-enqueue at the head of its partition (Kafka's reenqueue); idempotent producers keep sequence order.
    const i = p.queue.findIndex((q) => q.tp === rec.tp && (!cfg.idempotence || q.seq > rec.seq));
    if (i < 0) p.queue.push(rec);
    else p.queue.splice(i, 0, rec);
    return 'retry';
  }
  recordAck(w.outcome, rec.id, false, retriable && expired ? 'DELIVERY_TIMEOUT' : error);
  return 'failed';
}

export function onProduceResponse(w: KW, sc: KafkaScenario, producer: string, from: string, body: { requestId: number; tp: string; error: string | null; offset: number }, ids: string[]): EventData {
  const p = w.d.producers[producer];
  const cfg = resolve(sc).producers[producer];
  const i = p.inFlight.findIndex((r) => r.requestId === body.requestId);
  const id = ids[0];
  if (i < 0) {
    return { kind: 'kafka.produce.late', args: { producer, broker: from, id, tp: body.tp, error: body.error, offset: body.offset }, nodes: [producer, from], messages: [id] };
  }
  const [req] = p.inFlight.splice(i, 1);
  const rec = req.record;
  if (body.error === null) {
    recordAck(w.outcome, rec.id, true);
    drain(w, sc, p);
    return { kind: 'kafka.produce.ack', args: { producer, broker: from, id, tp: body.tp, offset: body.offset, attempts: rec.attempts }, markers: ['ack'], nodes: [producer, from], messages: [id] };
  }
  if (body.error === 'INVALID_PRODUCER_EPOCH' && p.txnId !== null) {
    // A newer instance with the same transactional.id bumped the epoch: this one is a fenced zombie.
    recordAck(w.outcome, rec.id, false, 'INVALID_PRODUCER_EPOCH');
    fenceProducer(w, sc, p);
    return { kind: 'kafka.produce.fenced', args: { producer, broker: from, id, tp: body.tp, epoch: p.epoch }, markers: ['error'], nodes: [producer, from], messages: [id] };
  }
  const outcome = fail(w, cfg, p, rec, body.error);
  drain(w, sc, p);
  return {
    kind: outcome === 'retry' ? 'kafka.produce.retry' : 'kafka.produce.error',
    args: { producer, broker: from, id, tp: body.tp, error: body.error, attempts: rec.attempts, retries: cfg.retries, finalError: w.outcome.fates[id]?.error ?? null, backoffMs: rec.retryAt - w.time },
    markers: ['error'],
    nodes: [producer, from],
    messages: [id],
  };
}

/** The producer's deadline timer: request timeouts (closing the connection), delivery timeouts, retries after backoff. */
export function producerTimer(w: KW, sc: KafkaScenario, producer: string): EventData {
  const p = w.d.producers[producer];
  const cfg = resolve(sc).producers[producer];
  p.timerAt = null;
  const timedOut: string[] = [];
  const retried: string[] = [];
  const failed: string[] = [];
  const expiredBrokers = new Set(p.inFlight.filter((r) => w.time >= r.sentAt + cfg.requestTimeoutMs).map((r) => r.broker));
  const dead: InFlightRequest[] = p.inFlight.filter((r) => expiredBrokers.has(r.broker));
  p.inFlight = p.inFlight.filter((r) => !expiredBrokers.has(r.broker));
  for (const r of dead) {
    // A request timeout closes the connection: the other requests on it fail with a disconnect.
    const error = w.time >= r.sentAt + cfg.requestTimeoutMs ? 'REQUEST_TIMED_OUT' : 'NETWORK_EXCEPTION';
    if (error === 'REQUEST_TIMED_OUT') timedOut.push(r.record.id);
    (fail(w, cfg, p, r.record, error) === 'retry' ? retried : failed).push(r.record.id);
  }
  p.queue = p.queue.filter((r) => {
    if (w.time < r.createdAt + cfg.deliveryTimeoutMs) return true;
    recordAck(w.outcome, r.id, false, 'DELIVERY_TIMEOUT');
    failed.push(r.id);
    return false;
  });
  const sent = drain(w, sc, p);
  const messages = [...new Set([...timedOut, ...retried, ...failed, ...sent])];
  return {
    kind: 'kafka.producer.timer',
    args: { producer, timedOut, retried, failed, sent, requestTimeoutMs: cfg.requestTimeoutMs, deliveryTimeoutMs: cfg.deliveryTimeoutMs },
    markers: timedOut.length || failed.length ? ['error'] : undefined,
    nodes: [producer],
    messages,
    bg: messages.length === 0,
  };
}
