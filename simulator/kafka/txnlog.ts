/**
 * Pure maths of consumer groups and transactions, shared by the coordinators, the leader's fetch path
 * and the client (no world, no network):
 * - which `__consumer_offsets` / `__transaction_state` partition a group or transactional id maps to;
 * - the last stable offset (LSO) of a partition log and the aborted transactions a read_committed
 *   consumer must skip (KIP-98);
 * - the group protocol vote and consumer lag.
 */
import type { LogEntry } from './model';

/** Java's `String.hashCode()`: s[0]·31^(n−1) + … + s[n−1], in 32-bit two's complement (UTF-16 code units). */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's `Utils.abs`: |n|, except that Integer.MIN_VALUE maps to 0 (Math.abs would stay negative). */
export const kafkaAbs = (n: number) => (n === -2147483648 ? 0 : Math.abs(n));

/**
 * The internal partition a group id (→ `__consumer_offsets`, GroupMetadataManager.partitionFor) or a
 * transactional id (→ `__transaction_state`, TransactionStateManager.partitionFor) maps to:
 * `Utils.abs(id.hashCode()) % partitionCount`. Its leader is the group / transaction coordinator.
 */
export const internalPartitionFor = (id: string, partitionCount: number) => kafkaAbs(javaStringHashCode(id)) % partitionCount;

export const CONSUMER_OFFSETS = '__consumer_offsets';
export const TRANSACTION_STATE = '__transaction_state';

/**
 * The last stable offset (KIP-98): the HW, or the first offset of the earliest transaction whose
 * marker (COMMIT / ABORT) is not below the HW yet, whichever is lower. read_committed consumers read
 * only below it.
 */
export function lastStableOffset(log: readonly LogEntry[], hw: number): number {
  const open = new Map<number, number>();
  const end = Math.min(log.length, hw);
  for (let i = 0; i < end; i++) {
    const e = log[i];
    if (e.control) open.delete(e.pid);
    else if (e.txn && !open.has(e.pid)) open.set(e.pid, e.offset);
  }
  let lso = hw;
  for (const first of open.values()) lso = Math.min(lso, first);
  return lso;
}

/** One aborted transaction as the leader lists it in a fetch response (FetchResponse.AbortedTransactions). */
export interface AbortedTxn {
  pid: number;
  firstOffset: number;
  /** Offset of the ABORT marker. */
  lastOffset: number;
}

/** Aborted transactions with data in [from, to) (the leader's aborted-transaction index, from the log itself). */
export function abortedTransactions(log: readonly LogEntry[], from: number, to: number): AbortedTxn[] {
  const first = new Map<number, number>();
  const out: AbortedTxn[] = [];
  for (let i = 0; i < log.length; i++) {
    const e = log[i];
    if (e.control) {
      const f = first.get(e.pid);
      first.delete(e.pid);
      if (e.control === 'ABORT' && f !== undefined && f < to && e.offset >= from) out.push({ pid: e.pid, firstOffset: f, lastOffset: e.offset });
    } else if (e.txn && !first.has(e.pid)) first.set(e.pid, e.offset);
  }
  return out;
}

/**
 * What a consumer hands to the application from fetched records: control records never; with
 * read_committed also no record of an aborted transaction (the client-side filter of KafkaConsumer's
 * fetcher, driven by the aborted-transaction list).
 */
export function visibleRecords(records: readonly LogEntry[], readCommitted: boolean, aborted: readonly AbortedTxn[]): LogEntry[] {
  return records.filter((e) => !e.control && !(readCommitted && e.txn && aborted.some((a) => a.pid === e.pid && e.offset >= a.firstOffset && e.offset < a.lastOffset)));
}

/**
 * The group's protocol (assignor): each member votes for the first protocol in its own preference
 * list that every member supports; most votes wins, ties go to the earlier one in the leader's list
 * (Kafka's GroupMetadata.selectProtocol breaks ties by map iteration order; see README).
 * Returns null if the members share no protocol (Kafka refuses such a join with INCONSISTENT_GROUP_PROTOCOL).
 */
export function selectProtocol(prefs: readonly (readonly string[])[]): string | null {
  if (prefs.length === 0) return null;
  const common = prefs[0].filter((p) => prefs.every((l) => l.includes(p)));
  if (common.length === 0) return null;
  const votes = new Map<string, number>();
  for (const l of prefs) {
    const v = l.find((p) => common.includes(p))!;
    votes.set(v, (votes.get(v) ?? 0) + 1);
  }
  let best = common[0];
  for (const p of common) if ((votes.get(p) ?? 0) > (votes.get(best) ?? 0)) best = p;
  return best;
}

/** Consumer lag of one partition: log end as the consumer sees it (HW, or LSO for read_committed) minus the committed offset (none committed = the whole log). */
export const lagOf = (end: number, committed: number | undefined) => Math.max(0, end - (committed ?? 0));
