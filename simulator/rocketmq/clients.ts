/**
 * Producer and consumer clients (the 4.x remoting client): route discovery through a NameServer,
 * heartbeats, DefaultMQProducer / TransactionMQProducer sends with retries, DefaultMQPushConsumer
 * (long polling, concurrent or orderly listener, rebalance, offsets, send-back) and
 * DefaultLitePullConsumer (poll steps, auto-commit).
 */
import { recordAck, recordDelivered, recordProcessed, recordSent } from '../core/outcome';
import { int } from '../core/rng';
import { removeWhere, send, timer } from '../core/world';
import { dropClient } from './broker';
import { cancelTimers, consumerCfg, ensureForeground, opaque, producerCfg, routeAddr, subscriberUnit, subscriberUnits, T, type Ev, type Sc, type W } from './ctx';
import { consumerLc } from './machines';
import { retryTopic, type ConsumerNode, type OutgoingSend, type PQMessage, type ProcessQueue, type ProducerNode, type RouteView, type SendAttempt, type LogEntry } from './model';
import { allocateAll, commitableOffset, delayOfLevel, levelLabel, mqKey, parseMqKey, selectByHash, selectOneMessageQueue, sendBackDecision, STRATEGY_NAME, type MQ } from './pure';
import { delayLevels } from './ctx';
import type { Behaviour } from './schema';

type Body = Record<string, unknown> & { type: string };

// ------------------------------------------------------------------ shared client plumbing

export function requestRoute(w: W, sc: Sc, client: ProducerNode | ConsumerNode, topic: string) {
  if (client.routeWaiting) client.nsIndex++;
  client.routeWaiting = true;
  const ns = sc.nameservers[client.nsIndex % sc.nameservers.length];
  send(w, client.id, ns, { type: 'GET_ROUTEINFO_BY_TOPIC', topic });
}

const brokerNodesIn = (routes: Record<string, RouteView>, mastersOnly: boolean) =>
  [...new Set(Object.values(routes).flatMap((r) => Object.values(r.addrs).flatMap((a) => Object.entries(a).filter(([id]) => !mastersOnly || id === '0').map(([, n]) => n))))].sort();

/** TopicPublishInfo: the writable queues of brokers that have a master in the route, broker by broker. */
export function publishQueues(route: RouteView | undefined, topic: string): MQ[] {
  if (!route) return [];
  const out: MQ[] = [];
  for (const brokerName of Object.keys(route.queues).sort()) {
    if (!route.addrs[brokerName]?.['0']) continue;
    for (let q = 0; q < route.queues[brokerName]; q++) out.push({ topic, brokerName, queueId: q });
  }
  return out;
}

/** Every readable queue of a topic per the route (what rebalance allocates). */
function subscribeQueues(route: RouteView | undefined, topic: string): MQ[] {
  if (!route) return [];
  return Object.keys(route.queues)
    .sort()
    .flatMap((brokerName) => Array.from({ length: route.queues[brokerName] }, (_, q) => ({ topic, brokerName, queueId: q })));
}

// ------------------------------------------------------------------ producer

export function producerTick(w: W, sc: Sc, p: ProducerNode): Ev {
  for (const topic of Object.keys(p.routes).sort()) requestRoute(w, sc, p, topic);
  for (const b of brokerNodesIn(p.routes, true)) send(w, p.id, b, { type: 'HEART_BEAT', role: 'producer', group: p.group });
  timer(w, T.heartbeat, 'client.tick', { node: p.id, bg: true });
  return { kind: 'rocket.client.tick', args: { client: p.id }, bg: true, nodes: [p.id] };
}

const syncBusy = (p: ProducerNode) => Object.values(p.inflight).some((a) => a.send.mode === 'sync') || p.waitingRoute.some((s) => s.mode === 'sync');

export function producerSend(w: W, sc: Sc, p: ProducerNode, s: OutgoingSend): Ev {
  const base = { producer: p.id, id: s.id, topic: s.topic, mode: s.mode, transactional: s.transactional };
  if (p.state !== 'RUNNING') {
    recordSent(w.outcome, s.id);
    return { kind: 'rocket.producer.down', args: base, markers: ['error'], nodes: [p.id], messages: [s.id] };
  }
  if (s.mode === 'sync' && syncBusy(p)) {
    p.outbox.push(s);
    return { kind: 'rocket.producer.blocked', args: base, nodes: [p.id], messages: [s.id] };
  }
  return startSend(w, sc, p, s);
}

function startSend(w: W, sc: Sc, p: ProducerNode, s: OutgoingSend): Ev {
  if (!p.routes[s.topic]) {
    p.waitingRoute.push(s);
    if (!p.waitingRoute.some((x) => x !== s && x.topic === s.topic)) requestRoute(w, sc, p, s.topic);
    return { kind: 'rocket.producer.needRoute', args: { producer: p.id, id: s.id, topic: s.topic }, nodes: [p.id], messages: [s.id] };
  }
  return attempt(w, sc, p, s, null, 1);
}

