/**
 * Broker-side operations on the domain state: enqueue with length limits, dispatch bounded by
 * prefetch, requeue to the original position, head-of-queue TTL, dead-lettering with x-death, and
 * replication for quorum (Raft majority) and mirrored (all mirrors) queues.
 *
 * Every operation appends "effects" to a context; the event that caused them records the effects as
 * args, and narrate.ts turns each into a sentence. So one event ("m5 arrives at q1") can say that it
 * also pushed m1 off the head of q1 and dead-lettered it.
 */
import type { ArgValue, Marker } from '../core/types';
import { recordDeadLettered, recordDelivered, recordRouted, recordSent } from '../core/outcome';
import { removeWhere, send, timer, type World } from '../core/world';
import { route } from './routing';
import { memberLc } from './machines';
import type { ConsumerState, DeadLetterReason, QueueEntry, QueueState, RabbitState, Unacked } from './model';

export type RW = World<RabbitState>;

/** One secondary effect of an event, kept as plain args so narration can be generated later. */
export type Effect = { k: string } & Record<string, ArgValue>;

export interface Ctx {
  fx: Effect[];
  markers: Set<Marker>;
  messages: Set<string>;
  nodes: Set<string>;
}

export const newCtx = (): Ctx => ({ fx: [], markers: new Set(), messages: new Set(), nodes: new Set() });

export function effect(ctx: Ctx, e: Effect, marker?: Marker) {
  ctx.fx.push(e);
  if (typeof e.id === 'string') ctx.messages.add(e.id);
  if (marker) ctx.markers.add(marker);
}

/** Quorum queues: the delivery limit when none is declared (RabbitMQ 4.0+; 3.x had none). */
export const DEFAULT_DELIVERY_LIMIT = 20;
/** Raft election timeout before a follower of a quorum queue takes over (order of Ra's default). */
export const ELECTION_MS = 2000;

export const isReplicated = (q: QueueState) => q.type === 'quorum' || q.mirrored;

/** Total body bytes of ready messages (what x-max-length-bytes limits). */
const readyBytes = (q: QueueState) => q.ready.reduce((n, e) => n + e.bytes, 0);

export function unackedOf(q: QueueState, consumer: string): Unacked[] {
  return q.unacked.filter((u) => u.consumer === consumer);
}

/** Inserts an entry into `ready` at its original position (ascending log index). */
function insertByIndex(q: QueueState, e: QueueEntry) {
  let i = q.ready.length;
  while (i > 0 && q.ready[i - 1].index > e.index) i--;
  q.ready.splice(i, 0, e);
}

/** Effective TTL of a message in a queue: the lower of x-message-ttl and the `expiration` property. */
export function ttlOf(q: QueueState, e: Pick<QueueEntry, 'expiration'>): number | null {
  const qt = q.arguments['x-message-ttl'];
  if (qt === undefined) return e.expiration;
  return e.expiration === null ? qt : Math.min(qt, e.expiration);
}

// ---------------------------------------------------------------- enqueue

export type EnqueueResult = 'ok' | 'pending' | 'rejected' | 'dropped';

/**
 * Puts a copy of a message into a queue. Length limits (rabbitmq.com/docs/maxlength) count ready
 * messages only: with reject-publish(-dlx) a queue already at its limit refuses the message (the
 * publisher gets basic.nack; -dlx also dead-letters it); with drop-head the oldest ready messages are
 * dropped (dead-lettered with reason maxlen) after the new one is added.
 */
