export type BudgetType = 'lesson' | 'scenario' | 'practice';
export const BUDGETS: Record<BudgetType, number>;
export function overBudget(
  measured: { page: string; type: BudgetType; gzip: number }[],
  blank: Record<string, number>,
  budgets?: Record<BudgetType, number>,
): string[];
