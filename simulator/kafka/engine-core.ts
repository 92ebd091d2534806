/**
 * The Kafka engine: builds the cluster from the scenario, dispatches script steps and events to
 * the controller / broker / producer / consumer modules, checks invariants and writes the report.
 */
import { int } from '../core/rng';
import type { Engine, EngineCore } from '../core/engine';
import type { EventData, PartitionReport } from '../core/types';
import { send, type Pending } from '../core/world';
import { resolve } from './config';
import { controllerTick, onAlterPartition, onHeartbeat, onRegistration, startController, type AlterPartitionBody } from './controller';
import * as B from './broker';
import { assignmentOf, consumeStep, consumerTick, onConsumerFetchResponse } from './consumer';
import { brokerLc, producerLc, registrationLc, replicaLc } from './machines';
import type { KafkaState, PartitionState, ReplicaState } from './model';
import { assignReplicas } from './placement';
import { onProduceResponse, produce, producerTimer } from './producer';
import type { KafkaScenario } from './schema';
import { skippedBelow, tpName, type KW } from './util';
import { createGroup, groupTick, onHeartbeat as onGroupHeartbeat, onJoinGroup, onLeaveGroup, onOffsetCommit, onOffsetFetch, onSyncGroup } from './coordinator';
import * as G from './group-consumer';
import { createTxn, markerCheck, onTxnRequest, onTxnResponse, onWriteTxnMarkers, onWriteTxnMarkersResponse, txnEnd, txnInit, txnRetry, txnBegin, txnSendOffsetsStep } from './txn';
import { CONSUMER_OFFSETS, TRANSACTION_STATE, internalPartitionFor, lagOf, lastStableOffset } from './txnlog';
import type { ConsumerClient, ConsumerState } from './model';

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
    groups: {},
    generations: [],
    transactions: {},
    commitFailures: [],
    pausedEvents: {},
    revocations: [],
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
    lists.forEach((replicas, i) => addPartition(tpName(t.name, i), t.name, i, replicas));
  }
  // Internal topics exist only when groups or transactions are used, and only their partitions that some
  // group / transactional id maps to are materialised (the others would stay empty).
  const groupIds = [...new Set(sc.consumers.map((c) => cfg.consumers[c.id].groupId).filter((g): g is string => g !== null))];
  const txnIds = [...new Set(sc.producers.map((p) => cfg.producers[p.id].txnId).filter((t): t is string => t !== null))];
  for (const [topic, ids, n, rf] of [
    [CONSUMER_OFFSETS, groupIds, cfg.broker.offsetsPartitions, cfg.broker.offsetsRf],
    [TRANSACTION_STATE, txnIds, cfg.broker.txnPartitions, cfg.broker.txnRf],
  ] as const) {
    if (ids.length === 0) continue;
    const lists = assignReplicas(brokers, n, rf, { startIndex: int(w, brokers.length), shift: int(w, brokers.length) });
    const used = [...new Set(ids.map((id) => internalPartitionFor(id, n)))].sort((a, b) => a - b);
    for (const i of used) addPartition(tpName(topic, i), topic, i, lists[i]);
  }
  function addPartition(name: string, topic: string, i: number, replicas: string[]) {
    {
      const p: PartitionState = { name, topic, index: i, replicas: [...replicas], leader: replicas[0], leaderEpoch: 0, isr: [...replicas], partitionEpoch: 0, replicaStates: {} };
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
    }
  }
  sc.producers.forEach((p, i) => {
    const idem = cfg.producers[p.id].idempotence;
    // InitProducerId is not a network round trip here: an idempotent producer starts with its id.
    let state = producerLc.initial;
    state = idem ? producerLc.next(producerLc.next(state, 'producer.initProducerId'), 'producer.producerIdAssigned') : producerLc.next(state, 'producer.ready');
    const txnId = cfg.producers[p.id].txnId;
    // A transactional producer gets its id and epoch from InitProducerId (txn.init) instead.
    if (txnId !== null) state = producerLc.initial;
    d.producers[p.id] = {
      id: p.id,
      state,
      pid: idem && txnId === null ? 1000 + i : -1,
      nextSeq: {},
      metadata: {},
      sticky: {},
      queue: [],
      inFlight: [],
      timerAt: null,
      txnId,
      epoch: 0,
      txnPartitions: [],
      pendingAdd: null,
      pendingOffsets: null,
      endTxnSent: false,
      fatal: null,
    };
  });
  const kw = Object.assign(w, { d }) as KW;
  for (const c of sc.consumers) {
    const cc = cfg.consumers[c.id];
    d.consumers[c.id] = {
      id: c.id,
      assignment: c.assign ? assignmentOf(sc, c.assign, (t) => d.topics[t].partitions) : [],
      positions: {},
      polling: false,
      fetching: [],
      fetchSentAt: {},
      lastFetch: null,
      client: cc.client ? G.newClient(sc, c.id, c.subscribe ?? []) : null,
    };
  }
  for (const g of groupIds) d.groups[g] = createGroup(kw, sc, g);
  txnIds.forEach((t, i) => (d.transactions[t] = createTxn(kw, sc, t, i)));
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
    case 'consumer.stop': {
      const c = w.d.consumers[s.consumer];
      if (!hasClient(c)) return consumeStep(w, sc, s);
      return s.do === 'consumer.stop' ? G.clientStop(c) : G.clientStart(w, sc, c, 'kafka.app.start');
    }
    case 'consumer.crash':
    case 'consumer.restart':
    case 'consumer.close': {
      const c = w.d.consumers[s.consumer];
      if (!hasClient(c)) {
        // The plain consumer keeps nothing but positions: a crash forgets them, a restart polls again.
        c.polling = false;
        if (s.do !== 'consumer.restart') c.positions = {};
        if (s.do === 'consumer.restart') return consumeStep(w, sc, { do: 'consumer.start', consumer: c.id });
        return { kind: s.do === 'consumer.crash' ? 'kafka.app.crash' : 'kafka.app.close', args: { consumer: c.id, group: '', owned: [...c.assignment], unprocessed: [], generation: -1, leave: false, committed: false, instanceId: '' }, nodes: [c.id], markers: s.do === 'consumer.crash' ? ['crash'] : undefined };
      }
      return s.do === 'consumer.crash' ? G.clientCrash(w, sc, c) : s.do === 'consumer.restart' ? G.clientRestart(w, sc, c) : G.clientClose(w, sc, c);
    }
    case 'consumer.seek':
      return G.clientSeek(w, w.d.consumers[s.consumer] as never, s.tp, s.offset, s.to);
    case 'consumer.commit':
      return G.clientCommitStep(w, sc, w.d.consumers[s.consumer] as never, s.mode);
    case 'consumer.slow': {
      const c = w.d.consumers[s.consumer];
      return hasClient(c) ? G.clientSlow(c, s.msPerRecord) : { kind: 'kafka.app.slow', args: { consumer: c.id, msPerRecord: s.msPerRecord, before: 0 }, nodes: [c.id] };
    }
    case 'txn.init':
      return txnInit(w, sc, s.producer);
    case 'txn.begin':
      return txnBegin(w, sc, s.producer);
    case 'txn.commit':
    case 'txn.abort':
      return txnEnd(w, sc, s.producer, s.do === 'txn.commit');
    case 'txn.sendOffsets':
      return txnSendOffsetsStep(w, sc, s.producer, s.consumer);
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
      case 'consumer.poll':
        return G.pollTimer(w, sc, w.d.consumers[node] as never, Number(ev.data?.inc), Number(ev.data?.at));
      case 'consumer.process':
        return G.processTimer(w, sc, w.d.consumers[node] as never, Number(ev.data?.inc));
      case 'consumer.heartbeat':
        return G.heartbeatTick(w, sc, w.d.consumers[node] as never, Number(ev.data?.inc));
      case 'consumer.offsetFetch':
        return G.offsetFetchRetry(w, w.d.consumers[node] as never, Number(ev.data?.inc));
      case 'group.tick':
        return groupTick(w, sc, String(ev.data?.group));
      case 'txn.retry':
        return txnRetry(w, sc, node, String(ev.data?.what));
      case 'txn.markerCheck':
        return markerCheck(w, String(ev.data?.txnId));
      default:
        throw new Error(`unknown timer ${ev.name}`);
    }
  }
  const { from, to, body } = ev.msg;
  const ids = (body.messages as string[]) ?? [];
  const broker = w.d.brokers[to];
  if (broker && broker.state === 'NOT_RUNNING' && COORDINATOR_REQUESTS.has(body.type)) {
    // A request to a stopped coordinator (or marker to a stopped leader) fails at once; the client retries.
    if (body.type !== 'LeaveGroup')
      send(w, to, from, { ...body, type: `${body.type}Response`, error: body.type === 'WriteTxnMarkers' ? 'NOT_LEADER_OR_FOLLOWER' : 'COORDINATOR_NOT_AVAILABLE', messages: [] });
    return { kind: 'kafka.net.down', args: { type: body.type, from, to, refused: true }, nodes: [from, to] };
  }
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
    case 'FetchResponse': {
      if (body.replica) return B.onFollowerFetchResponse(w, sc, to, from, b);
      const c = w.d.consumers[to];
      return hasClient(c) ? G.onClientFetchResponse(w, sc, c, from, b) : onConsumerFetchResponse(w, sc, to, from, b);
    }
    case 'JoinGroup':
      return onJoinGroup(w, sc, to, from, b);
    case 'SyncGroup':
      return onSyncGroup(w, sc, to, from, b);
    case 'Heartbeat':
      return onGroupHeartbeat(w, to, from, b);
    case 'LeaveGroup':
      return onLeaveGroup(w, sc, to, from, b);
    case 'OffsetCommit':
      return onOffsetCommit(w, sc, to, from, b, false);
    case 'TxnOffsetCommit':
      return onOffsetCommit(w, sc, to, from, b, true);
    case 'OffsetFetch':
      return onOffsetFetch(w, to, from, b);
    case 'JoinGroupResponse':
    case 'SyncGroupResponse':
    case 'HeartbeatResponse':
    case 'OffsetCommitResponse':
    case 'OffsetFetchResponse': {
      const c = w.d.consumers[to];
      if (!hasClient(c)) throw new Error(`${body.type} for a consumer without a group client`);
      return G.onCoordinatorResponse(w, sc, c, from, body);
    }
    case 'InitProducerId':
    case 'AddPartitionsToTxn':
    case 'AddOffsetsToTxn':
    case 'EndTxn':
      return onTxnRequest(w, sc, to, from, body);
    case 'InitProducerIdResponse':
    case 'AddPartitionsToTxnResponse':
    case 'AddOffsetsToTxnResponse':
    case 'TxnOffsetCommitResponse':
    case 'EndTxnResponse':
      return onTxnResponse(w, sc, to, from, body);
    case 'WriteTxnMarkers':
      return onWriteTxnMarkers(w, sc, to, from, b);
    case 'WriteTxnMarkersResponse':
      return onWriteTxnMarkersResponse(w, sc, to, from, b);
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

