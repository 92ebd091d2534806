/**
 * A player session as data: a built-in scenario, the learner's config patches and the faults they injected.
 * Everything here is pure and deterministic, so the same session (from a URL, say) always yields the same timeline.
 *
 * Invariants:
 * - A patched scenario is always re-validated with `parseScenario` (a patch can never smuggle in a bad config).
 * - Interventions hold *parsed* steps (zod defaults applied): the engine receives steps exactly as the schema
 *   would have produced them in a script, so `loseUnflushed` etc. never arrive undefined.
 * - Forking at step n keeps only interventions with `at ≤ n`: everything after n is the discarded old future.
 * - Validation is passed in (`Parse`, i.e. simulator/parse's parseScenario) rather than imported: the browser loads
 *   the zod schemas only when there is something to validate (a learner's edit, a share link), and an unedited
 *   built-in runs from the scenario the build already validated. This module must not import zod or the schemas.
 */
import { Timeline, type Engine, type Intervention } from '@/simulator/core/engine';
import { ScenarioError } from '@/simulator/core/validate';
import type { EventRecord, Marker, Report, ScenarioBase } from '@/simulator/core/types';

export type ScalarValue = string | number | boolean | null;
/** A patch sets a scalar, or a list of scalars (e.g. cluster.brokers = ["b1", …, "b5"]). */
export type PatchValue = ScalarValue | ScalarValue[];
export type PathKey = string | number;

/** "Set this field of the scenario to this value" (e.g. producers[0].config.acks = "all"). */
export interface ConfigPatch {
  path: PathKey[];
  value: PatchValue;
}

export type InterventionStep = Intervention['step'];
/** Validates a scenario document (simulator/parse's parseScenario); throws ScenarioError naming the field. */
export type Parse = (doc: unknown) => ScenarioBase;
/** An engine with its scenario and domain types erased (the player handles all three systems alike). */
export type AnyEngine = Engine<ScenarioBase, unknown>;
export type { Intervention };

/** Top-level scenario fields a patch may never touch (identity and the script itself). */
const FROZEN = new Set(['id', 'system', 'script', 'title', 'question', 'lessons', 'topics']);

export class PatchError extends Error {}

/** Returns a deep copy of `doc` with `value` at `path`; creates missing objects, never missing array slots. */
export function setPath(doc: unknown, path: PathKey[], value: PatchValue): unknown {
  if (path.length === 0) throw new PatchError('empty path');
  if (typeof path[0] !== 'string' || FROZEN.has(path[0])) throw new PatchError(`field "${String(path[0])}" cannot be patched`);
  const root: unknown = structuredClone(doc);
  let cur: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    if (Array.isArray(cur)) {
      if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= cur.length) throw new PatchError(`no element ${String(key)} at ${pathLabel(path.slice(0, i))}`);
      if (last) cur[key] = structuredClone(value);
      else cur = cur[key];
    } else if (cur !== null && typeof cur === 'object') {
      if (typeof key !== 'string' || key === '__proto__' || key === 'constructor' || key === 'prototype') throw new PatchError(`bad key ${String(key)}`);
      const obj = cur as Record<string, unknown>;
      if (last) obj[key] = structuredClone(value);
      else {
        if (obj[key] === undefined) obj[key] = {};
        cur = obj[key];
      }
    } else {
      throw new PatchError(`${pathLabel(path.slice(0, i))} is not an object`);
    }
  }
  return root;
}

/** Reads a value at a path (undefined when absent). */
export function getPath(doc: unknown, path: PathKey[]): unknown {
  let cur: unknown = doc;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** "producers[0].config.acks" */
export function pathLabel(path: PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `["${k}"]`)).join('');
}

