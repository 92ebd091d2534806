/**
 * The Kafka engine's domain state (`World.d`). Plain, structured-cloneable data only (no Maps,
 * classes or functions), shaped for drawing: a view can render brokers, partitions with their
 * replicas' logs (LEO / HW marks), producers with in-flight requests and consumers with positions
 * straight from it. Names given in the scenario (broker ids, producer ids, message ids) are kept.
 */

/** Broker process state (Kafka's BrokerState names). */
export type BrokerLifecycle = 'RUNNING' | 'STARTING' | 'NOT_RUNNING';

/** The controller's view of one broker registration (KRaft: fenced brokers cannot lead or be in the ISR). */
export type RegistrationLifecycle = 'unfenced' | 'fenced';

/**
 * One replica's role on its broker.
 * - Leader: accepts produce requests and serves fetches.
 * - Truncating: a follower that asked the leader for its epoch end offset (KIP-101) and waits to truncate.
 * - Fetching: a follower in its fetch loop.
 * - Follower: a follower with no leader to fetch from (the partition is offline).
 * - Offline: the broker is down.
 */
export type ReplicaLifecycle = 'Leader' | 'Truncating' | 'Fetching' | 'Follower' | 'Offline';

/** Producer state (the idempotent producer's TransactionManager names; a plain producer is READY from the start). */
export type ProducerLifecycle = 'UNINITIALIZED' | 'INITIALIZING' | 'READY';

/** One record in a replica's log. */
export interface LogEntry {
  offset: number;
  /** Scenario message id. */
  id: string;
  /** Leader epoch the record was appended in (stamped by the leader, KIP-101). */
  epoch: number;
  /** Scenario producer id. */
  producer: string;
  /** Idempotent producer id, -1 without idempotence. */
  pid: number;
  /** Per-partition sequence number of the idempotent producer, -1 without idempotence. */
  seq: number;
  /** Record key (null = no key). */
  key: string | null;
}

/** An entry of the leader epoch cache (leader-epoch-checkpoint). */
export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

/** What a leader knows about one follower, updated on each of its fetches. */
export interface FollowerProgress {
  /** The follower's LEO (its last fetch offset); -1 until it has fetched from this leader. */
  leo: number;
  /** Last time the follower had caught up to the leader's LEO (drives ISR shrink). */
  lastCaughtUpAt: number;
  lastFetchAt: number;
  /** The leader's LEO when the follower last fetched. */
  lastFetchLeaderLeo: number;
}

/** One replica of a partition, on one broker. */
export interface ReplicaState {
  broker: string;
  state: ReplicaLifecycle;
  /** The leader this replica believes in (itself when Leader). */
  leader: string | null;
  /** The highest leader epoch this replica has learnt. */
  leaderEpoch: number;
  log: LogEntry[];
  /** Log end offset (= log.length, kept for views). */
  leo: number;
  /** High watermark as this replica knows it (followers lag one fetch behind the leader). */
  hw: number;
  /** Entries below this offset are fsynced; a crash that loses the page cache keeps only these. */
  flushed: number;
  epochs: EpochEntry[];
  /** Leader only: its view of the ISR (committed by the controller). */
  isr: string[];
  /** Leader only: the partition epoch of `isr`. */
  partitionEpoch: number;
  /** Leader only: an ISR change sent to the controller and not answered yet (AlterPartition). */
  pendingIsr: string[] | null;
  pendingSince: number;
  /** Leader only: progress of each follower. */
  followers: Record<string, FollowerProgress>;
  /** Follower only: when the outstanding fetch (or epoch request) was sent, null if none. */
  fetchSentAt: number | null;
  /** Follower only: request id of the outstanding fetch (a duplicated or late response is ignored). */
  fetchId: number;
}

/** A partition: the controller's committed state plus every replica. */
export interface PartitionState {
  /** "orders-0" */
  name: string;
  topic: string;
  index: number;
  /** Assigned replicas, in assignment order (the first is the preferred leader). */
  replicas: string[];
  /** Controller's view: the leader, or null when offline (Kafka shows leader -1). */
  leader: string | null;
  leaderEpoch: number;
  isr: string[];
  /** Bumped on every change of leader or ISR (KRaft partition epoch). */
  partitionEpoch: number;
  replicaStates: Record<string, ReplicaState>;
}