export function enqueue(w: RW, qname: string, e: QueueEntry, ctx: Ctx): EnqueueResult {
  const q = w.d.queues[qname];
  if (!q || q.status === 'deleted') return 'dropped';
  if (q.status === 'down' && !isReplicated(q)) {
    effect(ctx, { k: 'queue-unavailable', q: qname, id: e.id }, 'error');
    return 'dropped';
  }
  const overflow = q.arguments['x-overflow'] ?? 'drop-head';
  const maxLen = q.arguments['x-max-length'];
  const maxBytes = q.arguments['x-max-length-bytes'];
  if (overflow !== 'drop-head') {
    const len = q.ready.length + q.pending.length;
    const bytes = readyBytes(q) + q.pending.reduce((n, x) => n + x.bytes, 0);
    if ((maxLen !== undefined && len >= maxLen) || (maxBytes !== undefined && bytes + e.bytes > maxBytes)) {
      effect(ctx, { k: 'reject-publish', q: qname, id: e.id, overflow, max: maxLen ?? maxBytes ?? 0 }, 'error');
      if (overflow === 'reject-publish-dlx') deadLetter(w, q, e, 'maxlen', ctx);
      return 'rejected';
    }
  }
  const ttl = ttlOf(q, e);
  const entry: QueueEntry = { ...e, enqueuedAt: w.time, expiresAt: ttl === null ? null : w.time + ttl, index: q.nextIndex++ };
  recordRouted(w.outcome, e.id, [qname]);
  if (isReplicated(q)) {
    q.pending.push(entry);
    if (q.leader !== null) {
      q.members[q.leader].match = q.members[q.leader].logEnd = entry.index;
      replicate(w, q, [entry], ctx);
      commit(w, q, ctx);
    } else effect(ctx, { k: 'no-leader', q: qname, id: e.id });
    return q.pending.some((p) => p.index === entry.index) ? 'pending' : 'ok';
  }
  q.ready.push(entry);
  recordSent(w.outcome, e.id, qname);
  effect(ctx, { k: 'enq', q: qname, id: e.id, ready: q.ready.length });
  afterGrow(w, q, ctx);
  return 'ok';
}

/** After ready grew: drop-head overflow, then deliveries, then head expiry. */
function afterGrow(w: RW, q: QueueState, ctx: Ctx) {
  if ((q.arguments['x-overflow'] ?? 'drop-head') === 'drop-head') {
    const maxLen = q.arguments['x-max-length'];
    const maxBytes = q.arguments['x-max-length-bytes'];
    while (q.ready.length > 0 && ((maxLen !== undefined && q.ready.length > maxLen) || (maxBytes !== undefined && readyBytes(q) > maxBytes))) {
      const head = q.ready.shift()!;
      effect(ctx, { k: 'drop-head', q: q.name, id: head.id, max: maxLen ?? maxBytes ?? 0, bytes: maxLen === undefined }, 'dead-letter');
      deadLetter(w, q, head, 'maxlen', ctx);
    }
  }
  dispatch(w, q, ctx);
}

// ---------------------------------------------------------------- replication

/** Leader → followers: append the given entries (or just catch up, when `entries` is empty). */
export function replicate(w: RW, q: QueueState, entries: QueueEntry[], ctx: Ctx, only?: string) {
  if (q.leader === null) return;
  const upTo = Math.max(q.members[q.leader].logEnd, ...entries.map((e) => e.index));
  const type = q.type === 'quorum' ? 'ra.append_entries' : 'gm.broadcast';
  const to: string[] = [];
  for (const [node, m] of Object.entries(q.members)) {
    if (node === q.leader || m.role === 'down' || (only !== undefined && node !== only)) continue;
    send(w, q.leader, node, { type, queue: q.name, upTo, messages: entries.map((e) => e.id) });
    to.push(node);
  }
  if (entries.length > 0 && to.length > 0) effect(ctx, { k: 'append', q: q.name, ids: entries.map((e) => e.id), to, quorum: q.type === 'quorum' });
}

/**
 * Commits what enough replicas hold: a quorum queue needs a majority of its members (the leader
 * counts), a mirrored classic queue every live mirror. Committed messages become ready and count
 * towards publisher confirms.
 */
export function commit(w: RW, q: QueueState, ctx: Ctx) {
  if (q.leader === null || q.pending.length === 0) return;
  const members = Object.values(q.members);
  let upTo: number;
  if (q.type === 'quorum') {
    const matches = members.map((m) => m.match).sort((a, b) => b - a);
    upTo = matches[Math.floor(members.length / 2)];
  } else {
    upTo = Math.min(...members.filter((m) => m.role !== 'down').map((m) => m.match));
  }
  const done = q.pending.filter((e) => e.index <= upTo);
  if (done.length === 0) return;
  q.pending = q.pending.filter((e) => e.index > upTo);
  effect(ctx, { k: 'commit', q: q.name, ids: done.map((e) => e.id), quorum: q.type === 'quorum' });
  for (const e of done) {
    insertByIndex(q, e);
    recordSent(w.outcome, e.id, q.name);
    resolveConfirm(w, e.id, q.name, ctx);
  }
  afterGrow(w, q, ctx);
}