function attempt(w: W, sc: Sc, p: ProducerNode, s: OutgoingSend, last: string | null, n: number): Ev {
  const cfg = producerCfg(sc, p.id);
  const route = p.routes[s.topic];
  const list = publishQueues(route, s.topic);
  if (list.length === 0) return fail(w, sc, p, s, 'No route info of this topic');
  let index: number;
  if (s.shardingKey !== null) index = selectByHash(s.shardingKey, list.length);
  else {
    const r = selectOneMessageQueue(list, p.sendWhichQueue[s.topic] ?? 0, last);
    index = r.index;
    p.sendWhichQueue[s.topic] = r.counter;
  }
  const mq = list[index];
  const key = mqKey(mq);
  const node = route.addrs[mq.brokerName]['0'];
  s.firstAt ??= w.time;
  s.brokersSent.push(mq.brokerName);
  const first = w.d.firstUnit[s.id] === undefined;
  const unit = (w.d.firstUnit[s.id] ??= key);
  recordSent(w.outcome, s.id, first ? unit : undefined);
  if (first) for (const u of subscriberUnits(sc, s.topic, unit)) recordSent(w.outcome, s.id, u);
  const op = opaque(w);
  send(w, p.id, node, {
    type: 'SEND_MESSAGE',
    opaque: op,
    group: p.group,
    id: s.id,
    msgId: s.msgId,
    topic: s.topic,
    queueId: mq.queueId,
    key: s.key,
    tags: s.tags,
    delayLevel: s.delayLevel,
    prepared: s.transactional,
    localTransaction: s.localTransaction,
    checkResult: s.checkResult,
    unit,
    oneway: s.mode === 'oneway',
    messages: [s.id],
  });
  const args = { producer: p.id, id: s.id, queue: key, broker: node, attempt: n, mode: s.mode, selector: s.shardingKey ?? '', delayLevel: s.delayLevel ?? 0, transactional: s.transactional };
  if (s.mode === 'oneway') {
    nextSync(w, sc, p);
    return { kind: 'rocket.producer.send', args, nodes: [p.id, node], messages: [s.id] };
  }
  const a: SendAttempt & { send: OutgoingSend } = { opaque: op, id: s.id, topic: s.topic, queue: key, brokerName: mq.brokerName, attempt: n, startedAt: w.time, firstAt: s.firstAt, transactional: s.transactional, send: s };
  p.inflight[String(op)] = a;
  timer(w, Math.max(1, cfg.sendMsgTimeout - (w.time - s.firstAt)), 'producer.sendTimeout', { node: p.id, data: { opaque: op } });
  return { kind: 'rocket.producer.send', args, nodes: [p.id, node], messages: [s.id] };
}

function nextSync(w: W, sc: Sc, p: ProducerNode) {
  if (syncBusy(p) || p.outbox.length === 0) return;
  startSend(w, sc, p, p.outbox.shift()!);
}

function fail(w: W, sc: Sc, p: ProducerNode, s: OutgoingSend, error: string): Ev {
  recordAck(w.outcome, s.id, false, error);
  nextSync(w, sc, p);
  return { kind: 'rocket.producer.failed', args: { producer: p.id, id: s.id, error, tried: s.brokersSent }, markers: ['error'], nodes: [p.id], messages: [s.id] };
}

/** Retries on another broker while attempts and the sync send's total timeout allow. */
function retryOrFail(w: W, sc: Sc, p: ProducerNode, a: SendAttempt & { send: OutgoingSend }, error: string): Ev {
  const cfg = producerCfg(sc, p.id);
  const s = a.send;
  // sendSelectImpl (a MessageQueueSelector) has no retry loop; oneway never retries.
  const total = s.shardingKey !== null ? 1 : s.mode === 'async' ? 1 + cfg.retryTimesWhenSendAsyncFailed : 1 + cfg.retryTimesWhenSendFailed;
  const spent = w.time - a.firstAt;
  if (a.attempt < total && spent < cfg.sendMsgTimeout) {
    const ev = attempt(w, sc, p, s, a.brokerName, a.attempt + 1);
    return { ...ev, kind: 'rocket.producer.retry', args: { ...ev.args, error, last: a.brokerName }, markers: ['error'] };
  }
  const why = a.attempt < total ? 'timeout' : s.shardingKey !== null ? 'selector' : 'attempts';
  const ev = fail(w, sc, p, s, error);
  return { ...ev, args: { ...ev.args, why, attempts: a.attempt } };
}

export function onSendTimeout(w: W, sc: Sc, p: ProducerNode, op: number): Ev {
  const a = p.inflight[String(op)];
  if (!a) return { kind: 'rocket.noop', args: {}, bg: true };
  delete p.inflight[String(op)];
  return retryOrFail(w, sc, p, a, 'RemotingTimeoutException');
}

const STORED_BUT_NOT_OK = ['FLUSH_DISK_TIMEOUT', 'FLUSH_SLAVE_TIMEOUT', 'SLAVE_NOT_AVAILABLE'];

function endTransaction(w: W, p: ProducerNode, broker: string, id: string, result: string, fromCheck: boolean) {
  send(w, p.id, broker, { type: 'END_TRANSACTION', id, result, fromTransactionCheck: fromCheck, messages: [id] });
  if (result === 'COMMIT_MESSAGE') recordAck(w.outcome, id, true);
  else if (result === 'ROLLBACK_MESSAGE') recordAck(w.outcome, id, false, 'ROLLBACK_MESSAGE');
}