const COORDINATOR_REQUESTS = new Set(['JoinGroup', 'SyncGroup', 'Heartbeat', 'LeaveGroup', 'OffsetCommit', 'OffsetFetch', 'TxnOffsetCommit', 'InitProducerId', 'AddPartitionsToTxn', 'AddOffsetsToTxn', 'EndTxn', 'WriteTxnMarkers']);

type ClientConsumer = ConsumerState & { client: ConsumerClient };
const hasClient = (c: ConsumerState): c is ClientConsumer => c.client !== null;
/** A consumer's process is up and taking part (not crashed or closed). */
const live = (c: ClientConsumer) => c.client.app !== 'crashed' && c.client.app !== 'closed';

/**
 * After every event: counts, per group and partition, the events during which a partition that some member
 * had consumed has no member consuming it (the cost of a rebalance, `pausedPartitionEvents`).
 */
function countPaused(w: KW) {
  if (w.d.generations.length === 0) return;
  const consuming = new Set<string>();
  for (const id in w.d.consumers) {
    const c = w.d.consumers[id];
    if (!hasClient(c) || !live(c) || c.client.group === null || c.client.mode !== 'subscribe') continue;
    for (const tp of c.client.owned) if (c.positions[tp] !== undefined && !c.client.awaitingOffsets.includes(tp)) consuming.add(`${c.client.group}|${tp}`);
  }
  for (const k of consuming) w.d.pausedEvents[k] ??= 0;
  for (const k in w.d.pausedEvents) if (!consuming.has(k)) w.d.pausedEvents[k]++;
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
  if (w.d.generations.length) for (const v of groupInvariants(w)) (out ??= []).push(v);
  return out ?? NONE;
}
const NONE: string[] = [];

