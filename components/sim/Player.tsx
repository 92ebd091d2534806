'use client';

/**
 * The simulator player: one built-in scenario, the learner's config patches and injected faults, a timeline run once
 * per (scenario, patches, interventions) and a player machine that says which step is on screen.
 *
 * Invariants and traps:
 * - Nothing here reads `window` during render: the URL is read in an effect after mount, and written back
 *   (history.replaceState) only while not playing, so playback never floods the history API.
 * - The world on screen is `cache.get(step)`, a read of a deterministic replay; no engine actor is alive.
 * - Every edit (fault, config) is validated and run *before* it is committed to state, so a bad edit shows an error
 *   and leaves the player as it was.
 * - What loads, and when (lib/sim/load.ts): this chunk, then the scenario's own engine core and its build-time data
 *   (validated scenario, fault catalog, narration of the unedited run) in parallel. The edit kit (zod, the schemas,
 *   `?s=` decoding, the narration code) loads only for a shared link or the learner's first edit, so a plain visit
 *   never downloads it. While the session is unedited, narration is read from the data. Never import '@/simulator'
 *   (the registry) here: it would pull all three engines, every built-in and zod into this chunk.
 */
import { useMachine } from '@xstate/react';
import { use, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ScenarioBase, System } from '@/simulator/core/types';
import { fill } from '@/lib/sim/fill';
import type { SimLocale, SimStrings } from '@/lib/i18n/sim';
import { intervalFor, playerMachine, type PlayerStateValue } from '@/lib/sim/player-machine';
import type { FaultOption } from '@/lib/sim/faults';
import { loadedEditKit, loadEditKit, loadPlayer, withNarration, type EditKit, type Narrate, type ScenarioData, type SystemKit } from '@/lib/sim/load';
import {
  forkAt,
  loadSession,
  lossStep,
  patchedScenario,
  pathLabel,
  upsertPatch,
  validateInterventions,
  validateStep,
  type ConfigPatch,
  type Intervention,
  type InterventionStep,
  type ScalarValue,
  type AnyEngine,
} from '@/lib/sim/session';
import { StepCache } from '@/lib/sim/step-cache';
import { nextStop, prevStop, stopIndex, stopsOf } from '@/lib/sim/steps';
import { searchFor, stateParam } from '@/lib/sim/url-state';
import { Controls } from './Controls';
import { EventLog } from './EventLog';
import { FaultPanel, describeStep } from './FaultPanel';
import { Mark } from './icons';
import { OutcomePanel } from './OutcomePanel';
import { StateTable } from './StateTable';
import { SystemView } from './views/SystemView';
import type { DrawView } from './views/types';

interface Edits {
  patches: ConfigPatch[];
  interventions: Intervention[];
}

const NO_EDITS: Edits = { patches: [], interventions: [] };

/**
 * Names this chunk for scripts/budgets.mjs: a scenario page counts it (the player mounts at once), a lesson or a
 * practice page does not (there it loads on view or after an answer).
 */
export const CHUNK_TAG = 'mqlab:chunk:player';

export interface PlayerProps {
  /** Built-in scenario id. */
  id: string;
  /** Its system: which engine chunk to load (known from the server-rendered card, so it loads in parallel). */
  system: System;
  locale: SimLocale;
  /** Read the state from `?s=` after mount and keep the URL in step (the full-page simulator only). */
  syncUrl?: boolean;
  /** Start playing as soon as it mounts (the lesson embed's "Run" button). */
  autoPlay?: boolean;
  /** The scenario's build-time data, when the page has it (the prerendered scenario page); else it is fetched. */
  data?: ScenarioData;
}

const subscribeNothing = () => () => {};

/**
 * The query string as the page was opened. Trap: the player rewrites the URL as the learner moves (replaceState),
 * so reading `location.search` on every render would make the restored state — and a broken link's alert — chase
 * the player's own writes. Pages are full loads (plain <a> links), so one value per document is right.
 */
