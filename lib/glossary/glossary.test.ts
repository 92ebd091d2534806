import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getSite } from '@/lib/content/site';
import { GLOSSARY_FILE, getGlossary, lessonText, parseGlossary, termUsage, unknownTermIds, uses } from './glossary';

describe('glossary', () => {
  it('content/glossary.yaml is valid and has at least 40 terms', () => {
    expect(getGlossary().length).toBeGreaterThanOrEqual(40);
  });

  it('rejects a duplicate id, naming the file and the field', () => {
    const text = readFileSync(GLOSSARY_FILE, 'utf8').replace('id: decoupling', 'id: load-leveling');
    expect(() => parseGlossary(text, 'g.yaml')).toThrow(/g\.yaml: terms\.1\.id: duplicate id "load-leveling"/);
  });

  it('matches Chinese anywhere and Latin terms as whole words', () => {
    expect(uses('消费端要做幂等处理', '幂等')).toBe(true);
    expect(uses('the ISR shrinks', 'ISR')).toBe(true);
    expect(uses('DISRUPT', 'ISR')).toBe(false);
    expect(uses('acks=all and min.insync.replicas=2', 'min.insync.replicas')).toBe(true);
    expect(uses('read __consumer_offsets here', '__consumer_offsets')).toBe(true);
    expect(uses('%RETRY%group', '%RETRY%')).toBe(true);
    expect(uses('rebalancing happens', 'rebalance')).toBe(false);
  });

  it('links idempotency to the lessons that use it, in both locales', () => {
    const lessons = getSite().lessons.map(lessonText);
    for (const locale of ['zh', 'en'] as const) {
      const used = termUsage(getGlossary(), lessons, locale).get('idempotency') ?? [];
      expect(used.map((l) => l.slug)).toContain('what-is-mq');
    }
  });

  it('reports an unknown <Term id> with file and line', () => {
    expect(unknownTermIds(getGlossary(), [{ file: 'a.mdx', text: 'x\n<Term id="nope">y</Term>' }])).toEqual([
      'a.mdx:2: unknown glossary term "nope" (content/glossary.yaml)',
    ]);
  });
});
