/** The RabbitMQ engine: its core (engine-core.ts) plus narration (narrate.ts). Browsers load the two separately. */
import type { Engine } from '../core/engine';
import { rabbitCore } from './engine-core';
import type { RabbitState } from './model';
import { narrateRabbit } from './narrate';
import type { RabbitScenario } from './schema';

export const rabbitEngine: Engine<RabbitScenario, RabbitState> = { ...rabbitCore, narrate: (kind, args) => narrateRabbit(kind, args) };
export type { RabbitScenario } from './schema';
