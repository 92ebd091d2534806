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
  })
  .strict();

export const ConsumerConfig = z
  .object({
    'auto.offset.reset': z.enum(['earliest', 'latest', 'none']).optional().describe('where to start without a position (default latest)'),
    'fetch.max.wait.ms': ms.optional().describe('how long the leader parks an empty consumer fetch (default 500)'),
    'max.poll.records': count.optional().describe('records per fetch (default 500)'),
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
const Consumer = z
  .object({
    id: name,
    assign: z.array(name).min(1).describe('topics (every partition) or partitions like "orders-0"'),
    config: ConsumerConfig.optional(),
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
  sc.consumers.forEach((c, i) =>
    c.assign.forEach((a, j) => {
      if (!topics.has(a) && !tps.has(a)) issue(ctx, ['consumers', i, 'assign', j], `"${a}" is neither a topic nor a partition`);
    }),
  );
  const producers = new Set(sc.producers.map((p) => p.id));
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
        ids.add(s.id);
        break;
      case 'broker.crash':
      case 'broker.restart':
        if (!brokers.has(s.broker)) issue(ctx, at('broker'), `unknown broker "${s.broker}"`);
        break;
      case 'consume':
      case 'consumer.start':
      case 'consumer.stop':
        if (!consumers.has(s.consumer)) issue(ctx, at('consumer'), `unknown consumer "${s.consumer}"`);
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
