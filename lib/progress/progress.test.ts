import { describe, expect, it } from 'vitest';
import { BACKUP_PREFIX, CLOCK_OFFSET_KEY, INBOX_KEY, PROGRESS_KEY, dayKey } from './keys';
import { decodeProgress, runMigrations } from './migrate';
import { applyInbox, mergeProgress, planImport, recordAttempt, recordDone, recordRead, summarize } from './ops';
import { queueOf } from './queue';
import { emptyProgress, PROGRESS_VERSION, type Progress } from './schema';
import { preview, rate } from './srs';
import { accuracy, accuracyByDay, isCovered, lessonRatios, streak, weakItems } from './stats';
import { clockOffset, listBackups, loadProgress, type KV } from './storage';

const DAY = 86_400_000;
const T0 = new Date(2025, 0, 10, 12).getTime();

class MapKV implements KV {
  map = new Map<string, string>();
  failWrites = false;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  get length() {
    return this.map.size;
  }
}

const sample = (): Progress => {
  let p = recordRead(emptyProgress(), 'basics/what-is-mq', T0);
  p = recordAttempt(p, { item: 'basics/what-is-mq#a', correct: false, at: T0 + 1, via: 'practice' });
  p = recordDone(p, 'basics/what-is-mq', T0 + 2);
  return { ...p, cards: { 'q:x': rate(undefined, 3, T0) } };
};

describe('decodeProgress', () => {
  it('round-trips a valid document', () => {
    const p = sample();
    expect(decodeProgress(JSON.stringify(p))).toEqual({ ok: true, progress: p, migratedFrom: null });
  });
  it('reports unparseable, invalid and future-version documents', () => {
    expect(decodeProgress('{nope')).toMatchObject({ ok: false, reason: 'unparseable' });
    expect(decodeProgress('[]')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodeProgress(JSON.stringify({ ...sample(), lessons: { x: { readAt: 'yesterday' } } }))).toMatchObject({
      ok: false,
      reason: 'invalid',
      detail: expect.stringContaining('lessons.x'),
    });
    expect(decodeProgress(JSON.stringify({ ...sample(), version: PROGRESS_VERSION + 1 }))).toMatchObject({ ok: false, reason: 'future-version' });
  });
  it('runs a migration chain in order and stops at a gap', () => {
    const chain = { 1: (d: Record<string, unknown>) => ({ ...d, a: 1 }), 2: (d: Record<string, unknown>) => ({ ...d, b: Number(d.a) + 1 }) };
    expect(runMigrations({ version: 1 }, 1, 3, chain)).toEqual({ version: 3, a: 1, b: 2 });
    expect(runMigrations({ version: 1 }, 1, 3, { 1: chain[1] })).toBe('no migration from version 2');
  });
});

describe('loadProgress never wipes data silently', () => {
  it('starts empty on a fresh browser and writes nothing', () => {
    const kv = new MapKV();
    expect(loadProgress(kv, T0)).toEqual({ progress: emptyProgress(), writable: true, problems: [] });
    expect(kv.map.size).toBe(0);
  });

  it.each([
    ['corrupt', '{"version":1,"lessons":', 'unparseable'],
    ['future', JSON.stringify({ version: 99, whatever: true }), 'future-version'],
    ['invalid', JSON.stringify({ version: 1, lessons: 3 }), 'invalid'],
  ])('%s data is copied byte for byte to a backup before being replaced', (_name, raw, reason) => {
    const kv = new MapKV();
    kv.setItem(PROGRESS_KEY, raw);
    const loaded = loadProgress(kv, T0);
    expect(loaded.writable).toBe(true);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ reason, raw, key: `${BACKUP_PREFIX}${T0}.progress` });
    expect(listBackups(kv)).toEqual(loaded.problems);
    expect(JSON.parse(kv.getItem(PROGRESS_KEY) ?? '')).toEqual(emptyProgress());
  });

  it('keeps the main key untouched and saves nothing when the backup cannot be written', () => {
    const kv = new MapKV();
    kv.setItem(PROGRESS_KEY, '{bad');
    kv.failWrites = true;
    const loaded = loadProgress(kv, T0);
    expect(loaded.writable).toBe(false);
    expect(kv.getItem(PROGRESS_KEY)).toBe('{bad');
  });

  it('folds the lesson inbox in, then clears it; bad inbox entries are backed up', () => {
    const kv = new MapKV();
    kv.setItem(
      INBOX_KEY,
      JSON.stringify([
        { t: 'read', l: 'basics/a', at: T0 },
        { t: 'answer', l: 'basics/a', i: 'basics/a#q1', c: true, at: T0 + 5 },
        { t: 'done', l: 'basics/a', at: T0 + 6 },
        { t: 'zap' },
      ]),
    );
    const loaded = loadProgress(kv, T0 + 10);
    expect(loaded.progress.lessons['basics/a']).toEqual({ readAt: T0, completedAt: T0 + 6 });
    expect(loaded.progress.attempts).toEqual([{ item: 'basics/a#q1', correct: true, at: T0 + 5, via: 'lesson' }]);
    expect(kv.getItem(INBOX_KEY)).toBeNull();
    expect(loaded.problems.map((p) => p.reason)).toEqual(['inbox']);
    expect(JSON.parse(kv.getItem(PROGRESS_KEY) ?? '')).toEqual(loaded.progress);
  });
});

