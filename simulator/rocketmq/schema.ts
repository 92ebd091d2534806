/**
 * The RocketMQ scenario format (zod). Config keys keep RocketMQ's own names (brokerRole,
 * flushDiskType, retryTimesWhenSendFailed, messageModel, maxReconsumeTimes …); defaults are
 * RocketMQ 4.x defaults. README.md documents every field and step.
 */
import { z } from 'zod';
import { coreSteps, scenarioBaseShape } from '../core/steps';
import { DEFAULT_DELAY_LEVELS } from './pure';

const name = z.string().min(1);
const ms = z.number().int().nonnegative();

export const BrokerGroupSchema = z
  .object({
    brokerName: name.describe('the broker group name, e.g. broker-a'),
    master: name.describe('node name of the master (brokerId 0)'),
    slave: name.optional().describe('node name of the slave (brokerId 1)'),
    brokerRole: z.enum(['SYNC_MASTER', 'ASYNC_MASTER']).default('ASYNC_MASTER'),
    flushDiskType: z.enum(['SYNC_FLUSH', 'ASYNC_FLUSH']).default('ASYNC_FLUSH'),
    flushIntervalCommitLog: ms.default(500).describe('ASYNC_FLUSH: the page cache is flushed every this many ms'),
    syncFlushTimeout: ms.default(5000).describe('wait for a SYNC_FLUSH or for the slave (SYNC_MASTER) before FLUSH_DISK_TIMEOUT / FLUSH_SLAVE_TIMEOUT'),
    diskFlushMs: ms.default(0).describe('how long one flush takes (a slow disk makes SYNC_FLUSH time out)'),
    messageDelayLevel: z.string().default(DEFAULT_DELAY_LEVELS),
    transactionCheckInterval: ms.default(60_000).describe('4.x default 60 s (5.x: 30 s)'),
    transactionTimeOut: ms.default(6000).describe('a half message is checked back only once it is this old'),
    transactionCheckMax: z.number().int().positive().default(15),
  })
  .strict();

export const TopicSchema = z
  .object({
    name,
    queuesPerBroker: z.number().int().positive().default(4).describe('read = write queue nums on each broker group'),
    brokers: z.array(name).optional().describe('broker groups (brokerName) hosting the topic; default all'),
  })
  .strict();

export const ProducerSchema = z
  .object({
    id: name.describe('node name / client id'),
    group: name.describe('producer group'),
    transactional: z.boolean().default(false).describe('a TransactionMQProducer with a TransactionListener'),
    sendMode: z.enum(['sync', 'async', 'oneway']).default('sync'),
    retryTimesWhenSendFailed: z.number().int().nonnegative().default(2),
    retryTimesWhenSendAsyncFailed: z.number().int().nonnegative().default(2),
    sendMsgTimeout: ms.default(3000),
  })
  .strict();

/** What the listener does with one message (keyed by message id, or "*" for every message). */
export const BehaviourSchema = z
  .object({
    failTimes: z.number().int().nonnegative().default(0).describe('return RECONSUME_LATER (orderly: SUSPEND_CURRENT_QUEUE_A_MOMENT) for the first n deliveries to the group'),
    consumeTimeMs: ms.optional().describe('processing time of this message (overrides the consumer default)'),
    crashAfterProcessing: z.boolean().default(false).describe('the consumer process dies right after processing it (first time only), before the status or offset is recorded'),
  })
  .strict();

export const ConsumerSchema = z
  .object({
    id: name.describe('node name / client id (cid); allocation sorts these'),
    group: name.describe('consumer group'),
    kind: z.enum(['push', 'litePull']).default('push').describe('DefaultMQPushConsumer (long polling) or DefaultLitePullConsumer (poll steps)'),
    subscribe: z.array(name).min(1).describe('topics (subExpression "*")'),
    messageModel: z.enum(['CLUSTERING', 'BROADCASTING']).default('CLUSTERING'),
    listener: z.enum(['concurrently', 'orderly']).default('concurrently'),
    allocate: z.enum(['averagely', 'circle']).default('averagely').describe('AllocateMessageQueueAveragely / AllocateMessageQueueAveragelyByCircle'),
    consumeTimeMs: ms.default(10),
    consumeJitterMs: ms.default(0).describe('seeded random extra processing time in [0, n)'),
    maxReconsumeTimes: z.number().int().optional().describe('default 16 (concurrently) / unlimited (orderly, -1)'),
    suspendCurrentQueueTimeMillis: ms.default(1000),
    pullBatchSize: z.number().int().positive().default(32),
    autoStart: z.boolean().default(true).describe('start at t=0 (otherwise use consumer.start)'),
    dedupe: z.enum(['none', 'key']).default('none').describe('idempotent consumer: skip a message whose business key (KEYS) was already processed'),
    behaviour: z.record(z.string(), BehaviourSchema).default({}),
  })
  .strict();

const step = <D extends string, T extends z.ZodRawShape>(doName: D, shape: T) => z.object({ do: z.literal(doName), ...shape }).strict();
const txnState = z.enum(['COMMIT_MESSAGE', 'ROLLBACK_MESSAGE', 'UNKNOW']);

