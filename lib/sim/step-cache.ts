/**
 * Per-step memo of worlds for one timeline, so playback costs one event per frame instead of a replay.
 *
 * `get(n)` returns the world after n events. If n − 1 is cached it clones that world and runs exactly one more
 * event with the engine's own driver (`nextEvent`), which is what `Timeline.stateAt` does internally; otherwise it
 * asks the timeline. The unit test checks both paths give identical worlds.
 *
 * Trap: the returned worlds are shared by the cache — views must treat them as read-only.
 */
import { nextEvent, type Intervention } from '@/simulator/core/engine';
import type { World } from '@/simulator/core/world';
import type { ScenarioBase } from '@/simulator/core/types';
import type { Timeline } from '@/simulator';

export class StepCache {
  private readonly worlds = new Map<number, World<unknown>>();
  private readonly interventions: Intervention[];

  constructor(
    private readonly timeline: Timeline<ScenarioBase, unknown>,
    interventions: Intervention[],
    private readonly capacity = 48,
  ) {
    // Same order as the Timeline's own copy (a stable sort by `at`).
    this.interventions = [...interventions].sort((a, b) => a.at - b.at);
  }

  get(n: number): World<unknown> {
    const target = Math.max(0, Math.min(n, this.timeline.length));
    const hit = this.worlds.get(target);
    if (hit) {
      this.worlds.delete(target);
      this.worlds.set(target, hit);
      return hit;
    }
    const prev = this.worlds.get(target - 1);
    let w: World<unknown>;
    if (prev) {
      w = structuredClone(prev);
      if (nextEvent(this.timeline.engine, this.timeline.scenario, w, this.interventions) !== null) w.executed++;
    } else {
      w = this.timeline.stateAt(target);
    }
    this.worlds.set(target, w);
    while (this.worlds.size > this.capacity) this.worlds.delete(this.worlds.keys().next().value as number);
    return w;
  }
}
