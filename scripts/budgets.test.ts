import { describe, expect, it } from 'vitest';
import { BUDGETS, overBudget } from './budgets.mjs';

describe('JS budgets', () => {
  const blank = { zh: 100_000, en: 90_000 };

  it('passes a page exactly at its budget and names the page and bytes over when one byte more', () => {
    const at = { page: 'zh/learn/kafka/acks/', type: 'lesson' as const, gzip: 100_000 + BUDGETS.lesson };
    expect(overBudget([at], blank)).toEqual([]);
    const [failure] = overBudget([{ ...at, gzip: at.gzip + 1 }], blank);
    expect(failure).toContain('zh/learn/kafka/acks/');
    expect(failure).toContain('1 B over');
  });

  it('compares each page with the blank page of its own locale', () => {
    const page = { page: 'en/sim/x/', type: 'scenario' as const, gzip: 95_000 + BUDGETS.scenario };
    expect(overBudget([page], blank)).toHaveLength(1);
    expect(overBudget([{ ...page, page: 'zh/sim/x/' }], blank)).toEqual([]);
  });
});
