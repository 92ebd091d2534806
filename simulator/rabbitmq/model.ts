/**
 * The RabbitMQ engine's domain state (`d`): plain, structured-cloneable data named after AMQP 0-9-1
 * and RabbitMQ, laid out so a view can draw producer → exchange → bindings → queues (ready,
 * unacked) → consumers (prefetch windows), plus dead-letter paths and quorum members.
 *
 * Lifecycle fields hold the state value of an XState machine (machines.ts); everything else is
 * domain data changed by plain functions.
 */

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

/** A header or binding-argument value. `null` is AMQP "void" (in a headers binding: presence only). */
export type HeaderValue = string | number | boolean | null;

/** Reasons RabbitMQ writes into x-death and our report's `deadLettered`. */
export type DeadLetterReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

/** One x-death entry, newest first in `QueueEntry.xDeath`, as RabbitMQ records it. */
export interface XDeath {
  queue: string;
  reason: DeadLetterReason;
  /** How many times the message was dead-lettered from this queue for this reason. */
  count: number;
  /** The exchange the message had been published to before this dead-lettering. */
  exchange: string;
  'routing-keys': string[];
  /** Simulated ms when it happened (RabbitMQ stores a timestamp). */
  time: number;
}

/** One copy of a message in one queue (a fanout makes one copy per queue). */
export interface QueueEntry {
  /** Scenario message id. */
  id: string;
  exchange: string;
  routingKey: string;
  /** delivery_mode 2. Only persistent messages in durable queues survive a restart (classic queues). */
  persistent: boolean;
  headers: Record<string, HeaderValue>;
  /** Per-message TTL from the `expiration` property, in ms (removed when dead-lettered). */
  expiration: number | null;
  /** Body size in bytes (for x-max-length-bytes). */
  bytes: number;
  enqueuedAt: number;
  /** When the message expires: enqueue time + min(x-message-ttl, expiration); null = never. */
  expiresAt: number | null;
  /** Set once the message has been delivered before (basic.deliver's `redelivered`). */
  redelivered: boolean;
  /** Times the message came back to the queue (nack/reject with requeue, channel or connection closed); quorum queues compare it with the delivery limit. */
  deliveryCount: number;
  xDeath: XDeath[];
  /** Position in this queue's log: requeued messages go back to their original position (lowest index first). */
  index: number;
}

/** A delivery the broker handed to a consumer and has not yet seen settled. */
export interface Unacked {
  /** Delivery tag on the consumer's channel. */
  tag: number;
  consumer: string;
  entry: QueueEntry;
  deliveredAt: number;
}

export type QueueType = 'classic' | 'quorum';

/** Declared queue arguments, real names. */
export interface QueueArguments {
  'x-queue-type'?: QueueType;
  'x-message-ttl'?: number;
  'x-expires'?: number;
  'x-max-length'?: number;
  'x-max-length-bytes'?: number;
  'x-overflow'?: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  'x-dead-letter-exchange'?: string;
  'x-dead-letter-routing-key'?: string;
  /** Quorum queues only. Default 20 since RabbitMQ 4.0; none in 3.x. */
  'x-delivery-limit'?: number;
  'x-quorum-initial-group-size'?: number;
}

/** Replica roles. Quorum: a Raft group (leader/follower). Mirrored classic (3.x only): master/mirror. */
export type MemberRole = 'leader' | 'follower' | 'down';

export interface Member {
  /** XState value of the member machine (machines.ts). */
  role: MemberRole;
  /** Highest log index this replica holds (its own log end). */
  logEnd: number;
  /** Highest index the leader knows this replica holds (Raft matchIndex, from replies). */
  match: number;
  /** Mirrored queues: the first index this mirror holds (a mirror that rejoined is unsynchronised: it only has newer messages). */
  since: number;
}

export interface QueueState {
  name: string;
  type: QueueType;
  durable: boolean;
  /** Classic mirrored queue (ha-mode: all policy, RabbitMQ 3.x; removed in 4.0). */
  mirrored: boolean;
  arguments: QueueArguments;
  /** running | down (its node, or for replicated queues its majority, is unavailable) | deleted. */
  status: 'running' | 'down' | 'deleted';
  /** The node holding the queue (classic) or the current leader / master (replicated); null while electing. */
  leader: string | null;
  /** Replicas by node (replicated queues only; empty for a plain classic queue). */
  members: Record<string, Member>;
  /** Messages ready for delivery, head first. */
  ready: QueueEntry[];
  /** Delivered, not yet acked (manual ack). */
  unacked: Unacked[];
  /** Replicated queues: appended by the leader, not yet committed (not deliverable, not confirmed). */
  pending: QueueEntry[];
  /** Log index of the next enqueued message. */
  nextIndex: number;
  /** Consumers (ids) that can receive, in round-robin order; a delivered-to consumer moves to the back. */
  active: string[];
  /** Consumers at their prefetch limit; they rejoin `active` at the back when an ack frees room. */
  blocked: string[];
  /** Last time the queue was used (consumer attached, declared): x-expires counts from here. */
  lastUsed: number;
}

