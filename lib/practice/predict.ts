/**
 * Grades predict-the-outcome items from the simulator's own report, never from a typed key: if the engine changes,
 * the answer changes with it (and lib/practice/predict.test.ts re-runs every item in content/ against the engine).
 * Server / test only: it imports the simulator, which must never reach a page's client bundle for grading.
 */
import { getBuiltin, parseScenario, reportFor, type Report } from '@/simulator';
import type { QuizItem } from '@/lib/content/schema';

export type PredictItem = Extract<QuizItem, { kind: 'predict' }>;
export type Fate = PredictItem['check']['fate'];

export class PredictError extends Error {
  override name = 'PredictError';
}

/** Does `message` end up with `fate` in this report? Throws when the report never mentions the message. */
export function fateHolds(report: Report, message: string, fate: Fate): boolean {
  const fates = report.messages.find((m) => m.id === message);
  if (!fates) throw new PredictError(`message "${message}" is not in the scenario's report (ids: ${report.messages.map((m) => m.id).join(', ')})`);
  switch (fate) {
    case 'lost':
      return report.lost.includes(message);
    case 'duplicated':
      return report.duplicated.includes(message);
    case 'reordered':
      return report.reordered.includes(message);
    case 'acked':
      return fates.acked === true;
    case 'stored':
      return fates.stored === true;
    case 'deadLettered':
      return fates.deadLettered !== null;
  }
}

const reports = new Map<string, Report>();

/** The report of a built-in scenario, run once per process (a build grades many items of the same scenario). */
export function builtinReport(id: string): Report {
  let report = reports.get(id);
  if (!report) {
    const builtin = getBuiltin(id);
    if (!builtin) throw new PredictError(`unknown built-in scenario "${id}"`);
    report = reportFor(parseScenario(builtin.scenario));
    reports.set(id, report);
  }
  return report;
}

/** The correct yes/no answer to "does `check.message` end up `check.fate`?", read from the engine's report. */
export function predictAnswer(item: PredictItem): boolean {
  return fateHolds(builtinReport(item.scenario), item.check.message, item.check.fate);
}
