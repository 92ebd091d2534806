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

/**
 * Producer state (the Java client's TransactionManager names; a plain producer is READY from the start).
 * A transactional producer moves READY → IN_TRANSACTION → COMMITTING_TRANSACTION / ABORTING_TRANSACTION → READY;
 * FATAL_ERROR once it has been fenced (ProducerFencedException) or its process died.
 */
export type ProducerLifecycle = 'UNINITIALIZED' | 'INITIALIZING' | 'READY' | 'IN_TRANSACTION' | 'COMMITTING_TRANSACTION' | 'ABORTING_TRANSACTION' | 'FATAL_ERROR';

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
  /** Producer epoch (transactional producers; bumped by InitProducerId to fence zombies). Absent = 0. */
  producerEpoch?: number;
  /** Part of a transaction (KIP-98): invisible to read_committed consumers until a COMMIT marker follows. */
  txn?: boolean;
  /** A control record (transaction marker) written by the transaction coordinator; never handed to applications. */
  control?: 'COMMIT' | 'ABORT';
  /** Internal topics: the record's value as text (an offset commit "offset=5", a transaction state "PrepareCommit …"). */
  value?: string;
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
  /** Consumer fetch with isolation.level=read_committed (answered only below the LSO). */
  readCommitted?: boolean;
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
  /** transactional.id, null for a non-transactional producer. */
  txnId: string | null;
  /** Producer epoch from InitProducerId (transactional producers), 0 otherwise. */
  epoch: number;
  /** Partitions added to the current transaction (AddPartitionsToTxn answered). */
  txnPartitions: string[];
  /** Partitions in an AddPartitionsToTxn request not answered yet (null = none in flight). */
  pendingAdd: string[] | null;
  /** Offsets handed to sendOffsetsToTransaction and not yet sent (AddOffsetsToTxn → TxnOffsetCommit), or in flight. */
  pendingOffsets: { group: string; offsets: Record<string, number>; stage: 'add' | 'commit'; sent: boolean } | null;
  /** The EndTxn request has been sent and not answered. */
  endTxnSent: boolean;
  /** Why the producer is in FATAL_ERROR (e.g. PRODUCER_FENCED), null otherwise. */
  fatal: string | null;
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
  /**
   * The classic group client (KafkaConsumer with a `group.id`, or with `subscribe`/`processing`); null for the plain
   * manually assigned consumer, which processes records as soon as they arrive.
   */
  client: ConsumerClient | null;
}

/** The member's view of the group (Java's AbstractCoordinator MemberState names). */
export type MemberLifecycle = 'UNJOINED' | 'PREPARING_REBALANCE' | 'COMPLETING_REBALANCE' | 'STABLE';

/** The application loop around poll(): waiting in poll, processing a batch, blocked in commitSync, in a transaction commit, or not running. */
export type AppLifecycle = 'polling' | 'processing' | 'committing' | 'closed' | 'crashed';

/** One record handed to the application by poll(). */
export interface PolledRecord {
  tp: string;
  offset: number;
  id: string;
  producer: string;
}

/** The group client and application loop of one consumer (what the player draws inside a consumer box). */
export interface ConsumerClient {
  /** group.id, null for a consumer that only uses `assign` without committing. */
  group: string | null;
  /** `subscribe` (group membership, the coordinator assigns partitions) or `assign` (partitions chosen by hand, no membership). */
  mode: 'subscribe' | 'assign';
  /** Subscribed topics (subscribe mode). */
  topics: string[];
  member: MemberLifecycle;
  /** Member id (= the consumer's name, used as-is) and generation as the client knows them; generation -1 = none. */
  memberId: string;
  generation: number;
  protocol: string | null;
  /** The coordinator broker the client talks to (FindCoordinator is read from metadata, not a round trip). */
  coordinator: string | null;
  /** A rebalance is needed (heartbeat said REBALANCE_IN_PROGRESS, the member was removed, or cooperative revocation). */
  rejoinNeeded: boolean;
  /** Why the last rejoin is needed (narration). */
  rejoinReason: string | null;
  /** A JoinGroup / SyncGroup / OffsetFetch / Heartbeat is in flight. */
  joinInFlight: boolean;
  syncInFlight: boolean;
  heartbeatInFlight: boolean;
  /** Partitions assigned by the last SyncGroup not yet revoked (subscribe mode). */
  owned: string[];
  /** Partitions whose start position waits for an OffsetFetch answer. */
  awaitingOffsets: string[];
  /** Fetched records not yet returned by poll(), per partition, in offset order. */
  buffer: Record<string, PolledRecord[]>;
  /** Per partition: the next offset after the last fetch response (control and aborted records are skipped up to here). */
  fetchedUpTo: Record<string, number>;
  /** JoinGroup / SyncGroup answers that arrived while the application was busy: the Java client handles them inside the next poll(). */
  deferred: { type: string; body: Record<string, unknown> }[];
  app: AppLifecycle;
  /** The batch the last poll() returned and how far the application got. */
  batch: PolledRecord[];
  processed: number;
  /** Simulated processing time per record (consumer.slow changes it). */
  msPerRecord: number;
  /** When the application last called poll() (max.poll.interval.ms is measured from here). */
  lastPollAt: number;
  lastAutoCommitAt: number;
  /** Request id of the commitSync the application is blocked in, null if none. */
  commitWaiting: number | null;
  /** The positions the last auto-commit sent (auto-commit commits the positions, i.e. what earlier polls returned). */
  consumed: Record<string, number>;
  /** The heartbeat thread left the group because poll() was not called within max.poll.interval.ms (KIP-62). */
  pollTimeoutLeft: boolean;
  /** This instance's incarnation (a restart starts a new one); timers of an older one are ignored. */
  incarnation: number;
  /** The heartbeat thread of this incarnation is running. */
  heartbeatRunning: boolean;
  /** When the next poll() call is scheduled, null if none (the application waits inside poll for data). */
  pollAt: number | null;
  /** The next record is being processed (a processing timer is pending). */
  processScheduled: boolean;
  /** Records are handed to a worker thread and poll() is called again at once (processing.worker). */
  worker: boolean;
  /** Per partition: the offset after the last record the application finished processing. */
  processedUpTo: Record<string, number>;
  /** The assignment of the last generation this member took part in (what the eager sticky assignor remembers). */
  prevAssignment: string[];
  prevGeneration: number;
  /** The application is waiting for its transactional producer (initTransactions / commitTransaction). */
  waitingForProducer: boolean;
  /** No JoinGroup before this time (retry.backoff.ms after a failed one). */
  retryAt: number;
}

