export type BudgetType = 'lesson' | 'scenario' | 'practice';
export const BUDGETS: Record<BudgetType, number>;
export function mountTags(type: BudgetType, system: string | null, locale: string, narratedByBuild?: boolean): string[];
export function overBudget(
  measured: { page: string; type: BudgetType; system?: string | null; gzip: number }[],
  blank: Record<string, number>,
  budgets?: Record<BudgetType, number>,
): string[];
