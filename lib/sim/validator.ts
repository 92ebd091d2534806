/**
 * Everything the player needs to check untrusted input — zod, the three engines' scenario schemas, `?s=` decoding —
 * as one chunk, imported only by lib/sim/load.ts when there is something to check (a shared link, the learner's
 * first edit). CHUNK_TAG names the chunk for scripts/budgets.mjs, which leaves on-demand chunks out of a page's
 * cost at load.
 */
export const CHUNK_TAG = 'mqlab:chunk:on-demand-validator';
export { parseScenario } from '@/simulator/parse';
export { decodeState } from './url-decode';
