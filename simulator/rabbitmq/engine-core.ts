/**
 * The RabbitMQ engine: AMQP 0-9-1 clients (publishers, consumers) talk to broker nodes over the
 * core's simulated network; the broker routes (routing.ts), queues and delivers (broker.ts).
 * Follows the RabbitMQ 3.13 / 4.x documentation; where 3.10 differs, narration and README say so.
 */
import type { ArgValue, EventData, Marker } from '../core/types';
import type { EngineCore } from '../core/engine';
import { recordAck, recordDelivered, recordProcessed, recordSent } from '../core/outcome';
import { removeWhere, send, timer, type Pending, type WorldBase } from '../core/world';
import { route } from './routing';
import { channelLc, consumerLc, memberLc, nodeLc } from './machines';
import {
  armExpiry,
  armQueueExpires,
  attachConsumer,
  commit,
  deadLetter,
  detachConsumer,
  dispatch,
  effect,
  elect,
  ELECTION_MS,
  enqueue,
  expireHead,
  isReplicated,
  newCtx,
  replicate,
  requeue,
  sendConfirm,
  unackedOf,
  unblock,
  type Ctx,
  type RW,
} from './broker';
import type { ClientDelivery, ConsumerState, OnMessage, PublishProps, QueueEntry, QueueState, RabbitState } from './model';
import type { RabbitScenario, RabbitStepT } from './schema';

/** Builds the event data: the main kind/args plus every effect collected in `ctx`. */
function out(kind: string, args: Record<string, ArgValue>, ctx: Ctx, extra: { markers?: Marker[]; nodes?: string[]; messages?: string[]; bg?: boolean } = {}): EventData {
  const markers = new Set<Marker>([...(extra.markers ?? []), ...ctx.markers]);
  const messages = new Set<string>([...(extra.messages ?? []), ...ctx.messages]);
  const nodes = new Set<string>([...(extra.nodes ?? []), ...ctx.nodes]);
  const data: EventData = { kind, args: ctx.fx.length > 0 ? { ...args, effects: ctx.fx.map((e) => JSON.stringify(e)) } : args };
  if (markers.size > 0) data.markers = [...markers];
  if (messages.size > 0) data.messages = [...messages];
  if (nodes.size > 0) data.nodes = [...nodes];
  if (extra.bg) data.bg = true;
  return data;
}

function init(sc: RabbitScenario, w: WorldBase): RabbitState {
  const t = sc.topology;
  const first = t.nodes[0];
  const d: RabbitState = {
    nodes: Object.fromEntries(t.nodes.map((n) => [n, { name: n, status: nodeLc.initial }])),
    nodeOrder: [...t.nodes],
    exchanges: Object.fromEntries(t.exchanges.map((x) => [x.name, { name: x.name, type: x.type, durable: x.durable, ...(x.arguments['alternate-exchange'] !== undefined ? { alternateExchange: x.arguments['alternate-exchange'] } : {}) }])),
    bindings: t.bindings.map((b) => ({ ...b, arguments: { ...b.arguments } })),
    queues: {},
    queueOrder: t.queues.map((q) => q.name),
    publishers: Object.fromEntries(
      t.publishers.map((p) => [p.id, { id: p.id, node: p.node ?? first, nodes: order(t.nodes, p.node ?? first), confirm: p.confirm, tx: p.tx, recover: p.recover, recoveryMs: p.recoveryMs, channel: channelLc.initial, nextSeq: 1, unconfirmed: [], txPending: [], returned: [] }]),
    ),
    consumers: {},
    confirms: [],
    txBuffer: [],
    config: { ...t.config },
    deadLetters: [],
    losses: [],
  };
  for (const q of t.queues) {
    const type = q.type ?? q.arguments['x-queue-type'] ?? 'classic';
    const home = q.node ?? first;
    const replicated = type === 'quorum' || q.mirrored;
    const size = type === 'quorum' ? Math.min(q.arguments['x-quorum-initial-group-size'] ?? 3, t.nodes.length) : t.nodes.length;
    const memberNodes = replicated ? order(t.nodes, home).slice(0, size) : [];
    d.queues[q.name] = {
      name: q.name,
      type,
      durable: q.durable,
      mirrored: q.mirrored,
      arguments: { ...q.arguments },
      status: 'running',
      leader: home,
      members: Object.fromEntries(memberNodes.map((n) => [n, { role: n === home ? memberLc.next(memberLc.initial, 'member.elected') : memberLc.initial, logEnd: 0, match: 0, since: 1 }])),
      ready: [],
      unacked: [],
      pending: [],
      nextIndex: 1,
      active: [],
      blocked: [],
      lastUsed: 0,
    };
  }
  for (const c of t.consumers) {
    const node = c.node ?? first;
    d.consumers[c.id] = {
      id: c.id,
      queue: c.queue,
      node,
      nodes: order(t.nodes, node),
      autoAck: c.autoAck,
      prefetch: c.prefetch,
      prefetchLowered: false,
      processingMs: c.processingMs,
      onMessage: c.onMessage,
      onMessageFor: { ...c.onMessageFor },
      failures: { ...c.failures },
      failWith: c.failWith,
      recover: c.recover,
      recoveryMs: c.recoveryMs,
      status: c.start ? consumerLc.next(consumerLc.initial, 'basic.consume') : consumerLc.initial,
      channel: channelLc.initial,
      nextTag: 1,
      inbox: [],
      busy: null,
      held: [],
      received: [],
      processed: [],
    };
  }
  const rw = Object.assign(w, { d }) as RW;
  for (const c of Object.values(d.consumers)) if (c.status === 'consuming') attachConsumer(rw, d.queues[c.queue], c.id);
  for (const q of Object.values(d.queues)) armQueueExpires(rw, q);
  return d;
}

/** `first` followed by the other nodes in topology order (the order a client tries them). */
const order = (nodes: string[], first: string) => [first, ...nodes.filter((n) => n !== first)];

const isNode = (w: RW, name: string) => w.d.nodes[name] !== undefined;
const queueExists = (w: RW) => (n: string) => w.d.queues[n] !== undefined && w.d.queues[n].status !== 'deleted';

// ---------------------------------------------------------------- publishing

