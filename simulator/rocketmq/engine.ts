/** The RocketMQ engine: its core (engine-core.ts) plus narration (narrate.ts). Browsers load the two separately. */
import type { Engine } from '../core/engine';
import { rocketCore } from './engine-core';
import type { RocketState } from './model';
import { narrateRocket } from './narrate';
import type { RocketScenario } from './schema';

export const rocketEngine: Engine<RocketScenario, RocketState> = { ...rocketCore, narrate: (kind, args) => narrateRocket(kind, args) };
export { readyQueues } from './engine-core';
