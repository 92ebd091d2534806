/**
 * NameServer and broker behaviour: registration and routes, the CommitLog with flush and HA
 * replication, SendStatus, long-polling pulls, consumer/producer tables and queue locks, the
 * delay (SCHEDULE_TOPIC_XXXX) service, CONSUMER_SEND_MSG_BACK (retry / DLQ) and the half-message
 * check-back service.
 */
import { recordDeadLettered, recordRouted } from '../core/outcome';
import { removeWhere, send, timer } from '../core/world';
import { brokerCfg, cancelTimers, delayLevels, ensureForeground, hostedTopics, masterOf, T, uid, type Ev, type Sc, type W } from './ctx';
import { dlqTopic, HALF_TOPIC, retryTopic, SCHEDULE_TOPIC, type BrokerNode, type LogEntry, type PendingPut, type RouteView } from './model';
import { txnLc, txnOpen } from './machines';
import { crashSurvivors, delayOfLevel, levelLabel, mqKey, sendBackDecision } from './pure';

type Body = Record<string, unknown> & { type: string };

// ------------------------------------------------------------------ NameServer

export function registerBroker(w: W, sc: Sc, b: BrokerNode) {
  for (const ns of sc.nameservers) send(w, b.name, ns, { type: 'REGISTER_BROKER', brokerName: b.brokerName, brokerId: b.brokerId, topics: hostedTopics(sc, b.brokerName) });
}

export function onNameServer(w: W, sc: Sc, to: string, from: string, body: Body): Ev {
  const ns = w.d.namesrvs[to];
  if (body.type === 'REGISTER_BROKER') {
    const known = from in ns.brokerLive;
    ns.brokerLive[from] = { brokerName: String(body.brokerName), brokerId: Number(body.brokerId), lastUpdate: w.time, topics: body.topics as Record<string, number> };
    return { kind: 'rocket.ns.register', args: { ns: to, broker: from, brokerName: String(body.brokerName), brokerId: Number(body.brokerId), again: known }, bg: known, nodes: [to, from] };
  }
  // GET_ROUTEINFO_BY_TOPIC
  const topic = String(body.topic);
  const route: RouteView = { queues: {}, addrs: {} };
  for (const [node, e] of Object.entries(ns.brokerLive)) {
    if (!(topic in e.topics)) continue;
    route.queues[e.brokerName] = e.topics[topic];
    (route.addrs[e.brokerName] ??= {})[String(e.brokerId)] = node;
  }
  const found = Object.keys(route.queues).length > 0;
  send(w, to, from, { type: 'GET_ROUTEINFO_BY_TOPIC.response', topic, route: found ? route : null });
  const brokers = Object.keys(route.queues).sort();
  return { kind: 'rocket.ns.route', args: { ns: to, client: from, topic, brokers, found }, bg: true, nodes: [to, from] };
}

/** scanNotActiveBroker: a broker silent for 120 s leaves the route table. */
export function nsScan(w: W, ns: string): Ev {
  const n = w.d.namesrvs[ns];
  const removed = Object.entries(n.brokerLive)
    .filter(([, e]) => w.time - e.lastUpdate > T.brokerExpired)
    .map(([node]) => node);
  for (const node of removed) delete n.brokerLive[node];
  timer(w, T.nsScan, 'ns.scan', { node: ns, bg: true });
  if (removed.length === 0) return { kind: 'rocket.ns.scan', args: { ns }, bg: true, nodes: [ns] };
  return { kind: 'rocket.ns.expire', args: { ns, brokers: removed }, markers: ['fault'], nodes: [ns, ...removed] };
}

// ------------------------------------------------------------------ CommitLog, flush and replication

export function slaveAvailable(w: W, m: BrokerNode): boolean {
  return m.slaveConnected && w.time - m.slaveLastSeen <= T.haHousekeeping;
}

function queueKeyOf(e: LogEntry, brokerName: string) {
  return mqKey({ topic: e.topic, brokerName, queueId: e.queueId });
}

export function recomputeOffsets(b: BrokerNode) {
  b.maxOffsets = {};
  for (const e of b.commitLog) {
    const k = queueKeyOf(e, b.brokerName);
    b.maxOffsets[k] = Math.max(b.maxOffsets[k] ?? 0, e.queueOffset + 1);
  }
}

