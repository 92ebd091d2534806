/**
 * Narration (zh + en) for every RabbitMQ event kind, generated only from the recorded args. An event
 * may carry `effects` (JSON strings, see broker.ts); each becomes a clause after the main sentence.
 */
import type { ArgValue, Narration } from '../core/types';

type A = Record<string, ArgValue>;
const list = (v: ArgValue | undefined) => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v));
const zhList = (v: ArgValue | undefined) => (Array.isArray(v) ? v.join('、') : list(v));
const x = (name: ArgValue | undefined) => (name === '' ? 'the default exchange' : String(name));
const xZh = (name: ArgValue | undefined) => (name === '' ? '默认交换机' : String(name));

const REASON_ZH: Record<string, string> = { rejected: '被拒绝', expired: '过期', maxlen: '超出长度上限', delivery_limit: '超过投递次数上限' };
const WHY: Record<string, Narration> = {
  'auto-ack': { zh: '自动确认的消息已被 broker 删除，随消费者一起丢失', en: 'it was auto-acked, so the broker had already forgotten it' },
  transient: { zh: '非持久化消息（delivery_mode 1）不会在重启后保留', en: 'a transient message (delivery_mode 1) does not survive a restart' },
  'non-durable-queue': { zh: '非持久化队列在重启时被删除', en: 'the non-durable queue is deleted by the restart' },
  'unsynchronised-mirror': { zh: '被提升为主的镜像未同步，没有这条消息（3.x 镜像队列的经典问题）', en: 'the promoted mirror was unsynchronised and never had it (a classic 3.x mirrored-queue hazard)' },
  uncommitted: { zh: '还没有复制到多数派，新 leader 没有它（发布者也从未收到确认）', en: 'it had not reached a majority, so the new leader lacks it (the publisher never got a confirm)' },
  'x-expires': { zh: '队列因 x-expires 过期被删除', en: 'the queue expired (x-expires) and was deleted' },
  'queue.delete': { zh: '队列被删除', en: 'the queue was deleted' },
};