function publishProps(s: Extract<RabbitStepT, { do: 'publish' }>, id: string): PublishProps {
  return { id, exchange: s.exchange, routingKey: s.routingKey, persistent: s.persistent, mandatory: s.mandatory, headers: { ...s.headers }, expiration: s.expiration === undefined ? null : Number(s.expiration), bytes: s.bytes };
}

/** The client side of basic.publish. */
function clientPublish(w: RW, pid: string, props: PublishProps, ctx: Ctx): Record<string, ArgValue> {
  const p = w.d.publishers[pid];
  recordSent(w.outcome, props.id);
  if (!p.node || p.channel !== 'open') {
    recordAck(w.outcome, props.id, false, 'connection_closed');
    effect(ctx, { k: 'publish-failed', p: pid, id: props.id }, 'error');
    return { publisher: pid, id: props.id, exchange: props.exchange, routingKey: props.routingKey, failed: true };
  }
  const seq = p.nextSeq++;
  if (p.confirm) p.unconfirmed.push({ seq, id: props.id });
  if (p.tx) p.txPending.push(props.id);
  send(w, pid, p.node, { type: 'basic.publish', messages: [props.id], seq, publish: { ...props }, tx: p.tx, confirm: p.confirm });
  ctx.nodes.add(p.node);
  return { publisher: pid, id: props.id, exchange: props.exchange, routingKey: props.routingKey, persistent: props.persistent, mandatory: props.mandatory, node: p.node, tx: p.tx, confirm: p.confirm, expiration: props.expiration };
}

/** The broker side: route, enqueue everywhere, answer with basic.return / basic.ack / basic.nack. */
function brokerPublish(w: RW, node: string, pid: string, seq: number, props: PublishProps, confirm: boolean, ctx: Ctx): Record<string, ArgValue> {
  const d = w.d;
  const base = { node, publisher: pid, id: props.id, exchange: props.exchange, routingKey: props.routingKey };
  if (props.exchange !== '' && !d.exchanges[props.exchange]) {
    // A channel error: 404 NOT_FOUND closes the publisher's channel.
    send(w, node, pid, { type: 'channel.close', messages: [props.id], replyCode: 404, replyText: `NOT_FOUND - no exchange '${props.exchange}' in vhost '/'` });
    return { ...base, notFound: true };
  }
  const r = route(d.exchanges, d.bindings, queueExists(w), props.exchange, props.routingKey, props.headers);
  const entry: QueueEntry = { ...props, enqueuedAt: w.time, expiresAt: null, redelivered: false, deliveryCount: 0, xDeath: [], index: 0 };
  const waiting: string[] = [];
  let nack = false;
  for (const q of r.queues) {
    const res = enqueue(w, q, entry, ctx);
    if (res === 'pending') waiting.push(q);
    if (res === 'rejected') nack = true;
  }
  if (r.queues.length === 0 && props.mandatory) send(w, node, pid, { type: 'basic.return', messages: [props.id], replyCode: 312, replyText: 'NO_ROUTE' });
  if (confirm) {
    if (waiting.length === 0) sendConfirm(w, pid, seq, props.id, nack, ctx);
    else d.confirms.push({ publisher: pid, seq, id: props.id, waiting, nack });
  }
  return { ...base, queues: r.queues, via: r.exchanges.filter((x) => x !== props.exchange), alternates: r.alternates, mandatory: props.mandatory, unroutable: r.queues.length === 0 };
}

// ---------------------------------------------------------------- consumers

/** Client: start processing the next buffered delivery. */
function startNext(w: RW, c: ConsumerState) {
  if (c.busy || c.inbox.length === 0 || c.status === 'crashed') return;
  c.busy = c.inbox.shift()!;
  timer(w, c.processingMs, 'process', { node: c.id, data: { consumer: c.id, tag: c.busy.tag, id: c.busy.id } });
}

/** Client: settle one delivery on the wire. */
function settle(w: RW, c: ConsumerState, dl: ClientDelivery, how: 'basic.ack' | 'basic.nack' | 'basic.reject', requeue: boolean) {
  if (!c.node || c.channel !== 'open') return false;
  send(w, c.id, c.node, { type: how, tag: dl.tag, requeue, queue: dl.queue, messages: [dl.id] });
  return true;
}

function actionOf(c: ConsumerState, id: string): OnMessage {
  if ((c.failures[id] ?? 0) > 0) {
    c.failures[id]--;
    return c.failWith;
  }
  return c.onMessageFor[id] ?? c.onMessage;
}

/** Broker: the consumer's channel/connection is gone; its unacked deliveries go back to the queue. */
function releaseConsumer(w: RW, c: ConsumerState, ctx: Ctx) {
  const q = w.d.queues[c.queue];
  if (!q) return;
  detachConsumer(q, c.id);
  const mine = unackedOf(q, c.id);
  q.unacked = q.unacked.filter((u) => u.consumer !== c.id);
  removeWhere(w, (p) => p.kind === 'timer' && p.name === 'consumer_timeout' && p.data?.consumer === c.id);
  if (q.status === 'running' || isReplicated(q)) requeue(w, q, mine.map((u) => u.entry), ctx);
  dispatch(w, q, ctx);
  armQueueExpires(w, q);
}

/** Client: drop everything buffered; auto-acked deliveries are lost for good (the broker forgot them). */
function dropClientBuffer(w: RW, c: ConsumerState, ctx: Ctx, why: string) {
  const inflight = removeWhere(w, (p) => p.kind === 'net' && (p.msg.to === c.id || p.msg.from === c.id));
  removeWhere(w, (p) => p.kind === 'timer' && p.node === c.id);
  const buffered = [...(c.busy ? [c.busy] : []), ...c.inbox, ...c.held];
  const inflightAuto = inflight.flatMap((p) => (p.kind === 'net' && p.msg.body.type === 'basic.deliver' && p.msg.body.autoAck ? (p.msg.body.messages as string[]) : []));
  for (const dl of buffered.filter((b) => b.autoAck)) {
    effect(ctx, { k: 'lost', q: dl.queue, id: dl.id, why }, 'loss');
    w.d.losses.push({ id: dl.id, queue: dl.queue, why, time: w.time });
  }
  for (const id of inflightAuto) {
    effect(ctx, { k: 'lost', q: c.queue, id, why }, 'loss');
    w.d.losses.push({ id, queue: c.queue, why, time: w.time });
  }
  c.busy = null;
  c.inbox = [];
  c.held = [];
}

