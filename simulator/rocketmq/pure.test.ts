import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateAll,
  allocateAveragely,
  allocateByCircle,
  commitableOffset,
  crashSurvivors,
  DEFAULT_DELAY_LEVELS,
  delayOfLevel,
  javaStringHashCode,
  mqKey,
  parseDelayLevels,
  parseMqKey,
  selectByHash,
  selectOneMessageQueue,
  sendBackDecision,
  sortMQs,
  type MQ,
} from './pure';

const q = (n: number, brokerName = 'broker-a', topic = 'orders'): MQ[] => Array.from({ length: n }, (_, i) => ({ topic, brokerName, queueId: i }));
const ids = (mqs: MQ[]) => mqs.map((m) => m.queueId);

// Cases derived from RocketMQ's AllocateMessageQueueAveragely / ...ByCircle (client/consumer/rebalance)
// and their unit tests: contiguous ranges with the first (queues % consumers) consumers getting one
// more; "by circle" deals queue i to consumer i % consumers.
describe('AllocateMessageQueueAveragely', () => {
  const cids = ['c1', 'c2', 'c3'];
  it('8 queues over 3 consumers: [0,1,2] [3,4,5] [6,7]', () => {
    expect(cids.map((c) => ids(allocateAveragely(c, q(8), cids)))).toEqual([[0, 1, 2], [3, 4, 5], [6, 7]]);
  });
  it('evenly divisible: 6 over 3 → two each, in ranges', () => {
    expect(cids.map((c) => ids(allocateAveragely(c, q(6), cids)))).toEqual([[0, 1], [2, 3], [4, 5]]);
  });
  it('more consumers than queues: the surplus gets nothing (the idle consumer)', () => {
    const four = ['c1', 'c2', 'c3', 'c4'];
    expect(four.map((c) => ids(allocateAveragely(c, q(2), four)))).toEqual([[0], [1], [], []]);
  });
  it('a consumer missing from cidAll gets nothing', () => {
    expect(allocateAveragely('cX', q(4), cids)).toEqual([]);
  });
});

describe('AllocateMessageQueueAveragelyByCircle', () => {
  it('8 queues over 3 consumers: [0,3,6] [1,4,7] [2,5]', () => {
    const cids = ['c1', 'c2', 'c3'];
    expect(cids.map((c) => ids(allocateByCircle(c, q(8), cids)))).toEqual([[0, 3, 6], [1, 4, 7], [2, 5]]);
  });
  it('more consumers than queues', () => {
    const cids = ['a', 'b', 'c'];
    expect(cids.map((c) => ids(allocateByCircle(c, q(2), cids)))).toEqual([[0], [1], []]);
  });
});