export function onProducerNet(w: W, sc: Sc, p: ProducerNode, from: string, body: Body): Ev {
  switch (body.type) {
    case 'GET_ROUTEINFO_BY_TOPIC.response': {
      const topic = String(body.topic);
      p.routeWaiting = false;
      const route = body.route as RouteView | null;
      const waiting = p.waitingRoute.filter((s) => s.topic === topic);
      p.waitingRoute = p.waitingRoute.filter((s) => s.topic !== topic);
      if (!route) {
        const ids = waiting.map((s) => s.id);
        for (const s of waiting) recordAck(w.outcome, s.id, false, 'No route info of this topic');
        nextSync(w, sc, p);
        return { kind: 'rocket.client.noRoute', args: { client: p.id, topic }, markers: ids.length ? ['error'] : undefined, nodes: [p.id], messages: ids };
      }
      const fresh = !p.routes[topic];
      p.routes[topic] = route;
      // ThreadLocalIndex starts at a random value: seeded here.
      if (p.sendWhichQueue[topic] === undefined) p.sendWhichQueue[topic] = int(w, 0x7fffffff);
      if (fresh) for (const b of brokerNodesIn({ [topic]: route }, true)) send(w, p.id, b, { type: 'HEART_BEAT', role: 'producer', group: p.group });
      const evs = waiting.map((s) => attempt(w, sc, p, s, null, 1));
      const ids = waiting.map((s) => s.id);
      return { kind: 'rocket.client.route', args: { client: p.id, topic, brokers: Object.keys(route.queues).sort(), masters: Object.keys(route.addrs).filter((b) => route.addrs[b]['0']).sort(), sent: ids }, bg: evs.length === 0, nodes: [p.id], messages: ids };
    }
    case 'SEND_MESSAGE.response': {
      const a = p.inflight[String(body.opaque)];
      const status = String(body.status);
      if (!a) return { kind: 'rocket.producer.late', args: { producer: p.id, id: String(body.id), status }, nodes: [p.id], messages: [String(body.id)] };
      delete p.inflight[String(body.opaque)];
      cancelTimers(w, 'producer.sendTimeout', p.id, { opaque: a.opaque });
      const stored = status === 'SEND_OK' || STORED_BUT_NOT_OK.includes(status);
      if (!stored) return retryOrFail(w, sc, p, a, status);
      const ok = status === 'SEND_OK';
      let local = '';
      if (a.transactional) {
        // sendMessageInTransaction: the local transaction runs only after SEND_OK; any other status rolls back.
        local = ok ? w.d.txns[a.id].localTransaction : 'ROLLBACK_MESSAGE';
        endTransaction(w, p, from, a.id, local, false);
        if (!ok) recordAck(w.outcome, a.id, false, status);
      } else recordAck(w.outcome, a.id, ok, ok ? null : status);
      nextSync(w, sc, p);
      return {
        kind: a.transactional ? 'rocket.txn.local' : 'rocket.producer.result',
        args: { producer: p.id, id: a.id, status, queue: String(body.queue), offset: Number(body.queueOffset), local, attempt: a.attempt },
        markers: ok && (!a.transactional || local === 'COMMIT_MESSAGE') ? ['ack'] : ok && local === 'UNKNOW' ? undefined : ['error'],
        nodes: [from, p.id],
        messages: [a.id],
      };
    }
    case 'CHECK_TRANSACTION_STATE': {
      const id = String(body.id);
      const t = w.d.txns[id];
      const n = Number(body.checkTimes);
      const result = t.checkResult[Math.min(n - 1, t.checkResult.length - 1)] ?? 'UNKNOW';
      endTransaction(w, p, from, id, result, true);
      return { kind: 'rocket.txn.checkLocal', args: { producer: p.id, id, n, result }, markers: result === 'COMMIT_MESSAGE' ? ['ack'] : undefined, nodes: [from, p.id], messages: [id] };
    }
    case 'CONNECTION_REFUSED': {
      if (body.request === 'GET_ROUTEINFO_BY_TOPIC') {
        requestRoute(w, sc, p, String(body.topic));
        return { kind: 'rocket.client.nsRefused', args: { client: p.id, ns: from }, markers: ['error'], nodes: [p.id, from] };
      }
      const a = p.inflight[String(body.opaque)];
      if (!a) return { kind: 'rocket.noop', args: {}, bg: true };
      delete p.inflight[String(body.opaque)];
      cancelTimers(w, 'producer.sendTimeout', p.id, { opaque: a.opaque });
      return retryOrFail(w, sc, p, a, 'RemotingConnectException');
    }
    default:
      return { kind: 'rocket.noop', args: {}, bg: true };
  }
}

export function crashProducer(w: W, p: ProducerNode) {
  p.inflight = {};
  p.outbox = [];
  p.waitingRoute = [];
  p.routes = {};
  p.routeWaiting = false;
  removeWhere(w, (x) => x.kind === 'timer' && x.node === p.id);
  dropClient(w, p.id);
}

// ------------------------------------------------------------------ consumer

const isClustering = (sc: Sc, c: ConsumerNode) => consumerCfg(sc, c.id).messageModel === 'CLUSTERING';

function subscriptions(sc: Sc, c: ConsumerNode): string[] {
  const cfg = consumerCfg(sc, c.id);
  return cfg.messageModel === 'CLUSTERING' ? [...cfg.subscribe, retryTopic(cfg.group)] : [...cfg.subscribe];
}

export function startConsumer(w: W, sc: Sc, c: ConsumerNode) {
  c.state = consumerLc.next(c.state, 'consumer.start');
  c.assigned = [];
  c.pqs = {};
  c.offsets = isClustering(sc, c) ? {} : { ...c.localStore };
  c.dirty = false;
  c.ready = false;
  c.routes = {};
  c.pending = {};
  c.rebalancePending = false;
  c.routeWaiting = false;
  for (const t of subscriptions(sc, c)) requestRoute(w, sc, c, t);
  timer(w, T.heartbeat, 'client.tick', { node: c.id, bg: true });
  timer(w, T.rebalance, 'consumer.rebalance', { node: c.id, bg: true });
  timer(w, T.persist, 'consumer.persist', { node: c.id, bg: true });
}

export function consumerTick(w: W, sc: Sc, c: ConsumerNode): Ev {
  for (const t of subscriptions(sc, c)) requestRoute(w, sc, c, t);
  for (const b of brokerNodesIn(c.routes, false)) send(w, c.id, b, { type: 'HEART_BEAT', role: 'consumer', group: c.group });
  timer(w, T.heartbeat, 'client.tick', { node: c.id, bg: true });
  return { kind: 'rocket.client.tick', args: { client: c.id }, bg: true, nodes: [c.id] };
}

