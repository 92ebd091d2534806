/**
 * Scenario outcomes, asserted on report fields. Each test names the RocketMQ behaviour it checks;
 * sources: rocketmq.apache.org docs (4.x "Ordered message", "Scheduled message", "Transactional
 * message", "Broadcasting", "Consumer retry", "Deployment: SYNC_MASTER/ASYNC_MASTER, flushDiskType")
 * and apache/rocketmq 4.x source (SendMessageProcessor.consumerSendMsgBack, BrokerConfig,
 * DefaultMQProducerImpl.sendDefaultImpl, RebalanceImpl).
 */
import { describe, expect, it } from 'vitest';
import { Timeline, narrate } from '../core/engine';
import { parseWith, ScenarioError } from '../core/validate';
import type { Report } from '../core/types';
import { rocketEngine } from './engine';
import { builtins } from './builtins';
import { RocketScenarioSchema, type RocketScenario } from './schema';
import { getBuiltin, listBuiltins, parseScenario, reportFor } from '../index';

const run = (sc: RocketScenario) => new Timeline(rocketEngine, sc);
const builtin = (id: string) => {
  const b = builtins.find((x) => x.scenario.id === id);
  if (!b) throw new Error(`no builtin ${id}`);
  return run(b.scenario);
};
const fate = (r: Report, id: string) => r.messages.find((m) => m.id === id)!;
const parse = (x: unknown) => parseWith(RocketScenarioSchema, x);
const base = (over: Record<string, unknown>) =>
  parse({
    system: 'rocketmq',
    seed: 1,
    brokers: [{ brokerName: 'broker-a', master: 'broker-a-master', slave: 'broker-a-slave' }],
    topicConfigs: [{ name: 'orders', queuesPerBroker: 4 }],
    producers: [{ id: 'p1', group: 'pg' }],
    consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'] }],
    script: [],
    ...over,
  });

