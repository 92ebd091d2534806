/**
 * Routing as pure functions (AMQP 0-9-1 as RabbitMQ implements it). No state, no time: an exchange
 * graph in, the set of destination queues out. Every rule here is asserted against a real broker by
 * the fidelity suite (fidelity.test.ts).
 *
 * Sources: rabbitmq.com/docs/exchanges, /tutorials (topic), /docs/ae (alternate exchanges),
 * /docs/e2e (exchange-to-exchange bindings).
 */
import type { ExchangeType, HeaderValue } from './model';

// ---------------------------------------------------------------- topic

/**
 * Splits a routing or binding key into words the way RabbitMQ does: on every "."; an empty key is
 * zero words, while "." is two empty words and "a." is ["a", ""].
 */
export function topicWords(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/**
 * Topic match: in the binding key, a word "*" matches exactly one word (possibly empty) and "#"
 * matches zero or more words; any other word (including "a*" or "") must be equal. So `a.#` matches
 * `a`, `a.*` does not, and `#` matches every key including the empty one.
 */
export function topicMatches(bindingKey: string, routingKey: string): boolean {
  const p = topicWords(bindingKey);
  const r = topicWords(routingKey);
  // memo[i][j]: does p[i..] match r[j..]? Iterative DP keeps it linear in |p|·|r| even with many "#".
  const next: boolean[] = new Array(r.length + 1).fill(false);
  next[r.length] = true;
  let row = next;
  for (let i = p.length - 1; i >= 0; i--) {
    const cur: boolean[] = new Array(r.length + 1).fill(false);
    for (let j = r.length; j >= 0; j--) {
      if (p[i] === '#') cur[j] = row[j] || (j < r.length && cur[j + 1]);
      else if (j < r.length && (p[i] === '*' || p[i] === r[j])) cur[j] = row[j + 1];
    }
    row = cur;
  }
  return row[0];
}

// ---------------------------------------------------------------- headers

export type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';

/**
 * The AMQP field-table type class of a JSON value: integers of any width compare with each other,
 * floats with floats, strings with strings; `null` is "void", which in a binding means "the header
 * must be present, any value".
 */
export function typeClass(v: HeaderValue): 'int' | 'float' | 'string' | 'bool' | 'void' {
  if (v === null) return 'void';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'string';
}

/** The x-match mode of a binding; a missing x-match means "all" (RabbitMQ's default). */
export function xMatchOf(args: Record<string, HeaderValue>): XMatch {
  const m = args['x-match'];
  return m === 'any' || m === 'all-with-x' || m === 'any-with-x' ? m : 'all';
}

/**
 * Headers exchange match. The binding's arguments other than `x-match` are the pattern:
 * - "all": every pattern key is present in the message headers with an equal value of the same type
 *   class (a `null` pattern value only requires presence); "any": at least one is.
 * - Pattern keys starting with "x-" are ignored in "all"/"any" and compared in the "-with-x" modes
 *   (RabbitMQ 3.10+).
 * - "any" with no usable pattern key matches nothing; "all" with none matches every message.
 */
export function headersMatch(bindingArgs: Record<string, HeaderValue>, headers: Record<string, HeaderValue>): boolean {
  const mode = xMatchOf(bindingArgs);
  const withX = mode.endsWith('-with-x');
  const all = mode.startsWith('all');
  let any = false;
  for (const [k, pv] of Object.entries(bindingArgs)) {
    if (k === 'x-match') continue;
    if (!withX && k.startsWith('x-')) continue;
    const ok = Object.prototype.hasOwnProperty.call(headers, k) && (pv === null || (typeClass(pv) === typeClass(headers[k]) && pv === headers[k]));
    if (ok) any = true;
    else if (all) return false;
  }
  return all ? true : any;
}

// ---------------------------------------------------------------- direct / fanout / graph

/** A binding as routing sees it. */
export interface RouteBinding {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: Record<string, HeaderValue>;
}

export interface RouteExchange {
  name: string;
  type: ExchangeType;
  /** The `alternate-exchange` argument: where messages this exchange cannot route go. */
  alternateExchange?: string;
}

/** Whether one binding of an exchange of `type` accepts the message. */
export function bindingMatches(type: ExchangeType, b: Pick<RouteBinding, 'routingKey' | 'arguments'>, routingKey: string, headers: Record<string, HeaderValue>): boolean {
  switch (type) {
    case 'direct':
      return b.routingKey === routingKey;
    case 'fanout':
      return true;
    case 'topic':
      return topicMatches(b.routingKey, routingKey);
    case 'headers':
      return headersMatch(b.arguments, headers);
  }
}

export interface RouteResult {
  /** Destination queues, each once, in the order they were first reached. */
  queues: string[];
  /** Exchanges the message passed through, in order (for narration and drawing). */
  exchanges: string[];
  /** Alternate exchanges that were used. */
  alternates: string[];
}

/**
 * Routes a message through the exchange graph starting at `exchange`. The default exchange ("")
 * delivers to the queue named by the routing key, if it exists. An exchange whose own bindings
 * match nothing (neither queue nor exchange) hands the message to its alternate exchange, as
 * RabbitMQ does per exchange; each exchange is visited at most once, so binding cycles terminate.
 */
export function route(
  exchanges: Record<string, RouteExchange>,
  bindings: readonly RouteBinding[],
  queueExists: (name: string) => boolean,
  exchange: string,
  routingKey: string,
  headers: Record<string, HeaderValue>,
): RouteResult {
  const res: RouteResult = { queues: [], exchanges: [], alternates: [] };
  const addQ = (q: string) => {
    if (queueExists(q) && !res.queues.includes(q)) res.queues.push(q);
  };
  if (exchange === '') {
    res.exchanges.push('');
    addQ(routingKey);
    return res;
  }
  const work = [exchange];
  const seen = new Set<string>();
  while (work.length > 0) {
    const name = work.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const x = exchanges[name];
    if (!x) continue;
    res.exchanges.push(name);
    const hits = bindings.filter((b) => b.source === name && bindingMatches(x.type, b, routingKey, headers));
    for (const b of hits) {
      if (b.destinationType === 'queue') addQ(b.destination);
      else work.push(b.destination);
    }
    if (hits.length === 0 && x.alternateExchange !== undefined && exchanges[x.alternateExchange]) {
      res.alternates.push(x.alternateExchange);
      work.push(x.alternateExchange);
    }
  }
  return res;
}
