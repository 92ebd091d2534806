/**
 * Property tests over random fault schedules (fast-check), on small clusters and short schedules
 * so the file stays well under a minute:
 * 1. Safety (Kafka docs "Replication": with acks=all, a committed message is not lost as long as one
 *    in-sync replica stays alive): RF=3, acks=all, min.insync.replicas=2, unclean election off and at
 *    most one broker down or cut off at a time ⇒ no acknowledged record is lost.
 * 2. Invariants under anything (any acks, unclean on, several brokers down, page-cache loss, message
 *    faults): HW ≤ LEO on every replica, a leader's HW never moves back within its epoch, at most one
 *    leader per partition per epoch, no consumer reads above the HW.
 * 3. The model can lose data when Kafka would: with acks=1 a counterexample is found.
 * Plus determinism: the same scenario and seed give byte-identical records.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Timeline } from '../core/engine';
import { kafkaEngine } from './engine';
import { KafkaScenarioSchema, type KafkaScenario, type KafkaScenarioInput } from './schema';

type Op =
  | { t: 'produce'; key: string | null }
  | { t: 'crash'; b: number; lose: boolean }
  | { t: 'restart'; b: number }
  | { t: 'cut'; b: number; from: 'controller' | 'others' | 'all' | 'producer' }
  | { t: 'heal' }
  | { t: 'advance'; ms: number }
  | { t: 'net'; action: 'net.drop' | 'net.delay' | 'net.duplicate'; type: string };

const B = ['b1', 'b2', 'b3'];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('produce' as const), key: fc.constantFrom('a', 'b', 'c', null) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('crash' as const), b: fc.nat(2), lose: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('restart' as const), b: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('cut' as const), b: fc.nat(2), from: fc.constantFrom('controller' as const, 'others' as const, 'all' as const, 'producer' as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('heal' as const) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 500, max: 14000 })) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('net' as const),
      action: fc.constantFrom('net.drop' as const, 'net.delay' as const, 'net.duplicate' as const),
      type: fc.constantFrom('ProduceRequest', 'ProduceResponse', 'FetchRequest', 'FetchResponse', 'AlterPartitionRequest', 'AlterPartitionResponse', 'MetadataUpdate', 'BrokerHeartbeatRequest', 'OffsetsForLeaderEpochResponse'),
    }),
  },
);

interface Setup {
  acks: 'all' | '1';
  minIsr: number;
  unclean: boolean;
  idempotence: boolean;
  /** At most one broker crashed or cut off at a time, and crashes keep the page cache. */
  oneDown: boolean;
  seed: number;
}

/** Turns an op list into a scenario; ends with every fault healed, a consume and a settle. */
function scenario(ops: Op[], s: Setup): KafkaScenario {
  const script: KafkaScenarioInput['script'] = [{ do: 'consumer.start', consumer: 'c1' }];
  let down: string | null = null;
  const crashed = new Set<string>();
  let n = 0;
  for (const op of ops) {
    switch (op.t) {
      case 'produce':
        script.push({ do: 'produce', producer: 'p1', topic: 't', key: op.key, id: `m${++n}` });
        break;
      case 'crash': {
        const b = B[op.b];
        if (s.oneDown && down !== null) break;
        script.push({ do: 'broker.crash', broker: b, loseUnflushed: s.oneDown ? false : op.lose });
        crashed.add(b);
        down = b;
        break;
      }
      case 'restart': {
        const b: string | null = s.oneDown ? down : B[op.b];
        if (b === null || !crashed.has(b)) break;
        script.push({ do: 'broker.restart', broker: b });
        crashed.delete(b);
        if (down === b) down = null;
        break;
      }
      case 'cut': {
        const b = B[op.b];
        if (s.oneDown && down !== null) break;
        if (op.from === 'all') script.push({ do: 'net.isolate', node: b });
        else script.push({ do: 'net.partition', a: b, b: op.from === 'controller' ? 'controller' : op.from === 'producer' ? 'p1' : B.filter((x) => x !== b) });
        if (s.oneDown) down = b;
        break;
      }
      case 'heal':
        script.push({ do: 'net.healAll' });
        if (down !== null && !crashed.has(down)) down = null;
        break;
      case 'advance':
        script.push({ do: 'advance', ms: op.ms });
        break;
      case 'net':
        script.push({ do: op.action, match: { type: op.type }, ms: 3000 });
        break;
    }
  }
  script.push({ do: 'net.healAll' });
  for (const b of crashed) script.push({ do: 'broker.restart', broker: b });
  script.push({ do: 'advance', ms: 20000 }, { do: 'settle' }, { do: 'advance', ms: 35000 }, { do: 'settle' });
  const input: KafkaScenarioInput = {
    system: 'kafka',
    seed: s.seed,
    cluster: {
      brokers: B,
      config: { 'replica.lag.time.max.ms': 6000, 'broker.session.timeout.ms': 4000, 'broker.heartbeat.interval.ms': 1000, 'replica.socket.timeout.ms': 3000 },
      topics: [{ name: 't', partitions: 2, replicationFactor: 3, config: { 'min.insync.replicas': s.minIsr, 'unclean.leader.election.enable': s.unclean } }],
    },
    producers: [{ id: 'p1', config: { acks: s.acks, 'enable.idempotence': s.idempotence, 'request.timeout.ms': 4000, 'delivery.timeout.ms': 30000 } }],
    consumers: [{ id: 'c1', assign: ['t'], config: { 'auto.offset.reset': 'earliest' } }],
    script,
  };
  return KafkaScenarioSchema.parse(input);
}

