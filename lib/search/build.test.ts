import { describe, expect, it } from 'vitest';
import { searchIndex } from './build';
import { loadIndex, search } from './engine';

describe('the site search index', () => {
  const zh = loadIndex(searchIndex('zh'));
  const en = loadIndex(searchIndex('en'));
  const first = (index: typeof zh, q: string, kind = 'lesson') => search(index, q).find((h) => h.doc.k === kind)?.doc.u;

  it('finds lessons by Chinese terms without spaces', () => {
    expect(first(zh, '幂等')).toMatch(/\/zh\/learn\/basics\//);
    expect(first(zh, '死信队列')).toMatch(/dead-letter/);
    expect(first(zh, '顺序消费')).toBeDefined();
  });

  it('finds mixed technical terms in both locales', () => {
    for (const index of [zh, en]) {
      for (const q of ['ISR', 'acks=all', 'x-dead-letter-exchange', '__consumer_offsets']) {
        expect(search(index, q).length, q).toBeGreaterThan(0);
      }
    }
  });

  it('finds the lessons whose body uses a config key or argument, not only the glossary entry', () => {
    // x-dead-letter-exchange appears only as inline code in the RabbitMQ lessons' bodies, in no title or heading.
    for (const index of [zh, en]) {
      const lessons = search(index, 'x-dead-letter-exchange').filter((h) => h.doc.k === 'lesson').slice(0, 3).map((h) => h.doc.u);
      expect(lessons.some((u) => u.includes('/learn/rabbitmq/')), lessons.join(' ')).toBe(true);
    }
    const lessons = search(zh, 'enable.idempotence').filter((h) => h.doc.k === 'lesson').map((h) => h.doc.u);
    expect(lessons.some((u) => u.startsWith('/zh/learn/kafka/')), lessons.join(' ')).toBe(true);
  });

  it('covers every kind of document', () => {
    const kinds = new Set(zh.docs.map((d) => d.k));
    expect([...kinds].sort()).toEqual(['lesson', 'question', 'quiz', 'scenario', 'term']);
  });

  it('finds an English lesson by an English word and glossary terms by either language', () => {
    // English words find the English lesson whose title they are (not the zh fallback, not another queue lesson).
    expect(first(en, 'what is an MQ')).toBe('/en/learn/basics/what-is-mq/');
    expect(first(en, 'publisher confirms')).toMatch(/^\/en\/learn\/rabbitmq\//);
    expect(first(en, '幂等', 'term')).toBe('/en/glossary/#idempotency');
    expect(first(zh, 'dead letter', 'term')).toBe('/zh/glossary/#dead-letter');
  });
});
