/**
 * Unit tests of the pure pieces: the partitioner, replica placement, the log and leader epoch cache,
 * HW / ISR maths, the election rule and the lifecycles.
 */
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive, utf8 } from './partitioner';
import { assignReplicas } from './placement';
import * as L from './log';
import { electLeader } from './election';
import { brokerLc, replicaLc } from './machines';
import type { EpochEntry, LogEntry } from './model';

describe('default partitioner (murmur2, Kafka Utils.murmur2)', () => {
  // Vectors of Apache Kafka's UtilsTest.testMurmur2, reproduced by several independent ports.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%s) = %i like the Java client', (s, h) => {
    expect(murmur2(utf8(s))).toBe(h);
  });
  it('matches values generated with the Java client (kafkajs defaultJava vectors) and the empty key', () => {
    // kafkajs' older "default" partitioner is known not to match Java; its "defaultJava" vectors do.
    expect(murmur2(utf8('0'))).toBe(971027396);
    expect(murmur2(utf8('2187'))).toBe(-1508407203);
    expect(murmur2(utf8('10000000'))).toBe(-1830336757);
    expect(murmur2(utf8('100:48069'))).toBe(1009543857);
    expect(toPositive(murmur2(new Uint8Array(0)))).toBe(275646681);
  });
  it('uses toPositive (clear the sign bit), not Math.abs, then modulo the partition count', () => {
    // toPositive(-790332482) = 1357151166; 1357151166 % 10 = 6 (DefaultPartitioner / BuiltInPartitioner).
    expect(toPositive(-790332482)).toBe(1357151166);
    expect(partitionForKey('foobar', 10)).toBe(6);
    expect(toPositive(-2147483648)).toBe(0);
    // go-kafka's vectors: "oh no" → 939168436 → partitions 2/3/100/999 = 0/1/36/544
    expect([2, 3, 100, 999].map((n) => partitionForKey('oh no', n))).toEqual([0, 1, 36, 544]);
  });
  it('encodes keys as UTF-8 like StringSerializer', () => {
    expect([...utf8('⌘')]).toEqual([0xe2, 0x8c, 0x98]);
    expect(toPositive(murmur2(utf8('⌘')))).toBe(39915425);
  });
});

describe('rack-unaware replica placement (AdminUtils.assignReplicasToBrokersRackUnaware)', () => {
  const b5 = ['0', '1', '2', '3', '4'];
  it('reproduces the AdminUtils scaladoc example (5 brokers, 10 partitions, RF 3, start index 0)', () => {
    const a = assignReplicas(b5, 10, 3, { startIndex: 0, shift: 0 });
    expect(a[0]).toEqual(['0', '1', '2']);
    expect(a[1]).toEqual(['1', '2', '3']);
    expect(a[4]).toEqual(['4', '0', '1']);
    // after wrapping around the broker list the follower shift grows by one
    expect(a[5]).toEqual(['0', '2', '3']);
    expect(a[9]).toEqual(['4', '1', '2']);
  });
  it('spreads leaders evenly and never puts two replicas of a partition on one broker', () => {
    const a = assignReplicas(b5, 50, 3, { startIndex: 2, shift: 3 });
    for (const r of a) expect(new Set(r).size).toBe(3);
    const leaders = a.map((r) => r[0]);
    for (const b of b5) expect(leaders.filter((x) => x === b).length).toBe(10);
    expect(a[0][0]).toBe('2');
  });
  it('rejects a replication factor larger than the cluster', () => {
    expect(() => assignReplicas(['a', 'b'], 1, 3, { startIndex: 0, shift: 0 })).toThrow();
  });
});

const e = (offset: number, epoch: number, id = `m${offset}`): LogEntry => ({ offset, id, epoch, producer: 'p', pid: -1, seq: -1, key: null });

