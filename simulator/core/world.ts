/**
 * The deterministic discrete-event core: simulated clock, a priority queue of pending events ordered
 * by (time, sequence number), a network of named nodes with in-flight messages, and the script driver.
 *
 * Invariants:
 * - Everything in `World` is plain, structured-cloneable data. A snapshot is `structuredClone(world)`.
 * - Events run in (at, seq) order; seq comes from a counter, so equal times keep insertion order.
 * - Messages on one link are delivered in the order they were sent (TCP-like), unless a fault step
 *   delays or duplicates one.
 */
import type { ArgValue, EventData, Narration, ScenarioBase } from './types';
import { seedState } from './rng';
import { createOutcome, type OutcomeState } from './outcome';

/** A message on the wire. `body.type` names the protocol request/response (ProduceRequest, basic.deliver …). */
export interface NetMessage {
  /** Unique per run ("n17"). */
  id: string;
  from: string;
  to: string;
  body: { type: string; [k: string]: unknown };
  sentAt: number;
}

export type Pending =
  | { at: number; seq: number; kind: 'net'; msg: NetMessage }
  | { at: number; seq: number; kind: 'timer'; name: string; node?: string; data?: Record<string, unknown>; bg?: boolean };

/** A pending item before the queue gives it a sequence number. */
export type PendingInput = Pending extends infer P ? (P extends Pending ? Omit<P, 'seq'> : never) : never;

/** Selects in-flight messages for a fault: every given field must match. */
export interface NetMatch {
  type?: string;
  from?: string;
  to?: string;
  /** A scenario message id carried by the request/response (body.messages contains it). */
  message?: string;
}

/** A fault armed in advance: applies to the next `count` matching messages when they are sent. */
export interface NetRule {
  action: 'drop' | 'delay' | 'duplicate';
  match: NetMatch;
  remaining: number;
  delayMs: number;
}

export interface WorldBase {
  time: number;
  seq: number;
  rng: number;
  /** Binary heap ordered by (at, seq). */
  queue: Pending[];
  /** Index of the next script step. */
  pc: number;
  /** While set, the driver runs events up to this time before the next script step. */
  waitUntil: number | null;
  /** While true, the driver runs events until only background work is left. */
  settling: boolean;
  /** Number of events executed so far (= the next record's index). */
  executed: number;
  /** Next index into the interventions list. */
  ipc: number;
  /** Number of pending non-background items (kept in step with the queue, so "settle" is O(1)). */
  fg: number;
  /** The script is exhausted and the driver is running the final settle. */
  draining: boolean;
  net: {
    latencyMs: number;
    /** Per directed link "a>b": the last delivery time, to keep FIFO order. */
    lastDelivery: Record<string, number>;
    /** Cut links, as unordered pairs "a|b" (a < b). */
    cut: string[];
    rules: NetRule[];
    nextId: number;
  };
  outcome: OutcomeState;
}

export type World<D> = WorldBase & { d: D };

export function createWorldBase(sc: ScenarioBase): WorldBase {
  return {
    time: 0,
    seq: 0,
    rng: seedState(sc.seed),
    queue: [],
    pc: 0,
    waitUntil: null,
    settling: false,
    executed: 0,
    ipc: 0,
    fg: 0,
    draining: false,
    net: { latencyMs: sc.network?.latencyMs ?? 2, lastDelivery: {}, cut: [], rules: [], nextId: 1 },
    outcome: createOutcome(),
  };
}

// ---------------------------------------------------------------- priority queue (binary heap)

const before = (a: Pending, b: Pending) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

const cmp = (a: Pending, b: Pending) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);

/** Schedules an item; a fresh sequence number keeps FIFO order among equal times. */
export function push(w: WorldBase, p: PendingInput): Pending {
  const item = { ...p, seq: w.seq++ } as Pending;
  insert(w, item);
  if (!isBg(item)) w.fg++;
  return item;
}

