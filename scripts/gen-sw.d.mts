export type Group = 'core' | 'zh' | 'en';
export type Plan = { version: string; groups: Record<Group, [url: string, hash: string][]> };
export const TEMPLATE: string;
export const HASH_LENGTH: number;
export const LOCALES: string[];
export function contentHash(bytes: string | Uint8Array): string;
export function classify(rel: string): { group: Group; url: string } | null;
export function planPrecache(files: { rel: string; hash: string }[], template?: string): Plan;
export function renderWorker(template: string, plan: Plan): string;
