/**
 * The KRaft controller (a single node): broker registrations and heartbeats, fencing after
 * broker.session.timeout.ms, leader election by Kafka's rules, ISR changes (AlterPartition), and
 * metadata propagation. Brokers learn metadata from a push after every change (standing in for
 * the broker's fetch of the metadata log) and from heartbeat responses when they fell behind.
 * ZooKeeper-era differences are mentioned in the narration, not modelled.
 */
import { send, timer } from '../core/world';
import type { EventData } from '../core/types';
import { CONTROLLER_TICK_MS, resolve } from './config';
import { electLeader } from './election';
import { registrationLc } from './machines';
import type { PartitionState } from './model';
import type { KafkaScenario } from './schema';
import { hostedBy, viewOf, type KW } from './util';

export const isUnfenced = (w: KW, b: string) => w.d.controller.registrations[b].state === 'unfenced';

/** One change of a partition's leader or ISR, for narration (parallel arrays in event args). */
export interface Change {
  tp: string;
  kind: 'clean' | 'unclean' | 'none' | 'isr' | 'unchanged';
  leader: string | null;
  epoch: number;
  isr: string[];
  /** Acked messages the new leader does not have (an unclean election will truncate them away). */
  missing: string[];
}

export function changeArgs(changes: Change[]) {
  return {
    tps: changes.map((c) => c.tp),
    kinds: changes.map((c) => c.kind),
    leaders: changes.map((c) => c.leader ?? ''),
    epochs: changes.map((c) => c.epoch),
    isrs: changes.map((c) => c.isr.join(',')),
    missing: changes.map((c) => c.missing.join(',')),
  };
}

/** Sends every host of the changed partitions (that the controller considers alive) its partition states. */
export function pushMetadata(w: KW, changed: PartitionState[], except?: string) {
  if (changed.length === 0) return;
  w.d.controller.metadataOffset++;
  const targets = new Set<string>();
  for (const p of changed) for (const b of p.replicas) if (b !== except && isUnfenced(w, b)) targets.add(b);
  for (const b of w.d.brokerOrder) if (targets.has(b)) sendMetadata(w, b, 'MetadataUpdate');
}

export function sendMetadata(w: KW, b: string, type: string, extra: Record<string, unknown> = {}) {
  send(w, w.d.controller.node, b, { type, metadataOffset: w.d.controller.metadataOffset, partitions: hostedBy(w, b).map((tp) => viewOf(w.d.partitions[tp])), fencedBrokers: fencedList(w), messages: [], ...extra });
}

const fencedList = (w: KW) => w.d.brokerOrder.filter((b) => !isUnfenced(w, b));

/** A registration change is cluster metadata: every live broker learns who is fenced. */
function pushRegistrations(w: KW, except: string) {
  w.d.controller.metadataOffset++;
  for (const b of w.d.brokerOrder) if (b !== except && isUnfenced(w, b)) sendMetadata(w, b, 'MetadataUpdate');
}

function acked(w: KW, p: PartitionState, leader: string | null): string[] {
  if (leader === null) return [];
  const have = new Set(p.replicaStates[leader].log.map((e) => e.id));
  const missing = new Set<string>();
  for (const b of p.replicas) for (const e of p.replicaStates[b].log) if (!have.has(e.id) && w.outcome.fates[e.id]?.acked === true) missing.add(e.id);
  return [...missing];
}

/** Runs an election on `p` (its leader is gone) and applies the result. */
function elect(w: KW, sc: KafkaScenario, p: PartitionState, without: string | null): Change {
  const unclean = resolve(sc).topics[p.topic].unclean;
  const isr = without === null ? p.isr : p.isr.filter((b) => b !== without);
  const e = electLeader(p.replicas, isr.length ? isr : p.isr, (b) => isUnfenced(w, b), unclean);
  const prevLeader = p.leader;
  p.leader = e.leader;
  p.isr = e.kind === 'none' ? (isr.length ? isr : p.isr) : e.isr;
  if (e.leader !== prevLeader || e.kind !== 'none') p.leaderEpoch++;
  p.partitionEpoch++;
  return { tp: p.name, kind: e.kind, leader: e.leader, epoch: p.leaderEpoch, isr: [...p.isr], missing: e.kind === 'unclean' ? acked(w, p, e.leader) : [] };
}

/** Fences a broker: removes it from every ISR (never emptying one) and moves its leaderships. */
export function fence(w: KW, sc: KafkaScenario, b: string): Change[] {
  const reg = w.d.controller.registrations[b];
  reg.state = registrationLc.next(reg.state, 'controller.fence');
  const changes: Change[] = [];
  const changed: PartitionState[] = [];
  for (const tp of hostedBy(w, b)) {
    const p = w.d.partitions[tp];
    if (p.leader === b) {
      changes.push(elect(w, sc, p, b));
      changed.push(p);
    } else if (p.isr.includes(b) && p.isr.length > 1) {
      p.isr = p.isr.filter((x) => x !== b);
      p.partitionEpoch++;
      changes.push({ tp, kind: 'isr', leader: p.leader, epoch: p.leaderEpoch, isr: [...p.isr], missing: [] });
      changed.push(p);
    }
  }
  pushMetadata(w, changed);
  pushRegistrations(w, b);
  return changes;
}