describe('ops', () => {
  it('applying the inbox twice changes nothing', () => {
    const events = [
      { t: 'read' as const, l: 'k/a', at: T0 },
      { t: 'answer' as const, l: 'k/a', i: 'k/a#x', c: false, at: T0 + 1 },
    ];
    const once = applyInbox(emptyProgress(), events);
    expect(applyInbox(once, events)).toEqual(once);
  });

  it('merge keeps everything from both sides and the newer card', () => {
    const a = sample();
    const later = rate(a.cards['q:x'], 4, T0 + 3 * DAY);
    const b: Progress = { ...recordRead(emptyProgress(), 'kafka/isr', T0 + DAY), cards: { 'q:x': later } };
    const merged = mergeProgress(a, b);
    expect(Object.keys(merged.lessons).sort()).toEqual(['basics/what-is-mq', 'kafka/isr']);
    expect(merged.cards['q:x']).toEqual(later);
    expect(merged.attempts).toEqual(a.attempts);
    expect(mergeProgress(merged, merged)).toEqual(merged);
    expect(mergeProgress(b, a).cards['q:x']).toEqual(later);
  });

  it('previews an import in both modes', () => {
    const current = sample();
    const incoming = recordRead(emptyProgress(), 'kafka/isr', T0);
    expect(planImport(current, incoming, 'merge').after.lessonsRead).toBe(2);
    const replace = planImport(current, incoming, 'replace');
    expect(replace.before).toEqual(summarize(current));
    expect(replace.after).toMatchObject({ lessonsRead: 1, attempts: 0, cards: 0 });
  });
});

describe('spaced repetition', () => {
  it('a card rated Good comes due later, and is due once enough simulated time passes', () => {
    const keys = ['q:a', 'q:b'];
    expect(queueOf(keys, {}, T0)).toEqual({ due: [], fresh: ['q:a', 'q:b'] });
    let card = rate(undefined, 3, T0);
    card = rate(card, 3, card.due);
    expect(card.due).toBeGreaterThan(T0 + DAY);
    expect(queueOf(keys, { 'q:a': card }, T0 + 60_000)).toEqual({ due: [], fresh: ['q:b'] });
    expect(queueOf(keys, { 'q:a': card }, card.due)).toEqual({ due: ['q:a'], fresh: ['q:b'] });
  });
  it('Again < Hard ≤ Good < Easy in the preview', () => {
    const p = preview(undefined, T0);
    expect(p[1]).toBeLessThan(p[3]);
    expect(p[2]).toBeLessThanOrEqual(p[3]);
    expect(p[3]).toBeLessThan(p[4]);
  });
  it('is deterministic (no fuzz)', () => {
    expect(rate(rate(undefined, 4, T0), 3, T0 + 10 * DAY)).toEqual(rate(rate(undefined, 4, T0), 3, T0 + 10 * DAY));
  });
});

describe('stats', () => {
  it('counts streaks ending today or yesterday', () => {
    const days = [T0 - 3 * DAY, T0 - DAY, T0].map(dayKey);
    expect(streak(days, T0)).toEqual({ current: 2, longest: 2 });
    expect(streak(days, T0 + DAY)).toEqual({ current: 2, longest: 2 });
    expect(streak(days, T0 + 2 * DAY)).toEqual({ current: 0, longest: 2 });
    expect(streak([], T0)).toEqual({ current: 0, longest: 0 });
  });
  it('accuracy, per day and per lesson set', () => {
    const p = recordAttempt(sample(), { item: 'basics/what-is-mq#b', correct: true, at: T0 - DAY, via: 'review' });
    expect(accuracy(p.attempts)).toEqual({ n: 1, total: 2 });
    const series = accuracyByDay(p.attempts, T0, 3);
    expect(series.map((d) => [d.n, d.total])).toEqual([[0, 0], [1, 1], [0, 1]]);
    expect(series[2].day).toBe(dayKey(T0));
    expect(lessonRatios(p, ['basics/what-is-mq', 'basics/other'])).toEqual({ read: { n: 1, total: 2 }, completed: { n: 1, total: 2 } });
  });
  it('coverage and weak spots', () => {
    const p = sample();
    expect(isCovered(p, { id: 'x', lesson: null })).toBe(true);
    expect(isCovered(p, { id: 'y', lesson: 'basics/what-is-mq' })).toBe(true);
    expect(isCovered(p, { id: 'y', lesson: null })).toBe(false);
    const weak = weakItems({ ...p, cards: { ...p.cards, 'item:k/a#1': rate(undefined, 1, T0), 'item:k/a#2': rate(undefined, 4, T0) } });
    expect([...weak].sort()).toEqual(['basics/what-is-mq#a', 'k/a#1']);
  });
});

describe('clock hook', () => {
  it('accepts only an integer offset within ±10 years', () => {
    const kv = new MapKV();
    expect(clockOffset(kv)).toBe(0);
    kv.setItem(CLOCK_OFFSET_KEY, String(3 * DAY));
    expect(clockOffset(kv)).toBe(3 * DAY);
    for (const bad of ['1e9', 'abc', '{"x":1}', String(20 * 366 * DAY), '1.5']) {
      kv.setItem(CLOCK_OFFSET_KEY, bad);
      expect(clockOffset(kv)).toBe(0);
    }
  });
});
