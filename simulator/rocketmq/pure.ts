/**
 * RocketMQ's domain maths as small pure functions (style.md principle 6): queue ordering and the two
 * allocation strategies, the producer's round-robin queue selection and the hash selector, the
 * delay-level ladder, and what a broker crash loses. The engine's handlers call these; the unit
 * tests in pure.test.ts compare them with cases derived from RocketMQ's own algorithms.
 */

/** A message queue as the client sees it: RocketMQ's `MessageQueue(topic, brokerName, queueId)`. */
export interface MQ {
  topic: string;
  brokerName: string;
  queueId: number;
}

/** The report's name of a queue, e.g. `orders@broker-a-q0` (ordering is promised per queue). */
export const mqKey = (mq: MQ): string => `${mq.topic}@${mq.brokerName}-q${mq.queueId}`;

export function parseMqKey(key: string): MQ {
  const at = key.lastIndexOf('@');
  const dash = key.lastIndexOf('-q');
  return { topic: key.slice(0, at), brokerName: key.slice(at + 1, dash), queueId: Number(key.slice(dash + 2)) };
}

/** Java's `String.compareTo` (UTF-16 code units), which is also JavaScript's `<` on strings. */
const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `MessageQueue.compareTo`: topic, then brokerName, then queueId — the order `Collections.sort(mqAll)` gives. */
export function compareMQ(a: MQ, b: MQ): number {
  return cmpStr(a.topic, b.topic) || cmpStr(a.brokerName, b.brokerName) || a.queueId - b.queueId;
}

export const sortMQs = (mqs: readonly MQ[]): MQ[] => [...mqs].sort(compareMQ);
export const sortCids = (cids: readonly string[]): string[] => [...cids].sort(cmpStr);

/**
 * AllocateMessageQueueAveragely: contiguous ranges; the first `mqAll % cidAll` consumers get one
 * queue more; with more consumers than queues the surplus consumers get nothing.
 * Inputs must already be sorted (RebalanceImpl sorts both lists before calling the strategy).
 */
export function allocateAveragely<T>(currentCID: string, mqAll: readonly T[], cidAll: readonly string[]): T[] {
  const index = cidAll.indexOf(currentCID);
  if (index < 0 || mqAll.length === 0) return [];
  const n = mqAll.length;
  const c = cidAll.length;
  const mod = n % c;
  const averageSize = n <= c ? 1 : mod > 0 && index < mod ? Math.floor(n / c) + 1 : Math.floor(n / c);
  const startIndex = mod > 0 && index < mod ? index * averageSize : index * averageSize + mod;
  const range = Math.min(averageSize, n - startIndex);
  const out: T[] = [];
  for (let i = 0; i < range; i++) out.push(mqAll[(startIndex + i) % n]);
  return out;
}

/** AllocateMessageQueueAveragelyByCircle: queue i goes to consumer i mod cidAll.length (dealt like cards). */
export function allocateByCircle<T>(currentCID: string, mqAll: readonly T[], cidAll: readonly string[]): T[] {
  const index = cidAll.indexOf(currentCID);
  if (index < 0) return [];
  const out: T[] = [];
  for (let i = index; i < mqAll.length; i++) if (i % cidAll.length === index) out.push(mqAll[i]);
  return out;
}

/** RocketMQ's strategy names (`getName()`), shown in the report's `groups[].protocol`. */
export const STRATEGY_NAME = { averagely: 'AVG', circle: 'AVG_BY_CIRCLE' } as const;

/** Allocation for every consumer of a group, sorting both inputs first as RebalanceImpl does. */
export function allocateAll(strategy: 'averagely' | 'circle', mqs: readonly MQ[], cids: readonly string[]): Record<string, MQ[]> {
  const mqAll = sortMQs(mqs);
  const cidAll = sortCids(cids);
  const fn = strategy === 'circle' ? allocateByCircle : allocateAveragely;
  return Object.fromEntries(cidAll.map((cid) => [cid, fn(cid, mqAll, cidAll)]));
}

