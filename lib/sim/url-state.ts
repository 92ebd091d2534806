/**
 * The shareable player state in the URL: `?s=<base64url(JSON)>` with a version field, e.g.
 * {"v":1,"s":"kafka-acks1-leader-crash","p":[{"path":["producers",0,"config","acks"],"value":"all"}],"i":[…],"n":42}.
 *
 * Decoding never throws: every failure is a typed reason the player shows in a role="alert" message before
 * falling back to the scenario's start. Decoding checks the *shape* only; whether the patches and steps make sense
 * for the scenario is checked by the session (parseScenario), and the step against the timeline's length.
 *
 * This file is what every player loads (encoding, reading the parameter); decoding lives in url-decode.ts, which
 * needs zod and is loaded with the validator only when a page is opened with `?s=`.
 */
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


function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function encodeState(state: Omit<SharedState, 'v'>): string {
  const doc: SharedState = { v: URL_STATE_VERSION, s: state.s, p: state.p, i: state.i, n: state.n };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(doc)));
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
