/**
 * The RabbitMQ scenario format (zod → JSON Schema). Names are RabbitMQ's own: exchange and queue
 * arguments keep their `x-…` names, broker config keeps `consumer_timeout`, `channel_max`.
 */
import { z } from 'zod';
import { coreSteps, scenarioBaseShape } from '../core/steps';

const id = z.string().min(1);
const HeaderValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Table = z.record(z.string(), HeaderValue);
const OnMessage = z.enum(['ack', 'reject', 'reject-requeue', 'nack', 'nack-requeue', 'hold']);

const Exchange = z
  .object({
    name: z.string().min(1).describe('exchange name; "" is the default exchange and exists implicitly'),
    type: z.enum(['direct', 'fanout', 'topic', 'headers']),
    durable: z.boolean().default(true),
    arguments: z.object({ 'alternate-exchange': z.string().optional() }).strict().default({}),
  })
  .strict();

const QueueArgs = z
  .object({
    'x-queue-type': z.enum(['classic', 'quorum']).optional(),
    'x-message-ttl': z.number().int().nonnegative().optional().describe('per-queue message TTL in ms'),
    'x-expires': z.number().int().positive().optional().describe('delete the queue after it is unused this long (ms)'),
    'x-max-length': z.number().int().nonnegative().optional().describe('max ready messages'),
    'x-max-length-bytes': z.number().int().nonnegative().optional().describe('max total body bytes of ready messages'),
    'x-overflow': z.enum(['drop-head', 'reject-publish', 'reject-publish-dlx']).optional(),
    'x-dead-letter-exchange': z.string().optional(),
    'x-dead-letter-routing-key': z.string().optional(),
    'x-delivery-limit': z.number().int().nonnegative().optional().describe('quorum queues: dead-letter after this many returns (default 20 since 4.0)'),
    'x-quorum-initial-group-size': z.number().int().positive().optional(),
  })
  .strict();

const Queue = z
  .object({
    name: z.string().min(1),
    type: z.enum(['classic', 'quorum']).optional().describe('same as arguments["x-queue-type"]; default classic'),
    durable: z.boolean().default(true),
    node: z.string().optional().describe('node that hosts the classic queue / the initial quorum leader (default: first node)'),
    mirrored: z.boolean().default(false).describe('classic mirrored queue (ha-mode: all policy) — RabbitMQ 3.x only, removed in 4.0'),
    arguments: QueueArgs.default({}),
  })
  .strict();

const Binding = z
  .object({
    source: z.string().min(1),
    destination: z.string().min(1),
    destinationType: z.enum(['queue', 'exchange']).default('queue'),
    routingKey: z.string().default(''),
    arguments: Table.default({}).describe('headers exchange: x-match and header values'),
  })
  .strict();

const Publisher = z
  .object({
    id,
    node: z.string().optional(),
    confirm: z.boolean().default(false).describe('publisher confirms (confirm.select)'),
    tx: z.boolean().default(false).describe('transactions (tx.select): publishes take effect on tx.commit'),
    recover: z.boolean().default(true).describe('automatic connection recovery after a node failure'),
    recoveryMs: z.number().nonnegative().default(5000),
  })
  .strict()
  .refine((p) => !(p.confirm && p.tx), { message: 'a channel cannot be in confirm mode and transactional at once' });

const Consumer = z
  .object({
    id,
    queue: z.string().min(1),
    node: z.string().optional(),
    autoAck: z.boolean().default(false).describe('basic.consume no-ack: the broker forgets a message as soon as it sends it'),
    prefetch: z.number().int().nonnegative().default(0).describe('basic.qos prefetch_count per consumer; 0 = unlimited'),
    processingMs: z.number().nonnegative().default(10),
    onMessage: OnMessage.default('ack').describe('what the consumer does after processing (manual ack)'),
    onMessageFor: z.record(z.string(), OnMessage).default({}).describe('per message id overrides of onMessage'),
    failures: z.record(z.string(), z.number().int().nonnegative()).default({}).describe('message id → how many of its deliveries to this consumer fail (then failWith is sent) before processing succeeds'),
    failWith: OnMessage.default('reject').describe('what a failed delivery sends (see failures)'),
    start: z.boolean().default(true).describe('subscribe at time 0 (false: wait for a consumer.start step)'),
    recover: z.boolean().default(true).describe('automatic connection recovery after a node failure'),
    recoveryMs: z.number().nonnegative().default(5000),
  })
  .strict();

