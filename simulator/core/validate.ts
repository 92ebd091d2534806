/**
 * Scenario validation: a bad scenario gets exactly one clear message naming the field (the CLI
 * prints it and exits with code 2, no stack trace).
 */
import type { z } from 'zod';

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const fieldPath = (path: PropertyKey[]) =>
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');

/** Parses with a zod schema, turning the first issue into a one-line ScenarioError. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, where = 'scenario'): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = fieldPath(issue.path);
  throw new ScenarioError(`invalid ${where}: ${field ? `field "${field}"` : 'the document'}: ${issue.message}`);
}
