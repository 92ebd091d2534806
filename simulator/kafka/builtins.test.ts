/**
 * Every built-in scenario, asserted against what real Kafka does. References:
 * Kafka docs "Replication" (design section 4.7: ISR, HW, acks, min.insync.replicas, unclean election),
 * KIP-101 (leader epochs instead of the HW for truncation), KIP-279 (divergent epochs),
 * KIP-98 (idempotent producer), KIP-497/KIP-841 (AlterPartition, fenced replicas), the producer
 * config docs (acks, retries, max.in.flight.requests.per.connection, delivery.timeout.ms).
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../core/engine';
import { builtins } from './builtins';
import { kafkaEngine } from './engine';
import { partitionForKey } from './partitioner';
import type { Report } from '../core/types';

const run = (id: string) => {
  const b = builtins.find((x) => x.scenario.id === id);
  if (!b) throw new Error(`no builtin ${id}`);
  return new Timeline(kafkaEngine, b.scenario);
};
const msg = (r: Report, id: string) => r.messages.find((m) => m.id === id)!;
const p0 = (r: Report) => r.partitions['orders-0'];

describe('built-in Kafka scenarios', () => {
  it('has unique ids, a bilingual title, question and expectation, and runs without invariant violations', () => {
    const ids = builtins.map((b) => b.scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(12);
    for (const b of builtins) {
      for (const t of [b.scenario.title, b.scenario.question, b.expected]) expect(t.zh.length * t.en.length).toBeGreaterThan(0);
      const t = new Timeline(kafkaEngine, b.scenario);
      expect(t.report.violations, b.scenario.id).toEqual([]);
      // every event narrates in both languages from its args (no fallback to the raw kind)
      for (const r of t.records) {
        const n = t.narration(r.i);
        expect(n.en, r.kind).not.toBe(r.kind);
        expect(n.zh.length, r.kind).toBeGreaterThan(0);
      }
    }
  });

  it('kafka-acks1-leader-crash: acks=1 acks before replication, so the acked m3 is lost (docs: acks=1)', () => {
    const t = run('kafka-acks1-leader-crash');
    const r = t.report;
    expect(msg(r, 'm3')).toMatchObject({ acked: true, stored: false, processed: 0 });
    expect(r.lost).toEqual(['m3']);
    expect(p0(r).leader).toBe('b2');
    expect(p0(r).logs).toEqual({ b1: ['m1', 'm2'], b2: ['m1', 'm2'], b3: ['m1', 'm2'] });
    const loss = t.records.find((e) => e.markers?.includes('loss'));
    expect(loss?.kind).toBe('kafka.truncate');
    expect(loss?.args.lost).toEqual(['m3']);
  });

  it('kafka-acks-all-leader-crash: acks=all + min.insync.replicas=2 loses nothing acknowledged (docs: Replication)', () => {
    const r = run('kafka-acks-all-leader-crash').report;
    expect(r.lost).toEqual([]);
    expect(r.messages.map((m) => [m.id, m.acked, m.stored])).toEqual([
      ['m1', true, true],
      ['m2', true, true],
      ['m3', true, true],
    ]);
    expect(p0(r).leader).toBe('b2');
    expect(p0(r).highWatermark).toBe(3);
    expect(r.duplicated).toEqual([]);
  });

  it('kafka-unclean-election-loss: unclean.leader.election.enable=true elects a stale replica and loses acked writes (Jepsen 2013)', () => {
    const t = run('kafka-unclean-election-loss');
    const r = t.report;
    expect(t.records.some((e) => e.kind === 'kafka.isr.shrink' && (e.args.isr as string[]).join() === 'b1')).toBe(true);
    expect(msg(r, 'm2').acked).toBe(true);
    expect(msg(r, 'm3').acked).toBe(true);
    const election = t.records.find((e) => e.kind === 'kafka.controller.fence');
    expect(election?.args.kinds).toEqual(['unclean']);
    expect(election?.args.leaders).toEqual(['b2']);
    expect(r.lost).toEqual(['m2', 'm3']);
    expect(p0(r).logs).toEqual({ b1: ['m1', 'm4'], b2: ['m1', 'm4'], b3: ['m1', 'm4'] });
  });

  it('kafka-clean-election-offline: with unclean election off the partition goes offline (leader -1) and nothing is lost', () => {
    const t = run('kafka-clean-election-offline');
    const fence = t.records.find((e) => e.kind === 'kafka.controller.fence')!;
    expect(fence.args.kinds).toEqual(['none']);
    const offline = t.stateAt(fence.i + 1).d as { partitions: Record<string, { leader: string | null; isr: string[] }> };
    expect(offline.partitions['orders-0'].leader).toBeNull();
    expect(offline.partitions['orders-0'].isr).toEqual(['b1']);
    const r = t.report;
    expect(r.lost).toEqual([]);
    expect(p0(r).leader).toBe('b1');
    expect(msg(r, 'm4')).toMatchObject({ acked: true, stored: true });
    expect(p0(r).logs.b2).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('kafka-truncate-on-rejoin: the old leader truncates its epoch-0 tail by leader epoch (KIP-101) and refetches', () => {
    const t = run('kafka-truncate-on-rejoin');
    const tr = t.records.find((e) => e.kind === 'kafka.truncate' && e.args.follower === 'b1' && (e.args.removed as string[]).length > 0)!;
    expect(tr.args).toMatchObject({ requested: 0, epoch: 0, endOffset: 1, to: 1, removed: ['m2', 'm3'], lost: [] });
    const r = t.report;
    expect(r.lost).toEqual([]);
    expect(r.duplicated).toEqual([]);
    expect(p0(r).leader).toBe('b2');
    expect(p0(r).logs).toEqual({ b1: ['m1', 'm2', 'm3'], b2: ['m1', 'm2', 'm3'], b3: ['m1', 'm2', 'm3'] });
    expect((p0(r).replicaStates as Record<string, { epochs: string[] }>).b1.epochs).toEqual(['0@0', '1@1']);
  });

  it('kafka-not-enough-replicas: ISR {b1} < min.insync.replicas=2 → NOT_ENOUGH_REPLICAS before append', () => {
    const r = run('kafka-not-enough-replicas').report;
    expect(msg(r, 'm2')).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS', stored: false });
    expect(p0(r).isr).toEqual(['b1']);
    expect(p0(r).logs.b1).toEqual(['m1']);
  });

  it('kafka-not-enough-replicas-after-append: the ISR shrinks after the append → NOT_ENOUGH_REPLICAS_AFTER_APPEND, yet the record is committed', () => {
    const r = run('kafka-not-enough-replicas-after-append').report;
    expect(msg(r, 'm2')).toMatchObject({ acked: false, error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', stored: true, processed: 1 });
    expect(p0(r).isr).toEqual(['b1']);
    expect(p0(r).highWatermark).toBe(2);
  });

  it('kafka-retry-duplicate: a lost response and a non-idempotent retry write m1 twice', () => {
    const r = run('kafka-retry-duplicate').report;
    expect(r.duplicated).toEqual(['m1']);
    expect(p0(r).logs.b1).toEqual(['m1', 'm2', 'm1']);
    expect(msg(r, 'm1')).toMatchObject({ acked: true, processed: 2, deliveries: 2 });
  });

  it('kafka-idempotent-retry: producer id + sequence dedupe the retry (KIP-98)', () => {
    const t = run('kafka-idempotent-retry');
    expect(t.records.some((e) => e.kind === 'kafka.produce.duplicate' && e.args.id === 'm1' && e.args.offset === 0)).toBe(true);
    expect(t.report.duplicated).toEqual([]);
    expect(p0(t.report).logs.b1).toEqual(['m1', 'm2']);
    expect(msg(t.report, 'm1')).toMatchObject({ acked: true, processed: 1 });
  });

  it('kafka-inflight-reorder: max.in.flight=5 without idempotence reorders a retried batch (producer docs: retries)', () => {
    const r = run('kafka-inflight-reorder').report;
    expect(p0(r).logs.b1).toEqual(['m2', 'm3', 'm4', 'm1']);
    expect(r.reordered).toEqual(['m1']);
    expect(r.duplicated).toEqual([]);
  });

  it('kafka-inflight-idempotent-order: idempotence keeps order with max.in.flight=5 (OUT_OF_ORDER_SEQUENCE_NUMBER then in-order resend)', () => {
    const t = run('kafka-inflight-idempotent-order');
    expect(t.records.some((e) => e.kind === 'kafka.produce.reject' && e.args.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER')).toBe(true);
    expect(p0(t.report).logs.b1).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(t.report.reordered).toEqual([]);
  });

  it('kafka-consumer-below-hw: consumers never see records above the high watermark (docs: Replication)', () => {
    const t = run('kafka-consumer-below-hw');
    const r = t.report;
    expect(msg(r, 'm1').processed).toBe(1);
    for (const id of ['m2', 'm3']) expect(msg(r, id)).toMatchObject({ acked: true, deliveries: 0, stored: false });
    expect(r.lost).toEqual(['m2', 'm3']);
    const parked = t.records.filter((e) => e.kind === 'kafka.fetch.consumer.park' && Number(e.args.leo) > Number(e.args.hw));
    expect(parked.length).toBeGreaterThan(0);
  });

  it('kafka-leader-epoch-truncation: a follower truncates m2 by leader epoch after the leader change (KIP-101)', () => {
    const t = run('kafka-leader-epoch-truncation');
    const tr = t.records.find((e) => e.kind === 'kafka.truncate' && e.args.follower === 'b3')!;
    expect(tr.args).toMatchObject({ leader: 'b2', requested: 0, epoch: 0, endOffset: 1, to: 1, removed: ['m2'] });
    const r = t.report;
    expect(r.lost).toEqual(['m2']);
    expect(p0(r).logs).toEqual({ b1: ['m1', 'm3'], b2: ['m1', 'm3'], b3: ['m1', 'm3'] });
    expect(p0(r).leaderEpoch).toBe(1);
  });

  it('kafka-isr-shrink-expand: the ISR shrinks after replica.lag.time.max.ms and expands once the follower catches up', () => {
    const t = run('kafka-isr-shrink-expand');
    const isr = t.records.filter((e) => e.markers?.includes('isr-change')).map((e) => [e.kind, (e.args.isr as string[]).join(',')]);
    expect(isr).toEqual([
      ['kafka.isr.shrink', 'b1,b2'],
      ['kafka.isr.expand', 'b1,b2,b3'],
    ]);
    const shrink = t.records.find((e) => e.kind === 'kafka.isr.shrink')!;
    const ack2 = t.records.find((e) => e.kind === 'kafka.produce.ack' && e.args.id === 'm2')!;
    expect(ack2.i).toBeGreaterThan(shrink.i);
    expect(shrink.time).toBeGreaterThanOrEqual(10000);
    expect(t.report.lost).toEqual([]);
    expect(p0(t.report).isr).toEqual(['b1', 'b2', 'b3']);
  });

  it('kafka-key-ordering: the same key always maps to the same partition (murmur2) and stays in order', () => {
    const r = run('kafka-key-ordering').report;
    const byKey: Record<string, string[]> = {};
    for (const m of r.messages) (byKey[m.id.split('-')[0]] ??= []).push(m.id);
    for (const [key, ids] of Object.entries(byKey)) {
      const tp = `clicks-${partitionForKey(key, 3)}`;
      for (const id of ids) expect(msg(r, id).routedTo).toEqual([tp]);
      const log = r.partitions[tp].logs[r.partitions[tp].leader!].filter((id) => id.startsWith(`${key}-`));
      expect(log).toEqual(ids);
    }
    expect(r.reordered).toEqual([]);
    expect(r.messages.every((m) => m.processed === 1)).toBe(true);
  });

  it('kafka-controller-partition-zombie: a leader cut off from the controller keeps acking with acks=1 and loses it all on heal', () => {
    const t = run('kafka-controller-partition-zombie');
    expect(t.report.lost).toEqual(['m2', 'm3']);
    const appends = t.records.filter((e) => e.kind === 'kafka.produce.append' && (e.args.id === 'm2' || e.args.id === 'm3'));
    expect(appends.map((e) => [e.args.broker, e.args.epoch])).toEqual([
      ['b1', 0],
      ['b1', 0],
    ]);
    expect(p0(t.report).leader).toBe('b2');
  });
});
