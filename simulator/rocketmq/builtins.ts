/**
 * Built-in RocketMQ scenarios. Each one's outcome is asserted in scenarios.test.ts; `expected`
 * states what a real RocketMQ 4.x does, shown after the learner predicts.
 */
import type { Builtin, Narration } from '../core/types';
import { RocketScenarioSchema, type RocketScenario } from './schema';

type Input = Record<string, unknown> & { script: Record<string, unknown>[] };

const oneBroker = (extra: Record<string, unknown> = {}) => [{ brokerName: 'broker-a', master: 'broker-a-master', slave: 'broker-a-slave', ...extra }];
const orders = (queuesPerBroker = 4) => [{ name: 'orders', queuesPerBroker }];

function make(id: string, title: Narration, question: Narration, expected: Narration, topics: string[], body: Input): Builtin<RocketScenario> {
  const scenario = RocketScenarioSchema.parse({ id, system: 'rocketmq', seed: 7, title, question, topics, lessons: [], ...body });
  return { scenario: scenario as Builtin<RocketScenario>['scenario'], expected };
}

/** Order-status messages for two orders, sent with the order id as sharding key. */
const orderFlow = [
  ['m1', 'order-1', 'create'],
  ['m2', 'order-1', 'pay'],
  ['m3', 'order-1', 'ship'],
  ['m4', 'order-2', 'create'],
  ['m5', 'order-2', 'pay'],
  ['m6', 'order-2', 'ship'],
].map(([id, order, tags]) => ({ do: 'send', producer: 'p1', topic: 'orders', id, key: `${order}-${tags}`, tags, shardingKey: order }));
/** "create" is slow to process; "pay" and "ship" are quick. */
const slowCreate = { m1: { consumeTimeMs: 80 }, m4: { consumeTimeMs: 80 } };

const lossScript = (crashAfterMs: number) => [
  { do: 'advance', ms: 100 },
  { do: 'net.delay', match: { type: 'HA_TRANSFER' }, count: 3, ms: 2000 },
  { do: 'send', producer: 'p1', topic: 'orders', id: 'm1' },
  { do: 'send', producer: 'p1', topic: 'orders', id: 'm2' },
  { do: 'send', producer: 'p1', topic: 'orders', id: 'm3' },
  { do: 'advance', ms: crashAfterMs },
  { do: 'broker.crash', broker: 'broker-a-master', loseUnflushed: true },
  { do: 'advance', ms: 5000 },
  { do: 'broker.restart', broker: 'broker-a-master' },
  { do: 'consumer.start', consumer: 'c1' },
  { do: 'settle' },
];

