/**
 * The search index of one locale, built at `next build` (served as /{locale}/search/index.json). Covers lessons
 * (title, headings, summary, key points, the config keys and arguments their body writes as inline code), the notes' questions, quiz prompts, glossary terms and simulator scenarios. The en
 * index also holds the zh lessons not translated yet (marked with their language), so an English search still
 * finds every topic. Server-only.
 */
import { getSite } from '@/lib/content/site';
import { getGlossary } from '@/lib/glossary/glossary';
import { htmlLang, otherLocale, type Locale } from '@/lib/i18n';
import { lessonHref } from '@/lib/nav/site-nav';
import { glossaryHref } from '@/lib/seo/paths';
import { scenarioHref } from '@/lib/sim/paths';
import { scenarioCard } from '@/lib/sim/summary';
import { listBuiltins } from '@/simulator';
import { buildIndex, type SearchDoc, type SearchField, type SearchIndex } from './engine';

export function searchIndex(locale: Locale): SearchIndex {
  const { lessons, notes } = getSite();
  const entries: { doc: SearchDoc; fields: SearchField[] }[] = [];
  const other = otherLocale(locale);
  const shown = lessons.filter(
    (l) => l.locale === locale || !lessons.some((m) => m.locale === locale && m.track === l.track && m.slug === l.slug),
  );

  for (const lesson of shown) {
    const { frontmatter: fm, track, slug } = lesson;
    const href = lessonHref(lesson.locale, track, slug);
    const lang = lesson.locale === locale ? undefined : htmlLang(other);
    entries.push({
      doc: { k: 'lesson', t: fm.title, u: href, s: fm.summary, ...(lang ? { l: lang } : {}) },
      // Lessons are where a learner wants to land: their weights are twice those of the other kinds.
      fields: [
        { text: fm.title, weight: 20 },
        { text: lesson.headings.map((h) => h.text).join(' '), weight: 8 },
        { text: `${fm.summary} ${fm.keyPoints.join(' ')}`, weight: 4 },
        // Config keys and arguments the body mentions in `code` (x-dead-letter-exchange …): searched verbatim.
        { text: lesson.codeTerms.join(' '), weight: 3 },
      ],
    });
    // The notes' questions this lesson answers (verbatim, Chinese in both locales).
    for (const id of fm.questions) {
      const text = notes.byId.get(id)?.text;
      if (!text || lesson.locale !== locale) continue;
      entries.push({ doc: { k: 'question', t: text, u: href, s: fm.title, l: htmlLang('zh') }, fields: [{ text, weight: 6 }] });
    }
    if (lesson.locale !== locale) continue;
    for (const item of lesson.quiz.items) {
      entries.push({
        doc: { k: 'quiz', t: item.prompt, u: `${href}#quiz-${item.id}`, s: fm.title },
        fields: [{ text: item.prompt, weight: 3 }],
      });
    }
  }

  for (const term of getGlossary()) {
    entries.push({
      doc: { k: 'term', t: `${term[locale]} · ${term[other]}`, u: `${glossaryHref(locale)}#${term.id}`, s: term.def[locale] },
      fields: [
        { text: `${term.zh} ${term.en} ${(term.match ?? []).join(' ')}`, weight: 8 },
        { text: [...(term.aliases?.zh ?? []), ...(term.aliases?.en ?? [])].join(' '), weight: 4 },
        { text: term.def[locale], weight: 1 },
      ],
    });
  }

  for (const { id } of listBuiltins()) {
    const card = scenarioCard(id, locale);
    if (!card) continue;
    entries.push({
      doc: { k: 'scenario', t: card.title, u: scenarioHref(locale, id), s: card.question },
      fields: [
        { text: `${card.title} ${id}`, weight: 5 },
        { text: card.question, weight: 2 },
      ],
    });
  }
  return buildIndex(entries);
}