/** Connects a client to its first running node, if any. */
function pickNode(w: RW, nodes: string[]): string | null {
  return nodes.find((n) => w.d.nodes[n].status === 'running') ?? null;
}

// ---------------------------------------------------------------- nodes

function crashNode(w: RW, node: string, ctx: Ctx) {
  const d = w.d;
  const n = d.nodes[node];
  n.status = nodeLc.next(n.status, 'node.crash');
  ctx.nodes.add(node);
  ctx.markers.add('crash');
  removeWhere(w, (p) => (p.kind === 'net' && (p.msg.to === node || p.msg.from === node)) || (p.kind === 'timer' && p.node === node));
  // Clients connected to the node lose their connection.
  for (const p of Object.values(d.publishers)) {
    if (p.node !== node) continue;
    p.node = null;
    if (p.channel !== 'closed') p.channel = channelLc.next(p.channel, 'connection.lost');
    d.txBuffer = d.txBuffer.filter((t) => t.publisher !== p.id);
    p.txPending = [];
    p.unconfirmed = [];
    d.confirms = d.confirms.filter((c) => c.publisher !== p.id);
    effect(ctx, { k: 'conn-lost', client: p.id, node, recover: p.recover });
    if (p.recover) timer(w, p.recoveryMs, 'recover', { node: p.id, data: { client: p.id } });
  }
  for (const c of Object.values(d.consumers)) {
    if (c.node !== node) continue;
    dropClientBuffer(w, c, ctx, 'auto-ack');
    c.node = null;
    if (c.channel !== 'closed') c.channel = channelLc.next(c.channel, 'connection.lost');
    if (c.status === 'consuming') c.status = consumerLc.next(c.status, 'connection.lost');
    releaseConsumer(w, c, ctx);
    effect(ctx, { k: 'conn-lost', client: c.id, node, recover: c.recover });
    if (c.recover && c.status === 'disconnected') timer(w, c.recoveryMs, 'recover', { node: c.id, data: { client: c.id } });
  }
  // Queues on the node.
  for (const name of d.queueOrder) {
    const q = d.queues[name];
    if (q.status === 'deleted') continue;
    if (isReplicated(q)) {
      const m = q.members[node];
      if (!m) continue;
      m.role = memberLc.next(m.role, 'member.crash');
      effect(ctx, { k: 'member-down', q: name, node, quorum: q.type === 'quorum' });
      if (q.leader === node) {
        q.leader = null;
        q.status = 'down';
        removeWhere(w, (p) => p.kind === 'timer' && p.name === 'ttl' && p.data?.queue === name);
        timer(w, ELECTION_MS, 'elect', { data: { queue: name } });
      }
      continue;
    }
    if (q.leader !== node) continue;
    // A classic queue lives on one node: unacked deliveries return to it, then a restart keeps only
    // persistent messages of a durable queue; a non-durable queue is gone.
    const back = q.unacked.map((u) => ({ ...u.entry, redelivered: true }));
    q.unacked = [];
    q.ready = [...q.ready, ...back].sort((a, b) => a.index - b.index);
    removeWhere(w, (p) => p.kind === 'timer' && (p.name === 'ttl' || p.name === 'queue.expires') && p.data?.queue === name);
    const survive = q.durable ? q.ready.filter((e) => e.persistent) : [];
    for (const e of q.ready.filter((x) => !survive.includes(x))) {
      const why = q.durable ? 'transient' : 'non-durable-queue';
      effect(ctx, { k: 'lost', q: name, id: e.id, why }, 'loss');
      d.losses.push({ id: e.id, queue: name, why, time: w.time });
    }
    q.ready = survive;
    q.active = [];
    q.blocked = [];
    for (const c of Object.values(d.consumers)) if (c.queue === name && c.status === 'consuming') c.status = consumerLc.next(c.status, 'basic.cancel');
    if (!q.durable) {
      q.status = 'deleted';
      d.bindings = d.bindings.filter((b) => !(b.destinationType === 'queue' && b.destination === name));
      effect(ctx, { k: 'queue-gone', q: name, why: 'non-durable' });
    } else {
      q.status = 'down';
      effect(ctx, { k: 'queue-down', q: name, node, kept: survive.map((e) => e.id) });
    }
  }
}

function startNode(w: RW, node: string, ctx: Ctx) {
  const d = w.d;
  const n = d.nodes[node];
  n.status = nodeLc.next(n.status, 'node.start');
  ctx.nodes.add(node);
  for (const name of d.queueOrder) {
    const q = d.queues[name];
    if (q.status === 'deleted') continue;
    if (isReplicated(q)) {
      const m = q.members[node];
      if (!m) continue;
      m.role = memberLc.next(m.role, 'member.start');
      // A mirror that rejoins is unsynchronised: it holds only messages published from now on.
      if (q.mirrored) {
        m.since = q.nextIndex;
        m.logEnd = q.nextIndex - 1;
        m.match = q.nextIndex - 1;
      }
      effect(ctx, { k: 'member-up', q: name, node, quorum: q.type === 'quorum', synced: !q.mirrored });
      if (q.leader !== null) replicate(w, q, [], ctx, node);
      else elect(w, q, ctx);
      continue;
    }
    if (q.leader !== node) continue;
    q.status = 'running';
    q.lastUsed = w.time;
    for (const e of q.ready) e.redelivered = e.redelivered || false;
    effect(ctx, { k: 'queue-up', q: name, node, ready: q.ready.map((e) => e.id) });
    armExpiry(w, q);
    armQueueExpires(w, q);
  }
  // Clients that gave up waiting retry now.
  for (const c of [...Object.values(d.publishers), ...Object.values(d.consumers)]) {
    const waiting = c.node === null && c.recover && !w.queue.some((p) => p.kind === 'timer' && p.name === 'recover' && p.node === c.id);
    const alive = 'status' in c ? c.status === 'disconnected' : true;
    if (waiting && alive) timer(w, c.recoveryMs, 'recover', { node: c.id, data: { client: c.id } });
  }
}