/**
 * Each partition is owned by at most one member of a group per generation: on the coordinator (the
 * assignment it handed out) and on the clients (members that believe they own it in the same generation).
 */
function groupInvariants(w: KW): string[] {
  const out: string[] = [];
  for (const g of Object.values(w.d.groups)) {
    const seen = new Map<string, string>();
    for (const id of g.memberOrder)
      for (const tp of g.members[id].assignment) {
        const o = seen.get(tp);
        if (o !== undefined) out.push(`group ${g.id} generation ${g.generation}: ${tp} assigned to ${o} and ${id}`);
        seen.set(tp, id);
      }
  }
  // A member that is Stable in generation G owns only what generation G assigned to it; with the per-generation
  // assignments disjoint, no partition has two owners within a generation.
  const owners = new Map<string, string>();
  for (const id in w.d.consumers) {
    const c = w.d.consumers[id];
    if (!hasClient(c) || !live(c) || c.client.group === null || c.client.generation < 0) continue;
    const cl = c.client;
    if (cl.member === 'STABLE') {
      let gen: KafkaState['generations'][number] | undefined;
      for (const x of w.d.generations) if (x.group === cl.group && x.generation === cl.generation) gen = x;
      const mine = gen?.assignment[id] ?? [];
      for (const tp of cl.owned) if (!mine.includes(tp)) out.push(`group ${cl.group} generation ${cl.generation}: ${id} owns ${tp}, which that generation assigned to ${Object.keys(gen?.assignment ?? {}).find((m) => gen!.assignment[m].includes(tp)) ?? 'nobody'}`);
    }
    for (const tp of cl.owned) {
      const k = `${cl.group}|${cl.generation}|${tp}`;
      const o = owners.get(k);
      if (o !== undefined) out.push(`group ${cl.group} generation ${cl.generation}: ${tp} owned by both ${o} and ${id}`);
      owners.set(k, id);
    }
  }
  return out;
}

