'use client';

import { useMemo, useState } from 'react';
import { fill } from '@/lib/sim/fill';
import { simT, type SimLocale } from '@/lib/i18n/sim';
import { scenarioHref } from '@/lib/sim/paths';
import { LessonLinks } from './LessonLinks';
import type { LibraryEntry } from '@/lib/sim/summary';

/**
 * The scenario list with its filters (system, topic). Server-rendered with every scenario visible, so the list
 * reads fully without JavaScript; the filters narrow it once hydrated.
 */
export function ScenarioLibrary({ locale, entries }: { locale: SimLocale; entries: LibraryEntry[] }) {
  const t = simT(locale);
  const [system, setSystem] = useState('');
  const [topic, setTopic] = useState('');
  const systems = useMemo(() => [...new Set(entries.map((e) => e.system))], [entries]);
  const topics = useMemo(() => [...new Set(entries.filter((e) => !system || e.system === system).flatMap((e) => e.topics))].sort(), [entries, system]);
  const shown = entries.filter((e) => (!system || e.system === system) && (!topic || e.topics.includes(topic)));
  const sys = t.systems as Record<string, string>;

  if (entries.length === 0) return <p className="mt-6 text-ink-muted">{t.library.empty}</p>;
  return (
    <div className="mt-6">
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col text-sm">
          {t.library.filterSystem}
          <select className="mt-1 rounded-md border border-line bg-surface px-2 py-1" value={system} onChange={(e) => { setSystem(e.currentTarget.value); setTopic(''); }} data-testid="filter-system">
            <option value="">{t.library.all}</option>
            {systems.map((s) => (
              <option key={s} value={s}>
                {sys[s] ?? s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t.library.filterTopic}
          <select className="mt-1 rounded-md border border-line bg-surface px-2 py-1" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} data-testid="filter-topic">
            <option value="">{t.library.all}</option>
            {topics.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <p className="text-sm text-ink-muted" role="status">
          {fill(t.library.count, { n: shown.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="mt-6 text-ink-muted">{t.library.none}</p>
      ) : (
        <ul className="mt-6 grid grid-cols-1 gap-4 [overflow-wrap:anywhere] md:grid-cols-2" data-testid="scenario-list">
          {shown.map((e) => (
            <li key={e.id} className="flex flex-col rounded-xl border border-line p-4" data-scenario={e.id} data-system={e.system}>
              <p className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{sys[e.system] ?? e.system}</p>
              <h2 className="mt-1 text-lg font-semibold">
                <a className="hover:underline" href={scenarioHref(locale, e.id)}>
                  {e.title[locale]}
                </a>
              </h2>
              <p className="mt-2">{fill(t.library.predict, { question: e.question[locale] })}</p>
              <p className="mt-2 text-sm text-ink-muted">{e.topology}</p>
              {e.topics.length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-1 text-xs" aria-label={t.library.filterTopic}>
                  {e.topics.map((tp) => (
                    <li key={tp} className="rounded bg-surface-muted px-1.5 py-0.5 font-mono">
                      {tp}
                    </li>
                  ))}
                </ul>
              )}
              <LessonLinks locale={locale} lessons={e.lessons} label={t.library.lessons} />
              <p className="mt-auto pt-3">
                <a className="link font-semibold" href={scenarioHref(locale, e.id)}>
                  {t.library.open} →
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
