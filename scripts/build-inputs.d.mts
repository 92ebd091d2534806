export const SOURCES: string[];
export const SKIP: RegExp;
export function sourceFiles(root: string): string[];
export function sourceHash(root: string, env?: Record<string, string | undefined>): string;
