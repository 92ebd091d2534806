/**
 * Everything the player needs for Kafka scenarios and nothing for the other systems, as one chunk that only
 * lib/sim/load.ts imports: the engine (without narration, see ./kafka-narrate.ts) and the drawn view. CHUNK_TAG names the chunk for scripts/budgets.mjs, which
 * counts on a scenario page only the chunk of that page's system.
 */
import type { DrawView } from '../views/types';
import { KafkaView, isKafkaState } from '../views/KafkaView';

export const CHUNK_TAG = 'mqlab:chunk:system-kafka';
export { kafkaCore as core } from '@/simulator/kafka/engine-core';

/** The Kafka drawing, or null when the state does not have the shape the view expects (SystemView falls back). */
export const draw: DrawView = (p) => (isKafkaState(p.world.d) ? <KafkaView {...p} d={p.world.d} /> : null);