function request(w: W, c: ConsumerNode, to: string, body: Body, pending: ConsumerNode['pending'][string], timeoutMs: number, bg: boolean): number {
  const op = opaque(w);
  c.pending[String(op)] = pending;
  send(w, c.id, to, { ...body, opaque: op });
  timer(w, timeoutMs, 'consumer.timeout', { node: c.id, data: { opaque: op }, bg });
  return op;
}

/** RebalanceImpl.doRebalance: BROADCASTING takes every queue; CLUSTERING asks a broker for the group's consumer ids first. */
export function rebalance(w: W, sc: Sc, c: ConsumerNode, periodic: boolean): Ev {
  if (c.state !== 'RUNNING' || !c.ready) return { kind: 'rocket.noop', args: {}, bg: true };
  if (!isClustering(sc, c)) {
    const all = subscriptions(sc, c).flatMap((t) => subscribeQueues(c.routes[t], t).map(mqKey));
    return applyAssignment(w, sc, c, all, null, periodic);
  }
  const brokerNames = [...new Set(subscriptions(sc, c).flatMap((t) => Object.keys(c.routes[t]?.queues ?? {})))].sort();
  const target = brokerNames.map((b) => routeAddr(c.routes[subscriptions(sc, c).find((t) => c.routes[t]?.addrs[b])!], b)).find((n) => n !== null);
  if (periodic) renewLocks(w, sc, c);
  if (!target) return { kind: 'rocket.consumer.noBroker', args: { consumer: c.id }, bg: periodic, nodes: [c.id] };
  request(w, c, target, { type: 'GET_CONSUMER_LIST_BY_GROUP', group: c.group }, { kind: 'cids' }, T.request, true);
  return { kind: 'rocket.consumer.rebalanceStart', args: { consumer: c.id, broker: target, periodic }, bg: true, nodes: [c.id, target] };
}

function renewLocks(w: W, sc: Sc, c: ConsumerNode) {
  const cfg = consumerCfg(sc, c.id);
  if (cfg.listener !== 'orderly' || cfg.messageModel !== 'CLUSTERING') return;
  lockQueues(w, sc, c, c.assigned, true);
}

function lockQueues(w: W, sc: Sc, c: ConsumerNode, keys: string[], renew: boolean) {
  const byBroker: Record<string, string[]> = {};
  for (const k of keys) (byBroker[parseMqKey(k).brokerName] ??= []).push(k);
  for (const [brokerName, mqs] of Object.entries(byBroker)) {
    const topic = parseMqKey(mqs[0]).topic;
    const node = routeAddr(c.routes[topic], brokerName, true);
    if (node) request(w, c, node, { type: 'LOCK_BATCH_MQ', group: c.group, mqs, renew }, { kind: 'lock' }, T.request, true);
  }
}

function persistTo(w: W, c: ConsumerNode, keys: string[], periodic: boolean) {
  const byBroker: Record<string, Record<string, number>> = {};
  for (const k of keys) if (c.offsets[k] !== undefined) (byBroker[parseMqKey(k).brokerName] ??= {})[k] = c.offsets[k];
  for (const [brokerName, offsets] of Object.entries(byBroker)) {
    const topic = parseMqKey(Object.keys(offsets)[0]).topic;
    const node = routeAddr(c.routes[topic], brokerName);
    if (node) send(w, c.id, node, { type: 'UPDATE_CONSUMER_OFFSET', group: c.group, offsets, periodic });
  }
}

export function recordAllocation(w: W, sc: Sc, group: string): boolean {
  const cfgs = sc.consumers.filter((x) => x.group === group);
  const assignment = Object.fromEntries(
    cfgs
      .map((x) => w.d.consumers[x.id])
      .filter((x) => x.state === 'RUNNING')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((x) => [x.id, [...x.assigned]]),
  );
  const last = [...w.d.allocations].reverse().find((a) => a.group === group);
  if (last && JSON.stringify(last.assignment) === JSON.stringify(assignment)) return false;
  const protocol = cfgs[0].messageModel === 'BROADCASTING' ? 'BROADCASTING' : STRATEGY_NAME[cfgs[0].allocate];
  w.d.allocations.push({ group, generation: (last?.generation ?? 0) + 1, protocol, assignment });
  return true;
}

/** updateProcessQueueTableInRebalance: drop queues no longer ours (persisting their offsets), start the new ones. */
function applyAssignment(w: W, sc: Sc, c: ConsumerNode, keys: string[], cids: string[] | null, periodic: boolean): Ev {
  const cfg = consumerCfg(sc, c.id);
  const next = [...new Set(keys)].sort();
  const removed = c.assigned.filter((k) => !next.includes(k));
  const added = next.filter((k) => !c.assigned.includes(k));
  const clustering = cfg.messageModel === 'CLUSTERING';
  const orderlyLock = cfg.listener === 'orderly' && clustering;
  if (clustering) persistTo(w, c, removed, false);
  for (const k of removed) {
    c.pqs[k].dropped = true;
    delete c.pqs[k];
    if (clustering) delete c.offsets[k];
  }
  if (orderlyLock && removed.length > 0) {
    const byBroker: Record<string, string[]> = {};
    for (const k of removed) (byBroker[parseMqKey(k).brokerName] ??= []).push(k);
    for (const [brokerName, mqs] of Object.entries(byBroker)) {
      const node = routeAddr(c.routes[parseMqKey(mqs[0]).topic], brokerName, true);
      if (node) send(w, c.id, node, { type: 'UNLOCK_BATCH_MQ', group: c.group, mqs });
    }
  }
  c.assigned = next;
  for (const k of added) {
    c.pqs[k] = { mq: k, nextOffset: clustering ? -1 : (c.offsets[k] ?? 0), msgs: [], maxTaken: -1, pulling: false, locked: false, dropped: false };
    if (!orderlyLock) pull(w, sc, c, c.pqs[k]);
  }
  if (orderlyLock && added.length > 0) lockQueues(w, sc, c, added, false);
  const changed = recordAllocation(w, sc, c.group);
  const gen = [...w.d.allocations].reverse().find((a) => a.group === c.group)?.generation ?? 0;
  const idle = next.filter((k) => !k.startsWith('%RETRY%')).length === 0;
  return {
    kind: 'rocket.consumer.rebalance',
    args: { consumer: c.id, group: c.group, strategy: clustering ? STRATEGY_NAME[cfg.allocate] : 'BROADCASTING', cids: cids ?? [], assigned: next.filter((k) => !k.startsWith('%RETRY%')), added, removed, idle, generation: gen },
    markers: changed && (added.length > 0 || removed.length > 0) ? ['rebalance'] : undefined,
    bg: !(added.length > 0 || removed.length > 0) && !(idle && !periodic),
    nodes: [c.id],
  };
}