const Topology = z
  .object({
    nodes: z.array(z.string().min(1)).min(1).default(['rabbit@node1']).describe('cluster nodes'),
    config: z
      .object({
        consumer_timeout: z.number().int().positive().default(1_800_000).describe('ms a delivery may stay unacked (default 30 min)'),
        channel_max: z.number().int().positive().default(2047),
      })
      .strict()
      .default({ consumer_timeout: 1_800_000, channel_max: 2047 }),
    exchanges: z.array(Exchange).default([]),
    queues: z.array(Queue).default([]),
    bindings: z.array(Binding).default([]),
    publishers: z.array(Publisher).default([]),
    consumers: z.array(Consumer).default([]),
  })
  .strict();

const c = (s: string) => z.string().min(1).describe(s);
const steps = [
  z
    .object({
      do: z.literal('publish'),
      publisher: c('publisher id'),
      id: c('message id (with count: a prefix, ids become id1..idN)'),
      exchange: z.string().default(''),
      routingKey: z.string().default(''),
      persistent: z.boolean().default(false).describe('delivery_mode 2'),
      mandatory: z.boolean().default(false),
      headers: Table.default({}),
      expiration: z.string().regex(/^\d+$/).optional().describe('per-message TTL in ms, a string as in AMQP'),
      bytes: z.number().int().nonnegative().default(100),
      count: z.number().int().positive().optional(),
      intervalMs: z.number().nonnegative().default(0).describe('with count: time between publishes'),
    })
    .strict(),
  z.object({ do: z.literal('tx.commit'), publisher: c('publisher id') }).strict(),
  z.object({ do: z.literal('tx.rollback'), publisher: c('publisher id') }).strict(),
  z.object({ do: z.literal('consumer.start'), consumer: c('consumer id') }).strict(),
  z.object({ do: z.literal('consumer.cancel'), consumer: c('consumer id') }).strict(),
  z.object({ do: z.literal('consumer.crash'), consumer: c('consumer id') }).strict(),
  z.object({ do: z.literal('consumer.restart'), consumer: c('consumer id') }).strict(),
  z
    .object({
      do: z.literal('consumer.set'),
      consumer: c('consumer id'),
      processingMs: z.number().nonnegative().optional(),
      onMessage: OnMessage.optional(),
      prefetch: z.number().int().nonnegative().optional(),
    })
    .strict(),
  z.object({ do: z.literal('channel.close'), consumer: c('consumer id (closes its channel)') }).strict(),
  z.object({ do: z.literal('ack'), consumer: c('consumer id'), message: c('a held message id') }).strict(),
  z.object({ do: z.literal('nack'), consumer: c('consumer id'), message: c('a held message id'), requeue: z.boolean().default(true) }).strict(),
  z.object({ do: z.literal('reject'), consumer: c('consumer id'), message: c('a held message id'), requeue: z.boolean().default(true) }).strict(),
  z.object({ do: z.literal('node.crash'), node: c('node name') }).strict(),
  z.object({ do: z.literal('node.start'), node: c('node name') }).strict(),
  z.object({ do: z.literal('node.restart'), node: c('node name'), downMs: z.number().nonnegative().default(1000) }).strict(),
  Binding.extend({ do: z.literal('bind') }).strict(),
  Binding.extend({ do: z.literal('unbind') }).strict(),
  z.object({ do: z.literal('queue.purge'), queue: c('queue name') }).strict(),
  z.object({ do: z.literal('get'), queue: c('queue name (basic.get with no-ack: takes the head message, if any)') }).strict(),
  z.object({ do: z.literal('queue.delete'), queue: c('queue name') }).strict(),
] as const;