/** One effect clause. */
function clause(e: A): Narration {
  switch (e.k) {
    case 'enq':
      return { zh: `${e.id} 进入 ${e.q}（就绪 ${e.ready} 条）`, en: `${e.id} enters ${e.q} (${e.ready} ready)` };
    case 'deliver':
      return {
        zh: `${e.q} 把 ${e.id} 投递给 ${e.c}（delivery tag ${e.tag}${e.redelivered ? '，redelivered=true' : ''}${e.autoAck ? '，自动确认：broker 立即删除' : ''}）`,
        en: `${e.q} delivers ${e.id} to ${e.c} (delivery tag ${e.tag}${e.redelivered ? ', redelivered=true' : ''}${e.autoAck ? ', auto-ack: the broker forgets it now' : ''})`,
      };
    case 'drop-head':
      return { zh: `${e.q} 已满（${e.bytes ? 'x-max-length-bytes' : 'x-max-length'}=${e.max}，x-overflow=drop-head），队首消息 ${e.id} 被挤掉`, en: `${e.q} is full (${e.bytes ? 'x-max-length-bytes' : 'x-max-length'}=${e.max}, x-overflow=drop-head): ${e.id} is dropped from the head` };
    case 'reject-publish':
      return { zh: `${e.q} 已满（上限 ${e.max}，x-overflow=${e.overflow}），拒收 ${e.id}${e.overflow === 'reject-publish-dlx' ? '并将其死信' : ''}，发布者将收到 basic.nack`, en: `${e.q} is full (limit ${e.max}, x-overflow=${e.overflow}) and refuses ${e.id}${e.overflow === 'reject-publish-dlx' ? ', dead-lettering it' : ''}; the publisher will get basic.nack` };
    case 'expired': {
      const why = e.perMessage ? `expiration=${e.ttl}` : `x-message-ttl=${e.ttl}`;
      return { zh: `${e.q} 的队首消息 ${e.id} 过期（${why}）`, en: `${e.id} at the head of ${e.q} expired (${why})` };
    }
    case 'delivery-limit':
      return { zh: `${e.id} 已被退回 ${e.count} 次，超过 ${e.q} 的投递上限（x-delivery-limit=${e.limit}）`, en: `${e.id} has been returned ${e.count} times, over the delivery limit of ${e.q} (x-delivery-limit=${e.limit})` };
    case 'dead': {
      const to = Array.isArray(e.to) && e.to.length > 0;
      return {
        zh: `${e.id} 从 ${e.q} 死信（原因 ${e.reason}：${REASON_ZH[String(e.reason)] ?? ''}）到 ${xZh(e.dlx)}，路由键 ${e.rk}${to ? `，进入 ${zhList(e.to)}，x-death 记录 queue=${e.q}、reason=${e.reason}` : e.exists ? '，但没有匹配的绑定，消息被丢弃' : '，但该交换机不存在，消息被丢弃'}`,
        en: `${e.id} is dead-lettered from ${e.q} (reason ${e.reason}) to ${x(e.dlx)} with routing key ${e.rk}${to ? ` into ${list(e.to)}, with x-death queue=${e.q}, reason=${e.reason}` : e.exists ? ', but nothing is bound for it, so it is dropped' : ', but that exchange does not exist, so it is dropped'}`,
      };
    }
    case 'discard':
      return { zh: `${e.q} 没有配置 x-dead-letter-exchange，${e.id} 被直接丢弃（${e.reason}）`, en: `${e.q} has no x-dead-letter-exchange, so ${e.id} is discarded (${e.reason})` };
    case 'dl-cycle':
      return { zh: `死信循环：${e.id} 会回到它已经死信过的 ${e.to}，且途中没有被拒绝，RabbitMQ 丢弃它`, en: `Dead-letter cycle: ${e.id} would return to ${e.to}, where it already died with no rejection on the way, so RabbitMQ drops it` };
    case 'requeue':
      return { zh: `${e.id} 回到 ${e.q} 原来的位置（redelivered=true，第 ${e.count} 次退回）`, en: `${e.id} goes back to its original position in ${e.q} (redelivered=true, returned ${e.count} time(s))` };
    case 'append':
      return e.quorum
        ? { zh: `${e.q} 的 leader 把 ${zhList(e.ids)} 追加到 Raft 日志并复制给 ${zhList(e.to)}`, en: `the ${e.q} leader appends ${list(e.ids)} to its Raft log and replicates to ${list(e.to)}` }
        : { zh: `${e.q} 的主副本把 ${zhList(e.ids)} 广播给镜像 ${zhList(e.to)}`, en: `the ${e.q} master broadcasts ${list(e.ids)} to mirrors ${list(e.to)}` };
    case 'commit':
      return e.quorum
        ? { zh: `多数派已持有 ${zhList(e.ids)}：在 ${e.q} 中提交，可以投递和确认`, en: `a majority holds ${list(e.ids)}: committed in ${e.q}, ready for delivery and confirms` }
        : { zh: `所有存活镜像都持有 ${zhList(e.ids)}：${e.q} 可以投递和确认`, en: `every live mirror holds ${list(e.ids)}: ${e.q} can deliver and confirm them` };
    case 'no-leader':
      return { zh: `${e.q} 正在选举 leader，${e.id} 暂存等待`, en: `${e.q} is electing a leader; ${e.id} waits` };
    case 'confirm-sent':
      return { zh: `broker 向 ${e.p} 发送 ${e.nack ? 'basic.nack' : 'basic.ack'}（${e.id}）`, en: `the broker sends ${e.nack ? 'basic.nack' : 'basic.ack'} for ${e.id} to ${e.p}` };
    case 'queue-unavailable':
      return { zh: `${e.q} 所在节点不可用，${e.id} 无法入队`, en: `${e.q} is unavailable (its node is down); ${e.id} cannot be enqueued` };
    case 'no-quorum':
      return { zh: `${e.q} 只有 ${e.up} 个成员在线，需要 ${e.need} 个才能选出 leader：队列不可用`, en: `only ${e.up} member(s) of ${e.q} are up and ${e.need} are needed to elect a leader: the queue is unavailable` };
    case 'elected':
      return e.quorum
        ? { zh: `${e.node} 当选 ${e.q} 的新 leader（日志最新的在线成员），已提交的消息都在`, en: `${e.node} becomes the new leader of ${e.q} (the most up-to-date live member); every committed message is still there` }
        : { zh: `${e.node} 上的镜像被提升为 ${e.q} 的新主副本，未确认的投递全部重新入队`, en: `the mirror on ${e.node} is promoted to master of ${e.q}; every unacked delivery is requeued` };
    case 'lost': {
      const why = WHY[String(e.why)] ?? { zh: String(e.why), en: String(e.why) };
      return { zh: `${e.id} 丢失：${why.zh}`, en: `${e.id} is lost: ${why.en}` };
    }
    case 'publish-failed':
      return { zh: `${e.p} 没有可用的连接，发布 ${e.id} 失败`, en: `${e.p} has no open connection; publishing ${e.id} fails` };
    case 'conn-lost':
      return { zh: `${e.client} 与 ${e.node} 的连接断开${e.recover ? '，稍后自动重连' : ''}`, en: `${e.client} loses its connection to ${e.node}${e.recover ? ' and will recover it automatically' : ''}` };
    case 'member-down':
      return { zh: `${e.q} 在 ${e.node} 上的${e.quorum ? '成员' : '镜像'}下线`, en: `the ${e.q} ${e.quorum ? 'member' : 'mirror'} on ${e.node} goes down` };
    case 'member-up':
      return e.synced
        ? { zh: `${e.q} 在 ${e.node} 上的成员恢复，从 leader 追赶日志`, en: `the ${e.q} member on ${e.node} is back and catches up from the leader` }
        : { zh: `${e.q} 在 ${e.node} 上的镜像恢复，但未同步：只会收到之后的新消息`, en: `the ${e.q} mirror on ${e.node} is back but unsynchronised: it only gets messages published from now on` };
    case 'queue-down':
      return { zh: `${e.q} 随 ${e.node} 下线；磁盘上保留的持久化消息：${zhList(e.kept) || '无'}`, en: `${e.q} goes down with ${e.node}; persistent messages kept on disk: ${list(e.kept) || 'none'}` };
    case 'queue-up':
      return { zh: `${e.q} 在 ${e.node} 上恢复，就绪消息：${zhList(e.ready) || '无'}`, en: `${e.q} is back on ${e.node} with ready messages: ${list(e.ready) || 'none'}` };
    case 'queue-gone':
      return { zh: `非持久化（durable=false）队列 ${e.q} 随重启消失`, en: `the non-durable queue ${e.q} is gone after the restart` };
    default:
      return { zh: String(e.k), en: String(e.k) };
  }
}