// ---------------------------------------------------------------- steps

function step(w: RW, s: RabbitStepT): EventData {
  const d = w.d;
  const ctx = newCtx();
  switch (s.do) {
    case 'publish': {
      if (s.count === undefined) {
        const args = clientPublish(w, s.publisher, publishProps(s, s.id), ctx);
        return out('rabbit.publish', args, ctx, { nodes: [s.publisher], messages: [s.id] });
      }
      const ids: string[] = [];
      for (let i = 1; i <= s.count; i++) {
        const props = publishProps(s, `${s.id}${i}`);
        if (i === 1 || s.intervalMs === 0) {
          clientPublish(w, s.publisher, props, ctx);
          ids.push(props.id);
        } else timer(w, s.intervalMs * (i - 1), 'publish', { node: s.publisher, data: { publisher: s.publisher, props: { ...props } } });
      }
      return out('rabbit.publish.batch', { publisher: s.publisher, ids, count: s.count, intervalMs: s.intervalMs, exchange: s.exchange, routingKey: s.routingKey }, ctx, { nodes: [s.publisher], messages: ids });
    }
    case 'tx.commit':
    case 'tx.rollback': {
      const p = d.publishers[s.publisher];
      if (!p.tx || !p.node) return out('rabbit.tx.invalid', { publisher: s.publisher, tx: p.tx, op: s.do }, ctx, { markers: ['error'] });
      send(w, p.id, p.node, { type: s.do, messages: [...p.txPending] });
      const ids = p.txPending;
      p.txPending = [];
      return out(`rabbit.${s.do}`, { publisher: p.id, ids }, ctx, { nodes: [p.id], messages: ids });
    }
    case 'consumer.start':
    case 'consumer.restart': {
      const c = d.consumers[s.consumer];
      const ev = s.do === 'consumer.start' ? 'basic.consume' : 'consumer.restart';
      if (!consumerLc.can(c.status, ev)) return out('rabbit.consumer.invalid', { consumer: c.id, status: c.status, op: s.do }, ctx, { markers: ['error'] });
      if (c.node === null || c.status === 'crashed') {
        c.node = pickNode(w, c.nodes);
        c.channel = 'open';
        c.nextTag = 1;
      }
      if (c.node === null) return out('rabbit.consumer.noNode', { consumer: c.id }, ctx, { markers: ['error'] });
      if (c.channel === 'closed') {
        c.channel = channelLc.next(c.channel, 'channel.open');
        c.nextTag = 1;
      }
      c.status = consumerLc.next(c.status, ev);
      const q = d.queues[c.queue];
      if (q.status === 'deleted') return out('rabbit.consumer.noQueue', { consumer: c.id, queue: c.queue }, ctx, { markers: ['error'] });
      attachConsumer(w, q, c.id);
      dispatch(w, q, ctx);
      return out('rabbit.consumer.start', { consumer: c.id, queue: c.queue, prefetch: c.prefetch, autoAck: c.autoAck, node: c.node, restart: s.do === 'consumer.restart' }, ctx, { nodes: [c.id] });
    }
    case 'consumer.cancel': {
      const c = d.consumers[s.consumer];
      if (!consumerLc.can(c.status, 'basic.cancel')) return out('rabbit.consumer.invalid', { consumer: c.id, status: c.status, op: s.do }, ctx, { markers: ['error'] });
      c.status = consumerLc.next(c.status, 'basic.cancel');
      const q = d.queues[c.queue];
      detachConsumer(q, c.id);
      armQueueExpires(w, q);
      return out('rabbit.consumer.cancel', { consumer: c.id, queue: c.queue, unacked: unackedOf(q, c.id).map((u) => u.entry.id) }, ctx, { nodes: [c.id] });
    }
    case 'consumer.crash': {
      const c = d.consumers[s.consumer];
      if (!consumerLc.can(c.status, 'consumer.crash')) return out('rabbit.consumer.invalid', { consumer: c.id, status: c.status, op: s.do }, ctx, { markers: ['error'] });
      const q = d.queues[c.queue];
      const unacked = unackedOf(q, c.id).map((u) => u.entry.id);
      const processing = c.busy?.id ?? null;
      dropClientBuffer(w, c, ctx, 'auto-ack');
      c.status = consumerLc.next(c.status, 'consumer.crash');
      if (c.channel !== 'closed') c.channel = channelLc.next(c.channel, 'connection.lost');
      if (c.node) releaseConsumer(w, c, ctx);
      c.node = null;
      return out('rabbit.consumer.crash', { consumer: c.id, queue: c.queue, unacked, processing, autoAck: c.autoAck }, ctx, { markers: ['crash'], nodes: [c.id] });
    }
    case 'consumer.set': {
      const c = d.consumers[s.consumer];
      if (s.processingMs !== undefined) c.processingMs = s.processingMs;
      if (s.onMessage !== undefined) c.onMessage = s.onMessage;
      if (s.prefetch !== undefined) {
        if (c.prefetch === 0 || (s.prefetch !== 0 && s.prefetch < c.prefetch)) c.prefetchLowered = true;
        c.prefetch = s.prefetch;
      }
      const q = d.queues[c.queue];
      unblock(w, q, c.id);
      dispatch(w, q, ctx);
      return out('rabbit.consumer.set', { consumer: c.id, processingMs: c.processingMs, onMessage: c.onMessage, prefetch: c.prefetch }, ctx, { nodes: [c.id] });
    }
    case 'channel.close': {
      const c = d.consumers[s.consumer];
      if (!c.node || !channelLc.can(c.channel, 'channel.close')) return out('rabbit.channel.invalid', { consumer: c.id, channel: c.channel }, ctx, { markers: ['error'] });
      c.channel = channelLc.next(c.channel, 'channel.close');
      const lostAuto = [...(c.busy ? [c.busy] : []), ...c.inbox].filter((x) => x.autoAck);
      for (const dl of lostAuto) {
        effect(ctx, { k: 'lost', q: dl.queue, id: dl.id, why: 'auto-ack' }, 'loss');
        d.losses.push({ id: dl.id, queue: dl.queue, why: 'auto-ack', time: w.time });
      }
      removeWhere(w, (p) => p.kind === 'timer' && p.node === c.id);
      const held = [...(c.busy ? [c.busy] : []), ...c.inbox, ...c.held].map((x) => x.id);
      c.busy = null;
      c.inbox = [];
      c.held = [];
      send(w, c.id, c.node, { type: 'channel.close', replyCode: 200, messages: held });
      return out('rabbit.channel.close', { consumer: c.id, held }, ctx, { nodes: [c.id] });
    }
    case 'ack':
    case 'nack':
    case 'reject': {
      const c = d.consumers[s.consumer];
      const i = c.held.findIndex((x) => x.id === s.message);
      const dl = i >= 0 ? c.held[i] : null;
      if (!dl) return out('rabbit.settle.invalid', { consumer: c.id, id: s.message, op: s.do }, ctx, { markers: ['error'] });
      const requeueIt = s.do === 'ack' ? false : s.requeue;
      if (!settle(w, c, dl, `basic.${s.do}`, requeueIt)) return out('rabbit.settle.invalid', { consumer: c.id, id: s.message, op: s.do }, ctx, { markers: ['error'] });
      c.held.splice(i, 1);
      if (s.do === 'ack') {
        recordProcessed(w.outcome, dl.id, dl.queue);
        c.processed.push(dl.id);
      }
      return out('rabbit.settle.manual', { consumer: c.id, id: dl.id, op: s.do, requeue: requeueIt, tag: dl.tag }, ctx, { nodes: [c.id], messages: [dl.id] });
    }
    case 'node.crash':
    case 'node.restart': {
      const n = d.nodes[s.node];
      if (!nodeLc.can(n.status, 'node.crash')) return out('rabbit.node.invalid', { node: s.node, status: n.status }, ctx, { markers: ['error'] });
      crashNode(w, s.node, ctx);
      if (s.do === 'node.restart') timer(w, s.downMs, 'node.start', { data: { node: s.node } });
      return out(`rabbit.${s.do}`, { node: s.node, downMs: s.do === 'node.restart' ? s.downMs : null }, ctx, { markers: ['crash', 'fault'], nodes: [s.node] });
    }
    case 'node.start': {
      const n = d.nodes[s.node];
      if (!nodeLc.can(n.status, 'node.start')) return out('rabbit.node.invalid', { node: s.node, status: n.status }, ctx, { markers: ['error'] });
      startNode(w, s.node, ctx);
      return out('rabbit.node.start', { node: s.node }, ctx, { nodes: [s.node] });
    }
    case 'bind':
    case 'unbind': {
      const b = { source: s.source, destination: s.destination, destinationType: s.destinationType, routingKey: s.routingKey, arguments: { ...s.arguments } };
      const same = (x: typeof b) => x.source === b.source && x.destination === b.destination && x.destinationType === b.destinationType && x.routingKey === b.routingKey && JSON.stringify(x.arguments) === JSON.stringify(b.arguments);
      if (s.do === 'bind' && !d.bindings.some(same)) d.bindings.push(b);
      if (s.do === 'unbind') d.bindings = d.bindings.filter((x) => !same(x));
      return out(`rabbit.${s.do}`, { source: b.source, destination: b.destination, destinationType: b.destinationType, routingKey: b.routingKey }, ctx);
    }
    case 'get': {
      const q = d.queues[s.queue];
      if (q.status !== 'running') return out('rabbit.get', { queue: q.name, id: null }, ctx, { markers: ['error'] });
      q.lastUsed = w.time;
      expireHead(w, q, ctx);
      const e = q.ready.shift();
      if (e) {
        recordDelivered(w.outcome, e.id);
        recordProcessed(w.outcome, e.id, q.name);
      }
      armExpiry(w, q);
      dispatch(w, q, ctx);
      return out('rabbit.get', { queue: q.name, id: e?.id ?? null, redelivered: e?.redelivered ?? false }, ctx, { messages: e ? [e.id] : [] });
    }
    case 'queue.purge': {
      const q = d.queues[s.queue];
      const ids = q.ready.map((e) => e.id);
      q.ready = [];
      armExpiry(w, q);
      return out('rabbit.queue.purge', { queue: q.name, ids }, ctx, { messages: ids });
    }
    case 'queue.delete': {
      const q = d.queues[s.queue];
      deleteQueue(w, q, ctx, 'queue.delete');
      return out('rabbit.queue.delete', { queue: q.name }, ctx);
    }
    default:
      throw new Error(`rabbitmq: unknown step ${(s as { do: string }).do}`);
  }
}