function pull(w: W, sc: Sc, c: ConsumerNode, pq: ProcessQueue) {
  if (pq.pulling || pq.dropped || c.state !== 'RUNNING') return;
  const mq = parseMqKey(pq.mq);
  const node = routeAddr(c.routes[mq.topic], mq.brokerName);
  if (!node) {
    timer(w, T.pullRetry, 'consumer.pullLater', { node: c.id, data: { mq: pq.mq }, bg: true });
    return;
  }
  pq.pulling = true;
  const clustering = isClustering(sc, c);
  request(
    w,
    c,
    node,
    { type: 'PULL_MESSAGE', group: c.group, mq: pq.mq, offset: pq.nextOffset, max: consumerCfg(sc, c.id).pullBatchSize, commitOffset: clustering && c.offsets[pq.mq] !== undefined ? c.offsets[pq.mq] : null },
    { kind: 'pull', mq: pq.mq },
    T.pullTimeout,
    true,
  );
}

const behaviourOf = (sc: Sc, c: ConsumerNode, id: string): Behaviour => {
  const b = consumerCfg(sc, c.id).behaviour;
  return b[id] ?? b['*'] ?? { failTimes: 0, crashAfterProcessing: false };
};

function dispatch(w: W, sc: Sc, c: ConsumerNode, pq: ProcessQueue): string[] {
  const cfg = consumerCfg(sc, c.id);
  if (cfg.kind === 'litePull' || pq.dropped) return [];
  if (cfg.listener === 'orderly') {
    if (cfg.messageModel === 'CLUSTERING' && !pq.locked) return [];
    if (pq.msgs.length === 0 || pq.msgs.some((m) => m.status !== 'waiting')) return [];
    startConsume(w, sc, c, pq, pq.msgs[0]);
    return [pq.msgs[0].entry.id];
  }
  const started: string[] = [];
  for (const m of pq.msgs)
    if (m.status === 'waiting') {
      startConsume(w, sc, c, pq, m);
      started.push(m.entry.id);
    }
  return started;
}

function startConsume(w: W, sc: Sc, c: ConsumerNode, pq: ProcessQueue, pm: PQMessage) {
  const cfg = consumerCfg(sc, c.id);
  const id = pm.entry.id;
  const tally = (w.d.attempts[c.group] ??= {});
  const n = (tally[id] = (tally[id] ?? 0) + 1);
  recordDelivered(w.outcome, id);
  const beh = behaviourOf(sc, c, id);
  const ms = (beh.consumeTimeMs ?? cfg.consumeTimeMs) + (cfg.consumeJitterMs > 0 ? int(w, cfg.consumeJitterMs) : 0);
  pm.status = 'consuming';
  timer(w, ms, 'consumer.consumeDone', { node: c.id, data: { mq: pq.mq, uid: pm.entry.uid, n, fail: n <= beh.failTimes } });
}

function advanceOffset(w: W, c: ConsumerNode, pq: ProcessQueue, orderlyNext: number | null) {
  const off = orderlyNext ?? commitableOffset(pq.msgs.map((m) => m.entry.queueOffset), pq.maxTaken);
  c.offsets[pq.mq] = Math.max(c.offsets[pq.mq] ?? 0, off);
  if (!c.dirty) {
    c.dirty = true;
    ensureForeground(w, 'consumer.persist', c.id);
  }
}

/** Runs the application's business logic result: processed (or skipped as a duplicate) or failed. */
function businessOutcome(w: W, sc: Sc, c: ConsumerNode, e: LogEntry, fail: boolean): 'ok' | 'dup' | 'fail' {
  if (fail) return 'fail';
  const cfg = consumerCfg(sc, c.id);
  if (cfg.dedupe === 'key' && e.key !== null) {
    const table = (w.d.dedupe[c.group] ??= []);
    // The unique-key insert is the first statement of the business transaction.
    if (table.includes(e.key)) return 'dup';
    table.push(e.key);
  }
  recordProcessed(w.outcome, e.id, subscriberUnit(sc, c.id, e.unit));
  return 'ok';
}

