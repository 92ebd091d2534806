/**
 * A simple consumer (manual assignment, no group yet — issue 4 adds the group coordinator beside
 * this module): it fetches from each assigned partition's leader, sees only records below the high
 * watermark, processes them in offset order and advances its position. `consume` polls once;
 * `consumer.start` keeps polling (long polls parked at the leader up to fetch.max.wait.ms).
 */
import { recordDelivered, recordProcessed } from '../core/outcome';
import { send, timer } from '../core/world';
import type { EventData } from '../core/types';
import { resolve } from './config';
import type { ConsumerState, LogEntry } from './model';
import type { KafkaScenario } from './schema';
import { nextRequestId, type KW } from './util';

/** The consumer's request.timeout.ms (a fetch with no answer is sent again after this long). */
export const CONSUMER_REQUEST_TIMEOUT_MS = 30000;
const CONSUMER_TICK_MS = 1000;

/** Expands "orders" / "orders-0" entries into partition names. */
export function assignmentOf(sc: KafkaScenario, assign: string[], partitionsOf: (topic: string) => number): string[] {
  const out: string[] = [];
  for (const a of assign) {
    const n = sc.cluster.topics.some((t) => t.name === a) ? partitionsOf(a) : -1;
    if (n >= 0) for (let i = 0; i < n; i++) out.push(`${a}-${i}`);
    else out.push(a);
  }
  return [...new Set(out)];
}

function startOffset(w: KW, sc: KafkaScenario, c: ConsumerState, tp: string): number | null {
  const reset = resolve(sc).consumers[c.id].reset;
  if (reset === 'none') return null;
  if (reset === 'earliest') return 0;
  const p = w.d.partitions[tp];
  return p.leader === null ? null : p.replicaStates[p.leader].hw;
}

/** Sends a fetch for every assigned partition (or just `only`) that has none outstanding; returns the partitions fetched. */
export function poll(w: KW, sc: KafkaScenario, c: ConsumerState, only?: string): string[] {
  const cfg = resolve(sc).consumers[c.id];
  const fetched: string[] = [];
  for (const tp of only === undefined ? c.assignment : [only]) {
    if (c.fetching.includes(tp)) continue;
    if (c.positions[tp] === undefined) {
      const start = startOffset(w, sc, c, tp);
      if (start === null) continue;
      c.positions[tp] = start;
    }
    const leader = w.d.partitions[tp].leader;
    if (leader === null) continue;
    c.fetching.push(tp);
    c.fetchSentAt[tp] = w.time;
    send(w, c.id, leader, { type: 'FetchRequest', tp, replica: false, requestId: nextRequestId(w), fetchOffset: c.positions[tp], currentLeaderEpoch: -1, maxWaitMs: cfg.fetchWaitMs, messages: [] });
    fetched.push(tp);
  }
  return fetched;
}

export function consumeStep(w: KW, sc: KafkaScenario, step: { do: 'consume' | 'consumer.start' | 'consumer.stop'; consumer: string }): EventData {
  const c = w.d.consumers[step.consumer];
  if (step.do === 'consumer.stop') {
    c.polling = false;
    return { kind: 'kafka.consumer.stop', args: { consumer: c.id }, nodes: [c.id] };
  }
  if (step.do === 'consumer.start' && !c.polling) {
    c.polling = true;
    timer(w, CONSUMER_TICK_MS, 'consumer.tick', { node: c.id, bg: true });
  }
  const fetched = poll(w, sc, c);
  return { kind: step.do === 'consume' ? 'kafka.consumer.poll' : 'kafka.consumer.start', args: { consumer: c.id, tps: fetched, positions: fetched.map((tp) => c.positions[tp]) }, nodes: [c.id] };
}

/** While polling: re-sends fetches that got no answer, and polls partitions that had no leader. */
export function consumerTick(w: KW, sc: KafkaScenario, consumer: string): EventData {
  const c = w.d.consumers[consumer];
  if (!c.polling) return { kind: 'kafka.consumer.idle', args: { consumer }, bg: true, nodes: [consumer] };
  timer(w, CONSUMER_TICK_MS, 'consumer.tick', { node: consumer, bg: true });
  c.fetching = c.fetching.filter((tp) => w.time - (c.fetchSentAt[tp] ?? 0) < CONSUMER_REQUEST_TIMEOUT_MS);
  const fetched = poll(w, sc, c);
  return { kind: 'kafka.consumer.tick', args: { consumer, tps: fetched }, bg: true, nodes: [consumer] };
}

export function onConsumerFetchResponse(
  w: KW,
  sc: KafkaScenario,
  consumer: string,
  from: string,
  body: { tp: string; error: string | null; records: LogEntry[]; hw: number; fetchOffset?: number; leaderLeo?: number },
): EventData {
  const c = w.d.consumers[consumer];
  const tp = body.tp;
  c.fetching = c.fetching.filter((x) => x !== tp);
  const nodes = [consumer, from];
  if (body.error) {
    let reset: number | null = null;
    if (body.error === 'OFFSET_OUT_OF_RANGE') {
      const mode = resolve(sc).consumers[consumer].reset;
      reset = mode === 'earliest' ? 0 : mode === 'latest' ? body.hw : null;
      if (reset !== null) c.positions[tp] = reset;
    }
    // Other errors wait for the next consumer tick (a backoff), so a dead leader is not hammered.
    if (c.polling && reset !== null) poll(w, sc, c, tp);
    return { kind: 'kafka.consumer.error', args: { consumer, leader: from, tp, error: body.error, reset }, nodes };
  }
  const pos = c.positions[tp] ?? 0;
  const recs = body.records.filter((e) => e.offset >= pos);
  for (const e of recs) {
    recordDelivered(w.outcome, e.id);
    recordProcessed(w.outcome, e.id, `${e.producer}|${tp}`);
  }
  if (recs.length) {
    c.positions[tp] = recs[recs.length - 1].offset + 1;
    c.lastFetch = { tp, from: recs[0].offset, to: recs[recs.length - 1].offset + 1, hw: body.hw };
  }
  if (c.polling) poll(w, sc, c, tp);
  const ids = recs.map((e) => e.id);
  return { kind: 'kafka.consumer.records', args: { consumer, leader: from, tp, ids, position: c.positions[tp], hw: body.hw }, nodes, messages: ids, bg: ids.length === 0 };
}