function deleteQueue(w: RW, q: QueueState, ctx: Ctx, why: string) {
  const ids = [...q.ready, ...q.unacked.map((u) => u.entry), ...q.pending].map((e) => e.id);
  for (const id of ids) {
    effect(ctx, { k: 'lost', q: q.name, id, why }, 'loss');
    w.d.losses.push({ id, queue: q.name, why, time: w.time });
  }
  q.status = 'deleted';
  q.ready = [];
  q.unacked = [];
  q.pending = [];
  w.d.bindings = w.d.bindings.filter((b) => !(b.destinationType === 'queue' && b.destination === q.name));
  for (const c of Object.values(w.d.consumers)) if (c.queue === q.name && c.status === 'consuming') c.status = consumerLc.next(c.status, 'basic.cancel');
  q.active = [];
  q.blocked = [];
  removeWhere(w, (p) => p.kind === 'timer' && (p.name === 'ttl' || p.name === 'queue.expires') && p.data?.queue === q.name);
}

// ---------------------------------------------------------------- events

function event(w: RW, ev: Pending): EventData {
  const d = w.d;
  const ctx = newCtx();
  if (ev.kind === 'timer') {
    const data = (ev.data ?? {}) as Record<string, unknown>;
    switch (ev.name) {
      case 'publish': {
        const args = clientPublish(w, String(data.publisher), data.props as PublishProps, ctx);
        return out('rabbit.publish', args, ctx, { nodes: [String(data.publisher)], messages: [String(args.id)] });
      }
      case 'process': {
        const c = d.consumers[String(data.consumer)];
        const dl = c.busy!;
        c.busy = null;
        let action: OnMessage | 'auto' = c.autoAck ? 'auto' : actionOf(c, dl.id);
        if (action === 'auto' || action === 'ack') {
          recordProcessed(w.outcome, dl.id, dl.queue);
          c.processed.push(dl.id);
        }
        let sent = true;
        if (action === 'ack') sent = settle(w, c, dl, 'basic.ack', false);
        else if (action === 'reject' || action === 'reject-requeue') sent = settle(w, c, dl, 'basic.reject', action === 'reject-requeue');
        else if (action === 'nack' || action === 'nack-requeue') sent = settle(w, c, dl, 'basic.nack', action === 'nack-requeue');
        else if (action === 'hold') c.held.push(dl);
        if (!sent) action = 'hold';
        startNext(w, c);
        return out('rabbit.process', { consumer: c.id, id: dl.id, queue: dl.queue, action, tag: dl.tag, redelivered: dl.redelivered }, ctx, { nodes: [c.id], messages: [dl.id], markers: action === 'ack' || action === 'auto' ? ['ack'] : action === 'hold' ? [] : ['error'] });
      }
      case 'ttl': {
        const q = d.queues[String(data.queue)];
        dispatch(w, q, ctx);
        return out('rabbit.ttl', { queue: q.name }, ctx);
      }
      case 'queue.expires': {
        const q = d.queues[String(data.queue)];
        const ms = q.arguments['x-expires'] ?? 0;
        if (hasConsumersOrDown(q) || w.time < q.lastUsed + ms) return out('rabbit.queue.expires.skip', { queue: q.name }, ctx, { bg: true });
        deleteQueue(w, q, ctx, 'x-expires');
        return out('rabbit.queue.expires', { queue: q.name, ms }, ctx, { markers: ['fault'] });
      }
      case 'consumer_timeout': {
        const c = d.consumers[String(data.consumer)];
        const q = d.queues[String(data.queue)];
        const u = q.unacked.find((x) => x.consumer === c.id && x.tag === data.tag);
        if (!u || !c.node) return out('rabbit.consumer_timeout.skip', { consumer: c.id }, ctx, { bg: true });
        const ids = unackedOf(q, c.id).map((x) => x.entry.id);
        send(w, c.node, c.id, { type: 'channel.close', replyCode: 406, replyText: 'PRECONDITION_FAILED - delivery acknowledgement timed out', messages: ids });
        releaseConsumer(w, c, ctx);
        c.channel = channelLc.next(c.channel, 'channel.close');
        return out('rabbit.consumer_timeout', { consumer: c.id, queue: q.name, id: u.entry.id, ms: d.config.consumer_timeout, requeued: ids }, ctx, { markers: ['error'], nodes: [c.id] });
      }
      case 'recover': {
        const id = String(data.client);
        const p = d.publishers[id];
        const c = d.consumers[id];
        const node = pickNode(w, (p ?? c).nodes);
        if (node === null) return out('rabbit.recover.wait', { client: id }, ctx, { bg: true });
        if (p) {
          p.node = node;
          p.channel = channelLc.next(p.channel, 'channel.open');
          p.nextSeq = 1;
          return out('rabbit.recover', { client: id, node }, ctx, { nodes: [id, node] });
        }
        if (c.status !== 'disconnected') return out('rabbit.recover.skip', { client: id }, ctx, { bg: true });
        c.node = node;
        c.channel = channelLc.next(c.channel, 'channel.open');
        c.nextTag = 1;
        c.status = consumerLc.next(c.status, 'connection.recovered');
        const q = d.queues[c.queue];
        if (q.status !== 'deleted') {
          attachConsumer(w, q, c.id);
          dispatch(w, q, ctx);
        }
        return out('rabbit.recover', { client: id, node, queue: c.queue }, ctx, { nodes: [id, node] });
      }
      case 'node.start': {
        const node = String(data.node);
        if (!nodeLc.can(d.nodes[node].status, 'node.start')) return out('rabbit.node.invalid', { node, status: d.nodes[node].status }, ctx, { bg: true });
        startNode(w, node, ctx);
        return out('rabbit.node.start', { node }, ctx, { nodes: [node] });
      }
      case 'elect': {
        const q = d.queues[String(data.queue)];
        const ok = elect(w, q, ctx);
        return out(ok ? 'rabbit.elect' : 'rabbit.elect.fail', { queue: q.name, leader: q.leader, quorum: q.type === 'quorum' }, ctx);
      }
      default:
        throw new Error(`rabbitmq: unknown timer ${ev.name}`);
    }
  }
  const m = ev.msg;
  const b = m.body as Record<string, unknown> & { type: string };
  const ids = Array.isArray(b.messages) ? (b.messages as string[]) : [];
  if (isNode(w, m.to)) {
    const node = m.to;
    if (d.nodes[node].status !== 'running') return out('rabbit.node.unreachable', { node, type: b.type }, ctx, { bg: true });
    switch (b.type) {
      case 'basic.publish': {
        const props = b.publish as PublishProps;
        if (b.tx) {
          d.txBuffer.push({ publisher: m.from, publish: props });
          return out('rabbit.tx.buffered', { node, publisher: m.from, id: props.id }, ctx, { nodes: [node], messages: [props.id] });
        }
        const args = brokerPublish(w, node, m.from, Number(b.seq), props, Boolean(b.confirm), ctx);
        return out('rabbit.route', args, ctx, { nodes: [node], messages: [props.id], markers: args.unroutable ? ['error'] : [] });
      }
      case 'tx.commit':
      case 'tx.rollback': {
        const mine = d.txBuffer.filter((t) => t.publisher === m.from);
        d.txBuffer = d.txBuffer.filter((t) => t.publisher !== m.from);
        const routed: string[] = [];
        if (b.type === 'tx.commit') for (const t of mine) {
          brokerPublish(w, node, m.from, 0, t.publish, false, ctx);
          routed.push(t.publish.id);
        }
        send(w, node, m.from, { type: `${b.type}-ok`, messages: mine.map((t) => t.publish.id) });
        return out(`rabbit.broker.${b.type}`, { node, publisher: m.from, ids: mine.map((t) => t.publish.id) }, ctx, { nodes: [node] });
      }
      case 'basic.ack':
      case 'basic.nack':
      case 'basic.reject': {
        const c = d.consumers[m.from];
        const q = d.queues[String(b.queue)];
        const u = q.unacked.find((x) => x.consumer === c.id && x.tag === b.tag);
        if (!u) return out('rabbit.settle.unknown', { node, consumer: c.id, tag: Number(b.tag), type: b.type, id: ids[0] ?? null }, ctx, { nodes: [node], messages: ids });
        q.unacked = q.unacked.filter((x) => x !== u);
        removeWhere(w, (p) => p.kind === 'timer' && p.name === 'consumer_timeout' && p.data?.consumer === c.id && p.data?.tag === u.tag);
        if (b.type !== 'basic.ack') {
          if (b.requeue) requeue(w, q, [u.entry], ctx);
          else deadLetter(w, q, u.entry, 'rejected', ctx);
        }
        unblock(w, q, c.id);
        dispatch(w, q, ctx);
        return out('rabbit.settle', { node, consumer: c.id, queue: q.name, id: u.entry.id, type: b.type, requeue: Boolean(b.requeue), tag: u.tag }, ctx, { nodes: [node], messages: [u.entry.id], markers: b.type === 'basic.ack' ? [] : ['error'] });
      }
      case 'channel.close': {
        const c = d.consumers[m.from];
        const unacked = unackedOf(d.queues[c.queue], c.id).map((u) => u.entry.id);
        releaseConsumer(w, c, ctx);
        send(w, node, c.id, { type: 'channel.close-ok', messages: [] });
        return out('rabbit.channel.closed', { node, consumer: c.id, queue: c.queue, requeued: unacked }, ctx, { nodes: [node], messages: unacked });
      }
      case 'ra.append_entries':
      case 'gm.broadcast': {
        const q = d.queues[String(b.queue)];
        const mem = q.members[node];
        if (!mem || mem.role === 'down' || q.status === 'deleted') return out('rabbit.replica.ignore', { node, queue: q.name }, ctx, { bg: true });
        mem.logEnd = Math.max(mem.logEnd, Number(b.upTo));
        send(w, node, m.from, { type: b.type === 'gm.broadcast' ? 'gm.ack' : 'ra.append_entries_reply', queue: q.name, match: mem.logEnd, messages: ids });
        return out('rabbit.replica.append', { node, queue: q.name, match: mem.logEnd, ids, quorum: q.type === 'quorum' }, ctx, { nodes: [node], messages: ids });
      }
      case 'ra.append_entries_reply':
      case 'gm.ack': {
        const q = d.queues[String(b.queue)];
        const mem = q.members[m.from];
        if (q.leader !== node || !mem || mem.role === 'down') return out('rabbit.replica.ignore', { node, queue: q.name }, ctx, { bg: true });
        mem.match = Math.max(mem.match, Number(b.match));
        commit(w, q, ctx);
        return out('rabbit.replica.ack', { node, queue: q.name, from: m.from, match: mem.match, quorum: q.type === 'quorum' }, ctx, { nodes: [node], messages: ids });
      }
      default:
        throw new Error(`rabbitmq: unexpected ${b.type} at node ${node}`);
    }
  }
  // Client side.
  const p = d.publishers[m.to];
  const c = d.consumers[m.to];
  switch (b.type) {
    case 'basic.ack':
    case 'basic.nack': {
      const id = ids[0];
      p.unconfirmed = p.unconfirmed.filter((x) => x.seq !== b.seq);
      const ok = b.type === 'basic.ack';
      recordAck(w.outcome, id, ok, ok ? null : 'nack');
      // A returned message is still confirmed (basic.return then basic.ack): acked stays true and
      // error says "returned" so the report shows both facts.
      const returned = p.returned.includes(id);
      if (ok && returned) w.outcome.fates[id].error = 'returned';
      return out('rabbit.confirm', { publisher: p.id, id, ok, seq: Number(b.seq), returned }, ctx, { nodes: [p.id], messages: [id], markers: [ok ? 'ack' : 'error'] });
    }
    case 'basic.return': {
      const id = ids[0];
      p.returned.push(id);
      if (!p.confirm) w.outcome.fates[id].error = 'returned';
      return out('rabbit.return', { publisher: p.id, id, replyCode: Number(b.replyCode), replyText: String(b.replyText) }, ctx, { nodes: [p.id], messages: [id], markers: ['error'] });
    }
    case 'tx.commit-ok':
    case 'tx.rollback-ok': {
      if (b.type === 'tx.commit-ok') for (const id of ids) recordAck(w.outcome, id, true);
      return out(`rabbit.${b.type}`, { publisher: p.id, ids }, ctx, { nodes: [p.id], messages: ids, markers: b.type === 'tx.commit-ok' ? ['ack'] : [] });
    }
    case 'basic.deliver': {
      const dl: ClientDelivery = { tag: Number(b.tag), id: ids[0], queue: String(b.queue), redelivered: Boolean(b.redelivered), autoAck: Boolean(b.autoAck), xDeath: [] };
      if (c.channel !== 'open') {
        // The client already closed the channel: the delivery is discarded. The broker requeues a
        // manual-ack delivery when the close reaches it; an auto-acked one is gone.
        if (dl.autoAck) {
          effect(ctx, { k: 'lost', q: dl.queue, id: dl.id, why: 'auto-ack' }, 'loss');
          d.losses.push({ id: dl.id, queue: dl.queue, why: 'auto-ack', time: w.time });
        }
        return out('rabbit.deliver.discarded', { consumer: c.id, id: dl.id, queue: dl.queue, autoAck: dl.autoAck }, ctx, { nodes: [c.id], messages: [dl.id] });
      }
      c.received.push(dl.id);
      c.inbox.push(dl);
      startNext(w, c);
      return out('rabbit.deliver', { consumer: c.id, id: dl.id, queue: dl.queue, tag: dl.tag, redelivered: dl.redelivered, autoAck: dl.autoAck, xDeath: (b.xDeath as string[]) ?? [] }, ctx, { nodes: [c.id], messages: [dl.id] });
    }
    case 'channel.close': {
      if (p) {
        const id = ids[0];
        recordAck(w.outcome, id, false, 'NOT_FOUND');
        p.unconfirmed = [];
        // The client library reopens a channel for the next publish.
        p.nextSeq = 1;
        return out('rabbit.channel.error', { client: p.id, id, replyCode: Number(b.replyCode), replyText: String(b.replyText) }, ctx, { nodes: [p.id], messages: [id], markers: ['error'] });
      }
      dropClientBuffer(w, c, ctx, 'auto-ack');
      if (c.channel !== 'closed') c.channel = 'closed';
      if (c.status === 'consuming') c.status = consumerLc.next(c.status, 'basic.cancel');
      return out('rabbit.channel.error', { client: c.id, replyCode: Number(b.replyCode), replyText: String(b.replyText ?? ''), ids }, ctx, { nodes: [c.id], markers: ['error'] });
    }
    case 'channel.close-ok': {
      c.channel = channelLc.next(c.channel, 'channel.close-ok');
      if (c.status === 'consuming') c.status = consumerLc.next(c.status, 'basic.cancel');
      return out('rabbit.channel.close-ok', { consumer: c.id }, ctx, { nodes: [c.id] });
    }
    default:
      throw new Error(`rabbitmq: unexpected ${b.type} at client ${m.to}`);
  }
}

