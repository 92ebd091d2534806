/**
 * Resolved configuration: every key the model reads, with Kafka's defaults (Kafka 3.x, KRaft).
 * Resolution is a pure function of the scenario, memoised per scenario object.
 */
import type { AssignorName } from './assignors';
import type { KafkaScenario } from './schema';

export interface BrokerCfg {
  lagMaxMs: number;
  fetchWaitMs: number;
  socketTimeoutMs: number;
  fetchBackoffMs: number;
  sessionTimeoutMs: number;
  heartbeatMs: number;
  offsetsPartitions: number;
  offsetsRf: number;
  txnPartitions: number;
  txnRf: number;
  initialRebalanceDelayMs: number;
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
  txnId: string | null;
}

export interface ConsumerCfg {
  reset: 'earliest' | 'latest' | 'none';
  fetchWaitMs: number;
  maxPollRecords: number;
  groupId: string | null;
  instanceId: string | null;
  /** partition.assignment.strategy in preference order. */
  strategies: AssignorName[];
  sessionTimeoutMs: number;
  heartbeatMs: number;
  maxPollIntervalMs: number;
  autoCommit: boolean;
  autoCommitIntervalMs: number;
  readCommitted: boolean;
  /** Uses the group client and application loop (ConsumerClient), not the plain instant consumer. */
  client: boolean;
  msPerRecord: number;
  commit: 'none' | 'sync' | 'async';
  commitWhen: 'before' | 'after';
  worker: boolean;
  transform: { producer: string; topic: string } | null;
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
    offsetsPartitions: b['offsets.topic.num.partitions'] ?? 50,
    offsetsRf: Math.min(b['offsets.topic.replication.factor'] ?? 3, sc.cluster.brokers.length),
    txnPartitions: b['transaction.state.log.num.partitions'] ?? 50,
    txnRf: Math.min(b['transaction.state.log.replication.factor'] ?? 3, sc.cluster.brokers.length),
    initialRebalanceDelayMs: b['group.initial.rebalance.delay.ms'] ?? 3000,
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
  // Internal topics: the broker's defaults (their writes are made by the broker itself, not through acks).
  for (const t of ['__consumer_offsets', '__transaction_state'])
    topics[t] = { minIsr: b['min.insync.replicas'] ?? 1, unclean: false, flushEvery: b['log.flush.interval.messages'] ?? null };
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
      idempotence: idempotence || c['transactional.id'] !== undefined,
      maxInFlight,
      txnId: c['transactional.id'] ?? null,
    };
  }
  const consumers: Record<string, ConsumerCfg> = {};
  for (const c of sc.consumers) {
    const k = c.config ?? {};
    const groupId = k['group.id'] ?? null;
    const strat = k['partition.assignment.strategy'] ?? 'range';
    const pr = c.processing;
    consumers[c.id] = {
      reset: k['auto.offset.reset'] ?? 'latest',
      fetchWaitMs: k['fetch.max.wait.ms'] ?? 500,
      maxPollRecords: k['max.poll.records'] ?? 500,
      groupId,
      instanceId: k['group.instance.id'] ?? null,
      strategies: Array.isArray(strat) ? [...strat] : [strat],
      sessionTimeoutMs: k['session.timeout.ms'] ?? 45000,
      heartbeatMs: k['heartbeat.interval.ms'] ?? 3000,
      maxPollIntervalMs: k['max.poll.interval.ms'] ?? 300000,
      // The Java client's default is true, but only a consumer with a group.id can commit.
      autoCommit: groupId !== null && (k['enable.auto.commit'] ?? true),
      autoCommitIntervalMs: k['auto.commit.interval.ms'] ?? 5000,
      readCommitted: k['isolation.level'] === 'read_committed',
      client: c.subscribe !== undefined || groupId !== null || pr !== undefined,
      msPerRecord: pr?.msPerRecord ?? 0,
      commit: pr?.commit ?? 'none',
      commitWhen: pr?.commitWhen ?? 'after',
      worker: pr?.worker ?? false,
      transform: pr?.transform ? { ...pr.transform } : null,
    };
  }
  const r: Resolved = { controller: sc.cluster.controller, broker, topics, producers, consumers };
  memo.set(sc, r);
  return r;
}
