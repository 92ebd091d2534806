/**
 * The Kafka engine: builds the cluster from the scenario, dispatches script steps and events to
 * the controller / broker / producer / consumer modules, checks invariants and writes the report.
 */
import { int } from '../core/rng';
import type { Engine } from '../core/engine';
import type { EventData, PartitionReport } from '../core/types';
import { send, type Pending } from '../core/world';
import { resolve } from './config';
import { controllerTick, onAlterPartition, onHeartbeat, onRegistration, startController, type AlterPartitionBody } from './controller';
import * as B from './broker';
import { assignmentOf, consumeStep, consumerTick, onConsumerFetchResponse } from './consumer';
import { brokerLc, producerLc, registrationLc, replicaLc } from './machines';
import type { KafkaState, PartitionState, ReplicaState } from './model';
import { narrateKafka } from './narrate';
import { assignReplicas } from './placement';
import { onProduceResponse, produce, producerTimer } from './producer';
import { KafkaScenarioSchema, type KafkaScenario } from './schema';
import { tpName, type KW } from './util';

function init(sc: KafkaScenario, w: Parameters<Engine<KafkaScenario, KafkaState>['init']>[1]): KafkaState {
  const cfg = resolve(sc);
  const brokers = sc.cluster.brokers;
  const d: KafkaState = {
    controller: { node: cfg.controller, metadataOffset: 0, registrations: {} },
    brokers: {},
    brokerOrder: [...brokers],
    topics: {},
    partitions: {},
    partitionOrder: [],
    producers: {},
    consumers: {},
    nextRequestId: 1,
  };
  for (const b of brokers) {
    d.brokers[b] = { id: b, state: brokerLc.initial, registered: true, metadataOffset: 0, parkedFetches: {}, delayedProduces: {}, crashes: 0, powerLoss: false, fencedBrokers: [] };
    d.controller.registrations[b] = { state: registrationLc.initial, lastHeartbeatAt: 0 };
  }
  const bc = sc.cluster.config ?? {};
  for (const t of sc.cluster.topics) {
    const n = t.partitions ?? t.assignment?.length ?? bc['num.partitions'] ?? 1;
    const rf = t.replicationFactor ?? t.assignment?.[0]?.length ?? bc['default.replication.factor'] ?? 1;
    // Kafka draws the start index and the replica shift at random; ours come from the seed.
    const placement = t.placement ?? { startIndex: int(w, brokers.length), shift: int(w, brokers.length) };
    const lists = t.assignment ?? assignReplicas(brokers, n, rf, placement);
    d.topics[t.name] = { name: t.name, partitions: n };
    lists.forEach((replicas, i) => {
      const name = tpName(t.name, i);
      const p: PartitionState = { name, topic: t.name, index: i, replicas: [...replicas], leader: replicas[0], leaderEpoch: 0, isr: [...replicas], partitionEpoch: 0, replicaStates: {} };
      for (const b of replicas) {
        const leader = b === replicas[0];
        const r: ReplicaState = {
          broker: b,
          state: replicaLc.next(replicaLc.initial, leader ? 'replica.becomeLeader' : 'replica.becomeFollower'),
          leader: replicas[0],
          leaderEpoch: 0,
          log: [],
          leo: 0,
          hw: 0,
          flushed: 0,
          epochs: leader ? [{ epoch: 0, startOffset: 0 }] : [],
          isr: leader ? [...replicas] : [],
          partitionEpoch: 0,
          pendingIsr: null,
          pendingSince: 0,
          followers: {},
          fetchSentAt: null,
          fetchId: -1,
        };
        if (leader) for (const f of replicas.slice(1)) r.followers[f] = { leo: 0, lastCaughtUpAt: 0, lastFetchAt: 0, lastFetchLeaderLeo: 0 };
        else r.state = replicaLc.next(r.state, 'replica.truncated');
        p.replicaStates[b] = r;
      }
      d.partitions[name] = p;
      d.partitionOrder.push(name);
    });
  }
  sc.producers.forEach((p, i) => {
    const idem = cfg.producers[p.id].idempotence;
    // InitProducerId is not a network round trip here: an idempotent producer starts with its id.
    let state = producerLc.initial;
    state = idem ? producerLc.next(producerLc.next(state, 'producer.initProducerId'), 'producer.producerIdAssigned') : producerLc.next(state, 'producer.ready');
    d.producers[p.id] = { id: p.id, state, pid: idem ? 1000 + i : -1, nextSeq: {}, metadata: {}, sticky: {}, queue: [], inFlight: [], timerAt: null };
  });
  for (const c of sc.consumers) {
    d.consumers[c.id] = { id: c.id, assignment: assignmentOf(sc, c.assign, (t) => d.topics[t].partitions), positions: {}, polling: false, fetching: [], fetchSentAt: {}, lastFetch: null };
  }
  const kw = Object.assign(w, { d }) as KW;
  for (const b of brokers) B.startBrokerTimers(kw, sc, b);
  startController(kw);
  // Followers start their fetch loops.
  for (const tp of d.partitionOrder) {
    const p = d.partitions[tp];
    for (const b of p.replicas.slice(1)) B.sendFetch(kw, sc, p, p.replicaStates[b]);
  }
  return d;
}

