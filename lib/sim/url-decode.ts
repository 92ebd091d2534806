/**
 * Decoding the shareable state of url-state.ts. Kept apart because it needs zod: the player loads it (through
 * lib/sim/validator.ts) only when a page is opened with `?s=`.
 */
import { z } from 'zod';
import { URL_STATE_VERSION, type SharedState } from './url-state';

export type DecodeFailure = 'encoding' | 'json' | 'version' | 'shape' | 'scenario';
export type DecodeResult = { ok: true; state: SharedState } | { ok: false; reason: DecodeFailure; detail: string };

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Shape = z
  .object({
    v: z.literal(URL_STATE_VERSION),
    s: z.string().min(1).max(200),
    p: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])).min(1).max(10), value: z.union([Scalar, z.array(Scalar).max(100)]) }).strict()).max(50),
    i: z.array(z.object({ at: z.number().int().nonnegative(), step: z.object({ do: z.string().min(1) }).catchall(z.unknown()) }).strict()).max(200),
    n: z.number().int().nonnegative(),
  })
  .strict();

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Decodes `?s=`; `expectedId` is the scenario of the page (a link for another scenario is a tampered link). */
export function decodeState(encoded: string, expectedId: string): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(encoded));
  } catch {
    return { ok: false, reason: 'encoding', detail: 'not base64url-encoded UTF-8' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json', detail: 'not JSON' };
  }
  if (json === null || typeof json !== 'object' || (json as { v?: unknown }).v !== URL_STATE_VERSION) {
    return { ok: false, reason: 'version', detail: `expected version ${URL_STATE_VERSION}` };
  }
  const parsed = Shape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'shape', detail: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  if (parsed.data.s !== expectedId) return { ok: false, reason: 'scenario', detail: `link is for "${parsed.data.s}"` };
  return { ok: true, state: parsed.data as SharedState };
}