/** Appends to the master's CommitLog, dispatches to its consume queue, replicates and flushes. */
export function writeEntry(w: W, sc: Sc, m: BrokerNode, fields: Omit<LogEntry, 'uid' | 'queueOffset' | 'storeTime'>): LogEntry {
  const key = mqKey({ topic: fields.topic, brokerName: m.brokerName, queueId: fields.queueId });
  const entry: LogEntry = { ...fields, uid: uid(w), queueOffset: m.maxOffsets[key] ?? 0, storeTime: w.time };
  m.maxOffsets[key] = entry.queueOffset + 1;
  m.commitLog.push(entry);
  const g = w.d.groups[m.brokerName];
  if (g.slave && m.slaveConnected) send(w, m.name, g.slave, { type: 'HA_TRANSFER', from: m.commitLog.length - 1, entries: [entry], messages: [entry.id] });
  flushAfterWrite(w, sc, m);
  wakeHeldPulls(w, m, key);
  return entry;
}

function flushAfterWrite(w: W, sc: Sc, b: BrokerNode) {
  const cfg = brokerCfg(sc, b.brokerName);
  if (cfg.flushDiskType === 'SYNC_FLUSH') {
    // GroupCommitService: the writer waits for this flush.
    if (b.diskFlushMs === 0) b.flushed = b.commitLog.length;
    else timer(w, b.diskFlushMs, 'broker.flushDone', { node: b.name, data: { upTo: b.commitLog.length } });
  } else if (!b.flushArmed) {
    // FlushRealTimeService: the page cache reaches the disk every flushIntervalCommitLog.
    b.flushArmed = true;
    timer(w, cfg.flushIntervalCommitLog + b.diskFlushMs, 'broker.flush', { node: b.name });
  }
}

export function onFlush(w: W, b: BrokerNode, upTo: number | null): Ev {
  const before = b.flushed;
  b.flushed = Math.max(b.flushed, Math.min(b.commitLog.length, upTo ?? b.commitLog.length));
  if (upTo === null) b.flushArmed = false;
  const ids = b.commitLog.slice(before, b.flushed).map((e) => e.id);
  resolvePuts(w, b);
  return { kind: 'rocket.broker.flush', args: { broker: b.name, count: b.flushed - before, flushed: b.flushed, sync: upTo !== null }, bg: true, nodes: [b.name], messages: ids };
}

/** Answers the producers whose puts are now flushed and/or replicated as required. */
function resolvePuts(w: W, m: BrokerNode) {
  const done: PendingPut[] = [];
  m.pendingPuts = m.pendingPuts.filter((p) => {
    if (p.waitFlush && m.flushed >= p.upTo) p.waitFlush = false;
    if (p.waitSlave && m.slaveAcked >= p.upTo) p.waitSlave = false;
    if (p.waitFlush || p.waitSlave) return true;
    done.push(p);
    return false;
  });
  for (const p of done) {
    cancelTimers(w, 'broker.putTimeout', m.name, { opaque: p.opaque });
    respondPut(w, m, p);
  }
}

function respondPut(w: W, m: BrokerNode, p: PendingPut) {
  send(w, m.name, p.producer, { type: 'SEND_MESSAGE.response', opaque: p.opaque, id: p.id, status: p.status ?? 'SEND_OK', queue: p.queue, queueOffset: p.queueOffset, messages: [p.id] });
}

/** syncFlushTimeout passed: answer with FLUSH_DISK_TIMEOUT / FLUSH_SLAVE_TIMEOUT (the message stays stored). */
export function onPutTimeout(w: W, m: BrokerNode, opaqueId: number): Ev {
  const p = m.pendingPuts.find((x) => x.opaque === opaqueId);
  if (!p) return { kind: 'rocket.noop', args: {}, bg: true };
  // The replication result overrides the flush result, as in CommitLog's combined futures.
  p.status = p.waitSlave ? 'FLUSH_SLAVE_TIMEOUT' : 'FLUSH_DISK_TIMEOUT';
  m.pendingPuts = m.pendingPuts.filter((x) => x !== p);
  respondPut(w, m, p);
  return { kind: 'rocket.broker.putTimeout', args: { broker: m.name, id: p.id, status: p.status }, markers: ['error'], nodes: [m.name], messages: [p.id] };
}

