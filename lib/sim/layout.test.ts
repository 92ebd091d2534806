import { describe, expect, it } from 'vitest';
import { getBuiltin, parseScenario, runScenario } from '@/simulator';
import type { KafkaState } from '@/simulator/kafka/model';
import type { RabbitState } from '@/simulator/rabbitmq/model';
import type { RocketState } from '@/simulator/rocketmq/model';
import { busPoint, circleLayout, clip, laneWindow, spread } from './layout';
import { KAFKA, kafkaAnchors, kafkaLayout, laneRange, partitionSignature } from './layout-kafka';
import { prefetchSlots, rabbitAnchors, rabbitLayout } from './layout-rabbit';
import { parseQueueKey, rocketAnchors, rocketLayout, sortedQueues } from './layout-rocket';

const worldOf = <D,>(id: string, n?: number) => {
  const t = runScenario(parseScenario(getBuiltin(id)!.scenario));
  return t.stateAt(n ?? t.length).d as D;
};

describe('layout helpers', () => {
  it('spreads slots evenly and places nodes on an ellipse', () => {
    expect(spread(2, 0, 100)).toEqual([25, 75]);
    expect(spread(1, 0, 100)).toEqual([50]);
    expect(spread(0, 0, 100)).toEqual([]);
    const c = circleLayout(['a', 'b', 'c', 'd'], 400, 200);
    expect(c.a).toEqual({ x: 200, y: 25 });
    expect(c.c.y).toBeGreaterThan(c.a.y);
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(laneWindow(10, 4)).toEqual({ from: 6, hidden: 6 });
  });
});

describe('kafka layout', () => {
  const d = worldOf<KafkaState>('kafka-acks1-leader-crash', 30);
  it('gives every broker a column and every partition a row, inside the viewBox', () => {
    const l = kafkaLayout(d);
    expect(Object.keys(l.columns)).toEqual(d.brokerOrder);
    expect(l.rows.map((r) => r.name)).toEqual(d.partitionOrder);
    for (const r of Object.values(l.brokers)) expect(r.x + r.w).toBeLessThanOrEqual(l.width);
    expect(l.rows[l.rows.length - 1].y + l.rows[l.rows.length - 1].h).toBeLessThan(l.height);
    expect(l.compact).toBe(false);
    const a = kafkaAnchors(l, d.controller.node);
    for (const b of d.brokerOrder) expect(a[b]).toBeDefined();
    expect(a[d.controller.node]).toBeDefined();
  });

  it('switches to compact rows for many partitions', () => {
    const many: KafkaState = { ...d, partitionOrder: Array.from({ length: 30 }, (_, i) => `${d.partitionOrder[0]}-${i}`) };
    expect(kafkaLayout(many).compact).toBe(true);
  });

  it('aligns a lagging follower lane with the leader and signs what a row draws', () => {
    expect(laneRange(2, 5, 3)).toEqual({ from: 2, to: 5 });
    expect(laneRange(0, 0, 3)).toEqual({ from: 0, to: 0 });
    const name = d.partitionOrder[0];
    const before = partitionSignature(d, name);
    const changed = structuredClone(d);
    changed.partitions[name].replicaStates[changed.partitions[name].replicas[0]].hw += 1;
    expect(partitionSignature(changed, name)).not.toBe(before);
  });
});

describe('rabbit layout', () => {
  const d = worldOf<RabbitState>('rabbit-ttl-dlx-retry');
  it('places every queue, exchange and client, with dead-letter edges', () => {
    const l = rabbitLayout(d);
    for (const q of d.queueOrder) expect(l.queues[q]).toBeDefined();
    for (const x of Object.keys(d.exchanges)) expect(l.exchanges[x]).toBeDefined();
    expect(l.deadLetters.length).toBeGreaterThan(0);
    const a = rabbitAnchors(l);
    for (const n of d.nodeOrder) expect(a[n]).toBeDefined();
  });
  it('draws prefetch windows with a cap', () => {
    expect(prefetchSlots(2, 1)).toEqual({ slots: 2, used: 1, capped: false });
    expect(prefetchSlots(0, 0)).toEqual({ slots: 1, used: 0, capped: false });
    expect(prefetchSlots(50, 12)).toEqual({ slots: 10, used: 10, capped: true });
  });
});

describe('rocket layout', () => {
  it('parses and orders queue keys: business topics, retry, DLQ, delay, half', () => {
    expect(parseQueueKey('%RETRY%g1@broker-a-q0')).toEqual({ key: '%RETRY%g1@broker-a-q0', topic: '%RETRY%g1', queueId: 0, kind: 'retry' });
    expect(sortedQueues(['%DLQ%g@b-q0', 'orders@b-q1', '%RETRY%g@b-q0', 'orders@b-q0']).map((q) => q.key)).toEqual(['orders@b-q0', 'orders@b-q1', '%RETRY%g@b-q0', '%DLQ%g@b-q0']);
  });
  it('places master, slave and every client', () => {
    const d = worldOf<RocketState>('rocket-async-master-loss');
    const l = rocketLayout(d);
    const a = rocketAnchors(l, d);
    for (const g of Object.values(d.groups)) {
      expect(a[g.master]).toBeDefined();
      if (g.slave) expect(a[g.slave]).toBeDefined();
    }
    for (const id of [...Object.keys(d.producers), ...Object.keys(d.consumers)]) expect(a[id]).toBeDefined();
  });
});

describe('layouts at the panel width, with a bus that chips ride clear of every box', () => {
  // A chip is 16 px high and sits at most 3 lanes from the bus line: its outer edge must not reach a box.
  const clear = (busY: number, lane: number, rects: { y: number; h: number }[]) => {
    const reach = 3 * lane + 8;
    for (const r of rects) expect(r.y >= busY + reach || r.y + r.h <= busY - reach).toBe(true);
  };
  it('kafka fills the given width (never below its minimum) and keeps the bus clear', () => {
    const d = worldOf<KafkaState>('kafka-acks1-leader-crash', 30);
    expect(kafkaLayout(d, 1000).width).toBe(1000);
    expect(kafkaLayout(d, 320).width).toBe(KAFKA.minWidth);
    const l = kafkaLayout(d, 760);
    clear(l.bus.y, l.bus.lane, [...Object.values(l.brokers), ...Object.values(l.producers), ...Object.values(l.consumers), l.controller]);
    expect(l.cells).toBeGreaterThanOrEqual(4);
  });
  it('rabbit and rocket too', () => {
    const r = rabbitLayout(worldOf<RabbitState>('rabbit-ttl-dlx-retry'), 760);
    expect(r.width).toBe(760);
    clear(r.bus.y, r.bus.lane, [...Object.values(r.nodes), ...Object.values(r.publishers), ...Object.values(r.queues), ...Object.values(r.consumers)]);
    const d = worldOf<RocketState>('rocket-async-master-loss');
    const k = rocketLayout(d, {}, 900);
    expect(k.width).toBe(900);
    clear(k.bus.y, k.bus.lane, [...Object.values(k.namesrvs), ...Object.values(k.producers), ...Object.values(k.consumers), ...Object.values(k.groups).map((g) => g.master)]);
  });
  it('flights ride the bus on their direction lane', () => {
    const bus = { y: 100, lane: 8 };
    expect(busPoint(bus, { x: 0, y: 0 }, { x: 100, y: 0 }, 0.5)).toEqual({ x: 50, y: 92 });
    expect(busPoint(bus, { x: 100, y: 0 }, { x: 0, y: 0 }, 0.5, 1)).toEqual({ x: 50, y: 124 });
  });
});
