/**
 * The shareable player state in the URL: `?s=<base64url(JSON)>` with a version field, e.g.
 * {"v":1,"s":"kafka-acks1-leader-crash","p":[{"path":["producers",0,"config","acks"],"value":"all"}],"i":[…],"n":42}.
 *
 * Decoding never throws: every failure is a typed reason the player shows in a role="alert" message before
 * falling back to the scenario's start. Decoding checks the *shape* only; whether the patches and steps make sense
 * for the scenario is checked by the session (parseScenario), and the step against the timeline's length.
 */
import { z } from 'zod';
import type { ConfigPatch, Intervention } from './session';

export const URL_STATE_VERSION = 1;
export const URL_PARAM = 's';

export interface SharedState {
  v: typeof URL_STATE_VERSION;
  /** Built-in scenario id. */
  s: string;
  /** Config patches. */
  p: ConfigPatch[];
  /** Interventions (injected faults), in order. */
  i: Intervention[];
  /** Current step (events applied). */
  n: number;
}

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

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function encodeState(state: Omit<SharedState, 'v'>): string {
  const doc: SharedState = { v: URL_STATE_VERSION, s: state.s, p: state.p, i: state.i, n: state.n };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(doc)));
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

/** Reads the state parameter from a query string (`location.search`); null when absent or empty. */
export function stateParam(search: string): string | null {
  const v = new URLSearchParams(search).get(URL_PARAM);
  return v === null || v === '' ? null : v;
}

/** The query string for a state; the start of an unmodified scenario is the bare URL (no parameter). */
export function searchFor(state: Omit<SharedState, 'v'>): string {
  if (state.p.length === 0 && state.i.length === 0 && state.n === 0) return '';
  return `?${URL_PARAM}=${encodeState(state)}`;
}