// ---------------------------------------------------------------- confirms

/** A queue has (or has refused) the message: send the confirm once no queue is outstanding. */
export function resolveConfirm(w: RW, id: string, qname: string, ctx: Ctx, nack = false) {
  const pc = w.d.confirms.find((c) => c.id === id && c.waiting.includes(qname));
  if (!pc) return;
  pc.waiting = pc.waiting.filter((x) => x !== qname);
  if (nack) pc.nack = true;
  if (pc.waiting.length === 0) {
    w.d.confirms = w.d.confirms.filter((c) => c !== pc);
    sendConfirm(w, pc.publisher, pc.seq, id, pc.nack, ctx);
  }
}

export function sendConfirm(w: RW, publisher: string, seq: number, id: string, nack: boolean, ctx: Ctx) {
  const p = w.d.publishers[publisher];
  if (!p.node) return;
  send(w, p.node, publisher, { type: nack ? 'basic.nack' : 'basic.ack', seq, messages: [id] });
  effect(ctx, { k: 'confirm-sent', p: publisher, id, nack });
}

// ---------------------------------------------------------------- delivery

const canDeliverTo = (c: ConsumerState) => c.status === 'consuming' && c.channel === 'open' && c.node !== null;

/**
 * Round-robin dispatch bounded by prefetch (rabbitmq.com/docs/consumer-prefetch): the consumer at
 * the front of `active` gets the next message and moves to the back; one that reaches its prefetch
 * limit moves to `blocked` until an ack frees room. Expired messages at the head are dropped first.
 */
export function dispatch(w: RW, q: QueueState, ctx: Ctx) {
  if (q.status !== 'running') return;
  for (;;) {
    expireHead(w, q, ctx);
    if (q.ready.length === 0 || q.active.length === 0) break;
    const cid = q.active.shift()!;
    const c = w.d.consumers[cid];
    if (!canDeliverTo(c)) continue;
    const e = q.ready.shift()!;
    const tag = c.nextTag++;
    const redelivered = e.redelivered;
    e.redelivered = true;
    if (!c.autoAck) {
      q.unacked.push({ tag, consumer: cid, entry: e, deliveredAt: w.time });
      timer(w, w.d.config.consumer_timeout, 'consumer_timeout', { data: { consumer: cid, queue: q.name, tag }, bg: true });
    }
    recordDelivered(w.outcome, e.id);
    send(w, c.node!, cid, { type: 'basic.deliver', messages: [e.id], tag, queue: q.name, redelivered, autoAck: c.autoAck, xDeath: e.xDeath.map((x) => `${x.reason}@${x.queue}×${x.count}`) });
    effect(ctx, { k: 'deliver', q: q.name, id: e.id, c: cid, tag, redelivered, autoAck: c.autoAck });
    if (!c.autoAck && c.prefetch > 0 && unackedOf(q, cid).length >= c.prefetch) q.blocked.push(cid);
    else q.active.push(cid);
  }
  armExpiry(w, q);
}

/** A consumer's unacked count fell: if it was blocked and has room again, it rejoins at the back. */
export function unblock(w: RW, q: QueueState, cid: string) {
  const c = w.d.consumers[cid];
  if (!q.blocked.includes(cid)) return;
  if (c.prefetch === 0 || unackedOf(q, cid).length < c.prefetch) {
    q.blocked = q.blocked.filter((x) => x !== cid);
    if (canDeliverTo(c)) q.active.push(cid);
  }
}

export function detachConsumer(q: QueueState, cid: string) {
  q.active = q.active.filter((x) => x !== cid);
  q.blocked = q.blocked.filter((x) => x !== cid);
}

export function attachConsumer(w: RW, q: QueueState, cid: string) {
  detachConsumer(q, cid);
  const c = w.d.consumers[cid];
  if (!c.autoAck && c.prefetch > 0 && unackedOf(q, cid).length >= c.prefetch) q.blocked.push(cid);
  else q.active.push(cid);
  q.lastUsed = w.time;
  removeWhere(w, (p) => p.kind === 'timer' && p.name === 'queue.expires' && p.data?.queue === q.name);
}

