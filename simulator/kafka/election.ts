/**
 * Partition leader election as Kafka's controller does it (PartitionLeaderElectionAlgorithms):
 * - clean: the first replica in assignment order that is alive (unfenced) and in the ISR;
 * - unclean (only if unclean.leader.election.enable): otherwise the first alive replica in assignment
 *   order, and the ISR becomes just that replica;
 * - none: the partition goes offline (leader -1). The ISR keeps its last member, so the partition
 *   comes back when that broker returns.
 */

export type Election =
  | { kind: 'clean'; leader: string; isr: string[] }
  | { kind: 'unclean'; leader: string; isr: string[] }
  | { kind: 'none'; leader: null; isr: string[] };

export function electLeader(replicas: readonly string[], isr: readonly string[], alive: (b: string) => boolean, unclean: boolean): Election {
  const liveIsr = isr.filter(alive);
  const clean = replicas.find((r) => isr.includes(r) && alive(r));
  if (clean !== undefined) return { kind: 'clean', leader: clean, isr: liveIsr };
  if (unclean) {
    const any = replicas.find(alive);
    if (any !== undefined) return { kind: 'unclean', leader: any, isr: [any] };
  }
  return { kind: 'none', leader: null, isr: [...isr] };
}
