/**
 * Built-in scenarios: each asserts the learner-visible outcome a real RabbitMQ (3.13 / 4.x) gives,
 * with the rabbitmq.com page that documents it. Plus narration coverage, determinism, exact rewind
 * and validation.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Timeline, narrate } from '../core/engine';
import type { Report } from '../core/types';
import { getBuiltin, listBuiltins, parseScenario, reportFor, ScenarioError } from '../index';
import { builtins } from './builtins';
import { rabbitEngine } from './engine';
import { rabbitmqModule } from './index';
import { RABBIT_KINDS } from './narrate';
import type { RabbitScenario } from './schema';
import type { RabbitState } from './model';

const run = (id: string) => {
  const b = builtins.find((x) => x.scenario.id === id);
  if (!b) throw new Error(`no built-in ${id}`);
  const t = new Timeline(rabbitEngine, b.scenario);
  expect(t.report.violations).toEqual([]);
  return t;
};
const msg = (r: Report, id: string) => r.messages.find((m) => m.id === id)!;
type Consumers = Record<string, { received: string[]; processed: string[] }>;

describe('built-in scenarios (asserted outcomes)', () => {
  it('lists at least 21 RabbitMQ built-ins with zh/en titles, questions and expectations', () => {
    expect(builtins.length).toBeGreaterThanOrEqual(21);
    for (const b of builtins) {
      expect(b.scenario.title.zh && b.scenario.title.en && b.scenario.question.zh && b.scenario.question.en && b.expected.zh && b.expected.en).toBeTruthy();
      expect(b.scenario.lessons).toEqual([]);
    }
    expect(listBuiltins().filter((s) => s.system === 'rabbitmq').length).toBe(builtins.length);
  });

  it('rabbit-simple: default exchange → FIFO queue, each message processed once in order (rabbitmq.com/tutorials/tutorial-one)', () => {
    const r = run('rabbit-simple').report;
    expect(r.messages.map((m) => [m.id, m.acked, m.routedTo, m.processed])).toEqual([
      ['m1', true, ['hello'], 1],
      ['m2', true, ['hello'], 1],
      ['m3', true, ['hello'], 1],
    ]);
    expect((r.consumers as Consumers).c1.processed).toEqual(['m1', 'm2', 'm3']);
    expect(r.reordered).toEqual([]);
  });

  it('rabbit-work-queues: round-robin between competing consumers, no duplicates (rabbitmq.com/tutorials/tutorial-two)', () => {
    const r = run('rabbit-work-queues').report;
    const c = r.consumers as Consumers;
    expect(c.w1.processed).toEqual(['t1', 't3', 't5']);
    expect(c.w2.processed).toEqual(['t2', 't4', 't6']);
    expect(r.duplicated).toEqual([]);
    expect(r.lost).toEqual([]);
  });

  it('rabbit-fanout: every bound queue gets a copy; once per queue is not a duplicate (rabbitmq.com/tutorials/tutorial-three)', () => {
    const r = run('rabbit-fanout').report;
    for (const id of ['l1', 'l2']) expect(msg(r, id)).toMatchObject({ routedTo: ['logs.console', 'logs.file'], processed: 2 });
    expect(r.duplicated).toEqual([]);
  });

  it('rabbit-direct-routing: exact key match; an unmatched key is dropped (rabbitmq.com/tutorials/tutorial-four)', () => {
    const r = run('rabbit-direct-routing').report;
    expect(r.queues).toEqual({ errors: ['e1'], all: ['e1', 'i1', 'w1'] });
    expect(msg(r, 'd1')).toMatchObject({ acked: true, routedTo: [], stored: false });
  });

  it('rabbit-topic: * is one word, # zero or more (rabbitmq.com/tutorials/tutorial-five; notes errata #1)', () => {
    const r = run('rabbit-topic').report;
    expect(msg(r, 'm1').routedTo).toEqual(['q.kern', 'q.critical', 'q.all']);
    expect(msg(r, 'm2').routedTo).toEqual(['q.all']);
    expect(msg(r, 'm3').routedTo).toEqual(['q.a', 'q.all']);
    expect(msg(r, 'm4').routedTo).toEqual(['q.all']);
  });

  it('rabbit-headers: x-match all / any and typed values (rabbitmq.com/docs/exchanges#headers)', () => {
    const r = run('rabbit-headers').report;
    expect(r.queues).toEqual({ 'q.pdf-report': ['h1'], 'q.zip-or-log': ['h2'] });
    expect(msg(r, 'h3').routedTo).toEqual([]);
  });

  it('rabbit-direct-multi-queue: one key bound to two queues gives both a copy (rabbitmq.com/tutorials/tutorial-four, multiple bindings)', () => {
    const r = run('rabbit-direct-multi-queue').report;
    expect(msg(r, 'o1')).toMatchObject({ routedTo: ['billing', 'shipping'], processed: 2, deliveries: 2 });
    expect(r.duplicated).toEqual([]);
  });

  it('rabbit-autoack-crash-loss: auto-acked deliveries die with the consumer (rabbitmq.com/docs/confirms#acknowledgement-modes)', () => {
    const t = run('rabbit-autoack-crash-loss');
    expect(t.report.lost).toEqual(['m2', 'm3', 'm4', 'm5']);
    expect(msg(t.report, 'm1').processed).toBe(1);
    expect(t.records.some((r) => r.markers?.includes('loss'))).toBe(true);
  });

  it('rabbit-manual-ack-redelivery: unacked deliveries are redelivered with redelivered=true; one processed twice (rabbitmq.com/docs/confirms#automatic-requeueing)', () => {
    const t = run('rabbit-manual-ack-redelivery');
    expect(t.report.lost).toEqual([]);
    expect(t.report.duplicated).toEqual(['m1']);
    const toC2 = t.records.filter((r) => r.kind === 'rabbit.deliver' && r.args.consumer === 'c2').map((r) => [r.args.id, r.args.redelivered]);
    expect(toC2).toEqual([['m1', true], ['m2', true], ['m3', false]]);
  });

  it('rabbit-unroutable-dropped: confirms ack an unroutable message — confirmed yet lost (rabbitmq.com/docs/confirms#when-publishes-are-confirmed; notes errata #17)', () => {
    const r = run('rabbit-unroutable-dropped').report;
    expect(msg(r, 'm2')).toMatchObject({ acked: true, error: null, routedTo: [], stored: false });
    expect(r.lost).toEqual(['m2']);
  });

  it('rabbit-unroutable-mandatory: basic.return then basic.ack (rabbitmq.com/docs/publishers#unroutable)', () => {
    const t = run('rabbit-unroutable-mandatory');
    expect(msg(t.report, 'm1')).toMatchObject({ acked: true, error: 'returned', routedTo: [] });
    const kinds = t.records.filter((r) => r.kind === 'rabbit.return' || r.kind === 'rabbit.confirm').map((r) => r.kind);
    expect(kinds).toEqual(['rabbit.return', 'rabbit.confirm']);
  });

  it('rabbit-alternate-exchange: the AE takes the unroutable message, nothing is returned (rabbitmq.com/docs/ae)', () => {
    const r = run('rabbit-alternate-exchange').report;
    expect(msg(r, 'm2')).toMatchObject({ acked: true, error: null, routedTo: ['unrouted.q'], stored: true });
    expect((r.publishers as Record<string, { returned: string[] }>).p1.returned).toEqual([]);
  });

  it('rabbit-reject-publish-nack: a full queue with reject-publish nacks the publish (rabbitmq.com/docs/maxlength#overflow-behaviour)', () => {
    const r = run('rabbit-reject-publish-nack').report;
    expect(msg(r, 'm3')).toMatchObject({ acked: false, error: 'nack', stored: false });
    expect(r.queues.limited).toEqual(['m1', 'm2']);
    expect(r.lost).toEqual([]);
  });

  it('rabbit-restart-persistence: transient messages and non-durable queues do not survive a restart (rabbitmq.com/docs/queues#durability)', () => {
    const r = run('rabbit-restart-persistence').report;
    expect(r.lost).toEqual(['t1', 's1']);
    expect(msg(r, 'p1')).toMatchObject({ acked: true, processed: 1 });
    expect(r.queues).toEqual({ jobs: [] });
  });

  it('rabbit-ttl-dlx-retry: reject → DLX → TTL queue → back to work; x-death records both deaths (rabbitmq.com/docs/dlx, /docs/ttl)', () => {
    const t = run('rabbit-ttl-dlx-retry');
    const r = t.report;
    expect(msg(r, 'm1')).toMatchObject({ processed: 1, deliveries: 2, routedTo: ['work', 'work.retry'], deadLettered: 'expired' });
    expect((r.deadLetters as { id: string; queue: string; reason: string }[]).map((d) => [d.queue, d.reason])).toEqual([['work', 'rejected'], ['work.retry', 'expired']]);
    const second = t.records.filter((x) => x.kind === 'rabbit.deliver' && x.args.id === 'm1')[1];
    expect(second.args.xDeath).toEqual(['expired@work.retry×1', 'rejected@work×1']);
    expect(second.time).toBeGreaterThanOrEqual(1000);
    expect(r.reordered).toEqual(['m1']);
  });

  it('rabbit-ttl-head-of-queue: a per-message TTL only fires at the head (rabbitmq.com/docs/ttl#per-message-ttl-caveats)', () => {
    const t = run('rabbit-ttl-head-of-queue');
    const atFive = t.stateAt(t.records.findIndex((x) => x.kind === 'rabbit.consumer.start'));
    expect((atFive.d as RabbitState).queues.delayed.ready.map((e) => e.id)).toEqual(['m1', 'm2']);
    const dl = (t.report.deadLetters as { id: string; time: number }[])[0];
    expect(dl).toMatchObject({ id: 'm2' });
    expect(dl.time).toBe(5000);
    expect(t.report.queues.due).toEqual(['m2']);
  });

  it('rabbit-quorum-delivery-limit: x-delivery-limit=2 → dead-lettered on the third return (rabbitmq.com/docs/quorum-queues#poison-message-handling)', () => {
    const r = run('rabbit-quorum-delivery-limit').report;
    expect(msg(r, 'poison')).toMatchObject({ deliveries: 3, processed: 0, deadLettered: 'delivery_limit', stored: true });
    expect(r.queues['orders.dlq']).toEqual(['poison']);
    expect(msg(r, 'ok1').processed + msg(r, 'ok2').processed).toBe(2);
  });

  it('rabbit-quorum-node-loss: 2 of 3 members keep committing; every confirmed message survives (rabbitmq.com/docs/quorum-queues#leader-election)', () => {
    const t = run('rabbit-quorum-node-loss');
    expect(t.report.lost).toEqual([]);
    expect(t.report.messages.map((m) => [m.id, m.acked, m.processed])).toEqual([['m1', true, 1], ['m2', true, 1], ['m3', true, 1], ['m4', true, 1]]);
    const qs = t.report.queueStatus as Record<string, { leader: string; members: Record<string, string> }>;
    expect(qs.orders.leader).not.toBe('rabbit@node1');
    expect(qs.orders.members['rabbit@node1']).toBe('down');
    expect(t.records.some((x) => x.kind === 'rabbit.elect' && x.markers?.includes('leader-change'))).toBe(true);
  });

  it('rabbit-backlog-scale: the backlog grows behind one slow consumer and drains with four (rabbitmq.com/docs/consumers)', () => {
    const t = run('rabbit-backlog-scale');
    const at = t.records.findIndex((x) => x.kind === 'rabbit.consumer.start');
    expect((t.stateAt(at).d as RabbitState).queues.jobs.ready.length).toBeGreaterThanOrEqual(15);
    expect(t.report.queues.jobs).toEqual([]);
    expect(t.report.lost).toEqual([]);
    expect(t.report.duplicated).toEqual([]);
    const c = t.report.consumers as Consumers;
    for (const id of ['c2', 'c3', 'c4']) expect(c[id].processed.length).toBeGreaterThan(2);
  });

  it('rabbit-prefetch-dispatch: the slow consumer blocks at prefetch=1 and the fast one takes the rest (rabbitmq.com/docs/consumer-prefetch; notes errata #5)', () => {
    const c = run('rabbit-prefetch-dispatch').report.consumers as Consumers;
    expect(c.slow.received).toEqual(['m2']);
    expect(c.fast.received.length).toBe(9);
  });

  it('rabbit-channel-close-requeue: unacked deliveries return in order with redelivered=true (rabbitmq.com/docs/channels#closing)', () => {
    const t = run('rabbit-channel-close-requeue');
    const toC2 = t.records.filter((r) => r.kind === 'rabbit.deliver' && r.args.consumer === 'c2').map((r) => [r.args.id, r.args.redelivered]);
    expect(toC2).toEqual([['m1', true], ['m2', true], ['m3', true]]);
    expect(t.report.duplicated).toEqual([]);
    expect(t.report.messages.every((m) => m.processed === 1)).toBe(true);
  });

  it('rabbit-maxlen-drop-head-dlx: drop-head dead-letters the oldest with reason maxlen (rabbitmq.com/docs/maxlength)', () => {
    const r = run('rabbit-maxlen-drop-head-dlx').report;
    expect(r.queues).toEqual({ buffer: ['m3', 'm4'], 'overflow.q': ['m1', 'm2'] });
    expect(msg(r, 'm1').deadLettered).toBe('maxlen');
    expect(r.messages.every((m) => m.acked === true)).toBe(true);
  });

  it('rabbit-mirrored-unsynchronised: promoting an unsynchronised 3.x mirror loses confirmed messages (rabbitmq.com/docs/3.13/ha; removed in 4.0)', () => {
    const r = run('rabbit-mirrored-unsynchronised').report;
    expect(r.lost).toEqual(['m1', 'm2']);
    expect(msg(r, 'm3').processed).toBe(1);
  });

  it('rabbit-consumer-timeout: a delivery held past consumer_timeout closes the channel and is requeued (rabbitmq.com/docs/consumers#acknowledgement-timeout)', () => {
    const t = run('rabbit-consumer-timeout');
    const ev = t.records.find((r) => r.kind === 'rabbit.consumer_timeout')!;
    expect(ev.time).toBe(60000 + 2); // delivered at 2 ms (one network hop)
    expect(msg(t.report, 'm1')).toMatchObject({ deliveries: 2, processed: 1 });
    expect((t.report.consumers as Record<string, { channel: string }>).c1.channel).toBe('closed');
  });

  it('rabbit-tx-commit: rollback discards, commit enqueues (rabbitmq.com/docs/semantics#tx)', () => {
    const r = run('rabbit-tx-commit').report;
    expect(r.queues.ledger).toEqual(['m3']);
    expect(msg(r, 'm3').acked).toBe(true);
    expect(msg(r, 'm1').acked).toBeNull();
  });

  it('rabbit-e2e-binding: a topic exchange feeds a fanout exchange (rabbitmq.com/docs/e2e)', () => {
    const r = run('rabbit-e2e-binding').report;
    expect(msg(r, 'e1').routedTo).toEqual(['audit', 'mail']);
    expect(msg(r, 'e2').routedTo).toEqual([]);
  });
});

describe('narration, determinism, rewind, validation', () => {
  it('every event of every built-in narrates in zh and en without falling back to the kind name', () => {
    for (const b of builtins) {
      const t = new Timeline(rabbitEngine, b.scenario);
      for (const rec of t.records) {
        const n = narrate(rabbitEngine, b.scenario, rec);
        expect(n.zh.length).toBeGreaterThan(3);
        expect(n.en).not.toBe(rec.kind);
        expect(n.en).not.toMatch(/undefined|\[object/);
        expect(n.zh).not.toMatch(/undefined|\[object/);
      }
    }
  });
  it('narration covers every declared kind', () => {
    for (const k of RABBIT_KINDS) expect(rabbitEngine.narrate(k, { node: 'n', queue: 'q', id: 'm', ids: [], consumer: 'c', publisher: 'p' }, {} as RabbitScenario).en).not.toBe(k);
  });
  it('the TTL narration reads as the product brief asks', () => {
    const t = run('rabbit-maxlen-drop-head-dlx');
    void t;
    const rec = { kind: 'rabbit.ttl', args: { queue: 'q1', effects: [JSON.stringify({ k: 'expired', q: 'q1', id: 'm2', ttl: 5000, perMessage: false }), JSON.stringify({ k: 'dead', q: 'q1', id: 'm2', reason: 'expired', dlx: 'dlx', rk: 'retry', to: ['retry.q'], exists: true })] } };
    const n = rabbitEngine.narrate(rec.kind, rec.args, {} as RabbitScenario);
    expect(n.zh).toContain('q1 的队首消息 m2 过期（x-message-ttl=5000），死信到 dlx，路由键 retry');
    expect(n.en).toContain('m2 at the head of q1 expired (x-message-ttl=5000) and was dead-lettered to dlx with routing key retry');
  });
  it('same scenario and seed give byte-identical records', () => {
    for (const id of ['rabbit-quorum-node-loss', 'rabbit-backlog-scale', 'rabbit-manual-ack-redelivery']) {
      expect(JSON.stringify(run(id).records)).toBe(JSON.stringify(run(id).records));
    }
  });
  it('stateAt(n) equals running straight to n (exact rewind)', () => {
    const b = getBuiltin('rabbit-quorum-node-loss')!;
    const t = new Timeline(rabbitEngine, b.scenario as RabbitScenario, { snapshotEvery: 5 });
    for (const n of [0, 3, 11, 22, t.length]) {
      const direct = new Timeline(rabbitEngine, b.scenario as RabbitScenario, { snapshotEvery: 1 << 30, maxEvents: n });
      expect(t.stateAt(n).d).toEqual(direct.final.d);
    }
  });
  it('the public entry point runs a built-in and a bad scenario names the field', () => {
    expect(reportFor(parseScenario(getBuiltin('rabbit-simple')!.scenario)).system).toBe('rabbitmq');
    const bad = { system: 'rabbitmq', seed: 1, topology: { queues: [{ name: 'q', type: 'quorum', durable: false }] }, script: [] };
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    expect(() => parseScenario(bad)).toThrow(/field "topology\.queues\[0\]\.durable"/);
    const bad2 = { system: 'rabbitmq', seed: 1, topology: {}, script: [{ do: 'publish', publisher: 'nobody', id: 'm1' }] };
    expect(() => parseScenario(bad2)).toThrow(/field "script\[0\]\.publisher": unknown publisher "nobody"/);
  });
  it('the schema converts to JSON Schema', () => {
    expect(() => z.toJSONSchema(rabbitmqModule.schema, { io: 'input', unrepresentable: 'any' })).not.toThrow();
  });
});