/** Re-inserts an item that keeps its own (at, seq). */
function insert(w: WorldBase, item: Pending) {
  const q = w.queue;
  q.push(item);
  let i = q.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(q[i], q[parent])) break;
    [q[i], q[parent]] = [q[parent], q[i]];
    i = parent;
  }
}

const isBg = (p: Pending) => p.kind === 'timer' && p.bg === true;

export function peek(w: WorldBase): Pending | undefined {
  return w.queue[0];
}

export function pop(w: WorldBase): Pending | undefined {
  const q = w.queue;
  if (q.length === 0) return undefined;
  const top = q[0];
  if (!isBg(top)) w.fg--;
  const last = q.pop()!;
  if (q.length > 0) {
    q[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < q.length && before(q[l], q[m])) m = l;
      if (r < q.length && before(q[r], q[m])) m = r;
      if (m === i) break;
      [q[i], q[m]] = [q[m], q[i]];
      i = m;
    }
  }
  return top;
}

/** Removes every pending item matching `pred` (used by faults and crashes). A sorted array is a valid heap. */
export function removeWhere(w: WorldBase, pred: (p: Pending) => boolean): Pending[] {
  const removed = w.queue.filter(pred);
  if (removed.length > 0) {
    w.queue = w.queue.filter((p) => !pred(p)).sort(cmp);
    w.fg -= removed.filter((p) => !isBg(p)).length;
  }
  return removed;
}

export function timer(w: WorldBase, delayMs: number, name: string, opts: { node?: string; data?: Record<string, unknown>; bg?: boolean } = {}) {
  return push(w, { at: w.time + delayMs, kind: 'timer', name, ...opts });
}

/** Whether any non-background event is pending. */
export function hasForegroundWork(w: WorldBase): boolean {
  return w.fg > 0;
}

// ---------------------------------------------------------------- network

export const linkKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function isCut(w: WorldBase, a: string, b: string): boolean {
  return w.net.cut.includes(linkKey(a, b));
}

export function cutLink(w: WorldBase, a: string, b: string) {
  const k = linkKey(a, b);
  if (!w.net.cut.includes(k)) w.net.cut.push(k);
}

export function healLink(w: WorldBase, a: string, b: string) {
  w.net.cut = w.net.cut.filter((k) => k !== linkKey(a, b));
}

export function matches(m: NetMessage, match: NetMatch): boolean {
  if (match.type !== undefined && m.body.type !== match.type) return false;
  if (match.from !== undefined && m.from !== match.from) return false;
  if (match.to !== undefined && m.to !== match.to) return false;
  if (match.message !== undefined) {
    const ids = m.body.messages;
    if (!Array.isArray(ids) || !ids.includes(match.message)) return false;
  }
  return true;
}

/**
 * Sends a message: it is delivered after the link latency, after every earlier message on the same
 * directed link. Armed fault rules apply here. Returns the message (or null if a rule dropped it).
 */
export function send(w: WorldBase, from: string, to: string, body: NetMessage['body'], extraDelayMs = 0): NetMessage | null {
  const msg: NetMessage = { id: `n${w.net.nextId++}`, from, to, body, sentAt: w.time };
  let delay = w.net.latencyMs + extraDelayMs;
  let copies = 1;
  for (const rule of w.net.rules) {
    if (rule.remaining <= 0 || !matches(msg, rule.match)) continue;
    rule.remaining--;
    if (rule.action === 'drop') {
      w.net.rules = w.net.rules.filter((r) => r.remaining > 0);
      w.outcome.netDropped.push({ msg: msg.id, type: body.type, from, to, time: w.time, messages: messageIds(msg) });
      return null;
    }
    if (rule.action === 'delay') delay += rule.delayMs;
    if (rule.action === 'duplicate') copies = 2;
  }
  w.net.rules = w.net.rules.filter((r) => r.remaining > 0);
  const link = `${from}>${to}`;
  const at = Math.max(w.time + delay, w.net.lastDelivery[link] ?? 0);
  w.net.lastDelivery[link] = at;
  for (let c = 0; c < copies; c++) push(w, { at, kind: 'net', msg: c === 0 ? msg : { ...msg, id: `n${w.net.nextId++}` } });
  return msg;
}

