/**
 * Narration for every Kafka event kind, in zh and en, generated only from the recorded args (so it
 * can be produced lazily for any event). Where ZooKeeper-era Kafka or pre-KIP-101 replicas behaved
 * differently, the narration says so.
 */
import type { ArgValue, Narration } from '../core/types';
import { narrateGroups } from './narrate-groups';

type A = Record<string, ArgValue>;
const list = (v: ArgValue | undefined): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === undefined || v === '' ? [] : [String(v)]);
const set = (v: ArgValue | undefined) => `{${list(v).join(', ')}}`;
const ids = (v: ArgValue | undefined) => list(v).join(', ');
const n = (zh: string, en: string): Narration => ({ zh, en });

const ERR_ZH: Record<string, string> = {
  NOT_ENOUGH_REPLICAS: 'ISR 数量低于 min.insync.replicas，拒绝写入（未追加）',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: '已追加到 leader 日志，但 ISR 已低于 min.insync.replicas',
  REQUEST_TIMED_OUT: '请求超时',
  NOT_LEADER_OR_FOLLOWER: '该 broker 不是此分区的 leader',
  OUT_OF_ORDER_SEQUENCE_NUMBER: '序列号不连续（前面的批次还没写入）',
  NETWORK_EXCEPTION: '连接已断开',
  FENCED_LEADER_EPOCH: '请求携带的 leader epoch 已过期',
  UNKNOWN_LEADER_EPOCH: 'leader 还不知道这个更新的 epoch',
  OFFSET_OUT_OF_RANGE: 'offset 超出 leader 日志范围',
  INVALID_UPDATE_VERSION: '分区 epoch 已过期',
  INELIGIBLE_REPLICA: '新加入的副本已被 fence',
  DELIVERY_TIMEOUT: '超过 delivery.timeout.ms',
};
const ERR_EN: Record<string, string> = {
  NOT_ENOUGH_REPLICAS: 'the ISR is smaller than min.insync.replicas, so the write is refused (nothing appended)',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 'the record is in the leader log, but the ISR fell below min.insync.replicas',
  REQUEST_TIMED_OUT: 'the request timed out',
  NOT_LEADER_OR_FOLLOWER: 'this broker is not the partition leader',
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'the sequence number has a gap (an earlier batch is not written yet)',
  NETWORK_EXCEPTION: 'the connection was closed',
  FENCED_LEADER_EPOCH: 'the request carries an old leader epoch',
  UNKNOWN_LEADER_EPOCH: 'the leader does not know that newer epoch yet',
  OFFSET_OUT_OF_RANGE: 'the offset is outside the leader log',
  INVALID_UPDATE_VERSION: 'the partition epoch is stale',
  INELIGIBLE_REPLICA: 'the replica being added is fenced',
  DELIVERY_TIMEOUT: 'delivery.timeout.ms has passed',
};
const ez = (e: ArgValue | undefined) => `${e}（${ERR_ZH[String(e)] ?? ''}）`;
const ee = (e: ArgValue | undefined) => `${e} (${ERR_EN[String(e)] ?? ''})`;

