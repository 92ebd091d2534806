import { describe, expect, it } from 'vitest';
import { getSite } from '@/lib/content/site';
import type { Report } from '@/simulator';
import { fateHolds, predictAnswer, PredictError, type PredictItem } from './predict';

/** Every predict item of every lesson in content/, both locales. */
const items = getSite().lessons.flatMap((l) =>
  l.quiz.items.flatMap((item) => (item.kind === 'predict' ? [{ where: `${l.locale}/${l.track}/${l.slug}#${item.id}`, item }] : [])),
);

describe('predict items in content/ are graded by the engine', () => {
  it('content has predict items to check', () => {
    expect(items.length).toBeGreaterThan(0);
  });

  it.each(items.map((x) => [x.where, x.item] as const))('%s: the message exists and the engine answers', (_where, item) => {
    // Throws (fails) when the message id is missing from the scenario's report.
    expect(typeof predictAnswer(item)).toBe('boolean');
  });

  it('both locales of a lesson get the same answer', () => {
    const byKey = new Map<string, boolean>();
    for (const { where, item } of items) {
      const key = where.slice(where.indexOf('/') + 1);
      const answer = predictAnswer(item);
      if (byKey.has(key)) expect(answer, key).toBe(byKey.get(key));
      byKey.set(key, answer);
    }
  });
});

describe('fateHolds', () => {
  const fate = (over: Partial<Report['messages'][number]>) => ({
    id: 'm1', acked: null, error: null, routedTo: [], stored: false, deliveries: 0, processed: 0, deadLettered: null, ...over,
  });
  const report = (over: Partial<Report>): Report => ({
    system: 'kafka', seed: 1, events: 0, messages: [fate({})], lost: [], duplicated: [], reordered: [], queues: {}, partitions: {}, groups: [], violations: [], ...over,
  });

  it('reads each fate from the report', () => {
    expect(fateHolds(report({ lost: ['m1'] }), 'm1', 'lost')).toBe(true);
    expect(fateHolds(report({}), 'm1', 'lost')).toBe(false);
    expect(fateHolds(report({ duplicated: ['m1'] }), 'm1', 'duplicated')).toBe(true);
    expect(fateHolds(report({ reordered: ['m1'] }), 'm1', 'reordered')).toBe(true);
    expect(fateHolds(report({ messages: [fate({ acked: true })] }), 'm1', 'acked')).toBe(true);
    expect(fateHolds(report({ messages: [fate({ acked: null })] }), 'm1', 'acked')).toBe(false);
    expect(fateHolds(report({ messages: [fate({ stored: true })] }), 'm1', 'stored')).toBe(true);
    expect(fateHolds(report({ messages: [fate({ deadLettered: 'expired' })] }), 'm1', 'deadLettered')).toBe(true);
    expect(fateHolds(report({}), 'm1', 'deadLettered')).toBe(false);
  });

  it('fails on a message id the scenario does not have', () => {
    expect(() => fateHolds(report({}), 'm9', 'lost')).toThrow(PredictError);
  });

  it('fails on an unknown scenario', () => {
    const item: PredictItem = {
      id: 'x', kind: 'predict', prompt: 'test prompt', explanation: 'test', difficulty: 2, scenario: 'no-such-scenario', check: { message: 'm1', fate: 'lost' },
    };
    expect(() => predictAnswer(item)).toThrow(PredictError);
  });
});
