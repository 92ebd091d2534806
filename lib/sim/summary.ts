/**
 * Static facts about a built-in scenario for the server-rendered placeholder (library cards, the scenario page's
 * first paint, the lazy lesson embed): title, question and a one-line topology, all plain strings, so the client
 * embed can show them without importing the simulator.
 */
import { getBuiltin, listBuiltins, parseScenario } from '@/simulator';
import type { BuiltinSummary, ScenarioBase, System } from '@/simulator/core/types';
import { fill } from '@/lib/sim/fill';
import { simT, type SimLocale } from '@/lib/i18n/sim';
import { getPath } from './session';

/** Props of <LazySimulation> (and of the static placeholder): serialisable strings only. */
export interface ScenarioCard {
  id: string;
  locale: SimLocale;
  system: System;
  title: string;
  question: string;
  topology: string;
  /** The few UI strings the placeholder needs, passed in so the embed's baseline JS carries no string tables. */
  labels: PlaceholderLabels;
}

export interface PlaceholderLabels {
  kind: string;
  system: string;
  question: string;
  topology: string;
  play: string;
  hint: string;
  loading: string;
  failed: string;
  retry: string;
}

export function placeholderLabels(locale: SimLocale, system: string): PlaceholderLabels {
  const t = simT(locale);
  return {
    kind: t.scenario.label,
    system: (t.systems as Record<string, string>)[system] ?? system,
    question: t.scenario.question,
    topology: t.scenario.topology,
    play: t.lazy.play,
    hint: t.lazy.hint,
    loading: t.scenario.loading,
    failed: t.lazy.failed,
    retry: t.lazy.retry,
  };
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const names = (v: unknown, field: string) => arr(v).map((x) => String(getPath(x, [field]))).join(', ');

/** A one-line description of the topology, in the domain's own terms. */
export function topologySummary(sc: ScenarioBase, locale: SimLocale): string {
  const t = simT(locale).topo;
  const parts: string[] = [];
  if (sc.system === 'kafka') {
    const brokers = arr(getPath(sc, ['cluster', 'brokers']));
    parts.push(fill(t.brokers, { n: brokers.length }));
    parts.push(fill(t.controller, { name: String(getPath(sc, ['cluster', 'controller']) ?? 'controller') }));
    // Topics live under cluster.topics (the top-level `topics` field is the library's tag list).
    const clusterTopics = arr(getPath(sc, ['cluster', 'topics']));
    const topicDefs = clusterTopics.length > 0 ? clusterTopics : arr(getPath(sc, ['topics'])).filter((x) => typeof x === 'object');
    for (const topic of topicDefs) {
      const assignment = arr(getPath(topic, ['assignment']));
      const p = Number(getPath(topic, ['partitions']) ?? (assignment.length || getPath(sc, ['cluster', 'config', 'num.partitions']) || 1));
      const rf = Number(getPath(topic, ['replicationFactor']) ?? (arr(assignment[0]).length || getPath(sc, ['cluster', 'config', 'default.replication.factor']) || 1));
      parts.push(fill(t.topic, { name: String(getPath(topic, ['name'])), p, rf }));
    }
    parts.push(fill(t.producers, { n: arr(getPath(sc, ['producers'])).length }), fill(t.consumers, { n: arr(getPath(sc, ['consumers'])).length }));
  } else if (sc.system === 'rabbitmq') {
    const topo = getPath(sc, ['topology']);
    parts.push(fill(t.nodes, { n: arr(getPath(topo, ['nodes'])).length }), fill(t.exchanges, { n: arr(getPath(topo, ['exchanges'])).length }));
    parts.push(fill(t.queues, { names: names(getPath(topo, ['queues']), 'name') }));
    parts.push(fill(t.publishers, { n: arr(getPath(topo, ['publishers'])).length }), fill(t.consumers, { n: arr(getPath(topo, ['consumers'])).length }));
  } else {
    const brokers = arr(getPath(sc, ['brokers']));
    parts.push(fill(t.nameservers, { n: arr(getPath(sc, ['nameservers'])).length }));
    parts.push(fill(t.brokerGroups, { n: brokers.length, slaves: brokers.filter((b) => getPath(b, ['slave'])).length }));
    parts.push(fill(t.topics, { names: names(getPath(sc, ['topics']), 'name') }));
    parts.push(fill(t.producers, { n: arr(getPath(sc, ['producers'])).length }), fill(t.consumers, { n: arr(getPath(sc, ['consumers'])).length }));
  }
  return parts.join(' · ');
}

/** The card of a built-in scenario, or null if the id is unknown. Server-side (it imports the simulator). */
export function scenarioCard(id: string, locale: SimLocale): ScenarioCard | null {
  const b = getBuiltin(id);
  if (!b) return null;
  const sc = parseScenario(b.scenario);
  return { id, locale, system: sc.system, title: b.scenario.title[locale], question: b.scenario.question[locale], topology: topologySummary(sc, locale), labels: placeholderLabels(locale, sc.system) };
}

export interface LibraryEntry extends BuiltinSummary {
  topology: string;
  expected: string;
}

export function libraryEntries(locale: SimLocale): LibraryEntry[] {
  return listBuiltins().map((s) => {
    const b = getBuiltin(s.id);
    return { ...s, topology: b ? topologySummary(parseScenario(b.scenario), locale) : '', expected: b ? b.expected[locale] : '' };
  });
}
