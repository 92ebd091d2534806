/** Helpers shared by the broker and client handlers. */
import type { EventData } from '../core/types';
import { push, removeWhere, type World } from '../core/world';
import type { BrokerGroupConfig, ConsumerConfig, ProducerConfig, RocketScenario } from './schema';
import type { BrokerNode, RocketState, RouteView } from './model';
import { parseDelayLevels } from './pure';

export type W = World<RocketState>;
export type Sc = RocketScenario;
export type Ev = EventData;

/** RocketMQ 4.x intervals (client and broker defaults). */
export const T = {
  /** Broker → NameServer registration, client heartbeats and route polling (registerNameServerPeriod, heartbeatBrokerInterval, pollNameServerInterval). */
  heartbeat: 30_000,
  /** NameServer scanNotActiveBroker period and the 120 s BROKER_CHANNEL_EXPIRED_TIME. */
  nsScan: 10_000,
  brokerExpired: 120_000,
  /** Broker ClientHousekeepingService: a client silent for 120 s is removed. */
  clientExpired: 120_000,
  /** RebalanceService.waitInterval and the orderly lock renewal (REBALANCE_LOCK_INTERVAL). */
  rebalance: 20_000,
  /** RebalanceLockManager.REBALANCE_LOCK_MAX_LIVE_TIME. */
  lockExpire: 60_000,
  /** persistConsumerOffsetInterval / autoCommitIntervalMillis. */
  persist: 5_000,
  /** brokerSuspendMaxTimeMillis: how long a long-polling pull is held. */
  longPoll: 15_000,
  /** CONSUMER_TIMEOUT_MILLIS_WHEN_SUSPEND: the client gives up on a held pull. */
  pullTimeout: 30_000,
  /** pullTimeDelayMillsWhenException. */
  pullRetry: 3_000,
  /** Client request timeout (sendMessageBack, lock). */
  request: 3_000,
  /** A failed sendMessageBack is re-consumed locally after 5 s. */
  consumeLater: 5_000,
  /** HAClient reports its offset every haSendHeartbeatInterval; the master drops a connection silent for haHousekeepingInterval. */
  haHeartbeat: 5_000,
  haHousekeeping: 20_000,
} as const;

export const brokerCfg = (sc: Sc, brokerName: string): BrokerGroupConfig => sc.brokers.find((b) => b.brokerName === brokerName)!;
export const producerCfg = (sc: Sc, id: string): ProducerConfig => sc.producers.find((p) => p.id === id)!;
export const consumerCfg = (sc: Sc, id: string): ConsumerConfig => sc.consumers.find((c) => c.id === id)!;

const levelCache = new Map<string, number[]>();
export function delayLevels(sc: Sc, brokerName: string): number[] {
  const spec = brokerCfg(sc, brokerName).messageDelayLevel;
  let v = levelCache.get(spec);
  if (!v) levelCache.set(spec, (v = parseDelayLevels(spec)));
  return v;
}

export const uid = (w: W) => `e${w.d.nextUid++}`;
export const opaque = (w: W) => w.d.nextOpaque++;

/** The master node of a broker group, else its slave, if running (where consumers read). */
export function readable(w: W, brokerName: string): BrokerNode | null {
  const g = w.d.groups[brokerName];
  const m = w.d.brokers[g.master];
  if (m.state === 'running') return m;
  const s = g.slave ? w.d.brokers[g.slave] : null;
  return s && s.state === 'running' ? s : null;
}

export const masterOf = (w: W, brokerName: string) => w.d.brokers[w.d.groups[brokerName].master];

/** Node address a client would use for a broker group according to its route: master, else slave. */
export function routeAddr(route: RouteView | undefined, brokerName: string, masterOnly = false): string | null {
  const a = route?.addrs[brokerName];
  if (!a) return null;
  return a['0'] ?? (masterOnly ? null : (a['1'] ?? null));
}

/** Cancels pending timers matching name/node (and data field values). */
export function cancelTimers(w: W, name: string, node: string, data: Record<string, unknown> = {}) {
  removeWhere(w, (p) => p.kind === 'timer' && p.name === name && p.node === node && Object.entries(data).every(([k, v]) => p.data?.[k] === v));
}

/**
 * A periodic timer that is background while idle must become foreground once there is work for it
 * (a half message to check, an offset to persist), or `settle` would stop before it fires.
 */
export function ensureForeground(w: W, name: string, node: string) {
  const [t] = removeWhere(w, (p) => p.kind === 'timer' && p.name === name && p.node === node);
  if (t && t.kind === 'timer') push(w, { at: t.at, kind: 'timer', name, node, data: t.data });
}

/**
 * Outcome units per subscriber: ordering and duplicates are judged per consumer group (CLUSTERING)
 * or per consumer (BROADCASTING), because each group — and each broadcasting consumer — is meant to
 * get its own copy of every message, like a fanout.
 */
export function subscriberUnit(sc: Sc, consumerId: string, queueUnit: string): string {
  const c = consumerCfg(sc, consumerId);
  return c.messageModel === 'CLUSTERING' ? `${queueUnit}#${c.group}` : `${queueUnit}#${c.id}`;
}

export function subscriberUnits(sc: Sc, topic: string, queueUnit: string): string[] {
  return [...new Set(sc.consumers.filter((c) => c.subscribe.includes(topic)).map((c) => subscriberUnit(sc, c.id, queueUnit)))];
}

/** Every scenario node in a stable order. */
export function allNodes(sc: Sc): string[] {
  return [...sc.nameservers, ...sc.brokers.flatMap((b) => [b.master, ...(b.slave ? [b.slave] : [])]), ...sc.producers.map((p) => p.id), ...sc.consumers.map((c) => c.id)];
}

/** Topics a broker group hosts (name → queue count), including each clustering group's %RETRY% topic. */
export function hostedTopics(sc: Sc, brokerName: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of sc.topicConfigs) if (!t.brokers || t.brokers.includes(brokerName)) out[t.name] = t.queuesPerBroker;
  for (const c of sc.consumers) if (c.messageModel === 'CLUSTERING') out[`%RETRY%${c.group}`] = 1;
  return out;
}