/** Java's `String.hashCode()` (31-based polynomial over UTF-16 code units, 32-bit overflow). */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** SelectMessageQueueByHash: `abs(arg.hashCode() % mqs.size())` — the usual MessageQueueSelector for ordered messages. */
export function selectByHash(shardingKey: string, size: number): number {
  const v = javaStringHashCode(shardingKey) % size;
  return v < 0 ? Math.abs(v) : v;
}

/**
 * TopicPublishInfo.selectOneMessageQueue: a per-topic counter (seeded randomly in RocketMQ) is
 * incremented for every pick; on a retry (`lastBrokerName` set) queues of the broker that just
 * failed are skipped when another broker has one. Returns the index and the advanced counter.
 */
export function selectOneMessageQueue(queues: readonly MQ[], counter: number, lastBrokerName: string | null): { index: number; counter: number } {
  const size = queues.length;
  const next = (c: number) => ((c + 1) & 0x7fffffff) >>> 0;
  if (lastBrokerName !== null) {
    let c = counter;
    for (let i = 0; i < size; i++) {
      c = next(c);
      const pos = c % size;
      if (queues[pos].brokerName !== lastBrokerName) return { index: pos, counter: c };
    }
    const c2 = next(c);
    return { index: c2 % size, counter: c2 };
  }
  const c = next(counter);
  return { index: c % size, counter: c };
}

/** The broker's default `messageDelayLevel`. */
export const DEFAULT_DELAY_LEVELS = '1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a `messageDelayLevel` string into milliseconds per level (index 0 = level 1). */
export function parseDelayLevels(spec: string): number[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((tok) => {
      const m = /^(\d+)([smhd])$/.exec(tok);
      if (!m) throw new Error(`bad messageDelayLevel token "${tok}"`);
      return Number(m[1]) * UNIT_MS[m[2]];
    });
}

/** Delay of a level; levels above the maximum are clamped to it (ScheduleMessageService does the same). */
export function delayOfLevel(levels: readonly number[], level: number): { level: number; ms: number } {
  const l = Math.max(1, Math.min(level, levels.length));
  return { level: l, ms: levels[l - 1] };
}

/** A delay level as the broker's config writes it ("10s", "1m", "2h"). */
export function levelLabel(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}

/**
 * CONSUMER_SEND_MSG_BACK on the broker: a message that has already been re-consumed
 * `maxReconsumeTimes` times goes to `%DLQ%group`; otherwise it is delayed at level
 * `3 + reconsumeTimes` (when the client left the level at 0) into `%RETRY%group`.
 */
export function sendBackDecision(reconsumeTimes: number, maxReconsumeTimes: number, clientDelayLevel = 0): { dlq: true } | { dlq: false; delayLevel: number } {
  if (reconsumeTimes >= maxReconsumeTimes || clientDelayLevel < 0) return { dlq: true };
  return { dlq: false, delayLevel: clientDelayLevel === 0 ? 3 + reconsumeTimes : clientDelayLevel };
}

/**
 * What survives a power loss of a master: its own flushed prefix, or the prefix its slave holds,
 * whichever is longer. Entries at [survivors, length) were neither flushed nor replicated: lost.
 */
export function crashSurvivors(length: number, flushed: number, replicated: number): { survivors: number; lostFrom: number; lostTo: number } {
  const survivors = Math.min(length, Math.max(flushed, replicated));
  return { survivors, lostFrom: survivors, lostTo: length };
}

/**
 * The offset a concurrent push consumer may commit for a queue (ProcessQueue.removeMessage): the
 * smallest offset still being consumed, or one past the largest offset taken when none is pending.
 * A slow message therefore holds the committed offset back and its successors are redelivered
 * after a crash even though they were processed.
 */
export function commitableOffset(pendingOffsets: readonly number[], maxTakenOffset: number): number {
  return pendingOffsets.length > 0 ? Math.min(...pendingOffsets) : maxTakenOffset + 1;
}
