/**
 * What the learner may inject, derived from the engine itself rather than hard-coded per system: every candidate
 * step below is offered only if the scenario's own schema accepts it (`acceptsStep`: the engine's zod union plus its
 * cross-reference checks). A step an engine does not know is simply never offered; the core `net.*` steps are
 * accepted by every engine. Config knobs work the same way: a knob is offered only where the path exists in the
 * scenario's shape, and a change is re-validated with parseScenario when applied.
 *
 * The engine-fault catalog costs one schema parse per candidate, so it is computed at build time for each built-in
 * (app/sim-data, with the scenario) and the player ships without the schemas. Patches change config values only,
 * never the entity names the catalog is built from, so the base scenario's catalog holds for every patched one;
 * a step is still re-validated against the patched scenario when it is injected.
 */
import type { NetMessage } from '@/simulator/core/world';
import type { ScenarioBase } from '@/simulator/core/types';
import { acceptsStep, getPath, type InterventionStep, type Parse, type PathKey, type ScalarValue } from './session';

export type FaultGroup = 'node' | 'client' | 'network';

export interface FaultOption {
  /** Stable key: label key plus target. */
  key: string;
  /** i18n key of its label in `faults.do` ("broker.crash", "broker.crash:power" …); UIs fall back to `step.do`. */
  labelKey: string;
  group: FaultGroup;
  /** The entity it acts on (node, consumer …), shown beside the label. */
  target: string;
  step: InterventionStep;
}

/** Candidate engine steps: `do`, the field naming the target, extra fields, and the group. */
const CANDIDATES: { do: string; field: string; extra?: Record<string, unknown>; variant?: string; group: FaultGroup }[] = [
  { do: 'broker.crash', field: 'broker', extra: { loseUnflushed: false }, group: 'node' },
  { do: 'broker.crash', field: 'broker', extra: { loseUnflushed: true }, variant: 'power', group: 'node' },
  { do: 'broker.restart', field: 'broker', group: 'node' },
  { do: 'broker.slowDisk', field: 'broker', extra: { ms: 6000 }, group: 'node' },
  { do: 'node.crash', field: 'node', group: 'node' },
  { do: 'node.start', field: 'node', group: 'node' },
  { do: 'node.restart', field: 'node', group: 'node' },
  { do: 'namesrv.crash', field: 'namesrv', group: 'node' },
  { do: 'namesrv.restart', field: 'namesrv', group: 'node' },
  { do: 'consumer.crash', field: 'consumer', group: 'client' },
  { do: 'consumer.stop', field: 'consumer', group: 'client' },
  { do: 'consumer.cancel', field: 'consumer', group: 'client' },
  { do: 'consumer.start', field: 'consumer', group: 'client' },
  { do: 'consumer.restart', field: 'consumer', group: 'client' },
  { do: 'channel.close', field: 'consumer', group: 'client' },
  { do: 'producer.crash', field: 'producer', group: 'client' },
  { do: 'producer.restart', field: 'producer', group: 'client' },
];

/** Every entity id the topology names (client ids, node names), for probing which steps the engine accepts. */
export function entityNames(sc: ScenarioBase, nodes: string[]): string[] {
  const out = new Set(nodes);
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === 'string' && ['id', 'master', 'slave', 'brokers', 'nodes', 'nameservers'].includes(key)) out.add(v);
  };
  for (const [k, v] of Object.entries(sc)) if (!['script', 'id', 'title', 'question', 'lessons', 'topics'].includes(k)) walk(v, k);
  return [...out];
}

/**
 * Every engine-specific fault the scenario accepts, for the given entity names (the engine's `nodes()` plus client
 * ids, see entityNames). Costs one schema parse per candidate × name, so compute it once per scenario, not per step.
 */
export function engineFaults(parse: Parse, sc: ScenarioBase, names: string[]): FaultOption[] {
  const out: FaultOption[] = [];
  for (const c of CANDIDATES) {
    for (const name of names) {
      const step: InterventionStep = { do: c.do, [c.field]: name, ...c.extra };
      const labelKey = `${c.do}${c.variant ? `:${c.variant}` : ''}`;
      if (acceptsStep(parse, sc, step)) out.push({ key: `${labelKey}:${name}`, labelKey, group: c.group, target: name, step });
    }
  }
  return out;
}

/** Network faults between named nodes (core steps; every engine accepts them). */
export function networkFaults(nodes: string[]): FaultOption[] {
  return [
    ...nodes.map((n): FaultOption => ({ key: `net.isolate:${n}`, labelKey: 'net.isolate', group: 'network', target: n, step: { do: 'net.isolate', node: n } })),
    { key: 'net.healAll', labelKey: 'net.healAll', group: 'network', target: '', step: { do: 'net.healAll' } },
  ];
}

export function partitionStep(a: string, b: string, heal: boolean): InterventionStep {
  return { do: heal ? 'net.heal' : 'net.partition', a, b };
}

export type MessageAction = 'drop' | 'duplicate' | 'delay';

/** Extra delay of the "delay" action, in simulated ms. */
export const DELAY_MS = 1000;

/**
 * A step acting on one in-flight message *now*. The core picks the first in-flight message matching
 * {type, from, to, message}, so the step is exact only if `msg` is the first match: `pickable` says whether it is.
 */
