/**
 * Everything the player needs for RocketMQ scenarios and nothing for the other systems, as one chunk that only
 * lib/sim/load.ts imports: the engine (without narration, see ./rocketmq-narrate.ts) and the drawn view. CHUNK_TAG names the chunk for scripts/budgets.mjs, which
 * counts on a scenario page only the chunk of that page's system.
 */
import type { DrawView } from '../views/types';
import { RocketView, isRocketState } from '../views/RocketView';

export const CHUNK_TAG = 'mqlab:chunk:system-rocketmq';
export { rocketCore as core } from '@/simulator/rocketmq/engine-core';

/** The RocketMQ drawing, or null when the state does not have the shape the view expects (SystemView falls back). */
export const draw: DrawView = (p) => (isRocketState(p.world.d) ? <RocketView {...p} d={p.world.d} /> : null);