const samePath = (a: PathKey[], b: PathKey[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** Adds a patch; a later patch of the same field replaces the earlier one (the list stays minimal). */
export function upsertPatch(patches: ConfigPatch[], patch: ConfigPatch): ConfigPatch[] {
  return [...patches.filter((p) => !samePath(p.path, patch.path)), patch];
}

/** The base scenario with every patch applied, validated. Throws ScenarioError / PatchError. */
export function patchedScenario(parse: Parse, base: ScenarioBase, patches: ConfigPatch[]): ScenarioBase {
  let doc: unknown = base;
  for (const p of patches) doc = setPath(doc, p.path, p.value);
  return parse(doc);
}

/**
 * Validates one step against the scenario's own schema (the engine's zod union plus its cross-reference checks,
 * e.g. "unknown broker") by parsing the scenario with only that step as its script. Returns the parsed step.
 */
export function validateStep(parse: Parse, sc: ScenarioBase, step: unknown): InterventionStep {
  const parsed = parse({ ...sc, script: [step] });
  return parsed.script[0];
}

/** Whether the engine accepts a step (see validateStep). */
export function acceptsStep(parse: Parse, sc: ScenarioBase, step: unknown): boolean {
  try {
    validateStep(parse, sc, step);
    return true;
  } catch {
    return false;
  }
}

/** The interventions after injecting `step` at `at`: later ones (the old future) are discarded. */
export function forkAt(interventions: Intervention[], at: number, step: InterventionStep): Intervention[] {
  return [...interventions.filter((i) => i.at <= at), { at, step }];
}

/** Validates interventions from an untrusted source (a URL): integer `at` ≥ 0 and a step the engine accepts. */
export function validateInterventions(parse: Parse, sc: ScenarioBase, list: Intervention[]): Intervention[] {
  return list.map((iv) => {
    if (!Number.isInteger(iv.at) || iv.at < 0) throw new ScenarioError(`invalid intervention: "at" must be a non-negative integer`);
    return { at: iv.at, step: validateStep(parse, sc, iv.step) };
  });
}

export interface Session {
  scenario: ScenarioBase;
  timeline: Timeline<ScenarioBase, unknown>;
  interventions: Intervention[];
}

/** Snapshots every 64 events: stateAt() replays at most 63 events (the player also memoises per step). */
const SNAPSHOT_EVERY = 64;
const CACHE_SIZE = 6;
const cache = new Map<string, Session>();

/**
 * Runs (or reuses) the timeline of base + patches + interventions. Cached by value, so re-rendering, toggling a
 * panel or undoing back to an earlier list never re-runs the simulation.
 *
 * `base` must already be valid (parsed at build time, or by `parse`); `parse` is needed only when there are patches
 * (interventions are validated by the caller, see validateInterventions).
 */
export function loadSession(engine: AnyEngine, base: ScenarioBase, patches: ConfigPatch[], interventions: Intervention[], parse: Parse | null): Session {
  if (engine.system !== base.system) throw new ScenarioError(`the ${engine.system} engine cannot run a ${base.system} scenario`);
  const key = JSON.stringify([base.system, base.id ?? base, patches, interventions]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let scenario = base;
  if (patches.length > 0) {
    if (!parse) throw new ScenarioError('config patches need the scenario validator, which is not loaded');
    scenario = patchedScenario(parse, base, patches);
  }
  const timeline = new Timeline(engine, scenario, { interventions, snapshotEvery: SNAPSHOT_EVERY });
  const session: Session = { scenario, interventions, timeline };
  cache.set(key, session);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return session;
}

// ---------------------------------------------------------------- reading a timeline

/** Markers the scrubber draws, most important first (a crowded pixel shows the first one present). */
export const MARKER_PRIORITY: Marker[] = ['loss', 'dead-letter', 'duplicate', 'leader-change', 'crash', 'fault', 'isr-change', 'rebalance', 'error', 'ack', 'commit'];

/**
 * The step to jump to for "the moment data was lost": just after the first event marked `loss`; otherwise, for a
 * message the report calls lost, the last event after its ack that still mentions it (typically the truncation or
 * deletion that removed the last copy), else the first crash or leader change after that ack. null = nothing lost.
 */
export function lossStep(records: EventRecord[], report: Pick<Report, 'lost'>): number | null {
  const marked = records.findIndex((r) => r.markers?.includes('loss'));
  if (marked >= 0) return marked + 1;
  let best: number | null = null;
  for (const id of report.lost) {
    let ackAt = -1;
    records.forEach((r, i) => {
      if (ackAt < 0 && r.markers?.includes('ack') && r.messages?.includes(id)) ackAt = i;
    });
    let at = -1;
    for (let i = records.length - 1; i > ackAt; i--) {
      if (records[i].messages?.includes(id)) {
        at = i;
        break;
      }
    }
    if (at < 0) at = records.findIndex((r, i) => i > ackAt && (r.markers?.includes('crash') || r.markers?.includes('leader-change')));
    if (at >= 0 && (best === null || at + 1 < best)) best = at + 1;
  }
  return best;
}

/** One row of the event log: a single event, or a run of consecutive background events folded into one. */
export type LogRow = { kind: 'event'; i: number } | { kind: 'fold'; from: number; to: number };

/** Folds runs of ≥ 2 consecutive background records (`bg: true`); stepping is unaffected (it stays per event). */
export function foldBackground(records: Pick<EventRecord, 'bg'>[]): LogRow[] {
  const rows: LogRow[] = [];
  for (let i = 0; i < records.length; ) {
    if (records[i].bg) {
      let j = i;
      while (j + 1 < records.length && records[j + 1].bg) j++;
      rows.push(j > i ? { kind: 'fold', from: i, to: j } : { kind: 'event', i });
      i = j + 1;
    } else {
      rows.push({ kind: 'event', i });
      i++;
    }
  }
  return rows;
}

/** The row showing record `i` (or -1). */
export function rowOf(rows: LogRow[], i: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid];
    const from = r.kind === 'event' ? r.i : r.from;
    const to = r.kind === 'event' ? r.i : r.to;
    if (i < from) hi = mid - 1;
    else if (i > to) lo = mid + 1;
    else return mid;
  }
  return -1;
}
