/**
 * Built-in scenarios for consumer groups and transactions (issue 4). Each is asserted in
 * builtins-groups.test.ts against what real Kafka does (KIP-62, KIP-345, KIP-429, KIP-98, KIP-447).
 * Every scenario pins `offsets.topic.num.partitions` (and the transaction log's) to 1 so the coordinator
 * is the leader of `__consumer_offsets-0` / `__transaction_state-0`.
 */
import type { KafkaScenarioInput } from './schema';

type Text = { zh: string; en: string };
export type GroupDef = { scenario: KafkaScenarioInput & { id: string; title: Text; question: Text }; expected: Text };

const internal = { 'offsets.topic.num.partitions': 1, 'transaction.state.log.num.partitions': 1 };
/** Three brokers, the given topics (RF 3, fixed placement). */
const cluster = (topics: [string, number][], config: Record<string, unknown> = {}) => ({
  brokers: ['b1', 'b2', 'b3'],
  config: { ...internal, ...config },
  topics: topics.map(([name, partitions]) => ({ name, partitions, replicationFactor: 3, placement: { startIndex: 0, shift: 0 } })),
});
/** Group timings scaled down so a rebalance fits in seconds (real defaults: 45 s / 3 s / 5 min). */
const fast = { 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 1000, 'max.poll.interval.ms': 20000, 'auto.offset.reset': 'earliest' as const };
const member = (id: string, group: string, topics: string[], config: Record<string, unknown> = {}, processing?: Record<string, unknown>) => ({
  id,
  subscribe: topics,
  config: { 'group.id': group, ...fast, ...config },
  ...(processing ? { processing } : {}),
});
const p1 = [{ id: 'p1', config: { acks: 'all' as const } }];
const put = (id: string, topic: string, partition: number, producer = 'p1') => ({ do: 'produce' as const, producer, topic, id, partition });
const start = (...ids: string[]) => ids.map((consumer) => ({ do: 'consumer.start' as const, consumer }));