export function onConsumeDone(w: W, sc: Sc, c: ConsumerNode, data: Record<string, unknown>): Ev {
  const cfg = consumerCfg(sc, c.id);
  const key = String(data.mq);
  const pq = c.pqs[key];
  const pm = pq?.msgs.find((m) => m.entry.uid === data.uid);
  const e = pm?.entry;
  if (!pq || !pm || !e) return { kind: 'rocket.noop', args: {}, bg: true };
  const result = businessOutcome(w, sc, c, e, Boolean(data.fail));
  const n = Number(data.n);
  const base = { consumer: c.id, id: e.id, queue: key, n, listener: cfg.listener, reconsumeTimes: e.reconsumeTimes };
  if (result === 'ok' && behaviourOf(sc, c, e.id).crashAfterProcessing && !w.d.crashed.includes(e.id)) {
    w.d.crashed.push(e.id);
    crashConsumer(w, sc, c, 'CRASHED');
    return { kind: 'rocket.consumer.crashAfterProcessing', args: { ...base, offset: e.queueOffset }, markers: ['crash'], nodes: [c.id], messages: [e.id] };
  }
  const clustering = cfg.messageModel === 'CLUSTERING';
  if (cfg.listener === 'orderly') {
    if (result !== 'fail') {
      pq.msgs = pq.msgs.filter((m) => m !== pm);
      advanceOffset(w, c, pq, e.queueOffset + 1);
      const next = dispatch(w, sc, c, pq);
      return { kind: 'rocket.consumer.done', args: { ...base, result: result === 'dup' ? 'DUPLICATE' : 'SUCCESS', next }, nodes: [c.id], messages: [e.id] };
    }
    const max = cfg.maxReconsumeTimes ?? -1;
    if (max >= 0 && pm.localRetries >= max) {
      return sendBack(w, sc, c, pq, pm, true, { ...base, result: 'SUSPEND_CURRENT_QUEUE_A_MOMENT' });
    }
    pm.localRetries++;
    pm.status = 'suspended';
    timer(w, cfg.suspendCurrentQueueTimeMillis, 'consumer.resume', { node: c.id, data: { mq: key } });
    return { kind: 'rocket.consumer.suspend', args: { ...base, ms: cfg.suspendCurrentQueueTimeMillis, localRetries: pm.localRetries }, markers: ['error'], nodes: [c.id], messages: [e.id] };
  }
  if (result !== 'fail') {
    pq.msgs = pq.msgs.filter((m) => m !== pm);
    advanceOffset(w, c, pq, null);
    return { kind: 'rocket.consumer.done', args: { ...base, result: result === 'dup' ? 'DUPLICATE' : 'SUCCESS', next: [] }, nodes: [c.id], messages: [e.id] };
  }
  if (!clustering) {
    // ConsumeMessageConcurrentlyService: BROADCASTING failures are only logged and dropped.
    pq.msgs = pq.msgs.filter((m) => m !== pm);
    advanceOffset(w, c, pq, null);
    return { kind: 'rocket.consumer.broadcastDrop', args: base, markers: ['error'], nodes: [c.id], messages: [e.id] };
  }
  return sendBack(w, sc, c, pq, pm, false, { ...base, result: 'RECONSUME_LATER' });
}

function sendBack(w: W, sc: Sc, c: ConsumerNode, pq: ProcessQueue, pm: PQMessage, orderly: boolean, base: Record<string, string | number | boolean>): Ev {
  const cfg = consumerCfg(sc, c.id);
  const e = pm.entry;
  const mq = parseMqKey(pq.mq);
  const node = routeAddr(c.routes[mq.topic], mq.brokerName, true);
  const max = cfg.maxReconsumeTimes ?? 16;
  const reconsumeTimes = orderly ? pm.localRetries : e.reconsumeTimes;
  const decision = orderly ? ({ dlq: true } as const) : sendBackDecision(reconsumeTimes, max);
  pm.status = 'sendingBack';
  const args = { ...base, failure: reconsumeTimes + 1, max: orderly ? (cfg.maxReconsumeTimes ?? -1) : max, topic: decision.dlq ? `%DLQ%${c.group}` : retryTopic(c.group), level: 0, delay: '', dlq: decision.dlq, orderly };
  if (!decision.dlq) {
    const { level, ms } = delayOfLevel(delayLevels(sc, mq.brokerName), decision.delayLevel);
    args.level = level;
    args.delay = levelLabel(ms);
  }
  if (!node) {
    timer(w, T.consumeLater, 'consumer.consumeLater', { node: c.id, data: { mq: pq.mq, uid: e.uid } });
    return { kind: 'rocket.consumer.sendBackLater', args: { consumer: c.id, id: e.id }, markers: ['error'], nodes: [c.id], messages: [e.id] };
  }
  request(w, c, node, { type: 'CONSUMER_SEND_MSG_BACK', group: c.group, uid: e.uid, id: e.id, reconsumeTimes, maxReconsumeTimes: max, forceDlq: orderly, messages: [e.id] }, { kind: 'sendBack', mq: pq.mq, uid: e.uid, id: e.id }, T.request, false);
  return { kind: 'rocket.consumer.failed', args, markers: ['error'], nodes: [c.id, node], messages: [e.id] };
}

export function onConsumerTimer(w: W, sc: Sc, c: ConsumerNode, name: string, data: Record<string, unknown>): Ev {
  switch (name) {
    case 'consumer.consumeDone':
      return onConsumeDone(w, sc, c, data);
    case 'consumer.resume':
    case 'consumer.consumeLater': {
      const pq = c.pqs[String(data.mq)];
      if (!pq) return { kind: 'rocket.noop', args: {}, bg: true };
      const pm = name === 'consumer.resume' ? pq.msgs[0] : pq.msgs.find((m) => m.entry.uid === data.uid);
      if (pm) pm.status = 'waiting';
      const started = dispatch(w, sc, c, pq);
      return { kind: name === 'consumer.resume' ? 'rocket.consumer.resume' : 'rocket.consumer.consumeLater', args: { consumer: c.id, queue: pq.mq, ids: started }, nodes: [c.id], messages: started };
    }
    case 'consumer.pullLater': {
      const pq = c.pqs[String(data.mq)];
      if (pq) pull(w, sc, c, pq);
      return { kind: 'rocket.consumer.pullLater', args: { consumer: c.id, queue: String(data.mq) }, bg: true, nodes: [c.id] };
    }
    case 'consumer.timeout': {
      const p = c.pending[String(data.opaque)];
      if (!p) return { kind: 'rocket.noop', args: {}, bg: true };
      delete c.pending[String(data.opaque)];
      return requestFailed(w, sc, c, p, 'timeout');
    }
    case 'consumer.rebalanceNow':
      c.rebalancePending = false;
      return rebalance(w, sc, c, false);
    case 'consumer.rebalance': {
      timer(w, T.rebalance, 'consumer.rebalance', { node: c.id, bg: true });
      return rebalance(w, sc, c, true);
    }
    case 'consumer.persist': {
      const dirty = c.dirty;
      if (isClustering(sc, c)) persistTo(w, c, c.assigned, true);
      else c.localStore = { ...c.localStore, ...c.offsets };
      c.dirty = false;
      timer(w, T.persist, 'consumer.persist', { node: c.id, bg: true });
      const offsets = c.assigned.filter((k) => c.offsets[k] !== undefined).map((k) => `${k}=${c.offsets[k]}`);
      return { kind: 'rocket.consumer.persist', args: { consumer: c.id, offsets, local: !isClustering(sc, c) }, bg: !dirty, markers: dirty ? ['commit'] : undefined, nodes: [c.id] };
    }
    case 'client.tick':
      return consumerTick(w, sc, c);
    default:
      throw new Error(`unknown consumer timer ${name}`);
  }
}