export function onHaTransfer(w: W, sc: Sc, s: BrokerNode, from: string, body: Body): Ev {
  const start = Number(body.from);
  const entries = body.entries as LogEntry[];
  let truncated: string[] = [];
  if (start > s.commitLog.length) {
    send(w, s.name, from, { type: 'HA_REPORT', length: s.commitLog.length });
    return { kind: 'rocket.ha.gap', args: { slave: s.name, have: s.commitLog.length, from: start }, bg: true, nodes: [s.name] };
  }
  if (start < s.commitLog.length) {
    truncated = s.commitLog.slice(start).map((e) => e.id);
    s.commitLog = s.commitLog.slice(0, start);
    s.flushed = Math.min(s.flushed, start);
  }
  s.commitLog.push(...entries);
  recomputeOffsets(s);
  flushAfterWrite(w, sc, s);
  for (const e of entries) wakeHeldPulls(w, s, queueKeyOf(e, s.brokerName));
  send(w, s.name, from, { type: 'HA_REPORT', length: s.commitLog.length });
  const resent = truncated.filter((id) => entries.some((e) => e.id === id));
  const dropped = truncated.filter((id) => !resent.includes(id));
  return {
    kind: 'rocket.ha.append',
    args: { slave: s.name, count: entries.length, length: s.commitLog.length, dropped },
    bg: entries.length === 0 && dropped.length === 0,
    markers: dropped.length > 0 ? ['loss'] : undefined,
    nodes: [from, s.name],
    messages: entries.map((e) => e.id),
  };
}

/** HAConnection on the master: the slave's reported offset acknowledges replication (and reconnects it). */
export function onHaReport(w: W, m: BrokerNode, from: string, body: Body): Ev {
  const length = Number(body.length);
  const reconnect = !m.slaveConnected;
  m.slaveConnected = true;
  m.slaveLastSeen = w.time;
  // The common prefix (by entry identity) decides where the slave resumes; a slave holding entries
  // the master no longer has is told to truncate (a transfer starting below its length).
  const s = w.d.brokers[from];
  let p = Math.min(length, m.commitLog.length);
  while (p > 0 && s.commitLog[p - 1]?.uid !== m.commitLog[p - 1].uid) p--;
  m.slaveAcked = p;
  const heartbeat = Boolean(body.heartbeat);
  if ((heartbeat || reconnect) && (p < m.commitLog.length || p < length)) {
    send(w, m.name, from, { type: 'HA_TRANSFER', from: p, entries: m.commitLog.slice(p), messages: m.commitLog.slice(p).map((e) => e.id) });
  }
  resolvePuts(w, m);
  return { kind: 'rocket.ha.ack', args: { master: m.name, slave: from, acked: p, length: m.commitLog.length }, bg: true, nodes: [m.name, from] };
}

// ------------------------------------------------------------------ SEND_MESSAGE

export function onSendMessage(w: W, sc: Sc, m: BrokerNode, from: string, body: Body): Ev {
  const id = String(body.id);
  const oneway = Boolean(body.oneway);
  if (m.brokerId !== 0) {
    if (!oneway) send(w, m.name, from, { type: 'SEND_MESSAGE.response', opaque: body.opaque, id, status: 'SERVICE_NOT_AVAILABLE', messages: [id] });
    return { kind: 'rocket.broker.rejectSlave', args: { broker: m.name, id }, markers: ['error'], nodes: [m.name], messages: [id] };
  }
  const cfg = brokerCfg(sc, m.brokerName);
  const topic = String(body.topic);
  const queueId = Number(body.queueId);
  const realKey = mqKey({ topic, brokerName: m.brokerName, queueId });
  const common = { id, msgId: String(body.msgId), key: (body.key as string | null) ?? null, tags: (body.tags as string | null) ?? null, reconsumeTimes: 0, unit: String(body.unit), group: null };
  let entry: LogEntry;
  let kind = 'rocket.broker.store';
  let extra: Record<string, string | number> = {};
  if (body.prepared) {
    entry = writeEntry(w, sc, m, { ...common, topic: HALF_TOPIC, queueId: 0, realTopic: topic, realQueueId: queueId, delayLevel: null, deliverAt: null });
    w.d.txns[id] = { id, producer: from, group: String(body.group), brokerName: m.brokerName, state: txnLc.initial, checks: 0, halfUid: entry.uid, localTransaction: String(body.localTransaction), checkResult: body.checkResult as string[], storeTime: w.time };
    ensureForeground(w, 'broker.txnCheck', m.name);
    kind = 'rocket.broker.half';
  } else if (typeof body.delayLevel === 'number' && body.delayLevel > 0) {
    const { level, ms } = delayOfLevel(delayLevels(sc, m.brokerName), body.delayLevel);
    entry = writeEntry(w, sc, m, { ...common, topic: SCHEDULE_TOPIC, queueId: level - 1, realTopic: topic, realQueueId: queueId, delayLevel: level, deliverAt: w.time + ms });
    timer(w, ms, 'broker.schedule', { node: m.name, data: { uid: entry.uid } });
    kind = 'rocket.broker.delay';
    extra = { level, delay: levelLabel(ms) };
  } else {
    entry = writeEntry(w, sc, m, { ...common, topic, queueId, realTopic: null, realQueueId: null, delayLevel: null, deliverAt: null });
  }
  recordRouted(w.outcome, id, [realKey]);
  let status: string | null = null;
  const waitFlush = cfg.flushDiskType === 'SYNC_FLUSH' && m.flushed < m.commitLog.length;
  let waitSlave = false;
  if (m.role === 'SYNC_MASTER') {
    if (!slaveAvailable(w, m)) status = 'SLAVE_NOT_AVAILABLE';
    else waitSlave = m.slaveAcked < m.commitLog.length;
  }
  const args = { broker: m.name, id, queue: realKey, offset: entry.queueOffset, flushDiskType: cfg.flushDiskType, brokerRole: m.role, ...extra };
  if (oneway) return { kind, args: { ...args, wait: 'none' }, nodes: [from, m.name], messages: [id] };
  const put: PendingPut = { producer: from, opaque: Number(body.opaque), id, upTo: m.commitLog.length, waitFlush, waitSlave, status, queue: realKey, queueOffset: entry.queueOffset };
  if (!waitFlush && !waitSlave) respondPut(w, m, put);
  else {
    m.pendingPuts.push(put);
    if (waitSlave || m.diskFlushMs > cfg.syncFlushTimeout) timer(w, cfg.syncFlushTimeout, 'broker.putTimeout', { node: m.name, data: { opaque: put.opaque } });
  }
  const wait = waitFlush && waitSlave ? 'flush+slave' : waitFlush ? 'flush' : waitSlave ? 'slave' : 'none';
  return { kind, args: { ...args, wait }, nodes: [from, m.name], messages: [id] };
}