const schedule = fc.array(opArb, { minLength: 2, maxLength: 18 });
const run = (sc: KafkaScenario) => new Timeline(kafkaEngine, sc, { snapshotEvery: 1 << 30, maxEvents: 50_000 });

describe('properties over random fault schedules', () => {
  it('RF=3, acks=all, min.insync.replicas=2, unclean off, ≤ 1 broker down at a time ⇒ no acked record is lost (Kafka docs: Replication guarantees)', () => {
    fc.assert(
      fc.property(schedule, fc.boolean(), fc.nat(1000), (ops, idempotence, seed) => {
        const t = run(scenario(ops, { acks: 'all', minIsr: 2, unclean: false, idempotence, oneDown: true, seed }));
        expect(t.report.violations).toEqual([]);
        expect(t.report.lost).toEqual([]);
      }),
      { numRuns: 1200 },
    );
  });

  it('invariants hold under any faults: HW ≤ LEO, leader HW monotonic per epoch, one leader per epoch, consumers below HW', () => {
    fc.assert(
      fc.property(schedule, fc.constantFrom('all' as const, '1' as const), fc.boolean(), fc.boolean(), fc.nat(1000), (ops, acks, unclean, idem, seed) => {
        const t = run(scenario(ops, { acks, minIsr: 1, unclean, idempotence: acks === 'all' && idem, oneDown: false, seed }));
        expect(t.report.violations).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a loss with acks=1 (the model loses acknowledged data where Kafka does)', () => {
    const res = fc.check(
      fc.property(schedule, fc.nat(1000), (ops, seed) => run(scenario(ops, { acks: '1', minIsr: 1, unclean: false, idempotence: false, oneDown: true, seed })).report.lost.length === 0),
      { numRuns: 3000, seed: 42 },
    );
    expect(res.failed).toBe(true);
    const [ops, seed] = res.counterexample!;
    const lost = run(scenario(ops, { acks: '1', minIsr: 1, unclean: false, idempotence: false, oneDown: true, seed })).report;
    expect(lost.lost.length).toBeGreaterThan(0);
    // the same schedule with acks=all and min.insync.replicas=2 loses nothing
    expect(run(scenario(ops, { acks: 'all', minIsr: 2, unclean: false, idempotence: false, oneDown: true, seed })).report.lost).toEqual([]);
  });

  it('is deterministic: same scenario and seed ⇒ byte-identical records and report', () => {
    fc.assert(
      fc.property(schedule, fc.nat(1000), (ops, seed) => {
        const sc = scenario(ops, { acks: '1', minIsr: 1, unclean: true, idempotence: false, oneDown: false, seed });
        const a = new Timeline(kafkaEngine, sc);
        const b = new Timeline(kafkaEngine, sc);
        expect(JSON.stringify(b.records)).toBe(JSON.stringify(a.records));
        expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
      }),
      { numRuns: 30 },
    );
  });

  it('seeking is exact: stateAt(n) equals a straight run to n (snapshots + replay)', () => {
    fc.assert(
      fc.property(schedule, fc.nat(1000), fc.double({ min: 0, max: 1, noNaN: true }), (ops, seed, at) => {
        const sc = scenario(ops, { acks: 'all', minIsr: 2, unclean: false, idempotence: true, oneDown: false, seed });
        const t = new Timeline(kafkaEngine, sc, { snapshotEvery: 64 });
        const n = Math.floor(at * t.length);
        const direct = new Timeline(kafkaEngine, sc, { snapshotEvery: 1 << 30, maxEvents: n });
        expect(t.stateAt(n).d).toEqual(direct.final.d);
      }),
      { numRuns: 30 },
    );
  });
});