/** Joins a dead-lettering cause with the dead-lettering that follows it into one sentence. */
function clauses(effects: A[]): Narration[] {
  const outp: Narration[] = [];
  for (let i = 0; i < effects.length; i++) {
    const e = effects[i];
    const n = effects[i + 1];
    const c = clause(e);
    if ((e.k === 'expired' || e.k === 'drop-head' || e.k === 'delivery-limit') && n && (n.k === 'dead' || n.k === 'discard') && n.id === e.id) {
      const m = n.k === 'dead' ? { zh: `，死信到 ${xZh(n.dlx)}，路由键 ${n.rk}${Array.isArray(n.to) && n.to.length ? `，进入 ${zhList(n.to)}` : '，但无处可去，被丢弃'}`, en: ` and was dead-lettered to ${x(n.dlx)} with routing key ${n.rk}${Array.isArray(n.to) && n.to.length ? ` into ${list(n.to)}` : ', which routes it nowhere, so it is dropped'}` } : { zh: '，没有死信交换机，被丢弃', en: ' and was discarded (no dead-letter exchange)' };
      outp.push({ zh: c.zh + m.zh, en: c.en + m.en });
      i++;
      continue;
    }
    outp.push(c);
  }
  return outp;
}

function main(kind: string, a: A): Narration {
  switch (kind) {
    case 'rabbit.publish':
      if (a.failed) return { zh: `${a.publisher} 尝试发布 ${a.id}`, en: `${a.publisher} tries to publish ${a.id}` };
      return {
        zh: `${a.publisher} 发布 ${a.id} 到 ${xZh(a.exchange)}，路由键 "${a.routingKey}"${a.persistent ? '，持久化' : ''}${a.mandatory ? '，mandatory' : ''}${a.expiration !== null && a.expiration !== undefined ? `，expiration=${a.expiration}` : ''}${a.tx ? '（事务中）' : ''}`,
        en: `${a.publisher} publishes ${a.id} to ${x(a.exchange)} with routing key "${a.routingKey}"${a.persistent ? ', persistent' : ''}${a.mandatory ? ', mandatory' : ''}${a.expiration !== null && a.expiration !== undefined ? `, expiration=${a.expiration}` : ''}${a.tx ? ' (in a transaction)' : ''}`,
      };
    case 'rabbit.publish.batch':
      return { zh: `${a.publisher} 开始发布 ${a.count} 条消息到 ${xZh(a.exchange)}（路由键 "${a.routingKey}"${Number(a.intervalMs) > 0 ? `，每 ${a.intervalMs} ms 一条` : ''}）`, en: `${a.publisher} starts publishing ${a.count} messages to ${x(a.exchange)} (routing key "${a.routingKey}"${Number(a.intervalMs) > 0 ? `, one every ${a.intervalMs} ms` : ''})` };
    case 'rabbit.route': {
      if (a.notFound) return { zh: `${a.node} 找不到交换机 ${a.exchange}：通道错误 404 NOT_FOUND，${a.id} 未被接收`, en: `${a.node} has no exchange ${a.exchange}: channel error 404 NOT_FOUND, ${a.id} is not accepted` };
      if (a.unroutable)
        return a.mandatory
          ? { zh: `${xZh(a.exchange)} 无法路由 ${a.id}（路由键 "${a.routingKey}"），因为 mandatory=true，broker 用 basic.return（312 NO_ROUTE）退回；开启确认时仍会发送 basic.ack`, en: `${x(a.exchange)} cannot route ${a.id} (routing key "${a.routingKey}"); mandatory=true, so the broker returns it with basic.return (312 NO_ROUTE) — and with confirms still sends basic.ack` }
          : { zh: `${xZh(a.exchange)} 无法路由 ${a.id}（路由键 "${a.routingKey}"），消息被静默丢弃；开启确认时仍会 basic.ack`, en: `${x(a.exchange)} cannot route ${a.id} (routing key "${a.routingKey}"): it is silently dropped — with confirms it is still acked` };
      const via = Array.isArray(a.alternates) && a.alternates.length > 0 ? { zh: `（无匹配绑定，转给备用交换机 ${zhList(a.alternates)}）`, en: ` (no binding matched, so it went to the alternate exchange ${list(a.alternates)})` } : Array.isArray(a.via) && a.via.length > 0 ? { zh: `（经过交换机 ${zhList(a.via)}）`, en: ` (via exchange ${list(a.via)})` } : { zh: '', en: '' };
      return { zh: `${a.node} 上 ${xZh(a.exchange)} 按路由键 "${a.routingKey}" 把 ${a.id} 路由到 ${zhList(a.queues)}${via.zh}`, en: `On ${a.node}, ${x(a.exchange)} routes ${a.id} with routing key "${a.routingKey}" to ${list(a.queues)}${via.en}` };
    }
    case 'rabbit.confirm':
      return a.ok
        ? { zh: `${a.publisher} 收到 ${a.id} 的 basic.ack（发布确认）${a.returned ? '——但它此前已被退回：确认只说明 broker 处理了它，不代表已入队' : ''}`, en: `${a.publisher} gets basic.ack for ${a.id} (publisher confirm)${a.returned ? ' — yet it was returned: a confirm only means the broker handled it, not that a queue has it' : ''}` }
        : { zh: `${a.publisher} 收到 ${a.id} 的 basic.nack：broker 没有接收它，需要重发或报错`, en: `${a.publisher} gets basic.nack for ${a.id}: the broker did not take it; retry or report` };
    case 'rabbit.return':
      return { zh: `${a.publisher} 收到 basic.return：${a.id} 无法路由（${a.replyCode} ${a.replyText}）`, en: `${a.publisher} gets basic.return: ${a.id} was unroutable (${a.replyCode} ${a.replyText})` };
    case 'rabbit.deliver':
      return { zh: `${a.consumer} 收到 ${a.id}（来自 ${a.queue}，tag ${a.tag}${a.redelivered ? '，redelivered=true：可能已处理过，注意幂等' : ''}${Array.isArray(a.xDeath) && a.xDeath.length ? `，x-death: ${zhList(a.xDeath)}` : ''}）`, en: `${a.consumer} receives ${a.id} from ${a.queue} (tag ${a.tag}${a.redelivered ? ', redelivered=true: it may have been processed already — be idempotent' : ''}${Array.isArray(a.xDeath) && a.xDeath.length ? `, x-death: ${list(a.xDeath)}` : ''})` };
    case 'rabbit.deliver.discarded':
      return a.autoAck ? { zh: `${a.id} 到达 ${a.consumer} 时通道已关闭，被丢弃——它是自动确认的，broker 已删除它`, en: `${a.id} reaches ${a.consumer} after its channel closed and is discarded — it was auto-acked, so the broker already deleted it` } : { zh: `${a.id} 到达 ${a.consumer} 时通道已关闭，被丢弃（broker 会把它重新入队）`, en: `${a.id} reaches ${a.consumer} after its channel closed and is discarded (the broker requeues it)` };
    case 'rabbit.process': {
      const act: Record<string, Narration> = {
        auto: { zh: '处理完成（自动确认，无需 ack）', en: 'finishes processing it (auto-ack: nothing to send)' },
        ack: { zh: '处理完成，发送 basic.ack', en: 'finishes processing it and sends basic.ack' },
        reject: { zh: '处理失败，发送 basic.reject（requeue=false）', en: 'fails and sends basic.reject (requeue=false)' },
        'reject-requeue': { zh: '处理失败，发送 basic.reject（requeue=true）', en: 'fails and sends basic.reject (requeue=true)' },
        nack: { zh: '处理失败，发送 basic.nack（requeue=false）', en: 'fails and sends basic.nack (requeue=false)' },
        'nack-requeue': { zh: '处理失败，发送 basic.nack（requeue=true）', en: 'fails and sends basic.nack (requeue=true)' },
        hold: { zh: '暂不确认，继续持有该投递', en: 'holds the delivery without settling it' },
      };
      const t = act[String(a.action)] ?? act.hold;
      return { zh: `${a.consumer} 对 ${a.id} ${t.zh}`, en: `${a.consumer} ${t.en} for ${a.id}` };
    }
    case 'rabbit.settle': {
      const t = String(a.type);
      if (t === 'basic.ack') return { zh: `${a.node} 收到 ${a.consumer} 对 ${a.id} 的 basic.ack，从 ${a.queue} 删除`, en: `${a.node} gets basic.ack for ${a.id} from ${a.consumer} and removes it from ${a.queue}` };
      return a.requeue ? { zh: `${a.node} 收到 ${a.consumer} 对 ${a.id} 的 ${t}（requeue=true）`, en: `${a.node} gets ${t} (requeue=true) for ${a.id} from ${a.consumer}` } : { zh: `${a.node} 收到 ${a.consumer} 对 ${a.id} 的 ${t}（requeue=false）`, en: `${a.node} gets ${t} (requeue=false) for ${a.id} from ${a.consumer}` };
    }
    case 'rabbit.settle.unknown':
      return { zh: `${a.node} 收到 ${a.consumer} 的 ${a.type}（tag ${a.tag}），但这个投递已不在未确认列表中（通道已关闭并重新入队）；真实 broker 会以 406 PRECONDITION_FAILED 关闭通道`, en: `${a.node} gets ${a.type} (tag ${a.tag}) from ${a.consumer} for a delivery it no longer holds (the channel closed and it was requeued); a real broker closes the channel with 406 PRECONDITION_FAILED` };
    case 'rabbit.settle.manual':
      return { zh: `${a.consumer} 手动发送 basic.${a.op}（${a.id}${a.op === 'ack' ? '' : `，requeue=${a.requeue}`}）`, en: `${a.consumer} sends basic.${a.op} for ${a.id}${a.op === 'ack' ? '' : ` (requeue=${a.requeue})`}` };
    case 'rabbit.settle.invalid':
      return { zh: `${a.consumer} 没有持有 ${a.id}，无法 ${a.op}`, en: `${a.consumer} does not hold ${a.id}; cannot ${a.op}` };
    case 'rabbit.consumer.start':
      return a.restart
        ? { zh: `${a.consumer} 重启，重新连接 ${a.node} 并订阅 ${a.queue}`, en: `${a.consumer} restarts, reconnects to ${a.node} and subscribes to ${a.queue}` }
        : { zh: `${a.consumer} 订阅 ${a.queue}（basic.consume，${a.autoAck ? '自动确认' : `手动确认，prefetch=${a.prefetch === 0 ? '不限' : a.prefetch}`}）`, en: `${a.consumer} subscribes to ${a.queue} (basic.consume, ${a.autoAck ? 'auto-ack' : `manual ack, prefetch=${a.prefetch === 0 ? 'unlimited' : a.prefetch}`})` };
    case 'rabbit.consumer.cancel':
      return { zh: `${a.consumer} 取消订阅 ${a.queue}（basic.cancel）；未确认的 ${zhList(a.unacked) || '无'} 仍归它处理`, en: `${a.consumer} cancels its subscription to ${a.queue} (basic.cancel); its unacked deliveries (${list(a.unacked) || 'none'}) stay with it` };
    case 'rabbit.consumer.crash':
      return a.autoAck
        ? { zh: `${a.consumer} 崩溃${a.processing ? `（正在处理 ${a.processing}）` : ''}：它是自动确认的，已收到未处理的消息随之丢失`, en: `${a.consumer} crashes${a.processing ? ` while processing ${a.processing}` : ''}: it used auto-ack, so what it had received but not processed is lost` }
        : { zh: `${a.consumer} 崩溃${a.processing ? `（正在处理 ${a.processing}）` : ''}：连接关闭，未确认的 ${zhList(a.unacked) || '无'} 回到 ${a.queue}`, en: `${a.consumer} crashes${a.processing ? ` while processing ${a.processing}` : ''}: its connection closes and its unacked deliveries (${list(a.unacked) || 'none'}) return to ${a.queue}` };
    case 'rabbit.consumer.set':
      return { zh: `${a.consumer} 调整：处理耗时 ${a.processingMs} ms，处理后 ${a.onMessage}，prefetch=${a.prefetch}`, en: `${a.consumer} now takes ${a.processingMs} ms per message, then ${a.onMessage}, prefetch=${a.prefetch}` };
    case 'rabbit.consumer.invalid':
      return { zh: `${a.consumer} 当前状态为 ${a.status}，不能执行 ${a.op}`, en: `${a.consumer} is ${a.status}; ${a.op} is not possible` };
    case 'rabbit.consumer.noNode':
      return { zh: `${a.consumer} 找不到可连接的节点`, en: `${a.consumer} finds no running node to connect to` };
    case 'rabbit.consumer.noQueue':
      return { zh: `${a.queue} 已不存在，${a.consumer} 无法订阅（404 NOT_FOUND）`, en: `${a.queue} no longer exists; ${a.consumer} cannot subscribe (404 NOT_FOUND)` };
    case 'rabbit.channel.close':
      return { zh: `${a.consumer} 关闭通道（channel.close）${Array.isArray(a.held) && a.held.length ? `，放弃手上的 ${zhList(a.held)}` : ''}`, en: `${a.consumer} closes its channel (channel.close)${Array.isArray(a.held) && a.held.length ? `, abandoning ${list(a.held)}` : ''}` };
    case 'rabbit.channel.closed':
      return { zh: `${a.node} 关闭 ${a.consumer} 的通道：未确认的 ${zhList(a.requeued) || '无'} 重新入队 ${a.queue}（redelivered=true）`, en: `${a.node} closes ${a.consumer}'s channel: its unacked deliveries (${list(a.requeued) || 'none'}) are requeued to ${a.queue} with redelivered=true` };
    case 'rabbit.channel.close-ok':
      return { zh: `${a.consumer} 收到 channel.close-ok，通道已关闭`, en: `${a.consumer} gets channel.close-ok; the channel is closed` };
    case 'rabbit.channel.invalid':
      return { zh: `${a.consumer} 的通道状态为 ${a.channel}，无法关闭`, en: `${a.consumer}'s channel is ${a.channel}; it cannot be closed` };
    case 'rabbit.channel.error':
      return { zh: `${a.client} 的通道被 broker 关闭：${a.replyCode} ${a.replyText}`, en: `the broker closes ${a.client}'s channel: ${a.replyCode} ${a.replyText}` };
    case 'rabbit.consumer_timeout':
      return { zh: `${a.consumer} 持有 ${a.id} 超过 consumer_timeout（${a.ms} ms）：broker 以 406 PRECONDITION_FAILED 关闭通道，${zhList(a.requeued)} 重新入队`, en: `${a.consumer} has held ${a.id} longer than consumer_timeout (${a.ms} ms): the broker closes the channel with 406 PRECONDITION_FAILED and requeues ${list(a.requeued)}` };
    case 'rabbit.consumer_timeout.skip':
      return { zh: `${a.consumer} 的投递已确认，consumer_timeout 未触发`, en: `${a.consumer}'s delivery was settled in time; consumer_timeout does not fire` };
    case 'rabbit.ttl':
      return { zh: `${a.queue} 检查队首的 TTL`, en: `${a.queue} checks the TTL of its head message` };
    case 'rabbit.queue.expires':
      return { zh: `${a.queue} 已 ${a.ms} ms 没有被使用（x-expires），被删除`, en: `${a.queue} has been unused for ${a.ms} ms (x-expires) and is deleted` };
    case 'rabbit.queue.expires.skip':
      return { zh: `${a.queue} 仍在使用，x-expires 不生效`, en: `${a.queue} is in use; x-expires does not apply` };
    case 'rabbit.get':
      return a.id === null ? { zh: `对 ${a.queue} 执行 basic.get：队列为空（basic.get-empty）`, en: `basic.get on ${a.queue}: the queue is empty (basic.get-empty)` } : { zh: `对 ${a.queue} 执行 basic.get（no-ack），取走队首的 ${a.id}${a.redelivered ? '（redelivered=true）' : ''}`, en: `basic.get (no-ack) on ${a.queue} takes ${a.id} from the head${a.redelivered ? ' (redelivered=true)' : ''}` };
    case 'rabbit.queue.purge':
      return { zh: `清空 ${a.queue}：${zhList(a.ids) || '无'}`, en: `${a.queue} is purged: ${list(a.ids) || 'nothing'}` };
    case 'rabbit.queue.delete':
      return { zh: `删除队列 ${a.queue}`, en: `Queue ${a.queue} is deleted` };
    case 'rabbit.bind':
      return { zh: `绑定 ${xZh(a.source)} → ${a.destination}（${a.destinationType}，路由键 "${a.routingKey}"）`, en: `Bind ${x(a.source)} → ${a.destination} (${a.destinationType}, routing key "${a.routingKey}")` };
    case 'rabbit.unbind':
      return { zh: `解除绑定 ${xZh(a.source)} → ${a.destination}（路由键 "${a.routingKey}"）`, en: `Unbind ${x(a.source)} → ${a.destination} (routing key "${a.routingKey}")` };
    case 'rabbit.node.crash':
      return { zh: `节点 ${a.node} 崩溃`, en: `Node ${a.node} crashes` };
    case 'rabbit.node.restart':
      return { zh: `节点 ${a.node} 重启（停机 ${a.downMs} ms）`, en: `Node ${a.node} restarts (down for ${a.downMs} ms)` };
    case 'rabbit.node.start':
      return { zh: `节点 ${a.node} 启动`, en: `Node ${a.node} starts` };
    case 'rabbit.node.invalid':
      return { zh: `节点 ${a.node} 当前为 ${a.status}，操作无效`, en: `Node ${a.node} is ${a.status}; nothing to do` };
    case 'rabbit.node.unreachable':
      return { zh: `${a.type} 到达已停止的节点 ${a.node}，被丢弃`, en: `${a.type} reaches the stopped node ${a.node} and is dropped` };
    case 'rabbit.recover':
      return { zh: `${a.client} 自动恢复连接到 ${a.node}${a.queue ? `，重新订阅 ${a.queue}` : ''}`, en: `${a.client} recovers its connection to ${a.node}${a.queue ? ` and resubscribes to ${a.queue}` : ''}` };
    case 'rabbit.recover.wait':
      return { zh: `${a.client} 尝试重连，但没有可用节点，等待节点恢复`, en: `${a.client} tries to reconnect, but no node is up; it waits` };
    case 'rabbit.recover.skip':
      return { zh: `${a.client} 无需重连`, en: `${a.client} needs no recovery` };
    case 'rabbit.elect':
      return { zh: `${a.queue} 完成故障转移，新 leader：${a.leader}`, en: `${a.queue} fails over; new leader: ${a.leader}` };
    case 'rabbit.elect.fail':
      return { zh: `${a.queue} 无法选出 leader`, en: `${a.queue} cannot elect a leader` };
    case 'rabbit.replica.append':
      return a.quorum ? { zh: `${a.node} 上的 ${a.queue} 副本写入日志到 #${a.match} 并回复 leader`, en: `The ${a.queue} replica on ${a.node} appends up to #${a.match} and replies to the leader` } : { zh: `${a.node} 上的 ${a.queue} 镜像收到 ${zhList(a.ids) || '同步'} 并回复`, en: `The ${a.queue} mirror on ${a.node} receives ${list(a.ids) || 'a sync'} and acknowledges` };
    case 'rabbit.replica.ack':
      return { zh: `${a.queue} 的 leader ${a.node} 得知 ${a.from} 已持有到 #${a.match}`, en: `${a.queue} leader ${a.node} learns that ${a.from} holds up to #${a.match}` };
    case 'rabbit.replica.ignore':
      return { zh: `${a.node} 忽略过期的复制消息（${a.queue}）`, en: `${a.node} ignores a stale replication message (${a.queue})` };
    case 'rabbit.tx.buffered':
      return { zh: `${a.node} 在 ${a.publisher} 的事务中暂存 ${a.id}，提交前不路由`, en: `${a.node} holds ${a.id} in ${a.publisher}'s transaction; nothing is routed before tx.commit` };
    case 'rabbit.tx.commit':
      return { zh: `${a.publisher} 发送 tx.commit（${zhList(a.ids) || '空事务'}）`, en: `${a.publisher} sends tx.commit (${list(a.ids) || 'empty transaction'})` };
    case 'rabbit.tx.rollback':
      return { zh: `${a.publisher} 发送 tx.rollback（${zhList(a.ids) || '空事务'}）`, en: `${a.publisher} sends tx.rollback (${list(a.ids) || 'empty transaction'})` };
    case 'rabbit.tx.invalid':
      return { zh: `${a.publisher} 不在事务模式或没有连接，${a.op} 无效`, en: `${a.publisher} is not transactional or not connected; ${a.op} is not possible` };
    case 'rabbit.broker.tx.commit':
      return { zh: `${a.node} 提交 ${a.publisher} 的事务：路由 ${zhList(a.ids) || '无'}`, en: `${a.node} commits ${a.publisher}'s transaction and routes ${list(a.ids) || 'nothing'}` };
    case 'rabbit.broker.tx.rollback':
      return { zh: `${a.node} 回滚 ${a.publisher} 的事务：丢弃 ${zhList(a.ids) || '无'}`, en: `${a.node} rolls back ${a.publisher}'s transaction, discarding ${list(a.ids) || 'nothing'}` };
    case 'rabbit.tx.commit-ok':
      return { zh: `${a.publisher} 收到 tx.commit-ok：${zhList(a.ids)} 已被 broker 接收`, en: `${a.publisher} gets tx.commit-ok: the broker has taken ${list(a.ids)}` };
    case 'rabbit.tx.rollback-ok':
      return { zh: `${a.publisher} 收到 tx.rollback-ok`, en: `${a.publisher} gets tx.rollback-ok` };
    default:
      return { zh: kind, en: kind };
  }
}

