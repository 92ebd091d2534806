/** The Kafka engine: its core (engine-core.ts) plus narration (narrate.ts). Browsers load the two separately. */
import type { Engine } from '../core/engine';
import { kafkaCore } from './engine-core';
import type { KafkaState } from './model';
import { narrateKafka } from './narrate';
import type { KafkaScenario } from './schema';

export const kafkaEngine: Engine<KafkaScenario, KafkaState> = { ...kafkaCore, narrate: (kind, args) => narrateKafka(kind, args) };
