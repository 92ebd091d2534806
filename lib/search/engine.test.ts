import { describe, expect, it } from 'vitest';
import { buildIndex, groupByKind, loadIndex, search, tokenize, type SearchDoc, type SearchKind } from './engine';

const doc = (t: string): SearchDoc => ({ k: 'lesson', t, u: `/${t}/` });

describe('tokenize', () => {
  it('splits Chinese without spaces into character bigrams', () => {
    expect(tokenize('死信队列')).toEqual(['死信', '信队', '队列']);
    expect(tokenize('幂')).toEqual(['幂']);
  });

  it('keeps technical terms whole and adds their parts', () => {
    expect(tokenize('acks=all')).toEqual(['acks=all', 'acks', 'all']);
    expect(tokenize('x-dead-letter-exchange')).toEqual(['x-dead-letter-exchange', 'x', 'dead', 'letter', 'exchange']);
    expect(tokenize('__consumer_offsets')).toEqual(['__consumer_offsets', 'consumer', 'offsets']);
    expect(tokenize('ISR 收缩。')).toEqual(['isr', '收缩']);
  });

  it('drops sentence punctuation after a term', () => {
    expect(tokenize('set min.insync.replicas.')).toEqual(['set', 'min.insync.replicas', 'min', 'insync', 'replicas']);
  });
});

describe('search', () => {
  const index = loadIndex(
    buildIndex([
      { doc: doc('dlx'), fields: [{ text: '死信队列与 x-dead-letter-exchange', weight: 10 }] },
      { doc: doc('acks'), fields: [{ text: 'Kafka 的 acks=all 与 ISR', weight: 10 }] },
      { doc: doc('order'), fields: [{ text: '顺序消费', weight: 10 }, { text: '队列', weight: 1 }] },
      { doc: doc('idem'), fields: [{ text: '幂等 idempotency', weight: 10 }] },
    ]),
  );
  const urls = (q: string) => search(index, q).map((h) => h.doc.u);

  it('finds Chinese terms typed without spaces', () => {
    expect(urls('死信队列')).toEqual(['/dlx/']);
    expect(urls('顺序消费')).toEqual(['/order/']);
    expect(urls('幂等')).toEqual(['/idem/']);
  });

  it('finds mixed technical terms', () => {
    expect(urls('acks=all')).toEqual(['/acks/']);
    expect(urls('ISR')).toEqual(['/acks/']);
    expect(urls('x-dead-letter-exchange')).toEqual(['/dlx/']);
  });

  it('requires every query token and matches the last Latin token as a prefix', () => {
    expect(urls('idempot')).toEqual(['/idem/']);
    expect(urls('acks 死信')).toEqual([]);
    expect(urls('')).toEqual([]);
  });

  it('ranks by field weight', () => {
    expect(urls('队列')).toEqual(['/dlx/', '/order/']);
  });
});

describe('groupByKind', () => {
  const hit = (k: SearchKind, t: string, score: number) => ({ doc: { k, t, u: `/${t}/` }, score });

  it('orders groups by their best hit and keeps rank order inside a group', () => {
    const ranked = [hit('term', 'a', 9), hit('lesson', 'b', 8), hit('term', 'c', 7), hit('quiz', 'd', 6), hit('lesson', 'e', 5)];
    expect(groupByKind(ranked).map((g) => [g.kind, g.hits.map((h) => h.doc.t).join('')])).toEqual([
      ['term', 'ac'],
      ['lesson', 'be'],
      ['quiz', 'd'],
    ]);
  });

  it('keeps every hit exactly once', () => {
    const ranked = [hit('scenario', 'a', 3), hit('question', 'b', 2), hit('scenario', 'c', 1)];
    expect(groupByKind(ranked).flatMap((g) => g.hits)).toHaveLength(ranked.length);
    expect(groupByKind([])).toEqual([]);
  });
});
