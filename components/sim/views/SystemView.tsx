import { GenericView } from './GenericView';
import { KafkaView, isKafkaState } from './KafkaView';
import { RabbitView, isRabbitState } from './RabbitView';
import { RocketView, isRocketState } from './RocketView';
import type { ViewProps } from './types';

/**
 * Picks the drawn view for the scenario's system. Each view first checks that `w.d` has the shape its model.ts
 * documents (a cheap structural guard), so an engine whose model changed shape falls back to the generic table
 * instead of crashing the page.
 */
export function SystemView(props: ViewProps & { nodes: string[] }) {
  const d = props.world.d;
  if (props.scenario.system === 'kafka' && isKafkaState(d)) return <KafkaView {...props} d={d} />;
  if (props.scenario.system === 'rabbitmq' && isRabbitState(d)) return <RabbitView {...props} d={d} />;
  if (props.scenario.system === 'rocketmq' && isRocketState(d)) return <RocketView {...props} d={d} />;
  return <GenericView {...props} />;
}