// ------------------------------------------------------------------ schedule service

export function onSchedule(w: W, sc: Sc, m: BrokerNode, entryUid: string): Ev {
  const e = m.commitLog.find((x) => x.uid === entryUid);
  if (!e || m.scheduleDone.includes(entryUid)) return { kind: 'rocket.noop', args: {}, bg: true };
  m.scheduleDone.push(entryUid);
  const real = writeEntry(w, sc, m, { ...e, topic: e.realTopic!, queueId: e.realQueueId!, realTopic: null, realQueueId: null, delayLevel: null, deliverAt: null });
  const q = mqKey({ topic: real.topic, brokerName: m.brokerName, queueId: real.queueId });
  return { kind: 'rocket.broker.due', args: { broker: m.name, id: e.id, level: e.delayLevel ?? 0, delay: levelLabel(delayOfLevel(delayLevels(sc, m.brokerName), e.delayLevel ?? 1).ms), queue: q, retry: real.topic.startsWith('%RETRY%') }, nodes: [m.name], messages: [e.id] };
}

/** Re-arms the delay timers of a (restarted) master for entries not yet delivered. */
export function rearmSchedules(w: W, m: BrokerNode) {
  for (const e of m.commitLog) {
    if (e.topic !== SCHEDULE_TOPIC || m.scheduleDone.includes(e.uid)) continue;
    timer(w, Math.max(0, (e.deliverAt ?? w.time) - w.time), 'broker.schedule', { node: m.name, data: { uid: e.uid } });
  }
}

// ------------------------------------------------------------------ pulls (long polling)

function entriesFrom(b: BrokerNode, key: string, offset: number, max: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (const e of b.commitLog) {
    if (e.queueOffset < offset || queueKeyOf(e, b.brokerName) !== key) continue;
    out.push(e);
    if (out.length >= max) break;
  }
  return out;
}

function respondPull(w: W, b: BrokerNode, consumer: string, op: number, key: string, start: number, found: LogEntry[], status: string) {
  const next = found.length > 0 ? found[found.length - 1].queueOffset + 1 : start;
  send(w, b.name, consumer, { type: 'PULL_MESSAGE.response', opaque: op, mq: key, status, startOffset: start, nextBeginOffset: next, entries: found, messages: found.map((e) => e.id) });
}