describe('log and leader epoch cache (KIP-101)', () => {
  it('append keeps offsets contiguous and records epoch start offsets', () => {
    const log: LogEntry[] = [];
    const epochs: EpochEntry[] = [];
    L.append(log, epochs, [e(0, 0), e(1, 0), e(2, 2)]);
    expect(L.leo(log)).toBe(3);
    expect(epochs).toEqual([
      { epoch: 0, startOffset: 0 },
      { epoch: 2, startOffset: 2 },
    ]);
    expect(() => L.append(log, epochs, [e(5, 2)])).toThrow(/LEO is 3/);
  });
  it('truncateTo removes the tail and epochs that started in it', () => {
    const log: LogEntry[] = [];
    const epochs: EpochEntry[] = [];
    L.append(log, epochs, [e(0, 0), e(1, 1), e(2, 1), e(3, 3)]);
    const removed = L.truncateTo(log, epochs, 2);
    expect(removed.map((x) => x.offset)).toEqual([2, 3]);
    expect(epochs).toEqual([
      { epoch: 0, startOffset: 0 },
      { epoch: 1, startOffset: 1 },
    ]);
    expect(L.truncateTo(log, epochs, 5)).toEqual([]);
  });
  it('a new leader assigns its epoch at its LEO even before writing', () => {
    const epochs: EpochEntry[] = [{ epoch: 0, startOffset: 0 }];
    L.assignEpoch(epochs, 3, 4);
    expect(epochs.at(-1)).toEqual({ epoch: 3, startOffset: 4 });
  });
  it('endOffsetForEpoch answers OffsetsForLeaderEpoch like the leader', () => {
    const epochs: EpochEntry[] = [
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 5 },
      { epoch: 4, startOffset: 8 },
    ];
    expect(L.endOffsetForEpoch(epochs, 10, 4)).toEqual({ epoch: 4, endOffset: 10 });
    expect(L.endOffsetForEpoch(epochs, 10, 1)).toEqual({ epoch: 1, endOffset: 5 });
    // epoch 2 never had a leader here: answer the largest epoch below it, ending where epoch 3 starts
    expect(L.endOffsetForEpoch(epochs, 10, 2)).toEqual({ epoch: 1, endOffset: 5 });
    expect(L.endOffsetForEpoch(epochs, 10, 0)).toEqual({ epoch: 0, endOffset: 0 });
    expect(L.endOffsetForEpoch(epochs, 10, 9)).toEqual({ epoch: -1, endOffset: -1 });
  });
  it('KIP-101 scenario 1: a follower whose HW lagged keeps committed data (HW truncation would drop it)', () => {
    // Follower B has m0, m1 (epoch 0) but its HW is still 1; leader A crashes, B... A returns as follower of B.
    const follower: EpochEntry[] = [{ epoch: 0, startOffset: 0 }];
    const leaderReply = { epoch: 0, endOffset: 2 };
    expect(L.truncationOffset(follower, 2, leaderReply)).toBe(2); // keeps both; truncating to HW=1 would drop m1
  });
  it('KIP-101 scenario 2 / KIP-279: divergent logs truncate to the end of the last common epoch', () => {
    // follower wrote offsets 1..2 in epoch 1 that the new leader (epoch 2) never had; leader's epoch 1 ends at 1
    const follower: EpochEntry[] = [
      { epoch: 0, startOffset: 0 },
      { epoch: 1, startOffset: 1 },
    ];
    expect(L.truncationOffset(follower, 3, { epoch: 0, endOffset: 1 })).toBe(1);
    expect(L.truncationOffset(follower, 3, { epoch: 1, endOffset: 2 })).toBe(2);
    expect(L.truncationOffset(follower, 3, { epoch: -1, endOffset: -1 })).toBeNull();
  });
});

describe('high watermark and ISR maths', () => {
  it('the leader HW is the minimum LEO over the ISR and never moves back', () => {
    expect(L.leaderHighWatermark(0, 5, [3, 4])).toBe(3);
    expect(L.leaderHighWatermark(4, 5, [3])).toBe(4);
    expect(L.leaderHighWatermark(0, 5, [])).toBe(5);
    expect(L.leaderHighWatermark(2, 5, [-1])).toBe(2);
  });
  it('a follower HW is the leader HW capped by its own LEO', () => {
    expect(L.followerHighWatermark(7, 5)).toBe(5);
    expect(L.followerHighWatermark(3, 5)).toBe(3);
  });
  it('caught-up time follows Replica.updateFetchState', () => {
    const p = { leo: 0, lastCaughtUpAt: 0, lastFetchAt: 0, lastFetchLeaderLeo: 0 };
    L.recordFetch(p, 3, 5, 100); // behind the current LEO, but reached the LEO of the previous fetch (0)
    expect(p.lastCaughtUpAt).toBe(0);
    L.recordFetch(p, 5, 8, 200); // reached the leader LEO as of the previous fetch (5) → caught up at t=100
    expect(p.lastCaughtUpAt).toBe(100);
    L.recordFetch(p, 8, 8, 300);
    expect(p.lastCaughtUpAt).toBe(300);
    expect(L.isCaughtUp(p, 9, 300 + 10000, 10000)).toBe(true);
    expect(L.isCaughtUp(p, 9, 300 + 10001, 10000)).toBe(false);
    expect(L.isCaughtUp(p, 8, 99999, 10000)).toBe(true); // at the LEO: in sync however long ago
  });
  it('a follower rejoins the ISR once it reaches the HW and the start of the leader epoch', () => {
    expect(L.canJoinIsr(4, 4, 2)).toBe(true);
    expect(L.canJoinIsr(3, 4, 2)).toBe(false);
    expect(L.canJoinIsr(4, 3, 5)).toBe(false);
  });
});

describe('leader election (controller rule)', () => {
  const alive = (up: string[]) => (b: string) => up.includes(b);
  it('picks the first live ISR member in assignment order, not ISR order', () => {
    expect(electLeader(['b1', 'b2', 'b3'], ['b3', 'b2'], alive(['b2', 'b3']), false)).toEqual({ kind: 'clean', leader: 'b2', isr: ['b3', 'b2'] });
  });
  it('without a live ISR member: offline unless unclean election is enabled', () => {
    expect(electLeader(['b1', 'b2', 'b3'], ['b1'], alive(['b2', 'b3']), false)).toEqual({ kind: 'none', leader: null, isr: ['b1'] });
    expect(electLeader(['b1', 'b2', 'b3'], ['b1'], alive(['b3', 'b2']), true)).toEqual({ kind: 'unclean', leader: 'b2', isr: ['b2'] });
  });
});

describe('lifecycles (XState)', () => {
  it('a crashed broker can only restart; a replica cannot fetch while offline', () => {
    expect(brokerLc.next('RUNNING', 'broker.crash')).toBe('NOT_RUNNING');
    expect(brokerLc.can('NOT_RUNNING', 'broker.unfenced')).toBe(false);
    expect(brokerLc.next(brokerLc.next('NOT_RUNNING', 'broker.restart'), 'broker.unfenced')).toBe('RUNNING');
    expect(replicaLc.can('Offline', 'replica.truncated')).toBe(false);
    expect(replicaLc.next('Leader', 'replica.becomeFollower')).toBe('Truncating');
  });
});