function step(w: KW, s: KafkaScenario['script'][number], sc: KafkaScenario): EventData {
  switch (s.do) {
    case 'produce':
      return produce(w, sc, s);
    case 'broker.crash':
      return B.crash(w, sc, s.broker, s.loseUnflushed);
    case 'broker.restart':
      return B.restart(w, sc, s.broker);
    case 'consume':
    case 'consumer.start':
    case 'consumer.stop':
      return consumeStep(w, sc, s);
    default:
      throw new Error(`unhandled step ${s.do}`);
  }
}

function event(w: KW, ev: Pending, sc: KafkaScenario): EventData {
  if (ev.kind === 'timer') {
    const node = ev.node ?? '';
    switch (ev.name) {
      case 'broker.tick':
        return B.brokerTick(w, sc, node);
      case 'broker.isrCheck':
        return B.isrCheck(w, sc, node);
      case 'broker.heartbeat':
        return B.heartbeatTimer(w, sc, node);
      case 'controller.tick':
        return controllerTick(w, sc);
      case 'producer.timer':
        return producerTimer(w, sc, node);
      case 'consumer.tick':
        return consumerTick(w, sc, node);
      default:
        throw new Error(`unknown timer ${ev.name}`);
    }
  }
  const { from, to, body } = ev.msg;
  const ids = (body.messages as string[]) ?? [];
  const broker = w.d.brokers[to];
  if (broker && broker.state === 'NOT_RUNNING') {
    // A dead process with a live machine refuses the connection at once; a dead machine stays silent.
    const refused = !broker.powerLoss && (body.type === 'ProduceRequest' || (body.type === 'FetchRequest' && !body.replica));
    if (refused && body.type === 'ProduceRequest') send(w, to, from, { type: 'ProduceResponse', requestId: body.requestId, tp: body.tp, error: 'NETWORK_EXCEPTION', offset: -1, messages: ids });
    if (refused && body.type === 'FetchRequest') send(w, to, from, { type: 'FetchResponse', tp: body.tp, replica: false, requestId: body.requestId, leaderEpoch: -1, error: 'NETWORK_EXCEPTION', records: [], hw: -1, messages: [] });
    return { kind: 'kafka.net.down', args: { type: body.type, from, to, refused }, nodes: [from, to], messages: ids };
  }
  const b = body as never;
  switch (body.type) {
    case 'ProduceRequest':
      return B.onProduce(w, sc, to, from, b);
    case 'ProduceResponse':
      return onProduceResponse(w, sc, to, from, b, ids);
    case 'FetchRequest':
      return B.onFetch(w, sc, to, from, b);
    case 'FetchResponse':
      return body.replica ? B.onFollowerFetchResponse(w, sc, to, from, b) : onConsumerFetchResponse(w, sc, to, from, b);
    case 'OffsetsForLeaderEpochRequest':
      return B.onOffsetsForLeaderEpoch(w, to, from, b);
    case 'OffsetsForLeaderEpochResponse':
      return B.onEpochResponse(w, sc, to, from, b);
    case 'AlterPartitionRequest':
      return onAlterPartition(w, sc, body as unknown as AlterPartitionBody);
    case 'AlterPartitionResponse':
      return B.onAlterPartitionResponse(w, sc, to, b);
    case 'BrokerRegistrationRequest':
      return onRegistration(w, sc, from);
    case 'BrokerHeartbeatRequest':
      return onHeartbeat(w, sc, from, Number(body.metadataOffset));
    case 'BrokerRegistrationResponse':
    case 'BrokerHeartbeatResponse':
    case 'MetadataUpdate':
      return B.onControllerResponse(w, sc, to, b);
    default:
      throw new Error(`unknown message ${body.type}`);
  }
}

// ---------------------------------------------------------------- invariants

/**
 * Monitor state for invariants that compare with the past (a leader's HW within its epoch, one
 * leader per epoch). It lives outside the world — keyed by the world object the Timeline mutates —
 * because invariants run only in the recorded run, never during replay, so it must not be part of
 * the snapshotted state.
 */
interface Monitor {
  /** Per partition (creation order), per broker index: [epoch, hw] the last time that broker led it. */
  hw: number[][];
  /** Per partition: leader broker per epoch. */
  leaders: Record<number, string>[];
}
const monitors = new WeakMap<object, Monitor>();
/**
 * The partition the last event was about (its `args.tp`), so the per-event check can look at that
 * partition only; events without a single partition (metadata, crashes, ticks …) check them all.
 * Like the monitors, this lives outside the world and is used only by the recorded run.
 */
