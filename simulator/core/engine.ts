/**
 * The engine interface and the driver that runs a scenario, records every event, checks invariants
 * after each one, and supports exact step-back / seek through periodic snapshots plus deterministic
 * replay (a run is a pure function of scenario + interventions).
 */
import type { ArgValue, EventData, EventRecord, GroupGeneration, Narration, PartitionReport, Report, ScenarioBase, System } from './types';
import { createWorldBase, isCoreStep, isCut, narrateCore, pop, peek, runCoreStep, type Pending, type World, type WorldBase } from './world';
import { verdicts } from './outcome';

export type Step<Sc extends ScenarioBase> = Sc['script'][number];

/** What an engine adds to the report; the core fills in the verdicts and counters. */
export interface EngineReport {
  /** Whether a message is still held at the end (below the HW on the leader / in a queue / in a DLQ). */
  stored(id: string): boolean;
  queues?: Record<string, string[]>;
  partitions?: Record<string, PartitionReport>;
  groups?: GroupGeneration[];
  /** Extra report fields (welcome, but never one of the fixed names). */
  extra?: Record<string, unknown>;
}

export interface Engine<Sc extends ScenarioBase, D> {
  system: System;
  /** Builds the domain state from the topology; may schedule initial timers on `w`. */
  init(sc: Sc, w: WorldBase): D;
  /** Every node name (brokers, clients, controller …), for `net.isolate` and the views. */
  nodes(sc: Sc, w: World<D>): string[];
  /** Executes one engine-specific script step (produce, crash, consume …). */
  step(w: World<D>, step: Step<Sc>, sc: Sc): EventData;
  /** Handles one due timer or network delivery. Deliveries over a cut link never reach it. */
  event(w: World<D>, ev: Pending, sc: Sc): EventData;
  /** Invariant violations in the current state (must be cheap: it runs after every event). */
  invariants(w: World<D>, sc: Sc): string[];
  /** Narration for the engine's own event kinds, generated from the recorded args. */
  narrate(kind: string, args: Record<string, ArgValue>, sc: Sc): Narration;
  report(w: World<D>, sc: Sc): EngineReport;
}

/**
 * An engine without its narration: what the browser runs while narration comes from build-time data or from the
 * narration module, which it loads on its own (components/sim/systems). `narrate` is the only thing missing.
 */
export type EngineCore<Sc extends ScenarioBase, D> = Omit<Engine<Sc, D>, 'narrate'>;

/** A learner's (or test's) intervention: run `step` just before event number `at` executes. */
export interface Intervention {
  at: number;
  step: { do: string; [k: string]: unknown };
}

export interface RunOptions {
  /** Stop after this many events (a safety net against runaway scenarios; reported as a violation). */
  maxEvents?: number;
  /** Keep a snapshot every N events for seeking (default 256). */
  snapshotEvery?: number;
  /** Final settle limit after the script ends, in simulated ms (default 10 minutes). */
  drainMs?: number;
  /** Interventions, sorted by `at`. */
  interventions?: Intervention[];
  /** Skip per-event invariant checks (benchmarks of raw speed only; tests never set it). */
  skipInvariants?: boolean;
}

const DEFAULTS = { maxEvents: 200_000, snapshotEvery: 256, drainMs: 600_000 };

/**
 * Produces the next event's data, or null when the run is over. Mutates `w`.
 * Order of business: due interventions, events due under "advance"/"settle", the next script step,
 * then a final drain of foreground work.
 */
export function nextEvent<Sc extends ScenarioBase, D>(engine: Engine<Sc, D>, sc: Sc, w: World<D>, interventions: Intervention[]): EventData | null {
  for (;;) {
    if (w.ipc < interventions.length && interventions[w.ipc].at <= w.executed) {
      return dispatchStep(engine, sc, w, interventions[w.ipc++].step as Step<Sc>);
    }
    const next = peek(w);
    if (w.waitUntil !== null || w.settling) {
      const inWindow = next !== undefined && (w.waitUntil === null || next.at <= w.waitUntil);
      const wanted = w.settling ? w.fg > 0 : true;
      if (inWindow && wanted) return handle(engine, sc, w, pop(w)!);
      if (w.waitUntil !== null && !w.settling) w.time = Math.max(w.time, w.waitUntil);
      w.waitUntil = null;
      w.settling = false;
      if (w.draining) return null;
      continue;
    }
    if (w.pc < sc.script.length) return dispatchStep(engine, sc, w, sc.script[w.pc++] as Step<Sc>);
    if (w.draining) return null;
    w.draining = true;
    w.settling = true;
    w.waitUntil = w.time + DEFAULTS.drainMs;
  }
}

function dispatchStep<Sc extends ScenarioBase, D>(engine: Engine<Sc, D>, sc: Sc, w: World<D>, step: Step<Sc>): EventData {
  return isCoreStep(step) ? runCoreStep(w, step, { nodes: engine.nodes(sc, w) }) : engine.step(w, step, sc);
}