export function onPull(w: W, b: BrokerNode, from: string, body: Body): Ev {
  const key = String(body.mq);
  const group = String(body.group);
  const g = w.d.groups[b.brokerName];
  if (typeof body.commitOffset === 'number') (g.offsets[group] ??= {})[key] = body.commitOffset;
  let offset = Number(body.offset);
  if (offset < 0) offset = g.offsets[group]?.[key] ?? 0;
  const maxOffset = b.maxOffsets[key] ?? 0;
  const op = Number(body.opaque);
  if (offset > maxOffset) {
    respondPull(w, b, from, op, key, maxOffset, [], 'OFFSET_ILLEGAL');
    return { kind: 'rocket.broker.offsetIllegal', args: { broker: b.name, consumer: from, queue: key, offset, maxOffset }, markers: ['error'], nodes: [b.name, from] };
  }
  const found = entriesFrom(b, key, offset, Number(body.max));
  if (found.length > 0) {
    respondPull(w, b, from, op, key, offset, found, 'FOUND');
    return { kind: 'rocket.broker.pullFound', args: { broker: b.name, consumer: from, queue: key, offset, ids: found.map((e) => e.id) }, nodes: [b.name, from], messages: found.map((e) => e.id) };
  }
  b.heldPulls.push({ consumer: from, opaque: op, mq: key, offset, max: Number(body.max), until: w.time + T.longPoll });
  timer(w, T.longPoll, 'broker.pullExpire', { node: b.name, data: { opaque: op }, bg: true });
  return { kind: 'rocket.broker.pullHold', args: { broker: b.name, consumer: from, queue: key, offset }, bg: true, nodes: [b.name, from] };
}

function wakeHeldPulls(w: W, b: BrokerNode, key: string) {
  const wake = b.heldPulls.filter((h) => h.mq === key);
  if (wake.length === 0) return;
  b.heldPulls = b.heldPulls.filter((h) => h.mq !== key);
  for (const h of wake) {
    cancelTimers(w, 'broker.pullExpire', b.name, { opaque: h.opaque });
    const found = entriesFrom(b, key, h.offset, h.max);
    respondPull(w, b, h.consumer, h.opaque, key, h.offset, found, found.length > 0 ? 'FOUND' : 'NO_NEW_MSG');
  }
}

export function onPullExpire(w: W, b: BrokerNode, op: number): Ev {
  const h = b.heldPulls.find((x) => x.opaque === op);
  if (!h) return { kind: 'rocket.noop', args: {}, bg: true };
  b.heldPulls = b.heldPulls.filter((x) => x !== h);
  respondPull(w, b, h.consumer, op, h.mq, h.offset, [], 'NO_NEW_MSG');
  return { kind: 'rocket.broker.pullTimeout', args: { broker: b.name, consumer: h.consumer, queue: h.mq }, bg: true, nodes: [b.name] };
}

// ------------------------------------------------------------------ clients, locks, offsets

function notifyGroup(w: W, b: BrokerNode, group: string) {
  for (const c of Object.keys(b.consumerTable[group] ?? {}).sort()) send(w, b.name, c, { type: 'NOTIFY_CONSUMER_IDS_CHANGED', group });
}

export function onClientRequest(w: W, sc: Sc, b: BrokerNode, from: string, body: Body): Ev {
  const group = String(body.group);
  switch (body.type) {
    case 'HEART_BEAT': {
      if (body.role === 'producer') {
        const isNew = !(from in (b.producerTable[group] ?? {}));
        (b.producerTable[group] ??= {})[from] = w.time;
        return { kind: 'rocket.broker.heartbeat', args: { broker: b.name, client: from, group, role: 'producer', isNew }, bg: !isNew, nodes: [from, b.name] };
      }
      const table = (b.consumerTable[group] ??= {});
      const isNew = !(from in table);
      table[from] = w.time;
      if (isNew) notifyGroup(w, b, group);
      return { kind: 'rocket.broker.heartbeat', args: { broker: b.name, client: from, group, role: 'consumer', isNew }, bg: !isNew, nodes: [from, b.name] };
    }
    case 'UNREGISTER_CLIENT': {
      delete b.consumerTable[group]?.[from];
      notifyGroup(w, b, group);
      return { kind: 'rocket.broker.unregister', args: { broker: b.name, client: from, group }, nodes: [from, b.name] };
    }
    case 'GET_CONSUMER_LIST_BY_GROUP': {
      const cids = Object.keys(b.consumerTable[group] ?? {}).sort();
      send(w, b.name, from, { type: 'GET_CONSUMER_LIST_BY_GROUP.response', opaque: body.opaque, group, cids });
      return { kind: 'rocket.broker.consumerList', args: { broker: b.name, client: from, group, cids }, bg: true, nodes: [from, b.name] };
    }
    case 'LOCK_BATCH_MQ': {
      const locks = (b.locks[group] ??= {});
      const locked: string[] = [];
      for (const mq of body.mqs as string[]) {
        const l = locks[mq];
        if (!l || l.client === from || w.time - l.lastUpdate > T.lockExpire) {
          locks[mq] = { client: from, lastUpdate: w.time };
          locked.push(mq);
        }
      }
      send(w, b.name, from, { type: 'LOCK_BATCH_MQ.response', opaque: body.opaque, locked });
      const refused = (body.mqs as string[]).filter((q) => !locked.includes(q));
      return { kind: 'rocket.broker.lock', args: { broker: b.name, client: from, group, locked, refused }, bg: refused.length === 0 && Boolean(body.renew), nodes: [from, b.name] };
    }
    case 'UNLOCK_BATCH_MQ': {
      const locks = b.locks[group] ?? {};
      for (const mq of body.mqs as string[]) if (locks[mq]?.client === from) delete locks[mq];
      return { kind: 'rocket.broker.unlock', args: { broker: b.name, client: from, group, mqs: body.mqs as string[] }, nodes: [from, b.name] };
    }
    case 'UPDATE_CONSUMER_OFFSET': {
      const offs = body.offsets as Record<string, number>;
      const g = (w.d.groups[b.brokerName].offsets[group] ??= {});
      Object.assign(g, offs);
      return { kind: 'rocket.broker.offset', args: { broker: b.name, client: from, group, offsets: Object.entries(offs).map(([k, v]) => `${k}=${v}`) }, markers: ['commit'], bg: Boolean(body.periodic), nodes: [from, b.name] };
    }
    default:
      throw new Error(`unhandled client request ${body.type}`);
  }
}