describe('sorting before allocation (RebalanceImpl sorts mqAll and cidAll)', () => {
  it('client ids sort as Java strings: c10 before c2', () => {
    const a = allocateAll('averagely', q(3), ['c2', 'c10', 'c1']);
    expect(Object.keys(a)).toEqual(['c1', 'c10', 'c2']);
    expect(ids(a.c10)).toEqual([1]);
  });
  it('queues sort by topic, brokerName, queueId', () => {
    const mixed = [...q(2, 'broker-b'), ...q(2, 'broker-a')].reverse();
    expect(sortMQs(mixed).map(mqKey)).toEqual(['orders@broker-a-q0', 'orders@broker-a-q1', 'orders@broker-b-q0', 'orders@broker-b-q1']);
    const a = allocateAll('averagely', mixed, ['c1', 'c2']);
    expect(a.c1.map(mqKey)).toEqual(['orders@broker-a-q0', 'orders@broker-a-q1']);
  });
  it('property: both strategies hand every queue to exactly one consumer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('averagely' as const, 'circle' as const), (n, m, s) => {
        const cids = Array.from({ length: m }, (_, i) => `c${i}`);
        const all = Object.values(allocateAll(s, q(n), cids)).flat().map(mqKey).sort();
        expect(all).toEqual(q(n).map(mqKey).sort());
        const sizes = Object.values(allocateAll(s, q(n), cids)).map((x) => x.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('queue selection', () => {
  it("Java String.hashCode: known values", () => {
    expect(javaStringHashCode('hello')).toBe(99162322);
    expect(javaStringHashCode('Aa')).toBe(javaStringHashCode('BB'));
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
  });
  it('SelectMessageQueueByHash: abs(hashCode % size), the same key always picks the same queue', () => {
    expect(selectByHash('hello', 4)).toBe(99162322 % 4);
    expect(selectByHash('polygenelubricants', 3)).toBe(Math.abs(-2147483648 % 3));
    expect(selectByHash('order-1', 8)).toBe(selectByHash('order-1', 8));
  });
  it('round-robin: the counter advances one queue per send', () => {
    const list = [...q(2, 'broker-a'), ...q(2, 'broker-b')];
    let c = 5;
    const picks: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = selectOneMessageQueue(list, c, null);
      picks.push(mqKey(list[r.index]));
      c = r.counter;
    }
    expect(picks).toEqual(['orders@broker-b-q0', 'orders@broker-b-q1', 'orders@broker-a-q0', 'orders@broker-a-q1']);
  });
  it('a retry skips the broker that just failed', () => {
    const list = [...q(2, 'broker-a'), ...q(2, 'broker-b')];
    const r = selectOneMessageQueue(list, 1, 'broker-b');
    expect(list[r.index].brokerName).toBe('broker-a');
    const only = selectOneMessageQueue(q(2, 'broker-a'), 0, 'broker-a');
    expect(only.index).toBeGreaterThanOrEqual(0);
  });
  it('queue keys round-trip', () => {
    expect(parseMqKey('%RETRY%g1@broker-a-q0')).toEqual({ topic: '%RETRY%g1', brokerName: 'broker-a', queueId: 0 });
  });
});

describe('delay levels and the retry ladder', () => {
  const levels = parseDelayLevels(DEFAULT_DELAY_LEVELS);
  it('the default messageDelayLevel has 18 levels from 1s to 2h; level 3 = 10 s', () => {
    expect(levels).toHaveLength(18);
    expect(levels[0]).toBe(1000);
    expect(delayOfLevel(levels, 3).ms).toBe(10_000);
    expect(delayOfLevel(levels, 5).ms).toBe(60_000);
    expect(delayOfLevel(levels, 18).ms).toBe(7_200_000);
    expect(delayOfLevel(levels, 40)).toEqual({ level: 18, ms: 7_200_000 });
  });
  it('CONSUMER_SEND_MSG_BACK: level 3 + reconsumeTimes, DLQ once reconsumeTimes reaches maxReconsumeTimes', () => {
    expect(sendBackDecision(0, 16)).toEqual({ dlq: false, delayLevel: 3 });
    expect(sendBackDecision(2, 16)).toEqual({ dlq: false, delayLevel: 5 });
    expect(sendBackDecision(15, 16)).toEqual({ dlq: false, delayLevel: 18 });
    expect(sendBackDecision(16, 16)).toEqual({ dlq: true });
    expect(sendBackDecision(0, 16, -1)).toEqual({ dlq: true });
    expect(sendBackDecision(1, 16, 2)).toEqual({ dlq: false, delayLevel: 2 });
    const ladder = Array.from({ length: 16 }, (_, rt) => sendBackDecision(rt, 16)).map((d) => (d.dlq ? 0 : delayOfLevel(levels, d.delayLevel).ms / 1000));
    expect(ladder).toEqual([10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200]);
  });
  it('rejects a malformed level string', () => {
    expect(() => parseDelayLevels('1s 5x')).toThrow(/5x/);
  });
});

describe('flush / replication loss and commitable offsets', () => {
  it('a power loss keeps the longer of the flushed and the replicated prefix', () => {
    expect(crashSurvivors(10, 4, 7)).toEqual({ survivors: 7, lostFrom: 7, lostTo: 10 });
    expect(crashSurvivors(10, 8, 3)).toEqual({ survivors: 8, lostFrom: 8, lostTo: 10 });
    expect(crashSurvivors(5, 5, 0)).toEqual({ survivors: 5, lostFrom: 5, lostTo: 5 });
  });
  it('the concurrent consumer commits only below its oldest unfinished message', () => {
    expect(commitableOffset([3, 5], 7)).toBe(3);
    expect(commitableOffset([], 7)).toBe(8);
  });
});