function handle<Sc extends ScenarioBase, D>(engine: Engine<Sc, D>, sc: Sc, w: World<D>, ev: Pending): EventData {
  w.time = Math.max(w.time, ev.at);
  if (ev.kind === 'net' && isCut(w, ev.msg.from, ev.msg.to)) {
    const ids = Array.isArray(ev.msg.body.messages) ? (ev.msg.body.messages as string[]) : [];
    return { kind: 'net.lost', args: { type: ev.msg.body.type, from: ev.msg.from, to: ev.msg.to, messages: ids }, nodes: [ev.msg.from, ev.msg.to], messages: ids };
  }
  return engine.event(w, ev, sc);
}

/** Creates the initial world for a scenario. */
export function initWorld<Sc extends ScenarioBase, D>(engine: Engine<Sc, D>, sc: Sc): World<D> {
  const base = createWorldBase(sc);
  const d = engine.init(sc, base);
  return Object.assign(base, { d });
}

/** Narrates a recorded event in both languages (core kinds first, then the engine's). */
export function narrate<Sc extends ScenarioBase, D>(engine: Engine<Sc, D>, sc: Sc, rec: Pick<EventRecord, 'kind' | 'args'>): Narration {
  return narrateCore(rec.kind, rec.args) ?? engine.narrate(rec.kind, rec.args, sc);
}

/**
 * A complete run: every event record, the report, and exact access to the state after any event.
 * `stateAt(n)` is the world after n events (0 = initial); it replays from the nearest snapshot,
 * so it is exact and costs at most `snapshotEvery` events.
 */
export class Timeline<Sc extends ScenarioBase, D> {
  readonly records: EventRecord[] = [];
  readonly violations: string[] = [];
  readonly report: Report;
  private readonly snapshots: World<D>[] = [];
  private readonly every: number;
  private readonly interventions: Intervention[];
  readonly final: World<D>;

  constructor(
    readonly engine: Engine<Sc, D>,
    readonly scenario: Sc,
    opts: RunOptions = {},
  ) {
    this.every = opts.snapshotEvery ?? DEFAULTS.snapshotEvery;
    this.interventions = [...(opts.interventions ?? [])].sort((a, b) => a.at - b.at);
    const maxEvents = opts.maxEvents ?? DEFAULTS.maxEvents;
    const w = initWorld(engine, scenario);
    for (;;) {
      if (w.executed % this.every === 0) this.snapshots.push(structuredClone(w));
      if (w.executed >= maxEvents) {
        this.violations.push(`run stopped after ${maxEvents} events (maxEvents): the scenario never became quiet`);
        break;
      }
      const data = nextEvent(engine, scenario, w, this.interventions);
      if (data === null) break;
      const rec: EventRecord = { i: w.executed, time: w.time, ...data };
      this.records.push(rec);
      w.executed++;
      if (!opts.skipInvariants) for (const v of engine.invariants(w, scenario)) this.violations.push(`event ${rec.i} (${rec.kind}): ${v}`);
    }
    this.final = w;
    this.report = buildReport(engine, scenario, w, this.violations);
  }

  get length(): number {
    return this.records.length;
  }

  /** The world after `n` events (0 ≤ n ≤ length). Returns a fresh copy the caller may keep. */
  stateAt(n: number): World<D> {
    const target = Math.max(0, Math.min(n, this.records.length));
    const snap = this.snapshots[Math.floor(target / this.every)];
    const w = structuredClone(snap);
    while (w.executed < target) {
      const data = nextEvent(this.engine, this.scenario, w, this.interventions);
      if (data === null) break;
      w.executed++;
    }
    return w;
  }

  narration(i: number): Narration {
    return narrate(this.engine, this.scenario, this.records[i]);
  }
}

export function buildReport<Sc extends ScenarioBase, D>(engine: Engine<Sc, D>, sc: Sc, w: World<D>, violations: string[]): Report {
  const r = engine.report(w, sc);
  const v = verdicts(w.outcome, r.stored);
  return {
    ...(r.extra ?? {}),
    system: engine.system,
    seed: sc.seed,
    events: w.executed,
    messages: v.messages,
    lost: v.lost,
    duplicated: v.duplicated,
    reordered: v.reordered,
    queues: r.queues ?? {},
    partitions: r.partitions ?? {},
    groups: r.groups ?? [],
    violations,
  };
}

/** Runs a scenario to the end and returns only the report (what the CLI prints). */
export function runReport<Sc extends ScenarioBase, D>(engine: Engine<Sc, D>, sc: Sc, opts: RunOptions = {}): Report {
  return new Timeline(engine, sc, { snapshotEvery: 1 << 30, ...opts }).report;
}
