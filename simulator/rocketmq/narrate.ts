/**
 * Narration (zh + en) for every RocketMQ event kind, generated from the recorded args only.
 * RocketMQ's own names (SEND_OK, RECONSUME_LATER, %RETRY%g1, brokerRole …) are kept as-is; 5.x
 * differences are named where a learner would otherwise assume 4.x behaviour is universal.
 */
import type { ArgValue, Narration } from '../core/types';

type A = Record<string, ArgValue>;
const list = (v: ArgValue) => (Array.isArray(v) ? (v.length ? v.join(', ') : '—') : String(v));
const ord = (k: number) => {
  const t = k % 100;
  return t >= 11 && t <= 13 ? `${k}th` : `${k}${['th', 'st', 'nd', 'rd'][k % 10] ?? 'th'}`;
};
const n = (v: ArgValue) => Number(v);
const STRATEGY: Record<string, string> = { AVG: 'AllocateMessageQueueAveragely', AVG_BY_CIRCLE: 'AllocateMessageQueueAveragelyByCircle' };
const strategy = (v: ArgValue) => STRATEGY[String(v)] ?? String(v);

const STATUS_ZH: Record<string, string> = {
  SEND_OK: '发送成功',
  FLUSH_DISK_TIMEOUT: '消息已写入但刷盘超时',
  FLUSH_SLAVE_TIMEOUT: '消息已写入但同步到 Slave 超时',
  SLAVE_NOT_AVAILABLE: '消息已写入但没有可用的 Slave',
};

