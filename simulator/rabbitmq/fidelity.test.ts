/**
 * Fidelity suite: the same operations against a real RabbitMQ (Debian's rabbitmq-server, 3.10.x,
 * started on 127.0.0.1 by scripts/rabbitmq-start.sh) through amqplib, and through the simulator;
 * the observable results must agree. Where the simulator follows 3.13/4.x on purpose and 3.10
 * differs, the test says so and asserts the documented difference.
 *
 * Set MQLAB_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:PORT to reuse a running broker. Without a
 * broker the suite skips with a loud warning — except under CI (CI or MQLAB_REQUIRE_RABBITMQ set),
 * where it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type GetMessage } from 'amqplib';
import { Timeline } from '../core/engine';
import { int, pick, seedState, type RngHolder } from '../core/rng';
import { rabbitEngine } from './engine';
import { RabbitScenarioSchema, type RabbitScenario } from './schema';
import { route, type RouteBinding, type RouteExchange } from './routing';
import type { HeaderValue } from './model';

const ROOT = path.resolve(__dirname, '..', '..');
let url = process.env.MQLAB_RABBITMQ_URL ?? '';
let startedDir: string | null = null;
let conn: ChannelModel | null = null;
let available = false;
const tally = { run: 0, agreed: 0, byArea: {} as Record<string, [number, number]> };

/** Records one comparison; returns whether it agreed (the test asserts afterwards). */
function count(area: string, agreed: boolean) {
  tally.run++;
  if (agreed) tally.agreed++;
  const a = (tally.byArea[area] ??= [0, 0]);
  a[0]++;
  if (agreed) a[1]++;
}

