/**
 * The RocketMQ engine: builds the topology, runs script steps, routes timers and network deliveries
 * to the NameServer / broker / client handlers, checks invariants and writes the report.
 */
import type { Engine, EngineCore } from '../core/engine';
import { int } from '../core/rng';
import { send, timer, removeWhere, type NetMessage, type Pending } from '../core/world';
import { crashBroker, onClientRequest, onEndTransaction, onFlush, onHaReport, onHaTransfer, onHousekeeping, onNameServer, onPull, onPullExpire, onPutTimeout, onSchedule, onSendBack, onSendMessage, onTxnCheck, nsScan, registerBroker, restartBroker } from './broker';
import { crashConsumer, crashProducer, onConsumerNet, onConsumerTimer, onProducerNet, onSendTimeout, poll, producerSend, producerTick, startConsumer } from './clients';
import { allNodes, readable, T, type Ev, type Sc, type W } from './ctx';
import { brokerLc, consumerLc, nameServerLc, producerLc } from './machines';
import { HALF_TOPIC, SCHEDULE_TOPIC, type BrokerNode, type RocketState } from './model';
import { mqKey } from './pure';
import type { RocketScenario, RocketStep } from './schema';

type Body = NetMessage['body'];

function init(sc: Sc, base: Parameters<Engine<Sc, RocketState>['init']>[1]): RocketState {
  const d: RocketState = { namesrvs: {}, brokers: {}, groups: {}, producers: {}, consumers: {}, txns: {}, dedupe: {}, attempts: {}, firstUnit: {}, crashed: [], allocations: [], nextUid: 1, nextOpaque: 1 };
  const w = Object.assign(base, { d }) as W;
  for (const ns of sc.nameservers) {
    d.namesrvs[ns] = { name: ns, state: nameServerLc.initial, brokerLive: {} };
    timer(w, T.nsScan, 'ns.scan', { node: ns, bg: true });
  }
  for (const g of sc.brokers) {
    d.groups[g.brokerName] = { brokerName: g.brokerName, master: g.master, slave: g.slave ?? null, offsets: {} };
    const mk = (name: string, brokerId: number): BrokerNode => ({
      name,
      brokerName: g.brokerName,
      brokerId,
      role: brokerId === 0 ? g.brokerRole : 'SLAVE',
      state: brokerLc.initial,
      crashKind: null,
      commitLog: [],
      flushed: 0,
      slaveAcked: 0,
      slaveConnected: brokerId === 0 && g.slave !== undefined,
      slaveLastSeen: 0,
      diskFlushMs: g.diskFlushMs,
      maxOffsets: {},
      pendingPuts: [],
      heldPulls: [],
      consumerTable: {},
      producerTable: {},
      locks: {},
      flushArmed: false,
      scheduleDone: [],
    });
    d.brokers[g.master] = mk(g.master, 0);
    if (g.slave) d.brokers[g.slave] = mk(g.slave, 1);
  }
  for (const b of Object.values(d.brokers)) {
    registerBroker(w, sc, b);
    timer(w, T.heartbeat, 'broker.register', { node: b.name, bg: true });
    timer(w, T.nsScan, 'broker.housekeeping', { node: b.name, bg: true });
    if (b.brokerId === 0) timer(w, sc.brokers.find((g) => g.brokerName === b.brokerName)!.transactionCheckInterval, 'broker.txnCheck', { node: b.name, bg: true });
    else {
      send(w, b.name, d.groups[b.brokerName].master, { type: 'HA_REPORT', length: 0, heartbeat: true });
      timer(w, T.haHeartbeat, 'ha.heartbeat', { node: b.name, bg: true });
    }
  }
  for (const p of sc.producers) {
    d.producers[p.id] = { id: p.id, group: p.group, state: producerLc.initial, routes: {}, sendWhichQueue: {}, nsIndex: 0, routeWaiting: false, outbox: [], waitingRoute: [], inflight: {} };
    timer(w, T.heartbeat, 'client.tick', { node: p.id, bg: true });
  }
  for (const c of sc.consumers) {
    d.consumers[c.id] = { id: c.id, group: c.group, state: consumerLc.initial, routes: {}, nsIndex: 0, routeWaiting: false, ready: false, assigned: [], pqs: {}, offsets: {}, dirty: false, localStore: {}, rebalancePending: false, pending: {} };
  }
  // Each client picks its NameServer at random (seeded), as the 4.x client does.
  for (const c of [...Object.values(d.producers), ...Object.values(d.consumers)]) c.nsIndex = int(w, sc.nameservers.length);
  for (const c of sc.consumers) if (c.autoStart) startConsumer(w, sc, d.consumers[c.id]);
  return d;
}