export function narrateRocket(kind: string, a: A): Narration {
  switch (kind) {
    // ---------------------------------------------------------------- NameServer
    case 'rocket.ns.register':
      return a.again
        ? { zh: `${a.broker} 向 ${a.ns} 发送心跳注册（每 30 s 一次）`, en: `${a.broker} re-registers with ${a.ns} (every 30 s)` }
        : { zh: `${a.broker}（${a.brokerName}，brokerId=${a.brokerId}）在 NameServer ${a.ns} 上注册了自己和它的 Topic 配置`, en: `${a.broker} (${a.brokerName}, brokerId=${a.brokerId}) registers itself and its topic configs with NameServer ${a.ns}` };
    case 'rocket.ns.route':
      return a.found
        ? { zh: `${a.ns} 把 ${a.topic} 的路由（broker：${list(a.brokers)}）返回给 ${a.client}`, en: `${a.ns} returns the route of ${a.topic} (brokers: ${list(a.brokers)}) to ${a.client}` }
        : { zh: `${a.ns} 上没有 ${a.topic} 的路由（TOPIC_NOT_EXIST）`, en: `${a.ns} has no route for ${a.topic} (TOPIC_NOT_EXIST)` };
    case 'rocket.ns.scan':
      return { zh: `${a.ns} 扫描不活跃的 Broker：全部正常`, en: `${a.ns} scans for inactive brokers: all alive` };
    case 'rocket.ns.expire':
      return { zh: `${a.ns} 已 120 s 没收到 ${list(a.brokers)} 的注册，将其从路由表删除`, en: `${a.ns} has not heard from ${list(a.brokers)} for 120 s and removes it from the route table` };
    case 'rocket.ns.crash':
      return { zh: `NameServer ${a.ns} 宕机；NameServer 之间互不通信，客户端会改用另一台`, en: `NameServer ${a.ns} crashes; NameServers share nothing, so clients switch to another one` };
    case 'rocket.ns.restart':
      return { zh: `NameServer ${a.ns} 重启，路由表为空，等待 Broker 的下一次注册（30 s 内）`, en: `NameServer ${a.ns} restarts with an empty route table until brokers register again (within 30 s)` };
    case 'rocket.client.route':
      return Array.isArray(a.sent) && a.sent.length > 0
        ? { zh: `${a.client} 拿到 ${a.topic} 的路由（Master 所在：${list(a.masters)}），开始发送 ${list(a.sent)}`, en: `${a.client} gets the route of ${a.topic} (masters on ${list(a.masters)}) and sends ${list(a.sent)}` }
        : { zh: `${a.client} 更新了 ${a.topic} 的路由（${list(a.brokers)}）`, en: `${a.client} updates its route of ${a.topic} (${list(a.brokers)})` };
    case 'rocket.client.noRoute':
      return { zh: `${a.client}：${a.topic} 没有路由（No route info of this topic）`, en: `${a.client}: no route info of topic ${a.topic}` };
    case 'rocket.client.nsRefused':
      return { zh: `${a.client} 连不上 ${a.ns}，改用下一台 NameServer`, en: `${a.client} cannot connect to ${a.ns} and tries the next NameServer` };
    case 'rocket.client.tick':
      return { zh: `${a.client} 定时从 NameServer 刷新路由并向 Broker 发心跳（30 s）`, en: `${a.client} refreshes routes from the NameServer and heartbeats the brokers (every 30 s)` };

    // ---------------------------------------------------------------- producer
    case 'rocket.producer.send': {
      const how = a.selector ? `MessageQueueSelector 按 shardingKey「${a.selector}」选中` : `轮询选中`;
      const howEn = a.selector ? `chosen by the MessageQueueSelector on sharding key "${a.selector}"` : `chosen round-robin`;
      if (a.transactional)
        return { zh: `${a.producer} 发送半消息（half message）${a.id} 到 ${a.broker}，目标队列 ${a.queue}；消费者此时看不到它`, en: `${a.producer} sends ${a.id} as a half message to ${a.broker} for ${a.queue}; consumers cannot see it yet` };
      const delay = n(a.delayLevel) > 0 ? `，延迟级别 ${a.delayLevel}` : '';
      const delayEn = n(a.delayLevel) > 0 ? `, delayTimeLevel ${a.delayLevel}` : '';
      const mode = a.mode === 'oneway' ? '（oneway：不等任何响应）' : a.mode === 'async' ? '（async：回调里得到结果）' : '（sync：阻塞等待 SendResult）';
      const modeEn = a.mode === 'oneway' ? ' (oneway: no response at all)' : a.mode === 'async' ? ' (async: the result arrives in a callback)' : ' (sync: blocks for the SendResult)';
      return { zh: `${a.producer} 第 ${a.attempt} 次发送 ${a.id} 到 ${a.queue}（${how}）${delay}${mode}`, en: `${a.producer} sends ${a.id} to ${a.queue} (attempt ${a.attempt}, ${howEn})${delayEn}${modeEn}` };
    }
    case 'rocket.producer.retry':
      return { zh: `${a.producer} 发送 ${a.id} 失败（${a.error}），按 retryTimesWhenSendFailed 换到另一个 Broker 重试：${a.queue}（第 ${a.attempt} 次）`, en: `${a.producer}'s send of ${a.id} failed (${a.error}); it retries on another broker (retryTimesWhenSendFailed): ${a.queue}, attempt ${a.attempt}` };
    case 'rocket.producer.failed': {
      const why =
        a.why === 'timeout'
          ? { zh: '；sendMsgTimeout 的总时间已用完，不再重试', en: '; the sendMsgTimeout budget is spent, so no retry' }
          : a.why === 'selector'
            ? { zh: '；指定了 MessageQueueSelector 的发送不会重试（否则会破坏顺序）', en: '; a send with a MessageQueueSelector is never retried (it would break ordering)' }
            : a.why === 'attempts'
              ? { zh: `；${a.attempts} 次尝试都失败`, en: `; all ${a.attempts} attempts failed` }
              : { zh: '', en: '' };
      return { zh: `${a.producer} 发送 ${a.id} 失败：${a.error}${why.zh}`, en: `${a.producer} fails to send ${a.id}: ${a.error}${why.en}` };
    }
    case 'rocket.producer.result': {
      const s = String(a.status);
      if (s === 'SEND_OK') return { zh: `${a.producer} 收到 ${a.id} 的 SEND_OK（${a.queue}，queueOffset ${a.offset}）`, en: `${a.producer} gets SEND_OK for ${a.id} (${a.queue}, queueOffset ${a.offset})` };
      return { zh: `${a.producer} 收到 ${a.id} 的 ${s}：${STATUS_ZH[s] ?? s}，不是 SEND_OK，应用应当视为可能未持久化`, en: `${a.producer} gets ${s} for ${a.id}: the message is stored but this is not SEND_OK, so the application must treat it as possibly not durable` };
    }
    case 'rocket.producer.late':
      return { zh: `${a.producer} 在超时之后才收到 ${a.id} 的响应（${a.status}），已被忽略`, en: `${a.producer} gets the response for ${a.id} (${a.status}) after its timeout; it is ignored` };
    case 'rocket.producer.blocked':
      return { zh: `${a.producer} 的同步发送线程还在等上一条的结果，${a.id} 排队`, en: `${a.producer}'s sync send is still waiting for the previous result; ${a.id} waits` };
    case 'rocket.producer.needRoute':
      return { zh: `${a.producer} 还没有 ${a.topic} 的路由，先向 NameServer 查询（${a.id} 等待）`, en: `${a.producer} has no route for ${a.topic} yet and asks a NameServer (${a.id} waits)` };
    case 'rocket.producer.down':
      return { zh: `${a.producer} 已宕机，无法发送 ${a.id}`, en: `${a.producer} is down and cannot send ${a.id}` };
    case 'rocket.producer.crash':
      return { zh: `生产者 ${a.producer} 崩溃；在途的 ${list(a.inflight)} 永远得不到结果`, en: `Producer ${a.producer} crashes; in-flight ${list(a.inflight)} will never get a result` };
    case 'rocket.producer.restart':
      return { zh: `生产者 ${a.producer} 重启`, en: `Producer ${a.producer} restarts` };

    // ---------------------------------------------------------------- broker store, flush, HA
    case 'rocket.broker.store': {
      const wait = String(a.wait);
      const zhWait = wait === 'none' ? '写入 PageCache 后立即响应' : wait === 'flush' ? '等待刷盘（SYNC_FLUSH）后再响应' : wait === 'slave' ? '等待 Slave 确认（SYNC_MASTER）后再响应' : '等待刷盘和 Slave 确认后再响应';
      const enWait = wait === 'none' ? 'answers as soon as it is in the page cache' : wait === 'flush' ? 'answers after the flush (SYNC_FLUSH)' : wait === 'slave' ? 'answers once the slave confirms (SYNC_MASTER)' : 'answers after the flush and the slave confirm';
      return { zh: `${a.broker} 把 ${a.id} 追加到 CommitLog，分发到 ${a.queue} 的 offset ${a.offset}；${a.brokerRole} + ${a.flushDiskType}：${zhWait}`, en: `${a.broker} appends ${a.id} to the CommitLog at ${a.queue} offset ${a.offset}; ${a.brokerRole} + ${a.flushDiskType}: it ${enWait}` };
    }
    case 'rocket.broker.half':
      return { zh: `${a.broker} 把 ${a.id} 存为半消息（RMQ_SYS_TRANS_HALF_TOPIC），真实目标 ${a.queue} 暂不可见`, en: `${a.broker} stores ${a.id} as a half message (RMQ_SYS_TRANS_HALF_TOPIC); its real queue ${a.queue} does not see it yet` };
    case 'rocket.broker.delay':
      return {
        zh: `${a.broker} 把 ${a.id} 存入 SCHEDULE_TOPIC_XXXX（延迟级别 ${a.level} = ${a.delay}），到期后才进入 ${a.queue}。4.x 只有 18 个固定级别；5.x 的定时消息可指定任意投递时间`,
        en: `${a.broker} parks ${a.id} in SCHEDULE_TOPIC_XXXX (delay level ${a.level} = ${a.delay}); it reaches ${a.queue} only when due. 4.x has 18 fixed levels; 5.x timer messages take any delivery time`,
      };
    case 'rocket.broker.due':
      return a.retry
        ? { zh: `${a.id} 的延迟（级别 ${a.level}，${a.delay}）到期，进入重试队列 ${a.queue}，将被重新投递`, en: `${a.id}'s delay (level ${a.level}, ${a.delay}) is over; it enters the retry queue ${a.queue} for redelivery` }
        : { zh: `${a.id} 的延迟（级别 ${a.level}，${a.delay}）到期，投递到 ${a.queue}`, en: `${a.id}'s delay (level ${a.level}, ${a.delay}) is over; it is delivered to ${a.queue}` };
    case 'rocket.broker.rejectSlave':
      return { zh: `${a.broker} 是 Slave，拒绝写入 ${a.id}`, en: `${a.broker} is a slave and refuses to store ${a.id}` };
    case 'rocket.broker.flush':
      return { zh: `${a.broker} 刷盘 ${a.count} 条（已落盘 ${a.flushed} 条）${a.sync ? '' : '（ASYNC_FLUSH 定时刷盘）'}`, en: `${a.broker} flushes ${a.count} entries to disk (${a.flushed} flushed)${a.sync ? '' : ' (ASYNC_FLUSH timer)'}` };
    case 'rocket.broker.putTimeout':
      return a.status === 'FLUSH_SLAVE_TIMEOUT'
        ? { zh: `${a.broker} 等待 Slave 确认 ${a.id} 超过 syncFlushTimeout，返回 FLUSH_SLAVE_TIMEOUT（消息仍在 Master 上）`, en: `${a.broker} waited longer than syncFlushTimeout for the slave to confirm ${a.id}: FLUSH_SLAVE_TIMEOUT (the message stays on the master)` }
        : { zh: `${a.broker} 刷盘 ${a.id} 超过 syncFlushTimeout，返回 FLUSH_DISK_TIMEOUT（消息还在 PageCache 中）`, en: `${a.broker}'s flush of ${a.id} took longer than syncFlushTimeout: FLUSH_DISK_TIMEOUT (the message is still in the page cache)` };
    case 'rocket.ha.append':
      return Array.isArray(a.dropped) && a.dropped.length > 0
        ? { zh: `${a.slave} 截断了 Master 上已不存在的 ${list(a.dropped)}，再从 Master 追加 ${a.count} 条`, en: `${a.slave} truncates ${list(a.dropped)}, which its master no longer has, then appends ${a.count} entries` }
        : { zh: `${a.slave} 从 Master 复制了 ${a.count} 条（共 ${a.length} 条）`, en: `${a.slave} replicates ${a.count} entries from its master (${a.length} in total)` };
    case 'rocket.ha.ack':
      return { zh: `${a.master} 收到 ${a.slave} 的复制进度：${a.acked}/${a.length}`, en: `${a.master} hears from ${a.slave}: ${a.acked} of ${a.length} entries replicated` };
    case 'rocket.ha.gap':
      return { zh: `${a.slave} 收到的数据有缺口（已有 ${a.have}，收到从 ${a.from} 开始的），请求 Master 从 ${a.have} 重发`, en: `${a.slave} sees a gap (has ${a.have}, got data from ${a.from}) and asks its master to resend from ${a.have}` };
    case 'rocket.ha.heartbeat':
      return { zh: `${a.slave} 向 Master 报告复制进度 ${a.length}（每 5 s）`, en: `${a.slave} reports its replication offset ${a.length} to the master (every 5 s)` };
    case 'rocket.broker.registerTick':
      return { zh: `${a.broker} 定时向所有 NameServer 注册（30 s）`, en: `${a.broker} registers with every NameServer (every 30 s)` };
    case 'rocket.broker.crash': {
      const lost = Array.isArray(a.lost) ? a.lost : [];
      if (!a.loseUnflushed)
        return { zh: `${a.broker}（${a.role}）进程被杀：PageCache 由操作系统保留，数据不丢；NameServer 立即感知连接断开`, en: `${a.broker} (${a.role}) process is killed: the OS keeps the page cache, so nothing is lost; the NameServer notices the closed connection at once` };
      const tail = lost.length
        ? { zh: `；${list(lost)} 既没刷盘也没复制到 Slave，永久丢失`, en: `; ${list(lost)} were neither flushed nor replicated and are gone for good` }
        : { zh: '；没有数据只存在于 PageCache 中', en: '; nothing existed only in the page cache' };
      const slave = n(a.onSlave) > 0 ? { zh: `（另有 ${a.onSlave} 条只在 Slave 上）`, en: ` (${a.onSlave} more exist only on the slave)` } : { zh: '', en: '' };
      return { zh: `${a.broker}（${a.role}）断电宕机：CommitLog ${a.length} 条，已刷盘 ${a.flushed} 条${slave.zh}${tail.zh}。4.x 主从模式不会自动切主（5.x Controller / DLedger 会）`, en: `${a.broker} (${a.role}) loses power: ${a.length} entries in its CommitLog, ${a.flushed} flushed${slave.en}${tail.en}. Classic 4.x master/slave has no automatic failover (5.x Controller mode / DLedger does)` };
    }
    case 'rocket.broker.restart':
      return n(a.recovered) > 0
        ? { zh: `${a.broker} 重启，从磁盘恢复并从 Slave 取回 ${a.recovered} 条，共 ${a.length} 条`, en: `${a.broker} restarts, recovers its disk and takes back ${a.recovered} entries from its slave: ${a.length} in total` }
        : { zh: `${a.broker} 重启，从磁盘恢复 ${a.length} 条`, en: `${a.broker} restarts and recovers ${a.length} entries from disk` };
    case 'rocket.broker.slowDisk':
      return { zh: `故障注入：${a.broker} 的磁盘变慢，每次刷盘需要 ${a.ms} ms`, en: `Fault: ${a.broker}'s disk slows down; each flush takes ${a.ms} ms` };

    // ---------------------------------------------------------------- broker: pulls, clients
    case 'rocket.broker.pullFound':
      return { zh: `${a.broker} 从 ${a.queue} 的 offset ${a.offset} 起返回 ${list(a.ids)} 给 ${a.consumer}`, en: `${a.broker} returns ${list(a.ids)} from ${a.queue} offset ${a.offset} to ${a.consumer}` };
    case 'rocket.broker.pullHold':
      return { zh: `${a.queue} 没有新消息，${a.broker} 挂起 ${a.consumer} 的拉取请求（长轮询，最多 15 s）`, en: `No new message in ${a.queue}; ${a.broker} holds ${a.consumer}'s pull (long polling, up to 15 s)` };
    case 'rocket.broker.pullTimeout':
      return { zh: `${a.broker} 挂起的拉取（${a.queue}）15 s 内没有新消息，返回 PULL_NOT_FOUND`, en: `${a.broker}'s held pull on ${a.queue} saw nothing new in 15 s: PULL_NOT_FOUND` };
    case 'rocket.broker.offsetIllegal':
      return { zh: `${a.consumer} 请求 ${a.queue} 的 offset ${a.offset}，但队列最大只有 ${a.maxOffset}（数据丢失后常见）：OFFSET_ILLEGAL，纠正到 ${a.maxOffset}`, en: `${a.consumer} asks ${a.queue} for offset ${a.offset} but the queue only reaches ${a.maxOffset} (typical after data loss): OFFSET_ILLEGAL, corrected to ${a.maxOffset}` };
    case 'rocket.broker.heartbeat':
      return a.isNew
        ? { zh: `${a.broker} 登记了 ${a.role === 'consumer' ? '消费者' : '生产者'} ${a.client}（组 ${a.group}）${a.role === 'consumer' ? '，通知组内消费者重新负载均衡' : ''}`, en: `${a.broker} registers ${a.role} ${a.client} (group ${a.group})${a.role === 'consumer' ? ' and tells the group to rebalance' : ''}` }
        : { zh: `${a.client} 向 ${a.broker} 发送心跳`, en: `${a.client} heartbeats ${a.broker}` };
    case 'rocket.broker.unregister':
      return { zh: `${a.client} 正常下线，${a.broker} 将其移出组 ${a.group} 并通知其他消费者`, en: `${a.client} shuts down cleanly; ${a.broker} removes it from ${a.group} and notifies the others` };
    case 'rocket.broker.consumerList':
      return { zh: `${a.broker} 告诉 ${a.client}：组 ${a.group} 的消费者是 ${list(a.cids)}`, en: `${a.broker} tells ${a.client} the consumers of ${a.group}: ${list(a.cids)}` };
    case 'rocket.broker.lock':
      return Array.isArray(a.refused) && a.refused.length > 0
        ? { zh: `${a.broker} 为 ${a.client} 锁定 ${list(a.locked)}；${list(a.refused)} 仍被其他消费者锁着（锁 60 s 过期）`, en: `${a.broker} locks ${list(a.locked)} for ${a.client}; ${list(a.refused)} is still locked by another consumer (locks expire after 60 s)` }
        : { zh: `${a.broker} 为 ${a.client} 锁定队列 ${list(a.locked)}（顺序消费要求先在 Broker 上加锁）`, en: `${a.broker} locks ${list(a.locked)} for ${a.client} (orderly consumption needs the broker-side lock)` };
    case 'rocket.broker.unlock':
      return { zh: `${a.client} 释放了 ${list(a.mqs)} 的锁`, en: `${a.client} unlocks ${list(a.mqs)}` };
    case 'rocket.broker.offset':
      return { zh: `${a.broker} 记录组 ${a.group} 的消费进度：${list(a.offsets)}`, en: `${a.broker} stores ${a.group}'s consume offsets: ${list(a.offsets)}` };
    case 'rocket.broker.housekeeping':
      return { zh: `${a.broker} 检查客户端连接：全部正常`, en: `${a.broker} checks client channels: all alive` };
    case 'rocket.broker.clientExpired':
      return { zh: `${a.broker} 已 120 s 没收到 ${list(a.clients)} 的心跳，将其移除并通知重新负载均衡`, en: `${a.broker} has not heard from ${list(a.clients)} for 120 s, removes it and triggers a rebalance` };

    // ---------------------------------------------------------------- retry, DLQ
    case 'rocket.broker.retry':
      return { zh: `${a.broker} 把 ${a.id} 放入 ${a.topic}，按延迟级别 ${a.level}（${a.delay}）经 SCHEDULE_TOPIC_XXXX 重投（第 ${a.failure} 次失败，级别 = 3 + reconsumeTimes）`, en: `${a.broker} puts ${a.id} into ${a.topic} via SCHEDULE_TOPIC_XXXX at delay level ${a.level} (${a.delay}) — failure ${a.failure}, level = 3 + reconsumeTimes` };
    case 'rocket.broker.dlq':
      return a.orderly
        ? { zh: `${a.broker} 把 ${a.id} 放入死信队列 ${a.topic}（顺序消费本地重试达到 maxReconsumeTimes）`, en: `${a.broker} moves ${a.id} to the dead-letter queue ${a.topic} (orderly local retries reached maxReconsumeTimes)` }
        : { zh: `${a.id} 已重试 ${a.reconsumeTimes} 次（maxReconsumeTimes），${a.broker} 把它放入死信队列 ${a.topic}；4.x 中死信 Topic 默认只写不读，需要人工处理`, en: `${a.id} has been retried ${a.reconsumeTimes} times (maxReconsumeTimes); ${a.broker} moves it to the dead-letter queue ${a.topic}. In 4.x the DLQ topic is write-only by default and needs manual handling` };
    case 'rocket.broker.sendBackFailed':
      return { zh: `${a.broker} 找不到 ${a.id} 的原消息，sendMessageBack 失败`, en: `${a.broker} cannot find the original of ${a.id}; sendMessageBack fails` };

    // ---------------------------------------------------------------- transactions
    case 'rocket.txn.local': {
      if (a.status !== 'SEND_OK')
        return { zh: `半消息 ${a.id} 返回 ${a.status}，不是 SEND_OK：不执行本地事务，直接 ROLLBACK_MESSAGE`, en: `The half message ${a.id} got ${a.status}, not SEND_OK: the local transaction is skipped and the producer sends ROLLBACK_MESSAGE` };
      const res = String(a.local);
      const zh = res === 'COMMIT_MESSAGE' ? '提交' : res === 'ROLLBACK_MESSAGE' ? '回滚' : '状态未知，等待 Broker 回查';
      const en = res === 'COMMIT_MESSAGE' ? 'commit' : res === 'ROLLBACK_MESSAGE' ? 'roll back' : 'unknown: the broker will check back';
      return { zh: `半消息 ${a.id} 写入成功（SEND_OK），${a.producer} 执行本地事务，结果 ${res}（${zh}），以单向 END_TRANSACTION 告诉 Broker`, en: `The half message ${a.id} is stored (SEND_OK); ${a.producer} runs its local transaction: ${res} (${en}), sent to the broker as a oneway END_TRANSACTION` };
    }
    case 'rocket.txn.commit':
      return { zh: `${a.broker} 提交事务消息 ${a.id}${a.fromCheck ? '（来自回查）' : ''}：写入 ${a.queue}，消费者现在可以看到它`, en: `${a.broker} commits ${a.id}${a.fromCheck ? ' (from a check-back)' : ''}: it is written to ${a.queue} and consumers can now see it` };
    case 'rocket.txn.rollback':
      return { zh: `${a.broker} 回滚事务消息 ${a.id}${a.fromCheck ? '（来自回查）' : ''}：半消息作废，消费者永远看不到`, en: `${a.broker} rolls back ${a.id}${a.fromCheck ? ' (from a check-back)' : ''}: the half message is discarded and consumers never see it` };
    case 'rocket.txn.unknown':
      return { zh: `${a.broker} 收到 ${a.id} 的 UNKNOW${a.fromCheck ? '（回查结果）' : ''}：保持半消息，稍后再回查`, en: `${a.broker} gets UNKNOW for ${a.id}${a.fromCheck ? ' from a check-back' : ''}: the half message stays and will be checked again` };
    case 'rocket.txn.check': {
      const ids = Array.isArray(a.ids) ? (a.ids as string[]) : [];
      const checks = Array.isArray(a.checks) ? (a.checks as number[]) : [];
      const each = ids.map((id, i) => `${id}#${checks[i]}`).join(', ');
      const disc = Array.isArray(a.discarded) && a.discarded.length > 0 ? { zh: `；${list(a.discarded)} 已回查 ${a.max} 次（transactionCheckMax），被丢弃`, en: `; ${list(a.discarded)} reached transactionCheckMax (${a.max}) and are discarded` } : { zh: '', en: '' };
      return {
        zh: `事务回查服务（每 ${n(a.interval) / 1000} s；4.x 默认 60 s，5.x 为 30 s）：向生产者组回查 ${each || '—'}（上限 ${a.max} 次）${disc.zh}`,
        en: `Transaction check service (every ${n(a.interval) / 1000} s; 60 s default in 4.x, 30 s in 5.x): checks back ${each || '—'} with the producer group (at most ${a.max} times)${disc.en}`,
      };
    }
    case 'rocket.txn.checkIdle':
      return { zh: `${a.broker} 的事务回查服务：没有需要回查的半消息`, en: `${a.broker}'s transaction check service: no half message to check` };
    case 'rocket.txn.checkLocal':
      return { zh: `${a.producer} 收到第 ${a.n} 次回查 CHECK_TRANSACTION_STATE，checkLocalTransaction 返回 ${a.result}`, en: `${a.producer} gets check-back #${a.n} (CHECK_TRANSACTION_STATE); checkLocalTransaction returns ${a.result}` };
    case 'rocket.txn.endIgnored':
      return { zh: `${a.broker} 忽略 ${a.id} 的 ${a.result}：事务已是 ${a.state}`, en: `${a.broker} ignores ${a.result} for ${a.id}: the transaction is already ${a.state}` };
    case 'rocket.txn.halfMissing':
      return { zh: `${a.broker} 要提交 ${a.id}，但半消息已随宕机丢失`, en: `${a.broker} would commit ${a.id} but the half message was lost in a crash` };

    // ---------------------------------------------------------------- consumer
    case 'rocket.consumer.start':
      return { zh: `消费者 ${a.consumer}（组 ${a.group}）启动：查询路由、向 Broker 发心跳、负载均衡`, en: `Consumer ${a.consumer} (group ${a.group}) starts: fetches routes, heartbeats the brokers and rebalances` };
    case 'rocket.consumer.stop':
      return { zh: `消费者 ${a.consumer} 正常关闭：先提交消费进度（${list(a.offsets)}），再注销`, en: `Consumer ${a.consumer} shuts down cleanly: it persists its offsets (${list(a.offsets)}) and unregisters` };
    case 'rocket.consumer.crash':
      return { zh: `消费者 ${a.consumer} 崩溃（kill -9）：内存中的消费进度（${list(a.offsets)}）没来得及提交`, en: `Consumer ${a.consumer} crashes (kill -9): its in-memory offsets (${list(a.offsets)}) were never committed` };
    case 'rocket.consumer.crashAfterProcessing':
      return { zh: `${a.consumer} 处理完 ${a.id} 后、提交 offset ${a.offset} 之前崩溃：Broker 上的进度还停在它前面，这条消息会被再次投递`, en: `${a.consumer} crashes after processing ${a.id} but before committing offset ${a.offset}: the broker's offset is still behind it, so it will be delivered again` };
    case 'rocket.consumer.rebalanceStart':
      return { zh: `${a.consumer} 开始负载均衡，向 ${a.broker} 查询组内消费者`, en: `${a.consumer} rebalances and asks ${a.broker} for the group's consumers` };
    case 'rocket.consumer.rebalance': {
      if (a.strategy === 'BROADCASTING') return { zh: `${a.consumer} 是广播模式，消费全部队列：${list(a.assigned)}`, en: `${a.consumer} is BROADCASTING and takes every queue: ${list(a.assigned)}` };
      if (a.idle)
        return { zh: `${a.consumer} 用 ${strategy(a.strategy)} 在消费者 ${list(a.cids)} 间分配后没分到任何队列，处于空闲：消费者多于队列时，加消费者无法提高消费速度`, en: `${a.consumer} gets no queue from ${strategy(a.strategy)} among ${list(a.cids)} and stays idle: with more consumers than queues, adding consumers does not speed up consumption` };
      return { zh: `${a.consumer} 用 ${strategy(a.strategy)}（先对消费者 ${list(a.cids)} 和队列排序）分到 ${list(a.assigned)}；新增 ${list(a.added)}，移除 ${list(a.removed)}`, en: `${a.consumer} gets ${list(a.assigned)} from ${strategy(a.strategy)} (consumers ${list(a.cids)} and queues sorted first); added ${list(a.added)}, removed ${list(a.removed)}` };
    }
    case 'rocket.consumer.noBroker':
      return { zh: `${a.consumer} 找不到可用的 Broker，无法负载均衡`, en: `${a.consumer} finds no broker to rebalance with` };
    case 'rocket.consumer.notified':
      return { zh: `${a.broker} 通知 ${a.consumer}：组 ${a.group} 成员变化（NOTIFY_CONSUMER_IDS_CHANGED）`, en: `${a.broker} tells ${a.consumer} that ${a.group}'s members changed (NOTIFY_CONSUMER_IDS_CHANGED)` };
    case 'rocket.consumer.locked':
      return { zh: `${a.consumer} 拿到队列锁：${list(a.locked)}`, en: `${a.consumer} holds the locks of ${list(a.locked)}` };
    case 'rocket.consumer.pulled': {
      const ids = Array.isArray(a.ids) ? a.ids : [];
      if (a.status === 'OFFSET_ILLEGAL') return { zh: `${a.consumer} 的 ${a.queue} 进度非法，已纠正后继续拉取`, en: `${a.consumer}'s offset for ${a.queue} was illegal; corrected, it pulls again` };
      if (ids.length === 0) return { zh: `${a.consumer} 在 ${a.queue} 上没有新消息，立即再次发起长轮询`, en: `${a.consumer} got nothing new on ${a.queue} and long-polls again` };
      if (a.lite) return { zh: `${a.consumer}（LitePull）把 ${list(ids)} 从 ${a.queue} 拉进本地缓存，等待 poll()`, en: `${a.consumer} (lite pull) buffers ${list(ids)} from ${a.queue} until poll()` };
      const started = Array.isArray(a.started) && a.started.length ? { zh: `，交给监听器：${list(a.started)}`, en: `; the listener gets ${list(a.started)}` } : { zh: '，暂存在 ProcessQueue 中', en: '; they wait in the ProcessQueue' };
      return { zh: `${a.consumer} 从 ${a.broker} 拉到 ${a.queue} 的 ${list(ids)}${started.zh}`, en: `${a.consumer} pulls ${list(ids)} from ${a.queue} on ${a.broker}${started.en}` };
    }
    case 'rocket.consumer.pullDropped':
      return { zh: `${a.queue} 已不再分配给 ${a.consumer}，丢弃拉取结果`, en: `${a.queue} is no longer assigned to ${a.consumer}; the pull result is dropped` };
    case 'rocket.consumer.pullFailed':
      return { zh: `${a.consumer} 拉取 ${a.queue} 失败（${a.why}），3 s 后重试`, en: `${a.consumer}'s pull on ${a.queue} failed (${a.why}); it retries in 3 s` };
    case 'rocket.consumer.pullLater':
      return { zh: `${a.consumer} 重新尝试拉取 ${a.queue}`, en: `${a.consumer} tries to pull ${a.queue} again` };
    case 'rocket.consumer.done': {
      const next = Array.isArray(a.next) && a.next.length ? { zh: `；下一条 ${list(a.next)}`, en: `; next: ${list(a.next)}` } : { zh: '', en: '' };
      if (a.result === 'DUPLICATE')
        return { zh: `${a.consumer} 发现业务键已处理过，${a.id} 是重复消息，跳过业务逻辑直接 CONSUME_SUCCESS（幂等）${next.zh}`, en: `${a.consumer} finds ${a.id}'s business key already processed: a duplicate, acknowledged with CONSUME_SUCCESS without running the business logic (idempotent)${next.en}` };
      return { zh: `${a.consumer} 处理完 ${a.id}（${a.queue}，第 ${a.n} 次投递）：CONSUME_SUCCESS${a.listener === 'orderly' ? '，顺序消费推进进度' : ''}${next.zh}`, en: `${a.consumer} processes ${a.id} (${a.queue}, delivery ${a.n}): CONSUME_SUCCESS${a.listener === 'orderly' ? '; orderly consumption moves on' : ''}${next.en}` };
    }
    case 'rocket.consumer.failed': {
      if (a.dlq)
        return a.orderly
          ? { zh: `${a.consumer} 第 ${a.failure} 次消费 ${a.id} 失败，顺序消费本地重试已达 maxReconsumeTimes（${a.max}），送入 ${a.topic}，队列继续`, en: `${a.consumer} fails ${a.id} for the ${ord(n(a.failure))} time; orderly local retries reached maxReconsumeTimes (${a.max}), so it goes to ${a.topic} and the queue moves on` }
          : { zh: `${a.id} 第 ${a.failure} 次消费失败（RECONSUME_LATER），已达 maxReconsumeTimes（${a.max}），进入死信队列 ${a.topic}`, en: `${a.id} failed for the ${ord(n(a.failure))} time (RECONSUME_LATER) and has reached maxReconsumeTimes (${a.max}); it goes to the dead-letter queue ${a.topic}` };
      return { zh: `${a.id} 第 ${a.failure} 次消费失败（RECONSUME_LATER），进入 ${a.topic}，延迟级别 ${a.level}（${a.delay}）后重投`, en: `${a.id} failed for the ${ord(n(a.failure))} time (RECONSUME_LATER); it goes to ${a.topic} and is redelivered after delay level ${a.level} (${a.delay})` };
    }
    case 'rocket.consumer.suspend':
      return { zh: `${a.consumer} 消费 ${a.id} 失败，返回 SUSPEND_CURRENT_QUEUE_A_MOMENT：${a.queue} 暂停 ${a.ms} ms 后原地重试（第 ${a.localRetries} 次），后面的消息必须等待——顺序消费的代价`, en: `${a.consumer} fails ${a.id} and returns SUSPEND_CURRENT_QUEUE_A_MOMENT: ${a.queue} pauses ${a.ms} ms and retries it in place (retry ${a.localRetries}); everything behind it waits — the price of ordering` };
    case 'rocket.consumer.resume':
      return { zh: `${a.consumer} 恢复消费 ${a.queue}：${list(a.ids)}`, en: `${a.consumer} resumes ${a.queue}: ${list(a.ids)}` };
    case 'rocket.consumer.broadcastDrop':
      return { zh: `${a.consumer} 消费 ${a.id} 失败，但广播模式不重试：消息只记日志后被丢弃`, en: `${a.consumer} fails ${a.id}, but BROADCASTING does not retry: the failure is logged and the message dropped` };
    case 'rocket.consumer.sendBackLater':
      return { zh: `${a.consumer} 无法把 ${a.id} 发回 Broker，5 s 后在本地重新消费`, en: `${a.consumer} cannot send ${a.id} back to the broker; it re-consumes it locally in 5 s` };
    case 'rocket.consumer.consumeLater':
      return { zh: `${a.consumer} 在本地重新消费 ${list(a.ids)}`, en: `${a.consumer} re-consumes ${list(a.ids)} locally` };
    case 'rocket.consumer.sentBack':
      return { zh: `${a.id} 已交给 Broker 重试，${a.consumer} 在 ${a.queue} 上继续前进`, en: `${a.id} is handed back to the broker for retry; ${a.consumer} moves on in ${a.queue}` };
    case 'rocket.consumer.persist':
      return a.local
        ? { zh: `${a.consumer} 把消费进度写到本地文件（广播模式 LocalFileOffsetStore）：${list(a.offsets)}`, en: `${a.consumer} writes its offsets to a local file (BROADCASTING, LocalFileOffsetStore): ${list(a.offsets)}` }
        : { zh: `${a.consumer} 定时（5 s）向 Broker 提交消费进度：${list(a.offsets)}`, en: `${a.consumer} commits its offsets to the broker (every 5 s): ${list(a.offsets)}` };
    case 'rocket.consumer.requestFailed':
      return { zh: `${a.consumer} 的 ${a.request} 请求失败（${a.why}）`, en: `${a.consumer}'s ${a.request} request failed (${a.why})` };
    case 'rocket.consumer.poll':
      return { zh: `${a.consumer}.poll() 返回 ${list(a.ids)}，应用处理完毕，offset 将自动提交（autoCommit，5 s）`, en: `${a.consumer}.poll() returns ${list(a.ids)}; the application processes them and the offsets are auto-committed (every 5 s)` };
    case 'rocket.consumer.pollDown':
      return { zh: `${a.consumer} 未运行，poll() 无结果`, en: `${a.consumer} is not running; poll() returns nothing` };

    // ---------------------------------------------------------------- network, misc
    case 'rocket.net.refused':
      return { zh: `${a.to} 已宕机（进程不在），拒绝了 ${a.from} 的 ${a.type} 连接`, en: `${a.to} is down (no process listening) and refuses ${a.from}'s ${a.type}` };
    case 'rocket.net.unreachable':
      return { zh: `${a.to} 已宕机，${a.from} 的 ${a.type} 石沉大海`, en: `${a.to} is down; ${a.from}'s ${a.type} goes unanswered` };
    case 'rocket.step.ignored':
      return { zh: `${a.what} 被忽略：${a.node} 当前状态是 ${a.state}`, en: `${a.what} ignored: ${a.node} is ${a.state}` };
    case 'rocket.noop':
      return { zh: '过期的定时器或响应，已忽略', en: 'A stale timer or response, ignored' };
    default:
      return { zh: kind, en: kind };
  }
}