beforeAll(async () => {
  if (!url) {
    const port = 5700 + (process.pid % 250);
    try {
      const out = execFileSync(path.join(ROOT, 'scripts', 'rabbitmq-start.sh'), [String(port)], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
      startedDir = out.trim().split('\n').pop()!.split(' ')[0];
      url = `amqp://guest:guest@127.0.0.1:${port}`;
    } catch (e) {
      const msg = `could not start rabbitmq-server: ${(e as Error).message.split('\n')[0]}`;
      if (process.env.CI || process.env.MQLAB_REQUIRE_RABBITMQ) throw new Error(`[fidelity] ${msg} — CI must run the RabbitMQ fidelity suite (install rabbitmq-server)`);
      console.warn(['', '#'.repeat(78), '#  WARNING: RabbitMQ FIDELITY SUITE SKIPPED', `#  ${msg}`, '#  Install it with: apt-get install -y rabbitmq-server', '#'.repeat(78), ''].join('\n'));
      return;
    }
  }
  conn = await amqp.connect(url);
  available = true;
}, 150_000);

afterAll(async () => {
  if (available) {
    console.log(`\n[fidelity] RabbitMQ fidelity cases: ${tally.run} run, ${tally.agreed} agreed\n` + Object.entries(tally.byArea).map(([k, [r, a]]) => `  ${k}: ${a}/${r}`).join('\n'));
  }
  await conn?.close().catch(() => undefined);
  if (startedDir) execFileSync(path.join(ROOT, 'scripts', 'rabbitmq-stop.sh'), [startedDir], { timeout: 60_000 });
}, 90_000);

const maybe = (name: string, fn: () => Promise<void>, timeout = 60_000) =>
  it(name, async (ctx) => {
    if (!available) ctx.skip();
    await fn();
  }, timeout);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let uniq = 0;
const tag = () => `f${process.pid}-${++uniq}`;

/** Drains a queue with basic.get (no-ack) and returns what was in it, in order. */
async function drain(ch: Channel, q: string): Promise<GetMessage[]> {
  const outp: GetMessage[] = [];
  for (;;) {
    const m = await ch.get(q, { noAck: true });
    if (m === false) return outp;
    outp.push(m);
  }
}
const ids = (ms: GetMessage[]) => ms.map((m) => m.content.toString());

/** Runs a simulator scenario (topology + script) and returns the timeline. */
function sim(topology: Record<string, unknown>, script: Record<string, unknown>[]) {
  const sc = RabbitScenarioSchema.parse({ system: 'rabbitmq', seed: 1, topology, script }) as RabbitScenario;
  const t = new Timeline(rabbitEngine, sc);
  expect(t.report.violations).toEqual([]);
  return t;
}

/** Publishes on a confirm channel and resolves with "ack" | "nack" per message, plus returned ids. */
async function publishAll(ch: ConfirmChannel, msgs: { exchange: string; rk: string; id: string; opts?: amqp.Options.Publish }[]) {
  const returned: string[] = [];
  const onReturn = (m: amqp.Message) => returned.push(m.content.toString());
  ch.on('return', onReturn);
  const results = await Promise.all(
    msgs.map(
      (m) =>
        new Promise<'ack' | 'nack'>((resolve) => {
          ch.publish(m.exchange, m.rk, Buffer.from(m.id), m.opts ?? {}, (err) => resolve(err ? 'nack' : 'ack'));
        }),
    ),
  );
  await ch.waitForConfirms().catch(() => undefined);
  ch.off('return', onReturn);
  return { results: Object.fromEntries(msgs.map((m, i) => [m.id, results[i]])), returned };
}

// ---------------------------------------------------------------- routing: random cases

const TOPIC_BIND_WORDS = ['a', 'b', 'c', '', '*', '#', '#', '*'];
const TOPIC_RK_WORDS = ['a', 'b', 'c', ''];
function topicKey(h: RngHolder, words: string[], max: number): string {
  const n = int(h, max + 1);
  return Array.from({ length: n }, () => pick(h, words)).join('.');
}
const H_KEYS = ['k1', 'k2', 'k3', 'x-k'];
const H_VALUES: HeaderValue[] = ['v1', 'v2', 1, 2, 1.5, true, false, '1'];
function table(h: RngHolder, values: HeaderValue[], max: number): Record<string, HeaderValue> {
  const t: Record<string, HeaderValue> = {};
  const n = int(h, max + 1);
  for (let i = 0; i < n; i++) t[pick(h, H_KEYS)] = pick(h, values);
  return t;
}

describe('fidelity: routing against a real broker (rabbitmq.com/tutorials/tutorial-five, /docs/exchanges#headers)', () => {
  const BATCHES = 10;
  const QUEUES = 12;
  const MSGS = 100;

  maybe('≥1,000 seeded random topic routing cases agree', async () => {
    const ch = await conn!.createConfirmChannel();
    let cases = 0;
    let matched = 0;
    for (let b = 0; b < BATCHES; b++) {
      const h = { rng: seedState(1000 + b) };
      const x = `${tag()}.topic`;
      await ch.assertExchange(x, 'topic', { durable: false, autoDelete: false });
      const bindings: RouteBinding[] = [];
      const queues: string[] = [];
      for (let i = 0; i < QUEUES; i++) {
        const q = `${x}.q${i}`;
        queues.push(q);
        await ch.assertQueue(q, { durable: false });
        const nb = 1 + int(h, 2);
        for (let k = 0; k < nb; k++) {
          const key = i === 0 && k === 0 ? '' : topicKey(h, TOPIC_BIND_WORDS, 4);
          if (bindings.some((bb) => bb.destination === q && bb.routingKey === key)) continue;
          await ch.bindQueue(q, x, key);
          bindings.push({ source: x, destination: q, destinationType: 'queue', routingKey: key, arguments: {} });
        }
      }
      const msgs = Array.from({ length: MSGS }, (_, i) => ({ exchange: x, rk: topicKey(h, TOPIC_RK_WORDS, 4), id: `m${i}` }));
      await publishAll(ch, msgs);
      const real: Record<string, string[]> = {};
      for (const q of queues) for (const id of ids(await drain(ch, q))) (real[id] ??= []).push(q);
      const xs: Record<string, RouteExchange> = { [x]: { name: x, type: 'topic' } };
      for (const m of msgs) {
        const expected = route(xs, bindings, () => true, x, m.rk, {}).queues.sort();
        const got = (real[m.id] ?? []).sort();
        const ok = isDeepStrictEqual(expected, got);
        count('topic routing', ok);
        cases++;
        if (got.length > 0) matched++;
        if (!ok) expect({ routingKey: m.rk, bindings: bindings.map((bb) => `${bb.destination}<-${JSON.stringify(bb.routingKey)}`), sim: expected }).toEqual({ routingKey: m.rk, bindings: bindings.map((bb) => `${bb.destination}<-${JSON.stringify(bb.routingKey)}`), sim: got });
      }
    }
    expect(cases).toBeGreaterThanOrEqual(1000);
    expect(matched / cases).toBeGreaterThan(0.2);
    await ch.close();
  });

  maybe('≥1,000 seeded random headers routing cases agree (x-match all / any / all-with-x / any-with-x, value types)', async () => {
    const ch = await conn!.createConfirmChannel();
    let cases = 0;
    let matched = 0;
    const modes = ['all', 'any', 'all-with-x', 'any-with-x', null] as const;
    for (let b = 0; b < BATCHES; b++) {
      const h = { rng: seedState(2000 + b) };
      const x = `${tag()}.headers`;
      await ch.assertExchange(x, 'headers', { durable: false });
      const bindings: RouteBinding[] = [];
      const queues: string[] = [];
      for (let i = 0; i < QUEUES; i++) {
        const q = `${x}.q${i}`;
        queues.push(q);
        await ch.assertQueue(q, { durable: false });
        const args: Record<string, HeaderValue> = table(h, [...H_VALUES, null], 3);
        const mode = pick(h, modes);
        if (mode !== null) args['x-match'] = mode;
        await ch.bindQueue(q, x, '', args);
        bindings.push({ source: x, destination: q, destinationType: 'queue', routingKey: '', arguments: args });
      }
      const msgs = Array.from({ length: MSGS }, (_, i) => ({ exchange: x, rk: '', id: `m${i}`, headers: table(h, H_VALUES, 3) }));
      await publishAll(ch, msgs.map((m) => ({ ...m, opts: { headers: m.headers } })));
      const real: Record<string, string[]> = {};
      for (const q of queues) for (const id of ids(await drain(ch, q))) (real[id] ??= []).push(q);
      const xs: Record<string, RouteExchange> = { [x]: { name: x, type: 'headers' } };
      for (const m of msgs) {
        const expected = route(xs, bindings, () => true, x, '', m.headers).queues.sort();
        const got = (real[m.id] ?? []).sort();
        const ok = isDeepStrictEqual(expected, got);
        count('headers routing', ok);
        cases++;
        if (got.length > 0) matched++;
        if (!ok) {
          const detail = bindings.filter((bb) => expected.includes(bb.destination) !== got.includes(bb.destination)).map((bb) => bb.arguments);
          expect({ headers: m.headers, bindings: detail, sim: expected }).toEqual({ headers: m.headers, bindings: detail, sim: got });
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(1000);
    expect(matched / cases).toBeGreaterThan(0.2);
    await ch.close();
  });

  maybe('default exchange, exchange-to-exchange bindings and an alternate exchange route as the simulator does (rabbitmq.com/docs/e2e, /docs/ae)', async () => {
    const ch = await conn!.createConfirmChannel();
    const p = tag();
    const [src, mid, ae, q1, q2, q3] = [`${p}.src`, `${p}.mid`, `${p}.ae`, `${p}.q1`, `${p}.q2`, `${p}.q3`];
    await ch.assertExchange(ae, 'fanout', { durable: false });
    await ch.assertExchange(src, 'topic', { durable: false, alternateExchange: ae });
    await ch.assertExchange(mid, 'direct', { durable: false });
    for (const q of [q1, q2, q3]) await ch.assertQueue(q, { durable: false });
    await ch.bindExchange(mid, src, 'order.*');
    await ch.bindQueue(q1, mid, 'order.paid');
    await ch.bindQueue(q2, src, 'user.#');
    await ch.bindQueue(q3, ae, '');
    const msgs = [
      { exchange: src, rk: 'order.paid', id: 'e1' },
      { exchange: src, rk: 'order.cancelled', id: 'e2' }, // reaches mid, which routes nowhere: src's AE is NOT used
      { exchange: src, rk: 'user.created', id: 'e3' },
      { exchange: src, rk: 'audit', id: 'e4' }, // src matches nothing: its AE takes it
      { exchange: '', rk: q2, id: 'e5' },
    ];
    await publishAll(ch, msgs);
    const real = { [q1]: ids(await drain(ch, q1)), [q2]: ids(await drain(ch, q2)), [q3]: ids(await drain(ch, q3)) };
    const t = sim(
      {
        exchanges: [{ name: src, type: 'topic', arguments: { 'alternate-exchange': ae } }, { name: mid, type: 'direct' }, { name: ae, type: 'fanout' }],
        queues: [{ name: q1 }, { name: q2 }, { name: q3 }],
        bindings: [
          { source: src, destination: mid, destinationType: 'exchange', routingKey: 'order.*' },
          { source: mid, destination: q1, routingKey: 'order.paid' },
          { source: src, destination: q2, routingKey: 'user.#' },
          { source: ae, destination: q3 },
        ],
        publishers: [{ id: 'p1', confirm: true }],
      },
      msgs.map((m) => ({ do: 'publish', publisher: 'p1', exchange: m.exchange, routingKey: m.rk, id: m.id })),
    );
    count('e2e + alternate exchange', isDeepStrictEqual(t.report.queues, real));
    expect(t.report.queues).toEqual(real);
    await ch.close();
  });

  maybe('a direct routing key bound to several queues delivers a copy to each (rabbitmq.com/tutorials/tutorial-four)', async () => {
    const ch = await conn!.createConfirmChannel();
    const p = tag();
    const x = `${p}.orders`;
    await ch.assertExchange(x, 'direct', { durable: false });
    const qs = [`${p}.billing`, `${p}.shipping`, `${p}.audit`];
    for (const q of qs) await ch.assertQueue(q, { durable: false });
    await ch.bindQueue(qs[0], x, 'order.created');
    await ch.bindQueue(qs[1], x, 'order.created');
    await ch.bindQueue(qs[2], x, 'order.paid');
    await publishAll(ch, [{ exchange: x, rk: 'order.created', id: 'o1' }, { exchange: x, rk: 'order.paid', id: 'o2' }]);
    const real = Object.fromEntries(await Promise.all(qs.map(async (q) => [q, ids(await drain(ch, q))] as const)));
    const t = sim(
      { exchanges: [{ name: x, type: 'direct' }], queues: qs.map((name) => ({ name })), bindings: [{ source: x, destination: qs[0], routingKey: 'order.created' }, { source: x, destination: qs[1], routingKey: 'order.created' }, { source: x, destination: qs[2], routingKey: 'order.paid' }], publishers: [{ id: 'p1' }] },
      [{ do: 'publish', publisher: 'p1', exchange: x, routingKey: 'order.created', id: 'o1' }, { do: 'publish', publisher: 'p1', exchange: x, routingKey: 'order.paid', id: 'o2' }],
    );
    count('direct multi-queue', isDeepStrictEqual(t.report.queues, real));
    expect(t.report.queues).toEqual(real);
    expect(real[qs[0]]).toEqual(['o1']);
    expect(real[qs[1]]).toEqual(['o1']);
    await ch.close();
  });
});

// ---------------------------------------------------------------- behaviours

describe('fidelity: queue behaviours against a real broker', () => {
  for (const overflow of ['drop-head', 'reject-publish', 'reject-publish-dlx'] as const) {
    maybe(`x-max-length=2 with x-overflow=${overflow} and a DLX: contents, confirms, dead letters (rabbitmq.com/docs/maxlength)`, async () => {
      const ch = await conn!.createConfirmChannel();
      const p = tag();
      const [q, dlx, dlq] = [`${p}.limited`, `${p}.dlx`, `${p}.dlq`];
      await ch.assertExchange(dlx, 'fanout', { durable: false });
      await ch.assertQueue(dlq, { durable: false });
      await ch.bindQueue(dlq, dlx, '');
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 2, 'x-overflow': overflow, 'x-dead-letter-exchange': dlx } });
      const msgs = ['m1', 'm2', 'm3', 'm4'].map((id) => ({ exchange: '', rk: q, id }));
      const { results } = await publishAll(ch, msgs);
      await sleep(50);
      const inQ = ids(await drain(ch, q));
      const dead = await drain(ch, dlq);
      const real = { queue: inQ, dlq: ids(dead), confirms: results, reasons: dead.map((m) => (m.properties.headers?.['x-death'] as unknown as { reason: string }[])[0].reason) };
      const t = sim(
        { exchanges: [{ name: dlx, type: 'fanout' }], queues: [{ name: q, arguments: { 'x-max-length': 2, 'x-overflow': overflow, 'x-dead-letter-exchange': dlx } }, { name: dlq }], bindings: [{ source: dlx, destination: dlq }], publishers: [{ id: 'p1', confirm: true }] },
        msgs.map((m) => ({ do: 'publish', publisher: 'p1', routingKey: q, id: m.id })),
      );
      const r = t.report;
      const mine = {
        queue: r.queues[q],
        dlq: r.queues[dlq],
        confirms: Object.fromEntries(r.messages.map((m) => [m.id, m.acked ? 'ack' : 'nack'])),
        reasons: r.queues[dlq].map((id) => (r.xDeath as Record<string, Record<string, { reason: string }[]>>)[dlq][id][0].reason),
      };
      count('max-length overflow', isDeepStrictEqual(mine, real));
      expect(mine).toEqual(real);
      await ch.close();
    });
  }

  maybe('queue TTL dead-letters expired messages with x-death {reason: expired, queue, count} (rabbitmq.com/docs/ttl, /docs/dlx)', async () => {
    const ch = await conn!.createConfirmChannel();
    const p = tag();
    const [q, dlx, dlq] = [`${p}.ttl`, `${p}.dlx`, `${p}.dlq`];
    await ch.assertExchange(dlx, 'direct', { durable: false });
    await ch.assertQueue(dlq, { durable: false });
    await ch.bindQueue(dlq, dlx, 'expired');
    await ch.assertQueue(q, { durable: false, arguments: { 'x-message-ttl': 200, 'x-dead-letter-exchange': dlx, 'x-dead-letter-routing-key': 'expired' } });
    await publishAll(ch, ['m1', 'm2', 'm3'].map((id) => ({ exchange: '', rk: q, id })));
    await sleep(700);
    const inQ = ids(await drain(ch, q));
    const dead = await drain(ch, dlq);
    const xd = (m: GetMessage) => (m.properties.headers?.['x-death'] as unknown as Record<string, unknown>[])[0];
    const real = { queue: inQ, dlq: ids(dead), deaths: dead.map((m) => ({ reason: xd(m).reason, queue: xd(m).queue, count: Number(xd(m).count), exchange: xd(m).exchange, 'routing-keys': xd(m)['routing-keys'] })) };
    const t = sim(
      { exchanges: [{ name: dlx, type: 'direct' }], queues: [{ name: q, arguments: { 'x-message-ttl': 200, 'x-dead-letter-exchange': dlx, 'x-dead-letter-routing-key': 'expired' } }, { name: dlq }], bindings: [{ source: dlx, destination: dlq, routingKey: 'expired' }], publishers: [{ id: 'p1', confirm: true }] },
      [...['m1', 'm2', 'm3'].map((id) => ({ do: 'publish', publisher: 'p1', routingKey: q, id })), { do: 'advance', ms: 700 }],
    );
    const xDeath = t.report.xDeath as Record<string, Record<string, { reason: string; queue: string; count: number; exchange: string; 'routing-keys': string[] }[]>>;
    const mine = { queue: t.report.queues[q], dlq: t.report.queues[dlq], deaths: t.report.queues[dlq].map((id) => xDeath[dlq][id][0]) };
    count('queue TTL + DLX', isDeepStrictEqual(mine, real));
    expect(mine).toEqual(real);
    await ch.close();
  });

  maybe('a per-message TTL behind a message without one only expires once it reaches the head (rabbitmq.com/docs/ttl#per-message-ttl-caveats)', async () => {
    const ch = await conn!.createConfirmChannel();
    const p = tag();
    const [q, dlx, dlq] = [`${p}.delayed`, `${p}.dlx`, `${p}.dlq`];
    await ch.assertExchange(dlx, 'fanout', { durable: false });
    await ch.assertQueue(dlq, { durable: false });
    await ch.bindQueue(dlq, dlx, '');
    await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': dlx } });
    await publishAll(ch, [{ exchange: '', rk: q, id: 'm1' }, { exchange: '', rk: q, id: 'm2', opts: { expiration: '100' } }]);
    await sleep(400);
    const countBefore = (await ch.checkQueue(q)).messageCount;
    const dlqBefore = (await ch.checkQueue(dlq)).messageCount;
    const first = await ch.get(q, { noAck: true });
    await sleep(100);
    const real = { before: countBefore, dlqBefore, first: first ? first.content.toString() : null, after: ids(await drain(ch, q)), dlq: ids(await drain(ch, dlq)) };
    const topo = { exchanges: [{ name: dlx, type: 'fanout' }], queues: [{ name: q, arguments: { 'x-dead-letter-exchange': dlx } }, { name: dlq }], bindings: [{ source: dlx, destination: dlq }], publishers: [{ id: 'p1', confirm: true }] };
    const pubs = [{ do: 'publish', publisher: 'p1', routingKey: q, id: 'm1' }, { do: 'publish', publisher: 'p1', routingKey: q, id: 'm2', expiration: '100' }, { do: 'advance', ms: 400 }];
    const t1 = sim(topo, pubs);
    const t2 = sim(topo, [...pubs, { do: 'get', queue: q }, { do: 'advance', ms: 100 }]);
    const mine = { before: t1.report.queues[q].length, dlqBefore: t1.report.queues[dlq].length, first: t2.records.find((r) => r.kind === 'rabbit.get')!.args.id, after: t2.report.queues[q], dlq: t2.report.queues[dlq] };
    count('per-message TTL at the head', isDeepStrictEqual(mine, real));
    expect(mine).toEqual(real);
    expect(real.before).toBe(2);
    await ch.close();
  });

  maybe('nack and reject with requeue=true put the message back at its position with redelivered=true; requeue=false dead-letters it (rabbitmq.com/docs/confirms, /docs/nack)', async () => {
    const ch = await conn!.createChannel();
    const p = tag();
    const [q, dlx, dlq] = [`${p}.work`, `${p}.dlx`, `${p}.dlq`];
    await ch.assertExchange(dlx, 'fanout', { durable: false });
    await ch.assertQueue(dlq, { durable: false });
    await ch.bindQueue(dlq, dlx, '');
    await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': dlx } });
    for (const id of ['m1', 'm2', 'm3']) ch.sendToQueue(q, Buffer.from(id));
    await sleep(50);
    await ch.prefetch(1);
    // m1: nack requeue, reject requeue, then ack; m2: reject without requeue; m3: nack without requeue.
    const plan: Record<string, string[]> = { m1: ['nack-requeue', 'reject-requeue', 'ack'], m2: ['reject'], m3: ['nack'] };
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      void ch.consume(q, (m) => {
        if (!m) return;
        const id = m.content.toString();
        seen.push(`${id}${m.fields.redelivered ? '*' : ''}`);
        const act = plan[id].shift()!;
        if (act === 'ack') ch.ack(m);
        else if (act === 'nack-requeue') ch.nack(m, false, true);
        else if (act === 'reject-requeue') ch.reject(m, true);
        else if (act === 'reject') ch.reject(m, false);
        else ch.nack(m, false, false);
        if (seen.length === 5) resolve();
      });
    });
    await sleep(50);
    const dead = await drain(ch, dlq);
    const real = { seen, dlq: ids(dead), reasons: dead.map((m) => (m.properties.headers?.['x-death'] as unknown as { reason: string }[])[0].reason) };
    // m1 fails twice (nack, then reject, both with requeue) before it is acked.
    const t2 = sim(
      { exchanges: [{ name: dlx, type: 'fanout' }], queues: [{ name: q, arguments: { 'x-dead-letter-exchange': dlx } }, { name: dlq }], bindings: [{ source: dlx, destination: dlq }], publishers: [{ id: 'p1' }], consumers: [{ id: 'c1', queue: q, prefetch: 1, start: false, failures: { m1: 2 }, failWith: 'reject-requeue', onMessageFor: { m2: 'reject', m3: 'nack' } }] },
      [...['m1', 'm2', 'm3'].map((id) => ({ do: 'publish', publisher: 'p1', routingKey: q, id })), { do: 'advance', ms: 50 }, { do: 'consumer.start', consumer: 'c1' }],
    );
    const deliveries = t2.records.filter((r) => r.kind === 'rabbit.deliver').map((r) => `${r.args.id}${r.args.redelivered ? '*' : ''}`);
    const xDeath = t2.report.xDeath as Record<string, Record<string, { reason: string }[]>>;
    const mine = { seen: deliveries, dlq: t2.report.queues[dlq], reasons: t2.report.queues[dlq].map((id) => xDeath[dlq][id][0].reason) };
    count('nack / reject requeue', isDeepStrictEqual(mine, real));
    expect(mine).toEqual(real);
    await ch.close();
  });

  maybe('an unroutable message: plain (dropped, still acked), mandatory (basic.return then ack), alternate exchange (rabbitmq.com/docs/publishers#unroutable, /docs/ae)', async () => {
    const ch = await conn!.createConfirmChannel();
    const p = tag();
    const [x, xae, ae, known, aeq] = [`${p}.x`, `${p}.xae`, `${p}.ae`, `${p}.known`, `${p}.aeq`];
    await ch.assertExchange(ae, 'fanout', { durable: false });
    await ch.assertExchange(x, 'direct', { durable: false });
    await ch.assertExchange(xae, 'direct', { durable: false, alternateExchange: ae });
    await ch.assertQueue(known, { durable: false });
    await ch.assertQueue(aeq, { durable: false });
    await ch.bindQueue(known, x, 'known');
    await ch.bindQueue(aeq, ae, '');
    const msgs = [
      { exchange: x, rk: 'nope', id: 'plain' },
      { exchange: x, rk: 'nope', id: 'mandatory', opts: { mandatory: true } },
      { exchange: xae, rk: 'nope', id: 'alternate', opts: { mandatory: true } },
    ];
    const { results, returned } = await publishAll(ch, msgs);
    await sleep(50);
    const real = { confirms: results, returned: returned.sort(), aeq: ids(await drain(ch, aeq)), known: ids(await drain(ch, known)) };
    const t = sim(
      { exchanges: [{ name: x, type: 'direct' }, { name: xae, type: 'direct', arguments: { 'alternate-exchange': ae } }, { name: ae, type: 'fanout' }], queues: [{ name: known }, { name: aeq }], bindings: [{ source: x, destination: known, routingKey: 'known' }, { source: ae, destination: aeq }], publishers: [{ id: 'p1', confirm: true }] },
      msgs.map((m) => ({ do: 'publish', publisher: 'p1', exchange: m.exchange, routingKey: m.rk, id: m.id, mandatory: m.opts?.mandatory ?? false })),
    );
    const pubs = t.report.publishers as Record<string, { returned: string[] }>;
    const mine = { confirms: Object.fromEntries(t.report.messages.map((m) => [m.id, m.acked ? 'ack' : 'nack'])), returned: [...pubs.p1.returned].sort(), aeq: t.report.queues[aeq], known: t.report.queues[known] };
    count('unroutable', isDeepStrictEqual(mine, real));
    expect(mine).toEqual(real);
    expect(t.report.messages.find((m) => m.id === 'mandatory')).toMatchObject({ acked: true, error: 'returned' });
    await ch.close();
  });

  maybe('prefetch: a consumer that holds its delivery gets no more; the other takes the rest (rabbitmq.com/docs/consumer-prefetch)', async () => {
    const p = tag();
    const q = `${p}.tasks`;
    const setup = await conn!.createChannel();
    await setup.assertQueue(q, { durable: false });
    const got: Record<string, string[]> = { fast: [], slow: [] };
    const chans: Channel[] = [];
    for (const name of ['fast', 'slow']) {
      const ch = await conn!.createChannel();
      chans.push(ch);
      await ch.prefetch(1);
      await ch.consume(q, (m) => {
        if (!m) return;
        got[name].push(m.content.toString());
        if (name === 'fast') ch.ack(m);
      });
    }
    for (let i = 1; i <= 10; i++) setup.sendToQueue(q, Buffer.from(`m${i}`));
    await sleep(400);
    const t = sim(
      { queues: [{ name: q }], publishers: [{ id: 'p1' }], consumers: [{ id: 'fast', queue: q, prefetch: 1, processingMs: 1 }, { id: 'slow', queue: q, prefetch: 1, onMessage: 'hold' }] },
      [{ do: 'publish', publisher: 'p1', routingKey: q, id: 'm', count: 10 }],
    );
    const cons = t.report.consumers as Record<string, { received: string[] }>;
    const mine = { fast: cons.fast.received, slow: cons.slow.received };
    count('prefetch dispatch', isDeepStrictEqual(mine, got));
    expect(mine).toEqual(got);
    for (const ch of chans) await ch.close();

    // Both consumers hold (prefetch 2): strict round-robin until both are full; the rest stay ready.
    const q2 = `${p}.tasks2`;
    await setup.assertQueue(q2, { durable: false });
    const got2: Record<string, string[]> = { c1: [], c2: [] };
    const chans2: Channel[] = [];
    for (const name of ['c1', 'c2']) {
      const ch = await conn!.createChannel();
      chans2.push(ch);
      await ch.prefetch(2);
      await ch.consume(q2, (m) => {
        if (m) got2[name].push(m.content.toString());
      });
    }
    for (let i = 1; i <= 6; i++) setup.sendToQueue(q2, Buffer.from(`m${i}`));
    await sleep(200);
    const ready = (await setup.checkQueue(q2)).messageCount;
    const t2 = sim(
      { queues: [{ name: q2 }], publishers: [{ id: 'p1' }], consumers: [{ id: 'c1', queue: q2, prefetch: 2, onMessage: 'hold' }, { id: 'c2', queue: q2, prefetch: 2, onMessage: 'hold' }] },
      [{ do: 'publish', publisher: 'p1', routingKey: q2, id: 'm', count: 6 }],
    );
    const cons2 = t2.report.consumers as Record<string, { received: string[] }>;
    const mine2 = { c1: cons2.c1.received, c2: cons2.c2.received, ready: t2.report.queues[q2].length };
    count('prefetch dispatch', isDeepStrictEqual(mine2, { ...got2, ready }));
    expect(mine2).toEqual({ ...got2, ready });
    for (const ch of chans2) await ch.close();
    await setup.close();
  });

  maybe('closing a channel with unacked deliveries requeues them in order with redelivered=true (rabbitmq.com/docs/confirms#automatic-requeueing)', async () => {
    const p = tag();
    const q = `${p}.jobs`;
    const setup = await conn!.createChannel();
    await setup.assertQueue(q, { durable: false });
    for (const id of ['m1', 'm2', 'm3', 'm4']) setup.sendToQueue(q, Buffer.from(id));
    const ch = await conn!.createChannel();
    await ch.prefetch(3);
    const got: string[] = [];
    await ch.consume(q, (m) => {
      if (m) got.push(m.content.toString());
    });
    await sleep(150);
    await ch.close();
    await sleep(50);
    const back = await drain(setup, q);
    const real = { held: got, after: back.map((m) => `${m.content.toString()}${m.fields.redelivered ? '*' : ''}`) };
    const t = sim(
      { queues: [{ name: q }], publishers: [{ id: 'p1' }], consumers: [{ id: 'c1', queue: q, prefetch: 3, onMessage: 'hold' }] },
      [{ do: 'publish', publisher: 'p1', routingKey: q, id: 'm', count: 4 }, { do: 'settle' }, { do: 'channel.close', consumer: 'c1' }, { do: 'settle' }, { do: 'get', queue: q }, { do: 'get', queue: q }, { do: 'get', queue: q }, { do: 'get', queue: q }],
    );
    const cons = t.report.consumers as Record<string, { received: string[] }>;
    const mine = { held: cons.c1.received, after: t.records.filter((r) => r.kind === 'rabbit.get').map((r) => `${r.args.id}${r.args.redelivered ? '*' : ''}`) };
    count('channel close requeue', isDeepStrictEqual(mine, real));
    expect(mine).toEqual(real);
    await setup.close();
  });

  maybe('quorum queue delivery limit: x-delivery-limit=2 dead-letters after the third return with reason delivery_limit (rabbitmq.com/docs/quorum-queues#poison-message-handling)', async () => {
    const ch = await conn!.createChannel();
    const p = tag();
    const [q, dlx, dlq] = [`${p}.qq`, `${p}.dlx`, `${p}.dlq`];
    await ch.assertExchange(dlx, 'fanout', { durable: false });
    await ch.assertQueue(dlq, { durable: false });
    await ch.bindQueue(dlq, dlx, '');
    await ch.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 2, 'x-dead-letter-exchange': dlx } });
    ch.sendToQueue(q, Buffer.from('poison'));
    await ch.prefetch(1);
    let deliveries = 0;
    const { consumerTag } = await ch.consume(q, (m) => {
      if (!m) return;
      deliveries++;
      ch.reject(m, true);
    });
    await sleep(600);
    await ch.cancel(consumerTag);
    const dead = await drain(ch, dlq);
    const real = { deliveries, dlq: ids(dead), reason: dead.map((m) => (m.properties.headers?.['x-death'] as unknown as { reason: string }[])[0].reason) };
    const t = sim(
      { exchanges: [{ name: dlx, type: 'fanout' }], queues: [{ name: q, type: 'quorum', arguments: { 'x-delivery-limit': 2, 'x-dead-letter-exchange': dlx } }, { name: dlq }], bindings: [{ source: dlx, destination: dlq }], publishers: [{ id: 'p1' }], consumers: [{ id: 'c1', queue: q, prefetch: 1, onMessage: 'reject-requeue' }] },
      [{ do: 'publish', publisher: 'p1', routingKey: q, id: 'poison' }],
    );
    const xDeath = t.report.xDeath as Record<string, Record<string, { reason: string }[]>>;
    const mine = { deliveries: t.report.messages[0].deliveries, dlq: t.report.queues[dlq], reason: t.report.queues[dlq].map((id) => xDeath[dlq][id][0].reason) };
    count('quorum delivery limit', isDeepStrictEqual(mine, real));
    expect(mine).toEqual(real);
    await ch.close();
  });

  maybe('documented difference: with no x-delivery-limit, 3.10 redelivers forever while 4.0+ (the simulator) dead-letters after 20 returns (rabbitmq.com/docs/quorum-queues#poison-message-handling)', async () => {
    const ch = await conn!.createChannel();
    const p = tag();
    const [q, dlx, dlq] = [`${p}.qq`, `${p}.dlx`, `${p}.dlq`];
    await ch.assertExchange(dlx, 'fanout', { durable: false });
    await ch.assertQueue(dlq, { durable: false });
    await ch.bindQueue(dlq, dlx, '');
    await ch.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': dlx } });
    ch.sendToQueue(q, Buffer.from('poison'));
    await ch.prefetch(1);
    let deliveries = 0;
    const { consumerTag } = await ch.consume(q, (m) => {
      if (!m) return;
      deliveries++;
      if (deliveries <= 25) ch.reject(m, true);
      else ch.ack(m);
    });
    await sleep(1500);
    await ch.cancel(consumerTag);
    const real = { deliveries, dlq: ids(await drain(ch, dlq)) };
    const version = String(conn!.connection.serverProperties.version ?? '');
    const t = sim(
      { exchanges: [{ name: dlx, type: 'fanout' }], queues: [{ name: q, type: 'quorum', arguments: { 'x-dead-letter-exchange': dlx } }, { name: dlq }], bindings: [{ source: dlx, destination: dlq }], publishers: [{ id: 'p1' }], consumers: [{ id: 'c1', queue: q, prefetch: 1, onMessage: 'reject-requeue' }] },
      [{ do: 'publish', publisher: 'p1', routingKey: q, id: 'poison' }],
    );
    const mine = { deliveries: t.report.messages[0].deliveries, dlq: t.report.queues[dlq] };
    expect(mine).toEqual({ deliveries: 21, dlq: ['poison'] });
    if (version.startsWith('3.')) {
      // 3.x: no default limit — the 26th delivery is the one our consumer finally acks.
      count('documented 3.10 difference (default delivery-limit)', real.deliveries === 26 && real.dlq.length === 0);
      expect(real).toEqual({ deliveries: 26, dlq: [] });
    } else {
      count('default delivery-limit (4.x)', isDeepStrictEqual(real, mine));
      expect(real).toEqual(mine);
    }
    await ch.close();
  });
});