/** ClientHousekeepingService: clients silent for 120 s are dropped (a partitioned consumer leaves its group). */
export function onHousekeeping(w: W, b: BrokerNode): Ev {
  const gone: string[] = [];
  for (const [group, table] of Object.entries(b.consumerTable)) {
    const dead = Object.entries(table).filter(([, t]) => w.time - t > T.clientExpired).map(([c]) => c);
    for (const c of dead) delete table[c];
    if (dead.length > 0) {
      gone.push(...dead);
      notifyGroup(w, b, group);
    }
  }
  for (const table of Object.values(b.producerTable)) for (const [c, t] of Object.entries(table)) if (w.time - t > T.clientExpired) delete table[c];
  timer(w, T.nsScan, 'broker.housekeeping', { node: b.name, bg: true });
  if (gone.length === 0) return { kind: 'rocket.broker.housekeeping', args: { broker: b.name }, bg: true, nodes: [b.name] };
  return { kind: 'rocket.broker.clientExpired', args: { broker: b.name, clients: gone }, markers: ['fault'], nodes: [b.name] };
}

/** The broker side of a client crash or shutdown: its channel closes at once. */
export function dropClient(w: W, client: string) {
  for (const b of Object.values(w.d.brokers)) {
    if (b.state !== 'running') continue;
    for (const [group, table] of Object.entries(b.consumerTable)) {
      if (!(client in table)) continue;
      delete table[client];
      notifyGroup(w, b, group);
    }
    for (const table of Object.values(b.producerTable)) delete table[client];
  }
}

// ------------------------------------------------------------------ retry and DLQ

export function onSendBack(w: W, sc: Sc, m: BrokerNode, from: string, body: Body): Ev {
  const group = String(body.group);
  const orig = m.commitLog.find((e) => e.uid === body.uid);
  const op = body.opaque;
  if (!orig || m.brokerId !== 0) {
    send(w, m.name, from, { type: 'CONSUMER_SEND_MSG_BACK.response', opaque: op, code: 'SYSTEM_ERROR', messages: [String(body.id)] });
    return { kind: 'rocket.broker.sendBackFailed', args: { broker: m.name, id: String(body.id) }, markers: ['error'], nodes: [m.name], messages: [String(body.id)] };
  }
  const reconsumeTimes = Number(body.reconsumeTimes ?? orig.reconsumeTimes);
  const decision = body.forceDlq ? ({ dlq: true } as const) : sendBackDecision(reconsumeTimes, Number(body.maxReconsumeTimes));
  const base = { id: orig.id, msgId: orig.msgId, key: orig.key, tags: orig.tags, unit: orig.unit, group };
  send(w, m.name, from, { type: 'CONSUMER_SEND_MSG_BACK.response', opaque: op, code: 'SUCCESS', messages: [orig.id] });
  if (decision.dlq) {
    writeEntry(w, sc, m, { ...base, topic: dlqTopic(group), queueId: 0, reconsumeTimes, realTopic: null, realQueueId: null, delayLevel: null, deliverAt: null });
    recordDeadLettered(w.outcome, orig.id, 'DLQ');
    return { kind: 'rocket.broker.dlq', args: { broker: m.name, id: orig.id, group, topic: dlqTopic(group), reconsumeTimes, orderly: Boolean(body.forceDlq) }, markers: ['dead-letter'], nodes: [m.name], messages: [orig.id] };
  }
  const { level, ms } = delayOfLevel(delayLevels(sc, m.brokerName), decision.delayLevel);
  const e = writeEntry(w, sc, m, { ...base, topic: SCHEDULE_TOPIC, queueId: level - 1, reconsumeTimes: reconsumeTimes + 1, realTopic: retryTopic(group), realQueueId: 0, delayLevel: level, deliverAt: w.time + ms });
  timer(w, ms, 'broker.schedule', { node: m.name, data: { uid: e.uid } });
  return { kind: 'rocket.broker.retry', args: { broker: m.name, id: orig.id, group, topic: retryTopic(group), failure: reconsumeTimes + 1, level, delay: levelLabel(ms) }, nodes: [m.name], messages: [orig.id] };
}

