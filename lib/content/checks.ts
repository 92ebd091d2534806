/**
 * Whole-site cross-checks over already-validated lessons. Pure: the scenario registry is passed in, so tests can
 * use a fake one and the build uses the simulator's (lib/content/scenarios.ts). Returns "file: field: message" lines.
 */
import type { Lesson } from './loader';
import type { NotesIndex } from './notes';
import { LOCALES } from './schema';

/** What the checks need from the simulator's built-in scenario registry. */
export interface ScenarioRegistry {
  has(id: string): boolean;
}

export function checkSite(lessons: Lesson[], notes: NotesIndex, scenarios: ScenarioRegistry): string[] {
  const problems: string[] = [];
  const byLocale = (locale: string) => lessons.filter((l) => l.locale === locale);

  for (const lesson of lessons) {
    const { file, quizFile, frontmatter: fm, quiz } = lesson;
    const ids = new Set(fm.questions);

    fm.questions.forEach((id, i) => {
      const entry = notes.byId.get(id);
      if (!entry) {
        problems.push(`${file}: questions.${i}: unknown question id "${id}" (not in content/notes-index.json)`);
        return;
      }
      if (fm.questions.indexOf(id) !== i) problems.push(`${file}: questions.${i}: "${id}" is listed twice`);
      if (entry.duplicateOf !== undefined && !ids.has(entry.duplicateOf))
        problems.push(`${file}: questions.${i}: "${id}" repeats "${entry.duplicateOf}"; list both in the same lesson`);
    });
    // The other direction: a lesson answering an entry also answers every entry that repeats it.
    for (const entry of notes.entries) {
      if (entry.duplicateOf !== undefined && ids.has(entry.duplicateOf) && !ids.has(entry.id))
        problems.push(`${file}: questions: "${entry.id}" repeats "${entry.duplicateOf}"; list it in this lesson too`);
    }

    const headingIds = new Set(lesson.headings.map((h) => h.id));
    quiz.items.forEach((item, i) => {
      if (item.section !== undefined && !headingIds.has(item.section))
        problems.push(`${quizFile}: items.${i}.section: "${item.section}" is not a heading id of ${file}`);
      if (item.kind === 'predict' && !scenarios.has(item.scenario))
        problems.push(`${quizFile}: items.${i}.scenario: unknown built-in scenario "${item.scenario}"`);
    });

    fm.scenarios.forEach((id, i) => {
      if (!scenarios.has(id)) problems.push(`${file}: scenarios.${i}: unknown built-in scenario "${id}"`);
    });
    for (const id of lesson.simulations) {
      if (!scenarios.has(id)) problems.push(`${file}: <Simulation scenario>: unknown built-in scenario "${id}"`);
      else if (!fm.scenarios.includes(id))
        problems.push(`${file}: scenarios: "${id}" is used by a <Simulation> in the body; list it in frontmatter scenarios`);
    }
    if (lesson.simulations.length > 0 && !quiz.items.some((item) => item.kind === 'predict'))
      problems.push(`${quizFile}: items: a lesson with a <Simulation> needs at least one predict item`);
  }

  for (const locale of LOCALES) {
    const local = byLocale(locale);
    const answeredBy = new Map<string, string>();
    for (const lesson of local) {
      for (const id of lesson.frontmatter.questions) {
        const first = answeredBy.get(id);
        if (first !== undefined && first !== lesson.file)
          problems.push(`${lesson.file}: questions: "${id}" is already answered by ${first}; one lesson per question and locale`);
        else answeredBy.set(id, lesson.file);
      }
    }
    const orders = new Map<string, string>();
    for (const lesson of local) {
      const key = `${lesson.track}#${lesson.frontmatter.order}`;
      const first = orders.get(key);
      if (first !== undefined)
        problems.push(`${lesson.file}: order: ${lesson.frontmatter.order} is already used in track "${lesson.track}" by ${first}`);
      else orders.set(key, lesson.file);
    }
  }

  // The same slug in every locale is the same lesson: same place, same questions, same anchors, same quiz.
  // A lesson may exist in one locale only while it is being translated (zh is written first); the language switch
  // then falls back to the track page, and content:stats lists it as untranslated.
  const [main, ...others] = LOCALES;
  const keyOf = (l: Lesson) => `${l.track}/${l.slug}`;
  for (const other of others) {
    const mainLessons = new Map(byLocale(main).map((l) => [keyOf(l), l]));
    for (const lesson of byLocale(other)) {
      const twin = mainLessons.get(keyOf(lesson));
      if (!twin) continue;
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      if (lesson.frontmatter.order !== twin.frontmatter.order)
        problems.push(`${lesson.file}: order: expected ${twin.frontmatter.order} as in ${twin.file}`);
      if (!same([...lesson.frontmatter.questions].sort(), [...twin.frontmatter.questions].sort()))
        problems.push(`${lesson.file}: questions: expected the same ids as ${twin.file}`);
      if (!same([...lesson.frontmatter.scenarios].sort(), [...twin.frontmatter.scenarios].sort()))
        problems.push(`${lesson.file}: scenarios: expected the same ids as ${twin.file}`);
      const headingIds = (l: Lesson) => l.headings.map((h) => `${h.depth}:${h.id}`);
      if (!same(headingIds(lesson), headingIds(twin)))
        problems.push(
          `${lesson.file}: heading: ids must match ${twin.file} in order and depth; got [${headingIds(lesson).join(', ')}], expected [${headingIds(twin).join(', ')}]`,
        );
      // Translation must not change the key: same ids, kinds, sections and answers (by index) in every locale.
      const quizShape = (l: Lesson) =>
        l.quiz.items.map((q) => {
          const key =
            q.kind === 'ordering' ? q.items.length : q.kind === 'predict' ? [q.scenario, q.check] : q.answer;
          return `${q.id}:${q.kind}:${q.section ?? ''}:${JSON.stringify(key)}`;
        });
      if (!same(quizShape(lesson), quizShape(twin)))
        problems.push(`${lesson.quizFile}: items: ids, kinds, sections and answers must match ${twin.quizFile}`);
    }
  }
  return problems;
}