/** Whether any consumer is registered on the queue (x-expires counts only while there is none). */
export const hasConsumers = (q: QueueState) => q.active.length + q.blocked.length > 0;

export function armQueueExpires(w: RW, q: QueueState) {
  const ms = q.arguments['x-expires'];
  if (ms === undefined || q.status === 'deleted' || hasConsumers(q)) return;
  removeWhere(w, (p) => p.kind === 'timer' && p.name === 'queue.expires' && p.data?.queue === q.name);
  timer(w, ms, 'queue.expires', { data: { queue: q.name } });
}

// ---------------------------------------------------------------- requeue, TTL, dead-lettering

/**
 * Puts settled-with-requeue (or abandoned) deliveries back at their original position, flagged
 * redelivered. Quorum queues count each return and dead-letter a message whose count exceeds the
 * delivery limit (reason delivery_limit).
 */
export function requeue(w: RW, q: QueueState, entries: QueueEntry[], ctx: Ctx) {
  for (const e of entries) {
    e.redelivered = true;
    e.deliveryCount++;
    if (q.type === 'quorum') {
      const limit = q.arguments['x-delivery-limit'] ?? DEFAULT_DELIVERY_LIMIT;
      if (e.deliveryCount > limit) {
        effect(ctx, { k: 'delivery-limit', q: q.name, id: e.id, limit, count: e.deliveryCount }, 'dead-letter');
        deadLetter(w, q, e, 'delivery_limit', ctx);
        continue;
      }
    }
    insertByIndex(q, e);
    effect(ctx, { k: 'requeue', q: q.name, id: e.id, count: e.deliveryCount });
  }
}

/** Drops expired messages at the head (TTL is only enforced at the head: rabbitmq.com/docs/ttl). */
export function expireHead(w: RW, q: QueueState, ctx: Ctx) {
  while (q.ready.length > 0 && q.ready[0].expiresAt !== null && q.ready[0].expiresAt <= w.time) {
    const e = q.ready.shift()!;
    const ttl = ttlOf(q, e);
    effect(ctx, { k: 'expired', q: q.name, id: e.id, ttl: ttl ?? 0, perMessage: e.expiration !== null && (q.arguments['x-message-ttl'] === undefined || e.expiration < q.arguments['x-message-ttl']) }, 'dead-letter');
    deadLetter(w, q, e, 'expired', ctx);
  }
}

/** One timer per queue, at the head's expiry time. */
export function armExpiry(w: RW, q: QueueState) {
  removeWhere(w, (p) => p.kind === 'timer' && p.name === 'ttl' && p.data?.queue === q.name);
  const head = q.ready[0];
  if (q.status === 'running' && head && head.expiresAt !== null) timer(w, Math.max(0, head.expiresAt - w.time), 'ttl', { data: { queue: q.name } });
}

/**
 * Dead-letters a message (rabbitmq.com/docs/dlx): republishes it to the queue's
 * x-dead-letter-exchange with x-dead-letter-routing-key (or its own routing key), with an x-death
 * entry {queue, reason, count, exchange, routing-keys} and without its `expiration`. Without a DLX
 * the message is discarded. A cycle (back into a queue it already died in, with no rejection on the
 * way) is dropped, as RabbitMQ does.
 */