export const rocketSteps = [
  step('send', {
    producer: name,
    topic: name,
    id: name.describe('scenario message id'),
    key: z.string().optional().describe('KEYS (the business key)'),
    tags: z.string().optional(),
    shardingKey: z.string().optional().describe('send with SelectMessageQueueByHash on this key (ordered messages)'),
    delayLevel: z.number().int().min(1).optional().describe('delayTimeLevel (1-based, 18 levels by default)'),
    mode: z.enum(['sync', 'async', 'oneway']).optional().describe('overrides the producer sendMode'),
  }),
  step('send.transactional', {
    producer: name,
    topic: name,
    id: name,
    key: z.string().optional(),
    tags: z.string().optional(),
    localTransaction: txnState.default('COMMIT_MESSAGE').describe('what executeLocalTransaction returns'),
    checkResult: z.array(txnState).default(['UNKNOW']).describe('what checkLocalTransaction returns on each check-back; the last one repeats'),
  }),
  step('broker.crash', { broker: name.describe('a master or slave node'), loseUnflushed: z.boolean().default(true).describe('power loss (page cache lost) rather than a process kill') }),
  step('broker.restart', { broker: name }),
  step('broker.slowDisk', { broker: name, ms: ms.describe('each flush now takes this long') }),
  step('namesrv.crash', { namesrv: name }),
  step('namesrv.restart', { namesrv: name }),
  step('producer.crash', { producer: name }),
  step('producer.restart', { producer: name }),
  step('consumer.start', { consumer: name }),
  step('consumer.stop', { consumer: name.describe('graceful shutdown: persists offsets, unregisters') }),
  step('consumer.crash', { consumer: name.describe('kill -9: in-memory offsets are lost') }),
  step('consumer.poll', { consumer: name.describe('DefaultLitePullConsumer.poll(): process the buffered messages') }),
] as const;

export const RocketScenarioSchema = z
  .object({
    ...scenarioBaseShape,
    system: z.literal('rocketmq'),
    nameservers: z.array(name).min(1).default(['namesrv-1']),
    brokers: z.array(BrokerGroupSchema).min(1),
    topicConfigs: z.array(TopicSchema).min(1).describe('RocketMQ topics (TopicConfig); "topics" is the scenario library tag list'),
    producers: z.array(ProducerSchema).default([]),
    consumers: z.array(ConsumerSchema).default([]),
    script: z.array(z.discriminatedUnion('do', [...coreSteps, ...rocketSteps])),
  })
  .strict()
  .superRefine((sc, ctx) => {
    const nodes = new Set<string>();
    const add = (n: string, path: (string | number)[]) => {
      if (nodes.has(n)) ctx.addIssue({ code: 'custom', message: `node name "${n}" is used twice`, path });
      nodes.add(n);
    };
    sc.nameservers.forEach((n, i) => add(n, ['nameservers', i]));
    sc.brokers.forEach((b, i) => {
      add(b.master, ['brokers', i, 'master']);
      if (b.slave) add(b.slave, ['brokers', i, 'slave']);
    });
    sc.producers.forEach((p, i) => add(p.id, ['producers', i, 'id']));
    sc.consumers.forEach((c, i) => add(c.id, ['consumers', i, 'id']));
    const brokerNames = new Set(sc.brokers.map((b) => b.brokerName));
    const topics = new Set(sc.topicConfigs.map((t) => t.name));
    sc.topicConfigs.forEach((t, i) =>
      t.brokers?.forEach((b, j) => {
        if (!brokerNames.has(b)) ctx.addIssue({ code: 'custom', message: `unknown brokerName "${b}"`, path: ['topicConfigs', i, 'brokers', j] });
      }),
    );
    sc.consumers.forEach((c, i) =>
      c.subscribe.forEach((t, j) => {
        if (!topics.has(t)) ctx.addIssue({ code: 'custom', message: `unknown topic "${t}"`, path: ['consumers', i, 'subscribe', j] });
      }),
    );
    const producers = new Map(sc.producers.map((p) => [p.id, p]));
    const consumers = new Set(sc.consumers.map((c) => c.id));
    const brokerNodes = new Set(sc.brokers.flatMap((b) => [b.master, ...(b.slave ? [b.slave] : [])]));
    sc.script.forEach((s, i) => {
      const bad = (field: string, msg: string) => ctx.addIssue({ code: 'custom', message: msg, path: ['script', i, field] });
      if ('producer' in s && !producers.has(s.producer)) bad('producer', `unknown producer "${s.producer}"`);
      if ('consumer' in s && !consumers.has(s.consumer)) bad('consumer', `unknown consumer "${s.consumer}"`);
      if ('broker' in s && !brokerNodes.has(s.broker)) bad('broker', `unknown broker node "${s.broker}"`);
      if ('namesrv' in s && !sc.nameservers.includes(s.namesrv)) bad('namesrv', `unknown NameServer "${s.namesrv}"`);
      if ('topic' in s && !topics.has(s.topic)) bad('topic', `unknown topic "${s.topic}"`);
      if (s.do === 'send.transactional' && producers.has(s.producer) && !producers.get(s.producer)!.transactional) bad('producer', `producer "${s.producer}" is not transactional (set "transactional": true)`);
    });
  });

export type RocketScenario = z.output<typeof RocketScenarioSchema>;
export type RocketStep = RocketScenario['script'][number];
export type BrokerGroupConfig = z.output<typeof BrokerGroupSchema>;
export type ProducerConfig = z.output<typeof ProducerSchema>;
export type ConsumerConfig = z.output<typeof ConsumerSchema>;
export type Behaviour = z.output<typeof BehaviourSchema>;
