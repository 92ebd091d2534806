/**
 * The Kafka scenario format (zod). Config keys keep Kafka's real names and scopes: broker configs
 * under `cluster.config`, topic overrides under `cluster.topics[].config`, producer and consumer configs
 * under each client. Only keys the model implements are accepted (a typo or an unmodelled key is an
 * error naming the field, never silently ignored). Cross-references (a step naming an unknown
 * broker, a duplicate message id …) are checked here too, so a bad file fails before it runs.
 */
import { z } from 'zod';
import { coreSteps, scenarioBaseShape } from '../core/steps';

const name = z.string().min(1).regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "_", "." or "-"');
const ms = z.number().int().positive();
const Assignor = z.enum(['range', 'roundrobin', 'sticky', 'cooperative-sticky']);
const count = z.number().int().positive();

export const BrokerConfig = z
  .object({
    'replica.lag.time.max.ms': ms.optional().describe('a follower that has not caught up for this long leaves the ISR (default 30000)'),
    'replica.fetch.wait.max.ms': ms.optional().describe('how long a leader parks an empty follower fetch (default 500)'),
    'replica.socket.timeout.ms': ms.optional().describe('a follower re-sends a fetch that got no answer after this long (default 30000)'),
    'replica.fetch.backoff.ms': ms.optional().describe('a follower waits this long after a fetch error (default 1000)'),
    'broker.session.timeout.ms': ms.optional().describe('the controller fences a broker whose heartbeats stopped this long ago (default 9000)'),
    'broker.heartbeat.interval.ms': ms.optional().describe('broker heartbeat period (default 2000)'),
    'min.insync.replicas': count.optional().describe('acks=all needs at least this many in-sync replicas (default 1)'),
    'unclean.leader.election.enable': z.boolean().optional().describe('elect an out-of-sync replica when no ISR member is alive (default false)'),
    'log.flush.interval.messages': count.optional().describe('fsync after this many messages (default: never; the OS page cache holds the tail)'),
    'num.partitions': count.optional().describe('default partition count of a topic (default 1)'),
    'default.replication.factor': count.optional().describe('default replication factor of a topic (default 1)'),
    'offsets.topic.num.partitions': count.optional().describe('partitions of __consumer_offsets; a group lives on partition abs(groupId.hashCode()) % this (default 50)'),
    'offsets.topic.replication.factor': count.optional().describe('replication factor of __consumer_offsets (default 3, capped at the number of brokers)'),
    'transaction.state.log.num.partitions': count.optional().describe('partitions of __transaction_state (default 50)'),
    'transaction.state.log.replication.factor': count.optional().describe('replication factor of __transaction_state (default 3, capped at the number of brokers)'),
    'group.initial.rebalance.delay.ms': z.number().int().nonnegative().optional().describe('an Empty group waits this long for more members before its first JoinGroup round completes (default 3000)'),
  })
  .strict();

export const TopicConfig = z
  .object({
    'min.insync.replicas': count.optional(),
    'unclean.leader.election.enable': z.boolean().optional(),
    'flush.messages': count.optional().describe('topic override of log.flush.interval.messages'),
  })
  .strict();

export const ProducerConfig = z
  .object({
    acks: z.union([z.literal('all'), z.literal('-1'), z.literal('1'), z.literal('0'), z.literal(-1), z.literal(0), z.literal(1)]).optional().describe('0, 1 or all (default all)'),
    retries: z.number().int().nonnegative().optional().describe('default 2147483647'),
    'delivery.timeout.ms': ms.optional().describe('upper bound from send to success or failure (default 120000)'),
    'request.timeout.ms': ms.optional().describe('how long to wait for one produce response (default 30000)'),
    'retry.backoff.ms': z.number().int().nonnegative().optional().describe('default 100'),
    'enable.idempotence': z.boolean().optional().describe('producer id + sequence numbers (default true unless acks/retries/max.in.flight conflict)'),
    'max.in.flight.requests.per.connection': count.optional().describe('default 5'),
    'transactional.id': name.optional().describe('enables transactions (KIP-98); needs acks=all and idempotence'),
  })
  .strict();

