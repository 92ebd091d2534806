import { describe, expect, it } from 'vitest';
import { decodeState } from './url-decode';
import { encodeState, searchFor, stateParam, URL_PARAM } from './url-state';

const state = {
  s: 'kafka-acks1-leader-crash',
  p: [{ path: ['producers', 0, 'config', 'acks'], value: 'all' }],
  i: [{ at: 7, step: { do: 'broker.crash', broker: 'b1', loseUnflushed: false } }],
  n: 12,
};

const b64 = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('URL state', () => {
  it('round-trips, URL-safe', () => {
    const enc = encodeState(state);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeState(enc, state.s)).toEqual({ ok: true, state: { v: 1, ...state } });
  });

  it('round-trips non-ASCII text', () => {
    const s = { ...state, p: [{ path: ['topology', 'queues', 0, 'name'], value: '订单' }] };
    const r = decodeState(encodeState(s), s.s);
    expect(r.ok && r.state.p[0].value).toBe('订单');
  });

  it('reports each kind of broken link without throwing', () => {
    expect(decodeState('%%%', state.s)).toMatchObject({ ok: false, reason: 'encoding' });
    expect(decodeState('a', state.s)).toMatchObject({ ok: false, reason: 'encoding' });
    expect(decodeState(b64('{not json'), state.s)).toMatchObject({ ok: false, reason: 'json' });
    expect(decodeState(b64('null'), state.s)).toMatchObject({ ok: false, reason: 'version' });
    expect(decodeState(b64(JSON.stringify({ ...state, v: 2 })), state.s)).toMatchObject({ ok: false, reason: 'version' });
    expect(decodeState(b64(JSON.stringify({ v: 1, ...state, n: -1 })), state.s)).toMatchObject({ ok: false, reason: 'shape' });
    expect(decodeState(b64(JSON.stringify({ v: 1, ...state, n: 1.5 })), state.s)).toMatchObject({ ok: false, reason: 'shape' });
    expect(decodeState(b64(JSON.stringify({ v: 1, ...state, extra: 1 })), state.s)).toMatchObject({ ok: false, reason: 'shape' });
    expect(decodeState(b64(JSON.stringify({ v: 1, ...state, i: [{ at: 1, step: {} }] })), state.s)).toMatchObject({ ok: false, reason: 'shape' });
    expect(decodeState(encodeState(state), 'other-scenario')).toMatchObject({ ok: false, reason: 'scenario' });
    // A truncated link (copy-paste lost the tail) is a clear failure too.
    const enc = encodeState(state);
    expect(decodeState(enc.slice(0, enc.length - 5), state.s).ok).toBe(false);
  });

  it('reads the parameter and writes a bare URL for the untouched start', () => {
    expect(stateParam(`?${URL_PARAM}=abc&x=1`)).toBe('abc');
    expect(stateParam('?x=1')).toBeNull();
    expect(stateParam(`?${URL_PARAM}=`)).toBeNull();
    expect(searchFor({ s: 'x', p: [], i: [], n: 0 })).toBe('');
    expect(searchFor(state)).toBe(`?${URL_PARAM}=${encodeState(state)}`);
  });
});
