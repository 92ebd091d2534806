/**
 * What the player loads at run time, each piece once per page and each as its own chunk or file:
 * - the engine and view of the scenario's system (components/sim/systems/*): a Kafka page never downloads RabbitMQ;
 * - the scenario's build-time data (`/sim-data/{id}.json`, app/sim-data): the validated scenario and its fault
 *   catalog, so the browser needs neither the built-in scenario tables nor the schemas to run it;
 * - the validator (lib/sim/validator.ts: zod + schemas + `?s=` decoding), only when something must be checked.
 *
 * Every loader caches its promise (React's `use` needs the same promise on every render) and forgets a failed one,
 * so the error boundary's "retry" really tries again.
 */
import type { ScenarioBase, System } from '@/simulator/core/types';
import type { DrawView } from '@/components/sim/views/types';
import type { SimLocale, SimStrings } from '@/lib/i18n/sim';
import type { FaultOption } from './faults';
import { simDataHref } from './paths';
import type { AnyEngine, Parse } from './session';
import type { DecodeResult } from './url-decode';

/** The JSON app/sim-data writes for each built-in. */
export interface ScenarioData {
  scenario: ScenarioBase;
  faults: FaultOption[];
}

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

/** A system's chunk: its engine and its drawing. */
export interface SystemKit {
  engine: AnyEngine;
  draw: DrawView;
}

const SYSTEMS: Record<System, () => Promise<{ CHUNK_TAG: string; engine: unknown; draw: DrawView }>> = {
  kafka: () => import('@/components/sim/systems/kafka'),
  rabbitmq: () => import('@/components/sim/systems/rabbitmq'),
  rocketmq: () => import('@/components/sim/systems/rocketmq'),
};

export function loadSystem(system: System): Promise<SystemKit> {
  return once(`system:${system}`, async () => {
    const load = SYSTEMS[system];
    if (!load) throw new Error(`unknown system "${system}"`);
    const m = await load();
    const engine = m.engine as AnyEngine;
    if (engine.system !== system) throw new Error(`${m.CHUNK_TAG} holds the ${engine.system} engine, not ${system}`);
    return { engine, draw: m.draw };
  });
}

export function loadScenarioData(id: string): Promise<ScenarioData> {
  return once(`data:${id}`, async () => {
    const res = await fetch(simDataHref(id));
    if (!res.ok) throw new Error(`${simDataHref(id)}: HTTP ${res.status}`);
    const data = (await res.json()) as ScenarioData;
    if (data?.scenario?.id !== id || !Array.isArray(data.faults)) throw new Error(`${simDataHref(id)}: not the data of "${id}"`);
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
 * Engine, data and strings together, fetched in parallel: what the player waits for before its first frame. `given` is the
 * data when the page already has it (then only the engine loads).
 */
export function loadPlayer(id: string, system: System, locale: SimLocale, given?: ScenarioData): Promise<SystemKit & { data: ScenarioData; t: SimStrings }> {
  return once(`player:${id}:${locale}`, async () => {
    const [kit, data, t] = await Promise.all([loadSystem(system), given ?? loadScenarioData(id), loadStrings(locale)]);
    if (data.scenario.system !== system) throw new Error(`scenario "${id}" is a ${data.scenario.system} scenario, not ${system}`);
    return { ...kit, data, t };
  });
}

export function loadValidator(): Promise<Validator> {
  return once('validator', async () => {
    const m = await import('./validator');
    return { parseScenario: m.parseScenario, decodeState: m.decodeState, tag: m.CHUNK_TAG };
  });
}

/** The validator if it has finished loading, else null (never starts a load). */
export function loadedValidator(): Validator | null {
  return (values.get('validator') as Validator | undefined) ?? null;
}