function step(w: W, s: RocketStep, sc: Sc): Ev {
  switch (s.do) {
    case 'send':
    case 'send.transactional': {
      const p = w.d.producers[s.producer];
      const cfg = sc.producers.find((x) => x.id === s.producer)!;
      const tx = s.do === 'send.transactional';
      return producerSend(w, sc, p, {
        id: s.id,
        topic: s.topic,
        key: s.key ?? null,
        tags: s.tags ?? null,
        shardingKey: !tx && s.shardingKey !== undefined ? s.shardingKey : null,
        delayLevel: !tx && s.delayLevel !== undefined ? s.delayLevel : null,
        mode: tx ? 'sync' : (s.mode ?? cfg.sendMode),
        transactional: tx,
        localTransaction: tx ? s.localTransaction : null,
        checkResult: tx ? s.checkResult : [],
        brokersSent: [],
        firstAt: null,
        msgId: `UNIQ-${w.d.nextUid++}`,
      });
    }
    case 'broker.crash': {
      const b = w.d.brokers[s.broker];
      if (b.state !== 'running') return { kind: 'rocket.step.ignored', args: { what: 'broker.crash', node: b.name, state: b.state } };
      brokerLc.next(b.state, 'broker.crash');
      const before = b.commitLog.length;
      const flushed = b.flushed;
      const { lost, survivors } = crashBroker(w, sc, b, s.loseUnflushed);
      return {
        kind: 'rocket.broker.crash',
        args: { broker: b.name, role: b.role, loseUnflushed: s.loseUnflushed, length: before, flushed, survivors, lost, onSlave: Math.max(0, survivors - flushed) },
        markers: lost.length > 0 ? ['crash', 'loss'] : ['crash'],
        nodes: [b.name],
        messages: lost,
      };
    }
    case 'broker.restart': {
      const b = w.d.brokers[s.broker];
      if (b.state === 'running') return { kind: 'rocket.step.ignored', args: { what: 'broker.restart', node: b.name, state: b.state } };
      const { recovered } = restartBroker(w, sc, b);
      return { kind: 'rocket.broker.restart', args: { broker: b.name, role: b.role, length: b.commitLog.length, recovered }, markers: ['fault'], nodes: [b.name] };
    }
    case 'broker.slowDisk': {
      const b = w.d.brokers[s.broker];
      b.diskFlushMs = s.ms;
      return { kind: 'rocket.broker.slowDisk', args: { broker: b.name, ms: s.ms }, markers: ['fault'], nodes: [b.name] };
    }
    case 'namesrv.crash': {
      const ns = w.d.namesrvs[s.namesrv];
      if (ns.state !== 'running') return { kind: 'rocket.step.ignored', args: { what: s.do, node: ns.name, state: ns.state } };
      ns.state = nameServerLc.next(ns.state, 'namesrv.crash');
      ns.brokerLive = {};
      removeWhere(w, (p) => p.kind === 'timer' && p.node === ns.name);
      return { kind: 'rocket.ns.crash', args: { ns: ns.name }, markers: ['crash'], nodes: [ns.name] };
    }
    case 'namesrv.restart': {
      const ns = w.d.namesrvs[s.namesrv];
      if (ns.state === 'running') return { kind: 'rocket.step.ignored', args: { what: s.do, node: ns.name, state: ns.state } };
      ns.state = nameServerLc.next(ns.state, 'namesrv.restart');
      timer(w, T.nsScan, 'ns.scan', { node: ns.name, bg: true });
      return { kind: 'rocket.ns.restart', args: { ns: ns.name }, markers: ['fault'], nodes: [ns.name] };
    }
    case 'producer.crash': {
      const p = w.d.producers[s.producer];
      if (p.state !== 'RUNNING') return { kind: 'rocket.step.ignored', args: { what: s.do, node: p.id, state: p.state } };
      const inflight = Object.values(p.inflight).map((a) => a.id);
      p.state = producerLc.next(p.state, 'producer.crash');
      crashProducer(w, p);
      return { kind: 'rocket.producer.crash', args: { producer: p.id, inflight }, markers: ['crash'], nodes: [p.id], messages: inflight };
    }
    case 'producer.restart': {
      const p = w.d.producers[s.producer];
      if (p.state === 'RUNNING') return { kind: 'rocket.step.ignored', args: { what: s.do, node: p.id, state: p.state } };
      p.state = producerLc.next(p.state, 'producer.restart');
      timer(w, T.heartbeat, 'client.tick', { node: p.id, bg: true });
      return { kind: 'rocket.producer.restart', args: { producer: p.id }, nodes: [p.id] };
    }
    case 'consumer.start': {
      const c = w.d.consumers[s.consumer];
      if (!consumerLc.can(c.state, 'consumer.start')) return { kind: 'rocket.step.ignored', args: { what: s.do, node: c.id, state: c.state } };
      startConsumer(w, sc, c);
      return { kind: 'rocket.consumer.start', args: { consumer: c.id, group: c.group }, nodes: [c.id] };
    }
    case 'consumer.stop':
    case 'consumer.crash': {
      const c = w.d.consumers[s.consumer];
      if (c.state !== 'RUNNING') return { kind: 'rocket.step.ignored', args: { what: s.do, node: c.id, state: c.state } };
      const inMemory = Object.entries(c.offsets).map(([k, v]) => `${k}=${v}`);
      crashConsumer(w, sc, c, s.do === 'consumer.crash' ? 'CRASHED' : 'SHUTDOWN_ALREADY');
      return { kind: s.do === 'consumer.crash' ? 'rocket.consumer.crash' : 'rocket.consumer.stop', args: { consumer: c.id, group: c.group, offsets: inMemory }, markers: s.do === 'consumer.crash' ? ['crash'] : undefined, nodes: [c.id] };
    }
    case 'consumer.poll':
      return poll(w, sc, w.d.consumers[s.consumer]);
    default:
      throw new Error(`unknown RocketMQ step ${(s as { do: string }).do}`);
  }
}