const hasConsumersOrDown = (q: QueueState) => q.active.length + q.blocked.length > 0 || q.status !== 'running';

// ---------------------------------------------------------------- invariants and report

/**
 * Checked after every event:
 * - a message copy (its log index in a queue) is in at most one place: ready, pending, or unacked by
 *   exactly one consumer — never held unacked by two consumers at once;
 * - ready messages stay in log order (FIFO, requeue to the original position);
 * - no consumer holds more unacked deliveries than its prefetch allows (manual ack);
 * - a queue has at most one leader, on a running node, and it is a member in role "leader";
 * - x-max-length is respected.
 */
function invariants(w: RW): string[] {
  const v: string[] = [];
  const d = w.d;
  for (const name of d.queueOrder) {
    const q = d.queues[name];
    const seen = new Set<number>();
    for (const e of [...q.ready, ...q.pending, ...q.unacked.map((u) => u.entry)]) {
      if (seen.has(e.index)) v.push(`${name}: copy #${e.index} (${e.id}) is held twice (ready/unacked by two consumers)`);
      seen.add(e.index);
    }
    for (let i = 1; i < q.ready.length; i++) if (q.ready[i - 1].index > q.ready[i].index) v.push(`${name}: ready messages out of order at ${q.ready[i].id}`);
    const max = q.arguments['x-max-length'];
    if (max !== undefined && q.ready.length > max) v.push(`${name}: ${q.ready.length} ready > x-max-length ${max}`);
    if (q.leader !== null && q.status !== 'deleted' && isReplicated(q)) {
      const leaders = Object.entries(q.members).filter(([, m]) => m.role === 'leader');
      if (leaders.length > 1) v.push(`${name}: ${leaders.length} leaders`);
      if (d.nodes[q.leader].status !== 'running') v.push(`${name}: leader ${q.leader} is not running`);
    }
    const counts: Record<string, number> = {};
    for (const u of q.unacked) counts[u.consumer] = (counts[u.consumer] ?? 0) + 1;
    for (const [cid, n] of Object.entries(counts)) {
      const c = d.consumers[cid];
      if (c.prefetch > 0 && n > c.prefetch && !c.prefetchLowered) v.push(`${cid}: ${n} unacked > prefetch ${c.prefetch}`);
    }
  }
  return v;
}

