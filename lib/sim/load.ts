/**
 * What the player loads at run time, each piece once per page and each as its own chunk or file:
 * - the engine core and view of the scenario's system (components/sim/systems/*): a Kafka page never downloads
 *   RabbitMQ;
 * - the scenario's build-time data in the page's locale (`/sim-data/{locale}/{id}.json`, app/sim-data): the
 *   validated scenario, its fault catalog and the narration of its unedited run, so the browser needs neither the
 *   built-in tables, nor the schemas, nor (usually) the narration code to show it;
 * - the edit kit, only when the timeline on screen must be computed and checked here (a shared link, the
 *   learner's first edit): the validator (lib/sim/validator.ts: zod + schemas + `?s=` decoding) and the system's
 *   narration module (components/sim/systems/*-narrate.ts). The narration module also loads at once for a scenario
 *   whose narration is too long to ship as data (lib/sim/data.ts).
 *
 * Every loader caches its promise (React's `use` needs the same promise on every render) and forgets a failed one,
 * so the error boundary's "retry" really tries again.
 */
import type { EngineCore } from '@/simulator/core/engine';
import type { ArgValue, Narration, ScenarioBase, System } from '@/simulator/core/types';
import type { DrawView } from '@/components/sim/views/types';
import type { SimLocale, SimStrings } from '@/lib/i18n/sim';
import type { FaultOption } from './faults';
import { simDataHref } from './paths';
import type { AnyEngine, Parse } from './session';
import type { DecodeResult } from './url-decode';

/** The JSON app/sim-data writes for each built-in and locale. */
export interface ScenarioData {
  scenario: ScenarioBase;
  faults: FaultOption[];
  /** The narration of every event of the unedited run in this locale; absent when too long to ship (see data.ts). */
  narration?: string[];
}

export type Narrate = (kind: string, args: Record<string, ArgValue>) => Narration;

export interface Validator {
  parseScenario: Parse;
  decodeState(encoded: string, expectedId: string): DecodeResult;
  /** Its chunk's CHUNK_TAG (read here so the tag survives minification: scripts/budgets.mjs looks for it). */
  tag: string;
}

const promises = new Map<string, Promise<unknown>>();
const values = new Map<string, unknown>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = promises.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load().then(
      (v) => {
        values.set(key, v);
        return v;
      },
      (e: unknown) => {
        promises.delete(key);
        throw e;
      },
    );
    promises.set(key, p);
  }
  return p;
}

/** A system's chunk: its engine without narration, and its drawing. */
export interface SystemKit {
  core: EngineCore<ScenarioBase, unknown>;
  draw: DrawView;
}

const SYSTEMS: Record<System, () => Promise<{ CHUNK_TAG: string; core: unknown; draw: DrawView }>> = {
  kafka: () => import('@/components/sim/systems/kafka'),
  rabbitmq: () => import('@/components/sim/systems/rabbitmq'),
  rocketmq: () => import('@/components/sim/systems/rocketmq'),
};

export function loadSystem(system: System): Promise<SystemKit> {
  return once(`system:${system}`, async () => {
    const load = SYSTEMS[system];
    if (!load) throw new Error(`unknown system "${system}"`);
    const m = await load();
    const core = m.core as SystemKit['core'];
    if (core.system !== system) throw new Error(`${m.CHUNK_TAG} holds the ${core.system} engine, not ${system}`);
    return { core, draw: m.draw };
  });
}

const NARRATE: Record<System, () => Promise<{ CHUNK_TAG: string; narrate: Narrate }>> = {
  kafka: () => import('@/components/sim/systems/kafka-narrate'),
  rabbitmq: () => import('@/components/sim/systems/rabbitmq-narrate'),
  rocketmq: () => import('@/components/sim/systems/rocketmq-narrate'),
};

/** A system's narration code (both locales, every event kind). */
export function loadNarrate(system: System): Promise<Narrate> {
  return once(`narrate:${system}`, async () => {
    const m = await NARRATE[system]();
    if (!m.CHUNK_TAG.endsWith(system)) throw new Error(`${m.CHUNK_TAG} is not the ${system} narration`);
    return m.narrate;
  });
}

/** Stands in for narration that is not loaded: the event kind. The player never shows it (it reads the data's). */
const kindOnly: Narrate = (kind) => ({ zh: kind, en: kind });

/** The engine of a core with a narration (or the stand-in). */
export function withNarration(core: SystemKit['core'], narrate: Narrate | null): AnyEngine {
  return { ...core, narrate: narrate ?? kindOnly };
}

export function loadScenarioData(id: string, locale: SimLocale): Promise<ScenarioData> {
  return once(`data:${locale}:${id}`, async () => {
    const href = simDataHref(locale, id);
    const res = await fetch(href);
    if (!res.ok) throw new Error(`${href}: HTTP ${res.status}`);
    const data = (await res.json()) as ScenarioData;
    if (data?.scenario?.id !== id || !Array.isArray(data.faults)) throw new Error(`${href}: not the data of "${id}"`);
    return data;
  });
}

const STRINGS: Record<SimLocale, () => Promise<{ CHUNK_TAG: string; strings: SimStrings }>> = {
  zh: () => import('@/lib/i18n/sim-zh').then((m) => ({ CHUNK_TAG: m.CHUNK_TAG, strings: m.zh })),
  en: () => import('@/lib/i18n/sim-en').then((m) => ({ CHUNK_TAG: m.CHUNK_TAG, strings: m.en })),
};

/** The player's UI strings in one locale (the other locale's table never downloads). */
export function loadStrings(locale: SimLocale): Promise<SimStrings> {
  return once(`strings:${locale}`, async () => {
    const m = await STRINGS[locale]();
    if (!m.CHUNK_TAG.endsWith(locale)) throw new Error(`${m.CHUNK_TAG} is not the ${locale} strings`);
    return m.strings;
  });
}

/**
 * Engine core, data and strings together, fetched in parallel: what the player waits for before its first frame.
 * `given` is the data when the page already has it. The narration code joins only when the data has no narration.
 */
export function loadPlayer(
  id: string,
  system: System,
  locale: SimLocale,
  given?: ScenarioData,
): Promise<SystemKit & { data: ScenarioData; t: SimStrings; narrate: Narrate | null }> {
  return once(`player:${id}:${locale}`, async () => {
    const [kit, data, t] = await Promise.all([loadSystem(system), given ?? loadScenarioData(id, locale), loadStrings(locale)]);
    if (data.scenario.system !== system) throw new Error(`scenario "${id}" is a ${data.scenario.system} scenario, not ${system}`);
    const narrate = data.narration ? null : await loadNarrate(system);
    return { ...kit, data, t, narrate };
  });
}

export function loadValidator(): Promise<Validator> {
  return once('validator', async () => {
    const m = await import('./validator');
    return { parseScenario: m.parseScenario, decodeState: m.decodeState, tag: m.CHUNK_TAG };
  });
}

/** What computing and checking an edited timeline needs: the validator, and the engine with its narration. */
export interface EditKit extends Validator {
  engine: AnyEngine;
}

export function loadEditKit(core: SystemKit['core']): Promise<EditKit> {
  return once(`edit:${core.system}`, async () => {
    const [validator, narrate] = await Promise.all([loadValidator(), loadNarrate(core.system)]);
    return { ...validator, engine: withNarration(core, narrate) };
  });
}

/** The edit kit if it has finished loading, else null (never starts a load). */
export function loadedEditKit(system: System): EditKit | null {
  return (values.get(`edit:${system}`) as EditKit | undefined) ?? null;
}