/** Unfences a broker and elects leaders for offline partitions it can now lead. */
export function unfence(w: KW, sc: KafkaScenario, b: string): Change[] {
  const reg = w.d.controller.registrations[b];
  reg.state = registrationLc.next(reg.state, 'controller.unfence');
  const changes: Change[] = [];
  const changed: PartitionState[] = [];
  for (const tp of w.d.partitionOrder) {
    const p = w.d.partitions[tp];
    if (p.leader !== null || !p.replicas.includes(b)) continue;
    const c = elect(w, sc, p, null);
    if (c.leader === null) {
      // Still offline: undo the epoch bumps of a no-op election.
      p.partitionEpoch--;
      continue;
    }
    changes.push(c);
    changed.push(p);
  }
  pushMetadata(w, changed, b);
  pushRegistrations(w, b);
  return changes;
}

export function startController(w: KW) {
  timer(w, CONTROLLER_TICK_MS, 'controller.tick', { node: w.d.controller.node, bg: true });
}

/** Periodic session check: fences brokers whose heartbeats stopped (broker.session.timeout.ms). */
export function controllerTick(w: KW, sc: KafkaScenario): EventData {
  const { sessionTimeoutMs } = resolve(sc).broker;
  timer(w, CONTROLLER_TICK_MS, 'controller.tick', { node: w.d.controller.node, bg: true });
  const expired = w.d.brokerOrder.filter((b) => {
    const r = w.d.controller.registrations[b];
    return r.state === 'unfenced' && w.time - r.lastHeartbeatAt > sessionTimeoutMs;
  });
  if (expired.length === 0) return { kind: 'kafka.controller.tick', args: {}, bg: true, nodes: [w.d.controller.node] };
  const changes = expired.flatMap((b) => fence(w, sc, b));
  return fenceEvent(w, 'kafka.controller.fence', expired, changes, { timeoutMs: sessionTimeoutMs });
}

export function fenceEvent(w: KW, kind: string, brokers: string[], changes: Change[], extra: Record<string, number | string> = {}): EventData {
  const markers: EventData['markers'] = ['fault'];
  if (changes.some((c) => c.kind !== 'isr')) markers.push('leader-change');
  if (changes.length) markers.push('isr-change');
  return { kind, args: { brokers, ...extra, ...changeArgs(changes) }, markers, nodes: [w.d.controller.node, ...brokers], messages: [...new Set(changes.flatMap((c) => c.missing))] };
}

export function onRegistration(w: KW, sc: KafkaScenario, b: string): EventData {
  const reg = w.d.controller.registrations[b];
  reg.lastHeartbeatAt = w.time;
  // A new incarnation: the controller fences the old one first, moving its leaderships away.
  const changes = reg.state === 'unfenced' ? fence(w, sc, b) : [];
  sendMetadata(w, b, 'BrokerRegistrationResponse');
  const ev = fenceEvent(w, 'kafka.controller.register', [b], changes);
  return { ...ev, markers: changes.length ? ev.markers!.filter((m) => m !== 'fault') : [] };
}

export function onHeartbeat(w: KW, sc: KafkaScenario, b: string, brokerOffset: number): EventData {
  const reg = w.d.controller.registrations[b];
  reg.lastHeartbeatAt = w.time;
  const caughtUp = brokerOffset >= w.d.controller.metadataOffset;
  if (reg.state === 'fenced' && caughtUp) {
    const changes = unfence(w, sc, b);
    sendMetadata(w, b, 'BrokerHeartbeatResponse', { fenced: false });
    const markers: EventData['markers'] = changes.length ? ['leader-change', 'isr-change'] : [];
    return { kind: 'kafka.controller.unfence', args: { brokers: [b], ...changeArgs(changes) }, markers, nodes: [w.d.controller.node, b] };
  }
  if (!caughtUp) sendMetadata(w, b, 'BrokerHeartbeatResponse', { fenced: reg.state === 'fenced' });
  else send(w, w.d.controller.node, b, { type: 'BrokerHeartbeatResponse', fenced: reg.state === 'fenced', metadataOffset: w.d.controller.metadataOffset, partitions: null, fencedBrokers: fencedList(w), messages: [] });
  return { kind: 'kafka.controller.heartbeat', args: { broker: b, fenced: reg.state === 'fenced', behind: !caughtUp }, bg: true, nodes: [b] };
}

export interface AlterPartitionBody {
  tp: string;
  leader: string;
  leaderEpoch: number;
  partitionEpoch: number;
  newIsr: string[];
  removed: string[];
  added: string[];
  lagMs: number;
}

/** The controller validates and commits an ISR change proposed by a leader (AlterPartition, KIP-497/KIP-841). */
export function onAlterPartition(w: KW, sc: KafkaScenario, body: AlterPartitionBody): EventData {
  const p = w.d.partitions[body.tp];
  let error: string | null = null;
  if (p.leader !== body.leader || p.leaderEpoch !== body.leaderEpoch) error = 'FENCED_LEADER_EPOCH';
  else if (p.partitionEpoch !== body.partitionEpoch) error = 'INVALID_UPDATE_VERSION';
  else if (body.added.some((b) => !isUnfenced(w, b))) error = 'INELIGIBLE_REPLICA';
  if (error === null) {
    p.isr = [...body.newIsr];
    p.partitionEpoch++;
    pushMetadata(w, [p], body.leader);
  }
  send(w, w.d.controller.node, body.leader, { type: 'AlterPartitionResponse', error, ...viewOf(p), messages: [] });
  const shrink = body.removed.length > 0;
  return {
    kind: error ? 'kafka.isr.reject' : shrink ? 'kafka.isr.shrink' : 'kafka.isr.expand',
    args: { tp: body.tp, leader: body.leader, isr: [...(error ? p.isr : body.newIsr)], removed: body.removed, added: body.added, lagMs: body.lagMs, error, partitionEpoch: p.partitionEpoch },
    markers: error ? [] : ['isr-change'],
    nodes: [w.d.controller.node, body.leader, ...body.removed, ...body.added],
  };
}