describe('built-in scenarios', () => {
  it('every built-in runs with no invariant violation and narrates every event in both languages', () => {
    for (const b of builtins) {
      const t = run(b.scenario);
      expect(t.report.violations, b.scenario.id).toEqual([]);
      for (const rec of t.records) {
        const n = narrate(rocketEngine, b.scenario, rec);
        expect(n.en, `${b.scenario.id} ${rec.kind}`).not.toBe(rec.kind);
        expect(n.zh.length).toBeGreaterThan(0);
        expect(n.en).not.toMatch(/undefined|NaN/);
        expect(n.zh).not.toMatch(/undefined|NaN/);
      }
    }
  });

  it('registers the required ids with titles, questions and expectations', () => {
    const ids = listBuiltins().filter((b) => b.system === 'rocketmq').map((b) => b.id);
    for (const id of ['rocket-orderly', 'rocket-concurrent-reorder', 'rocket-async-master-loss', 'rocket-sync-master-safe', 'rocket-retry-dlq', 'rocket-delay-level-3', 'rocket-txn-commit', 'rocket-txn-rollback', 'rocket-txn-checkback', 'rocket-clustering', 'rocket-broadcasting', 'rocket-idle-consumers', 'rocket-dedupe-business-key', 'rocket-consumer-crash-duplicate'])
      expect(ids).toContain(id);
    const b = getBuiltin('rocket-orderly')!;
    expect(reportFor(parseScenario(b.scenario)).system).toBe('rocketmq');
  });

  // Ordered message docs: a MessageQueueSelector keeps one order in one queue; MessageListenerOrderly
  // locks the queue and consumes it by a single thread.
  it('rocket-orderly: create → pay → ship stay in order per order id', () => {
    const r = builtin('rocket-orderly').report;
    expect(r.reordered).toEqual([]);
    expect(r.lost).toEqual([]);
    expect(r.duplicated).toEqual([]);
    expect(fate(r, 'm1').routedTo).toEqual(fate(r, 'm3').routedTo);
    expect(fate(r, 'm4').routedTo).toEqual(fate(r, 'm6').routedTo);
    expect(r.messages.every((m) => m.processed === 1 && m.acked === true)).toBe(true);
  });

  it('rocket-concurrent-reorder: the concurrent listener finishes pay before the slow create', () => {
    const t = builtin('rocket-concurrent-reorder');
    expect(t.report.reordered).toEqual(['m1', 'm4']);
    const done = t.records.filter((x) => x.kind === 'rocket.consumer.done').map((x) => x.args.id);
    expect(done.indexOf('m2')).toBeLessThan(done.indexOf('m1'));
  });

  // Deployment docs: ASYNC_FLUSH acks from the page cache, ASYNC_MASTER does not wait for the slave.
  it('rocket-async-master-loss: three SEND_OK messages are lost', () => {
    const r = builtin('rocket-async-master-loss').report;
    expect(r.lost).toEqual(['m1', 'm2', 'm3']);
    for (const id of ['m1', 'm2', 'm3']) expect(fate(r, id)).toMatchObject({ acked: true, stored: false, processed: 0 });
  });

  it('rocket-sync-master-safe: SYNC_FLUSH + SYNC_MASTER lose nothing acknowledged', () => {
    const t = builtin('rocket-sync-master-safe');
    const r = t.report;
    expect(r.lost).toEqual([]);
    for (const id of ['m1', 'm2', 'm3']) expect(fate(r, id)).toMatchObject({ acked: true, processed: 1 });
    // Each SEND_OK waited for the lagging slave (about 2 s each).
    const ok = t.records.filter((x) => x.kind === 'rocket.producer.result').map((x) => x.time);
    expect(ok[0]).toBeGreaterThan(2000);
  });

  // Consumer retry docs + SendMessageProcessor: level 3 + reconsumeTimes, 16 retries, then %DLQ%group.
  it('rocket-retry-dlq: 17 deliveries along the delay ladder, then %DLQ%g1', () => {
    const t = builtin('rocket-retry-dlq');
    const r = t.report;
    expect(fate(r, 'm1')).toMatchObject({ deliveries: 17, processed: 0, deadLettered: 'DLQ', stored: true, acked: true });
    expect(r.queues['%DLQ%g1@broker-a-q0']).toEqual(['m1']);
    expect(r.lost).toEqual([]);
    const levels = t.records.filter((x) => x.kind === 'rocket.broker.retry').map((x) => x.args.level);
    expect(levels).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    const dues = t.records.filter((x) => x.kind === 'rocket.broker.due');
    const retries = t.records.filter((x) => x.kind === 'rocket.broker.retry');
    expect(dues[0].time - retries[0].time).toBe(10_000);
    expect(dues[15].time - retries[15].time).toBe(7_200_000);
  });

  it('rocket-delay-level-3: delivered 10 s after it was stored', () => {
    const t = builtin('rocket-delay-level-3');
    const stored = t.records.find((x) => x.kind === 'rocket.broker.delay')!;
    const due = t.records.find((x) => x.kind === 'rocket.broker.due')!;
    expect(due.time - stored.time).toBe(10_000);
    const done = t.records.find((x) => x.kind === 'rocket.consumer.done')!;
    expect(done.time - stored.time).toBeGreaterThanOrEqual(10_000);
    expect(fate(t.report, 'm1')).toMatchObject({ processed: 1, acked: true });
  });

  // Transactional message docs: half message invisible until COMMIT; ROLLBACK discards; UNKNOW → check-back.
  it('rocket-txn-commit: consumed once, after the commit', () => {
    const t = builtin('rocket-txn-commit');
    expect(fate(t.report, 'm1')).toMatchObject({ acked: true, processed: 1 });
    const commit = t.records.findIndex((x) => x.kind === 'rocket.txn.commit');
    const pulled = t.records.findIndex((x) => x.kind === 'rocket.consumer.pulled' && (x.args.ids as string[]).includes('m1'));
    expect(commit).toBeGreaterThan(0);
    expect(pulled).toBeGreaterThan(commit);
    expect(t.report.transactions).toMatchObject({ m1: { state: 'committed', checks: 0 } });
  });

  it('rocket-txn-rollback: never consumed, not stored, and not counted as lost', () => {
    const r = builtin('rocket-txn-rollback').report;
    expect(fate(r, 'm1')).toMatchObject({ acked: false, error: 'ROLLBACK_MESSAGE', processed: 0, deliveries: 0, stored: false });
    expect(r.lost).toEqual([]);
    expect(r.transactions).toMatchObject({ m1: { state: 'rolledBack' } });
  });

  it('rocket-txn-checkback: UNKNOW resolved by the second check-back (60 s interval in 4.x)', () => {
    const t = builtin('rocket-txn-checkback');
    expect(fate(t.report, 'm1')).toMatchObject({ acked: true, processed: 1 });
    expect(t.report.transactions).toMatchObject({ m1: { state: 'committed', checks: 2 } });
    const commit = t.records.find((x) => x.kind === 'rocket.txn.commit')!;
    expect(commit.time).toBeGreaterThanOrEqual(120_000);
    expect(commit.time).toBeLessThan(121_000);
  });

  it('rocket-clustering: once per group, queues split AVG', () => {
    const r = builtin('rocket-clustering').report;
    expect(r.messages.every((m) => m.processed === 1)).toBe(true);
    const last = r.groups[r.groups.length - 1];
    expect(last.protocol).toBe('AVG');
    expect(last.assignment.c1.filter((k) => k.startsWith('orders'))).toEqual(['orders@broker-a-q0', 'orders@broker-a-q1']);
    expect(last.assignment.c2.filter((k) => k.startsWith('orders'))).toEqual(['orders@broker-a-q2', 'orders@broker-a-q3']);
  });

  it('rocket-broadcasting: every consumer processes every message', () => {
    const t = builtin('rocket-broadcasting');
    expect(t.report.messages.every((m) => m.processed === 2)).toBe(true);
    // Each broadcasting consumer has its own copy, so this is not a duplicate.
    expect(t.report.duplicated).toEqual([]);
    const by = new Set(t.records.filter((x) => x.kind === 'rocket.consumer.done').map((x) => `${x.args.consumer}:${x.args.id}`));
    expect(by.size).toBe(8);
    expect(t.report.groups[t.report.groups.length - 1].protocol).toBe('BROADCASTING');
  });

  it('rocket-idle-consumers: with 2 queues, c3 and c4 get no queue and process nothing', () => {
    const t = builtin('rocket-idle-consumers');
    const last = t.report.groups[t.report.groups.length - 1];
    const realQueues = (c: string) => last.assignment[c].filter((k) => k.startsWith('orders'));
    expect(realQueues('c1')).toEqual(['orders@broker-a-q0']);
    expect(realQueues('c2')).toEqual(['orders@broker-a-q1']);
    expect(realQueues('c3')).toEqual([]);
    expect(realQueues('c4')).toEqual([]);
    const workers = new Set(t.records.filter((x) => x.kind === 'rocket.consumer.done').map((x) => x.args.consumer));
    expect([...workers].sort()).toEqual(['c1', 'c2']);
    expect(t.report.messages.every((m) => m.processed === 1)).toBe(true);
  });

  it('rocket-dedupe-business-key: stored twice, delivered twice, processed once', () => {
    const r = builtin('rocket-dedupe-business-key').report;
    expect(fate(r, 'm1')).toMatchObject({ acked: true, deliveries: 2, processed: 1 });
    expect(fate(r, 'm1').routedTo).toHaveLength(2);
    expect(r.duplicated).toEqual([]);
  });

  it('without the business-key check the same script processes m1 twice', () => {
    const b = builtins.find((x) => x.scenario.id === 'rocket-dedupe-business-key')!;
    const sc = parse({ ...b.scenario, consumers: b.scenario.consumers.map((c) => ({ ...c, dedupe: 'none' })) });
    expect(run(sc).report.duplicated).toEqual(['m1']);
  });

  it('rocket-consumer-crash-duplicate: the crash before the offset commit causes a redelivery', () => {
    const t = builtin('rocket-consumer-crash-duplicate');
    expect(t.report.duplicated).toEqual(['m1']);
    expect(fate(t.report, 'm1')).toMatchObject({ deliveries: 2, processed: 2 });
    expect(t.records.some((x) => x.kind === 'rocket.consumer.crashAfterProcessing')).toBe(true);
    expect(t.report.groups.length).toBeGreaterThanOrEqual(2);
  });
});