function requestFailed(w: W, sc: Sc, c: ConsumerNode, p: ConsumerNode['pending'][string], why: string): Ev {
  if (p.kind === 'pull') {
    const pq = c.pqs[p.mq!];
    if (pq) {
      pq.pulling = false;
      timer(w, T.pullRetry, 'consumer.pullLater', { node: c.id, data: { mq: p.mq }, bg: true });
    }
    return { kind: 'rocket.consumer.pullFailed', args: { consumer: c.id, queue: p.mq!, why }, bg: true, nodes: [c.id] };
  }
  if (p.kind === 'sendBack') {
    timer(w, T.consumeLater, 'consumer.consumeLater', { node: c.id, data: { mq: p.mq, uid: p.uid } });
    return { kind: 'rocket.consumer.sendBackLater', args: { consumer: c.id, id: p.id! }, markers: ['error'], nodes: [c.id], messages: [p.id!] };
  }
  return { kind: 'rocket.consumer.requestFailed', args: { consumer: c.id, request: p.kind, why }, bg: true, nodes: [c.id] };
}

export function onConsumerNet(w: W, sc: Sc, c: ConsumerNode, from: string, body: Body): Ev {
  const cfg = consumerCfg(sc, c.id);
  const take = () => {
    const p = c.pending[String(body.opaque)];
    if (p) {
      delete c.pending[String(body.opaque)];
      cancelTimers(w, 'consumer.timeout', c.id, { opaque: body.opaque });
    }
    return p;
  };
  switch (body.type) {
    case 'GET_ROUTEINFO_BY_TOPIC.response': {
      c.routeWaiting = false;
      const topic = String(body.topic);
      if (body.route) c.routes[topic] = body.route as RouteView;
      const becameReady = !c.ready && subscriptions(sc, c).every((t) => c.routes[t]);
      if (becameReady) {
        c.ready = true;
        for (const b of brokerNodesIn(c.routes, false)) send(w, c.id, b, { type: 'HEART_BEAT', role: 'consumer', group: c.group });
        c.rebalancePending = true;
        timer(w, 0, 'consumer.rebalanceNow', { node: c.id });
      }
      return { kind: 'rocket.client.route', args: { client: c.id, topic, brokers: Object.keys((body.route as RouteView | null)?.queues ?? {}).sort(), masters: [], sent: [] }, bg: !becameReady, nodes: [c.id] };
    }
    case 'NOTIFY_CONSUMER_IDS_CHANGED': {
      if (c.state === 'RUNNING' && c.ready && !c.rebalancePending) {
        c.rebalancePending = true;
        timer(w, 0, 'consumer.rebalanceNow', { node: c.id });
      }
      return { kind: 'rocket.consumer.notified', args: { consumer: c.id, broker: from, group: c.group }, bg: true, nodes: [from, c.id] };
    }
    case 'GET_CONSUMER_LIST_BY_GROUP.response': {
      if (!take()) return { kind: 'rocket.noop', args: {}, bg: true };
      const cids = body.cids as string[];
      const keys = subscriptions(sc, c).flatMap((t) => (allocateAll(cfg.allocate, subscribeQueues(c.routes[t], t), cids)[c.id] ?? []).map(mqKey));
      return applyAssignment(w, sc, c, keys, cids, false);
    }
    case 'LOCK_BATCH_MQ.response': {
      if (!take()) return { kind: 'rocket.noop', args: {}, bg: true };
      const locked = body.locked as string[];
      const started: string[] = [];
      for (const k of locked) {
        const pq = c.pqs[k];
        if (!pq) continue;
        pq.locked = true;
        pull(w, sc, c, pq);
        started.push(...dispatch(w, sc, c, pq));
      }
      return { kind: 'rocket.consumer.locked', args: { consumer: c.id, locked }, bg: true, nodes: [from, c.id], messages: started };
    }
    case 'PULL_MESSAGE.response': {
      if (!take()) return { kind: 'rocket.noop', args: {}, bg: true };
      const key = String(body.mq);
      const pq = c.pqs[key];
      const status = String(body.status);
      if (!pq) return { kind: 'rocket.consumer.pullDropped', args: { consumer: c.id, queue: key }, bg: true, nodes: [c.id] };
      pq.pulling = false;
      if (isClustering(sc, c) && c.offsets[key] === undefined) c.offsets[key] = Number(body.startOffset);
      const entries = (body.entries as LogEntry[]).filter((e) => e.queueOffset > pq.maxTaken);
      pq.nextOffset = Number(body.nextBeginOffset);
      if (status === 'OFFSET_ILLEGAL') {
        c.offsets[key] = pq.nextOffset;
        pq.maxTaken = pq.nextOffset - 1;
      }
      for (const e of entries) pq.msgs.push({ entry: e, status: 'waiting', localRetries: 0 });
      if (entries.length > 0) pq.maxTaken = entries[entries.length - 1].queueOffset;
      const started = dispatch(w, sc, c, pq);
      pull(w, sc, c, pq);
      const ids = entries.map((e) => e.id);
      return {
        kind: 'rocket.consumer.pulled',
        args: { consumer: c.id, queue: key, status, ids, started, broker: from, lite: cfg.kind === 'litePull' },
        bg: ids.length === 0 && status !== 'OFFSET_ILLEGAL',
        nodes: [from, c.id],
        messages: ids,
      };
    }
    case 'CONSUMER_SEND_MSG_BACK.response': {
      const p = take();
      if (!p) return { kind: 'rocket.noop', args: {}, bg: true };
      const pq = c.pqs[p.mq!];
      if (body.code !== 'SUCCESS') return requestFailed(w, sc, c, p, String(body.code));
      if (!pq) return { kind: 'rocket.noop', args: {}, bg: true };
      const pm = pq.msgs.find((m) => m.entry.uid === p.uid);
      if (pm) pq.msgs = pq.msgs.filter((m) => m !== pm);
      const orderly = cfg.listener === 'orderly';
      advanceOffset(w, c, pq, orderly && pm ? pm.entry.queueOffset + 1 : null);
      const next = orderly ? dispatch(w, sc, c, pq) : [];
      return { kind: 'rocket.consumer.sentBack', args: { consumer: c.id, id: p.id!, queue: pq.mq, next }, bg: true, nodes: [from, c.id], messages: [p.id!] };
    }
    case 'CONNECTION_REFUSED': {
      if (body.request === 'GET_ROUTEINFO_BY_TOPIC') {
        requestRoute(w, sc, c, String(body.topic));
        return { kind: 'rocket.client.nsRefused', args: { client: c.id, ns: from }, markers: ['error'], nodes: [c.id, from] };
      }
      const p = take();
      if (!p) return { kind: 'rocket.noop', args: {}, bg: true };
      return requestFailed(w, sc, c, p, 'RemotingConnectException');
    }
    default:
      return { kind: 'rocket.noop', args: {}, bg: true };
  }
}