export function messageStep(msg: NetMessage, action: MessageAction): InterventionStep {
  const ids = Array.isArray(msg.body.messages) ? (msg.body.messages as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const match: Record<string, string> = { type: msg.body.type, from: msg.from, to: msg.to };
  if (ids.length > 0) match.message = ids[0];
  return { do: `net.${action}`, match, now: true, count: 1, ms: action === 'delay' ? DELAY_MS : 0 };
}

/** Whether `msg` is the first in-flight message its own match selects (so a fault on it hits exactly it). */
export function pickable(inflight: NetMessage[], msg: NetMessage): boolean {
  const m = messageStep(msg, 'drop').match as Record<string, string>;
  const first = inflight.find((x) => x.body.type === m.type && x.from === m.from && x.to === m.to && (m.message === undefined || (Array.isArray(x.body.messages) && x.body.messages.includes(m.message))));
  return first?.id === msg.id;
}

// ---------------------------------------------------------------- config knobs

export type KnobKind = { type: 'enum'; options: ScalarValue[] } | { type: 'bool' } | { type: 'int'; min: number; max: number };

export interface Knob {
  path: PathKey[];
  /** The real config name (never translated: learners must say it in the interview). */
  name: string;
  /** The entity it belongs to (producer id, queue name …) or the system scope. */
  owner: string;
  kind: KnobKind;
}

type KnobTemplate = { list: PathKey[] | null; idField?: string; rest: PathKey[]; kind: KnobKind; owner?: string };

const bool: KnobKind = { type: 'bool' };
const int = (min: number, max: number): KnobKind => ({ type: 'int', min, max });
const oneOf = (...options: ScalarValue[]): KnobKind => ({ type: 'enum', options });

/** Per system: the knobs that change a scenario's fate, with their real names. `list: null` = a scalar path. */
const KNOBS: Record<string, KnobTemplate[]> = {
  kafka: [
    { list: ['producers'], idField: 'id', rest: ['config', 'acks'], kind: oneOf('0', '1', 'all') },
    { list: ['producers'], idField: 'id', rest: ['config', 'enable.idempotence'], kind: bool },
    { list: ['producers'], idField: 'id', rest: ['config', 'max.in.flight.requests.per.connection'], kind: int(1, 5) },
    { list: ['producers'], idField: 'id', rest: ['config', 'retries'], kind: int(0, 10) },
    { list: null, rest: ['cluster', 'config', 'min.insync.replicas'], kind: int(1, 5), owner: 'cluster' },
    { list: null, rest: ['cluster', 'config', 'unclean.leader.election.enable'], kind: bool, owner: 'cluster' },
    { list: null, rest: ['cluster', 'config', 'replica.lag.time.max.ms'], kind: int(1000, 60000), owner: 'cluster' },
    { list: ['cluster', 'topics'], idField: 'name', rest: ['config', 'min.insync.replicas'], kind: int(1, 5) },
    { list: ['cluster', 'topics'], idField: 'name', rest: ['config', 'unclean.leader.election.enable'], kind: bool },
  ],
  rabbitmq: [
    { list: ['topology', 'consumers'], idField: 'id', rest: ['prefetch'], kind: int(0, 50) },
    { list: ['topology', 'consumers'], idField: 'id', rest: ['autoAck'], kind: bool },
    { list: ['topology', 'consumers'], idField: 'id', rest: ['onMessage'], kind: oneOf('ack', 'reject', 'reject-requeue', 'nack', 'nack-requeue', 'hold') },
    { list: ['topology', 'publishers'], idField: 'id', rest: ['confirm'], kind: bool },
    { list: ['topology', 'queues'], idField: 'name', rest: ['durable'], kind: bool },
    { list: ['topology', 'queues'], idField: 'name', rest: ['arguments', 'x-message-ttl'], kind: int(0, 600000) },
    { list: ['topology', 'queues'], idField: 'name', rest: ['arguments', 'x-max-length'], kind: int(0, 1000) },
    { list: ['topology', 'queues'], idField: 'name', rest: ['arguments', 'x-overflow'], kind: oneOf('drop-head', 'reject-publish', 'reject-publish-dlx') },
  ],
  rocketmq: [
    { list: ['brokers'], idField: 'brokerName', rest: ['brokerRole'], kind: oneOf('SYNC_MASTER', 'ASYNC_MASTER') },
    { list: ['brokers'], idField: 'brokerName', rest: ['flushDiskType'], kind: oneOf('SYNC_FLUSH', 'ASYNC_FLUSH') },
    { list: ['producers'], idField: 'id', rest: ['sendMode'], kind: oneOf('sync', 'async', 'oneway') },
    { list: ['producers'], idField: 'id', rest: ['retryTimesWhenSendFailed'], kind: int(0, 16) },
    { list: ['consumers'], idField: 'id', rest: ['maxReconsumeTimes'], kind: int(-1, 16) },
    { list: ['consumers'], idField: 'id', rest: ['messageModel'], kind: oneOf('CLUSTERING', 'BROADCASTING') },
    { list: ['consumers'], idField: 'id', rest: ['dedupe'], kind: oneOf('none', 'key') },
  ],
};

/** The knobs that exist in this scenario (one per list element for per-entity knobs). */
export function knobsFor(sc: ScenarioBase): Knob[] {
  const out: Knob[] = [];
  for (const t of KNOBS[sc.system] ?? []) {
    const name = String(t.rest[t.rest.length - 1]);
    if (t.list === null) {
      out.push({ path: t.rest, name, owner: t.owner ?? sc.system, kind: t.kind });
      continue;
    }
    const list = getPath(sc, t.list);
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      const owner = String(getPath(item, [t.idField ?? 'id']) ?? i);
      out.push({ path: [...(t.list as PathKey[]), i, ...t.rest], name, owner, kind: t.kind });
    });
  }
  return out;
}

/** Parses a knob's form value (always a string from a <select>/<input>) into the scalar the schema expects. */
export function knobValue(kind: KnobKind, raw: string): ScalarValue {
  if (kind.type === 'bool') return raw === 'true';
  if (kind.type === 'int') return Number(raw);
  const hit = kind.options.find((o) => String(o) === raw);
  return hit === undefined ? raw : hit;
}
