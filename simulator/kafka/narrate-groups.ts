/**
 * zh/en narration for consumer groups, offsets and transactions, generated only from the recorded args.
 * Returns null for kinds it does not know (narrate.ts handles the rest).
 */
import type { ArgValue, Narration } from '../core/types';

type A = Record<string, ArgValue>;
const list = (v: ArgValue | undefined): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === undefined || v === '' ? [] : [String(v)]);
const ids = (v: ArgValue | undefined) => list(v).join(', ');
const n = (zh: string, en: string): Narration => ({ zh, en });
const pairs = (tps: ArgValue | undefined, offs: ArgValue | undefined) => {
  const t = list(tps);
  const o = list(offs);
  return t.map((tp, i) => `${tp}@${o[i]}`).join(', ');
};

const GERR_ZH: Record<string, string> = {
  NOT_COORDINATOR: '该 broker 已不是这个组的协调者',
  COORDINATOR_NOT_AVAILABLE: '协调者所在的 broker 不可用',
  UNKNOWN_MEMBER_ID: '协调者不认识这个成员（已被移出组）',
  ILLEGAL_GENERATION: '代（generation）已过期，组已进入新的一代',
  REBALANCE_IN_PROGRESS: '组正在再均衡',
  INCONSISTENT_GROUP_PROTOCOL: '与组内成员没有共同的分配策略',
  UNSTABLE_OFFSET_COMMIT: '有未完成事务中的位移（KIP-447 require_stable）',
  PRODUCER_FENCED: '已有更新 epoch 的同名实例（僵尸被隔离）',
  INVALID_PRODUCER_EPOCH: 'producer epoch 过期（僵尸被隔离）',
  CONCURRENT_TRANSACTIONS: '上一个事务还在写标记',
  INVALID_TXN_STATE: '事务状态不允许该操作',
  NOT_LEADER_OR_FOLLOWER: '该 broker 不是分区 leader',
};
const GERR_EN: Record<string, string> = {
  NOT_COORDINATOR: 'this broker is no longer the group coordinator',
  COORDINATOR_NOT_AVAILABLE: 'the coordinator broker is unavailable',
  UNKNOWN_MEMBER_ID: 'the coordinator does not know this member (it was removed)',
  ILLEGAL_GENERATION: 'the generation is stale: the group has moved on',
  REBALANCE_IN_PROGRESS: 'the group is rebalancing',
  INCONSISTENT_GROUP_PROTOCOL: 'no assignor in common with the group',
  UNSTABLE_OFFSET_COMMIT: 'offsets of an open transaction are pending (KIP-447 require_stable)',
  PRODUCER_FENCED: 'an instance with a newer epoch exists (the zombie is fenced)',
  INVALID_PRODUCER_EPOCH: 'the producer epoch is stale (the zombie is fenced)',
  CONCURRENT_TRANSACTIONS: 'the previous transaction is still writing its markers',
  INVALID_TXN_STATE: 'the transaction state does not allow this',
  NOT_LEADER_OR_FOLLOWER: 'this broker is not the partition leader',
};
const ez = (e: ArgValue | undefined) => `${e}（${GERR_ZH[String(e)] ?? ''}）`;
const ee = (e: ArgValue | undefined) => `${e} (${GERR_EN[String(e)] ?? ''})`;

/** The coordinator answers a poll() handled, encoded by group-consumer.ts as "kind|arg|…". */
function noteText(note: string): Narration {
  const [k, x = '', y = '', z = '', v = ''] = note.split('|');
  const csv = (t: string) => t.split(',').filter(Boolean).join(', ');
  switch (k) {
    case 'stale':
      return n(`忽略过期的 ${x} 回复`, `ignores a stale ${x} answer`);
    case 'failed':
      return n(`${x} 失败：${ez(y)}，重新加入`, `${x} failed: ${ee(y)}; it will rejoin`);
    case 'leader':
      return n(`作为组 leader 用 ${x} 为第 ${y} 代计算分配并发送 SyncGroup`, `as the group leader it computes generation ${y}'s assignment with ${x} and sends SyncGroup`);
    case 'static':
      return n(`静态成员无需再均衡，直接发送 SyncGroup 取回第 ${x} 代的分配`, `as a static member it skips the rebalance and sends SyncGroup for generation ${x}'s assignment`);
    case 'follower':
      return n(`第 ${x} 代已形成，发送 SyncGroup 等待分配`, `generation ${x} is formed; it sends SyncGroup and waits for its assignment`);
    case 'sync':
      return n(
        `第 ${x} 代分配给它 [${csv(y)}]${z ? `，新增 ${csv(z)}（先用 OffsetFetch 读已提交位移）` : ''}${v ? `，撤销 ${csv(v)}（协作式：再发起一轮再均衡把它们交出去）` : ''}`,
        `generation ${x} gives it [${csv(y)}]${z ? `; new: ${csv(z)} (OffsetFetch first)` : ''}${v ? `; revoked: ${csv(v)} (cooperative: one more rebalance hands them over)` : ''}`,
      );
    default:
      return n(note, note);
  }
}