/** Requests whose sender waits for an answer (a dead process's host refuses them; a dead machine stays silent). */
const EXPECTS_RESPONSE = ['SEND_MESSAGE', 'PULL_MESSAGE', 'GET_ROUTEINFO_BY_TOPIC', 'GET_CONSUMER_LIST_BY_GROUP', 'LOCK_BATCH_MQ', 'CONSUMER_SEND_MSG_BACK'];

function unreachable(w: W, m: NetMessage, refuse: boolean): Ev {
  const ids = Array.isArray(m.body.messages) ? (m.body.messages as string[]) : [];
  if (refuse && EXPECTS_RESPONSE.includes(m.body.type) && !m.body.oneway) {
    send(w, m.to, m.from, { type: 'CONNECTION_REFUSED', request: m.body.type, opaque: m.body.opaque, topic: m.body.topic, messages: ids });
    return { kind: 'rocket.net.refused', args: { type: m.body.type, from: m.from, to: m.to }, nodes: [m.from, m.to], messages: ids };
  }
  return { kind: 'rocket.net.unreachable', args: { type: m.body.type, from: m.from, to: m.to }, bg: ids.length === 0, nodes: [m.from, m.to], messages: ids };
}

function onBroker(w: W, sc: Sc, b: BrokerNode, from: string, body: Body): Ev {
  switch (body.type) {
    case 'SEND_MESSAGE':
      return onSendMessage(w, sc, b, from, body);
    case 'HA_TRANSFER':
      return onHaTransfer(w, sc, b, from, body);
    case 'HA_REPORT':
      return onHaReport(w, b, from, body);
    case 'PULL_MESSAGE':
      return onPull(w, b, from, body);
    case 'CONSUMER_SEND_MSG_BACK':
      return onSendBack(w, sc, b, from, body);
    case 'END_TRANSACTION':
      return onEndTransaction(w, sc, b, body);
    default:
      return onClientRequest(w, sc, b, from, body);
  }
}