// ------------------------------------------------------------------ transactions

export function onEndTransaction(w: W, sc: Sc, m: BrokerNode, body: Body): Ev {
  const id = String(body.id);
  const result = String(body.result);
  const fromCheck = Boolean(body.fromTransactionCheck);
  const t = w.d.txns[id];
  if (!t || !txnOpen(t.state)) return { kind: 'rocket.txn.endIgnored', args: { broker: m.name, id, result, state: t?.state ?? 'none' }, nodes: [m.name], messages: [id] };
  if (result === 'UNKNOW') {
    t.state = txnLc.next(t.state, 'txn.unknown');
    return { kind: 'rocket.txn.unknown', args: { broker: m.name, id, fromCheck }, nodes: [m.name], messages: [id] };
  }
  if (result === 'ROLLBACK_MESSAGE') {
    t.state = txnLc.next(t.state, 'txn.rollback');
    return { kind: 'rocket.txn.rollback', args: { broker: m.name, id, fromCheck }, nodes: [m.name], messages: [id] };
  }
  const half = m.commitLog.find((e) => e.uid === t.halfUid);
  if (!half) return { kind: 'rocket.txn.halfMissing', args: { broker: m.name, id }, markers: ['loss'], nodes: [m.name], messages: [id] };
  t.state = txnLc.next(t.state, 'txn.commit');
  const real = writeEntry(w, sc, m, { ...half, topic: half.realTopic!, queueId: half.realQueueId!, realTopic: null, realQueueId: null, delayLevel: null, deliverAt: null });
  const q = mqKey({ topic: real.topic, brokerName: m.brokerName, queueId: real.queueId });
  return { kind: 'rocket.txn.commit', args: { broker: m.name, id, fromCheck, queue: q }, markers: ['commit'], nodes: [m.name], messages: [id] };
}

/** TransactionalMessageCheckService: check back every half message older than transactionTimeOut. */
export function onTxnCheck(w: W, sc: Sc, m: BrokerNode): Ev {
  const cfg = brokerCfg(sc, m.brokerName);
  const checked: string[] = [];
  const discarded: string[] = [];
  for (const t of Object.values(w.d.txns)) {
    if (t.brokerName !== m.brokerName || !txnOpen(t.state) || w.time - t.storeTime < cfg.transactionTimeOut) continue;
    if (!m.commitLog.some((e) => e.uid === t.halfUid)) continue;
    if (t.checks >= cfg.transactionCheckMax) {
      t.state = txnLc.next(t.state, 'txn.discard');
      discarded.push(t.id);
      continue;
    }
    t.checks++;
    t.state = txnLc.next(t.state, 'txn.check');
    checked.push(t.id);
    const table = m.producerTable[t.group] ?? {};
    const producer = Object.keys(table).sort().find((p) => w.d.producers[p]?.state === 'RUNNING') ?? Object.keys(table).sort()[0];
    if (producer) send(w, m.name, producer, { type: 'CHECK_TRANSACTION_STATE', id: t.id, checkTimes: t.checks, messages: [t.id] });
  }
  const open = Object.values(w.d.txns).some((t) => t.brokerName === m.brokerName && txnOpen(t.state));
  timer(w, cfg.transactionCheckInterval, 'broker.txnCheck', { node: m.name, bg: !open });
  if (checked.length === 0 && discarded.length === 0) return { kind: 'rocket.txn.checkIdle', args: { broker: m.name }, bg: true, nodes: [m.name] };
  return {
    kind: 'rocket.txn.check',
    args: { broker: m.name, ids: checked, checks: checked.map((id) => w.d.txns[id].checks), max: cfg.transactionCheckMax, discarded, interval: cfg.transactionCheckInterval },
    markers: discarded.length > 0 ? ['loss'] : undefined,
    nodes: [m.name],
    messages: [...checked, ...discarded],
  };
}

