/**
 * The replica log and the replication maths, as small pure functions (no world, no network).
 *
 * Offsets: the log starts at offset 0 and is never trimmed here (no retention), so an entry's offset
 * equals its index and the log end offset (LEO) is `log.length`.
 * Leader epoch cache (KIP-101, the broker's leader-epoch-checkpoint file): `{epoch, startOffset}`
 * pairs with strictly increasing epochs and non-decreasing start offsets.
 */
import type { EpochEntry, FollowerProgress, LogEntry } from './model';

export const leo = (log: readonly LogEntry[]) => log.length;

/** The epoch of the last entry in the cache, or -1 if the cache is empty. */
export const latestEpoch = (epochs: readonly EpochEntry[]) => (epochs.length ? epochs[epochs.length - 1].epoch : -1);

/**
 * Records that `epoch` starts at `startOffset` (a leader calls it when it takes over, with its LEO;
 * a follower when it appends the first record of a newer epoch). Entries that would break the
 * ordering (a later start offset, or an epoch ≥ this one) are dropped first, as Kafka's cache does.
 */
export function assignEpoch(epochs: EpochEntry[], epoch: number, startOffset: number): void {
  if (epochs.length && epochs[epochs.length - 1].epoch === epoch) return;
  while (epochs.length && (epochs[epochs.length - 1].epoch >= epoch || epochs[epochs.length - 1].startOffset > startOffset)) epochs.pop();
  epochs.push({ epoch, startOffset });
}

/** Appends entries (whose `offset` must continue the log) and keeps the epoch cache in step. */
export function append(log: LogEntry[], epochs: EpochEntry[], entries: readonly LogEntry[]): void {
  for (const e of entries) {
    if (e.offset !== log.length) throw new Error(`append at offset ${e.offset} but LEO is ${log.length}`);
    if (e.epoch > latestEpoch(epochs)) assignEpoch(epochs, e.epoch, e.offset);
    log.push(e);
  }
}

/** Removes every entry at or above `offset`; returns the removed entries. Trims the epoch cache too. */
export function truncateTo(log: LogEntry[], epochs: EpochEntry[], offset: number): LogEntry[] {
  if (offset >= log.length) return [];
  const removed = log.splice(Math.max(0, offset));
  while (epochs.length && epochs[epochs.length - 1].startOffset >= offset) epochs.pop();
  return removed;
}

/**
 * The leader's answer to OffsetsForLeaderEpoch(requested) (KIP-101, with the KIP-279 refinement):
 * - the requested epoch is the latest: its end offset is the LEO;
 * - otherwise: the largest cached epoch ≤ requested, ending where the first larger epoch starts;
 * - requested is older than every cached epoch: (requested, first start offset);
 * - requested is newer than every cached epoch, or the cache is empty: undefined (-1, -1).
 */
export function endOffsetForEpoch(epochs: readonly EpochEntry[], logEndOffset: number, requested: number): { epoch: number; endOffset: number } {
  if (epochs.length === 0 || requested > latestEpoch(epochs)) return { epoch: -1, endOffset: -1 };
  if (requested === latestEpoch(epochs)) return { epoch: requested, endOffset: logEndOffset };
  const next = epochs.findIndex((e) => e.epoch > requested);
  if (next === 0) return { epoch: requested, endOffset: epochs[0].startOffset };
  return { epoch: epochs[next - 1].epoch, endOffset: epochs[next].startOffset };
}

/**
 * Where a follower truncates given the leader's reply (KIP-101/KIP-279): to the smaller of the
 * leader's end offset for that epoch and the follower's own end offset for the same epoch.
 * Returns null when the leader could not answer (the caller falls back to its high watermark,
 * which is what every follower did before KIP-101).
 */
export function truncationOffset(epochs: readonly EpochEntry[], logEndOffset: number, reply: { epoch: number; endOffset: number }): number | null {
  if (reply.endOffset < 0) return null;
  const own = endOffsetForEpoch(epochs, logEndOffset, reply.epoch);
  const ownEnd = own.endOffset < 0 ? logEndOffset : own.endOffset;
  return Math.min(reply.endOffset, ownEnd, logEndOffset);
}

/**
 * The leader's high watermark: the smallest LEO among the leader and the followers in the (maximal)
 * ISR; it never moves back. A follower whose LEO the leader does not know yet counts as -1, which
 * holds the HW where it is (a new leader waits for its ISR to fetch once).
 */
export function leaderHighWatermark(currentHw: number, leaderLeo: number, followerLeos: readonly number[]): number {
  let hw = leaderLeo;
  for (const l of followerLeos) hw = Math.min(hw, l);
  return Math.max(currentHw, hw);
}

/** A follower's HW after a fetch response: the leader's HW, capped by its own LEO. */
export const followerHighWatermark = (leaderHw: number, ownLeo: number) => Math.min(leaderHw, ownLeo);

/**
 * Updates a follower's progress when the leader receives its fetch at `fetchOffset` (Kafka's
 * Replica.updateFetchState): the fetch offset is the follower's LEO; the follower is "caught up at
 * time t" if it reached the leader's LEO as of t — now, or as of its previous fetch.
 */
export function recordFetch(p: FollowerProgress, fetchOffset: number, leaderLeo: number, now: number): void {
  if (fetchOffset >= leaderLeo) p.lastCaughtUpAt = Math.max(p.lastCaughtUpAt, now);
  else if (fetchOffset >= p.lastFetchLeaderLeo) p.lastCaughtUpAt = Math.max(p.lastCaughtUpAt, p.lastFetchAt);
  p.leo = fetchOffset;
  p.lastFetchLeaderLeo = leaderLeo;
  p.lastFetchAt = now;
}

/** Kafka's isCaughtUp: at the leader's LEO, or caught up within replica.lag.time.max.ms. */
export function isCaughtUp(p: FollowerProgress, leaderLeo: number, now: number, lagMaxMs: number): boolean {
  return p.leo === leaderLeo || now - p.lastCaughtUpAt <= lagMaxMs;
}

/** Whether a follower outside the ISR may rejoin: its LEO reached the leader's HW and the start of the leader's epoch. */
export function canJoinIsr(followerLeo: number, leaderHw: number, epochStartOffset: number): boolean {
  return followerLeo >= leaderHw && followerLeo >= epochStartOffset;
}