export function narrateGroups(kind: string, a: A): Narration | null {
  switch (kind) {
    // ------------------------------------------------------------ coordinator
    case 'kafka.group.notCoordinator':
      return n(`${a.from} 的 ${a.request} 发到了 ${a.broker}，但它已不是组 ${a.group} 的协调者（NOT_COORDINATOR）`, `${a.from}'s ${a.request} reached ${a.broker}, which is no longer the coordinator of group ${a.group} (NOT_COORDINATOR)`);
    case 'kafka.group.join.reject':
      return n(`组 ${a.group} 拒绝 ${a.member} 的 JoinGroup：${ez(a.error)}`, `Group ${a.group} refuses ${a.member}'s JoinGroup: ${ee(a.error)}`);
    case 'kafka.group.staticRejoin':
      return n(
        `静态成员 ${a.member}（group.instance.id=${a.instanceId}）在 session 超时前重新加入组 ${a.group}：组仍是 Stable，不再均衡，直接沿用第 ${a.generation} 代的分配 [${ids(a.assignment)}]（KIP-345）`,
        `Static member ${a.member} (group.instance.id=${a.instanceId}) rejoins group ${a.group} before its session expired: the group stays Stable, no rebalance, it keeps generation ${a.generation}'s assignment [${ids(a.assignment)}] (KIP-345)`,
      );
    case 'kafka.group.join': {
      const waiting = list(a.waitingFor);
      const moved = a.from !== a.state;
      const zhHead = moved ? `组 ${a.group} 进入 PreparingRebalance：${a.member} 发送了 JoinGroup（第 ${a.generation} 代的成员都需重新加入）` : `${a.member} 发送 JoinGroup，组 ${a.group} 仍在 ${a.state}`;
      const enHead = moved ? `Group ${a.group} enters PreparingRebalance: ${a.member} sent JoinGroup (every member of generation ${a.generation} must rejoin)` : `${a.member} sends JoinGroup; group ${a.group} is still ${a.state}`;
      const delay = Number(a.delayMs) > 0 ? { zh: `；空组先等待 group.initial.rebalance.delay.ms=${a.delayMs} ms 让更多成员加入`, en: `; an empty group first waits group.initial.rebalance.delay.ms=${a.delayMs} ms for more members` } : { zh: '', en: '' };
      const wait = waiting.length ? { zh: `；还在等 ${waiting.join(', ')}`, en: `; still waiting for ${waiting.join(', ')}` } : { zh: '', en: '' };
      return n(zhHead + delay.zh + wait.zh, enHead + delay.en + wait.en);
    }
    case 'kafka.group.joinComplete': {
      const dropped = list(a.dropped);
      return n(
        `组 ${a.group} 的 JoinGroup 轮结束${a.forced ? '（再均衡超时）' : ''}：第 ${a.generation} 代，成员 ${ids(a.members)}，leader ${a.leader}，分配策略 ${a.protocol}${dropped.length ? `；未及时重新加入而被移出：${dropped.join(', ')}` : ''}。进入 CompletingRebalance，等 leader 计算分配并发送 SyncGroup`,
        `Group ${a.group}'s JoinGroup round completes${a.forced ? ' (rebalance timeout)' : ''}: generation ${a.generation}, members ${ids(a.members)}, leader ${a.leader}, assignor ${a.protocol}${dropped.length ? `; removed for not rejoining in time: ${dropped.join(', ')}` : ''}. CompletingRebalance: waiting for the leader to compute the assignment and send SyncGroup`,
      );
    }
    case 'kafka.group.empty':
      return n(`组 ${a.group} 没有成员了，进入 Empty（第 ${a.generation} 代为空）；已提交的位移仍保存在 __consumer_offsets 中`, `Group ${a.group} has no members left and becomes Empty (generation ${a.generation} is empty); its committed offsets stay in __consumer_offsets`);
    case 'kafka.group.sync.reject':
      return n(`组 ${a.group} 拒绝 ${a.member} 的 SyncGroup（第 ${a.generation} 代，当前第 ${a.current} 代）：${ez(a.error)}`, `Group ${a.group} refuses ${a.member}'s SyncGroup (generation ${a.generation}, current ${a.current}): ${ee(a.error)}`);
    case 'kafka.group.sync':
      return n(`${a.member} 的 SyncGroup：组 ${a.group} 已 Stable，返回它在第 ${a.generation} 代的分配 [${ids(a.assignment)}]`, `${a.member}'s SyncGroup: group ${a.group} is Stable, so it gets its generation-${a.generation} assignment [${ids(a.assignment)}] at once`);
    case 'kafka.group.sync.wait':
      return n(`${a.member} 发送 SyncGroup（第 ${a.generation} 代），等待 leader ${a.leader} 提交分配`, `${a.member} sends SyncGroup (generation ${a.generation}) and waits for the leader ${a.leader}'s assignment`);
    case 'kafka.group.stable':
      return n(
        `leader ${a.leader} 用 ${a.protocol} 计算的分配到达协调者 ${a.coordinator}：组 ${a.group} 第 ${a.generation} 代进入 Stable，${ids(a.assignment)}；分配也写入 __consumer_offsets`,
        `The leader ${a.leader}'s ${a.protocol} assignment reaches the coordinator ${a.coordinator}: group ${a.group} generation ${a.generation} is Stable — ${ids(a.assignment)}; the assignment is also written to __consumer_offsets`,
      );
    case 'kafka.group.heartbeat':
      return a.error === null
        ? n(`${a.member} 向组 ${a.group} 发心跳（第 ${a.generation} 代）`, `${a.member} heartbeats group ${a.group} (generation ${a.generation})`)
        : n(`${a.member} 的心跳得到 ${ez(a.error)}`, `${a.member}'s heartbeat gets ${ee(a.error)}`);
    case 'kafka.group.leave.unknown':
      return n(`组 ${a.group} 收到 ${a.member} 的 LeaveGroup，但它已不是成员`, `Group ${a.group} gets a LeaveGroup from ${a.member}, which is not a member any more`);
    case 'kafka.group.leave':
      return n(
        `${a.member} 发送 LeaveGroup（${a.reason}）：组 ${a.group} 从 ${a.from} 进入 ${a.state}，其余成员需重新加入`,
        `${a.member} sends LeaveGroup (${a.reason}): group ${a.group} goes from ${a.from} to ${a.state}; the other members must rejoin`,
      );
    case 'kafka.group.expire':
      return n(
        `${a.member} 超过 session.timeout.ms=${a.sessionTimeoutMs} ms 没有心跳，协调者将其移出组 ${a.group}：${a.from} → ${a.state}`,
        `${a.member} sent no heartbeat for session.timeout.ms=${a.sessionTimeoutMs} ms; the coordinator removes it from group ${a.group}: ${a.from} → ${a.state}`,
      );
    case 'kafka.group.tick':
      return n(`组 ${a.group} 的协调者检查会话与再均衡超时（${a.state}）`, `Group ${a.group}'s coordinator checks session and rebalance timeouts (${a.state})`);
    // ------------------------------------------------------------ offsets
    case 'kafka.offset.commit.reject':
      return n(
        `组 ${a.group} 拒绝 ${a.member} 的${a.txn ? ' TxnOffsetCommit' : ' OffsetCommit'}（${pairs(a.tps, a.offsets)}，第 ${a.generation} 代，当前第 ${a.current} 代）：${ez(a.error)}——客户端会抛出 CommitFailedException`,
        `Group ${a.group} rejects ${a.member}'s ${a.txn ? 'TxnOffsetCommit' : 'OffsetCommit'} (${pairs(a.tps, a.offsets)}, generation ${a.generation}, current ${a.current}): ${ee(a.error)} — the client throws CommitFailedException`,
      );
    case 'kafka.offset.commit':
      return n(
        `组 ${a.group} 记录 ${a.member} 提交的位移 ${pairs(a.tps, a.offsets)}：写入 ${a.offsetsTp}（offset ${ids(a.logOffsets)}，按键压缩的内部主题）`,
        `Group ${a.group} stores ${a.member}'s committed offsets ${pairs(a.tps, a.offsets)}: written to ${a.offsetsTp} (offsets ${ids(a.logOffsets)}, an internal compacted topic)`,
      );
    case 'kafka.offset.txnCommit':
      return n(
        `事务 ${a.txnId} 为组 ${a.group} 写入待定位移 ${pairs(a.tps, a.offsets)}（TxnOffsetCommit）：事务提交（COMMIT 标记）后才生效`,
        `Transaction ${a.txnId} writes pending offsets ${pairs(a.tps, a.offsets)} for group ${a.group} (TxnOffsetCommit): they take effect only when the COMMIT marker lands`,
      );
    case 'kafka.offset.fetch':
      return a.error === null
        ? n(`${a.member} 用 OffsetFetch 读取组 ${a.group} 已提交的位移：${pairs(a.tps, a.offsets)}（-1 = 没有提交过）`, `${a.member} reads group ${a.group}'s committed offsets with OffsetFetch: ${pairs(a.tps, a.offsets)} (-1 = never committed)`)
        : n(`${a.member} 的 OffsetFetch 得到 ${ez(a.error)}，稍后重试`, `${a.member}'s OffsetFetch gets ${ee(a.error)}; it will ask again`);
    // ------------------------------------------------------------ the client
    case 'kafka.app.down':
      return n(`${a.consumer} 的进程已崩溃，需要先 consumer.restart`, `${a.consumer}'s process has crashed; restart it first`);
    case 'kafka.app.start':
      return a.mode === 'subscribe'
        ? n(`${a.consumer} 订阅 ${ids(a.topics)}（组 ${a.group}），开始 poll 循环`, `${a.consumer} subscribes to ${ids(a.topics)} (group ${a.group}) and starts its poll loop`)
        : n(`${a.consumer} 用 assign 手动分配 ${ids(a.topics)}，开始 poll 循环（不加入组）`, `${a.consumer} assigns ${ids(a.topics)} by hand and starts its poll loop (no group membership)`);
    case 'kafka.app.stop':
      return n(`${a.consumer} 的应用停止调用 poll()（心跳线程仍在运行，超过 max.poll.interval.ms 后会离组）`, `${a.consumer}'s application stops calling poll() (the heartbeat thread keeps running and leaves the group after max.poll.interval.ms)`);
    case 'kafka.app.crash':
      return n(
        `${a.consumer} 崩溃：不发 LeaveGroup、不提交位移${list(a.unprocessed).length ? `，手里还没处理的 ${ids(a.unprocessed)} 丢弃` : ''}；它拥有的 ${ids(a.owned) || '（无）'} 要等 session 超时后才会被重新分配`,
        `${a.consumer} crashes: no LeaveGroup, no commit${list(a.unprocessed).length ? `; ${ids(a.unprocessed)}, still unprocessed in hand, are dropped` : ''}; its partitions ${ids(a.owned) || '(none)'} are reassigned only after its session times out`,
      );
    case 'kafka.app.restart':
      return n(
        `${a.consumer} 重启（第 ${a.incarnation} 个实例）${a.instanceId ? `，使用同一个 group.instance.id=${a.instanceId}` : ''}，重新 JoinGroup 并从已提交的位移继续`,
        `${a.consumer} restarts (incarnation ${a.incarnation})${a.instanceId ? ` with the same group.instance.id=${a.instanceId}` : ''}; it rejoins and continues from the committed offsets`,
      );
    case 'kafka.app.restart.noop':
      return n(`${a.consumer} 正在运行（${a.app}），无需重启`, `${a.consumer} is running (${a.app}); nothing to restart`);
    case 'kafka.app.close':
      return n(
        `${a.consumer} 调用 close()${a.committed ? '：先自动提交位移' : ''}${a.leave ? '，再发送 LeaveGroup 立即触发再均衡' : a.instanceId ? `；静态成员（${a.instanceId}）关闭时不发 LeaveGroup` : ''}`,
        `${a.consumer} calls close()${a.committed ? ': auto-commits first' : ''}${a.leave ? ', then sends LeaveGroup, which starts a rebalance at once' : a.instanceId ? `; a static member (${a.instanceId}) sends no LeaveGroup on close` : ''}`,
      );
    case 'kafka.app.commit':
      return n(`${a.consumer} 调用 commit${a.mode === 'sync' ? 'Sync' : 'Async'}：${pairs(a.tps, a.offsets) || '（没有可提交的位置）'}`, `${a.consumer} calls commit${a.mode === 'sync' ? 'Sync' : 'Async'}: ${pairs(a.tps, a.offsets) || '(no position to commit)'}`);
    case 'kafka.app.slow':
      return n(`故障注入：${a.consumer} 处理每条记录的时间从 ${a.before} ms 变为 ${a.msPerRecord} ms`, `Fault: ${a.consumer} now needs ${a.msPerRecord} ms per record (was ${a.before} ms)`);
    case 'kafka.app.committed':
      return n(`${a.consumer} 的提交成功：${pairs(a.tps, a.offsets)}${a.sync ? '（commitSync 返回）' : ''}`, `${a.consumer}'s commit succeeded: ${pairs(a.tps, a.offsets)}${a.sync ? ' (commitSync returns)' : ''}`);
    case 'kafka.app.commit.failed':
      return n(`${a.consumer} 的提交失败：${ez(a.error)}${a.sync ? '——commitSync 抛出 CommitFailedException' : ''}`, `${a.consumer}'s commit failed: ${ee(a.error)}${a.sync ? ' — commitSync throws CommitFailedException' : ''}`);
    case 'kafka.app.offsets.retry':
      return n(`${a.consumer} 读取起始位移得到 ${ez(a.error)}，${ids(a.tps)} 暂不消费，稍后重试`, `${a.consumer}'s offset fetch gets ${ee(a.error)}; ${ids(a.tps)} wait and it asks again`);
    case 'kafka.app.offsets.ask':
      return n(`${a.consumer} 重新读取 ${ids(a.tps)} 的已提交位移`, `${a.consumer} asks again for the committed offsets of ${ids(a.tps)}`);
    case 'kafka.app.offsets': {
      const skipped = list(a.skipped);
      return n(
        `${a.consumer} 确定起始位置：${ids(a.starts)}${skipped.length ? `。${skipped.join(', ')} 在已提交的位移之下却从未被组 ${a.group} 处理过——它们对这个组来说丢了` : ''}`,
        `${a.consumer} sets its start positions: ${ids(a.starts)}${skipped.length ? `. ${skipped.join(', ')} lie below the committed offset but were never processed by group ${a.group}: lost to this group` : ''}`,
      );
    }
    case 'kafka.app.ignored':
      return n(`${a.consumer} 已停止，忽略 ${a.type}`, `${a.consumer} is down and ignores ${a.type}`);
    case 'kafka.app.response':
      return a.deferred
        ? n(`${a.consumer} 收到 ${a.type}（第 ${a.generation} 代），但应用正忙：要到下一次 poll() 才处理`, `${a.consumer} receives ${a.type} (generation ${a.generation}), but the application is busy: it is handled in the next poll()`)
        : n(`${a.consumer} 收到 ${a.type}${a.error ? `：${ez(a.error)}` : `（第 ${a.generation} 代）`}`, `${a.consumer} receives ${a.type}${a.error ? `: ${ee(a.error)}` : ` (generation ${a.generation})`}`);
    case 'kafka.app.heartbeat':
      return a.error === null
        ? n(`${a.consumer} 的心跳正常`, `${a.consumer}'s heartbeat is fine`)
        : n(`${a.consumer} 的心跳得到 ${ez(a.error)}${a.busy ? '；应用正忙，下一次 poll() 时才重新加入' : '，在 poll() 中重新加入'}`, `${a.consumer}'s heartbeat gets ${ee(a.error)}${a.busy ? '; the application is busy, so it rejoins only at its next poll()' : '; it rejoins inside poll()'}`);
    case 'kafka.app.idle':
      return n(`${a.consumer} 没有待办的工作`, `${a.consumer} has nothing to do`);
    case 'kafka.app.pollTimeout':
      return n(
        `${a.consumer} 已有 ${a.sincePollMs} ms 没调用 poll()，超过 max.poll.interval.ms=${a.maxPollIntervalMs}：心跳线程主动发送 LeaveGroup 离开组 ${a.group}（KIP-62）。手里的记录还会处理完，但之后的提交会抛出 CommitFailedException`,
        `${a.consumer} has not called poll() for ${a.sincePollMs} ms, over max.poll.interval.ms=${a.maxPollIntervalMs}: the heartbeat thread sends LeaveGroup and leaves group ${a.group} (KIP-62). The records in hand are still processed, but the next commit throws CommitFailedException`,
      );
    case 'kafka.app.heartbeatTick':
      return n(`${a.consumer} 的心跳线程运行`, `${a.consumer}'s heartbeat thread runs`);
    case 'kafka.app.poll': {
      const got = list(a.ids);
      const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
      for (const note of list(a.notes)) {
        const t = noteText(note);
        parts.zh.push(t.zh);
        parts.en.push(t.en);
      }
      if (list(a.autoCommitted).length) {
        parts.zh.push(`自动提交上次 poll 返回的位置 ${ids(a.autoCommitted)}`);
        parts.en.push(`auto-commits the positions the previous poll returned: ${ids(a.autoCommitted)}`);
      }
      if (list(a.revoked).length) {
        parts.zh.push(`急切式再均衡：先撤销全部分区 ${ids(a.revoked)}`);
        parts.en.push(`eager rebalance: revokes every partition first (${ids(a.revoked)})`);
      }
      if (a.joined) {
        parts.zh.push('发送 JoinGroup');
        parts.en.push('sends JoinGroup');
      }
      parts.zh.push(got.length ? `返回 ${got.join(', ')}` : '暂无记录');
      parts.en.push(got.length ? `returns ${got.join(', ')}` : 'no records yet');
      if (got.length && a.commitWhen === 'before') {
        parts.zh.push('先提交再处理（至多一次）');
        parts.en.push('commits before processing (at most once)');
      }
      return n(`${a.consumer} 调用 poll()：${parts.zh.join('；')}`, `${a.consumer} calls poll(): ${parts.en.join('; ')}`);
    }
    case 'kafka.app.process': {
      const dup = Number(a.times) > 1;
      return n(
        `${a.consumer} 处理完 ${a.id}（${a.tp}@${a.offset}）${a.out ? `，并发出 ${a.out}` : ''}${dup ? `——组 ${a.group} 第 ${a.times} 次处理它（重复）` : ''}${a.owner ? '' : '；此时它已不再拥有这个分区'}`,
        `${a.consumer} finishes processing ${a.id} (${a.tp}@${a.offset})${a.out ? ` and sends ${a.out}` : ''}${dup ? ` — processing number ${a.times} in group ${a.group} (a duplicate)` : ''}${a.owner ? '' : '; it no longer owns that partition'}`,
      );
    }
    case 'kafka.app.fetch.discard':
      return n(`${a.consumer} 丢弃 ${a.tp} 的拉取结果（${a.reason === 'crashed' ? '进程已崩溃' : '分区已撤销或位置已变'}）`, `${a.consumer} drops a fetch answer for ${a.tp} (${a.reason === 'crashed' ? 'the process crashed' : 'the partition was revoked or the position moved'})`);
    case 'kafka.app.fetched': {
      const skipped = list(a.skipped);
      const got = list(a.ids);
      return n(
        `${a.consumer} 拉到 ${a.tp} 的 ${got.join(', ') || '（无数据记录）'}，放入缓冲区等待 poll() 返回${a.readCommitted ? `（read_committed：只读 LSO=${a.lso} 以下）` : `（HW=${a.hw}）`}${skipped.length ? `；跳过已中止事务的 ${skipped.join(', ')}` : ''}`,
        `${a.consumer} fetches ${got.join(', ') || '(no data records)'} from ${a.tp} into its buffer for poll()${a.readCommitted ? ` (read_committed: only below the LSO=${a.lso})` : ` (HW=${a.hw})`}${skipped.length ? `; skips ${skipped.join(', ')} of an aborted transaction` : ''}`,
      );
    }
    case 'kafka.consumer.seek':
      return n(`${a.consumer} 调用 seek${a.to ? (a.to === 'beginning' ? 'ToBeginning' : 'ToEnd') : ''}：${a.tp} 下一次从 offset ${a.offset} 读`, `${a.consumer} seeks${a.to ? ` to the ${a.to}` : ''}: ${a.tp} will be read from offset ${a.offset}`);
    // ------------------------------------------------------------ transactions
    case 'kafka.produce.refused':
      return n(`${a.producer} 不能发送 ${a.id}：事务型生产者处于 ${a.state}（${a.error}）`, `${a.producer} cannot send ${a.id}: the transactional producer is ${a.state} (${a.error})`);
    case 'kafka.produce.fenced':
      return n(`${a.tp} 的 leader 拒绝 ${a.producer} 的 ${a.id}：INVALID_PRODUCER_EPOCH——同一 transactional.id 已有更新的实例，${a.producer} 是被隔离的僵尸（ProducerFencedException）`, `The leader of ${a.tp} rejects ${a.producer}'s ${a.id}: INVALID_PRODUCER_EPOCH — a newer instance has the same transactional.id, so ${a.producer} is a fenced zombie (ProducerFencedException)`);
    case 'kafka.txn.init.noop':
      return n(`${a.producer} 已初始化（${a.state}）`, `${a.producer} is already initialised (${a.state})`);
    case 'kafka.txn.init':
      return n(`${a.producer} 调用 initTransactions()：向事务协调者 ${a.coordinator}（${a.stateTp} 的 leader）发送 InitProducerId（transactional.id=${a.txnId}）`, `${a.producer} calls initTransactions(): InitProducerId (transactional.id=${a.txnId}) to the transaction coordinator ${a.coordinator}, leader of ${a.stateTp}`);
    case 'kafka.txn.illegal':
      return n(`${a.producer} 不能调用 ${a.op}：状态是 ${a.state}${a.fatal ? `（${a.fatal}）` : ''}`, `${a.producer} cannot call ${a.op}: it is ${a.state}${a.fatal ? ` (${a.fatal})` : ''}`);
    case 'kafka.txn.begin':
      return n(`${a.producer} 开始事务（epoch ${a.epoch}）`, `${a.producer} begins a transaction (epoch ${a.epoch})`);
    case 'kafka.txn.sendOffsets':
      return n(`${a.producer} 调用 sendOffsetsToTransaction：组 ${a.group} 的 ${pairs(a.tps, a.offsets)} 随事务一起提交（KIP-447）`, `${a.producer} calls sendOffsetsToTransaction: group ${a.group}'s ${pairs(a.tps, a.offsets)} will commit with the transaction (KIP-447)`);
    case 'kafka.txn.commit':
    case 'kafka.txn.abort': {
      const c = kind === 'kafka.txn.commit';
      return n(`${a.producer} 调用 ${c ? 'commitTransaction' : 'abortTransaction'}：等待 ${a.pending} 个未完成的发送后发送 EndTxn`, `${a.producer} calls ${c ? 'commitTransaction' : 'abortTransaction'}: EndTxn goes out after its ${a.pending} pending send(s)`);
    }
    case 'kafka.txn.fenced':
      return n(`${a.producer} 的 ${a.type} 得到 ${ez(a.error)}：它被隔离，进入 FATAL_ERROR，只能关闭`, `${a.producer}'s ${a.type} gets ${ee(a.error)}: it is fenced, FATAL_ERROR, and can only be closed`);
    case 'kafka.txn.ignored':
      return n(`${a.producer} 忽略 ${a.type}`, `${a.producer} ignores ${a.type}`);
    case 'kafka.txn.initialized':
      return n(`${a.producer} 拿到 producer id ${a.pid}、epoch ${a.epoch}，可以开始事务`, `${a.producer} gets producer id ${a.pid}, epoch ${a.epoch}: ready for transactions`);
    case 'kafka.txn.ended':
      return n(`${a.producer} 的 EndTxn 完成：事务已${a.committed ? '提交' : '中止'}（标记由协调者异步写入各分区）`, `${a.producer}'s EndTxn is done: the transaction is ${a.committed ? 'committed' : 'aborted'} (the coordinator writes the markers to the partitions)`);
    case 'kafka.txn.response':
      return n(`${a.producer} 收到 ${a.type}${a.error ? `：${ez(a.error)}${a.retry ? '，稍后重试' : ''}` : ''}`, `${a.producer} receives ${a.type}${a.error ? `: ${ee(a.error)}${a.retry ? '; it will retry' : ''}` : ''}`);
    case 'kafka.txn.retry':
      return n(`${a.producer} 重试事务请求（${a.what}）`, `${a.producer} retries its transaction request (${a.what})`);
    case 'kafka.txn.reject':
      return n(`事务协调者 ${a.coordinator} 拒绝 ${a.producer} 的 ${a.type}（epoch ${a.epoch}，当前 ${a.current}）：${ez(a.error)}`, `The transaction coordinator ${a.coordinator} rejects ${a.producer}'s ${a.type} (epoch ${a.epoch}, current ${a.current}): ${ee(a.error)}`);
    case 'kafka.txn.coordinator.init':
      return a.aborting
        ? n(
            `${a.producer} 的 InitProducerId：${a.txnId} 还有一个未完成的事务，协调者把 epoch 提升到 ${a.epoch} 并用新 epoch 中止它（写 ABORT 标记）——旧实例从此被隔离；先回复 CONCURRENT_TRANSACTIONS，客户端稍后重试`,
            `${a.producer}'s InitProducerId: ${a.txnId} has an open transaction, so the coordinator bumps the epoch to ${a.epoch} and aborts it with the new epoch (ABORT markers) — the old instance is fenced from now on; it answers CONCURRENT_TRANSACTIONS and the client retries`,
          )
        : a.waiting
          ? n(`${a.producer} 的 InitProducerId：上一个事务还在写标记（${a.state}），稍后重试`, `${a.producer}'s InitProducerId: the previous transaction is still writing markers (${a.state}); retry later`)
          : n(`事务协调者 ${a.coordinator} 为 ${a.txnId} 分配 producer id ${a.pid}、epoch ${a.epoch}（epoch 每次 InitProducerId 加一，旧实例被隔离）`, `The transaction coordinator ${a.coordinator} gives ${a.txnId} producer id ${a.pid}, epoch ${a.epoch} (each InitProducerId bumps the epoch, fencing older instances)`);
    case 'kafka.txn.coordinator.add':
      return n(`事务 ${a.txnId} 加入分区 ${ids(a.partitions)}（${a.state}，共 ${ids(a.all)}），状态记录写入 __transaction_state`, `Transaction ${a.txnId} adds ${ids(a.partitions)} (${a.state}; all: ${ids(a.all)}); the state record goes to __transaction_state`);
    case 'kafka.txn.coordinator.prepare':
      return n(`事务 ${a.txnId} 进入 ${a.state}：协调者回复 EndTxn，并向 ${ids(a.partitions)} 写 ${a.result} 标记`, `Transaction ${a.txnId} enters ${a.state}: the coordinator answers EndTxn and writes ${a.result} markers to ${ids(a.partitions)}`);
    case 'kafka.txn.markerCheck':
      return n(`事务 ${a.txnId} 重发未确认的标记：${ids(a.resent) || '（无）'}`, `Transaction ${a.txnId} re-sends unacknowledged markers: ${ids(a.resent) || '(none)'}`);
    case 'kafka.txn.marker': {
      const applied = list(a.applied);
      return a.error
        ? n(`${a.leader} 无法写入 ${a.tp} 的 ${a.result} 标记：${ez(a.error)}`, `${a.leader} cannot write the ${a.result} marker of ${a.tp}: ${ee(a.error)}`)
        : n(
            `${a.leader} 在 ${a.tp}@${a.offset} 写入控制记录 ${a.result}（${a.txnId}）：该事务的记录${a.result === 'COMMIT' ? '在标记复制到 HW 以下后对 read_committed 可见' : '被作废，read_committed 会跳过它们'}${applied.length ? `；事务中的位移生效：${applied.join(', ')}` : ''}`,
            `${a.leader} writes the control record ${a.result} (${a.txnId}) at ${a.tp}@${a.offset}: the transaction's records ${a.result === 'COMMIT' ? 'become visible to read_committed once the marker is below the HW' : 'are voided; read_committed skips them'}${applied.length ? `; the transaction's offsets take effect: ${applied.join(', ')}` : ''}`,
          );
    }
    case 'kafka.txn.markerAck':
      return n(`协调者收到 ${a.tp} 的标记确认${a.error ? `：${ez(a.error)}` : ''}`, `The coordinator gets the marker acknowledgement of ${a.tp}${a.error ? `: ${ee(a.error)}` : ''}`);
    case 'kafka.txn.complete':
      return n(`事务 ${a.txnId} 的所有标记已写入：${a.state}（epoch ${a.epoch}）`, `Every marker of transaction ${a.txnId} is written: ${a.state} (epoch ${a.epoch})`);
    default:
      return null;
  }
}