// ---------------------------------------------------------------- report

function report(w: KW, sc: KafkaScenario) {
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
  const groups = w.d.generations.map((g) => ({ group: g.group, generation: g.generation, protocol: g.protocol, assignment: g.assignment }));
  const consumerGroups: Record<string, unknown> = {};
  const paused: Record<string, Record<string, number>> = {};
  for (const g of Object.values(w.d.groups)) {
    const topics = new Set(sc.consumers.filter((c) => resolve(sc).consumers[c.id].groupId === g.id).flatMap((c) => c.subscribe ?? (c.assign ?? []).map((a) => a.replace(/-\d+$/, ''))));
    const lag: Record<string, number> = {};
    for (const t of [...topics].sort())
      for (let i = 0; i < (w.d.topics[t]?.partitions ?? 0); i++) {
        const tp = tpName(t, i);
        const p = w.d.partitions[tp];
        lag[tp] = lagOf(p.leader === null ? 0 : p.replicaStates[p.leader].hw, g.committed[tp]);
      }
    consumerGroups[g.id] = { state: g.state, generation: g.generation, protocol: g.protocol, leader: g.leader, members: [...g.memberOrder], coordinator: g.coordinator, offsetsPartition: g.offsetsTp, committed: { ...g.committed }, lag };
  }
  for (const [k, n] of Object.entries(w.d.pausedEvents)) {
    const [g, tp] = k.split('|');
    (paused[g] ??= {})[tp] = n;
  }
  const transactions: Record<string, unknown> = {};
  for (const t of Object.values(w.d.transactions)) transactions[t.txnId] = { state: t.state, pid: t.pid, epoch: t.epoch, coordinator: t.coordinator, stateTopicPartition: t.stateTp, completed: t.completed };
  const lso: Record<string, number> = {};
  if (Object.keys(w.d.transactions).length)
    for (const tp of w.d.partitionOrder) {
      const p = w.d.partitions[tp];
      if (p.leader !== null) lso[tp] = lastStableOffset(p.replicaStates[p.leader].log, p.replicaStates[p.leader].hw);
    }
  // Per group: ids in the order the group first processed them, and acked records the group skipped for good
  // (below its committed offset, never processed by any member: the consumer-side loss of auto-commit / commit-before).
  const groupProcessed: Record<string, string[]> = {};
  const groupLoss: Record<string, string[]> = {};
  for (const g of Object.values(w.d.groups)) {
    groupProcessed[g.id] = [];
    groupLoss[g.id] = [];
    for (const [u, ids] of Object.entries(w.outcome.processOrder)) if (u.startsWith(`${g.id}|`)) groupProcessed[g.id].push(...ids);
    for (const [tp, off] of Object.entries(g.committed)) groupLoss[g.id].push(...skippedBelow(w, g.id, tp, off));
  }
  const extra: Record<string, unknown> = { brokers, controller: w.d.controller.node, consumers };
  if (groups.length || Object.keys(w.d.groups).length) Object.assign(extra, { consumerGroups, groupProcessed, groupLoss, pausedPartitionEvents: paused, revocations: w.d.revocations, commitFailures: w.d.commitFailures });
  if (Object.keys(transactions).length) Object.assign(extra, { transactions, lastStableOffsets: lso });
  return { stored: (id: string) => stored.has(id), partitions, groups, extra };
}

function after(w: KW, data: EventData): EventData {
  countPaused(w);
  return noteTouched(w, data);
}

/** The Kafka engine without narration (engine.ts adds it; the browser loads the narration separately). */
export const kafkaCore: EngineCore<KafkaScenario, KafkaState> = {
  system: 'kafka',
  init: (sc, w) => init(sc, w),
  nodes: (sc) => [...sc.cluster.brokers, resolve(sc).controller, ...sc.producers.map((p) => p.id), ...sc.consumers.map((c) => c.id)],
  step: (w, s, sc) => after(w as KW, step(w as KW, s, sc)),
  event: (w, ev, sc) => after(w as KW, event(w as KW, ev, sc)),
  invariants: (w) => invariants(w as KW),
  report: (w, sc) => report(w as KW, sc),
};