export function messageIds(m: NetMessage): string[] {
  const ids = m.body.messages;
  return Array.isArray(ids) ? (ids as string[]) : [];
}

/** In-flight messages in delivery order (for the player and for immediate faults). */
export function inFlight(w: WorldBase): NetMessage[] {
  return w.queue
    .filter((p): p is Extract<Pending, { kind: 'net' }> => p.kind === 'net')
    .sort(cmp)
    .map((p) => p.msg);
}

// ---------------------------------------------------------------- core script steps

/**
 * Script steps the core handles for every system. Engines handle the rest.
 * - advance {ms}: let simulated time pass, running due events.
 * - settle {maxMs?}: run until only background work is pending (or maxMs passes).
 * - net.partition {a, b} / net.heal {a, b}: cut or restore the link between two named nodes
 *   (`b` may be a list); net.isolate {node} cuts it from every other node; net.healAll.
 * - net.drop / net.delay / net.duplicate {match, count?, ms?, now?}: a fault on one in-flight
 *   message (now: true picks the first matching message already on the wire) or armed for the next
 *   `count` matching sends.
 */
export const CORE_STEPS = ['advance', 'settle', 'net.partition', 'net.heal', 'net.isolate', 'net.healAll', 'net.drop', 'net.delay', 'net.duplicate'] as const;

export function isCoreStep(step: { do: string }): boolean {
  return (CORE_STEPS as readonly string[]).includes(step.do);
}

export interface CoreStepContext {
  /** Every node name in the topology (for net.isolate). */
  nodes: string[];
}

/** Runs a core step and returns its event data (narrated by the core). */
export function runCoreStep(w: WorldBase, step: { do: string; [k: string]: unknown }, ctx: CoreStepContext): EventData {
  const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : [String(v)]);
  switch (step.do) {
    case 'advance': {
      w.waitUntil = w.time + Number(step.ms);
      return { kind: 'sim.advance', args: { ms: Number(step.ms) }, bg: true };
    }
    case 'settle': {
      w.settling = true;
      w.waitUntil = step.maxMs !== undefined ? w.time + Number(step.maxMs) : null;
      return { kind: 'sim.settle', args: {}, bg: true };
    }
    case 'net.partition':
    case 'net.heal': {
      const a = String(step.a);
      const bs = list(step.b);
      for (const b of bs) (step.do === 'net.partition' ? cutLink : healLink)(w, a, b);
      return { kind: step.do, args: { a, b: bs }, markers: ['fault'], nodes: [a, ...bs] };
    }
    case 'net.isolate': {
      const a = String(step.node);
      const others = ctx.nodes.filter((n) => n !== a);
      for (const b of others) cutLink(w, a, b);
      return { kind: 'net.isolate', args: { node: a }, markers: ['fault'], nodes: [a] };
    }
    case 'net.healAll': {
      w.net.cut = [];
      return { kind: 'net.healAll', args: {}, markers: ['fault'] };
    }
    case 'net.drop':
    case 'net.delay':
    case 'net.duplicate': {
      const action = step.do.slice(4) as NetRule['action'];
      const match = (step.match ?? {}) as NetMatch;
      const ms = Number(step.ms ?? 0);
      if (step.now) {
        const target = inFlight(w).find((m) => matches(m, match));
        if (!target) return { kind: `net.${action}.miss`, args: { match: describeMatch(match) }, markers: ['fault'] };
        const [p] = removeWhere(w, (q) => q.kind === 'net' && q.msg.id === target.id);
        if (action !== 'drop') insert(w, action === 'delay' ? { ...p, at: p.at + ms } : p);
        if (!isBg(p) && action !== 'drop') w.fg++;
        if (action === 'drop') {
          w.outcome.netDropped.push({ msg: target.id, type: target.body.type, from: target.from, to: target.to, time: w.time, messages: messageIds(target) });
        } else if (action === 'duplicate') {
          push(w, { at: p.at, kind: 'net', msg: { ...target, id: `n${w.net.nextId++}` } });
        }
        return { kind: `net.${action}`, args: { type: target.body.type, from: target.from, to: target.to, ms, messages: messageIds(target) }, markers: ['fault'], nodes: [target.from, target.to], messages: messageIds(target) };
      }
      w.net.rules.push({ action, match, remaining: Number(step.count ?? 1), delayMs: ms });
      return { kind: `net.${action}.armed`, args: { match: describeMatch(match), count: Number(step.count ?? 1), ms }, markers: ['fault'] };
    }
    default:
      throw new Error(`not a core step: ${step.do}`);
  }
}