/** A member as the group coordinator keeps it (GroupMetadata's MemberMetadata). */
export interface GroupMember {
  memberId: string;
  /** group.instance.id of a static member (KIP-345), null for a dynamic member. */
  instanceId: string | null;
  subscription: string[];
  /** Assignor names in the member's preference order (partition.assignment.strategy). */
  protocols: string[];
  /** Partitions the member reported owning in its JoinGroup (cooperative protocol), and their generation. */
  owned: string[];
  ownedGeneration: number;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  lastHeartbeatAt: number;
  /** Sent JoinGroup in the current round and waits for its answer. */
  awaitingJoin: boolean;
  /** Sent SyncGroup and waits for the assignment. */
  awaitingSync: boolean;
  /** Partitions assigned in the current generation. */
  assignment: string[];
}

/** One consumer group on its coordinator (the broker leading its `__consumer_offsets` partition). */
export interface GroupMeta {
  id: string;
  /** The coordinator broker and the `__consumer_offsets` partition it leads. */
  coordinator: string;
  offsetsTp: string;
  /** Kafka's group state (group-machine.ts): Empty, PreparingRebalance, CompletingRebalance, Stable, Dead. */
  state: 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';
  generation: number;
  /** The chosen assignor of the current generation. */
  protocol: string | null;
  /** The group leader (the first member to join; it computes the assignment). */
  leader: string | null;
  members: Record<string, GroupMember>;
  /** Member ids in the order they joined (the leader is the first still present). */
  memberOrder: string[];
  /** group.instance.id → member id of the static members. */
  staticMembers: Record<string, string>;
  /** When the JoinGroup round completes at the latest (rebalance timeout / initial delay), null if none is running. */
  joinDeadline: number | null;
  /** An Empty group's first JoinGroup round does not complete before this time (group.initial.rebalance.delay.ms). */
  delayedUntil: number | null;
  /** What started the running rebalance (narration). */
  rebalanceReason: string | null;
  /** Committed offsets per partition (the coordinator's cache of the compacted `__consumer_offsets`). */
  committed: Record<string, number>;
  /** Offsets committed inside an open transaction (TxnOffsetCommit), per producer id; they apply when its COMMIT marker lands (KIP-98/447). */
  pendingTxnOffsets: Record<string, Record<string, number>>;
  /** When the current generation became Stable (null while rebalancing or before the first generation). */
  stableSince: number | null;
}

/** Transaction states on the transaction coordinator (TransactionState names). */
export type TxnLifecycle = 'Empty' | 'Ongoing' | 'PrepareCommit' | 'PrepareAbort' | 'CompleteCommit' | 'CompleteAbort';

/** One transactional id on its coordinator (the broker leading its `__transaction_state` partition). */
export interface TxnMeta {
  txnId: string;
  coordinator: string;
  stateTp: string;
  pid: number;
  /** Current producer epoch; a request with an older one is fenced (PRODUCER_FENCED). */
  epoch: number;
  state: TxnLifecycle;
  /** Partitions in the ongoing transaction (data partitions and the groups' `__consumer_offsets` partitions). */
  partitions: string[];
  /** Consumer groups whose offsets are part of the transaction (AddOffsetsToTxn). */
  groups: string[];
  /** Markers sent and not yet acknowledged (WriteTxnMarkers), per partition. */
  pendingMarkers: string[];
  /** Number of transactions completed (committed + aborted), for the views. */
  completed: number;
  /** The producer (scenario name) that holds the current epoch. */
  producer: string;
  /** Whether the marker being written commits or aborts. */
  result: 'COMMIT' | 'ABORT' | null;
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
  /** Consumer groups on their coordinators. */
  groups: Record<string, GroupMeta>;
  /** Every generation of every group, in order (the report's `groups`; the assignment is filled in at SyncGroup). */
  generations: { group: string; generation: number; protocol: string; assignment: Record<string, string[]>; members: string[]; leader: string; at: number }[];
  /** Transactional ids on their transaction coordinators. */
  transactions: Record<string, TxnMeta>;
  /** Commits the client failed (CommitFailedException, ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID …), for the report. */
  commitFailures: { consumer: string; group: string; error: string; generation: number; at: number; offsets: Record<string, number> }[];
  /**
   * Per `${group}|${tp}`: how many events ran while the partition, once owned by some member, had no member
   * consuming it (revoked during a rebalance, or its owner gone) — the "stop-the-world" cost of a rebalance,
   * reported as `pausedPartitionEvents`.
   */
  pausedEvents: Record<string, number>;
  /** Every revocation: which member gave up which partitions, in which generation (eager: all of them; cooperative: only the moving ones). */
  revocations: { consumer: string; group: string; generation: number; partitions: string[]; at: number; event: number }[];
}