const touched = new WeakMap<object, string | null>();
const noteTouched = (w: object, data: EventData) => {
  touched.set(w, typeof data.args.tp === 'string' && data.args.tp !== '' ? data.args.tp : null);
  return data;
};

function invariants(w: KW): string[] {
  let m = monitors.get(w);
  if (!m) monitors.set(w, (m = { hw: w.d.partitionOrder.map(() => []), leaders: w.d.partitionOrder.map(() => ({})) }));
  let out: string[] | null = null;
  const order = w.d.partitionOrder;
  const only = touched.get(w) ?? null;
  for (let pi = only === null ? 0 : order.indexOf(only), end = only === null ? order.length : pi + 1; pi < end; pi++) {
    const tp = order[pi];
    const p = w.d.partitions[tp];
    for (let bi = 0; bi < p.replicas.length; bi++) {
      const b = p.replicas[bi];
      const r = p.replicaStates[b];
      if (r.hw > r.leo || r.leo !== r.log.length) (out ??= []).push(r.hw > r.leo ? `${tp} on ${b}: HW ${r.hw} > LEO ${r.leo}` : `${tp} on ${b}: LEO ${r.leo} ≠ log length ${r.log.length}`);
      if (r.state !== 'Leader') continue;
      const owners = m.leaders[pi];
      const owner = owners[r.leaderEpoch];
      if (owner === undefined) owners[r.leaderEpoch] = b;
      else if (owner !== b) (out ??= []).push(`${tp}: two leaders in epoch ${r.leaderEpoch} (${owner} and ${b})`);
      const prev = m.hw[pi][bi * 2] === r.leaderEpoch ? m.hw[pi][bi * 2 + 1] : -1;
      if (r.hw < prev) (out ??= []).push(`${tp}: leader ${b}'s HW moved back from ${prev} to ${r.hw} in epoch ${r.leaderEpoch}`);
      m.hw[pi][bi * 2] = r.leaderEpoch;
      m.hw[pi][bi * 2 + 1] = r.hw;
    }
  }
  for (const id in w.d.consumers) {
    const f = w.d.consumers[id].lastFetch;
    if (f && f.to > f.hw) (out ??= []).push(`consumer ${id} read ${f.tp} up to offset ${f.to - 1}, above the HW ${f.hw}`);
  }
  return out ?? NONE;
}
const NONE: string[] = [];

// ---------------------------------------------------------------- report

function report(w: KW) {
  const partitions: Record<string, PartitionReport> = {};
  const stored = new Set<string>();
  for (const tp of w.d.partitionOrder) {
    const p = w.d.partitions[tp];
    const logs: Record<string, string[]> = {};
    const replicas: Record<string, { state: string; leo: number; hw: number; leaderEpoch: number; epochs: string[] }> = {};
    for (const b of p.replicas) {
      const r = p.replicaStates[b];
      logs[b] = r.log.map((e) => e.id);
      replicas[b] = { state: r.state, leo: r.leo, hw: r.hw, leaderEpoch: r.leaderEpoch, epochs: r.epochs.map((e) => `${e.epoch}@${e.startOffset}`) };
    }
    const lr = p.leader !== null ? p.replicaStates[p.leader] : null;
    if (lr) for (let i = 0; i < Math.min(lr.hw, lr.log.length); i++) stored.add(lr.log[i].id);
    partitions[tp] = {
      leader: p.leader,
      isr: [...p.isr],
      highWatermark: lr ? lr.hw : Math.max(0, ...p.replicas.map((b) => p.replicaStates[b].hw)),
      logs,
      leaderEpoch: p.leaderEpoch,
      replicas: [...p.replicas],
      offline: p.leader === null,
      replicaStates: replicas,
    };
  }
  const brokers: Record<string, { state: string; fenced: boolean }> = {};
  for (const b of w.d.brokerOrder) brokers[b] = { state: w.d.brokers[b].state, fenced: w.d.controller.registrations[b].state === 'fenced' };
  const consumers: Record<string, Record<string, number>> = {};
  for (const c in w.d.consumers) consumers[c] = { ...w.d.consumers[c].positions };
  return { stored: (id: string) => stored.has(id), partitions, extra: { brokers, controller: w.d.controller.node, consumers } };
}

export const kafkaEngine: Engine<KafkaScenario, KafkaState> = {
  system: 'kafka',
  schema: KafkaScenarioSchema as never,
  init: (sc, w) => init(sc, w),
  nodes: (sc) => [...sc.cluster.brokers, resolve(sc).controller, ...sc.producers.map((p) => p.id), ...sc.consumers.map((c) => c.id)],
  step: (w, s, sc) => noteTouched(w, step(w as KW, s, sc)),
  event: (w, ev, sc) => noteTouched(w, event(w as KW, ev, sc)),
  invariants: (w) => invariants(w as KW),
  narrate: (kind, args) => narrateKafka(kind, args),
  report: (w) => report(w as KW),
};