let openedWith: string | null = null;
const firstSearch = () => (openedWith ??= window.location.search);
const noSearch = () => '';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const NONE: ReadonlySet<string> = new Set();

/** Keys typed into these stay theirs: text fields, selects, and the range input (which maps ←/→/Home/End itself). */
function ownsKeys(el: Element | null): boolean {
  if (!el) return false;
  const h = el as HTMLElement;
  if (h.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button' && type !== 'submit' && type !== 'reset';
}

/** Validates a shared state against the scenario and its timeline; returns the edits and step, or a reason. */
function restore(
  v: EditKit | null,
  base: ScenarioBase,
  id: string,
  search: string,
  t: SimStrings,
): { edits: Edits; step: number } | { error: string } {
  const raw = stateParam(search);
  if (raw === null) return { edits: NO_EDITS, step: 0 };
  // The player loads the edit kit before restoring whenever the URL has a state parameter.
  if (!v) return { error: fill(t.errors.run, { detail: 'validator not loaded' }) };
  const decoded = v.decodeState(raw, id);
  if (!decoded.ok) return { error: fill(t.errors[decoded.reason], { detail: decoded.detail }) };
  const { p, i, n } = decoded.state;
  let sc: ScenarioBase;
  try {
    sc = patchedScenario(v.parseScenario, base, p);
  } catch (e) {
    return { error: fill(t.errors.config, { detail: message(e) }) };
  }
  let interventions: Intervention[];
  try {
    interventions = validateInterventions(v.parseScenario, sc, i);
  } catch (e) {
    return { error: fill(t.errors.fault, { detail: message(e) }) };
  }
  try {
    const s = loadSession(v.engine, base, p, interventions, v.parseScenario);
    if (n > s.timeline.length) return { error: fill(t.errors.step, { detail: `${n} > ${s.timeline.length}` }) };
  } catch (e) {
    return { error: fill(t.errors.run, { detail: message(e) }) };
  }
  return { edits: { patches: p, interventions }, step: n };
}

/**
 * Suspends (inside LazySimulation's Suspense and error boundary) until the engine and the scenario's data are
 * here; a failed load shows the boundary's retry. The scenario page passes `data` (it is prerendered with the
 * player, and a prerender cannot fetch a relative URL); embeds fetch it.
 */
export default function Player({ id, system, locale, syncUrl = false, autoPlay = false, data: given }: PlayerProps) {
  const { core, draw, data, t, narrate } = use(loadPlayer(id, system, locale, given));
  return (
    <PlayerInner
      id={id}
      locale={locale}
      t={t}
      core={core}
      narrate={narrate}
      narration={data.narration ?? null}
      draw={draw}
      base={data.scenario}
      faults={data.faults}
      title={data.scenario.title?.[locale] ?? id}
      lessons={data.scenario.lessons ?? []}
      syncUrl={syncUrl}
      autoPlay={autoPlay}
    />
  );
}

interface InnerProps {
  id: string;
  locale: SimLocale;
  t: SimStrings;
  core: SystemKit['core'];
  /** The narration code when it loaded with the player (the data had no narration); else null until an edit. */
  narrate: Narrate | null;
  /** The unedited run's narration in this locale, from the build (null: use the narration code). */
  narration: string[] | null;
  draw: DrawView;
  base: ScenarioBase;
  faults: FaultOption[];
  title: string;
  lessons: string[];
  syncUrl: boolean;
  autoPlay: boolean;
}

function PlayerInner({ id, locale, t, core, narrate, narration: builtNarration, draw, base, faults, title, lessons, syncUrl, autoPlay }: InnerProps) {
  const [kit, setKit] = useState(() => loadedEditKit(core.system));
  const parse = kit?.parseScenario ?? null;
  // Edited timelines run on the edit kit's engine (with narration); the unedited one on the core alone.
  const engine = useMemo<AnyEngine>(() => kit?.engine ?? withNarration(core, narrate), [kit, core, narrate]);
  // The URL is an external store: read it after hydration (the server snapshot is null, so prerendering never
  // touches `window`), derive the restored session from it, and let the learner's own edits override it.
  const search = useSyncExternalStore(subscribeNothing, syncUrl ? firstSearch : noSearch, () => null);
  // A shared state is restored once the edit kit is here (loaded just for it); until then the player shows the
  // scenario's start and is not marked ready.
  const [kitError, setKitError] = useState<string | null>(null);
  const pending = search !== null && stateParam(search) !== null && !kit && !kitError;
  useEffect(() => {
    if (pending) loadEditKit(core).then(setKit, (e: unknown) => setKitError(message(e)));
  }, [pending, core]);
  const restored = useMemo(
    () =>
      search === null || pending
        ? null
        : kitError && stateParam(search) !== null
          ? { error: fill(t.errors.run, { detail: kitError }) }
          : restore(kit, base, id, search, t),
    [search, pending, kitError, kit, base, id, t],
  );
  const linkError = restored && 'error' in restored ? restored.error : null;
  const [userEdits, setEdits] = useState<Edits | null>(null);
  const edits = userEdits ?? (restored && !('error' in restored) ? restored.edits : NO_EDITS);
  const [editAlert, setAlert] = useState<{ kind: 'link' | 'edit'; text: string } | null>(null);
  const [linkDismissed, setLinkDismissed] = useState(false);
  const alert = editAlert ?? (linkError && !linkDismissed ? { kind: 'link' as const, text: linkError } : null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [showBackground, setShowBackground] = useState(false);
  // Predict-first: the outcome (and where data is lost) stays hidden until the learner reaches the end, jumps to the
  // key moment or asks for it. Sticky once set.
  const [revealed, setRevealed] = useState(false);
  const rootRef = useRef<HTMLElement>(null);

  // Edits are validated before they are set, so this cannot throw for any state the player can reach.
  const session = useMemo(() => loadSession(engine, base, edits.patches, edits.interventions, parse), [engine, base, edits, parse]);
  const { timeline } = session;
  const cache = useMemo(() => new StepCache(timeline, session.interventions), [timeline, session.interventions]);

  const [snap, send] = useMachine(playerMachine, { input: { length: timeline.length } });
  const state = snap.value as PlayerStateValue;
  const { step, speed } = snap.context;
  // Where step / back / play stop: foreground events by default (the world is still stateAt(true step)).
  const stops = useMemo(() => stopsOf(timeline.records, showBackground), [timeline, showBackground]);
  // Reaching the end reveals the outcome (state adjusted during render, React's pattern for derived sticky state).
  if (!revealed && timeline.length > 0 && step >= timeline.length) setRevealed(true);

  // Edit handlers load their new timeline into the machine themselves, in the same event as the edit (so a click
  // that follows immediately cannot be lost). This effect keeps the length in step for any other change (the
  // restored link) and applies the restored step once, when the URL is first read.
  const restoreApplied = useRef(false);
  const restoredStep = restored && !('error' in restored) ? restored.step : 0;
  useEffect(() => {
    let target: number | undefined;
    if (restored !== null && !restoreApplied.current) {
      restoreApplied.current = true;
      if (restoredStep > 0) target = restoredStep;
    }
    send({ type: 'player.load', length: timeline.length, step: target });
  }, [timeline, send, restored, restoredStep]);

  useEffect(() => {
    if (autoPlay) send({ type: 'player.play' });
  }, [autoPlay, send]);

  // Playback: one tick per interval while playing.
  useEffect(() => {
    if (state !== 'playing') return;
    const timer = window.setTimeout(() => send({ type: 'player.tick', to: nextStop(stops, step) }), intervalFor(speed));
    return () => window.clearTimeout(timer);
  }, [state, step, speed, send, stops]);

  const shareSearch = searchFor({ s: id, p: edits.patches, i: edits.interventions, n: step });
  useEffect(() => {
    if (!syncUrl || search === null || state === 'playing') return;
    const url = `${window.location.pathname}${shareSearch}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', url);
  }, [syncUrl, search, state, shareSearch]);

  const world = cache.get(step);
  const record = step > 0 ? timeline.records[step - 1] : undefined;
  const report = timeline.report;
  const lostAll = useMemo(() => new Set(report.lost), [report]);
  const lost = revealed ? lostAll : NONE;
  const lossAt = useMemo(() => lossStep(timeline.records, report), [timeline, report]);
  const nodes = useMemo(() => timeline.engine.nodes(session.scenario, cache.get(0)), [timeline, session.scenario, cache]);

  const seek = useCallback((n: number) => send({ type: 'player.seek', step: n }), [send]);
  const reveal = useCallback(() => setRevealed(true), []);
  const jumpToKey = useCallback(() => {
    if (lossAt === null) return;
    setRevealed(true);
    send({ type: 'player.seek', step: lossAt });
  }, [lossAt, send]);

  // The build narrated the unedited run; an edited one is narrated here (its edit kit brought the narration code).
  const unedited = edits.patches.length === 0 && edits.interventions.length === 0;
  const narrationOf = useCallback(
    (i: number) => (unedited && builtNarration ? (builtNarration[i] ?? '') : timeline.narration(i)[locale]),
    [unedited, builtNarration, timeline, locale],
  );
  const narration = record ? narrationOf(step - 1) : t.player.start;

  /**
   * Runs `edit` with the edit kit (validator and narrated engine): at once when it is loaded (the usual case after the first edit), else after
   * loading it. Hovering or focusing the fault panel starts that load early (see `prefetch` below).
   */
  const withEditKit = useCallback(
    (edit: (v: EditKit) => void) => {
      const ready = kit ?? loadedEditKit(core.system);
      if (ready) return edit(ready);
      setNotice(t.faults.preparing);
      loadEditKit(core).then(
        (v) => {
          setKit(v);
          edit(v);
        },
        (e: unknown) => setAlert({ kind: 'edit', text: fill(t.faults.invalid, { error: message(e) }) }),
      );
    },
    [kit, core, t],
  );
  const prefetch = useCallback(() => {
    if (!kit) loadEditKit(core).then(setKit, () => {});
  }, [kit, core]);

  const inject = useCallback(
    (raw: InterventionStep) =>
      withEditKit((v) => {
      try {
        const parsed = validateStep(v.parseScenario, session.scenario, raw);
        const interventions = forkAt(edits.interventions, step, parsed);
        const next = loadSession(v.engine, base, edits.patches, interventions, v.parseScenario);
        send({ type: 'player.load', length: next.timeline.length, step: step + 1 });
        setEdits({ patches: edits.patches, interventions });
        setNotice(fill(t.faults.injected, { what: describeStep(parsed, t) }));
        setAlert(null);
      } catch (e) {
        setAlert({ kind: 'edit', text: fill(t.faults.invalid, { error: message(e) }) });
      }
      }),
    [withEditKit, session.scenario, edits, step, base, t, send],
  );

  const configure = useCallback(
    (path: ConfigPatch['path'], value: ScalarValue) =>
      withEditKit((v) => {
      try {
        const patches = upsertPatch(edits.patches, { path, value });
        const sc = patchedScenario(v.parseScenario, base, patches);
        const interventions = validateInterventions(v.parseScenario, sc, edits.interventions);
        const next = loadSession(v.engine, base, patches, interventions, v.parseScenario);
        send({ type: 'player.load', length: next.timeline.length, step });
        setEdits({ patches, interventions });
        setNotice(fill(t.faults.applied, { what: `${pathLabel(path)} = ${JSON.stringify(value)}` }));
        setAlert(null);
      } catch (e) {
        setAlert({ kind: 'edit', text: fill(t.faults.invalid, { error: message(e) }) });
      }
      }),
    [withEditKit, edits, base, step, t, send],
  );

  const undo = useCallback(
    (kind: 'patch' | 'intervention' | 'all', index = 0) => {
      const next: Edits =
        kind === 'all'
          ? NO_EDITS
          : kind === 'patch'
            ? { patches: edits.patches.filter((_, i) => i !== index), interventions: edits.interventions }
            : { patches: edits.patches, interventions: edits.interventions.filter((_, i) => i !== index) };
      try {
        // Undo only removes edits: any patch left was validated with the edit kit, which is loaded by then.
        const loaded = loadSession(engine, base, next.patches, next.interventions, parse);
        send({ type: 'player.load', length: loaded.timeline.length, step });
        setEdits(next);
        setAlert(null);
      } catch (e) {
        setAlert({ kind: 'edit', text: fill(t.faults.invalid, { error: message(e) }) });
      }
    },
    [edits, engine, base, parse, step, t, send],
  );

  const share = useCallback(async () => {
    const url = `${window.location.origin}${window.location.pathname}${shareSearch}`;
    try {
      await navigator.clipboard.writeText(url);
      setNotice(t.player.copied);
    } catch {
      setNotice(t.player.copyFailed);
    }
  }, [shareSearch, t]);

  // Keyboard shortcuts. The full-page player listens on the document (they work right after load, wherever focus
  // is, except in text fields); an embedded player in a lesson only while focus is inside it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target instanceof Element ? e.target : null;
      const root = rootRef.current;
      // Keys pressed inside a modal dialog (the search dialog) belong to it, not to the page behind.
      if (!root || ownsKeys(el) || el?.closest('dialog[open]')) return;
      if (!syncUrl && !(el && root.contains(el))) return;
      const onControl = !!el && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY' || el.tagName === 'INPUT');
      const s = stops;
      const n = step;
      switch (e.key) {
        case 'ArrowRight':
          send({ type: 'player.step', to: nextStop(s, n) });
          break;
        case 'ArrowLeft':
          send({ type: 'player.back', to: prevStop(s, n) });
          break;
        case 'Home':
          send({ type: 'player.home' });
          break;
        case 'End':
          send({ type: 'player.end' });
          break;
        case '+':
        case '=':
          send({ type: 'player.faster' });
          break;
        case '-':
        case '_':
          send({ type: 'player.slower' });
          break;
        case ' ':
          // Space on a button, link or checkbox must still press it (keyboard users rely on it).
          if (onControl) return;
          send({ type: 'player.toggle' });
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    const target: Document | HTMLElement | null = syncUrl ? document : rootRef.current;
    target?.addEventListener('keydown', onKey as EventListener);
    return () => target?.removeEventListener('keydown', onKey as EventListener);
  }, [syncUrl, send, stops, step]);

  // `data-ready` marks the moment the player answers input: the machine's actor and the key listener start in
  // passive effects, which can run a while after the player is first painted on a busy page (tests wait for it).
  // With a shared link, ready means restored.
  const settled = search !== null && !pending;
  useEffect(() => {
    if (settled) rootRef.current?.setAttribute('data-ready', 'true');
  }, [settled]);

  const at = stopIndex(stops, step);
  const position = showBackground ? fill(t.player.position, { n: step, total: timeline.length }) : fill(t.player.stepPosition, { k: at, K: stops.length - 1, n: step, total: timeline.length });

  return (
    <section
      aria-label={fill(t.player.region, { title })}
      data-state={state}
      data-scenario={id}
      data-system={base.system}
      data-step={step}
      data-length={timeline.length}
      data-revealed={revealed}
      ref={rootRef}
      tabIndex={-1}
      className="not-prose rounded-xl border border-line bg-surface p-3 outline-none focus-visible:ring-2 focus-visible:ring-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent/60 sm:p-4"
    >
      {alert && (
        <div role="alert" className="mb-3 flex items-start justify-between gap-3 rounded-md border-2 border-lost p-3" data-testid="sim-alert">
          <div>
            <p className="font-semibold text-lost">
              <Mark kind="fault" className="me-1" />
              {alert.kind === 'link' ? t.errors.title : alert.text}
            </p>
            {alert.kind === 'link' && (
              <p>
                {alert.text} {t.errors.fallback}
              </p>
            )}
          </div>
          <button type="button" className="rounded border border-line px-2 py-1 text-sm" onClick={() => (editAlert ? setAlert(null) : setLinkDismissed(true))}>
            {t.errors.dismiss}
          </button>
        </div>
      )}
      {report.violations.length > 0 && (
        <p role="alert" className="mb-3 rounded-md border-2 border-lost p-3 text-sm">
          {fill(t.player.violations, { list: report.violations.slice(0, 3).join('; ') })}
        </p>
      )}

      <Controls
        t={t}
        state={state}
        step={step}
        length={timeline.length}
        stops={stops}
        speed={speed}
        records={timeline.records}
        lossAt={lossAt}
        revealed={revealed}
        showBackground={showBackground}
        send={send}
        onJump={jumpToKey}
        onShare={share}
        onToggleBackground={setShowBackground}
      />

      <p className="mt-2 min-h-[3rem] rounded-md bg-surface-muted px-3 py-2 text-sm" aria-live="polite" aria-atomic="true" data-testid="narration">
        <span className="font-mono text-ink-muted">
          {position} · {fill(t.player.time, { ms: world.time })}
        </span>{' '}
        {narration}
      </p>
      {notice && (
        <p className="mt-1 text-sm text-ink-muted" role="status">
          {notice}
        </p>
      )}

      {/* The stage sets the row's height (its drawing's height); the log fills that height and scrolls. */}
      <div className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div
          tabIndex={0}
          aria-label={t.player.stage}
          aria-describedby={`${id}-keys`}
          className="min-w-0 self-start rounded-md border border-line p-1"
          data-testid="stage"
        >
          <SystemView draw={draw} world={world} scenario={session.scenario} record={record} lost={lost} t={t} nodes={nodes} />
          <p id={`${id}-keys`} className="px-2 pb-1 text-xs text-ink-muted">
            {t.player.keys}
          </p>
        </div>
        <div className="relative min-w-0 lg:min-h-[20rem]">
          <div className="flex max-h-[28rem] lg:absolute lg:inset-0 lg:max-h-none">
            <EventLog t={t} locale={locale} timeline={timeline} narrationOf={narrationOf} step={step} lessons={lessons} revealed={revealed} onSeek={seek} />
          </div>
        </div>
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <OutcomePanel t={t} report={report} lossAt={lossAt} revealed={revealed} onReveal={reveal} onJump={jumpToKey} />
        <FaultPanel
          t={t}
          locale={locale}
          scenario={session.scenario}
          faults={faults}
          onIntent={prefetch}
          world={world}
          nodes={nodes}
          edits={edits}
          onInject={inject}
          onConfigure={configure}
          onUndo={undo}
        />
      </div>

      <div className="mt-4">
        <button type="button" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)} className="rounded-md border border-line px-3 py-1 text-sm">
          {showTable ? t.player.hideStateTable : t.player.stateTable}
        </button>
        {/* Rendered only when asked for: rebuilding a table of the whole state on every step is the single most
            expensive thing the player could do. The toggle is a real button, so screen-reader users reach it. */}
        {showTable && (
          <div className="mt-2">
            <StateTable d={world.d} caption={fill(t.player.stateCaption, { n: step })} labels={{ entity: t.view.entity, value: t.view.value }} />
          </div>
        )}
      </div>
    </section>
  );
}