// ------------------------------------------------------------------ crash and restart

/** A master or slave goes down. Power loss drops what only the page cache held. */
export function crashBroker(w: W, sc: Sc, b: BrokerNode, loseUnflushed: boolean): { lost: string[]; survivors: number } {
  const g = w.d.groups[b.brokerName];
  b.state = 'crashed';
  b.crashKind = loseUnflushed ? 'power' : 'process';
  b.pendingPuts = [];
  b.heldPulls = [];
  b.consumerTable = {};
  b.producerTable = {};
  b.locks = {};
  b.flushArmed = false;
  // Every timer of the node dies with it; restartBroker re-arms the periodic ones.
  removeWhere(w, (p) => p.kind === 'timer' && p.node === b.name);
  let lost: string[] = [];
  let survivors = b.commitLog.length;
  if (loseUnflushed) {
    // Data still in the machine's socket buffers (not yet delivered) dies with it too: a lagging
    // slave (net.delay on HA_TRANSFER) never receives it.
    removeWhere(w, (p) => p.kind === 'net' && p.msg.from === b.name);
    // What a slave holds is recovered when the master restarts, so only entries neither flushed nor
    // replicated are gone for good (crashSurvivors).
    const replicated = b.brokerId === 0 && g.slave ? w.d.brokers[g.slave].commitLog.filter((e, i) => b.commitLog[i]?.uid === e.uid).length : 0;
    const r = crashSurvivors(b.commitLog.length, b.flushed, b.brokerId === 0 ? replicated : 0);
    lost = b.commitLog.slice(r.lostFrom).map((e) => e.id);
    survivors = r.survivors;
    b.commitLog = b.commitLog.slice(0, b.flushed);
    recomputeOffsets(b);
  }
  if (b.brokerId === 1) {
    // The slave's HA connection closes at once: new puts on a SYNC_MASTER get SLAVE_NOT_AVAILABLE,
    // puts already waiting for it still run into FLUSH_SLAVE_TIMEOUT.
    const m = w.d.brokers[g.master];
    if (m.state === 'running') m.slaveConnected = false;
  }
  // A killed process closes its NameServer channels at once (onChannelDestroy); after a power loss
  // the NameServer only notices after 120 s without registration.
  if (!loseUnflushed) for (const ns of Object.values(w.d.namesrvs)) delete ns.brokerLive[b.name];
  return { lost, survivors };
}

export function restartBroker(w: W, sc: Sc, b: BrokerNode): { recovered: number } {
  const g = w.d.groups[b.brokerName];
  b.state = 'running';
  b.crashKind = null;
  let recovered = 0;
  if (b.brokerId === 0 && g.slave) {
    const s = w.d.brokers[g.slave];
    const prefixOk = b.commitLog.every((e, i) => s.commitLog[i]?.uid === e.uid);
    if (s.state === 'running' && s.commitLog.length > b.commitLog.length && prefixOk) {
      recovered = s.commitLog.length - b.commitLog.length;
      b.commitLog = [...s.commitLog];
    }
    b.slaveConnected = s.state === 'running';
    b.slaveLastSeen = w.time;
    b.slaveAcked = 0;
  }
  b.flushed = b.commitLog.length;
  recomputeOffsets(b);
  b.scheduleDone = b.scheduleDone.filter((u) => b.commitLog.some((e) => e.uid === u));
  registerBroker(w, sc, b);
  timer(w, T.heartbeat, 'broker.register', { node: b.name, bg: true });
  timer(w, T.nsScan, 'broker.housekeeping', { node: b.name, bg: true });
  if (b.brokerId === 0) {
    rearmSchedules(w, b);
    const open = Object.values(w.d.txns).some((t) => t.brokerName === b.brokerName && txnOpen(t.state));
    timer(w, brokerCfg(sc, b.brokerName).transactionCheckInterval, 'broker.txnCheck', { node: b.name, bg: !open });
  } else {
    send(w, b.name, g.master, { type: 'HA_REPORT', length: b.commitLog.length, heartbeat: true });
    timer(w, T.haHeartbeat, 'ha.heartbeat', { node: b.name, bg: true });
  }
  return { recovered };
}

export { masterOf };