export function narrateRabbit(kind: string, args: A): Narration {
  const head = main(kind, args);
  const fx = Array.isArray(args.effects) ? (args.effects as string[]).map((s) => JSON.parse(s) as A) : [];
  if (fx.length === 0) return head;
  const cs = clauses(fx);
  return { zh: `${head.zh}。${cs.map((c) => c.zh).join('；')}`, en: `${head.en}. ${cs.map((c, i) => (i === 0 ? c.en.replace(/^(the|a|every|only) /, (w) => w[0].toUpperCase() + w.slice(1)) : c.en)).join('; ')}` };
}

/** Every main event kind this engine records (tests check each narrates in both languages). */
export const RABBIT_KINDS = [
  'rabbit.publish', 'rabbit.publish.batch', 'rabbit.route', 'rabbit.confirm', 'rabbit.return', 'rabbit.deliver', 'rabbit.deliver.discarded', 'rabbit.process',
  'rabbit.settle', 'rabbit.settle.unknown', 'rabbit.settle.manual', 'rabbit.settle.invalid', 'rabbit.consumer.start', 'rabbit.consumer.cancel',
  'rabbit.consumer.crash', 'rabbit.consumer.set', 'rabbit.consumer.invalid', 'rabbit.consumer.noNode', 'rabbit.consumer.noQueue',
  'rabbit.channel.close', 'rabbit.channel.closed', 'rabbit.channel.close-ok', 'rabbit.channel.invalid', 'rabbit.channel.error',
  'rabbit.consumer_timeout', 'rabbit.consumer_timeout.skip', 'rabbit.ttl', 'rabbit.queue.expires', 'rabbit.queue.expires.skip',
  'rabbit.queue.purge', 'rabbit.queue.delete', 'rabbit.get', 'rabbit.bind', 'rabbit.unbind', 'rabbit.node.crash', 'rabbit.node.restart',
  'rabbit.node.start', 'rabbit.node.invalid', 'rabbit.node.unreachable', 'rabbit.recover', 'rabbit.recover.wait', 'rabbit.recover.skip',
  'rabbit.elect', 'rabbit.elect.fail', 'rabbit.replica.append', 'rabbit.replica.ack', 'rabbit.replica.ignore', 'rabbit.tx.buffered',
  'rabbit.tx.commit', 'rabbit.tx.rollback', 'rabbit.tx.invalid', 'rabbit.broker.tx.commit', 'rabbit.broker.tx.rollback',
  'rabbit.tx.commit-ok', 'rabbit.tx.rollback-ok',
] as const;
