/** Small helpers shared by the Kafka engine's modules. */
import type { World } from '../core/world';
import type { KafkaState, PartitionState, ReplicaState } from './model';
import { abortedTransactions } from './txnlog';

export type KW = World<KafkaState>;

export const tpName = (topic: string, partition: number) => `${topic}-${partition}`;

export const nextRequestId = (w: KW) => w.d.nextRequestId++;

/** Whether the producer saw success for this message. */
export const wasAcked = (w: KW, id: string) => w.outcome.fates[id]?.acked === true;

/** Whether any replica of the partition (on any broker, up or down) still holds the message. */
export function hasCopy(p: PartitionState, id: string): boolean {
  for (const b of p.replicas) if (p.replicaStates[b].log.some((e) => e.id === id)) return true;
  return false;
}

/** Acked messages among `ids` of which no copy is left anywhere: these are lost for good. */
export const lostNow = (w: KW, p: PartitionState, ids: readonly string[]) => ids.filter((id) => wasAcked(w, id) && !hasCopy(p, id));

/** The partitions a broker hosts, in creation order. */
export const hostedBy = (w: KW, broker: string) => w.d.partitionOrder.filter((tp) => w.d.partitions[tp].replicas.includes(broker));

/** The leader replica of a partition on `broker`, if that replica is currently Leader. */
export function leaderReplica(w: KW, tp: string, broker: string): ReplicaState | null {
  const r = w.d.partitions[tp]?.replicaStates[broker];
  return r && r.state === 'Leader' ? r : null;
}

/** The partition state the controller publishes (what brokers and clients learn as metadata). */
export interface PartitionView {
  tp: string;
  leader: string | null;
  leaderEpoch: number;
  isr: string[];
  partitionEpoch: number;
}

export const viewOf = (p: PartitionState): PartitionView => ({ tp: p.name, leader: p.leader, leaderEpoch: p.leaderEpoch, isr: [...p.isr], partitionEpoch: p.partitionEpoch });

export const setLeo = (r: ReplicaState) => {
  r.leo = r.log.length;
};

/** Acked data records of `tp` below `offset` (on the leader) that no member of `group` ever processed. */
export function skippedBelow(w: KW, group: string, tp: string, offset: number): string[] {
  const p = w.d.partitions[tp];
  if (!p || p.leader === null) return [];
  const out: string[] = [];
  const log = p.replicaStates[p.leader].log;
  const aborted = abortedTransactions(log, 0, offset);
  for (let i = 0; i < Math.min(offset, log.length); i++) {
    const e = log[i];
    if (e.control || w.outcome.fates[e.id]?.acked !== true) continue;
    // Records of an aborted transaction were never meant to be processed.
    if (e.txn && aborted.some((a) => a.pid === e.pid && e.offset >= a.firstOffset && e.offset < a.lastOffset)) continue;
    if (w.outcome.processedIn[e.id]?.[`${group}|${tp}`] === undefined) out.push(e.id);
  }
  return out;
}
