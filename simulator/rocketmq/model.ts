/**
 * The RocketMQ domain state `d`: plain, structured-cloneable data, named after RocketMQ's own
 * structures so the views can draw it (NameServer route tables, master/slave CommitLogs with their
 * flushed and replicated marks, consume queues, half messages and check-backs, %RETRY% and %DLQ%
 * topics, consumers with their process queues). Lifecycle states are strings from machines.ts.
 */
import type { BrokerState, ConsumerServiceState, NameServerState, ProducerServiceState, TxnState } from './machines';

/** The half-message topic and the delay topic, as the broker names them. */
export const HALF_TOPIC = 'RMQ_SYS_TRANS_HALF_TOPIC';
export const SCHEDULE_TOPIC = 'SCHEDULE_TOPIC_XXXX';
export const retryTopic = (group: string) => `%RETRY%${group}`;
export const dlqTopic = (group: string) => `%DLQ%${group}`;

/** One message in a broker's CommitLog (its consume queue position is topic/queueId/queueOffset). */
export interface LogEntry {
  /** Unique per run ("e12"): identifies this physical copy (a retry or a DLQ copy is a new entry). */
  uid: string;
  /** The scenario message id. */
  id: string;
  /** RocketMQ's message id (UNIQ_KEY, set by the producer; a retry after a lost response keeps it). */
  msgId: string;
  topic: string;
  queueId: number;
  /** Position in the consume queue of topic/queueId. */
  queueOffset: number;
  key: string | null;
  tags: string | null;
  storeTime: number;
  /** Times already re-consumed (RECONSUME_TIME); 0 for a first delivery. */
  reconsumeTimes: number;
  /** The ordering unit the producer first sent it into (for the outcome tracker). */
  unit: string;
  /** SCHEDULE_TOPIC_XXXX / half entries: where the message goes once due / committed. */
  realTopic: string | null;
  realQueueId: number | null;
  /** SCHEDULE_TOPIC_XXXX: the delay level and when it becomes due. */
  delayLevel: number | null;
  deliverAt: number | null;
  /** The consumer group whose retry/DLQ topic this entry belongs to. */
  group: string | null;
}

export interface NameServerNode {
  name: string;
  state: NameServerState;
  /** RouteInfoManager.brokerLiveTable plus the topic configs each broker registered. */
  brokerLive: Record<string, { brokerName: string; brokerId: number; lastUpdate: number; topics: Record<string, number> }>;
}

/** A response the broker owes a producer once flush and/or replication complete. */
export interface PendingPut {
  producer: string;
  opaque: number;
  id: string;
  /** CommitLog length needed (index + 1). */
  upTo: number;
  waitFlush: boolean;
  waitSlave: boolean;
  /** Not SEND_OK so far (FLUSH_DISK_TIMEOUT / FLUSH_SLAVE_TIMEOUT / SLAVE_NOT_AVAILABLE), or null. */
  status: string | null;
  queue: string;
  queueOffset: number;
}

/** A PULL_MESSAGE held by long polling (PullRequestHoldService) until data arrives or 15 s pass. */
export interface HeldPull {
  consumer: string;
  opaque: number;
  mq: string;
  offset: number;
  max: number;
  until: number;
}

export interface BrokerNode {
  name: string;
  brokerName: string;
  /** 0 = master, 1 = slave. */
  brokerId: number;
  role: 'SYNC_MASTER' | 'ASYNC_MASTER' | 'SLAVE';
  state: BrokerState;
  /** How the last crash happened (a process kill gets "connection refused", a power loss silence). */
  crashKind: 'process' | 'power' | null;
  commitLog: LogEntry[];
  /** Entries [0, flushed) are on disk. */
  flushed: number;
  /** Master: entries [0, slaveAcked) are confirmed by its slave (HA ack offset). */
  slaveAcked: number;
  /** Master: the slave's HA connection is up (a slave crash closes it; silence > 20 s too). */
  slaveConnected: boolean;
  slaveLastSeen: number;
  /** Extra time every flush takes (broker.slowDisk). */
  diskFlushMs: number;
  /** Next queueOffset per consume queue ("topic@brokerName-qN" → n). */
  maxOffsets: Record<string, number>;
  pendingPuts: PendingPut[];
  heldPulls: HeldPull[];
  /** ConsumerManager: group → registered client ids (HEART_BEAT), with their last heartbeat. */
  consumerTable: Record<string, Record<string, number>>;
  /** ProducerManager: group → client ids (used to pick a channel for CHECK_TRANSACTION_STATE). */
  producerTable: Record<string, Record<string, number>>;
  /** RebalanceLockManager: group → queue → holder (orderly consumption), expires after 60 s. */
  locks: Record<string, Record<string, { client: string; lastUpdate: number }>>;
  /** Whether the async flush timer is armed. */
  flushArmed: boolean;
  /** SCHEDULE_TOPIC_XXXX entries already delivered to their real topic (ScheduleMessageService progress). */
  scheduleDone: string[];
}

/** State shared by a broker group: consume offsets (ConsumerOffsetManager; master and slave agree in this model). */
export interface BrokerGroup {
  brokerName: string;
  master: string;
  slave: string | null;
  /** group → queue key → committed consume offset (next offset to consume). */
  offsets: Record<string, Record<string, number>>;
}

