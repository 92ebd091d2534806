/**
 * Property tests for consumer groups (fast-check), small and bounded so the file stays well under 40 s:
 * 1. Within a generation no partition has two owners — on the coordinator and on the clients (checked as an
 *    engine invariant after every event), under joins, leaves, crashes, restarts and slow consumers, with
 *    every assignor (eager and cooperative, KIP-429).
 * 2. At-least-once: with commit-after-processing (commitSync) and only consumer crashes, no acknowledged record
 *    is lost to the group — every one is processed at least once (duplicates allowed).
 * 3. Auto-commit with processing handed to a worker thread (the usual way it is used) is not at-least-once:
 *    fast-check finds a schedule of crashes where the group skips committed-but-unprocessed records.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Timeline } from '../core/engine';
import { kafkaEngine } from './engine';
import { KafkaScenarioSchema, type KafkaScenarioInput } from './schema';

type Op = { t: 'produce'; p: number } | { t: 'crash'; c: number } | { t: 'restart'; c: number } | { t: 'close'; c: number } | { t: 'start'; c: number } | { t: 'slow'; c: number; ms: number } | { t: 'advance'; ms: number };

const C = ['c1', 'c2', 'c3'];
const opArb = (withClose: boolean): fc.Arbitrary<Op> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ t: fc.constant('produce' as const), p: fc.nat(2) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('crash' as const), c: fc.nat(2) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('restart' as const), c: fc.nat(2) }) },
    { weight: withClose ? 1 : 0, arbitrary: fc.record({ t: fc.constant('close' as const), c: fc.nat(2) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('start' as const), c: fc.nat(2) }) },
    { weight: withClose ? 1 : 0, arbitrary: fc.record({ t: fc.constant('slow' as const), c: fc.nat(2), ms: fc.constantFrom(0, 50, 2500) }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1000, max: 8000 })) }) },
  );

interface Setup {
  strategy: 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
  mode: 'commit-after' | 'auto-worker';
  seed: number;
}

function scenario(ops: Op[], s: Setup) {
  // The group forms first (c1, c2); the ops then join c3, crash, restart, close and slow members at random times.
  const script: KafkaScenarioInput['script'] = [{ do: 'consumer.start', consumer: 'c1' }, { do: 'consumer.start', consumer: 'c2' }, { do: 'advance', ms: 1500 }];
  const down = new Set<string>();
  let n = 0;
  for (const op of ops) {
    const c = 'c' in op ? C[op.c] : '';
    switch (op.t) {
      case 'produce':
        script.push({ do: 'produce', producer: 'p1', topic: 't', id: `m${++n}`, partition: op.p });
        break;
      case 'crash':
      case 'close':
        script.push({ do: op.t === 'crash' ? 'consumer.crash' : 'consumer.close', consumer: c });
        down.add(c);
        break;
      case 'restart':
        if (down.delete(c)) script.push({ do: 'consumer.restart', consumer: c });
        break;
      case 'start':
        script.push({ do: 'consumer.start', consumer: c });
        break;
      case 'slow':
        script.push({ do: 'consumer.slow', consumer: c, msPerRecord: op.ms });
        break;
      case 'advance':
        script.push({ do: 'advance', ms: op.ms });
        break;
    }
  }
  // Heal: every consumer back at normal speed and running, then time for sessions to expire and rebalances to end.
  for (const c of C) script.push({ do: 'consumer.slow', consumer: c, msPerRecord: 20 });
  for (const c of down) script.push({ do: 'consumer.restart', consumer: c });
  script.push({ do: 'consumer.start', consumer: 'c1' }, { do: 'advance', ms: 30000 }, { do: 'settle' });
  const processing = s.mode === 'commit-after' ? { msPerRecord: 20, commit: 'sync' as const, commitWhen: 'after' as const } : { msPerRecord: 400, worker: true };
  const input: KafkaScenarioInput = {
    system: 'kafka',
    seed: s.seed,
    cluster: {
      brokers: ['b1', 'b2'],
      config: { 'offsets.topic.num.partitions': 1, 'group.initial.rebalance.delay.ms': 500 },
      topics: [{ name: 't', partitions: 3, replicationFactor: 2 }],
    },
    producers: [{ id: 'p1', config: { acks: 'all' } }],
    consumers: C.map((id) => ({
      id,
      subscribe: ['t'],
      config: {
        'group.id': 'g1',
        'partition.assignment.strategy': s.strategy,
        'session.timeout.ms': 3000,
        'heartbeat.interval.ms': 500,
        'max.poll.interval.ms': 4000,
        'auto.offset.reset': 'earliest' as const,
        'enable.auto.commit': s.mode === 'auto-worker',
        'auto.commit.interval.ms': 300,
        'max.poll.records': 3,
      },
      processing,
    })),
    script,
  };
  return KafkaScenarioSchema.parse(input);
}

const setupArb = (mode: Setup['mode']) =>
  fc.record({ strategy: fc.constantFrom('range' as const, 'roundrobin' as const, 'sticky' as const, 'cooperative-sticky' as const), mode: fc.constant(mode), seed: fc.nat(1000) });

describe('consumer group properties', () => {
  it('within a generation no partition has two owners (engine invariant after every event), any assignor, joins/leaves/crashes/slow members', () => {
    fc.assert(
      fc.property(fc.array(opArb(true), { maxLength: 22 }), setupArb('commit-after'), (ops, s) => {
        const r = new Timeline(kafkaEngine, scenario(ops, s), { maxEvents: 40000 }).report;
        expect(r.violations).toEqual([]);
        for (const g of r.groups) {
          const all = Object.values(g.assignment).flat();
          expect(new Set(all).size).toBe(all.length);
        }
      }),
      { numRuns: 150, seed: 4 },
    );
  });

  it('commit after processing + only consumer crashes ⇒ no acknowledged record is lost to the group (duplicates allowed)', () => {
    fc.assert(
      fc.property(fc.array(opArb(false), { maxLength: 22 }), setupArb('commit-after'), (ops, s) => {
        const r = new Timeline(kafkaEngine, scenario(ops, s), { maxEvents: 40000 }).report as unknown as { messages: { id: string; acked: boolean | null; processed: number }[]; violations: string[]; groupLoss: Record<string, string[]> };
        expect(r.violations).toEqual([]);
        expect(r.groupLoss.g1).toEqual([]);
        for (const m of r.messages) if (m.acked) expect(m.processed, m.id).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('auto-commit with a worker thread and crashes: fast-check finds a loss (records committed but never processed)', () => {
    const out = fc.check(
      fc.property(fc.array(opArb(false), { minLength: 4, maxLength: 16 }), setupArb('auto-worker'), (ops, s) => {
        const r = new Timeline(kafkaEngine, scenario(ops, s), { maxEvents: 40000 }).report as unknown as { groupLoss: Record<string, string[]>; violations: string[] };
        return r.violations.length === 0 && r.groupLoss.g1.length === 0;
      }),
      { numRuns: 150, seed: 6 },
    );
    expect(out.failed).toBe(true);
    const [ops, s] = out.counterexample!;
    const r = new Timeline(kafkaEngine, scenario(ops, s)).report as unknown as { groupLoss: Record<string, string[]>; violations: string[] };
    expect(r.violations).toEqual([]);
    expect(r.groupLoss.g1.length).toBeGreaterThan(0);
  });
});
