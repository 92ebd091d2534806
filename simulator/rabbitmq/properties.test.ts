/**
 * Bounded property tests over random schedules (fast-check). The engine's invariants run after
 * every event (engine.ts: a message copy is never unacked by two consumers at once, FIFO order,
 * prefetch bound, one leader); here random schedules of publishes, consumer crashes, channel
 * closes and broker restarts must keep them, and the delivery guarantees must hold:
 * - confirms + durable queue + persistent messages + manual ack after processing ⇒ no confirmed
 *   message is lost across restarts (duplicates allowed) — rabbitmq.com/docs/reliability;
 * - with auto-ack and crashes a loss exists, and the property finds it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Timeline } from '../core/engine';
import { rabbitEngine } from './engine';
import { RabbitScenarioSchema, type RabbitScenario } from './schema';

type Op =
  | { k: 'publish'; n: number }
  | { k: 'advance'; ms: number }
  | { k: 'crash'; c: number }
  | { k: 'restart'; c: number }
  | { k: 'close'; c: number }
  | { k: 'start'; c: number }
  | { k: 'node'; down: number; which: number };

const c = fc.integer({ min: 0, max: 2 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('publish' as const), n: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('crash' as const), c }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('restart' as const), c }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('close' as const), c }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('start' as const), c }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('node' as const), down: fc.integer({ min: 0, max: 3000 }), which: fc.integer({ min: 0, max: 2 }) }) },
);

interface Setup {
  autoAck: boolean;
  quorum: boolean;
  prefetch: number[];
  processing: number[];
}
const setupArb = (autoAck: boolean, quorum: boolean) =>
  fc.record({
    autoAck: fc.constant(autoAck),
    quorum: fc.constant(quorum),
    prefetch: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    processing: fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 3, maxLength: 3 }),
  });

const NODES = ['rabbit@n1', 'rabbit@n2', 'rabbit@n3'];

function scenario(s: Setup, ops: Op[]): RabbitScenario {
  const nodes = s.quorum ? NODES : [NODES[0]];
  let next = 1;
  const script: Record<string, unknown>[] = [];
  const down = new Set<string>();
  for (const op of ops) {
    const cid = `c${'c' in op ? op.c : 0}`;
    if (op.k === 'publish') for (let i = 0; i < op.n; i++) script.push({ do: 'publish', publisher: 'p1', routingKey: 'jobs', id: `m${next++}`, persistent: true });
    else if (op.k === 'advance') script.push({ do: 'advance', ms: op.ms });
    else if (op.k === 'crash') script.push({ do: 'consumer.crash', consumer: cid });
    else if (op.k === 'restart') script.push({ do: 'consumer.restart', consumer: cid });
    else if (op.k === 'close') script.push({ do: 'channel.close', consumer: cid });
    else if (op.k === 'start') script.push({ do: 'consumer.start', consumer: cid });
    else {
      // One node down at a time, so a quorum (2 of 3) is always reachable again.
      const node = nodes[op.which % nodes.length];
      if (down.size > 0) continue;
      script.push({ do: 'node.restart', node, downMs: op.down });
      script.push({ do: 'advance', ms: op.down + 1 });
    }
  }
  // Let everyone come back and finish: restart crashed consumers, re-subscribe closed ones.
  for (const i of [0, 1, 2]) script.push({ do: 'consumer.restart', consumer: `c${i}` }, { do: 'consumer.start', consumer: `c${i}` });
  script.push({ do: 'settle' });
  return RabbitScenarioSchema.parse({
    system: 'rabbitmq',
    seed: 1,
    topology: {
      nodes,
      queues: [{ name: 'jobs', durable: true, type: s.quorum ? 'quorum' : 'classic', arguments: s.quorum ? { 'x-delivery-limit': 1000 } : {} }],
      publishers: [{ id: 'p1', confirm: true, node: nodes[nodes.length - 1] }],
      consumers: [0, 1, 2].map((i) => ({ id: `c${i}`, queue: 'jobs', node: nodes[i % nodes.length], autoAck: s.autoAck, prefetch: s.prefetch[i], processingMs: s.processing[i], recoveryMs: 500 })),
    },
    script,
  }) as RabbitScenario;
}

const stats = { runs: 0, restarts: 0, confirmed: 0, duplicated: 0 };
const runOf = (s: Setup, ops: Op[]) => new Timeline(rabbitEngine, scenario(s, ops), { snapshotEvery: 1 << 30 });

describe('properties over random schedules (bounded)', () => {
  it('invariants hold after every event: never unacked by two consumers, FIFO, prefetch, one leader (classic and quorum)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.array(opArb, { maxLength: 25 }), (autoAck, quorum, ops) => {
        const t = runOf({ autoAck, quorum, prefetch: [1, 2, 0], processing: [5, 50, 120] }, ops);
        expect(t.report.violations).toEqual([]);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it('the invariant check can fail: a copy held unacked by two consumers is reported', () => {
    const t = runOf({ autoAck: false, quorum: false, prefetch: [0, 0, 0], processing: [500, 500, 500] }, [{ k: 'publish', n: 1 }, { k: 'advance', ms: 10 }]);
    const w = t.stateAt(t.records.findIndex((r) => r.kind === 'rabbit.deliver') + 1);
    const q = w.d.queues.jobs;
    expect(q.unacked).toHaveLength(1);
    q.unacked.push({ ...q.unacked[0], consumer: q.unacked[0].consumer === 'c0' ? 'c1' : 'c0', tag: 99 });
    expect(rabbitEngine.invariants(w, t.scenario).join()).toMatch(/held twice/);
  });

  it('with confirms, a durable queue, persistent messages and manual ack after processing, no confirmed message is lost across restarts (duplicates allowed)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(opArb, { minLength: 5, maxLength: 40 }), (quorum, ops) => {
        const t = runOf({ autoAck: false, quorum, prefetch: [1, 2, 0], processing: [5, 40, 100] }, ops);
        expect(t.report.violations).toEqual([]);
        expect(t.report.lost).toEqual([]);
        stats.runs++;
        if (t.records.some((r) => r.kind === 'rabbit.node.restart')) stats.restarts++;
        stats.confirmed += t.report.messages.filter((m) => m.acked === true).length;
        stats.duplicated += t.report.duplicated.length;
      }),
      { numRuns: 400, seed: 7 },
    );
    // The schedules are not vacuous: restarts happen and many messages are confirmed.
    expect(stats.restarts).toBeGreaterThan(stats.runs / 4);
    console.log(`[properties] no-loss runs: ${JSON.stringify(stats)}`);
    expect(stats.confirmed).toBeGreaterThan(stats.runs * 3);
  });

  it('with auto-ack and crashes, a loss exists — and the property finds it', () => {
    const result = fc.check(
      fc.property(setupArb(true, false), fc.array(opArb, { maxLength: 30 }), (s, ops) => runOf(s, ops).report.lost.length === 0),
      { numRuns: 300, seed: 11 },
    );
    expect(result.failed).toBe(true);
    const [s, ops] = result.counterexample!;
    const r = runOf(s, ops).report;
    console.log(`[properties] auto-ack loss found: ${JSON.stringify({ ops, lost: r.lost })}`);
    expect(r.lost.length).toBeGreaterThan(0);
    expect((r.losses as { why: string }[]).some((l) => l.why === 'auto-ack')).toBe(true);
  });
});