export const RabbitStep = z.discriminatedUnion('do', [...coreSteps, ...steps]);

export const RabbitScenarioSchema = z
  .object({
    ...scenarioBaseShape,
    system: z.literal('rabbitmq'),
    topology: Topology,
    script: z.array(RabbitStep),
  })
  .strict()
  .superRefine((sc, ctx) => {
    const nodes = new Set(sc.topology.nodes);
    const exchanges = new Set(['', ...sc.topology.exchanges.map((x) => x.name)]);
    const queues = new Set(sc.topology.queues.map((q) => q.name));
    const pubs = new Set(sc.topology.publishers.map((p) => p.id));
    const cons = new Set(sc.topology.consumers.map((x) => x.id));
    const bad = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    sc.topology.exchanges.forEach((x, i) => {
      const ae = x.arguments['alternate-exchange'];
      if (ae !== undefined && !exchanges.has(ae)) bad(['topology', 'exchanges', i, 'arguments', 'alternate-exchange'], `unknown exchange "${ae}"`);
    });
    sc.topology.queues.forEach((q, i) => {
      if (q.node !== undefined && !nodes.has(q.node)) bad(['topology', 'queues', i, 'node'], `unknown node "${q.node}"`);
      const type = q.type ?? q.arguments['x-queue-type'] ?? 'classic';
      if (type === 'quorum' && !q.durable) bad(['topology', 'queues', i, 'durable'], 'a quorum queue must be durable');
      if (type === 'quorum' && q.arguments['x-overflow'] === 'reject-publish-dlx') bad(['topology', 'queues', i, 'arguments', 'x-overflow'], 'quorum queues do not support reject-publish-dlx');
      if (type === 'quorum' && q.mirrored) bad(['topology', 'queues', i, 'mirrored'], 'only classic queues can be mirrored');
      if (type === 'classic' && q.arguments['x-delivery-limit'] !== undefined) bad(['topology', 'queues', i, 'arguments', 'x-delivery-limit'], 'x-delivery-limit applies to quorum queues only');
    });
    sc.topology.bindings.forEach((b, i) => {
      if (!exchanges.has(b.source) || b.source === '') bad(['topology', 'bindings', i, 'source'], b.source === '' ? 'the default exchange cannot be bound' : `unknown exchange "${b.source}"`);
      if ((b.destinationType === 'queue' ? queues : exchanges).has(b.destination) === false) bad(['topology', 'bindings', i, 'destination'], `unknown ${b.destinationType} "${b.destination}"`);
    });
    for (const [kind, list] of [['publishers', sc.topology.publishers], ['consumers', sc.topology.consumers]] as const)
      list.forEach((p, i) => {
        if (p.node !== undefined && !nodes.has(p.node)) bad(['topology', kind, i, 'node'], `unknown node "${p.node}"`);
      });
    sc.topology.consumers.forEach((x, i) => {
      if (!queues.has(x.queue)) bad(['topology', 'consumers', i, 'queue'], `unknown queue "${x.queue}"`);
    });
    sc.script.forEach((s, i) => {
      const st = s as Record<string, unknown>;
      if (typeof st.publisher === 'string' && !pubs.has(st.publisher)) bad(['script', i, 'publisher'], `unknown publisher "${st.publisher}"`);
      if (typeof st.consumer === 'string' && !cons.has(st.consumer)) bad(['script', i, 'consumer'], `unknown consumer "${st.consumer}"`);
      if (s.do.startsWith('node.') && !nodes.has(String(st.node))) bad(['script', i, 'node'], `unknown node "${String(st.node)}"`);
      if (s.do.startsWith('queue.') && !queues.has(String(st.queue))) bad(['script', i, 'queue'], `unknown queue "${String(st.queue)}"`);
    });
  });

export type RabbitScenario = z.output<typeof RabbitScenarioSchema>;
export type RabbitStepT = z.output<typeof RabbitStep>;
export type RabbitTopology = RabbitScenario['topology'];