export function deadLetter(w: RW, q: QueueState, e: QueueEntry, reason: DeadLetterReason, ctx: Ctx) {
  const dlx = q.arguments['x-dead-letter-exchange'];
  ctx.markers.add('dead-letter');
  if (dlx === undefined) {
    effect(ctx, { k: 'discard', q: q.name, id: e.id, reason });
    return;
  }
  recordDeadLettered(w.outcome, e.id, reason);
  const rk = q.arguments['x-dead-letter-routing-key'] ?? e.routingKey;
  const xDeath = e.xDeath.map((x) => ({ ...x, 'routing-keys': [...x['routing-keys']] }));
  const at = xDeath.findIndex((x) => x.queue === q.name && x.reason === reason);
  if (at >= 0) {
    const [x] = xDeath.splice(at, 1);
    xDeath.unshift({ ...x, count: x.count + 1, time: w.time });
  } else xDeath.unshift({ queue: q.name, reason, count: 1, exchange: e.exchange, 'routing-keys': [e.routingKey], time: w.time });
  const copy: QueueEntry = { ...e, exchange: dlx, routingKey: rk, expiration: null, xDeath, redelivered: false, deliveryCount: 0 };
  const d = w.d;
  const r = d.exchanges[dlx] || dlx === '' ? route(d.exchanges, d.bindings, (n) => d.queues[n]?.status !== undefined && d.queues[n].status !== 'deleted', dlx, rk, e.headers) : { queues: [] as string[] };
  const rejectedOnPath = xDeath.some((x) => x.reason === 'rejected');
  const to: string[] = [];
  for (const target of r.queues) {
    if (!rejectedOnPath && xDeath.some((x) => x.queue === target)) {
      effect(ctx, { k: 'dl-cycle', q: q.name, id: e.id, to: target });
      continue;
    }
    to.push(target);
  }
  d.deadLetters.push({ id: e.id, queue: q.name, reason, exchange: dlx, routingKey: rk, to, time: w.time });
  effect(ctx, { k: 'dead', q: q.name, id: e.id, reason, dlx, rk, to, exists: d.exchanges[dlx] !== undefined || dlx === '' });
  for (const target of to) enqueue(w, target, copy, ctx);
}

// ---------------------------------------------------------------- leader election

/**
 * Elects a new leader for a replicated queue whose leader is gone. Quorum: needs a majority of
 * members running; the most up-to-date one wins (Raft), so committed messages survive. Mirrored
 * (3.x): the oldest live mirror is promoted even if unsynchronised — messages it never had are lost —
 * and every unacked delivery is requeued.
 */
export function elect(w: RW, q: QueueState, ctx: Ctx): boolean {
  if (q.leader !== null || q.status === 'deleted') return false;
  const order = w.d.nodeOrder.filter((n) => q.members[n]);
  const up = order.filter((n) => q.members[n].role !== 'down' && w.d.nodes[n].status === 'running');
  const need = q.type === 'quorum' ? Math.floor(order.length / 2) + 1 : 1;
  if (up.length < need) {
    effect(ctx, { k: 'no-quorum', q: q.name, up: up.length, need }, 'error');
    return false;
  }
  const best = q.type === 'quorum' ? up.reduce((a, b) => (q.members[b].logEnd > q.members[a].logEnd ? b : a)) : up[0];
  const m = q.members[best];
  m.role = memberLc.next(m.role, 'member.elected');
  // A new leader knows only its own log; replies to its first append tell it what the others hold.
  for (const [n, other] of Object.entries(q.members)) other.match = n === best ? m.logEnd : 0;
  q.leader = best;
  q.status = 'running';
  ctx.markers.add('leader-change');
  ctx.nodes.add(best);
  effect(ctx, { k: 'elected', q: q.name, node: best, quorum: q.type === 'quorum' });
  const keep = q.pending.filter((e) => e.index <= m.logEnd);
  for (const e of q.pending.filter((x) => x.index > m.logEnd)) effect(ctx, { k: 'lost', q: q.name, id: e.id, why: 'uncommitted' }, 'loss');
  q.pending = keep;
  if (q.mirrored) {
    const lostOld = q.ready.filter((e) => e.index < m.since);
    q.ready = q.ready.filter((e) => e.index >= m.since);
    for (const e of lostOld) {
      effect(ctx, { k: 'lost', q: q.name, id: e.id, why: 'unsynchronised-mirror' }, 'loss');
      w.d.losses.push({ id: e.id, queue: q.name, why: 'unsynchronised-mirror', time: w.time });
    }
    const back = q.unacked.map((u) => u.entry);
    for (const u of q.unacked) unblockLater(q, u.consumer);
    q.unacked = [];
    requeue(w, q, back, ctx);
  }
  replicate(w, q, [], ctx);
  commit(w, q, ctx);
  dispatch(w, q, ctx);
  return true;
}

function unblockLater(q: QueueState, cid: string) {
  if (q.blocked.includes(cid)) {
    q.blocked = q.blocked.filter((x) => x !== cid);
    q.active.push(cid);
  }
}
