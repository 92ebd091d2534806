/**
 * Replica placement like Kafka's rack-unaware assignment (AdminUtils.assignReplicasToBrokersRackUnaware,
 * the algorithm `kafka-topics.sh --create` used for years):
 * - brokers in the given order; `startIndex` and `shift` are random in [0, n) unless fixed;
 * - partition p's first replica (its preferred leader) is broker (startIndex + p) mod n;
 * - every time p wraps around the broker list (p > 0 and p mod n = 0) the shift grows by one;
 * - follower j (0-based) sits at first + 1 + (shift + j) mod (n - 1), mod n — so followers never
 *   collide with the first replica and successive rounds spread followers differently.
 * KRaft controllers use StripedReplicaPlacer, which gives the same spread without racks; we keep
 * the classic algorithm because it is documented, deterministic and easy to check by hand.
 */

export interface PlacementParams {
  startIndex: number;
  shift: number;
}

export function assignReplicas(brokers: readonly string[], partitions: number, replicationFactor: number, params: PlacementParams): string[][] {
  const n = brokers.length;
  if (replicationFactor < 1 || replicationFactor > n) throw new Error(`replication factor ${replicationFactor} needs 1..${n} brokers`);
  const out: string[][] = [];
  let shift = params.shift;
  for (let p = 0; p < partitions; p++) {
    if (p > 0 && p % n === 0) shift++;
    const first = (p + params.startIndex) % n;
    const replicas = [brokers[first]];
    for (let j = 0; j < replicationFactor - 1; j++) replicas.push(brokers[(first + 1 + ((shift + j) % (n - 1))) % n]);
    out.push(replicas);
  }
  return out;
}