describe('send status and producer retries', () => {
  // SYNC_MASTER: the master waits syncFlushTimeout (5 s) for its slave, then answers FLUSH_SLAVE_TIMEOUT.
  // With the defaults (sendMsgTimeout 3 s < syncFlushTimeout 5 s) the client gives up first and sees
  // RemotingTimeoutException; a longer sendMsgTimeout lets the status arrive.
  it('a SYNC_MASTER whose slave is cut off answers FLUSH_SLAVE_TIMEOUT after syncFlushTimeout', () => {
    const sc = base({
      producers: [{ id: 'p1', group: 'pg', sendMsgTimeout: 10_000 }],
      brokers: [{ brokerName: 'broker-a', master: 'broker-a-master', slave: 'broker-a-slave', brokerRole: 'SYNC_MASTER' }],
      script: [{ do: 'advance', ms: 100 }, { do: 'net.partition', a: 'broker-a-master', b: 'broker-a-slave' }, { do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'settle' }],
    });
    const t = run(sc);
    expect(fate(t.report, 'm1')).toMatchObject({ acked: false, error: 'FLUSH_SLAVE_TIMEOUT', processed: 1 });
    const res = t.records.find((x) => x.kind === 'rocket.producer.result')!;
    expect(res.time).toBeGreaterThanOrEqual(5100);
  });

  it('a SYNC_MASTER whose slave is down answers SLAVE_NOT_AVAILABLE at once', () => {
    const sc = base({
      brokers: [{ brokerName: 'broker-a', master: 'broker-a-master', slave: 'broker-a-slave', brokerRole: 'SYNC_MASTER' }],
      script: [{ do: 'broker.crash', broker: 'broker-a-slave' }, { do: 'advance', ms: 100 }, { do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'settle' }],
    });
    expect(fate(run(sc).report, 'm1')).toMatchObject({ acked: false, error: 'SLAVE_NOT_AVAILABLE' });
  });

  it('with the default timeouts the client times out before the FLUSH_SLAVE_TIMEOUT status arrives', () => {
    const sc = base({
      brokers: [{ brokerName: 'broker-a', master: 'broker-a-master', slave: 'broker-a-slave', brokerRole: 'SYNC_MASTER' }],
      script: [{ do: 'advance', ms: 100 }, { do: 'net.partition', a: 'broker-a-master', b: 'broker-a-slave' }, { do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'settle' }],
    });
    expect(fate(run(sc).report, 'm1')).toMatchObject({ acked: false, error: 'RemotingTimeoutException' });
  });

  it('SYNC_FLUSH on a disk slower than syncFlushTimeout answers FLUSH_DISK_TIMEOUT', () => {
    const sc = base({
      producers: [{ id: 'p1', group: 'pg', sendMsgTimeout: 10_000 }],
      brokers: [{ brokerName: 'broker-a', master: 'broker-a-master', flushDiskType: 'SYNC_FLUSH' }],
      script: [{ do: 'broker.slowDisk', broker: 'broker-a-master', ms: 6000 }, { do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'settle' }],
    });
    expect(fate(run(sc).report, 'm1')).toMatchObject({ acked: false, error: 'FLUSH_DISK_TIMEOUT' });
  });

  // sendDefaultImpl: a failed attempt is retried on another broker (retryTimesWhenSendFailed).
  it('a killed master refuses the connection and the sync send is retried on the other broker group', () => {
    const sc = base({
      brokers: [
        { brokerName: 'broker-a', master: 'broker-a-master' },
        { brokerName: 'broker-b', master: 'broker-b-master' },
      ],
      script: [
        { do: 'advance', ms: 100 },
        { do: 'send', producer: 'p1', topic: 'orders', id: 'm0' },
        { do: 'advance', ms: 100 },
        { do: 'broker.crash', broker: 'broker-a-master', loseUnflushed: false },
        ...['m1', 'm2', 'm3', 'm4'].map((id) => ({ do: 'send', producer: 'p1', topic: 'orders', id })),
        { do: 'settle' },
      ],
    });
    const t = run(sc);
    expect(t.records.some((x) => x.kind === 'rocket.producer.retry')).toBe(true);
    for (const id of ['m1', 'm2', 'm3', 'm4']) {
      expect(fate(t.report, id).acked).toBe(true);
      expect(fate(t.report, id).routedTo.every((q) => q.includes('broker-b'))).toBe(true);
    }
    expect(t.report.violations).toEqual([]);
  });

  it('a sync send whose response is lost times out after sendMsgTimeout and is not retried', () => {
    const sc = base({ script: [{ do: 'net.drop', match: { type: 'SEND_MESSAGE.response' } }, { do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'settle' }] });
    const t = run(sc);
    expect(fate(t.report, 'm1')).toMatchObject({ acked: false, error: 'RemotingTimeoutException', processed: 1 });
    expect(t.records.filter((x) => x.kind === 'rocket.producer.retry')).toHaveLength(0);
    expect(t.records.find((x) => x.kind === 'rocket.producer.failed')!.time).toBeGreaterThanOrEqual(3000);
  });

  it('oneway sends get no result (acked null)', () => {
    const sc = base({ script: [{ do: 'send', producer: 'p1', topic: 'orders', id: 'm1', mode: 'oneway' }, { do: 'settle' }] });
    expect(fate(run(sc).report, 'm1')).toMatchObject({ acked: null, processed: 1 });
  });

  it('a process kill keeps the page cache: nothing is lost under ASYNC_FLUSH', () => {
    const sc = base({
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], autoStart: false }],
      script: [{ do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'advance', ms: 50 }, { do: 'broker.crash', broker: 'broker-a-master', loseUnflushed: false }, { do: 'broker.restart', broker: 'broker-a-master' }, { do: 'consumer.start', consumer: 'c1' }, { do: 'settle' }],
    });
    expect(fate(run(sc).report, 'm1')).toMatchObject({ acked: true, processed: 1 });
  });
});