function changes(a: A): Narration {
  const tps = list(a.tps);
  const kinds = list(a.kinds);
  const leaders = list(a.leaders);
  const epochs = Array.isArray(a.epochs) ? a.epochs : [];
  const isrs = list(a.isrs);
  const missing = list(a.missing);
  const zh: string[] = [];
  const en: string[] = [];
  tps.forEach((tp, i) => {
    const isr = `{${(isrs[i] ?? '').split(',').filter(Boolean).join(', ')}}`;
    const miss = (missing[i] ?? '').split(',').filter(Boolean).join(', ');
    switch (kinds[i]) {
      case 'clean':
        zh.push(`${tp} 选出新 leader ${leaders[i]}（ISR 中按副本分配顺序第一个存活的副本），leader epoch ${epochs[i]}，ISR ${isr}`);
        en.push(`${tp} elects ${leaders[i]} (the first live ISR member in assignment order), leader epoch ${epochs[i]}, ISR ${isr}`);
        break;
      case 'unclean':
        zh.push(`${tp} 没有存活的 ISR 成员，unclean.leader.election.enable=true：选出不同步的副本 ${leaders[i]} 作为 leader（epoch ${epochs[i]}）${miss ? `，它没有已确认的 ${miss}——这些消息将丢失` : ''}`);
        en.push(`${tp} has no live ISR member and unclean.leader.election.enable=true: out-of-sync ${leaders[i]} becomes leader (epoch ${epochs[i]})${miss ? `; it lacks acknowledged ${miss}, which will be lost` : ''}`);
        break;
      case 'none':
        zh.push(`${tp} 没有存活的 ISR 成员且不允许 unclean 选举：分区离线（leader = -1），ISR 保留 ${isr}，等待它们回来`);
        en.push(`${tp} has no live ISR member and unclean election is off: the partition goes offline (leader -1); the ISR stays ${isr} until one of them returns`);
        break;
      case 'isr':
        zh.push(`${tp} 的 ISR 变为 ${isr}`);
        en.push(`${tp}'s ISR becomes ${isr}`);
        break;
    }
  });
  return n(zh.join('；'), en.join('; '));
}

const join = (a: Narration, b: Narration): Narration => ({ zh: b.zh ? `${a.zh}。${b.zh}` : a.zh, en: b.en ? `${a.en}. ${b.en}` : a.en });

