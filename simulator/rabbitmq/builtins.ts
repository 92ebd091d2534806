/**
 * Built-in RabbitMQ scenarios. Each one's outcome is asserted in builtins.test.ts; `expected` is what
 * a real broker does (RabbitMQ 3.13 / 4.x), shown after the learner predicts.
 */
import type { Builtin, Narration } from '../core/types';
import { RabbitScenarioSchema, type RabbitScenario } from './schema';

type Input = Omit<RabbitScenario, 'topology' | 'script'> & { topology: Record<string, unknown>; script: Record<string, unknown>[] };

const N1 = 'rabbit@node1';
const N2 = 'rabbit@node2';
const N3 = 'rabbit@node3';

function b(id: string, title: Narration, question: Narration, topics: string[], expected: Narration, sc: Pick<Input, 'topology' | 'script'> & { seed?: number }): Builtin<RabbitScenario> {
  const scenario = RabbitScenarioSchema.parse({ id, system: 'rabbitmq', seed: sc.seed ?? 1, title, question, topics, lessons: [], topology: sc.topology, script: sc.script });
  return { scenario: scenario as Builtin<RabbitScenario>['scenario'], expected };
}

const pub = (id: string, extra: Record<string, unknown> = {}) => ({ do: 'publish', publisher: 'p1', id, ...extra });

