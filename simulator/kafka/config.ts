/**
 * Resolved configuration: every key the model reads, with Kafka's defaults (Kafka 3.x, KRaft).
 * Resolution is a pure function of the scenario, memoised per scenario object.
 */
import type { KafkaScenario } from './schema';

export interface BrokerCfg {
  lagMaxMs: number;
  fetchWaitMs: number;
  socketTimeoutMs: number;
  fetchBackoffMs: number;
  sessionTimeoutMs: number;
  heartbeatMs: number;
}

export interface TopicCfg {
  minIsr: number;
  unclean: boolean;
  /** fsync after this many appended messages; null = never (Kafka's default leaves it to the OS). */
  flushEvery: number | null;
}

export interface ProducerCfg {
  /** -1 = all. */
  acks: -1 | 0 | 1;
  retries: number;
  deliveryTimeoutMs: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  idempotence: boolean;
  maxInFlight: number;
}

export interface ConsumerCfg {
  reset: 'earliest' | 'latest' | 'none';
  fetchWaitMs: number;
  maxPollRecords: number;
}

export interface Resolved {
  controller: string;
  broker: BrokerCfg;
  topics: Record<string, TopicCfg>;
  producers: Record<string, ProducerCfg>;
  consumers: Record<string, ConsumerCfg>;
}

/** Records per follower fetch response (stands in for replica.fetch.max.bytes). */
export const REPLICA_FETCH_MAX_RECORDS = 500;
/** The producer's metadata refresh backoff when a partition has no leader (retry.backoff.max.ms). */
export const METADATA_BACKOFF_MS = 1000;
/** Period of the controller's session check. */
export const CONTROLLER_TICK_MS = 1000;
/** A leader re-sends an unanswered AlterPartition after this long. */
export const ALTER_PARTITION_RETRY_MS = 2000;

const memo = new WeakMap<KafkaScenario, Resolved>();

export function resolve(sc: KafkaScenario): Resolved {
  const hit = memo.get(sc);
  if (hit) return hit;
  const b = sc.cluster.config ?? {};
  const broker: BrokerCfg = {
    lagMaxMs: b['replica.lag.time.max.ms'] ?? 30000,
    fetchWaitMs: b['replica.fetch.wait.max.ms'] ?? 500,
    socketTimeoutMs: b['replica.socket.timeout.ms'] ?? 30000,
    fetchBackoffMs: b['replica.fetch.backoff.ms'] ?? 1000,
    sessionTimeoutMs: b['broker.session.timeout.ms'] ?? 9000,
    heartbeatMs: b['broker.heartbeat.interval.ms'] ?? 2000,
  };
  const topics: Record<string, TopicCfg> = {};
  for (const t of sc.cluster.topics) {
    const c = t.config ?? {};
    topics[t.name] = {
      minIsr: c['min.insync.replicas'] ?? b['min.insync.replicas'] ?? 1,
      unclean: c['unclean.leader.election.enable'] ?? b['unclean.leader.election.enable'] ?? false,
      flushEvery: c['flush.messages'] ?? b['log.flush.interval.messages'] ?? null,
    };
  }
  const producers: Record<string, ProducerCfg> = {};
  for (const p of sc.producers) {
    const c = p.config ?? {};
    const a = c.acks === undefined ? 'all' : String(c.acks);
    const acks = a === 'all' || a === '-1' ? -1 : a === '1' ? 1 : 0;
    const retries = c.retries ?? 2147483647;
    const maxInFlight = c['max.in.flight.requests.per.connection'] ?? 5;
    // Kafka ≥ 3.2: idempotence is on by default, but silently off when a conflicting setting is given.
    const idempotence = c['enable.idempotence'] ?? (acks === -1 && retries > 0 && maxInFlight <= 5);
    producers[p.id] = {
      acks,
      retries,
      deliveryTimeoutMs: c['delivery.timeout.ms'] ?? 120000,
      requestTimeoutMs: c['request.timeout.ms'] ?? 30000,
      retryBackoffMs: c['retry.backoff.ms'] ?? 100,
      idempotence,
      maxInFlight,
    };
  }
  const consumers: Record<string, ConsumerCfg> = {};
  for (const c of sc.consumers) {
    const k = c.config ?? {};
    consumers[c.id] = { reset: k['auto.offset.reset'] ?? 'latest', fetchWaitMs: k['fetch.max.wait.ms'] ?? 500, maxPollRecords: k['max.poll.records'] ?? 500 };
  }
  const r: Resolved = { controller: sc.cluster.controller, broker, topics, producers, consumers };
  memo.set(sc, r);
  return r;
}