/** DefaultLitePullConsumer.poll(): hand the buffered messages to the application in queue order. */
export function poll(w: W, sc: Sc, c: ConsumerNode): Ev {
  const cfg = consumerCfg(sc, c.id);
  const got: string[] = [];
  if (c.state !== 'RUNNING') return { kind: 'rocket.consumer.pollDown', args: { consumer: c.id }, nodes: [c.id] };
  for (const key of Object.keys(c.pqs).sort()) {
    const pq = c.pqs[key];
    while (pq.msgs.length > 0 && got.length < cfg.pullBatchSize) {
      const pm = pq.msgs.shift()!;
      const e = pm.entry;
      const tally = (w.d.attempts[c.group] ??= {});
      tally[e.id] = (tally[e.id] ?? 0) + 1;
      recordDelivered(w.outcome, e.id);
      got.push(e.id);
      businessOutcome(w, sc, c, e, false);
      if (behaviourOf(sc, c, e.id).crashAfterProcessing && !w.d.crashed.includes(e.id)) {
        w.d.crashed.push(e.id);
        crashConsumer(w, sc, c, 'CRASHED');
        return { kind: 'rocket.consumer.crashAfterProcessing', args: { consumer: c.id, id: e.id, queue: key, n: tally[e.id], listener: 'poll', reconsumeTimes: 0, offset: e.queueOffset }, markers: ['crash'], nodes: [c.id], messages: got };
      }
      advanceOffset(w, c, pq, e.queueOffset + 1);
    }
  }
  return { kind: 'rocket.consumer.poll', args: { consumer: c.id, ids: got }, nodes: [c.id], messages: got };
}

/** kill -9 (CRASHED) or shutdown() (SHUTDOWN_ALREADY). */
export function crashConsumer(w: W, sc: Sc, c: ConsumerNode, how: 'CRASHED' | 'SHUTDOWN_ALREADY') {
  const cfg = consumerCfg(sc, c.id);
  if (how === 'SHUTDOWN_ALREADY') {
    if (cfg.messageModel === 'CLUSTERING') persistTo(w, c, c.assigned, false);
    else c.localStore = { ...c.localStore, ...c.offsets };
    if (cfg.listener === 'orderly' && cfg.messageModel === 'CLUSTERING') {
      const byBroker: Record<string, string[]> = {};
      for (const k of c.assigned) (byBroker[parseMqKey(k).brokerName] ??= []).push(k);
      for (const [brokerName, mqs] of Object.entries(byBroker)) {
        const node = routeAddr(c.routes[parseMqKey(mqs[0]).topic], brokerName, true);
        if (node) send(w, c.id, node, { type: 'UNLOCK_BATCH_MQ', group: c.group, mqs });
      }
    }
    for (const b of brokerNodesIn(c.routes, false)) send(w, c.id, b, { type: 'UNREGISTER_CLIENT', group: c.group });
  }
  c.state = consumerLc.next(c.state, how === 'CRASHED' ? 'consumer.crash' : 'consumer.stop');
  for (const pq of Object.values(c.pqs)) pq.dropped = true;
  c.pqs = {};
  c.assigned = [];
  c.offsets = {};
  c.pending = {};
  c.ready = false;
  c.rebalancePending = false;
  c.dirty = false;
  removeWhere(w, (x) => x.kind === 'timer' && x.node === c.id);
  if (how === 'CRASHED') dropClient(w, c.id);
  recordAllocation(w, sc, c.group);
}