export const ConsumerConfig = z
  .object({
    'auto.offset.reset': z.enum(['earliest', 'latest', 'none']).optional().describe('where to start without a position (default latest)'),
    'fetch.max.wait.ms': ms.optional().describe('how long the leader parks an empty consumer fetch (default 500)'),
    'max.poll.records': count.optional().describe('records per fetch and per poll() (default 500)'),
    'group.id': name.optional().describe('consumer group; needed by subscribe and by offset commits'),
    'group.instance.id': name.optional().describe('static membership (KIP-345): a restart within session.timeout.ms causes no rebalance'),
    'partition.assignment.strategy': z
      .union([Assignor, z.array(Assignor).min(1)])
      .optional()
      .describe('assignor(s) in preference order: range, roundrobin, sticky, cooperative-sticky (default range)'),
    'session.timeout.ms': ms.optional().describe('the coordinator removes a member whose heartbeats stopped this long ago (default 45000)'),
    'heartbeat.interval.ms': ms.optional().describe('heartbeat period of the background thread (default 3000)'),
    'max.poll.interval.ms': ms.optional().describe('max time between poll() calls before the member leaves the group; also the rebalance timeout (default 300000, KIP-62)'),
    'enable.auto.commit': z.boolean().optional().describe('commit the previous poll\'s offsets inside poll() every auto.commit.interval.ms (default true with a group.id)'),
    'auto.commit.interval.ms': ms.optional().describe('default 5000'),
    'isolation.level': z.enum(['read_uncommitted', 'read_committed']).optional().describe('read_committed reads only below the LSO and skips aborted transactions (default read_uncommitted)'),
  })
  .strict();

const Topic = z
  .object({
    name,
    partitions: count.optional().describe('default num.partitions'),
    replicationFactor: count.optional().describe('default default.replication.factor'),
    assignment: z.array(z.array(name).min(1)).optional().describe('explicit replica lists per partition (first = preferred leader)'),
    placement: z
      .object({ startIndex: z.number().int().nonnegative(), shift: z.number().int().nonnegative() })
      .strict()
      .optional()
      .describe('fixed start index and replica shift of the rack-unaware assignment (default: drawn from the seed)'),
    config: TopicConfig.optional(),
  })
  .strict();

const Producer = z.object({ id: name, config: ProducerConfig.optional() }).strict();
const Processing = z
  .object({
    msPerRecord: z.number().int().nonnegative().default(0).describe('simulated time the application spends on each record'),
    commit: z.enum(['none', 'sync', 'async']).default('none').describe('manual commit of the batch: commitSync, commitAsync or none (then only auto-commit, if enabled)'),
    commitWhen: z.enum(['before', 'after']).default('after').describe('commit before processing the batch (at most once) or after (at least once)'),
    worker: z.boolean().default(false).describe('hand records to a worker thread and call poll() again at once (auto-commit then commits records not processed yet)'),
    transform: z
      .object({ producer: name, topic: name })
      .strict()
      .optional()
      .describe('consume-transform-produce: each record is sent on as "<id>.<topic>"; with a transactional producer each batch is one transaction with its offsets (sendOffsetsToTransaction, KIP-447)'),
  })
  .strict();

const Consumer = z
  .object({
    id: name,
    assign: z.array(name).min(1).optional().describe('manual assignment: topics (every partition) or partitions like "orders-0"; no group membership'),
    subscribe: z.array(name).min(1).optional().describe('topics to subscribe to: the group coordinator assigns partitions (needs group.id)'),
    config: ConsumerConfig.optional(),
    processing: Processing.optional().describe('the application loop around poll(): processing time and commits (default: instant, auto-commit only)'),
  })
  .strict();