/** The client's view of a topic route (TopicRouteData from GET_ROUTEINFO_BY_TOPIC). */
export interface RouteView {
  /** brokerName → queue count. */
  queues: Record<string, number>;
  /** brokerName → { "0": master node, "1": slave node } of live brokers. */
  addrs: Record<string, Record<string, string>>;
}

/** An outstanding request of a producer (one attempt). */
export interface SendAttempt {
  opaque: number;
  id: string;
  topic: string;
  queue: string;
  brokerName: string;
  attempt: number;
  startedAt: number;
  /** First attempt's start (the sync send's total timeout counts from here). */
  firstAt: number;
  transactional: boolean;
}

/** A send the application asked for and the producer has not finished. */
export interface OutgoingSend {
  id: string;
  topic: string;
  key: string | null;
  tags: string | null;
  shardingKey: string | null;
  delayLevel: number | null;
  mode: 'sync' | 'async' | 'oneway';
  transactional: boolean;
  /** TransactionMQProducer: what executeLocalTransaction returns, and checkLocalTransaction on each check-back. */
  localTransaction: string | null;
  checkResult: string[];
  /** Which broker groups were tried, in order (brokersSent). */
  brokersSent: string[];
  firstAt: number | null;
  /** The UNIQ_KEY RocketMQ gives the message once (retries keep it). */
  msgId: string;
}

export interface ProducerNode {
  id: string;
  group: string;
  state: ProducerServiceState;
  routes: Record<string, RouteView>;
  /** TopicPublishInfo.sendWhichQueue per topic. */
  sendWhichQueue: Record<string, number>;
  nsIndex: number;
  /** A route request is unanswered (the next refresh tries the next NameServer). */
  routeWaiting: boolean;
  /** A sync producer's blocked application thread: sends wait here one at a time. */
  outbox: OutgoingSend[];
  /** Sends waiting for a route. */
  waitingRoute: OutgoingSend[];
  inflight: Record<string, SendAttempt & { send: OutgoingSend }>;
}

/** A message in a consumer's ProcessQueue. */
export interface PQMessage {
  entry: LogEntry;
  /** waiting → consuming → (done | sendingBack | suspended). */
  status: 'waiting' | 'consuming' | 'sendingBack' | 'suspended';
  /** Orderly: local re-consume count. */
  localRetries: number;
}

/** ProcessQueue: the consumer's buffer and progress for one assigned queue. */
export interface ProcessQueue {
  mq: string;
  /** Next offset to pull; -1 = ask the broker for the committed offset. */
  nextOffset: number;
  msgs: PQMessage[];
  /** Largest offset taken from this queue so far (-1: none). */
  maxTaken: number;
  pulling: boolean;
  /** Orderly: holds the broker lock. */
  locked: boolean;
  dropped: boolean;
}

export interface ConsumerNode {
  id: string;
  group: string;
  state: ConsumerServiceState;
  routes: Record<string, RouteView>;
  nsIndex: number;
  routeWaiting: boolean;
  /** Routes for every subscription arrived once since the start (heartbeats sent, first rebalance done). */
  ready: boolean;
  /** Queues currently allocated to this consumer (keys), per the last rebalance. */
  assigned: string[];
  pqs: Record<string, ProcessQueue>;
  /** In-memory offset table (RemoteBrokerOffsetStore / LocalFileOffsetStore). */
  offsets: Record<string, number>;
  /** Offsets changed since the last persist. */
  dirty: boolean;
  /** BROADCASTING: LocalFileOffsetStore on the consumer's disk (survives a crash once persisted). */
  localStore: Record<string, number>;
  rebalancePending: boolean;
  /** Number of this consumer's in-flight opaques (requests it awaits). */
  pending: Record<string, { kind: string; mq?: string; id?: string; uid?: string }>;
}

export interface TxnRecord {
  id: string;
  producer: string;
  group: string;
  brokerName: string;
  state: TxnState;
  /** Check-backs sent so far (TRANSACTION_CHECK_TIMES). */
  checks: number;
  halfUid: string;
  localTransaction: string;
  checkResult: string[];
  storeTime: number;
}

export interface RocketState {
  namesrvs: Record<string, NameServerNode>;
  brokers: Record<string, BrokerNode>;
  groups: Record<string, BrokerGroup>;
  producers: Record<string, ProducerNode>;
  consumers: Record<string, ConsumerNode>;
  /** Transactional messages by scenario id. */
  txns: Record<string, TxnRecord>;
  /** Consumer group → business keys already processed (the application's idempotency table, in its database). */
  dedupe: Record<string, string[]>;
  /** Consumer group → message id → deliveries so far (drives per-message behaviour). */
  attempts: Record<string, Record<string, number>>;
  /** The queue each message id was first sent into (its ordering unit, kept by retries and resends). */
  firstUnit: Record<string, string>;
  /** Consumer → message ids whose crashAfterProcessing already fired. */
  crashed: string[];
  /** Report `groups`: every distinct allocation per consumer group, in order. */
  allocations: { group: string; generation: number; protocol: string; assignment: Record<string, string[]> }[];
  nextUid: number;
  nextOpaque: number;
}
