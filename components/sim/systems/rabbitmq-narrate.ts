/**
 * RabbitMQ narration (zh and en for every event kind) as a chunk of its own. The player needs it only when the timeline
 * on screen is not the one the build narrated (after an edit or a shared link), or for a scenario too long to ship
 * its narration as data (lib/sim/data.ts). CHUNK_TAG names the chunk for scripts/budgets.mjs.
 */
export const CHUNK_TAG = 'mqlab:chunk:narrate-rabbitmq';
export { narrateRabbit as narrate } from '@/simulator/rabbitmq/narrate';
