import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadSite } from './loader';

const fixtures = path.join(__dirname, 'fixtures');
const notesDir = path.join(__dirname, '..', '..', 'content');
const registry = { has: (id: string) => id === 'known-scenario' };

/** Loads a fixture root and returns the problem lines (empty when it loads). */
function problemsOf(root: string): string[] {
  try {
    loadSite(path.join(fixtures, root), registry, notesDir);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

const F = (rest: string) => `lib/content/fixtures/${rest}`;

describe('loadSite on fixtures', () => {
  it('loads a valid lesson pair with headings, quiz and frontmatter defaults', () => {
    const { lessons } = loadSite(path.join(fixtures, 'valid'), registry, notesDir);
    expect(lessons.map((l) => `${l.locale}/${l.track}/${l.slug}`)).toEqual(['zh/basics/sample', 'en/basics/sample']);
    const [zh] = lessons;
    expect(zh.headings.map((h) => [h.depth, h.id, h.text])).toEqual([
      [2, 'first', 'First section'],
      [3, 'first-sub', 'A subsection'],
    ]);
    expect(zh.frontmatter.scenarios).toEqual([]);
    expect(zh.quiz.items.map((i) => i.kind)).toEqual(['truefalse', 'single', 'ordering']);
  });

  it('fails an invalid lesson with "file: field: message" lines naming every problem', () => {
    const problems = problemsOf('invalid');
    const mdx = F('invalid/zh/basics/broken.mdx');
    const quiz = F('invalid/zh/basics/broken.quiz.yaml');
    const expected = [
      `${mdx}: order: `,
      `${mdx}: summary: `,
      `${mdx}: questions: `,
      `${mdx}: sources.0.url: `,
      `${mdx}: verified: `,
      `${mdx}: keyPoints: `,
      `${mdx}: (root): Unrecognized key: "extra"`,
      `${mdx}:14: heading: expected an explicit id`,
      `${mdx}:18: heading: duplicate id "good" (first used on line 16)`,
      `${mdx}:20: heading: id "Not_Valid" must be lowercase words joined by "-"`,
      `${mdx}: <Quiz />: expected exactly one <Quiz /> at the end of the body, found 0`,
      `${quiz}: items.0.answer: expected an option index < 2`,
      `${quiz}: items.1.id: duplicate quiz id "a"`,
      `${quiz}: items: expected at least 2 different kinds of quiz item`,
      `${F('invalid/en/kafka/wrong-track.mdx')}: track: expected "kafka" (the folder the lesson is in), got "basics"`,
      `${F('invalid/en/kafka/wrong-track.mdx')}: <Quiz />: expected exactly one <Quiz /> at the end of the body, found 2`,
      `${F('invalid/en/kafka/wrong-track.quiz.yaml')}: (yaml`,
    ];
    for (const line of expected) expect(problems.some((p) => p.startsWith(line)), `missing: ${line}\n${problems.join('\n')}`).toBe(true);
    expect(problems.every((p) => /^lib\/content\/fixtures\/invalid\/\S+: \S.*: \S/.test(p)), problems.join('\n')).toBe(true);
  });

  it('the ContentError message lists the problems for the build log', () => {
    try {
      loadSite(path.join(fixtures, 'invalid'), registry, notesDir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as Error).message).toMatch(/^Invalid content \(\d+ problems\):\nlib\/content\/fixtures\/invalid\//);
    }
  });

  it('runs the whole-site cross-checks', () => {
    const problems = problemsOf('cross');
    const zh = (slug: string) => F(`cross/zh/basics/${slug}.mdx`);
    const en = (slug: string) => F(`cross/en/basics/${slug}.mdx`);
    const expected = [
      `${zh('one')}: questions.1: unknown question id "no-such-question"`,
      `${zh('one')}: questions.2: "mqtest-why-use-mq" repeats "mqtest-why-you-use-mq"; list both in the same lesson`,
      `${zh('two')}: questions: "rocket-roles-2" repeats "rocket-roles"; list it in this lesson too`,
      `${zh('two')}: questions: "mqtest-what-is-mq" is already answered by ${zh('one')}`,
      `${zh('two')}: order: 1 is already used in track "basics" by ${zh('one')}`,
      `${F('cross/zh/basics/two.quiz.yaml')}: items.0.section: "missing-section" is not a heading id of ${zh('two')}`,
      `${zh('two')}: scenarios.0: unknown built-in scenario "no-such-scenario"`,
      `${zh('two')}: <Simulation scenario>: unknown built-in scenario "no-such-scenario"`,
      `${F('cross/zh/basics/two.quiz.yaml')}: items: a lesson with a <Simulation> needs at least one predict item`,
      `${en('one')}: heading: ids must match ${zh('one')} in order and depth`,
    ];
    for (const line of expected) expect(problems.some((p) => p.startsWith(line)), `missing: ${line}\n${problems.join('\n')}`).toBe(true);
    // A lesson not translated yet is allowed (it is listed by content:stats, not rejected).
    expect(problems.filter((p) => p.startsWith(zh('three')))).toEqual([]);
  });
});