describe('fidelity: a broker restart (rabbitmq.com/docs/queues#durability, /docs/publishers#message-properties)', () => {
  maybe('only persistent messages in a durable queue survive; a non-durable queue is gone', async () => {
    const dir = startedDir ?? process.env.MQLAB_RABBITMQ_DIR;
    if (!dir) {
      console.warn('[fidelity] restart case skipped: set MQLAB_RABBITMQ_DIR to the directory printed by scripts/rabbitmq-start.sh');
      return;
    }
    const p = tag();
    const [durable, transient] = [`${p}.jobs`, `${p}.scratch`];
    const ch = await conn!.createConfirmChannel();
    await ch.assertQueue(durable, { durable: true });
    await ch.assertQueue(transient, { durable: false });
    await publishAll(ch, [
      { exchange: '', rk: durable, id: 'p1', opts: { persistent: true } },
      { exchange: '', rk: durable, id: 't1', opts: { persistent: false } },
      { exchange: '', rk: transient, id: 's1', opts: { persistent: true } },
    ]);
    await conn!.close().catch(() => undefined);
    const ctl = path.join(ROOT, 'scripts', 'rabbitmq-ctl.sh');
    execFileSync(ctl, [dir, 'stop_app'], { timeout: 60_000 });
    execFileSync(ctl, [dir, 'start_app'], { timeout: 60_000 });
    conn = await amqp.connect(url);
    const ch2 = await conn.createChannel();
    ch2.on('error', () => undefined); // checkQueue of a missing queue closes the channel with 404
    const transientExists = await ch2.checkQueue(transient).then(() => true, () => false);
    const ch3 = await conn.createChannel();
    const real = { jobs: ids(await drain(ch3, durable)), scratchExists: transientExists };
    await ch3.deleteQueue(durable);
    const t = sim(
      { queues: [{ name: durable, durable: true }, { name: transient, durable: false }], publishers: [{ id: 'p1', confirm: true }] },
      [
        { do: 'publish', publisher: 'p1', routingKey: durable, id: 'p1', persistent: true },
        { do: 'publish', publisher: 'p1', routingKey: durable, id: 't1' },
        { do: 'publish', publisher: 'p1', routingKey: transient, id: 's1', persistent: true },
        { do: 'settle' },
        { do: 'node.restart', node: 'rabbit@node1', downMs: 100 },
        { do: 'settle' },
      ],
    );
    const mine = { jobs: t.report.queues[durable], scratchExists: transient in t.report.queues };
    count('restart persistence', isDeepStrictEqual(mine, real));
    expect(mine).toEqual(real);
    expect(t.report.lost).toEqual(['t1', 's1']);
    await ch3.close().catch(() => undefined);
  }, 120_000);
});