describe('consumption details', () => {
  it('orderly: a failure suspends the queue and retries in place; later messages wait', () => {
    const sc = base({
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], listener: 'orderly', behaviour: { m1: { failTimes: 2 } } }],
      script: [{ do: 'advance', ms: 100 }, ...['m1', 'm2'].map((id) => ({ do: 'send', producer: 'p1', topic: 'orders', id, shardingKey: 'order-1' })), { do: 'settle' }],
    });
    const t = run(sc);
    expect(t.records.filter((x) => x.kind === 'rocket.consumer.suspend')).toHaveLength(2);
    expect(fate(t.report, 'm1')).toMatchObject({ deliveries: 3, processed: 1 });
    expect(t.report.reordered).toEqual([]);
    const done = t.records.filter((x) => x.kind === 'rocket.consumer.done').map((x) => x.args.id);
    expect(done).toEqual(['m1', 'm2']);
  });

  it('orderly with maxReconsumeTimes: the poison message goes to the DLQ and the queue moves on', () => {
    const sc = base({
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], listener: 'orderly', maxReconsumeTimes: 2, behaviour: { m1: { failTimes: 99 } } }],
      script: [{ do: 'advance', ms: 100 }, ...['m1', 'm2'].map((id) => ({ do: 'send', producer: 'p1', topic: 'orders', id, shardingKey: 'order-1' })), { do: 'settle' }],
    });
    const r = run(sc).report;
    expect(fate(r, 'm1')).toMatchObject({ deliveries: 3, processed: 0, deadLettered: 'DLQ' });
    expect(fate(r, 'm2').processed).toBe(1);
  });

  it('BROADCASTING does not retry a failed message', () => {
    const sc = base({ consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], messageModel: 'BROADCASTING', behaviour: { m1: { failTimes: 1 } } }], script: [{ do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'settle' }] });
    const t = run(sc);
    expect(fate(t.report, 'm1')).toMatchObject({ deliveries: 1, processed: 0, deadLettered: null });
    expect(t.records.some((x) => x.kind === 'rocket.consumer.broadcastDrop')).toBe(true);
  });

  it('AllocateMessageQueueAveragelyByCircle deals the queues like cards', () => {
    const sc = base({
      consumers: ['c1', 'c2'].map((id) => ({ id, group: 'g1', subscribe: ['orders'], allocate: 'circle' })),
      script: [{ do: 'advance', ms: 1000 }],
    });
    const last = run(sc).report.groups.at(-1)!;
    expect(last.protocol).toBe('AVG_BY_CIRCLE');
    expect(last.assignment.c1.filter((k) => k.startsWith('orders'))).toEqual(['orders@broker-a-q0', 'orders@broker-a-q2']);
  });

  it('a consumer stopped cleanly commits its offsets: the next one does not redeliver', () => {
    const sc = base({
      consumers: [
        { id: 'c1', group: 'g1', subscribe: ['orders'] },
        { id: 'c2', group: 'g1', subscribe: ['orders'], autoStart: false },
      ],
      script: [{ do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'advance', ms: 100 }, { do: 'consumer.stop', consumer: 'c1' }, { do: 'consumer.start', consumer: 'c2' }, { do: 'settle' }],
    });
    expect(fate(run(sc).report, 'm1')).toMatchObject({ processed: 1, deliveries: 1 });
  });

  it('DefaultLitePullConsumer: messages are processed on poll()', () => {
    const sc = base({
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], kind: 'litePull' }],
      script: [{ do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'advance', ms: 100 }, { do: 'consumer.poll', consumer: 'c1' }, { do: 'settle' }],
    });
    const t = run(sc);
    expect(fate(t.report, 'm1')).toMatchObject({ processed: 1 });
    expect(t.records.find((x) => x.kind === 'rocket.consumer.poll')!.args.ids).toEqual(['m1']);
  });
});