function event(w: W, ev: Pending, sc: Sc): Ev {
  if (ev.kind === 'net') {
    const m = ev.msg;
    const to = m.to;
    if (to in w.d.namesrvs) return w.d.namesrvs[to].state === 'running' ? onNameServer(w, sc, to, m.from, m.body) : unreachable(w, m, true);
    if (to in w.d.brokers) {
      const b = w.d.brokers[to];
      return b.state === 'running' ? onBroker(w, sc, b, m.from, m.body) : unreachable(w, m, b.crashKind === 'process');
    }
    if (to in w.d.producers) return w.d.producers[to].state === 'RUNNING' ? onProducerNet(w, sc, w.d.producers[to], m.from, m.body) : unreachable(w, m, false);
    const c = w.d.consumers[to];
    return c.state === 'RUNNING' ? onConsumerNet(w, sc, c, m.from, m.body) : unreachable(w, m, false);
  }
  const node = ev.node!;
  const data = ev.data ?? {};
  if (node in w.d.namesrvs) return nsScan(w, node);
  if (node in w.d.brokers) {
    const b = w.d.brokers[node];
    switch (ev.name) {
      case 'broker.register':
        registerBroker(w, sc, b);
        timer(w, T.heartbeat, 'broker.register', { node, bg: true });
        return { kind: 'rocket.broker.registerTick', args: { broker: node }, bg: true, nodes: [node] };
      case 'broker.flush':
        return onFlush(w, b, null);
      case 'broker.flushDone':
        return onFlush(w, b, Number(data.upTo));
      case 'broker.putTimeout':
        return onPutTimeout(w, b, Number(data.opaque));
      case 'broker.pullExpire':
        return onPullExpire(w, b, Number(data.opaque));
      case 'broker.schedule':
        return onSchedule(w, sc, b, String(data.uid));
      case 'broker.txnCheck':
        return onTxnCheck(w, sc, b);
      case 'broker.housekeeping':
        return onHousekeeping(w, b);
      case 'ha.heartbeat':
        send(w, node, w.d.groups[b.brokerName].master, { type: 'HA_REPORT', length: b.commitLog.length, heartbeat: true });
        timer(w, T.haHeartbeat, 'ha.heartbeat', { node, bg: true });
        return { kind: 'rocket.ha.heartbeat', args: { slave: node, length: b.commitLog.length }, bg: true, nodes: [node] };
      default:
        throw new Error(`unknown broker timer ${ev.name}`);
    }
  }
  if (node in w.d.producers) {
    const p = w.d.producers[node];
    return ev.name === 'client.tick' ? producerTick(w, sc, p) : onSendTimeout(w, sc, p, Number(data.opaque));
  }
  return onConsumerTimer(w, sc, w.d.consumers[node], ev.name, data);
}

function invariants(w: W, sc: Sc): string[] {
  const out: string[] = [];
  for (const b of Object.values(w.d.brokers)) {
    if (b.flushed > b.commitLog.length) out.push(`${b.name}: flushed ${b.flushed} > CommitLog length ${b.commitLog.length}`);
    if (b.brokerId === 0 && b.slaveAcked > b.commitLog.length) out.push(`${b.name}: slave acked ${b.slaveAcked} beyond the CommitLog (${b.commitLog.length})`);
  }
  for (const f of Object.values(w.outcome.fates)) if (f.processed > f.deliveries) out.push(`${f.id}: processed ${f.processed} times but delivered only ${f.deliveries}`);
  // Orderly (clustering): at most one consumer of a group is consuming from a queue at any time.
  const busy: Record<string, string> = {};
  for (const cfg of sc.consumers) {
    if (cfg.listener !== 'orderly' || cfg.messageModel !== 'CLUSTERING') continue;
    const c = w.d.consumers[cfg.id];
    for (const pq of Object.values(c.pqs)) {
      if (!pq.msgs.some((m) => m.status === 'consuming')) continue;
      const k = `${c.group}/${pq.mq}`;
      if (busy[k]) out.push(`orderly queue ${pq.mq} consumed by both ${busy[k]} and ${c.id} in ${c.group}`);
      busy[k] = c.id;
      if (pq.msgs.filter((m) => m.status === 'consuming').length > 1) out.push(`orderly queue ${pq.mq}: ${c.id} consumes two messages at once`);
    }
  }
  return out;
}