/** A fetch parked at a leader until data arrives or the wait ends (long poll). */
export interface ParkedFetch {
  tp: string;
  from: string;
  /** true = a follower (replica fetch), false = a consumer. */
  replica: boolean;
  fetchOffset: number;
  leaderEpoch: number;
  until: number;
  requestId: number;
}

/** An acks=all produce waiting at the leader for the HW to pass its offset (produce purgatory). */
export interface DelayedProduce {
  tp: string;
  producer: string;
  requestId: number;
  id: string;
  offset: number;
  until: number;
}

export interface BrokerState {
  id: string;
  state: BrokerLifecycle;
  /** Registered with the controller since the last (re)start. */
  registered: boolean;
  /** Controller metadata offset this broker has applied. */
  metadataOffset: number;
  /** Fetches parked at this broker, per partition. */
  parkedFetches: Record<string, ParkedFetch[]>;
  /** acks=all produce requests waiting at this broker, per partition. */
  delayedProduces: Record<string, DelayedProduce[]>;
  crashes: number;
  /** Brokers the controller has fenced, as this broker last learnt (a leader does not add them to an ISR, KIP-841). */
  fencedBrokers: string[];
  /** Down with its machine (power loss): connections time out instead of being refused. */
  powerLoss: boolean;
}

export interface RegistrationState {
  state: RegistrationLifecycle;
  lastHeartbeatAt: number;
}

export interface ControllerState {
  /** Node name of the (single) KRaft controller. */
  node: string;
  /** Offset of the last metadata record (bumped on every change). */
  metadataOffset: number;
  registrations: Record<string, RegistrationState>;
}

/** A record the producer holds: queued in the accumulator, waiting to retry, or in flight. */
export interface ProducerRecord {
  id: string;
  tp: string;
  key: string | null;
  /** Sequence number (idempotent producer), -1 otherwise. */
  seq: number;
  createdAt: number;
  /** Attempts made so far (0 = never sent). */
  attempts: number;
  /** Not before this time (retry.backoff.ms). */
  retryAt: number;
  lastError: string | null;
}

export interface InFlightRequest {
  requestId: number;
  broker: string;
  sentAt: number;
  record: ProducerRecord;
}

export interface ProducerState {
  id: string;
  state: ProducerLifecycle;
  /** Producer id from InitProducerId (idempotence), -1 otherwise. */
  pid: number;
  /** Next sequence number per partition. */
  nextSeq: Record<string, number>;
  /** Leader per partition as this producer's metadata knows it. */
  metadata: Record<string, string | null>;
  /** Sticky partition per topic for null keys. */
  sticky: Record<string, number>;
  queue: ProducerRecord[];
  inFlight: InFlightRequest[];
  /** Time of the pending deadline timer, null if none. */
  timerAt: number | null;
}

export interface ConsumerState {
  id: string;
  /** Assigned partitions ("orders-0"). */
  assignment: string[];
  /** Next offset to fetch per partition (absent = not initialised; auto.offset.reset decides). */
  positions: Record<string, number>;
  /** Continuous polling (consumer.start) or not. */
  polling: boolean;
  /** Partitions with a fetch outstanding. */
  fetching: string[];
  /** When each partition's last fetch was sent. */
  fetchSentAt: Record<string, number>;
  /** The last fetch answered: offsets it returned and the serving leader's HW (checked by an invariant). */
  lastFetch: { tp: string; from: number; to: number; hw: number } | null;
}

export interface TopicState {
  name: string;
  partitions: number;
}

export interface KafkaState {
  controller: ControllerState;
  brokers: Record<string, BrokerState>;
  /** Broker ids in scenario order. */
  brokerOrder: string[];
  topics: Record<string, TopicState>;
  partitions: Record<string, PartitionState>;
  /** Partition names in creation order. */
  partitionOrder: string[];
  producers: Record<string, ProducerState>;
  consumers: Record<string, ConsumerState>;
  nextRequestId: number;
}