export const groupDefs: GroupDef[] = [
  {
    scenario: {
      id: 'kafka-group-crash-before-commit',
      system: 'kafka',
      seed: 1,
      title: { zh: '处理完但没来得及提交就崩溃', en: 'Processed, then a crash before the commit' },
      question: {
        zh: 'c1 处理完 m1、m2 后、commitSync 之前崩溃。c2 接手 orders-0 后会发生什么？',
        en: 'c1 processes m1 and m2, then crashes before its commitSync. What happens when c2 takes over orders-0?',
      },
      topics: ['consumer-group', 'rebalance', 'offset-commit', 'at-least-once', 'duplicates'],
      lessons: [],
      cluster: cluster([['orders', 2]]),
      producers: p1,
      consumers: [
        member('c1', 'g1', ['orders'], { 'enable.auto.commit': false }, { msPerRecord: 100, commit: 'sync', commitWhen: 'after' }),
        member('c2', 'g1', ['orders'], { 'enable.auto.commit': false }, { msPerRecord: 100, commit: 'sync', commitWhen: 'after' }),
      ],
      script: [...start('c1', 'c2'), { do: 'advance', ms: 4000 }, put('m1', 'orders', 0), put('m2', 'orders', 0), put('m3', 'orders', 0), { do: 'advance', ms: 230 }, { do: 'consumer.crash', consumer: 'c1' }, { do: 'advance', ms: 9000 }, { do: 'settle' }],
    },
    expected: {
      zh: 'm1、m2 被处理了两次（c1 一次，c2 一次）：c1 的位移从未提交，会话超时（session.timeout.ms）后 c2 在第 2 代接手 orders-0，从最早的位置重新读取。这就是"至少一次"：不丢，但会重复。',
      en: 'm1 and m2 are processed twice (once by c1, once by c2): c1 never committed, so after its session timed out c2 took orders-0 in generation 2 and read it again from the start. At-least-once: nothing lost, duplicates possible.',
    },
  },
  {
    scenario: {
      id: 'kafka-group-autocommit-loss',
      system: 'kafka',
      seed: 1,
      title: { zh: '自动提交 + 后台线程处理：崩溃丢消息', en: 'Auto-commit with a worker thread: a crash loses records' },
      question: {
        zh: 'c1 把记录交给工作线程处理，poll() 立即返回继续拉取，enable.auto.commit=true。处理到一半崩溃，剩下的记录会怎样？',
        en: 'c1 hands records to a worker thread and calls poll() again at once, with enable.auto.commit=true. It crashes halfway through. What happens to the rest?',
      },
      topics: ['consumer-group', 'auto-commit', 'at-most-once', 'data-loss'],
      lessons: [],
      cluster: cluster([['orders', 1]]),
      producers: p1,
      consumers: [member('c1', 'g1', ['orders'], { 'enable.auto.commit': true, 'auto.commit.interval.ms': 1000 }, { msPerRecord: 500, worker: true })],
      script: [
        ...start('c1'),
        { do: 'advance', ms: 4000 },
        ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id) => put(id, 'orders', 0)),
        { do: 'advance', ms: 1800 },
        { do: 'consumer.crash', consumer: 'c1' },
        { do: 'advance', ms: 1000 },
        { do: 'consumer.restart', consumer: 'c1' },
        { do: 'advance', ms: 8000 },
        { do: 'settle' },
      ],
    },
    expected: {
      zh: '自动提交在 poll() 里提交了"上次 poll 返回的位置"（offset 6），而工作线程只处理完了 m1–m3。c1 重启后从已提交的 offset 6 开始，m4–m6 再也不会被这个组处理——它们还在日志里，但对 g1 来说已经丢了。',
      en: 'Auto-commit, inside poll(), committed the position after what the previous poll returned (offset 6) while the worker had finished only m1–m3. After the restart c1 starts at the committed offset 6: m4–m6 are never processed by g1 — still in the log, but lost to this group.',
    },
  },
  {
    scenario: {
      id: 'kafka-group-max-poll-exceeded',
      system: 'kafka',
      seed: 1,
      title: { zh: '处理太慢，超过 max.poll.interval.ms', en: 'Too slow: max.poll.interval.ms is exceeded' },
      question: {
        zh: 'c1 每条记录要处理 3 秒，一批 3 条，max.poll.interval.ms=5000。心跳一直正常，c1 还在组里吗？它的提交会成功吗？',
        en: 'c1 needs 3 s per record, 3 records per batch, with max.poll.interval.ms=5000. Its heartbeats keep going. Does it stay in the group? Does its commit succeed?',
      },
      topics: ['consumer-group', 'max.poll.interval.ms', 'rebalance', 'duplicates', 'CommitFailedException'],
      lessons: [],
      cluster: cluster([['orders', 2]]),
      producers: p1,
      consumers: [
        member('c1', 'g1', ['orders'], { 'enable.auto.commit': false, 'max.poll.interval.ms': 5000, 'session.timeout.ms': 10000 }, { msPerRecord: 10, commit: 'sync' }),
        member('c2', 'g1', ['orders'], { 'enable.auto.commit': false, 'max.poll.interval.ms': 5000, 'session.timeout.ms': 10000 }, { msPerRecord: 10, commit: 'sync' }),
      ],
      script: [
        ...start('c1', 'c2'),
        { do: 'advance', ms: 4000 },
        { do: 'consumer.slow', consumer: 'c1', msPerRecord: 3000 },
        put('m1', 'orders', 0),
        put('m2', 'orders', 0),
        put('m3', 'orders', 0),
        { do: 'advance', ms: 20000 },
        { do: 'settle' },
      ],
    },
    expected: {
      zh: '心跳线程发现 poll() 已超过 5 秒没被调用，主动发 LeaveGroup 离组（KIP-62）。c2 在新一代接手 orders-0，从头处理 m1–m3；c1 仍在处理手里的那批，处理完后 commitSync 抛出 CommitFailedException。m1–m3 被重复处理；c1 下次 poll 时重新入组，又触发一次再均衡。',
      en: 'The heartbeat thread sees that poll() has not been called for 5 s and sends LeaveGroup (KIP-62). c2 takes orders-0 in a new generation and processes m1–m3 from the start; c1 still finishes the batch in hand, and its commitSync throws CommitFailedException. m1–m3 are processed twice; c1 rejoins at its next poll, which is one more rebalance.',
    },
  },
  ...['sticky', 'cooperative-sticky'].map((strategy): GroupDef => {
    const eager = strategy === 'sticky';
    return {
      scenario: {
        id: eager ? 'kafka-group-eager-join' : 'kafka-group-cooperative-join',
        system: 'kafka',
        seed: 1,
        title: eager ? { zh: '急切式再均衡：新成员加入', en: 'Eager rebalance: a consumer joins' } : { zh: '协作式（增量）再均衡：新成员加入', en: 'Cooperative (incremental) rebalance: a consumer joins' },
        question: {
          zh: `c1、c2 各消费 4 个分区中的 2 个（${strategy}）。c3 加入时，谁停止消费、停多久？`,
          en: `c1 and c2 each consume 2 of 4 partitions (${strategy}). When c3 joins, who stops consuming, and for how long?`,
        },
        topics: ['consumer-group', 'rebalance', eager ? 'eager' : 'cooperative', 'KIP-429', 'assignor'],
        lessons: [],
        cluster: cluster([['orders', 4]]),
        producers: p1,
        consumers: ['c1', 'c2', 'c3'].map((id) => member(id, 'g1', ['orders'], { 'partition.assignment.strategy': strategy, 'enable.auto.commit': true, 'auto.commit.interval.ms': 1000 }, { msPerRecord: 20 })),
        script: [
          ...start('c1', 'c2'),
          { do: 'advance', ms: 4000 },
          ...[0, 1, 2, 3].map((p) => put(`m${p + 1}`, 'orders', p)),
          { do: 'advance', ms: 2000 },
          ...start('c3'),
          ...[0, 1, 2, 3].map((p) => put(`m${p + 5}`, 'orders', p)),
          { do: 'advance', ms: 3000 },
          ...[0, 1, 2, 3].map((p) => put(`m${p + 9}`, 'orders', p)),
          { do: 'advance', ms: 3000 },
          { do: 'settle' },
        ],
      },
      expected: eager
        ? {
            zh: '急切式协议下，c1 和 c2 在发送 JoinGroup 时撤销全部 4 个分区，直到 SyncGroup 和 OffsetFetch 完成前整个组都停止消费（pausedPartitionEvents 里 4 个分区都 > 0）。最终分配与协作式相同：只有 orders-3 换到 c3。',
            en: 'With the eager protocol c1 and c2 revoke all 4 partitions when they send JoinGroup, so the whole group stops consuming until SyncGroup and OffsetFetch complete (all 4 partitions have pausedPartitionEvents > 0). The final assignment is the same as cooperative: only orders-3 moves to c3.',
          }
        : {
            zh: '协作式协议（KIP-429）下，c1 和 c2 在再均衡期间继续消费自己的分区。第 2 代只让 c2 交出 orders-3，第 3 代再把它分给 c3：只有 orders-3 暂停过，其他分区 pausedPartitionEvents 为 0。代价是两轮再均衡。',
            en: 'With the cooperative protocol (KIP-429) c1 and c2 keep consuming their partitions during the rebalance. Generation 2 only makes c2 give up orders-3; generation 3 hands it to c3. Only orders-3 pauses; the others have pausedPartitionEvents 0. The price is two rebalances.',
          },
    };
  }),
  {
    scenario: {
      id: 'kafka-group-idle-members',
      system: 'kafka',
      seed: 1,
      title: { zh: '消费者比分区多', en: 'More consumers than partitions' },
      question: { zh: '2 个分区、3 个消费者（range）。第三个消费者做什么？', en: '2 partitions, 3 consumers (range). What does the third consumer do?' },
      topics: ['consumer-group', 'assignor', 'scaling'],
      lessons: [],
      cluster: cluster([['orders', 2]]),
      producers: p1,
      consumers: ['c1', 'c2', 'c3'].map((id) => member(id, 'g1', ['orders'])),
      script: [...start('c1', 'c2', 'c3'), { do: 'advance', ms: 4000 }, put('m1', 'orders', 0), put('m2', 'orders', 1), put('m3', 'orders', 0), put('m4', 'orders', 1), { do: 'advance', ms: 2000 }, { do: 'settle' }],
    },
    expected: {
      zh: '一个分区在同一代里只能属于组内一个成员，所以 c3 分到空列表，一直空闲——增加消费者超过分区数并不能提高吞吐，只能当热备。',
      en: 'A partition belongs to one member of the group per generation, so c3 gets an empty list and stays idle: consumers beyond the partition count add no throughput, only a hot standby.',
    },
  },
  {
    scenario: {
      id: 'kafka-group-static-restart',
      system: 'kafka',
      seed: 1,
      title: { zh: '静态成员重启不触发再均衡', en: 'A static member restarts without a rebalance' },
      question: {
        zh: 'c1 设置了 group.instance.id，session.timeout.ms=10000。它崩溃后 3 秒重启，组会再均衡吗？',
        en: 'c1 has a group.instance.id and session.timeout.ms=10000. It crashes and restarts 3 s later. Does the group rebalance?',
      },
      topics: ['consumer-group', 'static-membership', 'KIP-345', 'rebalance'],
      lessons: [],
      cluster: cluster([['orders', 2]]),
      producers: p1,
      consumers: [
        member('c1', 'g1', ['orders'], { 'group.instance.id': 'host-a', 'session.timeout.ms': 10000, 'auto.commit.interval.ms': 1000 }),
        member('c2', 'g1', ['orders'], { 'group.instance.id': 'host-b', 'session.timeout.ms': 10000, 'auto.commit.interval.ms': 1000 }),
      ],
      script: [
        ...start('c1', 'c2'),
        { do: 'advance', ms: 4000 },
        put('m1', 'orders', 0),
        put('m2', 'orders', 1),
        { do: 'advance', ms: 2000 },
        { do: 'consumer.crash', consumer: 'c1' },
        { do: 'advance', ms: 3000 },
        { do: 'consumer.restart', consumer: 'c1' },
        put('m3', 'orders', 0),
        { do: 'advance', ms: 15000 },
        { do: 'settle' },
      ],
    },
    expected: {
      zh: '不会。静态成员崩溃时不发 LeaveGroup，协调者在 session.timeout.ms 内保留它的位置；c1 带着同一个 group.instance.id 重新 JoinGroup，直接拿回原来的分配（KIP-345）。整个过程只有第 1 代。',
      en: 'No. A static member sends no LeaveGroup, and the coordinator keeps its place for session.timeout.ms; c1 rejoins with the same group.instance.id and gets its old assignment back (KIP-345). There is only generation 1.',
    },
  },
  ...(['range', 'roundrobin'] as const).map(
    (strategy): GroupDef => ({
      scenario: {
        id: strategy === 'range' ? 'kafka-group-range-skew' : 'kafka-group-roundrobin',
        system: 'kafka',
        seed: 1,
        title: strategy === 'range' ? { zh: 'range 分配在多个 topic 上的倾斜', en: 'Range skew across two topics' } : { zh: '同样的输入用 roundrobin', en: 'The same input with roundrobin' },
        question: {
          zh: `c1、c2 订阅 clicks 和 views（各 3 个分区），使用 ${strategy}。每个消费者分到几个分区？`,
          en: `c1 and c2 subscribe to clicks and views (3 partitions each) with ${strategy}. How many partitions does each get?`,
        },
        topics: ['consumer-group', 'assignor', strategy],
        lessons: [],
        cluster: cluster([
          ['clicks', 3],
          ['views', 3],
        ]),
        producers: p1,
        consumers: ['c1', 'c2'].map((id) => member(id, 'g1', ['clicks', 'views'], { 'partition.assignment.strategy': strategy })),
        script: [...start('c1', 'c2'), { do: 'advance', ms: 5000 }, { do: 'settle' }],
      },
      expected:
        strategy === 'range'
          ? {
              zh: 'range 按 topic 分别切分，余数总是给排在前面的成员：每个 topic c1 拿 2 个、c2 拿 1 个，合计 4 比 2。',
              en: 'Range splits each topic on its own and always gives the remainder to the first member: c1 gets 2 of each topic, c2 gets 1 — 4 against 2.',
            }
          : {
              zh: 'roundrobin 把所有 topic 的分区排在一起轮流分配：3 比 3，均衡。',
              en: 'Roundrobin deals the partitions of all topics around the members together: 3 and 3, balanced.',
            },
    }),
  ),
  {
    scenario: {
      id: 'kafka-txn-read-committed',
      system: 'kafka',
      seed: 1,
      title: { zh: 'read_committed 与 read_uncommitted', en: 'read_committed versus read_uncommitted' },
      question: {
        zh: '事务生产者提交 m1、m2，中止 m3、m4，再提交 m5。read_committed 和 read_uncommitted 两个消费者各看到什么？',
        en: 'A transactional producer commits m1 and m2, aborts m3 and m4, then commits m5. What do a read_committed and a read_uncommitted consumer see?',
      },
      topics: ['transactions', 'isolation.level', 'KIP-98', 'LSO'],
      lessons: [],
      cluster: cluster([['orders', 1]]),
      producers: [{ id: 'tx', config: { acks: 'all', 'transactional.id': 'orders-writer' } }],
      consumers: [member('rc', 'g-rc', ['orders'], { 'isolation.level': 'read_committed' }), member('ru', 'g-ru', ['orders'], { 'isolation.level': 'read_uncommitted' })],
      script: [
        ...start('rc', 'ru'),
        { do: 'txn.init', producer: 'tx' },
        { do: 'advance', ms: 4000 },
        { do: 'txn.begin', producer: 'tx' },
        put('m1', 'orders', 0, 'tx'),
        put('m2', 'orders', 0, 'tx'),
        { do: 'txn.commit', producer: 'tx' },
        { do: 'advance', ms: 1000 },
        { do: 'txn.begin', producer: 'tx' },
        put('m3', 'orders', 0, 'tx'),
        put('m4', 'orders', 0, 'tx'),
        { do: 'advance', ms: 1000 },
        { do: 'txn.abort', producer: 'tx' },
        { do: 'advance', ms: 1000 },
        { do: 'txn.begin', producer: 'tx' },
        put('m5', 'orders', 0, 'tx'),
        { do: 'txn.commit', producer: 'tx' },
        { do: 'advance', ms: 3000 },
        { do: 'settle' },
      ],
    },
    expected: {
      zh: 'read_committed 只读到 LSO 以下、且跳过被中止事务的记录：m1、m2、m5。read_uncommitted 读到 HW 以下的全部数据记录，包括被中止的 m3、m4。控制记录（COMMIT/ABORT 标记）占用 offset，但从不交给应用。',
      en: 'read_committed reads only below the LSO and skips aborted transactions: m1, m2, m5. read_uncommitted reads every data record below the HW, the aborted m3 and m4 included. Control records (COMMIT/ABORT markers) take offsets but never reach the application.',
    },
  },
  {
    scenario: {
      id: 'kafka-txn-eos-crash',
      system: 'kafka',
      seed: 1,
      title: { zh: '消费-转换-生产：崩溃后仍然恰好一次', en: 'Consume-transform-produce stays exactly-once across a crash' },
      question: {
        zh: 'app 从 in 读、写到 out，每批是一个事务（sendOffsetsToTransaction）。它在事务中途崩溃并重启。下游 read_committed 消费者会看到重复吗？',
        en: 'app reads from in and writes to out, one transaction per batch (sendOffsetsToTransaction). It crashes mid-transaction and restarts. Does a read_committed consumer downstream see duplicates?',
      },
      topics: ['transactions', 'exactly-once', 'KIP-98', 'KIP-447', 'zombie-fencing'],
      lessons: [],
      cluster: cluster([
        ['in', 1],
        ['out', 1],
      ]),
      producers: [
        { id: 'p1', config: { acks: 'all' } },
        { id: 'tx', config: { acks: 'all', 'transactional.id': 'app-tx' } },
      ],
      consumers: [
        member('app', 'g-app', ['in'], { 'enable.auto.commit': false, 'max.poll.records': 2, 'isolation.level': 'read_committed' }, { msPerRecord: 100, transform: { producer: 'tx', topic: 'out' } }),
        member('down', 'g-down', ['out'], { 'isolation.level': 'read_committed' }),
      ],
      script: [
        ...start('app', 'down'),
        { do: 'advance', ms: 4000 },
        ...['m1', 'm2', 'm3', 'm4'].map((id) => put(id, 'in', 0)),
        { do: 'advance', ms: 420 },
        { do: 'consumer.crash', consumer: 'app' },
        { do: 'advance', ms: 500 },
        { do: 'consumer.restart', consumer: 'app' },
        { do: 'advance', ms: 12000 },
        { do: 'settle' },
      ],
    },
    expected: {
      zh: 'app 重启后 InitProducerId 把 epoch 加一，协调者中止了崩溃前未完成的事务（其中的 m3.out 被 ABORT 标记作废），app 从事务里提交的位移 2 重新处理 m3、m4。m3 在输入侧被处理了两次，但 read_committed 的下游每条 out 记录只看到一次：恰好一次指的是结果，而不是处理次数。',
      en: 'On restart InitProducerId bumps the epoch and the coordinator aborts the unfinished transaction (its m3.out is voided by an ABORT marker); app reprocesses m3 and m4 from offset 2, committed inside the earlier transaction. m3 is processed twice on the input side, but the read_committed consumer downstream sees each out record once: exactly-once is about the results, not the number of attempts.',
    },
  },
  {
    scenario: {
      id: 'kafka-txn-zombie-fencing',
      system: 'kafka',
      seed: 1,
      title: { zh: '用 producer epoch 隔离僵尸实例', en: 'Fencing a zombie by producer epoch' },
      question: {
        zh: 'pA 开启事务写了 m1 后卡住（比如长时间 GC）。pB 用同一个 transactional.id 启动。pA 恢复后继续写 m3 并提交，会怎样？',
        en: 'pA begins a transaction, writes m1 and stalls (a long GC pause). pB starts with the same transactional.id. When pA wakes up and writes m3 and commits, what happens?',
      },
      topics: ['transactions', 'zombie-fencing', 'KIP-98', 'producer-epoch'],
      lessons: [],
      cluster: cluster([['orders', 1]]),
      producers: [
        { id: 'pA', config: { acks: 'all', 'transactional.id': 'orders-tx' } },
        { id: 'pB', config: { acks: 'all', 'transactional.id': 'orders-tx' } },
      ],
      consumers: [member('rc', 'g-rc', ['orders'], { 'isolation.level': 'read_committed' })],
      script: [
        ...start('rc'),
        { do: 'txn.init', producer: 'pA' },
        { do: 'advance', ms: 4000 },
        { do: 'txn.begin', producer: 'pA' },
        put('m1', 'orders', 0, 'pA'),
        { do: 'advance', ms: 500 },
        { do: 'txn.init', producer: 'pB' },
        { do: 'advance', ms: 1000 },
        { do: 'txn.begin', producer: 'pB' },
        put('m2', 'orders', 0, 'pB'),
        { do: 'txn.commit', producer: 'pB' },
        { do: 'advance', ms: 500 },
        put('m3', 'orders', 0, 'pA'),
        { do: 'advance', ms: 500 },
        { do: 'txn.commit', producer: 'pA' },
        { do: 'advance', ms: 3000 },
        { do: 'settle' },
      ],
    },
    expected: {
      zh: 'pB 的 InitProducerId 把 epoch 加一，并用新 epoch 写 ABORT 标记中止了 pA 的事务（m1 作废）。pA 再写 m3 时 leader 返回 INVALID_PRODUCER_EPOCH，pA 进入致命错误（ProducerFencedException），它的提交也无法进行。read_committed 消费者只看到 m2。',
      en: "pB's InitProducerId bumps the epoch and aborts pA's transaction with ABORT markers carrying the new epoch (m1 is voided). When pA writes m3 the leader answers INVALID_PRODUCER_EPOCH: pA is fenced (ProducerFencedException) and cannot commit. The read_committed consumer sees only m2.",
    },
  },
  {
    scenario: {
      id: 'kafka-assign-partition',
      system: 'kafka',
      seed: 1,
      title: { zh: '用 assign 读取指定分区（不加入组）', en: 'Reading one chosen partition with assign (no group)' },
      question: {
        zh: 'reader 用 assign 只分配了 orders-1，没有 group.id。它会读到哪些消息？会有再均衡吗？',
        en: 'reader uses assign with only orders-1 and no group.id. Which messages does it read? Is there any rebalance?',
      },
      topics: ['consumer', 'assign', 'partitions'],
      lessons: [],
      cluster: cluster([['orders', 3]]),
      producers: p1,
      consumers: [{ id: 'reader', assign: ['orders-1'], config: { 'auto.offset.reset': 'earliest' } }],
      script: [...[0, 1, 2, 1, 0, 1].map((p, i) => put(`m${i + 1}`, 'orders', p)), { do: 'settle' }, { do: 'consumer.start', consumer: 'reader' }, { do: 'advance', ms: 2000 }, { do: 'settle' }],
    },
    expected: {
      zh: '只读到 orders-1 上的 m2、m4、m6，按 offset 顺序。assign 不经过组协调者：没有 JoinGroup、没有代（groups 为空）、也不会再均衡；没有 group.id 也就不能提交位移。',
      en: 'Only m2, m4 and m6 from orders-1, in offset order. assign bypasses the group coordinator: no JoinGroup, no generations (groups is empty), never a rebalance — and without a group.id it cannot commit offsets.',
    },
  },
];