export function narrateKafka(kind: string, a: A): Narration {
  switch (kind) {
    case 'kafka.produce': {
      const how =
        a.how === 'key'
          ? n(`key "${a.key}" 经 murmur2 哈希（${a.hash}）取正后对分区数取模 → ${a.tp}`, `key "${a.key}" hashes (murmur2 = ${a.hash}, made positive, modulo the partition count) to ${a.tp}`)
          : a.how === 'sticky'
            ? n(`没有 key：粘性分区器选中 ${a.tp}`, `no key: the sticky partitioner picks ${a.tp}`)
            : n(`指定分区 ${a.tp}`, `explicit partition ${a.tp}`);
      const seq = Number(a.seq) >= 0 ? n(`，序列号 ${a.seq}`, `, sequence ${a.seq}`) : n('', '');
      const sent = a.sent ? n(`，发送 ProduceRequest 给 leader ${a.leader}（acks=${a.acks}）`, `; ProduceRequest sent to leader ${a.leader} (acks=${a.acks})`) : n('，暂存在发送缓冲区等待发送', '; it waits in the accumulator');
      const zero = a.acks === '0' && a.sent ? n('。acks=0：生产者不等任何响应，直接视为成功', '. acks=0: the producer waits for nothing and reports success at once') : n('', '');
      return n(`${a.producer} 发送 ${a.id}：${how.zh}${seq.zh}${sent.zh}${zero.zh}`, `${a.producer} sends ${a.id}: ${how.en}${seq.en}${sent.en}${zero.en}`);
    }
    case 'kafka.produce.reject':
      if (a.error === 'NOT_ENOUGH_REPLICAS')
        return n(`${a.broker} 拒绝 ${a.id}：${a.tp} 的 ISR ${set(a.isr)} 只有 ${list(a.isr).length} 个副本，少于 min.insync.replicas=${a.minIsr}（acks=all）。消息没有写入`, `${a.broker} refuses ${a.id}: ${a.tp}'s ISR ${set(a.isr)} has ${list(a.isr).length} replica(s), fewer than min.insync.replicas=${a.minIsr} (acks=all). Nothing is written`);
      if (a.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER')
        return n(`${a.broker} 拒绝 ${a.id}：序列号 ${a.seq} 不紧跟在已写入的 ${a.lastSeq} 之后（KIP-98 幂等性）`, `${a.broker} rejects ${a.id}: sequence ${a.seq} does not follow the last written ${a.lastSeq} (KIP-98 idempotence)`);
      return n(`${a.broker} 拒绝 ${a.id}：${ez(a.error)}`, `${a.broker} rejects ${a.id}: ${ee(a.error)}`);
    case 'kafka.produce.duplicate':
      return n(`${a.broker} 识别出 ${a.id} 是重试的重复批次（producer id + 序列号 ${a.seq} 已在 offset ${a.offset}）：不再追加，直接返回原 offset（KIP-98）`, `${a.broker} recognises ${a.id} as a retried duplicate (producer id + sequence ${a.seq} already at offset ${a.offset}): nothing is appended, the original offset is returned (KIP-98)`);
    case 'kafka.produce.append': {
      const base = n(`leader ${a.broker} 将 ${a.id} 追加到 ${a.tp} 的 offset ${a.offset}（leader epoch ${a.epoch}），LEO=${a.leo}，HW=${a.hw}`, `Leader ${a.broker} appends ${a.id} to ${a.tp} at offset ${a.offset} (leader epoch ${a.epoch}); LEO=${a.leo}, HW=${a.hw}`);
      const tail =
        a.acks === '1'
          ? n('acks=1：leader 写入本地日志后立即确认，不等 follower', 'acks=1: the leader acknowledges as soon as its own log has it, without waiting for followers')
          : a.acks === '0'
            ? n('acks=0：不返回响应', 'acks=0: no response is sent')
            : a.waiting
              ? n(`acks=all：等待 ISR ${set(a.isr)} 全部复制到 offset ${a.offset}（HW 超过它）后才确认`, `acks=all: the response waits until every ISR member ${set(a.isr)} has offset ${a.offset} (the HW passes it)`)
              : n(`acks=all：ISR 只有 ${set(a.isr)}，HW 已越过该 offset，立即确认`, `acks=all: the ISR is only ${set(a.isr)}, so the HW already covers it and the ack goes out now`);
      return join(base, tail);
    }
    case 'kafka.produce.ack':
      return n(`${a.producer} 收到 ${a.id} 的确认（${a.tp} offset ${a.offset}，第 ${a.attempts} 次尝试）`, `${a.producer} gets the ack for ${a.id} (${a.tp} offset ${a.offset}, attempt ${a.attempts})`);
    case 'kafka.produce.retry':
      return n(`${a.producer} 的 ${a.id} 失败：${ez(a.error)}。可重试错误，${a.backoffMs} ms 后重试（第 ${a.attempts} 次尝试已用，retries=${a.retries}）`, `${a.producer}'s ${a.id} failed: ${ee(a.error)}. Retriable: it retries in ${a.backoffMs} ms (attempt ${a.attempts} used, retries=${a.retries})`);
    case 'kafka.produce.error':
      return n(`${a.producer} 的 ${a.id} 最终失败：${ez(a.finalError ?? a.error)}，不再重试`, `${a.producer}'s ${a.id} finally fails: ${ee(a.finalError ?? a.error)}; no more retries`);
    case 'kafka.produce.late':
      return n(`${a.producer} 已放弃这个请求，迟到的响应（${a.id}，${a.error ?? `offset ${a.offset}`}）被忽略——但消息可能已经在日志里`, `${a.producer} already gave up on this request; the late response (${a.id}, ${a.error ?? `offset ${a.offset}`}) is ignored — yet the record may well be in the log`);
    case 'kafka.produce.expire':
      return n(`${a.broker} 的生产请求等待超时（${ids(a.ids)}）：HW 没有及时越过，返回 REQUEST_TIMED_OUT`, `${a.broker}'s waiting produce request(s) expire (${ids(a.ids)}): the HW did not pass them in time, REQUEST_TIMED_OUT`);
    case 'kafka.producer.timer': {
      const zh: string[] = [];
      const en: string[] = [];
      if (list(a.timedOut).length) {
        zh.push(`${ids(a.timedOut)} 超过 request.timeout.ms=${a.requestTimeoutMs} 没有响应，连接被关闭，该连接上的请求全部失败`);
        en.push(`${ids(a.timedOut)} got no response within request.timeout.ms=${a.requestTimeoutMs}; the connection is closed and every request on it fails`);
      }
      if (list(a.retried).length) {
        zh.push(`将重试 ${ids(a.retried)}`);
        en.push(`will retry ${ids(a.retried)}`);
      }
      if (list(a.failed).length) {
        zh.push(`${ids(a.failed)} 最终失败（重试用尽或超过 delivery.timeout.ms=${a.deliveryTimeoutMs}）`);
        en.push(`${ids(a.failed)} finally fail (retries exhausted or delivery.timeout.ms=${a.deliveryTimeoutMs} passed)`);
      }
      if (list(a.sent).length) {
        zh.push(`重新发送 ${ids(a.sent)}`);
        en.push(`re-sends ${ids(a.sent)}`);
      }
      if (!zh.length) return n(`${a.producer} 检查超时：没有到期的请求`, `${a.producer} checks its deadlines: nothing has expired`);
      return n(`${a.producer}：${zh.join('；')}`, `${a.producer}: ${en.join('; ')}`);
    }
    case 'kafka.fetch.error':
      return n(`${a.leader} 拒绝 ${a.from} 对 ${a.tp} 的拉取：${ez(a.error)}`, `${a.leader} refuses ${a.from}'s fetch of ${a.tp}: ${ee(a.error)}`);
    case 'kafka.fetch.consumer':
      return n(`消费者 ${a.from} 从 ${a.leader} 拉取 ${a.tp}（offset ${a.fetchOffset}）：只返回 HW=${a.hw} 以下的记录（LEO=${a.leo}）`, `Consumer ${a.from} fetches ${a.tp} from ${a.leader} at offset ${a.fetchOffset}: only records below the HW=${a.hw} are returned (LEO=${a.leo})`);
    case 'kafka.fetch.consumer.park':
      return n(`消费者 ${a.from} 在 offset ${a.fetchOffset} 没有可读记录（HW=${a.hw}${Number(a.leo) > Number(a.hw) ? `，HW 与 LEO=${a.leo} 之间的记录尚未提交，不可见` : ''}）：请求挂起等待`, `Consumer ${a.from} has nothing to read at offset ${a.fetchOffset} (HW=${a.hw}${Number(a.leo) > Number(a.hw) ? `; records between the HW and LEO=${a.leo} are not committed, so invisible` : ''}): the fetch waits`);
    case 'kafka.fetch.follower': {
      const learn = n(`${a.leader} 收到 ${a.from} 对 ${a.tp} 的拉取，fetch offset ${a.fetchOffset} 就是 ${a.from} 的 LEO`, `${a.leader} gets ${a.from}'s fetch of ${a.tp}; fetch offset ${a.fetchOffset} is ${a.from}'s LEO`);
      const parts: Narration[] = [];
      if (Number(a.hw) > Number(a.hwBefore)) parts.push(n(`HW 从 ${a.hwBefore} 前进到 ${a.hw}${list(a.acked).length ? `，acks=all 的 ${ids(a.acked)} 得到确认` : ''}${list(a.failed).length ? `，${ids(a.failed)} 因 ISR 不足返回 NOT_ENOUGH_REPLICAS_AFTER_APPEND` : ''}`, `the HW moves from ${a.hwBefore} to ${a.hw}${list(a.acked).length ? `; acks=all ${ids(a.acked)} can be acknowledged` : ''}${list(a.failed).length ? `; ${ids(a.failed)} get NOT_ENOUGH_REPLICAS_AFTER_APPEND (ISR too small)` : ''}`));
      if (a.expand) parts.push(n(`${a.from} 已追上 HW，leader 申请把它加回 ISR`, `${a.from} has caught up to the HW; the leader asks to add it back to the ISR`));
      parts.push(a.parked ? n(`没有新数据，请求挂起最多 replica.fetch.wait.max.ms`, `no new data: the fetch is parked for up to replica.fetch.wait.max.ms`) : n(`返回 ${a.count} 条记录和 HW=${a.hw}`, `it returns ${a.count} record(s) and HW=${a.hw}`));
      return parts.reduce(join, learn);
    }
    case 'kafka.replicate':
      return list(a.ids).length
        ? n(`follower ${a.follower} 从 ${a.leader} 复制 ${ids(a.ids)} 到 ${a.tp}，LEO=${a.leo}；HW 取 leader 的 HW 与自身 LEO 的较小值 = ${a.hw}（follower 的 HW 总是晚一轮）`, `Follower ${a.follower} copies ${ids(a.ids)} of ${a.tp} from ${a.leader}; LEO=${a.leo}; its HW = min(leader HW, own LEO) = ${a.hw} (a follower's HW lags one round trip)`)
        : n(`follower ${a.follower} 的拉取返回：无新数据，HW=${a.hw}${Number(a.hw) > Number(a.hwBefore) ? `（从 ${a.hwBefore} 更新，比 leader 晚一轮得知）` : ''}`, `Follower ${a.follower}'s fetch returns no new data; HW=${a.hw}${Number(a.hw) > Number(a.hwBefore) ? ` (up from ${a.hwBefore}, learnt one round trip after the leader)` : ''}`);
    case 'kafka.fetch.failed':
      return n(`follower ${a.follower} 拉取 ${a.tp} 失败：${ez(a.error)}，稍后重试（replica.fetch.backoff.ms）`, `Follower ${a.follower}'s fetch of ${a.tp} failed: ${ee(a.error)}; it retries after replica.fetch.backoff.ms`);
    case 'kafka.epoch.query':
      return a.error
        ? n(`${a.leader} 无法回答 ${a.follower} 的 OffsetsForLeaderEpoch：${ez(a.error)}`, `${a.leader} cannot answer ${a.follower}'s OffsetsForLeaderEpoch: ${ee(a.error)}`)
        : n(`${a.follower} 询问 leader ${a.leader}：epoch ${a.requested} 在你那里结束于哪个 offset？答：epoch ${a.epoch} 结束于 ${a.endOffset}（KIP-101）`, `${a.follower} asks leader ${a.leader} where epoch ${a.requested} ends; answer: epoch ${a.epoch} ends at ${a.endOffset} (KIP-101)`);
    case 'kafka.epoch.error':
      return n(`${a.follower} 的 OffsetsForLeaderEpoch 失败：${ez(a.error)}，稍后重试`, `${a.follower}'s OffsetsForLeaderEpoch failed: ${ee(a.error)}; it will retry`);
    case 'kafka.truncate': {
      const removed = list(a.removed);
      const lost = list(a.lost);
      const main = removed.length
        ? n(`${a.follower} 按 leader epoch 把 ${a.tp} 截断到 offset ${a.to}，删除 ${ids(removed)}（leader ${a.leader} 没有它们）`, `${a.follower} truncates ${a.tp} to offset ${a.to} using leader epochs, removing ${ids(removed)} (leader ${a.leader} does not have them)`)
        : n(`${a.follower} 按 leader epoch 检查 ${a.tp}：日志与 leader ${a.leader} 一致，无需截断（截断点 ${a.to}）`, `${a.follower} checks ${a.tp} against leader ${a.leader} by leader epoch: the logs agree, nothing to truncate (offset ${a.to})`);
      const loss = lost.length ? n(`已确认的 ${ids(lost)} 就此永久丢失`, `acknowledged ${ids(lost)}: lost for good`) : n('', '');
      const pre = n(`KIP-101 之前（Kafka 0.11 之前），follower 会直接截断到自己的 HW（${a.hwBefore}）：HW 晚一轮才更新，这可能删掉已提交的消息，或让副本日志分叉`, `Before KIP-101 (Kafka < 0.11) a follower truncated to its own HW (${a.hwBefore}) instead; since a follower's HW lags a round trip, that could delete committed records or leave replicas diverged`);
      return join(join(main, loss), pre);
    }
    case 'kafka.truncate.range':
      return n(`${a.follower} 的 offset 超出 leader ${a.leader} 的日志：截断到 ${a.to}${list(a.removed).length ? `，删除 ${ids(a.removed)}` : ''}${list(a.lost).length ? `（已确认的 ${ids(a.lost)} 丢失）` : ''}`, `${a.follower} is ahead of leader ${a.leader}'s log: it truncates to ${a.to}${list(a.removed).length ? `, removing ${ids(a.removed)}` : ''}${list(a.lost).length ? ` (acknowledged ${ids(a.lost)} are lost)` : ''}`);
    case 'kafka.stale':
      return n(`${a.broker} 忽略过期的 ${a.type}（${a.tp}）`, `${a.broker} ignores a stale ${a.type} (${a.tp})`);
    case 'kafka.isr.check':
      return n(`${a.broker} 检查 ISR：所有 follower 都在 replica.lag.time.max.ms 内追上过`, `${a.broker} checks its ISRs: every follower caught up within replica.lag.time.max.ms`);
    case 'kafka.isr.propose': {
      const tps = list(a.tps);
      const rem = list(a.removed);
      return n(
        `${a.broker} 发现 ${tps.map((t, i) => `${t} 的 ${rem[i]}`).join('、')} 超过 ${a.lagMs} ms（replica.lag.time.max.ms）未追上，向 controller 发送 AlterPartition 收缩 ISR`,
        `${a.broker} finds ${tps.map((t, i) => `${rem[i]} on ${t}`).join(', ')} not caught up for ${a.lagMs} ms (replica.lag.time.max.ms) and sends AlterPartition to the controller to shrink the ISR`,
      );
    }
    case 'kafka.isr.shrink':
      return n(`${a.tp} 的 ISR 收缩为 ${set(a.isr)}：${ids(a.removed)} 已超过 ${a.lagMs} ms（replica.lag.time.max.ms）未追上。（ZooKeeper 时代由 leader 直接写 ZooKeeper 中的 ISR）`, `ISR of ${a.tp} shrank to ${set(a.isr)}: ${ids(a.removed)} has not caught up for ${a.lagMs} ms (replica.lag.time.max.ms). (In ZooKeeper mode the leader wrote the ISR to ZooKeeper itself.)`);
    case 'kafka.isr.expand':
      return n(`${a.tp} 的 ISR 扩展为 ${set(a.isr)}：${ids(a.added)} 已追上 leader 的 HW`, `ISR of ${a.tp} expanded to ${set(a.isr)}: ${ids(a.added)} caught up with the leader's HW`);
    case 'kafka.isr.reject':
      return n(`controller 拒绝 ${a.leader} 对 ${a.tp} 的 ISR 变更：${ez(a.error)}`, `The controller rejects ${a.leader}'s ISR change for ${a.tp}: ${ee(a.error)}`);
    case 'kafka.isr.applied': {
      const base = n(`${a.leader} 得知 ${a.tp} 的 ISR 为 ${set(a.isr)}${a.error ? `（变更被拒：${a.error}）` : ''}`, `${a.leader} learns ${a.tp}'s ISR is ${set(a.isr)}${a.error ? ` (change rejected: ${a.error})` : ''}`);
      if (Number(a.hw) <= Number(a.hwBefore)) return base;
      return join(base, n(`HW 前进到 ${a.hw}${list(a.acked).length ? `，${ids(a.acked)} 得到确认` : ''}${list(a.failed).length ? `，${ids(a.failed)} 返回 NOT_ENOUGH_REPLICAS_AFTER_APPEND（已写入 leader，但 ISR 小于 min.insync.replicas）` : ''}`, `the HW moves to ${a.hw}${list(a.acked).length ? `; ${ids(a.acked)} are acknowledged` : ''}${list(a.failed).length ? `; ${ids(a.failed)} get NOT_ENOUGH_REPLICAS_AFTER_APPEND (written on the leader, but the ISR is below min.insync.replicas)` : ''}`));
    }
    case 'kafka.broker.tick':
      return n(`${a.broker} 处理挂起的拉取（到期 ${a.expired} 个）${list(a.resent).length ? `，重发无响应的拉取：${ids(a.resent)}` : ''}`, `${a.broker} answers parked fetches that waited long enough (${a.expired})${list(a.resent).length ? `; re-sends unanswered fetches for ${ids(a.resent)}` : ''}`);
    case 'kafka.broker.register':
      return n(`${a.broker} 向 controller 注册（BrokerRegistration）`, `${a.broker} registers with the controller (BrokerRegistration)`);
    case 'kafka.broker.heartbeat':
      return n(`${a.broker} 向 controller 发送心跳`, `${a.broker} sends a heartbeat to the controller`);
    case 'kafka.controller.heartbeat':
      return n(`controller 收到 ${a.broker} 的心跳${a.behind ? '，并把它落后的元数据发给它' : ''}`, `The controller gets ${a.broker}'s heartbeat${a.behind ? ' and sends the metadata it missed' : ''}`);
    case 'kafka.metadata':
    case 'kafka.broker.registered':
    case 'kafka.broker.running': {
      const roles = list(a.roles).map((r) => r.split(':'));
      const zh = roles.map(([tp, role, ep]) => (role === 'leader' ? `成为 ${tp} 的 leader（epoch ${ep}）` : role === 'offline' ? `${tp} 没有 leader` : `成为 ${tp} 的 follower，${role.replace('follower of ', '跟随 ')}（epoch ${ep}）`)).join('；');
      const en = roles.map(([tp, role, ep]) => (role === 'leader' ? `becomes leader of ${tp} (epoch ${ep})` : role === 'offline' ? `${tp} has no leader` : `becomes a follower of ${tp}, ${role} (epoch ${ep})`)).join('; ');
      const head =
        kind === 'kafka.broker.registered'
          ? n(`${a.broker} 注册成功，加载元数据（仍处于 fenced 状态）`, `${a.broker} is registered and loads the metadata (still fenced)`)
          : kind === 'kafka.broker.running'
            ? n(`${a.broker} 已追上元数据，被 controller 解除 fence，进入 RUNNING`, `${a.broker} caught up with the metadata; the controller unfences it and it is RUNNING`)
            : n(`${a.broker} 应用 controller 的元数据（offset ${a.offset}）`, `${a.broker} applies the controller's metadata (offset ${a.offset})`);
      return zh ? join(head, n(zh, en)) : head;
    }
    case 'kafka.controller.tick':
      return n('controller 检查 broker 会话：都在有效期内', 'The controller checks broker sessions: all alive');
    case 'kafka.controller.fence': {
      const head = n(
        `controller 超过 ${a.timeoutMs} ms（broker.session.timeout.ms）没收到 ${ids(a.brokers)} 的心跳，将其 fence：移出所有 ISR，并为它领导的分区重新选主（ZooKeeper 时代：要等 ZooKeeper 会话过期，zookeeper.session.timeout.ms，再由 controller 发 LeaderAndIsr 请求）`,
        `The controller has had no heartbeat from ${ids(a.brokers)} for ${a.timeoutMs} ms (broker.session.timeout.ms) and fences it: out of every ISR, and its partitions get new leaders (ZooKeeper mode: after its ZooKeeper session expired, zookeeper.session.timeout.ms, the controller sent LeaderAndIsr requests)`,
      );
      return join(head, changes(a));
    }
    case 'kafka.controller.register': {
      const head = n(`controller 收到 ${ids(a.brokers)} 的注册（新的进程实例）${list(a.tps).length ? '：先 fence 旧实例' : ''}`, `The controller gets ${ids(a.brokers)}'s registration (a new incarnation)${list(a.tps).length ? ': it fences the old one first' : ''}`);
      return join(head, changes(a));
    }
    case 'kafka.controller.unfence':
      return join(n(`controller 解除对 ${ids(a.brokers)} 的 fence，它重新可以成为 leader 和 ISR 成员`, `The controller unfences ${ids(a.brokers)}: it may lead and join ISRs again`), changes(a));
    case 'kafka.broker.crash': {
      const lost = list(a.lost);
      const removed = list(a.removed);
      const base = n(`${a.broker} 崩溃${a.loseUnflushed ? '，机器掉电，页缓存中未刷盘的日志尾部丢失' : '（进程退出，页缓存保留，日志完整）'}`, `${a.broker} crashes${a.loseUnflushed ? '; the machine loses power and the unflushed log tail in the page cache is gone' : ' (the process dies; the page cache survives, so the log is intact)'}`);
      const tail = removed.length
        ? n(`丢失未刷盘记录 ${ids(removed)}（Kafka 默认不主动 fsync，log.flush.interval.* 未设置，依赖副本保证持久性）${lost.length ? `；已确认的 ${ids(lost)} 已没有任何副本——永久丢失` : ''}`, `unflushed records lost: ${ids(removed)} (by default Kafka does not fsync — log.flush.interval.* unset — and relies on replication)${lost.length ? `; acknowledged ${ids(lost)} have no copy left anywhere — lost` : ''}`)
        : n('', '');
      return join(base, tail);
    }
    case 'kafka.broker.crash.noop':
      return n(`${a.broker} 已经停止`, `${a.broker} is already down`);
    case 'kafka.broker.restart':
      return n(`${a.broker} 重启：从磁盘加载日志（${ids(a.leos)}），以 STARTING 状态向 controller 注册`, `${a.broker} restarts: it loads its logs from disk (${ids(a.leos)}) and registers with the controller, STARTING`);
    case 'kafka.broker.restart.noop':
      return n(`${a.broker} 正在运行（${a.state}），无需重启`, `${a.broker} is running (${a.state}); nothing to restart`);
    case 'kafka.consumer.poll':
    case 'kafka.consumer.start':
      return n(`消费者 ${a.consumer} ${kind === 'kafka.consumer.start' ? '开始持续' : ''}拉取 ${ids(a.tps) || '（无可拉取的分区）'}`, `Consumer ${a.consumer} ${kind === 'kafka.consumer.start' ? 'starts polling' : 'polls'} ${ids(a.tps) || '(no partition can be fetched)'}`);
    case 'kafka.consumer.stop':
      return n(`消费者 ${a.consumer} 停止拉取`, `Consumer ${a.consumer} stops polling`);
    case 'kafka.consumer.idle':
    case 'kafka.consumer.tick':
      return n(`消费者 ${a.consumer} 检查拉取状态`, `Consumer ${a.consumer} checks its fetches`);
    case 'kafka.consumer.error':
      return n(`消费者 ${a.consumer} 拉取 ${a.tp} 失败：${ez(a.error)}${a.reset !== null ? `；按 auto.offset.reset 重置位置到 ${a.reset}` : ''}`, `Consumer ${a.consumer}'s fetch of ${a.tp} failed: ${ee(a.error)}${a.reset !== null ? `; auto.offset.reset moves its position to ${a.reset}` : ''}`);
    case 'kafka.consumer.records':
      return list(a.ids).length
        ? n(`消费者 ${a.consumer} 收到并处理 ${a.tp} 的 ${ids(a.ids)}（都在 HW=${a.hw} 以下），位置前进到 ${a.position}`, `Consumer ${a.consumer} receives and processes ${ids(a.ids)} from ${a.tp} (all below HW=${a.hw}); its position moves to ${a.position}`)
        : n(`消费者 ${a.consumer} 的拉取返回空（HW=${a.hw}）`, `Consumer ${a.consumer}'s fetch returns nothing (HW=${a.hw})`);
    case 'kafka.net.down':
      return a.refused
        ? n(`${a.type}（${a.from} → ${a.to}）：${a.to} 进程已停止，连接被拒绝（NETWORK_EXCEPTION）`, `${a.type} (${a.from} → ${a.to}): the ${a.to} process is down, so the connection is refused (NETWORK_EXCEPTION)`)
        : n(`${a.type}（${a.from} → ${a.to}）无人接收：${a.to} 已停止`, `${a.type} (${a.from} → ${a.to}) goes unanswered: ${a.to} is down`);
    default:
      return narrateGroups(kind, a) ?? n(kind, kind);
  }
}