function describeMatch(m: NetMatch): string {
  return Object.entries(m).map(([k, v]) => `${k}=${v}`).join(' ') || 'any';
}

const joinList = (v: ArgValue) => (Array.isArray(v) ? v.join(', ') : String(v));

/** Narration for the core's own event kinds; engines fall back to it. */
export function narrateCore(kind: string, a: Record<string, ArgValue>): Narration | null {
  switch (kind) {
    case 'sim.advance':
      return { zh: `时间前进 ${a.ms} ms`, en: `${a.ms} ms pass` };
    case 'sim.settle':
      return { zh: '运行直到没有待处理的工作', en: 'Run until no work is pending' };
    case 'net.partition':
      return { zh: `网络分区：${a.a} 与 ${joinList(a.b)} 之间断开`, en: `Network partition: ${a.a} cut off from ${joinList(a.b)}` };
    case 'net.heal':
      return { zh: `网络恢复：${a.a} 与 ${joinList(a.b)} 重新连通`, en: `Network healed between ${a.a} and ${joinList(a.b)}` };
    case 'net.isolate':
      return { zh: `${a.node} 与所有其他节点断开`, en: `${a.node} is cut off from every other node` };
    case 'net.healAll':
      return { zh: '所有网络分区恢复', en: 'All network partitions healed' };
    case 'net.drop':
      return { zh: `故障注入：丢弃在途的 ${a.type}（${a.from} → ${a.to}）`, en: `Fault: the in-flight ${a.type} (${a.from} → ${a.to}) is dropped` };
    case 'net.delay':
      return { zh: `故障注入：在途的 ${a.type}（${a.from} → ${a.to}）延迟 ${a.ms} ms`, en: `Fault: the in-flight ${a.type} (${a.from} → ${a.to}) is delayed by ${a.ms} ms` };
    case 'net.duplicate':
      return { zh: `故障注入：在途的 ${a.type}（${a.from} → ${a.to}）被复制一份`, en: `Fault: the in-flight ${a.type} (${a.from} → ${a.to}) is duplicated` };
    case 'net.drop.armed':
    case 'net.delay.armed':
    case 'net.duplicate.armed': {
      const what = kind.split('.')[1];
      const zh = what === 'drop' ? '丢弃' : what === 'delay' ? `延迟 ${a.ms} ms` : '复制';
      return { zh: `故障已布置：接下来 ${a.count} 个匹配（${a.match}）的网络消息将被${zh}`, en: `Fault armed: the next ${a.count} network message(s) matching ${a.match} will be ${what === 'delay' ? `delayed by ${a.ms} ms` : what === 'drop' ? 'dropped' : 'duplicated'}` };
    }
    case 'net.drop.miss':
    case 'net.delay.miss':
    case 'net.duplicate.miss':
      return { zh: `故障未生效：没有匹配（${a.match}）的在途消息`, en: `Fault had no effect: no in-flight message matches ${a.match}` };
    case 'net.lost':
      return { zh: `${a.type}（${a.from} → ${a.to}）因网络分区丢失`, en: `${a.type} (${a.from} → ${a.to}) is lost: the link is cut` };
    default:
      return null;
  }
}
