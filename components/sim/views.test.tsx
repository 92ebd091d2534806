import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { getBuiltin, listBuiltins, parseScenario, systemModule } from '@/simulator';
import { simT } from '@/lib/i18n/sim';
import { loadSession, lossStep } from '@/lib/sim/session';
import { StepCache } from '@/lib/sim/step-cache';
import { SystemView } from './views/SystemView';
import * as kafka from './systems/kafka';
import * as rabbitmq from './systems/rabbitmq';
import * as rocketmq from './systems/rocketmq';

const DRAW = { kafka: kafka.draw, rabbitmq: rabbitmq.draw, rocketmq: rocketmq.draw };

/** Renders every built-in scenario's view at several steps: no crash, the drawn view (not the fallback) is used. */
describe('system views render every built-in scenario', () => {
  for (const { id, system } of listBuiltins()) {
    it(id, () => {
      const base = parseScenario(getBuiltin(id)!.scenario);
      const { timeline, scenario, interventions } = loadSession(systemModule(system).engine, base, [], [], null);
      const cache = new StepCache(timeline, interventions);
      const lost = new Set(timeline.report.lost);
      const nodes = timeline.engine.nodes(scenario, cache.get(0));
      const steps = [0, Math.floor(timeline.length / 3), Math.floor((2 * timeline.length) / 3), timeline.length];
      for (const n of steps) {
        const html = renderToStaticMarkup(
          <SystemView draw={DRAW[system]} world={cache.get(n)} scenario={scenario} record={n > 0 ? timeline.records[n - 1] : undefined} lost={lost} t={simT('en')} nodes={nodes} />,
        );
        expect(html).toContain(`data-testid="view-${system}"`);
      }
      // A lost message is drawn with the lost marking while a copy still exists (just before the loss event).
      const at = lossStep(timeline.records, timeline.report);
      if (id === 'kafka-acks1-leader-crash') {
        expect(timeline.report.lost).toEqual(['m3']);
        expect(at).not.toBeNull();
        const html = renderToStaticMarkup(<SystemView draw={DRAW[system]} world={cache.get(at! - 1)} scenario={scenario} record={undefined} lost={lost} t={simT('zh')} nodes={nodes} />);
        expect(html).toMatch(/data-message="m3" data-lost="true"/);
      }
    });
  }
});