const kafkaSteps = [
  z
    .object({
      do: z.literal('produce'),
      producer: name,
      topic: name,
      id: z.string().min(1).describe('scenario message id, unique in the scenario'),
      key: z.string().nullable().optional().describe('record key; null or absent = no key (sticky partitioner)'),
      partition: z.number().int().nonnegative().optional().describe('explicit partition (bypasses the partitioner)'),
    })
    .strict(),
  z.object({ do: z.literal('broker.crash'), broker: name, loseUnflushed: z.boolean().default(false).describe('true: the machine loses its page cache (power loss), so the unflushed log tail is gone') }).strict(),
  z.object({ do: z.literal('broker.restart'), broker: name }).strict(),
  z.object({ do: z.literal('consume'), consumer: name }).strict().describe('one poll: fetch once from every assigned partition'),
  z.object({ do: z.literal('consumer.start'), consumer: name }).strict().describe('poll continuously'),
  z.object({ do: z.literal('consumer.stop'), consumer: name }).strict(),
  z.object({ do: z.literal('consumer.crash'), consumer: name }).strict().describe('the consumer process dies: no LeaveGroup, no commit; its producer (transform) dies with it'),
  z.object({ do: z.literal('consumer.restart'), consumer: name }).strict().describe('start a crashed or closed consumer again (rejoins; a static member keeps its instance id)'),
  z.object({ do: z.literal('consumer.close'), consumer: name }).strict().describe('KafkaConsumer.close(): commit if auto-commit is on, then LeaveGroup (static members send none)'),
  z
    .object({
      do: z.literal('consumer.seek'),
      consumer: name,
      tp: name.describe('partition, e.g. "orders-0"'),
      offset: z.number().int().nonnegative().optional().describe('next offset to read'),
      to: z.enum(['beginning', 'end']).optional().describe('seekToBeginning / seekToEnd instead of an offset'),
    })
    .strict(),
  z.object({ do: z.literal('consumer.commit'), consumer: name, mode: z.enum(['sync', 'async']).default('sync') }).strict().describe('commitSync / commitAsync of the current positions'),
  z.object({ do: z.literal('consumer.slow'), consumer: name, msPerRecord: z.number().int().nonnegative() }).strict().describe('change the application\'s processing time per record (a slow consumer)'),
  z.object({ do: z.literal('txn.init'), producer: name }).strict().describe('initTransactions(): InitProducerId to the transaction coordinator (bumps the epoch, fencing older instances)'),
  z.object({ do: z.literal('txn.begin'), producer: name }).strict(),
  z.object({ do: z.literal('txn.commit'), producer: name }).strict(),
  z.object({ do: z.literal('txn.abort'), producer: name }).strict(),
  z
    .object({ do: z.literal('txn.sendOffsets'), producer: name, consumer: name.describe('whose current positions and group are committed inside the transaction') })
    .strict()
    .describe('sendOffsetsToTransaction(consumer positions, consumer.groupMetadata())'),
] as const;

export const KafkaStep = z.discriminatedUnion('do', [...coreSteps, ...kafkaSteps]);

const ScenarioObject = z
  .object({
    ...scenarioBaseShape,
    system: z.literal('kafka'),
    cluster: z
      .object({
        brokers: z.array(name).min(1).describe('broker ids, in order (placement uses this order)'),
        controller: name.default('controller').describe('node name of the KRaft controller'),
        config: BrokerConfig.optional(),
        topics: z.array(Topic).min(1).describe('topics and their partitions (the top-level "topics" field is the scenario library tags)'),
      })
      .strict(),
    producers: z.array(Producer).default([]),
    consumers: z.array(Consumer).default([]),
    script: z.array(KafkaStep),
  })
  .strict();

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

