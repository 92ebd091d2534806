import { describe, expect, it } from 'vitest';
import { getSite } from '@/lib/content/site';
import { contentStats } from '@/lib/content/stats';
import { practiceData, trackOfSection } from './data';
import { buildSession, drawQuestions, filterItems } from './session';
import { seededShuffle } from './shuffle';

const zh = practiceData(getSite(), 'zh');

describe('practice data', () => {
  it('has every quiz item of the locale and every distinct notes question', () => {
    const expected = getSite().lessons.filter((l) => l.locale === 'zh').reduce((n, l) => n + l.quiz.items.length, 0);
    expect(zh.items).toHaveLength(expected);
    expect(zh.questions).toHaveLength(getSite().notes.distinctIds.length);
    expect(new Set(zh.items.map((i) => i.key)).size).toBe(zh.items.length);
  });
  it('answers every predict item from the engine and carries its scenario card', () => {
    for (const x of zh.items.filter((i) => i.item.kind === 'predict')) {
      expect(typeof x.expected, x.key).toBe('boolean');
      if (x.item.kind === 'predict') expect(zh.scenarios[x.item.scenario]?.id).toBe(x.item.scenario);
    }
    expect(zh.items.filter((i) => i.item.kind !== 'predict').every((i) => i.expected === undefined)).toBe(true);
  });
  it('gives questions with a lesson its key points, and maps sections to tracks', () => {
    for (const q of zh.questions.filter((q) => q.lesson)) expect(q.lesson?.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(trackOfSection('Kafka 提高题')).toBe('kafka');
    expect(trackOfSection('RocketMQ')).toBe('rocketmq');
    expect(trackOfSection('MQTest')).toBe('basics');
  });
});

describe('content:stats', () => {
  it('counts every quiz item, predict included, and the review cards per locale', () => {
    const stats = contentStats(getSite());
    const all = getSite().lessons.flatMap((l) => l.quiz.items);
    expect(stats.quizItems).toBe(all.length);
    expect(stats.quizItemsByKind.predict).toBe(all.filter((i) => i.kind === 'predict').length);
    expect(Object.values(stats.quizItemsByKind).reduce((a, b) => a + b, 0)).toBe(stats.quizItems);
    expect(stats.reviewCards.zh).toBe(zh.items.length + zh.questions.length);
  });
});

describe('sessions', () => {
  const none = { track: null, lesson: null, difficulty: null, only: null };
  it('filters by track, lesson, difficulty and weak spots', () => {
    const kafka = filterItems(zh.items, { ...none, track: 'kafka' });
    expect(kafka.every((i) => i.track === 'kafka')).toBe(true);
    const lesson = zh.items[0].lesson;
    expect(filterItems(zh.items, { ...none, lesson }).every((i) => i.lesson === lesson)).toBe(true);
    expect(filterItems(zh.items, { ...none, difficulty: 3 }).every((i) => i.item.difficulty === 3)).toBe(true);
    expect(filterItems(zh.items, { ...none, only: new Set([zh.items[2].key]) }).map((i) => i.key)).toEqual([zh.items[2].key]);
  });
  it('is reproducible from its seed', () => {
    const a = buildSession(zh.items, none, 10, 's1');
    expect(a).toHaveLength(10);
    expect(buildSession(zh.items, none, 10, 's1')).toEqual(a);
    expect(buildSession(zh.items, none, 10, 's2')).not.toEqual(a);
    expect(drawQuestions(zh.questions, 'kafka', 5, 'x').every((q) => q.track === 'kafka')).toBe(true);
    expect(drawQuestions(zh.questions, null, 5, 'x')).toEqual(drawQuestions(zh.questions, null, 5, 'x'));
  });
  it('shuffles into a permutation', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    expect([...seededShuffle(xs, 'q')].sort((a, b) => a - b)).toEqual(xs);
  });
});