describe('scenario format', () => {
  it('a bad scenario gets one error naming the field', () => {
    expect(() => parseScenario({ system: 'rocketmq', seed: 1, brokers: [{ brokerName: 'a', master: 'm', brokerRole: 'SLAVE' }], topicConfigs: [{ name: 't' }], script: [] })).toThrow(/field "brokers\[0\]\.brokerRole"/);
    expect(() => base({ script: [{ do: 'send', producer: 'nope', topic: 'orders', id: 'm1' }] })).toThrow(ScenarioError);
    expect(() => base({ script: [{ do: 'send', producer: 'nope', topic: 'orders', id: 'm1' }] })).toThrow(/script\[0\]\.producer/);
    expect(() => base({ script: [{ do: 'send.transactional', producer: 'p1', topic: 'orders', id: 'm1' }] })).toThrow(/not transactional/);
  });

  it('same scenario and seed give byte-identical records', () => {
    for (const id of ['rocket-idle-consumers', 'rocket-consumer-crash-duplicate', 'rocket-orderly']) {
      const b = builtins.find((x) => x.scenario.id === id)!;
      expect(JSON.stringify(run(b.scenario).records)).toBe(JSON.stringify(run(b.scenario).records));
    }
  });

  it('stateAt(n) replays exactly', () => {
    const b = builtins.find((x) => x.scenario.id === 'rocket-consumer-crash-duplicate')!;
    const t = new Timeline(rocketEngine, b.scenario, { snapshotEvery: 16 });
    const direct = new Timeline(rocketEngine, b.scenario, { snapshotEvery: 1 << 30, maxEvents: 40 });
    expect(t.stateAt(40).d).toEqual(direct.final.d);
  });
});
