/**
 * Writes simulator/scenario.schema.json (JSON Schema 2020-12) from the engines' zod schemas, so the
 * documented format and the validator can never drift apart. A unit test fails when the committed
 * file is stale: run `npx tsx scripts/gen-scenario-schema.ts` after changing a schema.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { scenarioJsonSchema } from '../simulator/schema';

writeFileSync(path.join(__dirname, '..', 'simulator', 'scenario.schema.json'), JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
