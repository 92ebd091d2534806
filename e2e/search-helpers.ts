/**
 * Shared by the search page and search dialog specs: the queries the issue names (Chinese without spaces, mixed
 * technical terms) with the page each must find in its first five results, and the timing summary.
 */

/** The seven queries of issue 12, in both locales. The en index holds the zh lessons not translated yet. */
export const TERMS = [
  { q: '幂等', expect: /\/learn\/.*idempot|\/glossary\/#idempotency/ },
  { q: '死信队列', expect: /dead-letter|dlx/ },
  { q: '顺序消费', expect: /order/ },
  { q: 'ISR', expect: /\/learn\/kafka\// },
  { q: 'acks=all', expect: /\/learn\/kafka\/acks\// },
  { q: 'x-dead-letter-exchange', expect: /dead-letter|dlx/ },
  { q: '__consumer_offsets', expect: /\/learn\/kafka\/offsets\/|#consumer-offsets/ },
] as const;

/** "median m ms, max n ms over k queries". */
export function timingSummary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return `median ${median.toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms over ${sorted.length} queries`;
}