/**
 * Ready messages per queue on the node consumers read from (the master, else its slave): entries at
 * or beyond the smallest committed offset of the groups subscribed to the topic (all of them if no
 * group subscribes), undelivered SCHEDULE_TOPIC_XXXX entries and every %DLQ% entry. Half messages
 * are invisible to consumers and not listed.
 */
export function readyQueues(w: W, sc: Sc): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of sc.brokers) {
    const node = readable(w, g.brokerName);
    if (!node) continue;
    for (const t of sc.topicConfigs) if (!t.brokers || t.brokers.includes(g.brokerName)) for (let q = 0; q < t.queuesPerBroker; q++) out[mqKey({ topic: t.name, brokerName: g.brokerName, queueId: q })] = [];
    const offsets = w.d.groups[g.brokerName].offsets;
    for (const e of node.commitLog) {
      if (e.topic === HALF_TOPIC) continue;
      const key = mqKey({ topic: e.topic, brokerName: g.brokerName, queueId: e.queueId });
      let ready: boolean;
      if (e.topic === SCHEDULE_TOPIC) ready = !node.scheduleDone.includes(e.uid);
      else if (e.topic.startsWith('%DLQ%')) ready = true;
      else {
        const subs = e.topic.startsWith('%RETRY%') ? sc.consumers.filter((c) => `%RETRY%${c.group}` === e.topic) : sc.consumers.filter((c) => c.subscribe.includes(e.topic));
        if (subs.length === 0) ready = true;
        else
          ready = subs.some((c) => {
            if (c.messageModel === 'CLUSTERING') return e.queueOffset >= (offsets[c.group]?.[key] ?? 0);
            const cn = w.d.consumers[c.id];
            return e.queueOffset >= (cn.offsets[key] ?? cn.localStore[key] ?? 0);
          });
      }
      if (ready) (out[key] ??= []).push(e.id);
    }
  }
  return out;
}

function report(w: W, sc: Sc) {
  const queues = readyQueues(w, sc);
  const stored = new Set(Object.values(queues).flat());
  return {
    stored: (id: string) => stored.has(id),
    queues,
    groups: w.d.allocations.map((a) => ({ ...a, assignment: { ...a.assignment } })),
    extra: {
      brokers: Object.fromEntries(
        Object.values(w.d.brokers).map((b) => [b.name, { brokerName: b.brokerName, brokerId: b.brokerId, role: b.role, state: b.state, commitLog: b.commitLog.map((e) => `${e.id}@${e.topic}`), flushed: b.flushed, ...(b.brokerId === 0 ? { slaveAcked: b.slaveAcked } : {}) }]),
      ),
      transactions: Object.fromEntries(Object.values(w.d.txns).map((t) => [t.id, { state: t.state, checks: t.checks, brokerName: t.brokerName }])),
      consumerOffsets: Object.fromEntries(Object.values(w.d.groups).map((g) => [g.brokerName, g.offsets])),
    },
  };
}

/** The RocketMQ engine without narration (engine.ts adds it; the browser loads the narration separately). */
export const rocketCore: EngineCore<RocketScenario, RocketState> = {
  system: 'rocketmq',
  init,
  nodes: (sc) => allNodes(sc),
  step: (w, s, sc) => step(w, s, sc),
  event,
  invariants,
  report,
};