export interface ExchangeState {
  name: string;
  type: ExchangeType;
  durable: boolean;
  /** `alternate-exchange` argument. */
  alternateExchange?: string;
}

export interface BindingState {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: Record<string, HeaderValue>;
}

export type NodeStatus = 'running' | 'stopped';

export interface NodeState {
  name: string;
  /** XState value of the node machine. */
  status: NodeStatus;
}

/** What a consumer does with each delivery after processing it. */
export type OnMessage = 'ack' | 'reject' | 'reject-requeue' | 'nack' | 'nack-requeue' | 'hold';

export type ChannelStatus = 'open' | 'closing' | 'closed';

export type ConsumerStatus = 'idle' | 'consuming' | 'cancelled' | 'crashed' | 'disconnected';

/** A delivery as the client sees it. */
export interface ClientDelivery {
  tag: number;
  id: string;
  queue: string;
  redelivered: boolean;
  /** Deliveries since the broker has it as unacked (auto-ack deliveries are already settled). */
  autoAck: boolean;
  /** x-death summary the consumer sees in headers. */
  xDeath: XDeath[];
}

export interface ConsumerState {
  id: string;
  queue: string;
  /** The node its connection is on (null while disconnected). */
  node: string | null;
  /** Nodes it may connect to, in order (automatic connection recovery). */
  nodes: string[];
  autoAck: boolean;
  /** basic.qos prefetch_count (per consumer); 0 = unlimited. */
  prefetch: number;
  /** The prefetch was lowered while deliveries were outstanding (they may exceed the new limit until acked). */
  prefetchLowered: boolean;
  processingMs: number;
  onMessage: OnMessage;
  /** Per-message overrides of `onMessage`. */
  onMessageFor: Record<string, OnMessage>;
  /** Message id → deliveries of it still to fail (each sends `failWith`) before one succeeds. */
  failures: Record<string, number>;
  failWith: OnMessage;
  /** Automatic connection recovery after a broker node failure. */
  recover: boolean;
  recoveryMs: number;
  status: ConsumerStatus;
  channel: ChannelStatus;
  /** Next delivery tag on its channel (tags restart at 1 on a new channel). */
  nextTag: number;
  /** Deliveries received, waiting to be processed (in the client's buffer). */
  inbox: ClientDelivery[];
  /** The delivery being processed right now. */
  busy: ClientDelivery | null;
  /** Held deliveries (onMessage "hold"): processed, waiting for an explicit ack/nack/reject step. */
  held: ClientDelivery[];
  /** History for the views: message ids in the order received / processed. */
  received: string[];
  processed: string[];
}

export interface PublisherState {
  id: string;
  node: string | null;
  nodes: string[];
  /** confirm.select was sent: every publish gets basic.ack / basic.nack. */
  confirm: boolean;
  /** tx.select: publishes are buffered by the broker until tx.commit. */
  tx: boolean;
  /** Automatic connection recovery after a node failure. */
  recover: boolean;
  recoveryMs: number;
  channel: ChannelStatus;
  /** Next publish sequence number on the channel (confirm delivery tags). */
  nextSeq: number;
  /** Publishes waiting for a confirm: sequence number → message id. */
  unconfirmed: { seq: number; id: string }[];
  /** tx mode: publishes sent since the last commit/rollback (the broker holds them). */
  txPending: string[];
  /** Message ids returned to this publisher (mandatory, unroutable). */
  returned: string[];
}

/** A publish the broker has accepted and still has to confirm (after every target queue has it). */
export interface PendingConfirm {
  publisher: string;
  seq: number;
  id: string;
  /** Queues that have not yet committed the message (quorum: majority; mirrored: all mirrors). */
  waiting: string[];
  /** A queue rejected it (x-overflow reject-publish): the confirm becomes basic.nack. */
  nack: boolean;
}

/** A publish held by the broker inside an open transaction. */
export interface TxPublish {
  publisher: string;
  publish: PublishProps;
}

export interface PublishProps {
  id: string;
  exchange: string;
  routingKey: string;
  persistent: boolean;
  mandatory: boolean;
  headers: Record<string, HeaderValue>;
  expiration: number | null;
  bytes: number;
}

/** The whole RabbitMQ domain state. */
export interface RabbitState {
  nodes: Record<string, NodeState>;
  /** Node names in topology order (cluster membership). */
  nodeOrder: string[];
  exchanges: Record<string, ExchangeState>;
  bindings: BindingState[];
  queues: Record<string, QueueState>;
  /** Queue names in declaration order. */
  queueOrder: string[];
  publishers: Record<string, PublisherState>;
  consumers: Record<string, ConsumerState>;
  confirms: PendingConfirm[];
  txBuffer: TxPublish[];
  /** Broker config, real names. */
  config: { consumer_timeout: number; channel_max: number };
  /** Dead-letter history for the views: where each dead-lettered copy went. */
  deadLetters: { id: string; queue: string; reason: DeadLetterReason; exchange: string | null; routingKey: string; to: string[]; time: number }[];
  /** Messages lost, and why (auto-ack crash, transient on restart, queue deleted …). */
  losses: { id: string; queue: string; why: string; time: number }[];
}
