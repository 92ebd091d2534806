/**
 * The consumer-group and transaction built-ins, asserted on report fields against what real Kafka does.
 * References: Kafka consumer docs (consumer groups, offsets, max.poll.interval.ms), KIP-62 (background
 * heartbeat thread, poll timeout), KIP-345 (static membership), KIP-429 (cooperative rebalancing),
 * KIP-98 (transactions, LSO, isolation.level), KIP-447 (consume-transform-produce with group metadata).
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../core/engine';
import type { Report } from '../core/types';
import { builtins } from './builtins';
import { kafkaEngine } from './engine';
import { abortedTransactions, internalPartitionFor, javaStringHashCode, kafkaAbs, lastStableOffset, selectProtocol, visibleRecords } from './txnlog';
import type { LogEntry } from './model';

const run = (id: string) => {
  const b = builtins.find((x) => x.scenario.id === id);
  if (!b) throw new Error(`no builtin ${id}`);
  return new Timeline(kafkaEngine, b.scenario);
};
const msg = (r: Report, id: string) => r.messages.find((m) => m.id === id)!;
type Extra = {
  groupProcessed: Record<string, string[]>;
  groupLoss: Record<string, string[]>;
  pausedPartitionEvents: Record<string, Record<string, number>>;
  revocations: { consumer: string; generation: number; partitions: string[] }[];
  commitFailures: { consumer: string; error: string }[];
  consumerGroups: Record<string, { committed: Record<string, number>; lag: Record<string, number>; coordinator: string; offsetsPartition: string; state: string }>;
  transactions: Record<string, { epoch: number; state: string }>;
};
const x = (r: Report) => r as Report & Extra;

describe('consumer-group and transaction built-ins', () => {
  it('kafka-group-crash-before-commit: processed but not committed ⇒ redelivered to c2 after the session timeout ⇒ duplicates (at-least-once)', () => {
    const t = run('kafka-group-crash-before-commit');
    const r = x(t.report);
    expect(r.violations).toEqual([]);
    expect(r.duplicated).toEqual(['m1', 'm2']);
    expect(r.lost).toEqual([]);
    expect(r.groups).toEqual([
      { group: 'g1', generation: 1, protocol: 'range', assignment: { c1: ['orders-0'], c2: ['orders-1'] } },
      { group: 'g1', generation: 2, protocol: 'range', assignment: { c2: ['orders-0', 'orders-1'] } },
    ]);
    expect(msg(r, 'm3').processed).toBe(1);
    expect(r.consumerGroups.g1.committed['orders-0']).toBe(3);
    // the member was removed by the session timeout, not by a LeaveGroup
    expect(t.records.some((e) => e.kind === 'kafka.group.expire' && e.args.member === 'c1')).toBe(true);
    expect(t.records.some((e) => e.kind === 'kafka.group.leave')).toBe(false);
    expect(t.records.filter((e) => e.markers?.includes('duplicate')).map((e) => e.args.id)).toEqual(['m1', 'm2']);
  });

  it('kafka-group-autocommit-loss: auto-commit commits what poll returned, the worker had not processed it, a crash loses m4–m6 for the group', () => {
    const t = run('kafka-group-autocommit-loss');
    const r = x(t.report);
    expect(r.violations).toEqual([]);
    expect(r.groupLoss.g1).toEqual(['m4', 'm5', 'm6']);
    expect(r.groupProcessed.g1).toEqual(['m1', 'm2', 'm3']);
    for (const id of ['m4', 'm5', 'm6']) expect(msg(r, id)).toMatchObject({ acked: true, stored: true, deliveries: 1, processed: 0 });
    expect(r.consumerGroups.g1.committed['orders-0']).toBe(6);
    const loss = t.records.find((e) => e.markers?.includes('loss'));
    expect(loss?.kind).toBe('kafka.app.offsets');
    expect(loss?.args.skipped).toEqual(['m4', 'm5', 'm6']);
  });

  it('kafka-group-max-poll-exceeded: KIP-62 — the heartbeat thread leaves the group, c2 reprocesses, the slow commit fails with CommitFailedException', () => {
    const t = run('kafka-group-max-poll-exceeded');
    const r = x(t.report);
    expect(r.violations).toEqual([]);
    expect(r.duplicated).toEqual(['m1', 'm2', 'm3']);
    expect(r.commitFailures.map((f) => [f.consumer, f.error])).toEqual([['c1', 'CommitFailedException']]);
    const timeout = t.records.find((e) => e.kind === 'kafka.app.pollTimeout');
    expect(timeout?.args.consumer).toBe('c1');
    expect(Number(timeout?.args.sincePollMs)).toBeGreaterThan(5000);
    // c2 owns both partitions in generation 2; c1 comes back in generation 3 when it polls again
    expect(r.groups.map((g) => g.assignment)).toEqual([{ c1: ['orders-0'], c2: ['orders-1'] }, { c2: ['orders-0', 'orders-1'] }, { c2: ['orders-1'], c1: ['orders-0'] }]);
    // c1 was still processing m2, m3 after it had left (its partitions are lost at its next poll)
    const late = t.records.filter((e) => e.kind === 'kafka.app.process' && e.args.consumer === 'c1' && e.time > Number(timeout?.time));
    expect(late.map((e) => e.args.id)).toEqual(['m2', 'm3']);
  });

  it('kafka-group-eager-join vs kafka-group-cooperative-join (KIP-429): same final assignment; eager stops all 4 partitions, cooperative only the moving one, in two rebalances', () => {
    const eager = x(run('kafka-group-eager-join').report);
    const coop = x(run('kafka-group-cooperative-join').report);
    for (const r of [eager, coop]) {
      expect(r.violations).toEqual([]);
      expect(r.duplicated).toEqual([]);
      expect(r.groups[r.groups.length - 1].assignment).toEqual({ c1: ['orders-0', 'orders-2'], c2: ['orders-1'], c3: ['orders-3'] });
      expect(r.messages.every((m) => m.processed === 1)).toBe(true);
    }
    expect(eager.groups.map((g) => g.generation)).toEqual([1, 2]);
    expect(coop.groups.map((g) => g.generation)).toEqual([1, 2, 3]);
    expect(coop.groups[1].assignment).toEqual({ c1: ['orders-0', 'orders-2'], c2: ['orders-1'], c3: [] });
    // who stops consuming: eager revokes everything from both members; cooperative only orders-3 from c2
    expect(eager.revocations.map((v) => [v.consumer, v.partitions])).toEqual([
      ['c1', ['orders-0', 'orders-2']],
      ['c2', ['orders-1', 'orders-3']],
    ]);
    expect(coop.revocations.map((v) => [v.consumer, v.partitions])).toEqual([['c2', ['orders-3']]]);
    // for how many events
    for (const tp of ['orders-0', 'orders-1', 'orders-2', 'orders-3']) expect(eager.pausedPartitionEvents.g1[tp]).toBeGreaterThan(0);
    expect(coop.pausedPartitionEvents.g1).toMatchObject({ 'orders-0': 0, 'orders-1': 0, 'orders-2': 0 });
    expect(coop.pausedPartitionEvents.g1['orders-3']).toBeGreaterThan(0);
  });

  it('kafka-group-idle-members: more consumers than partitions ⇒ the extra member gets nothing', () => {
    const r = x(run('kafka-group-idle-members').report);
    expect(r.violations).toEqual([]);
    expect(r.groups).toEqual([{ group: 'g1', generation: 1, protocol: 'range', assignment: { c1: ['orders-0'], c2: ['orders-1'], c3: [] } }]);
    expect(r.groupProcessed.g1.sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('kafka-group-static-restart: KIP-345 — a static member back within session.timeout.ms causes no rebalance', () => {
    const t = run('kafka-group-static-restart');
    const r = x(t.report);
    expect(r.violations).toEqual([]);
    expect(r.groups).toHaveLength(1);
    expect(t.records.filter((e) => e.kind === 'kafka.group.staticRejoin').map((e) => [e.args.member, e.args.instanceId])).toEqual([['c1', 'host-a']]);
    expect(t.records.some((e) => e.kind === 'kafka.group.leave' || e.kind === 'kafka.group.expire')).toBe(false);
    expect(msg(r, 'm3').processed).toBe(1);
    expect(r.duplicated).toEqual([]);
  });

  it('kafka-group-range-skew vs kafka-group-roundrobin: range gives the remainder of every topic to c1 (4 vs 2), roundrobin balances (3 vs 3)', () => {
    const range = run('kafka-group-range-skew').report;
    const rr = run('kafka-group-roundrobin').report;
    expect(range.groups[0].assignment).toEqual({ c1: ['clicks-0', 'clicks-1', 'views-0', 'views-1'], c2: ['clicks-2', 'views-2'] });
    expect(rr.groups[0].assignment).toEqual({ c1: ['clicks-0', 'clicks-2', 'views-1'], c2: ['clicks-1', 'views-0', 'views-2'] });
  });

  it('kafka-txn-read-committed: KIP-98 — read_committed skips the aborted m3, m4; read_uncommitted sees them', () => {
    const t = run('kafka-txn-read-committed');
    const r = x(t.report);
    expect(r.violations).toEqual([]);
    expect(r.groupProcessed['g-rc']).toEqual(['m1', 'm2', 'm5']);
    expect(r.groupProcessed['g-ru']).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(r.groupLoss['g-rc']).toEqual([]);
    // the log holds the control records between the data
    expect(r.partitions['orders-0'].logs.b1).toEqual(['m1', 'm2', 'COMMIT(orders-writer)', 'm3', 'm4', 'ABORT(orders-writer)', 'm5', 'COMMIT(orders-writer)']);
    expect(r.transactions['orders-writer'].state).toBe('CompleteCommit');
  });

  it('kafka-txn-eos-crash: KIP-447 — after a crash mid-transaction nothing is duplicated downstream for read_committed', () => {
    const t = run('kafka-txn-eos-crash');
    const r = x(t.report);
    expect(r.violations).toEqual([]);
    expect(r.groupProcessed['g-down']).toEqual(['m1.out', 'm2.out', 'm3.out', 'm4.out']);
    expect(r.duplicated.filter((id) => id.endsWith('.out'))).toEqual([]);
    // the input side did process m3 twice: exactly-once is about the results
    expect(r.duplicated).toEqual(['m3']);
    const out = r.partitions['out-0'].logs.b1;
    expect(out.filter((id) => id === 'm3.out')).toHaveLength(2);
    expect(out).toContain('ABORT(app-tx)');
    expect(r.transactions['app-tx'].epoch).toBeGreaterThanOrEqual(1);
    expect(r.consumerGroups['g-app'].committed['in-0']).toBe(4);
  });

  it('kafka-txn-zombie-fencing: KIP-98 — the epoch bump aborts the zombie transaction and its next write is INVALID_PRODUCER_EPOCH', () => {
    const t = run('kafka-txn-zombie-fencing');
    const r = x(t.report);
    expect(r.violations).toEqual([]);
    expect(r.groupProcessed['g-rc']).toEqual(['m2']);
    expect(msg(r, 'm1')).toMatchObject({ acked: true, processed: 0 });
    expect(msg(r, 'm3')).toMatchObject({ acked: false, error: 'INVALID_PRODUCER_EPOCH', processed: 0 });
    expect(t.records.some((e) => e.kind === 'kafka.produce.fenced' && e.args.producer === 'pA')).toBe(true);
    expect(t.records.some((e) => e.kind === 'kafka.txn.illegal' && e.args.producer === 'pA' && e.args.op === 'commitTransaction')).toBe(true);
  });

  it('kafka-assign-partition: assign reads exactly the chosen partition, without any group', () => {
    const t = run('kafka-assign-partition');
    const r = t.report;
    expect(r.violations).toEqual([]);
    expect(r.groups).toEqual([]);
    expect(r.messages.filter((m) => m.processed > 0).map((m) => m.id)).toEqual(['m2', 'm4', 'm6']);
    expect(t.records.some((e) => e.kind.startsWith('kafka.group.'))).toBe(false);
  });
});

describe('determinism and seeking with groups and transactions', () => {
  it('same scenario ⇒ identical records; stateAt(n) equals a straight run to n (snapshots + replay)', () => {
    for (const id of ['kafka-group-cooperative-join', 'kafka-txn-eos-crash']) {
      const sc = builtins.find((b) => b.scenario.id === id)!.scenario;
      const a = new Timeline(kafkaEngine, sc, { snapshotEvery: 64 });
      const b = new Timeline(kafkaEngine, sc);
      expect(JSON.stringify(a.records)).toBe(JSON.stringify(b.records));
      for (const n of [0, 1, 65, Math.floor(a.length / 2), a.length - 1]) {
        const straight = new Timeline(kafkaEngine, sc, { maxEvents: n }).final;
        const { executed: _e, ...x1 } = a.stateAt(n);
        const { executed: _f, ...x2 } = straight;
        void _e;
        void _f;
        expect(JSON.stringify(x1.d)).toBe(JSON.stringify(x2.d));
      }
    }
  });
});

describe('the group ownership invariant can fail', () => {
  it('flags a partition owned by two members in one generation, and a member owning what its generation did not assign it', () => {
    const t = run('kafka-group-idle-members');
    const w = structuredClone(t.final);
    const sc = builtins.find((b) => b.scenario.id === 'kafka-group-idle-members')!.scenario;
    expect(kafkaEngine.invariants(w, sc)).toEqual([]);
    w.d.consumers.c3.client!.owned = ['orders-0'];
    const v = kafkaEngine.invariants(w, sc);
    expect(v).toContain('group g1 generation 1: c3 owns orders-0, which that generation assigned to c1');
    expect(v).toContain('group g1 generation 1: orders-0 owned by both c1 and c3');
  });
});

describe('group and transaction maths', () => {
  it("java String.hashCode and Utils.abs: the group's __consumer_offsets partition (GroupMetadataManager.partitionFor)", () => {
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('a')).toBe(97);
    expect(javaStringHashCode('hello')).toBe(99162322);
    // "polygenelubricants".hashCode() is Integer.MIN_VALUE: Kafka's Utils.abs maps it to 0, Math.abs would not
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
    expect(kafkaAbs(-2147483648)).toBe(0);
    expect(internalPartitionFor('polygenelubricants', 50)).toBe(0);
    expect(internalPartitionFor('hello', 50)).toBe(99162322 % 50);
  });

  const e = (offset: number, pid: number, extra: Partial<LogEntry> = {}): LogEntry => ({ offset, id: `r${offset}`, epoch: 0, producer: 'p', pid, seq: offset, key: null, ...extra });
  it('LSO = first offset of the earliest open transaction, capped by the HW (KIP-98)', () => {
    const log = [e(0, 1, { txn: true }), e(1, 2, { txn: true }), e(2, 1, { control: 'COMMIT' }), e(3, 3)];
    expect(lastStableOffset(log, 4)).toBe(1); // pid 2 still open
    expect(lastStableOffset(log, 2)).toBe(0); // pid 1's marker is not below the HW yet
    expect(lastStableOffset([...log, e(4, 2, { control: 'ABORT' })], 5)).toBe(5);
  });

  it('read_committed drops aborted records and every control record; read_uncommitted only control records', () => {
    const log = [e(0, 1, { txn: true }), e(1, 2, { txn: true }), e(2, 1, { control: 'ABORT' }), e(3, 2, { control: 'COMMIT' })];
    const aborted = abortedTransactions(log, 0, 4);
    expect(aborted).toEqual([{ pid: 1, firstOffset: 0, lastOffset: 2 }]);
    expect(visibleRecords(log, true, aborted).map((r) => r.offset)).toEqual([1]);
    expect(visibleRecords(log, false, aborted).map((r) => r.offset)).toEqual([0, 1]);
  });

  it('protocol selection: the assignor every member supports with the most votes', () => {
    expect(selectProtocol([['range', 'cooperative-sticky'], ['cooperative-sticky']])).toBe('cooperative-sticky');
    expect(selectProtocol([['range'], ['roundrobin']])).toBeNull();
    expect(selectProtocol([['range', 'roundrobin'], ['roundrobin', 'range'], ['roundrobin']])).toBe('roundrobin');
  });
});
