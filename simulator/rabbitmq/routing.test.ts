/**
 * Routing as pure functions. Sources: rabbitmq.com/tutorials/tutorial-five (topic), /docs/exchanges
 * (headers, x-match incl. any-with-x / all-with-x since 3.10), /docs/e2e, /docs/ae. The same rules
 * are checked against a real broker in fidelity.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { headersMatch, route, topicMatches, topicWords, typeClass, type RouteBinding, type RouteExchange } from './routing';

describe('topic matching (rabbitmq.com/tutorials/tutorial-five)', () => {
  it('splits keys into words: "" is zero words, "." two empty words', () => {
    expect(topicWords('')).toEqual([]);
    expect(topicWords('.')).toEqual(['', '']);
    expect(topicWords('a.')).toEqual(['a', '']);
    expect(topicWords('a..b')).toEqual(['a', '', 'b']);
  });
  it.each([
    // [binding, routing key, matches]
    ['a.*', 'a.b', true],
    ['a.*', 'a', false], // * is exactly one word (the notes had it reversed)
    ['a.*', 'a.b.c', false],
    ['a.#', 'a', true], // # is zero or more words
    ['a.#', 'a.b.c', true],
    ['#', '', true],
    ['#', 'anything.at.all', true],
    ['*', '', false],
    ['*', 'a', true],
    ['*', '.', false],
    ['*.*', '.', true], // two empty words
    ['a.*', 'a.', true], // "a." ends with an empty word
    ['', '', true],
    ['', 'a', false],
    ['#.a', 'a', true],
    ['#.a', 'b.a', true],
    ['#.a.#', 'x.a.y.z', true],
    ['#.#', '', true],
    ['*.#.*', 'a', false],
    ['*.#.*', 'a.b', true],
    ['a*', 'ab', false], // wildcards only as whole words
    ['a*', 'a*', true],
    ['kern.*', 'kern', false],
    ['*.critical', 'kern.critical', true],
    ['a.b', 'a.b', true],
    ['a.b', 'a.c', false],
  ])('binding %j vs routing key %j → %s', (b, r, m) => {
    expect(topicMatches(b, r)).toBe(m);
  });
});

describe('headers matching (rabbitmq.com/docs/exchanges#headers)', () => {
  const h = { format: 'pdf', type: 'report', size: 3, ratio: 1.5, ok: true, 'x-tenant': 'a' };
  it('x-match all (the default) needs every pattern header with an equal value', () => {
    expect(headersMatch({ format: 'pdf', type: 'report' }, h)).toBe(true);
    expect(headersMatch({ 'x-match': 'all', format: 'pdf', type: 'log' }, h)).toBe(false);
    expect(headersMatch({ 'x-match': 'all', missing: 'x' }, h)).toBe(false);
  });
  it('x-match any needs at least one; with no usable key it matches nothing, while all matches everything', () => {
    expect(headersMatch({ 'x-match': 'any', format: 'zip', type: 'report' }, h)).toBe(true);
    expect(headersMatch({ 'x-match': 'any', format: 'zip' }, h)).toBe(false);
    expect(headersMatch({ 'x-match': 'any' }, h)).toBe(false);
    expect(headersMatch({ 'x-match': 'all' }, h)).toBe(true);
  });
  it('values compare with their type class: the string "3" is not the integer 3; ints of any width compare; floats with floats', () => {
    expect(headersMatch({ size: '3' }, h)).toBe(false);
    expect(headersMatch({ size: 3 }, h)).toBe(true);
    expect(headersMatch({ ratio: 1.5 }, h)).toBe(true);
    expect(headersMatch({ ok: 'true' }, h)).toBe(false);
    expect(headersMatch({ ok: true }, h)).toBe(true);
    expect(typeClass(1)).toBe('int');
    expect(typeClass(1.5)).toBe('float');
  });
  it('a void (null) pattern value only requires the header to be present', () => {
    expect(headersMatch({ format: null }, h)).toBe(true);
    expect(headersMatch({ absent: null }, h)).toBe(false);
  });
  it('x- keys are ignored by all/any and compared by all-with-x / any-with-x (3.10+)', () => {
    expect(headersMatch({ 'x-match': 'all', format: 'pdf', 'x-tenant': 'b' }, h)).toBe(true);
    expect(headersMatch({ 'x-match': 'all-with-x', format: 'pdf', 'x-tenant': 'b' }, h)).toBe(false);
    expect(headersMatch({ 'x-match': 'all-with-x', format: 'pdf', 'x-tenant': 'a' }, h)).toBe(true);
    expect(headersMatch({ 'x-match': 'any', 'x-tenant': 'a' }, h)).toBe(false);
    expect(headersMatch({ 'x-match': 'any-with-x', 'x-tenant': 'a' }, h)).toBe(true);
  });
});

describe('route through the exchange graph', () => {
  const xs: Record<string, RouteExchange> = {
    orders: { name: 'orders', type: 'direct', alternateExchange: 'ae' },
    events: { name: 'events', type: 'topic' },
    fan: { name: 'fan', type: 'fanout' },
    ae: { name: 'ae', type: 'fanout' },
    loop: { name: 'loop', type: 'fanout' },
  };
  const q = (source: string, destination: string, routingKey = ''): RouteBinding => ({ source, destination, destinationType: 'queue', routingKey, arguments: {} });
  const x = (source: string, destination: string, routingKey = ''): RouteBinding => ({ source, destination, destinationType: 'exchange', routingKey, arguments: {} });
  const bindings = [q('orders', 'billing', 'created'), q('orders', 'shipping', 'created'), q('ae', 'unrouted'), x('events', 'fan', 'order.#'), x('events', 'orders', 'order.*'), q('fan', 'audit'), x('fan', 'loop'), x('loop', 'fan')];
  const exists = () => true;
  it('a direct key bound to several queues reaches each of them', () => {
    expect(route(xs, bindings, exists, 'orders', 'created', {}).queues).toEqual(['billing', 'shipping']);
  });
  it('the default exchange routes to the queue named by the routing key, if it exists', () => {
    expect(route(xs, bindings, (n) => n === 'jobs', '', 'jobs', {}).queues).toEqual(['jobs']);
    expect(route(xs, bindings, (n) => n === 'jobs', '', 'nope', {}).queues).toEqual([]);
  });
  it('exchange-to-exchange bindings are followed once each (cycles terminate)', () => {
    // order.x.y matches order.# (→ fan → audit, fan ⇄ loop is a cycle) but not order.*.
    expect(route(xs, bindings, exists, 'events', 'order.x.y', {})).toMatchObject({ queues: ['audit'], exchanges: ['events', 'fan', 'loop'] });
  });
  it('the alternate exchange takes what an exchange itself cannot route — not what a downstream exchange drops', () => {
    expect(route(xs, bindings, exists, 'orders', 'refunded', {})).toMatchObject({ queues: ['unrouted'], alternates: ['ae'] });
    // events → orders matches (order.*), orders routes nowhere for order.paid → orders' own AE applies.
    expect(route(xs, bindings, exists, 'events', 'order.paid', {}).queues.sort()).toEqual(['audit', 'unrouted']);
    expect(route(xs, bindings, exists, 'events', 'user.created', {}).queues).toEqual([]);
  });
});