function storedIds(d: RabbitState): Set<string> {
  const s = new Set<string>();
  for (const q of Object.values(d.queues)) {
    if (q.status === 'deleted') continue;
    for (const e of q.ready) s.add(e.id);
    for (const u of q.unacked) s.add(u.entry.id);
  }
  return s;
}

/** The RabbitMQ engine without narration (engine.ts adds it; the browser loads the narration separately). */
export const rabbitCore: EngineCore<RabbitScenario, RabbitState> = {
  system: 'rabbitmq',
  init,
  nodes: (sc) => [...sc.topology.nodes, ...sc.topology.publishers.map((p) => p.id), ...sc.topology.consumers.map((c) => c.id)],
  step: (w, s) => step(w, s as RabbitStepT),
  event: (w, ev) => event(w, ev),
  invariants: (w) => invariants(w),
  report(w) {
    const d = w.d;
    const stored = storedIds(d);
    const live = d.queueOrder.filter((n) => d.queues[n].status !== 'deleted');
    return {
      stored: (id) => stored.has(id),
      queues: Object.fromEntries(live.map((n) => [n, d.queues[n].ready.map((e) => e.id)])),
      extra: {
        unacked: Object.fromEntries(live.map((n) => [n, d.queues[n].unacked.map((u) => u.entry.id)])),
        deadLetters: d.deadLetters.map((x) => ({ id: x.id, queue: x.queue, reason: x.reason, exchange: x.exchange, routingKey: x.routingKey, to: x.to, time: x.time })),
        xDeath: Object.fromEntries(live.map((n) => [n, Object.fromEntries(d.queues[n].ready.filter((e) => e.xDeath.length > 0).map((e) => [e.id, e.xDeath.map((x) => ({ queue: x.queue, reason: x.reason, count: x.count, exchange: x.exchange, 'routing-keys': x['routing-keys'] }))]))])),
        losses: d.losses.map((x) => ({ id: x.id, queue: x.queue, why: x.why })),
        consumers: Object.fromEntries(Object.values(d.consumers).map((c) => [c.id, { status: c.status, channel: c.channel, node: c.node, received: c.received, processed: c.processed }])),
        publishers: Object.fromEntries(Object.values(d.publishers).map((p) => [p.id, { returned: p.returned, unconfirmed: p.unconfirmed.map((u) => u.id) }])),
        nodes: Object.fromEntries(d.nodeOrder.map((n) => [n, d.nodes[n].status])),
        queueStatus: Object.fromEntries(d.queueOrder.map((n) => [n, { status: d.queues[n].status, type: d.queues[n].type, leader: d.queues[n].leader, members: Object.fromEntries(Object.entries(d.queues[n].members).map(([k, m]) => [k, m.role])) }])),
      },
    };
  },
};

export type { RabbitScenario } from './schema';