export const KafkaScenarioSchema = ScenarioObject.superRefine((sc, ctx) => {
  const brokers = new Set(sc.cluster.brokers);
  const nodes = new Set<string>();
  const claim = (n: string, path: (string | number)[]) => {
    if (nodes.has(n)) issue(ctx, path, `the node name "${n}" is used twice`);
    nodes.add(n);
  };
  sc.cluster.brokers.forEach((b, i) => claim(b, ['cluster', 'brokers', i]));
  claim(sc.cluster.controller, ['cluster', 'controller']);
  sc.producers.forEach((p, i) => claim(p.id, ['producers', i, 'id']));
  sc.consumers.forEach((c, i) => claim(c.id, ['consumers', i, 'id']));
  const cfg = sc.cluster.config ?? {};
  const topics = new Map<string, number>();
  sc.cluster.topics.forEach((t, i) => {
    if (topics.has(t.name)) issue(ctx, ['cluster', 'topics', i, 'name'], `topic "${t.name}" is defined twice`);
    const parts = t.partitions ?? t.assignment?.length ?? cfg['num.partitions'] ?? 1;
    topics.set(t.name, parts);
    const rf = t.replicationFactor ?? t.assignment?.[0]?.length ?? cfg['default.replication.factor'] ?? 1;
    if (!t.assignment && rf > brokers.size) issue(ctx, ['cluster', 'topics', i, 'replicationFactor'], `replication factor ${rf} is larger than the ${brokers.size} broker(s)`);
    if (t.assignment) {
      if (t.assignment.length !== parts) issue(ctx, ['cluster', 'topics', i, 'assignment'], `needs one replica list per partition (${parts})`);
      t.assignment.forEach((list, p) =>
        list.forEach((b, j) => {
          if (!brokers.has(b)) issue(ctx, ['cluster', 'topics', i, 'assignment', p, j], `unknown broker "${b}"`);
          if (list.indexOf(b) !== j) issue(ctx, ['cluster', 'topics', i, 'assignment', p, j], `broker "${b}" is listed twice`);
        }),
      );
    }
  });
  sc.producers.forEach((p, i) => {
    const c = p.config ?? {};
    const acks = c.acks === undefined ? 'all' : String(c.acks);
    if (c['enable.idempotence'] === true) {
      if (acks !== 'all' && acks !== '-1') issue(ctx, ['producers', i, 'config', 'enable.idempotence'], 'enable.idempotence=true needs acks=all (Kafka: "Must set acks to all in order to use the idempotent producer")');
      if ((c['max.in.flight.requests.per.connection'] ?? 5) > 5) issue(ctx, ['producers', i, 'config', 'enable.idempotence'], 'enable.idempotence=true needs max.in.flight.requests.per.connection ≤ 5');
      if (c.retries === 0) issue(ctx, ['producers', i, 'config', 'enable.idempotence'], 'enable.idempotence=true needs retries > 0');
    }
    if ((c['delivery.timeout.ms'] ?? 120000) < (c['request.timeout.ms'] ?? 30000))
      issue(ctx, ['producers', i, 'config', 'delivery.timeout.ms'], 'delivery.timeout.ms must be ≥ request.timeout.ms (linger.ms is 0)');
  });
  const tps = new Set([...topics].flatMap(([t, n]) => Array.from({ length: n }, (_, p) => `${t}-${p}`)));
  const producers = new Set(sc.producers.map((p) => p.id));
  const txnProducers = new Set(sc.producers.filter((p) => p.config?.['transactional.id'] !== undefined).map((p) => p.id));
  sc.producers.forEach((p, i) => {
    const c = p.config ?? {};
    if (c['transactional.id'] === undefined) return;
    const acks = c.acks === undefined ? 'all' : String(c.acks);
    if (acks !== 'all' && acks !== '-1') issue(ctx, ['producers', i, 'config', 'acks'], 'a transactional producer needs acks=all (Kafka: "Must set acks to all in order to use the transactional producer")');
    if (c['enable.idempotence'] === false) issue(ctx, ['producers', i, 'config', 'enable.idempotence'], 'transactional.id needs enable.idempotence (Kafka: "Cannot set a transactional.id without also enabling idempotence")');
  });
  const transformOf = new Map<string, string>();
  sc.consumers.forEach((c, i) => {
    if ((c.assign === undefined) === (c.subscribe === undefined)) issue(ctx, ['consumers', i], 'give exactly one of "assign" (partitions chosen by hand) or "subscribe" (topics, with a group)');
    c.assign?.forEach((a, j) => {
      if (!topics.has(a) && !tps.has(a)) issue(ctx, ['consumers', i, 'assign', j], `"${a}" is neither a topic nor a partition`);
    });
    c.subscribe?.forEach((t, j) => {
      if (!topics.has(t)) issue(ctx, ['consumers', i, 'subscribe', j], `unknown topic "${t}"`);
    });
    const cfg = c.config ?? {};
    if (c.subscribe && cfg['group.id'] === undefined) issue(ctx, ['consumers', i, 'config', 'group.id'], 'subscribe needs a group.id (Kafka: InvalidGroupIdException)');
    const needsGroup = (c.processing?.commit ?? 'none') !== 'none' || (c.processing?.transform && txnProducers.has(c.processing.transform.producer));
    if (needsGroup && cfg['group.id'] === undefined) issue(ctx, ['consumers', i, 'processing'], 'committing offsets needs a group.id');
    if ((cfg['heartbeat.interval.ms'] ?? 3000) >= (cfg['session.timeout.ms'] ?? 45000)) issue(ctx, ['consumers', i, 'config', 'heartbeat.interval.ms'], 'heartbeat.interval.ms must be lower than session.timeout.ms');
    const tf = c.processing?.transform;
    if (tf) {
      if (!producers.has(tf.producer)) issue(ctx, ['consumers', i, 'processing', 'transform', 'producer'], `unknown producer "${tf.producer}"`);
      else if (transformOf.has(tf.producer)) issue(ctx, ['consumers', i, 'processing', 'transform', 'producer'], `producer "${tf.producer}" already belongs to consumer "${transformOf.get(tf.producer)}"`);
      transformOf.set(tf.producer, c.id);
      if (!topics.has(tf.topic)) issue(ctx, ['consumers', i, 'processing', 'transform', 'topic'], `unknown topic "${tf.topic}"`);
    }
  });
  const consumers = new Set(sc.consumers.map((c) => c.id));
  const ids = new Set<string>();
  sc.script.forEach((s, i) => {
    const at = (f: string) => ['script', i, f];
    switch (s.do) {
      case 'produce':
        if (!producers.has(s.producer)) issue(ctx, at('producer'), `unknown producer "${s.producer}"`);
        if (!topics.has(s.topic)) issue(ctx, at('topic'), `unknown topic "${s.topic}"`);
        else if (s.partition !== undefined && s.partition >= topics.get(s.topic)!) issue(ctx, at('partition'), `topic "${s.topic}" has ${topics.get(s.topic)} partition(s)`);
        if (ids.has(s.id)) issue(ctx, at('id'), `message id "${s.id}" is produced twice (ids must be unique)`);
        if (transformOf.has(s.producer)) issue(ctx, at('producer'), `producer "${s.producer}" is driven by consumer "${transformOf.get(s.producer)}" (processing.transform)`);
        ids.add(s.id);
        break;
      case 'broker.crash':
      case 'broker.restart':
        if (!brokers.has(s.broker)) issue(ctx, at('broker'), `unknown broker "${s.broker}"`);
        break;
      case 'consume':
      case 'consumer.start':
      case 'consumer.stop':
      case 'consumer.crash':
      case 'consumer.restart':
      case 'consumer.close':
      case 'consumer.commit':
      case 'consumer.slow':
        if (!consumers.has(s.consumer)) issue(ctx, at('consumer'), `unknown consumer "${s.consumer}"`);
        if (s.do === 'consumer.commit' && sc.consumers.find((c) => c.id === s.consumer)?.config?.['group.id'] === undefined) issue(ctx, at('consumer'), `consumer "${s.consumer}" has no group.id to commit to`);
        break;
      case 'consumer.seek':
        if (!consumers.has(s.consumer)) issue(ctx, at('consumer'), `unknown consumer "${s.consumer}"`);
        if (!tps.has(s.tp)) issue(ctx, at('tp'), `unknown partition "${s.tp}"`);
        if ((s.offset === undefined) === (s.to === undefined)) issue(ctx, at('offset'), 'give exactly one of "offset" or "to"');
        break;
      case 'txn.init':
      case 'txn.begin':
      case 'txn.commit':
      case 'txn.abort':
      case 'txn.sendOffsets':
        if (!producers.has(s.producer)) issue(ctx, at('producer'), `unknown producer "${s.producer}"`);
        else if (!txnProducers.has(s.producer)) issue(ctx, at('producer'), `producer "${s.producer}" has no transactional.id`);
        if (s.do === 'txn.sendOffsets') {
          if (!consumers.has(s.consumer)) issue(ctx, at('consumer'), `unknown consumer "${s.consumer}"`);
          else if (sc.consumers.find((c) => c.id === s.consumer)?.config?.['group.id'] === undefined) issue(ctx, at('consumer'), `consumer "${s.consumer}" has no group.id`);
        }
        break;
      case 'net.partition':
      case 'net.heal':
        for (const [f, v] of [['a', s.a], ['b', s.b]] as const)
          for (const n of Array.isArray(v) ? v : [v]) if (!nodes.has(n)) issue(ctx, at(f), `unknown node "${n}"`);
        break;
      case 'net.isolate':
        if (!nodes.has(s.node)) issue(ctx, at('node'), `unknown node "${s.node}"`);
        break;
    }
  });
});

export type KafkaScenario = z.output<typeof KafkaScenarioSchema>;
export type KafkaScenarioInput = z.input<typeof KafkaScenarioSchema>;
export type KafkaStepT = z.output<typeof KafkaStep>;