export const builtins: Builtin<RabbitScenario>[] = [
  b(
    'rabbit-simple',
    { zh: '简单模式：一个生产者、一个队列、一个消费者', en: 'Simple: one producer, one queue, one consumer' },
    { zh: '通过默认交换机发到 hello 的三条消息，会按什么顺序被处理？', en: 'Three messages go to "hello" through the default exchange. In what order are they processed?' },
    ['basics', 'default-exchange'],
    { zh: '默认交换机按队列名路由；队列先进先出，m1、m2、m3 依次处理各一次。', en: 'The default exchange routes by queue name; the queue is FIFO, so m1, m2, m3 are each processed once, in order.' },
    {
      topology: { queues: [{ name: 'hello' }], publishers: [{ id: 'p1', confirm: true }], consumers: [{ id: 'c1', queue: 'hello' }] },
      script: [pub('m1', { routingKey: 'hello' }), pub('m2', { routingKey: 'hello' }), pub('m3', { routingKey: 'hello' })],
    },
  ),
  b(
    'rabbit-work-queues',
    { zh: '工作队列：两个竞争消费者', en: 'Work queues: two competing consumers' },
    { zh: '两个 prefetch=1 的消费者处理 6 个任务。需要加锁避免重复吗？谁拿到哪些任务？', en: 'Two consumers with prefetch=1 share 6 tasks. Do they need a lock to avoid duplicates? Who gets which task?' },
    ['work-queues', 'prefetch', 'round-robin'],
    { zh: '不需要锁：每条消息只投递给一个消费者，按轮询分发——w1 拿到 t1、t3、t5，w2 拿到 t2、t4、t6。重复只来自重新投递。', en: 'No lock: each message goes to one consumer, round-robin — w1 gets t1, t3, t5 and w2 gets t2, t4, t6. Duplicates only come from redelivery.' },
    {
      topology: {
        queues: [{ name: 'tasks' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [
          { id: 'w1', queue: 'tasks', prefetch: 1, processingMs: 50 },
          { id: 'w2', queue: 'tasks', prefetch: 1, processingMs: 50 },
        ],
      },
      script: [pub('t', { routingKey: 'tasks', count: 6, persistent: true })],
    },
  ),
  b(
    'rabbit-fanout',
    { zh: '发布/订阅：fanout 交换机', en: 'Publish/subscribe: a fanout exchange' },
    { zh: 'logs 是 fanout 交换机，绑定了两个队列。每条日志会被处理几次？', en: '"logs" is a fanout exchange bound to two queues. How many times is each log line processed?' },
    ['fanout', 'pub-sub'],
    { zh: 'fanout 忽略路由键，给每个绑定的队列一份副本：每条消息在每个队列各处理一次（共两次），不算重复。', en: 'Fanout ignores the routing key and gives every bound queue its own copy: each message is processed once per queue (twice in total) — not a duplicate.' },
    {
      topology: {
        exchanges: [{ name: 'logs', type: 'fanout' }],
        queues: [{ name: 'logs.console' }, { name: 'logs.file' }],
        bindings: [{ source: 'logs', destination: 'logs.console' }, { source: 'logs', destination: 'logs.file' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [{ id: 'console', queue: 'logs.console' }, { id: 'file', queue: 'logs.file' }],
      },
      script: [pub('l1', { exchange: 'logs', routingKey: 'ignored' }), pub('l2', { exchange: 'logs' })],
    },
  ),
  b(
    'rabbit-direct-routing',
    { zh: '路由模式：direct 交换机', en: 'Routing: a direct exchange' },
    { zh: 'errors 绑定 error，all 绑定 info、warning、error。四条不同级别的日志各去哪里？', en: '"errors" is bound with error; "all" with info, warning and error. Where does each of four log levels go?' },
    ['direct', 'routing'],
    { zh: '路由键必须完全相等：e1 进入 errors 和 all，i1、w1 只进入 all，debug 的 d1 没有匹配的绑定，被丢弃。', en: 'The routing key must equal the binding key: e1 goes to errors and all, i1 and w1 to all only, and d1 (debug) matches nothing and is dropped.' },
    {
      topology: {
        exchanges: [{ name: 'direct_logs', type: 'direct' }],
        queues: [{ name: 'errors' }, { name: 'all' }],
        bindings: [
          { source: 'direct_logs', destination: 'errors', routingKey: 'error' },
          { source: 'direct_logs', destination: 'all', routingKey: 'info' },
          { source: 'direct_logs', destination: 'all', routingKey: 'warning' },
          { source: 'direct_logs', destination: 'all', routingKey: 'error' },
        ],
        publishers: [{ id: 'p1', confirm: true }],
      },
      script: [pub('e1', { exchange: 'direct_logs', routingKey: 'error' }), pub('i1', { exchange: 'direct_logs', routingKey: 'info' }), pub('w1', { exchange: 'direct_logs', routingKey: 'warning' }), pub('d1', { exchange: 'direct_logs', routingKey: 'debug' })],
    },
  ),
  b(
    'rabbit-topic',
    { zh: '主题模式：* 与 #', en: 'Topics: * and #' },
    { zh: '绑定 kern.*、*.critical、a.# 和 #。路由键 kern.critical、kern、a、kern.disk.critical 各匹配哪些队列？', en: 'Bindings kern.*, *.critical, a.# and #. Which queues match routing keys kern.critical, kern, a and kern.disk.critical?' },
    ['topic', 'routing', 'notes-errata'],
    { zh: '* 恰好匹配一个单词，# 匹配零个或多个：kern.critical → kern.*、*.critical、#；kern → 只有 #；a → a.# 和 #（# 可以匹配零个单词）；kern.disk.critical → 只有 #。', en: '* matches exactly one word and # zero or more: kern.critical → kern.*, *.critical, #; kern → # only; a → a.# and # (# can match zero words); kern.disk.critical → # only.' },
    {
      topology: {
        exchanges: [{ name: 'topic_logs', type: 'topic' }],
        queues: [{ name: 'q.kern' }, { name: 'q.critical' }, { name: 'q.a' }, { name: 'q.all' }],
        bindings: [
          { source: 'topic_logs', destination: 'q.kern', routingKey: 'kern.*' },
          { source: 'topic_logs', destination: 'q.critical', routingKey: '*.critical' },
          { source: 'topic_logs', destination: 'q.a', routingKey: 'a.#' },
          { source: 'topic_logs', destination: 'q.all', routingKey: '#' },
        ],
        publishers: [{ id: 'p1' }],
      },
      script: [pub('m1', { exchange: 'topic_logs', routingKey: 'kern.critical' }), pub('m2', { exchange: 'topic_logs', routingKey: 'kern' }), pub('m3', { exchange: 'topic_logs', routingKey: 'a' }), pub('m4', { exchange: 'topic_logs', routingKey: 'kern.disk.critical' })],
    },
  ),
  b(
    'rabbit-headers',
    { zh: 'headers 交换机：x-match all / any', en: 'Headers exchange: x-match all / any' },
    { zh: 'q.pdf-report 要求 format=pdf 且 type=report（all）；q.zip-or-log 要求 format=zip 或 type=log（any）。三条消息各去哪里？', en: 'q.pdf-report needs format=pdf and type=report (all); q.zip-or-log needs format=zip or type=log (any). Where does each of three messages go?' },
    ['headers', 'routing'],
    { zh: 'h1（pdf+report）只进 q.pdf-report；h2（pdf+log）只进 q.zip-or-log（all 不满足，any 满足）；h3 的 format 是数字 1 而不是字符串，值类型不同也不匹配，被丢弃。', en: 'h1 (pdf+report) goes to q.pdf-report only; h2 (pdf+log) to q.zip-or-log only (all fails, any holds); h3 has format as the number 1, not a string — a different type never matches — so it is dropped.' },
    {
      topology: {
        exchanges: [{ name: 'docs', type: 'headers' }],
        queues: [{ name: 'q.pdf-report' }, { name: 'q.zip-or-log' }],
        bindings: [
          { source: 'docs', destination: 'q.pdf-report', arguments: { 'x-match': 'all', format: 'pdf', type: 'report' } },
          { source: 'docs', destination: 'q.zip-or-log', arguments: { 'x-match': 'any', format: 'zip', type: 'log' } },
        ],
        publishers: [{ id: 'p1' }],
      },
      script: [pub('h1', { exchange: 'docs', headers: { format: 'pdf', type: 'report' } }), pub('h2', { exchange: 'docs', headers: { format: 'pdf', type: 'log' } }), pub('h3', { exchange: 'docs', headers: { format: 1, type: 'x' } })],
    },
  ),
  b(
    'rabbit-direct-multi-queue',
    { zh: '同一个路由键绑定多个队列', en: 'One routing key bound to several queues' },
    { zh: 'billing 和 shipping 都用 order.created 绑定到 direct 交换机 orders。一条订单消息会被哪个队列拿到？', en: 'billing and shipping are both bound to the direct exchange "orders" with order.created. Which queue gets an order message?' },
    ['direct', 'routing', 'interview'],
    { zh: '两个队列都拿到一份副本（direct 交换机对每个匹配的绑定都投递），各自的消费者各处理一次。', en: 'Both: a direct exchange delivers to every matching binding, so each queue gets its own copy and each consumer processes it once.' },
    {
      topology: {
        exchanges: [{ name: 'orders', type: 'direct' }],
        queues: [{ name: 'billing' }, { name: 'shipping' }],
        bindings: [
          { source: 'orders', destination: 'billing', routingKey: 'order.created' },
          { source: 'orders', destination: 'shipping', routingKey: 'order.created' },
        ],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [{ id: 'billing-svc', queue: 'billing' }, { id: 'shipping-svc', queue: 'shipping' }],
      },
      script: [pub('o1', { exchange: 'orders', routingKey: 'order.created', persistent: true })],
    },
  ),
  b(
    'rabbit-autoack-crash-loss',
    { zh: '自动确认的消费者崩溃会丢消息', en: 'An auto-ack consumer crash loses messages' },
    { zh: 'c1 使用自动确认（autoAck），每条处理 100 ms。150 ms 时它崩溃，5 条已确认发布的消息会怎样？', en: 'c1 uses auto-ack and takes 100 ms per message. It crashes at 150 ms. What happens to the 5 confirmed messages?' },
    ['acks', 'reliability', 'loss'],
    { zh: '自动确认模式下 broker 一发出就删除消息：m1 已处理，m2–m5 在消费者缓冲区里随崩溃丢失——它们已被确认，却再也不会被处理。', en: 'With auto-ack the broker deletes a message as soon as it sends it: m1 was processed, m2–m5 sat in the consumer\'s buffer and are lost with the crash — confirmed, yet never processed.' },
    {
      topology: { queues: [{ name: 'jobs' }], publishers: [{ id: 'p1', confirm: true }], consumers: [{ id: 'c1', queue: 'jobs', autoAck: true, processingMs: 100 }] },
      script: [pub('m', { routingKey: 'jobs', count: 5, persistent: true }), { do: 'advance', ms: 150 }, { do: 'consumer.crash', consumer: 'c1' }],
    },
  ),
  b(
    'rabbit-manual-ack-redelivery',
    { zh: '手动确认：崩溃后重新投递（可能重复）', en: 'Manual ack: redelivery after a crash (duplicate risk)' },
    { zh: 'c1 手动确认、prefetch=2。它处理完 m1 后 ack 还在路上、m2 处理到一半时崩溃；c2 随后上线。会丢消息吗？会重复吗？', en: 'c1 acks manually with prefetch=2. It crashes after processing m1 (its ack still on the wire) and halfway through m2; then c2 starts. Is anything lost? Duplicated?' },
    ['acks', 'redelivery', 'idempotency'],
    { zh: '不会丢：连接断开时未确认的 m1、m2 回到队列原位，redelivered=true 地投递给 c2。但 m1 已处理过一次，于是被处理两次——手动确认是"至少一次"，消费者必须幂等。', en: 'Nothing is lost: when the connection dies, the unacked m1 and m2 go back to their places and reach c2 with redelivered=true. But m1 had already been processed, so it is processed twice — manual ack is at-least-once; consumers must be idempotent.' },
    {
      topology: {
        queues: [{ name: 'jobs' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [
          { id: 'c1', queue: 'jobs', prefetch: 2, processingMs: 100 },
          { id: 'c2', queue: 'jobs', prefetch: 2, processingMs: 100, start: false },
        ],
      },
      script: [
        { do: 'net.delay', match: { type: 'basic.ack', message: 'm1', from: 'c1' }, ms: 100 },
        pub('m', { routingKey: 'jobs', count: 3, persistent: true }),
        { do: 'advance', ms: 150 },
        { do: 'consumer.crash', consumer: 'c1' },
        { do: 'consumer.start', consumer: 'c2' },
      ],
    },
  ),
  b(
    'rabbit-unroutable-dropped',
    { zh: '无法路由的消息被静默丢弃（即使有确认）', en: 'An unroutable message is silently dropped (even with confirms)' },
    { zh: '开启了发布确认，消息发到一个没有匹配绑定的路由键。发布者会收到 nack 吗？', en: 'Publisher confirms are on and the routing key matches no binding. Does the publisher get a nack?' },
    ['confirms', 'unroutable', 'notes-errata'],
    { zh: '不会：broker 对无法路由的消息照样回 basic.ack，消息被丢弃。确认只说明 broker 接手了它；要发现无法路由，用 mandatory 或备用交换机。', en: 'No: the broker still answers basic.ack for an unroutable message, and drops it. A confirm only means the broker took responsibility; to detect unroutable messages use mandatory or an alternate exchange.' },
    {
      topology: { exchanges: [{ name: 'orders', type: 'direct' }], queues: [{ name: 'orders.created' }], bindings: [{ source: 'orders', destination: 'orders.created', routingKey: 'created' }], publishers: [{ id: 'p1', confirm: true }] },
      script: [pub('m1', { exchange: 'orders', routingKey: 'created' }), pub('m2', { exchange: 'orders', routingKey: 'cancelled' })],
    },
  ),
  b(
    'rabbit-unroutable-mandatory',
    { zh: 'mandatory：无法路由的消息被退回', en: 'mandatory: an unroutable message comes back' },
    { zh: '同样的无法路由的消息，这次 mandatory=true。发布者会看到什么？', en: 'The same unroutable message, now with mandatory=true. What does the publisher see?' },
    ['confirms', 'unroutable', 'mandatory'],
    { zh: '先收到 basic.return（312 NO_ROUTE），再收到 basic.ack：消息仍没有进入任何队列，但发布者知道了，可以处理。', en: 'First basic.return (312 NO_ROUTE), then basic.ack: the message still reached no queue, but now the publisher knows and can act.' },
    {
      topology: { exchanges: [{ name: 'orders', type: 'direct' }], queues: [{ name: 'orders.created' }], bindings: [{ source: 'orders', destination: 'orders.created', routingKey: 'created' }], publishers: [{ id: 'p1', confirm: true }] },
      script: [pub('m1', { exchange: 'orders', routingKey: 'cancelled', mandatory: true })],
    },
  ),
  b(
    'rabbit-alternate-exchange',
    { zh: '备用交换机接住无法路由的消息', en: 'An alternate exchange catches unroutable messages' },
    { zh: 'orders 声明了 alternate-exchange=unrouted。一条没有匹配绑定的 mandatory 消息会被退回吗？', en: '"orders" declares alternate-exchange=unrouted. Is a mandatory message that matches no binding returned?' },
    ['alternate-exchange', 'unroutable'],
    { zh: '不会退回：orders 路由不了时把消息交给备用交换机 unrouted，它进入 unrouted.q，可以之后检查。', en: 'Not returned: when orders cannot route it, the alternate exchange "unrouted" takes it into unrouted.q for later inspection.' },
    {
      topology: {
        exchanges: [{ name: 'orders', type: 'direct', arguments: { 'alternate-exchange': 'unrouted' } }, { name: 'unrouted', type: 'fanout' }],
        queues: [{ name: 'orders.created' }, { name: 'unrouted.q' }],
        bindings: [{ source: 'orders', destination: 'orders.created', routingKey: 'created' }, { source: 'unrouted', destination: 'unrouted.q' }],
        publishers: [{ id: 'p1', confirm: true }],
      },
      script: [pub('m1', { exchange: 'orders', routingKey: 'created' }), pub('m2', { exchange: 'orders', routingKey: 'refunded', mandatory: true })],
    },
  ),
  b(
    'rabbit-reject-publish-nack',
    { zh: '队列满了：reject-publish 触发确认 nack', en: 'A full queue: reject-publish nacks the publish' },
    { zh: 'limited 设置 x-max-length=2、x-overflow=reject-publish，没有消费者。连发三条会怎样？', en: '"limited" has x-max-length=2 and x-overflow=reject-publish, and no consumer. What happens to three publishes?' },
    ['maxlength', 'confirms', 'backpressure'],
    { zh: 'm1、m2 入队并得到 basic.ack；m3 到达时队列已满，被拒收，发布者收到 basic.nack。默认的 drop-head 则会挤掉最老的 m1。', en: 'm1 and m2 are enqueued and acked; m3 finds the queue full, is refused, and the publisher gets basic.nack. The default drop-head would instead push out the oldest, m1.' },
    {
      topology: { queues: [{ name: 'limited', arguments: { 'x-max-length': 2, 'x-overflow': 'reject-publish' } }], publishers: [{ id: 'p1', confirm: true }] },
      script: [pub('m', { routingKey: 'limited', count: 3 })],
    },
  ),
  b(
    'rabbit-restart-persistence',
    { zh: 'broker 重启：持久化与非持久化', en: 'A broker restart: persistent and transient' },
    { zh: 'jobs 是持久化队列，scratch 不是。p1 持久化、t1 非持久化发到 jobs，s1 持久化发到 scratch。重启后剩下什么？', en: '"jobs" is durable, "scratch" is not. p1 (persistent) and t1 (transient) go to jobs, s1 (persistent) to scratch. What is left after a restart?' },
    ['durability', 'persistence', 'restart'],
    { zh: '只有 p1：持久化队列里的持久化消息才会重启后保留。t1 是非持久化消息，丢失；scratch 是非持久化队列，连同 s1 一起消失。三条都曾被确认。', en: 'Only p1: only persistent messages in a durable queue survive. t1 is transient and is lost; scratch is not durable and vanishes with s1. All three had been confirmed.' },
    {
      topology: { queues: [{ name: 'jobs', durable: true }, { name: 'scratch', durable: false }], publishers: [{ id: 'p1', confirm: true }], consumers: [{ id: 'c1', queue: 'jobs', start: false }] },
      script: [
        pub('p1', { routingKey: 'jobs', persistent: true }),
        pub('t1', { routingKey: 'jobs', persistent: false }),
        pub('s1', { routingKey: 'scratch', persistent: true }),
        { do: 'advance', ms: 20 },
        { do: 'node.restart', node: N1, downMs: 1000 },
        { do: 'advance', ms: 1500 },
        { do: 'consumer.start', consumer: 'c1' },
      ],
    },
  ),
  b(
    'rabbit-ttl-dlx-retry',
    { zh: '用 TTL + 死信交换机做延迟重试', en: 'Delayed retry with TTL + a dead-letter exchange' },
    { zh: 'work 处理 m1 失败（reject，不重新入队）。死信交换机把它送进 work.retry（x-message-ttl=1000），过期后再回到 work。m1 最终会被处理吗？', en: 'Processing m1 from "work" fails (reject, no requeue). The DLX sends it to work.retry (x-message-ttl=1000); when it expires it goes back to work. Is m1 eventually processed?' },
    ['dlx', 'ttl', 'retry', 'delay'],
    { zh: '会：m1 被拒绝 → 死信到 retry.x → 在 work.retry 等待 1 秒 → 过期死信回 work → 第二次处理成功。x-death 记录 rejected@work 和 expired@work.retry；m2 在此期间先被处理，所以顺序被打乱。', en: 'Yes: m1 is rejected → dead-lettered to retry.x → waits 1 s in work.retry → expires back into work → succeeds the second time. x-death records rejected@work and expired@work.retry; m2 is processed meanwhile, so order is not kept.' },
    {
      topology: {
        exchanges: [{ name: 'retry.x', type: 'direct' }],
        queues: [
          { name: 'work', arguments: { 'x-dead-letter-exchange': 'retry.x', 'x-dead-letter-routing-key': 'retry' } },
          { name: 'work.retry', arguments: { 'x-message-ttl': 1000, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'work' } },
        ],
        bindings: [{ source: 'retry.x', destination: 'work.retry', routingKey: 'retry' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [{ id: 'c1', queue: 'work', prefetch: 1, failures: { m1: 1 }, failWith: 'reject' }],
      },
      script: [pub('m1', { routingKey: 'work', persistent: true }), pub('m2', { routingKey: 'work', persistent: true })],
    },
  ),
  b(
    'rabbit-ttl-head-of-queue',
    { zh: '每条消息的 TTL 卡在队首消息后面', en: 'A per-message TTL stuck behind the head' },
    { zh: 'delayed 里 m1 没有 TTL，m2 的 expiration=1000。5 秒后 m2 过期并死信了吗？', en: 'In "delayed", m1 has no TTL and m2 has expiration=1000. After 5 s, has m2 expired and been dead-lettered?' },
    ['ttl', 'dlx', 'delay', 'pitfall'],
    { zh: '没有：经典队列只在队首检查过期。m2 排在永不过期的 m1 后面，直到 5 秒时消费者取走 m1，m2 到了队首才立即过期并死信——晚了 4 秒。这就是用 TTL 做延迟队列的坑。', en: 'No: classic queues only expire messages at the head. m2 sits behind m1, which never expires, until a consumer takes m1 at 5 s; then m2 reaches the head and is dead-lettered at once — 4 s late. This is the pitfall of TTL-based delay queues.' },
    {
      topology: {
        exchanges: [{ name: 'dlx', type: 'fanout' }],
        queues: [{ name: 'delayed', arguments: { 'x-dead-letter-exchange': 'dlx' } }, { name: 'due' }],
        bindings: [{ source: 'dlx', destination: 'due' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [{ id: 'c1', queue: 'delayed', prefetch: 1, start: false, onMessage: 'hold' }],
      },
      script: [pub('m1', { routingKey: 'delayed' }), pub('m2', { routingKey: 'delayed', expiration: '1000' }), { do: 'advance', ms: 5000 }, { do: 'consumer.start', consumer: 'c1' }],
    },
  ),
  b(
    'rabbit-quorum-delivery-limit',
    { zh: '仲裁队列：超过投递次数上限后死信', en: 'Quorum queue: dead-lettered after the delivery limit' },
    { zh: 'orders 是仲裁队列，x-delivery-limit=2。消费者每次都 reject（requeue=true）毒消息 poison。它会无限循环吗？', en: '"orders" is a quorum queue with x-delivery-limit=2. The consumer rejects "poison" with requeue=true every time. Does it loop forever?' },
    ['quorum', 'poison-message', 'dlx'],
    { zh: '不会：每次退回都会计数，第 3 次退回超过上限 2，消息以 reason=delivery_limit 死信到 orders.dlq（共投递 3 次）。4.0 起默认上限是 20；3.x 默认没有上限，会无限重投。', en: 'No: each return is counted; the third exceeds the limit of 2 and the message is dead-lettered to orders.dlq with reason delivery_limit (3 deliveries). Since 4.0 the default limit is 20; 3.x had none and would redeliver forever.' },
    {
      topology: {
        nodes: [N1, N2, N3],
        exchanges: [{ name: 'dlx', type: 'fanout' }],
        queues: [{ name: 'orders', type: 'quorum', arguments: { 'x-delivery-limit': 2, 'x-dead-letter-exchange': 'dlx' } }, { name: 'orders.dlq', type: 'quorum' }],
        bindings: [{ source: 'dlx', destination: 'orders.dlq' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [{ id: 'c1', queue: 'orders', prefetch: 1, onMessageFor: { poison: 'reject-requeue' } }],
      },
      script: [pub('ok1', { routingKey: 'orders', persistent: true }), pub('poison', { routingKey: 'orders', persistent: true }), pub('ok2', { routingKey: 'orders', persistent: true })],
    },
  ),
  b(
    'rabbit-quorum-node-loss',
    { zh: '仲裁队列挺过三节点之一的宕机', en: 'A quorum queue survives losing one node of three' },
    { zh: 'orders 是三副本仲裁队列，leader 在 node1。m1–m3 已确认后 node1 崩溃。消息还在吗？还能继续发布吗？', en: '"orders" is a three-replica quorum queue led by node1. After m1–m3 are confirmed, node1 crashes. Are the messages still there? Can we keep publishing?' },
    ['quorum', 'raft', 'ha', 'failover'],
    { zh: '都可以：确认只在多数派（3 个中的 2 个）写入后发出，所以 node2/node3 都有 m1–m3。约 2 秒的选举后新的 leader 接手，m4 仍能得到确认（2/3 仍是多数），全部 4 条都被处理，没有丢失。', en: 'Yes to both: a confirm is sent only once a majority (2 of 3) has the message, so node2 and node3 hold m1–m3. After an election (~2 s) a new leader takes over, m4 is still confirmed (2 of 3 is a majority), and all four are processed with nothing lost.' },
    {
      topology: {
        nodes: [N1, N2, N3],
        queues: [{ name: 'orders', type: 'quorum', node: N1 }],
        publishers: [{ id: 'p1', confirm: true, node: N2 }],
        consumers: [{ id: 'c1', queue: 'orders', node: N3, prefetch: 10, start: false }],
      },
      script: [pub('m', { routingKey: 'orders', count: 3, persistent: true }), { do: 'settle' }, { do: 'node.crash', node: N1 }, { do: 'advance', ms: 3000 }, pub('m4', { routingKey: 'orders', persistent: true }), { do: 'settle' }, { do: 'consumer.start', consumer: 'c1' }],
    },
  ),
  b(
    'rabbit-backlog-scale',
    { zh: '慢消费者导致积压，加消费者后消化', en: 'A backlog behind a slow consumer drains when consumers are added' },
    { zh: '每 20 ms 发布一条，唯一的消费者每条要 100 ms。积压如何变化？600 ms 时再加 3 个消费者呢？', en: 'One message every 20 ms; the only consumer needs 100 ms each. How does the backlog evolve? And after 3 more consumers join at 600 ms?' },
    ['backlog', 'scaling', 'work-queues'],
    { zh: '生产速率（50/秒）是消费速率（10/秒）的 5 倍，积压持续增长；加到 4 个消费者后，发布结束，积压被轮询分发逐渐消化到 0，没有消息丢失或重复。', en: 'Publishing (50/s) is five times consumption (10/s), so the backlog grows; with four consumers and publishing over, round-robin dispatch drains it to zero, with nothing lost or duplicated.' },
    {
      topology: {
        queues: [{ name: 'jobs' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [
          { id: 'c1', queue: 'jobs', prefetch: 1, processingMs: 100 },
          { id: 'c2', queue: 'jobs', prefetch: 1, processingMs: 100, start: false },
          { id: 'c3', queue: 'jobs', prefetch: 1, processingMs: 100, start: false },
          { id: 'c4', queue: 'jobs', prefetch: 1, processingMs: 100, start: false },
        ],
      },
      script: [pub('j', { routingKey: 'jobs', count: 30, intervalMs: 20, persistent: true }), { do: 'advance', ms: 600 }, { do: 'consumer.start', consumer: 'c2' }, { do: 'consumer.start', consumer: 'c3' }, { do: 'consumer.start', consumer: 'c4' }],
    },
  ),
  b(
    'rabbit-prefetch-dispatch',
    { zh: 'prefetch 下的快慢消费者', en: 'Fast and slow consumers under prefetch' },
    { zh: 'fast 每条 10 ms，slow 每条 200 ms，都设 prefetch=1。10 条消息如何分配？', en: 'fast takes 10 ms per message, slow 200 ms; both have prefetch=1. How are 10 messages shared?' },
    ['prefetch', 'qos', 'round-robin', 'notes-errata'],
    { zh: '轮询只在有空位的消费者之间进行：slow 拿到 m2 后在 prefetch 上限处阻塞，其余 9 条都给了 fast。若不设 prefetch，会严格轮流各 5 条，slow 那边的消息要等很久。未确认的消息只挡住它自己的消费者。', en: 'Round-robin only among consumers with room: slow takes m2 and is blocked at its prefetch limit, so fast gets the other nine. Without prefetch it would be a strict 5/5 split and slow\'s share would wait. An unacked message only blocks its own consumer.' },
    {
      topology: {
        queues: [{ name: 'tasks' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [
          { id: 'fast', queue: 'tasks', prefetch: 1, processingMs: 10 },
          { id: 'slow', queue: 'tasks', prefetch: 1, processingMs: 200 },
        ],
      },
      script: [pub('m', { routingKey: 'tasks', count: 10 })],
    },
  ),
  b(
    'rabbit-channel-close-requeue',
    { zh: '通道关闭时未确认的投递重新入队', en: 'Closing a channel requeues its unacked deliveries' },
    { zh: 'c1 收到 m1–m3 但都没有确认，然后关闭了通道。之后上线的 c2 会收到什么？', en: 'c1 received m1–m3 without acking any, then closed its channel. What does c2 get when it starts?' },
    ['acks', 'channels', 'redelivery'],
    { zh: 'channel.close 让 broker 把 c1 未确认的 m1–m3 放回原位并标记 redelivered=true；c2 按原顺序收到并各处理一次。', en: 'channel.close makes the broker put c1\'s unacked m1–m3 back in place with redelivered=true; c2 receives them in the original order and processes each once.' },
    {
      topology: {
        queues: [{ name: 'jobs' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [
          { id: 'c1', queue: 'jobs', prefetch: 3, onMessage: 'hold' },
          { id: 'c2', queue: 'jobs', prefetch: 3, start: false },
        ],
      },
      script: [pub('m', { routingKey: 'jobs', count: 3 }), { do: 'settle' }, { do: 'channel.close', consumer: 'c1' }, { do: 'settle' }, { do: 'consumer.start', consumer: 'c2' }],
    },
  ),
  b(
    'rabbit-maxlen-drop-head-dlx',
    { zh: '队列满了：drop-head 把最老的消息死信', en: 'A full queue: drop-head dead-letters the oldest' },
    { zh: 'buffer 设置 x-max-length=2（默认 drop-head）和死信交换机。发布 m1–m4 后 buffer 里剩下什么？', en: '"buffer" has x-max-length=2 (default drop-head) and a DLX. After m1–m4, what is left in buffer?' },
    ['maxlength', 'dlx'],
    { zh: 'm3、m4：每条新消息把队首最老的挤掉，m1、m2 以 reason=maxlen 死信到 overflow.q。四条都得到 basic.ack。', en: 'm3 and m4: each new message pushes the oldest off the head, and m1, m2 are dead-lettered to overflow.q with reason maxlen. All four are acked.' },
    {
      topology: {
        exchanges: [{ name: 'dlx', type: 'fanout' }],
        queues: [{ name: 'buffer', arguments: { 'x-max-length': 2, 'x-dead-letter-exchange': 'dlx' } }, { name: 'overflow.q' }],
        bindings: [{ source: 'dlx', destination: 'overflow.q' }],
        publishers: [{ id: 'p1', confirm: true }],
      },
      script: [pub('m', { routingKey: 'buffer', count: 4 })],
    },
  ),
  b(
    'rabbit-mirrored-unsynchronised',
    { zh: '3.x 镜像队列：提升未同步的镜像会丢消息（4.0 已移除）', en: '3.x mirrored queue: promoting an unsynchronised mirror loses messages (removed in 4.0)' },
    { zh: 'jobs 是经典镜像队列（ha-mode=all）。node2 重启后回来时未同步，随后主节点 node1 崩溃。m1、m2 还在吗？', en: '"jobs" is a classic mirrored queue (ha-mode=all). node2 restarts and rejoins unsynchronised; then the master, node1, crashes. Are m1 and m2 still there?' },
    ['mirrored-queues', 'ha', 'notes-errata', 'quorum'],
    { zh: '不在：node2 上重新加入的镜像只收到之后的 m3；它被提升为主副本后，已确认的 m1、m2 丢失。这正是镜像队列被弃用、在 4.0 中移除、改用仲裁队列（Raft 只选日志最新的成员）的原因之一。', en: 'No: the rejoined mirror on node2 only received m3; once promoted, the confirmed m1 and m2 are gone. This is one reason mirroring was deprecated and removed in 4.0 in favour of quorum queues (Raft only elects the most up-to-date member).' },
    {
      topology: {
        nodes: [N1, N2],
        queues: [{ name: 'jobs', mirrored: true, node: N1 }],
        publishers: [{ id: 'p1', confirm: true, node: N1 }],
        consumers: [{ id: 'c1', queue: 'jobs', node: N2, start: false }],
      },
      script: [
        pub('m1', { routingKey: 'jobs', persistent: true }),
        pub('m2', { routingKey: 'jobs', persistent: true }),
        { do: 'settle' },
        { do: 'node.restart', node: N2, downMs: 100 },
        { do: 'advance', ms: 200 },
        pub('m3', { routingKey: 'jobs', persistent: true }),
        { do: 'settle' },
        { do: 'node.crash', node: N1 },
        { do: 'advance', ms: 3000 },
        { do: 'consumer.start', consumer: 'c1' },
      ],
    },
  ),
  b(
    'rabbit-consumer-timeout',
    { zh: 'consumer_timeout：长期不确认会被关闭通道', en: 'consumer_timeout: holding a delivery too long closes the channel' },
    { zh: 'c1 收到 m1 后一直不确认。RabbitMQ 会永远等下去吗？（这里 consumer_timeout 设为 60 秒）', en: 'c1 receives m1 and never acks. Does RabbitMQ wait forever? (consumer_timeout is 60 s here)' },
    ['acks', 'consumer-timeout', 'notes-errata'],
    { zh: '不会：投递超过 consumer_timeout（默认 30 分钟）未确认时，broker 以 406 PRECONDITION_FAILED 关闭通道，m1 重新入队，由 c2 处理。', en: 'No: once a delivery stays unacked longer than consumer_timeout (30 min by default) the broker closes the channel with 406 PRECONDITION_FAILED and m1 is requeued; c2 processes it.' },
    {
      topology: {
        config: { consumer_timeout: 60000 },
        queues: [{ name: 'jobs' }],
        publishers: [{ id: 'p1', confirm: true }],
        consumers: [
          { id: 'c1', queue: 'jobs', prefetch: 1, onMessage: 'hold' },
          { id: 'c2', queue: 'jobs', prefetch: 1, start: false },
        ],
      },
      script: [pub('m1', { routingKey: 'jobs' }), { do: 'settle' }, { do: 'consumer.start', consumer: 'c2' }, { do: 'advance', ms: 61000 }],
    },
  ),
  b(
    'rabbit-tx-commit',
    { zh: '事务：提交前什么都不会发生', en: 'Transactions: nothing happens before commit' },
    { zh: 'p1 在事务模式下发布 m1、m2，回滚；再发布 m3 并提交。队列里最后有什么？', en: 'p1, in a transaction, publishes m1 and m2 and rolls back; then publishes m3 and commits. What ends up in the queue?' },
    ['transactions', 'confirms'],
    { zh: '只有 m3：tx.rollback 丢弃了 m1、m2，tx.commit-ok 之后 m3 才入队。事务是同步的，比发布确认慢得多。', en: 'Only m3: tx.rollback discards m1 and m2, and m3 is enqueued by the commit (tx.commit-ok). Transactions are synchronous and much slower than publisher confirms.' },
    {
      topology: { queues: [{ name: 'ledger' }], publishers: [{ id: 'p1', tx: true }] },
      script: [pub('m1', { routingKey: 'ledger' }), pub('m2', { routingKey: 'ledger' }), { do: 'tx.rollback', publisher: 'p1' }, pub('m3', { routingKey: 'ledger' }), { do: 'tx.commit', publisher: 'p1' }],
    },
  ),
  b(
    'rabbit-e2e-binding',
    { zh: '交换机到交换机的绑定', en: 'Exchange-to-exchange bindings' },
    { zh: 'events（topic）用 order.# 绑定到交换机 orders（fanout），orders 再绑定 audit 和 mail 两个队列。order.paid 去哪里？user.created 呢？', en: '"events" (topic) is bound to the exchange "orders" (fanout) with order.#, and orders to the queues audit and mail. Where does order.paid go? user.created?' },
    ['e2e', 'routing', 'topic'],
    { zh: 'order.paid 经 events → orders 进入 audit 和 mail；user.created 没有匹配，被丢弃。', en: 'order.paid flows events → orders into audit and mail; user.created matches nothing and is dropped.' },
    {
      topology: {
        exchanges: [{ name: 'events', type: 'topic' }, { name: 'orders', type: 'fanout' }],
        queues: [{ name: 'audit' }, { name: 'mail' }],
        bindings: [
          { source: 'events', destination: 'orders', destinationType: 'exchange', routingKey: 'order.#' },
          { source: 'orders', destination: 'audit' },
          { source: 'orders', destination: 'mail' },
        ],
        publishers: [{ id: 'p1', confirm: true }],
      },
      script: [pub('e1', { exchange: 'events', routingKey: 'order.paid' }), pub('e2', { exchange: 'events', routingKey: 'user.created' })],
    },
  ),
];
