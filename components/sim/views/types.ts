import type { World } from '@/simulator/core/world';
import type { EventRecord, ScenarioBase } from '@/simulator/core/types';
import type { ReactNode } from 'react';
import type { SimStrings } from '@/lib/i18n/sim';

/** What every system view receives. `world` is shared with the step cache: read it, never mutate it. */
export interface ViewProps {
  world: World<unknown>;
  scenario: ScenarioBase;
  /** The event that produced this world (undefined at step 0): its nodes and messages are highlighted. */
  record: EventRecord | undefined;
  /** Messages the final report calls lost: drawn with a cross and a dashed outline wherever they appear. */
  lost: ReadonlySet<string>;
  t: SimStrings;
  /** Width of the panel in CSS pixels (measured); the layouts draw at this width, 1 user unit = 1 px. */
  width?: number;
}


/** A system's drawing (components/sim/systems/*): null when `world.d` does not have the shape its model documents. */
export type DrawView = (p: ViewProps) => ReactNode | null;
