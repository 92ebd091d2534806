import type { Metadata } from 'next';
import { everyLocale, pageMetadata } from '@/lib/seo/seo';
import { Shell } from '@/components/site/Shell';
import { LazySimulation } from '@/components/sim/LazySimulation';
import { getBuiltin, listBuiltins } from '@/simulator';
import { LOCALES, otherLocale, toLocale, type Locale } from '@/lib/i18n';
import { simT } from '@/lib/i18n/sim';
import { scenarioHref, simHref } from '@/lib/sim/paths';
import { LessonLinks } from '@/components/sim/LessonLinks';
import { scenarioData } from '@/lib/sim/data';
import { scenarioCard } from '@/lib/sim/summary';

type Props = { params: Promise<{ locale: string; id: string }> };

export const dynamicParams = false;

export function generateStaticParams(): { locale: Locale; id: string }[] {
  return LOCALES.flatMap((locale) => listBuiltins().map((s) => ({ locale, id: s.id })));
}

async function resolve(params: Props['params']) {
  const { locale: raw, id } = await params;
  const locale = toLocale(raw);
  const card = scenarioCard(id, locale);
  const builtin = getBuiltin(id);
  const data = scenarioData(id, locale);
  // Static params make an unknown id impossible; throwing keeps the types honest.
  if (!card || !builtin || !data) throw new Error(`unknown scenario "${id}"`);
  return { locale, id, card, builtin, data };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { card, locale, id } = await resolve(params);
  return pageMetadata(locale, everyLocale((l) => scenarioHref(l, id)), { title: card.title, description: card.question });
}

/**
 * The full-page simulator, prerendered at its first step (the page passes the scenario's build-time data, so the
 * prerender needs no fetch); it hydrates once the player and engine chunks arrive, then restores `?s=` if the URL
 * carries a shared state.
 */
export default async function ScenarioPage({ params }: Props) {
  const { locale, id, card, builtin, data } = await resolve(params);
  const t = simT(locale);
  const lessons = builtin.scenario.lessons ?? [];
  return (
    <Shell locale={locale} alternate={scenarioHref(otherLocale(locale), id)}>
      <p className="text-sm">
        <a className="link" href={simHref(locale)}>
          ← {t.scenario.back}
        </a>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{card.title}</h1>
      <p className="mt-2 text-lg">
        <span className="font-semibold">{t.scenario.predict} </span>
        {card.question}
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-ink-muted">{t.scenario.showExpected}</summary>
        <p className="mt-1">
          <span className="font-semibold">{t.scenario.expected}: </span>
          {builtin.expected[locale]}
        </p>
      </details>
      <LessonLinks locale={locale} lessons={lessons} label={t.library.lessons} />
      <div className="mt-6">
        {/* The player's panels are h3 (they sit under a lesson's h2 when embedded); this keeps the outline. */}
        <h2 className="sr-only">{t.scenario.playerHeading}</h2>
        <LazySimulation {...card} data={data} eager syncUrl />
        <noscript>
          <p className="mt-2 text-sm text-ink-muted">{t.scenario.noscript}</p>
        </noscript>
      </div>
    </Shell>
  );
}
