/** The lesson vocabulary as rendered HTML: labels per locale, callout variants, the simulation placeholder. */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '@/lib/content/scenarios';
import { lessonComponents } from '@/mdx-components';

const zh = lessonComponents({ locale: 'zh', quiz: [] });
const en = lessonComponents({ locale: 'en', quiz: [] });
const html = (node: ReactNode) => renderToStaticMarkup(<>{node}</>);

describe('MDX components', () => {
  it('labels a correction in each locale and links its source', () => {
    const props = { said: '* 匹配多个单词', since: 'always', source: 'https://www.rabbitmq.com/tutorials/tutorial-five-java' };
    const zhHtml = html(zh.Correction({ ...props, children: '相反。' }));
    expect(zhHtml).toContain('笔记中的说法');
    expect(zhHtml).toContain('实际情况');
    expect(zhHtml).toContain('适用于：always');
    const enHtml = html(en.Correction({ ...props, children: 'Reversed.' }));
    expect(enHtml).toContain('What the notes say');
    expect(enHtml).toContain('What is true');
    expect(enHtml).toContain(`href="${props.source}"`);
  });

  it('renders callout variants from the variant map; deep dives are closed <details>', () => {
    expect(html(en.Callout({ type: 'pitfall', children: 'x' }))).toMatch(/role="note".*Pitfall/);
    const deep = html(en.Callout({ type: 'deepdive', title: 'Internals', children: 'x' }));
    expect(deep).toMatch(/^<details/);
    expect(deep).not.toContain(' open');
    expect(deep).toContain('Deep dive');
    expect(deep).toContain(': Internals');
  });

  it('renders follow-ups as closed <details> and a term as a link to its glossary entry', () => {
    expect(html(zh.FollowUp({ q: '为什么？', children: '因为。' }))).toMatch(/^<details[^>]*><summary[^>]*>为什么？<\/summary>/);
    const term = html(en.Term({ id: 'idempotency', children: 'idempotent' }));
    expect(term).toContain('title="Term: idempotency"');
    expect(term).toMatch(/^<a href="\/en\/glossary\/#idempotency"/);
  });

  it('renders a simulation as a server placeholder with the scenario\'s title, question and a play button', () => {
    const [first] = builtinScenarios().values();
    expect(first).toBeDefined();
    const out = html(zh.Simulation({ scenario: first.id }));
    expect(out).toContain(`data-scenario="${first.id}"`);
    expect(out).toContain(first.title.zh);
    expect(out).toContain(first.question.zh);
    expect(out).toMatch(/<button[^>]*>/);
    expect(() => html(zh.Simulation({ scenario: 'no-such-scenario' }))).toThrow(/unknown built-in scenario/);
  });

  it('renders the quiz island on the server with every item visible (works without JavaScript)', () => {
    const quiz = lessonComponents({
      locale: 'en',
      quiz: [
        { id: 'a', kind: 'truefalse', prompt: 'Is it?', answer: true, explanation: 'Yes it is.', difficulty: 1 },
        { id: 'b', kind: 'ordering', prompt: 'Order', items: ['one', 'two', 'three'], explanation: 'Like so.', difficulty: 2 },
        { id: 'c', kind: 'predict', prompt: 'Lost?', scenario: 'x', check: { message: 'm1', fate: 'lost' }, explanation: 'See.', difficulty: 2 },
      ],
    }).Quiz();
    const out = html(quiz);
    expect(out).toContain('<legend');
    expect(out).toContain('Is it?');
    expect(out).toContain('Move up: ');
    expect(out).toContain('answered in the simulator');
    expect(out).not.toContain('Yes it is.');
  });
});