export const builtins: Builtin<RocketScenario>[] = [
  make(
    'rocket-orderly',
    { zh: '顺序消息：选择器 + 顺序监听器', en: 'Ordered messages: a selector and an orderly listener' },
    { zh: '每个订单的 create → pay → ship 用订单号作 shardingKey 发送，消费者用 MessageListenerOrderly；即使 create 处理得慢，同一订单的消息会乱序吗？', en: 'create → pay → ship are sent with the order id as sharding key and consumed by a MessageListenerOrderly. Even though "create" is slow to process, can an order\'s messages be processed out of order?' },
    { zh: '不会。同一订单的消息进入同一个队列（SelectMessageQueueByHash），顺序监听器先在 Broker 上锁定队列，再一条一条处理：pay 一定等 create 处理完。', en: 'No. An order\'s messages land in one queue (SelectMessageQueueByHash); the orderly listener locks that queue on the broker and processes one message at a time, so pay waits for create.' },
    ['ordering', 'orderly', 'selector'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'order-producer' }],
      consumers: [
        { id: 'c1', group: 'order-status', subscribe: ['orders'], listener: 'orderly', behaviour: slowCreate },
        { id: 'c2', group: 'order-status', subscribe: ['orders'], listener: 'orderly', behaviour: slowCreate },
      ],
      script: [{ do: 'advance', ms: 100 }, ...orderFlow, { do: 'settle' }],
    },
  ),
  make(
    'rocket-concurrent-reorder',
    { zh: '同样的顺序消息，换成并发消费', en: 'The same ordered messages, consumed concurrently' },
    { zh: '消息仍按订单号进入同一队列，但消费者用 MessageListenerConcurrently。create 处理得慢，pay 和 ship 会不会先于 create 处理完？', en: 'The messages still share a queue per order, but the consumer uses MessageListenerConcurrently. With a slow "create", can pay and ship finish before create?' },
    { zh: '会。队列本身有序，但并发监听器把拉到的消息交给线程池同时处理：pay 和 ship 先处理完，订单状态乱序。顺序需要队列有序和顺序消费两者同时满足。', en: 'Yes. The queue is ordered, but the concurrent listener hands pulled messages to a thread pool at once: pay and ship finish first and the order status goes backwards. Ordering needs both an ordered queue and orderly consumption.' },
    ['ordering', 'concurrently'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'order-producer' }],
      consumers: [{ id: 'c1', group: 'order-status', subscribe: ['orders'], listener: 'concurrently', behaviour: slowCreate }],
      script: [{ do: 'advance', ms: 100 }, ...orderFlow, { do: 'settle' }],
    },
  ),
  make(
    'rocket-async-master-loss',
    { zh: 'ASYNC_MASTER + ASYNC_FLUSH：Master 断电', en: 'ASYNC_MASTER + ASYNC_FLUSH: the master loses power' },
    { zh: 'Slave 落后 2 s。生产者拿到 m1–m3 的 SEND_OK 后 100 ms，Master 断电（500 ms 的异步刷盘还没发生）。重启后消费者能消费到它们吗？', en: 'The slave lags 2 s behind. 100 ms after the producer got SEND_OK for m1–m3, the master loses power (before its 500 ms asynchronous flush). After the restart, can a consumer get them?' },
    { zh: '不能：三条已确认的消息丢失。ASYNC_FLUSH 下 SEND_OK 只表示写入了 PageCache，ASYNC_MASTER 下也不等 Slave；既没刷盘也没复制的数据随断电消失。', en: 'No: three acknowledged messages are lost. Under ASYNC_FLUSH a SEND_OK only means "in the page cache", and an ASYNC_MASTER does not wait for its slave; what was neither flushed nor replicated dies with the power.' },
    ['durability', 'replication', 'flush', 'crash'],
    {
      brokers: oneBroker({ brokerRole: 'ASYNC_MASTER', flushDiskType: 'ASYNC_FLUSH' }),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], autoStart: false }],
      script: lossScript(100),
    },
  ),
  make(
    'rocket-sync-master-safe',
    { zh: 'SYNC_MASTER + SYNC_FLUSH：Master 断电', en: 'SYNC_MASTER + SYNC_FLUSH: the master loses power' },
    { zh: '同样 Slave 落后 2 s，Master 在生产者拿到 m1–m3 的 SEND_OK 之后立刻断电。这次会丢吗？', en: 'Again the slave lags 2 s behind, and the master loses power right after the producer got SEND_OK for m1–m3. Is anything lost this time?' },
    { zh: '不会。SYNC_FLUSH 在刷盘后、SYNC_MASTER 在 Slave 确认后才返回 SEND_OK（所以每条要等约 2 s）；SEND_OK 意味着两台机器上都有，断电丢不掉。', en: 'No. SEND_OK comes only after the flush (SYNC_FLUSH) and after the slave confirmed (SYNC_MASTER) — which is why each took about 2 s; a SEND_OK means the message is on two machines and survives the power loss.' },
    ['durability', 'replication', 'flush', 'crash'],
    {
      brokers: oneBroker({ brokerRole: 'SYNC_MASTER', flushDiskType: 'SYNC_FLUSH' }),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], autoStart: false }],
      script: lossScript(7000),
    },
  ),
  make(
    'rocket-retry-dlq',
    { zh: '重试阶梯与死信队列', en: 'The retry ladder and the dead-letter queue' },
    { zh: '消费者处理 m1 总是返回 RECONSUME_LATER。它会被投递几次、间隔多久，最后去哪？', en: 'The consumer always returns RECONSUME_LATER for m1. How many times is it delivered, how far apart, and where does it end up?' },
    { zh: '共 17 次：首次投递加 16 次重试（maxReconsumeTimes=16），经 %RETRY%g1 按延迟级别 3 起（10s、30s、1m、2m … 2h）重投，之后进入 %DLQ%g1，不再投递。', en: '17 deliveries: the first plus 16 retries (maxReconsumeTimes = 16) through %RETRY%g1 at delay levels from 3 upward (10s, 30s, 1m, 2m … 2h); then it goes to %DLQ%g1 and is not delivered again.' },
    ['retry', 'dlq', 'delay-level'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], behaviour: { m1: { failTimes: 1000 } } }],
      script: [{ do: 'send', producer: 'p1', topic: 'orders', id: 'm1' }, { do: 'settle' }],
    },
  ),
  make(
    'rocket-delay-level-3',
    { zh: '延迟消息：级别 3', en: 'A delayed message: level 3' },
    { zh: 'm1 以 delayTimeLevel=3 发送。消费者什么时候能收到？', en: 'm1 is sent with delayTimeLevel = 3. When does the consumer get it?' },
    { zh: '约 10 s 后：默认 messageDelayLevel 是 "1s 5s 10s 30s 1m … 2h"，级别 3 = 10s。消息先存在 SCHEDULE_TOPIC_XXXX，到期才进入 orders。5.x 的定时消息可以指定任意时间。', en: 'About 10 s later: the default messageDelayLevel is "1s 5s 10s 30s 1m … 2h", so level 3 = 10s. The message waits in SCHEDULE_TOPIC_XXXX and reaches orders when due. 5.x timer messages accept any delivery time.' },
    ['delay-level', 'scheduled'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'] }],
      script: [{ do: 'advance', ms: 100 }, { do: 'send', producer: 'p1', topic: 'orders', id: 'm1', delayLevel: 3 }, { do: 'settle' }],
    },
  ),
  make(
    'rocket-txn-commit',
    { zh: '事务消息：提交', en: 'Transactional message: commit' },
    { zh: '半消息 m1 写入成功，本地事务返回 COMMIT_MESSAGE。消费者什么时候看到 m1？', en: 'The half message m1 is stored and the local transaction returns COMMIT_MESSAGE. When does the consumer see m1?' },
    { zh: '提交之后。半消息存在 RMQ_SYS_TRANS_HALF_TOPIC 中对消费者不可见；END_TRANSACTION(COMMIT) 到达后 Broker 才把它写入 orders，消费者随即消费一次。', en: 'Only after the commit. The half message sits invisibly in RMQ_SYS_TRANS_HALF_TOPIC; when END_TRANSACTION(COMMIT) arrives, the broker writes it to orders and the consumer processes it once.' },
    ['transactions'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'tp', group: 'txn-producer', transactional: true }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'] }],
      script: [{ do: 'advance', ms: 100 }, { do: 'send.transactional', producer: 'tp', topic: 'orders', id: 'm1', localTransaction: 'COMMIT_MESSAGE' }, { do: 'settle' }],
    },
  ),
  make(
    'rocket-txn-rollback',
    { zh: '事务消息：回滚', en: 'Transactional message: rollback' },
    { zh: '半消息 m1 写入成功，但本地事务失败，返回 ROLLBACK_MESSAGE。消费者会收到 m1 吗？', en: 'The half message m1 is stored, but the local transaction fails and returns ROLLBACK_MESSAGE. Does the consumer ever get m1?' },
    { zh: '不会。回滚只是把半消息标记为已处理，它从未进入 orders；这不算丢失，因为生产者从未确认提交。', en: 'No. A rollback just marks the half message as done; it never reaches orders. That is not a loss: the producer never committed it.' },
    ['transactions'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'tp', group: 'txn-producer', transactional: true }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'] }],
      script: [{ do: 'advance', ms: 100 }, { do: 'send.transactional', producer: 'tp', topic: 'orders', id: 'm1', localTransaction: 'ROLLBACK_MESSAGE' }, { do: 'settle' }],
    },
  ),
  make(
    'rocket-txn-checkback',
    { zh: '事务消息：UNKNOW 与回查', en: 'Transactional message: UNKNOW and the check-back' },
    { zh: '本地事务返回 UNKNOW；第一次回查还是 UNKNOW，第二次回查 COMMIT_MESSAGE。m1 何时被消费？', en: 'The local transaction returns UNKNOW; the first check-back still says UNKNOW, the second COMMIT_MESSAGE. When is m1 consumed?' },
    { zh: '约 2 分钟后。Broker 的回查服务每 transactionCheckInterval（4.x 默认 60 s）扫描超过 transactionTimeOut（6 s）的半消息并回查生产者组，最多 transactionCheckMax（15）次；第二次回查提交后 m1 才进入 orders。', en: 'After about two minutes. The broker\'s check service runs every transactionCheckInterval (60 s by default in 4.x), checks half messages older than transactionTimeOut (6 s) with the producer group, at most transactionCheckMax (15) times; m1 reaches orders after the second check commits it.' },
    ['transactions', 'check-back'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'tp', group: 'txn-producer', transactional: true }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'] }],
      script: [{ do: 'advance', ms: 100 }, { do: 'send.transactional', producer: 'tp', topic: 'orders', id: 'm1', localTransaction: 'UNKNOW', checkResult: ['UNKNOW', 'COMMIT_MESSAGE'] }, { do: 'settle' }],
    },
  ),
  make(
    'rocket-clustering',
    { zh: '集群消费：组内每条消息只消费一次', en: 'CLUSTERING: each message once per group' },
    { zh: '组 g1 有 c1、c2 两个集群模式消费者，orders 有 4 个队列，发送 4 条消息。每条消息被处理几次？谁处理？', en: 'Group g1 has two CLUSTERING consumers c1 and c2; orders has 4 queues and gets 4 messages. How many times is each message processed, and by whom?' },
    { zh: '每条一次。AllocateMessageQueueAveragely 把排好序的 4 个队列平均分给排好序的 [c1, c2]：c1 得 q0、q1，c2 得 q2、q3；进度存在 Broker 上。', en: 'Once each. AllocateMessageQueueAveragely splits the 4 sorted queues over the sorted [c1, c2]: c1 gets q0 and q1, c2 gets q2 and q3; offsets live on the broker.' },
    ['clustering', 'rebalance', 'allocation'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [
        { id: 'c1', group: 'g1', subscribe: ['orders'] },
        { id: 'c2', group: 'g1', subscribe: ['orders'] },
      ],
      script: [{ do: 'advance', ms: 100 }, ...['m1', 'm2', 'm3', 'm4'].map((id) => ({ do: 'send', producer: 'p1', topic: 'orders', id })), { do: 'settle' }],
    },
  ),
  make(
    'rocket-broadcasting',
    { zh: '广播消费：每个消费者都收到每条消息', en: 'BROADCASTING: every consumer gets every message' },
    { zh: '同样的 c1、c2，但 messageModel=BROADCASTING。每条消息被处理几次？', en: 'The same c1 and c2, but with messageModel = BROADCASTING. How many times is each message processed?' },
    { zh: '两次：每个消费者各一次（每个消费者都有自己的一份，不算重复）。广播模式不做队列分配，进度存在消费者本地（LocalFileOffsetStore），失败也不重试。', en: 'Twice: once per consumer (each consumer has its own copy, so it is not a duplicate). BROADCASTING does not allocate queues, keeps offsets on the consumer (LocalFileOffsetStore) and never retries a failure.' },
    ['broadcasting'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [
        { id: 'c1', group: 'g1', subscribe: ['orders'], messageModel: 'BROADCASTING' },
        { id: 'c2', group: 'g1', subscribe: ['orders'], messageModel: 'BROADCASTING' },
      ],
      script: [{ do: 'advance', ms: 100 }, ...['m1', 'm2', 'm3', 'm4'].map((id) => ({ do: 'send', producer: 'p1', topic: 'orders', id })), { do: 'settle' }],
    },
  ),
  make(
    'rocket-idle-consumers',
    { zh: '消费者比队列多：有人闲着', en: 'More consumers than queues: some sit idle' },
    { zh: '消息积压了，于是把 g1 扩到 4 个消费者；但 orders 只有 2 个队列。积压会被 4 个消费者一起消化吗？', en: 'A backlog builds up, so g1 is scaled to 4 consumers — but orders has only 2 queues. Do all 4 consumers work the backlog off?' },
    { zh: '不会。一个队列同一时刻只分给组内一个消费者：c1、c2 各得一个队列，c3、c4 分不到，处于空闲。要提高消费能力，得先增加队列数（或提高单个消费者的处理速度）。', en: 'No. A queue goes to one consumer of the group at a time: c1 and c2 get one queue each, c3 and c4 get none and sit idle. To consume faster, add queues first (or make each consumer faster).' },
    ['rebalance', 'allocation', 'backlog'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(2),
      producers: [{ id: 'p1', group: 'pg', sendMode: 'async' }],
      consumers: ['c1', 'c2', 'c3', 'c4'].map((id) => ({ id, group: 'g1', subscribe: ['orders'], consumeTimeMs: 200 })),
      script: [{ do: 'advance', ms: 100 }, ...Array.from({ length: 12 }, (_, i) => ({ do: 'send', producer: 'p1', topic: 'orders', id: `m${i + 1}` })), { do: 'settle' }],
    },
  ),
  make(
    'rocket-dedupe-business-key',
    { zh: '用业务键去重', en: 'Removing a duplicate by business key' },
    { zh: 'm1 的 SEND_OK 在网络中丢失，生产者等 3 s 超时（不会自动重试），应用于是再发一次 m1。消费者以业务键 KEYS 做幂等。订单会被处理两次吗？', en: 'm1\'s SEND_OK is lost on the network; after the 3 s timeout (no automatic retry) the application sends m1 again. The consumer is idempotent on the business key (KEYS). Is the order processed twice?' },
    { zh: '不会。Broker 存了两份 m1，消费者也收到两次；但第二次发现业务键 order-1 已处理过，直接返回 CONSUME_SUCCESS。RocketMQ 不保证不重复，去重要靠业务键而非 msgId。', en: 'No. The broker stores m1 twice and the consumer receives it twice, but the second time it finds business key order-1 already processed and just returns CONSUME_SUCCESS. RocketMQ does not promise no duplicates; dedupe on a business key, not on the msgId.' },
    ['duplicates', 'idempotency'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [{ id: 'c1', group: 'g1', subscribe: ['orders'], dedupe: 'key' }],
      script: [
        { do: 'advance', ms: 100 },
        { do: 'net.drop', match: { type: 'SEND_MESSAGE.response', message: 'm1' } },
        { do: 'send', producer: 'p1', topic: 'orders', id: 'm1', key: 'order-1' },
        { do: 'advance', ms: 4000 },
        { do: 'send', producer: 'p1', topic: 'orders', id: 'm1', key: 'order-1' },
        { do: 'settle' },
      ],
    },
  ),
  make(
    'rocket-consumer-crash-duplicate',
    { zh: '处理完、提交进度前崩溃', en: 'A crash after processing, before the offset commit' },
    { zh: 'c2 处理完 m1 后立刻崩溃，消费进度还没提交（每 5 s 提交一次）。m1 会怎样？', en: 'c2 crashes right after processing m1, before its offset was committed (offsets are committed every 5 s). What happens to m1?' },
    { zh: '被处理两次。Broker 上的进度还在 m1 之前；c2 的连接断开后组内重新负载均衡，c1 接手这个队列，从已提交的进度开始拉取，再次处理 m1。这就是 at-least-once：消费者必须幂等。', en: 'It is processed twice. The broker\'s offset is still before m1; when c2\'s connection drops the group rebalances, c1 takes over the queue from the committed offset and processes m1 again. That is at-least-once: consumers must be idempotent.' },
    ['duplicates', 'offsets', 'rebalance', 'crash'],
    {
      brokers: oneBroker(),
      topicConfigs: orders(2),
      producers: [{ id: 'p1', group: 'pg' }],
      consumers: [
        { id: 'c1', group: 'g1', subscribe: ['orders'] },
        { id: 'c2', group: 'g1', subscribe: ['orders'], behaviour: { m1: { crashAfterProcessing: true } } },
      ],
      script: [{ do: 'advance', ms: 100 }, { do: 'send', producer: 'p1', topic: 'orders', id: 'm1', key: 'order-1' }, { do: 'settle' }],
    },
  ),
];
