/**
 * Kafka's four client-side partition assignors as pure functions: `range`, `roundrobin`, `sticky` and
 * `cooperative-sticky`. They follow the rules of Kafka's Java RangeAssignor, RoundRobinAssignor,
 * StickyAssignor and CooperativeStickyAssignor (AbstractStickyAssignor without rack awareness) so that
 * the same input gives the same output. Where Kafka's result depends on the iteration order of a
 * HashMap / HashSet, a fixed order is used instead; see ASSIGNORS.md.
 *
 * Partition names are `${topic}-${partition}`; topics may contain '-', so a name is split at its last '-'.
 */

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

export const ASSIGNOR_NAMES: readonly AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

export interface MemberInput {
  memberId: string;
  /** `group.instance.id` of a static member; null / undefined for a dynamic member. */
  groupInstanceId?: string | null;
  /** Subscribed topics. */
  topics: string[];
  /** Partitions the member owned in the previous generation, e.g. "orders-0" (sticky assignors only). */
  ownedPartitions?: string[];
  /** Generation of the owned partitions; absent = unknown (Kafka's DEFAULT_GENERATION, -1). */
  generation?: number;
}

/** memberId → its partitions, sorted by topic then partition number. Every member is present. */
export type Assignment = Record<string, string[]>;

const DEFAULT_GENERATION = -1;

interface TP {
  readonly topic: string;
  readonly partition: number;
  readonly key: string;
}

/** Java's String.compareTo: UTF-16 code unit order (same as JS `<`, unlike localeCompare). */
const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byTopicThenPartition = (a: TP, b: TP): number => cmpStr(a.topic, b.topic) || a.partition - b.partition;
const byPartitionThenTopic = (a: TP, b: TP): number => a.partition - b.partition || cmpStr(a.topic, b.topic);

export function partitionName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** Splits "my-topic-12" into { topic: "my-topic", partition: 12 }; null if it is not a partition name. */
export function parsePartition(name: string): { topic: string; partition: number } | null {
  const dash = name.lastIndexOf('-');
  if (dash <= 0) return null;
  const digits = name.slice(dash + 1);
  if (!/^\d+$/.test(digits)) return null;
  return { topic: name.slice(0, dash), partition: Number(digits) };
}

class Partitions {
  private readonly cache = new Map<string, TP>();
  get(topic: string, partition: number): TP {
    const key = partitionName(topic, partition);
    let tp = this.cache.get(key);
    if (!tp) {
      tp = { topic, partition, key };
      this.cache.set(key, tp);
    }
    return tp;
  }
}

/** Kafka's AbstractPartitionAssignor.MemberInfo order: static members first by instance id, then member id. */
function memberInfoOrder(a: MemberInput, b: MemberInput): number {
  const ai = a.groupInstanceId ?? null;
  const bi = b.groupInstanceId ?? null;
  if (ai !== null && bi !== null) return cmpStr(ai, bi);
  if (ai !== null) return -1;
  if (bi !== null) return 1;
  return cmpStr(a.memberId, b.memberId);
}

interface Input {
  members: MemberInput[]; // sorted by member id
  /** Only topics that exist and that at least one member subscribes to (what Kafka's leader passes in). */
  partitionsPerTopic: Map<string, number>;
  sortedTopics: string[];
  tps: Partitions;
}

function prepare(members: MemberInput[], partitionsPerTopic: Record<string, number>): Input {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.memberId)) throw new Error(`assign: duplicate member id "${m.memberId}"`);
    seen.add(m.memberId);
  }
  const subscribed = new Set(members.flatMap((m) => m.topics));
  const ppt = new Map<string, number>();
  for (const [topic, count] of Object.entries(partitionsPerTopic)) {
    if (!Number.isInteger(count) || count < 0) throw new Error(`assign: bad partition count ${count} for topic "${topic}"`);
    if (count > 0 && subscribed.has(topic)) ppt.set(topic, count);
  }
  return {
    members: [...members].sort((a, b) => cmpStr(a.memberId, b.memberId)),
    partitionsPerTopic: ppt,
    sortedTopics: [...ppt.keys()].sort(cmpStr),
    tps: new Partitions(),
  };
}

function output(members: MemberInput[], assignment: Map<string, TP[]>): Assignment {
  const result: Assignment = {};
  for (const m of members) {
    result[m.memberId] = [...(assignment.get(m.memberId) ?? [])].sort(byTopicThenPartition).map((tp) => tp.key);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// range

function rangeAssign(input: Input): Map<string, TP[]> {
  const assignment = new Map(input.members.map((m) => [m.memberId, [] as TP[]]));
  for (const topic of input.sortedTopics) {
    const count = input.partitionsPerTopic.get(topic)!;
    const consumers = input.members.filter((m) => m.topics.includes(topic)).sort(memberInfoOrder);
    const perConsumer = Math.floor(count / consumers.length);
    const withExtra = count % consumers.length;
    let next = 0;
    consumers.forEach((c, i) => {
      const length = perConsumer + (i < withExtra ? 1 : 0);
      for (let p = next; p < next + length; p++) assignment.get(c.memberId)!.push(input.tps.get(topic, p));
      next += length;
    });
  }
  return assignment;
}

// ---------------------------------------------------------------------------------------------
// roundrobin

function roundRobinAssign(input: Input): Map<string, TP[]> {
  const assignment = new Map(input.members.map((m) => [m.memberId, [] as TP[]]));
  const circle = [...input.members].sort(memberInfoOrder);
  let at = 0;
  for (const topic of input.sortedTopics) {
    const count = input.partitionsPerTopic.get(topic)!;
    for (let p = 0; p < count; p++) {
      // skip members not subscribed to this topic (at least one is: the topic is in the list only if subscribed)
      while (!circle[at % circle.length].topics.includes(topic)) at++;
      assignment.get(circle[at % circle.length].memberId)!.push(input.tps.get(topic, p));
      at++;
    }
  }
  return assignment;
}

// ---------------------------------------------------------------------------------------------
// sticky / cooperative-sticky (AbstractStickyAssignor)

interface StickyResult {
  assignment: Map<string, TP[]>;
  /** Partitions moving from a still-present owner, as computed by the constrained algorithm; null in the general case. */
  transferring: Map<TP, string> | null;
}

const generationOf = (m: MemberInput): number => m.generation ?? DEFAULT_GENERATION;

/** The member's owned partitions that still exist (Kafka only checks the topic; partition counts never shrink there). */
function ownedOf(m: MemberInput, input: Input): TP[] {
  const out: TP[] = [];
  for (const name of m.ownedPartitions ?? []) {
    const parsed = parsePartition(name);
    if (!parsed) continue;
    const count = input.partitionsPerTopic.get(parsed.topic);
    if (count === undefined || parsed.partition >= count) continue;
    const tp = input.tps.get(parsed.topic, parsed.partition);
    if (!out.includes(tp)) out.push(tp);
  }
  return out;
}

/**
 * AbstractStickyAssignor#allSubscriptionsEqual: checks whether every member subscribes to the same topics and
 * collects each member's valid previous partitions. A partition claimed by two members keeps the claim of the
 * higher generation; two claims in the same generation are both dropped (the partition is "doubly claimed").
 * Members are visited in member-id order (Kafka: HashMap order).
 */
function collectOwned(input: Input): {
  allEqual: boolean;
  owned: Map<string, TP[]>;
  doublyClaimed: Set<TP>;
} {
  const owned = new Map<string, TP[]>();
  const doublyClaimed = new Set<TP>();
  const claimedBy = new Map<TP, MemberInput>();
  const first = input.members[0] ? new Set(input.members[0].topics) : new Set<string>();
  let allEqual = true;
  for (const m of input.members) {
    const topics = new Set(m.topics);
    if (topics.size !== first.size || [...topics].some((t) => !first.has(t))) allEqual = false;
    const mine: TP[] = [];
    owned.set(m.memberId, mine);
    const gen = generationOf(m);
    for (const tp of ownedOf(m, input)) {
      const other = claimedBy.get(tp);
      if (!other) {
        mine.push(tp);
        claimedBy.set(tp, m);
        continue;
      }
      const otherGen = generationOf(other);
      if (gen === otherGen) {
        doublyClaimed.add(tp);
        removeFrom(owned.get(other.memberId)!, tp);
        claimedBy.set(tp, m);
      } else if (gen > otherGen) {
        mine.push(tp);
        removeFrom(owned.get(other.memberId)!, tp);
        claimedBy.set(tp, m);
      }
      // else: the other member's claim (higher generation) stands
    }
  }
  return { allEqual, owned, doublyClaimed };
}

function removeFrom<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

function allPartitionsSorted(input: Input): TP[] {
  const out: TP[] = [];
  for (const topic of input.sortedTopics) {
    const count = input.partitionsPerTopic.get(topic)!;
    for (let p = 0; p < count; p++) out.push(input.tps.get(topic, p));
  }
  return out;
}

/** ConstrainedAssignmentBuilder: the fast path when every member subscribes to the same topics. */
function constrainedAssign(input: Input, owned: Map<string, TP[]>, doublyClaimed: Set<TP>): StickyResult {
  const all = allPartitionsSorted(input);
  const n = input.members.length;
  const minQuota = Math.floor(all.length / n);
  const maxQuota = Math.ceil(all.length / n);
  const expectedOverMin = all.length % n;
  let currentOverMin = 0;

  const assignment = new Map(input.members.map((m) => [m.memberId, [] as TP[]]));
  const assigned = new Set<TP>();
  const revoked = new Set<TP>();
  const transferring = new Map<TP, string>();
  const underMin: string[] = [];
  let exactlyMin: string[] = [];

  // 1. keep previously owned partitions, up to the quota (members in member-id order; Kafka: HashMap order)
  for (const m of input.members) {
    const mine = owned
      .get(m.memberId)!
      .filter((tp) => !doublyClaimed.has(tp))
      .sort(byPartitionThenTopic);
    const target = assignment.get(m.memberId)!;
    const keep = (k: number): void => {
      for (const tp of mine.slice(0, k)) {
        target.push(tp);
        assigned.add(tp);
      }
      for (const tp of mine.slice(k)) revoked.add(tp);
    };
    if (mine.length < minQuota) {
      keep(mine.length);
      underMin.push(m.memberId);
    } else if (mine.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      keep(maxQuota);
    } else {
      keep(minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(m.memberId);
    }
  }

  // 2. hand out the rest round-robin: first to members under minQuota, then one more to members at minQuota
  const unassigned = all.filter((tp) => !assigned.has(tp));
  underMin.sort(cmpStr);
  exactlyMin.sort(cmpStr);
  let at = 0;
  for (const tp of unassigned) {
    let consumer: string;
    let fromUnder = true;
    if (at < underMin.length) {
      consumer = underMin[at];
    } else if (underMin.length === 0 && exactlyMin.length === 0) {
      throw new Error('sticky assignor: no more unfilled consumers');
    } else if (underMin.length === 0) {
      consumer = exactlyMin.shift()!;
      fromUnder = false;
    } else {
      at = 0;
      consumer = underMin[0];
    }
    const list = assignment.get(consumer)!;
    list.push(tp);
    if (revoked.has(tp) || doublyClaimed.has(tp)) transferring.set(tp, consumer);
    if (list.length === minQuota && fromUnder) {
      underMin.splice(at, 1);
      exactlyMin.push(consumer);
    } else {
      if (list.length === maxQuota) currentOverMin++;
      if (fromUnder) at++;
    }
  }
  return { assignment, transferring };
}

/** PartitionMovements: remembers moves during the general algorithm so a later move can undo an earlier one. */
class Movements {
  private readonly byPartition = new Map<TP, { src: string; dst: string }>();
  private readonly byTopic = new Map<string, Map<string, Set<TP>>>();

  private static pairKey(src: string, dst: string): string {
    return `${src}\u0000${dst}`;
  }

  private remove(tp: TP): { src: string; dst: string } {
    const pair = this.byPartition.get(tp)!;
    this.byPartition.delete(tp);
    const topicMoves = this.byTopic.get(tp.topic)!;
    const key = Movements.pairKey(pair.src, pair.dst);
    const set = topicMoves.get(key)!;
    set.delete(tp);
    if (set.size === 0) topicMoves.delete(key);
    if (topicMoves.size === 0) this.byTopic.delete(tp.topic);
    return pair;
  }

  private add(tp: TP, src: string, dst: string): void {
    this.byPartition.set(tp, { src, dst });
    let topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) this.byTopic.set(tp.topic, (topicMoves = new Map()));
    const key = Movements.pairKey(src, dst);
    let set = topicMoves.get(key);
    if (!set) topicMoves.set(key, (set = new Set()));
    set.add(tp);
  }

  move(tp: TP, oldConsumer: string, newConsumer: string): void {
    if (this.byPartition.has(tp)) {
      const existing = this.remove(tp);
      if (existing.src !== newConsumer) this.add(tp, existing.src, newConsumer);
    } else {
      this.add(tp, oldConsumer, newConsumer);
    }
  }

  /**
   * If a partition of the same topic moved earlier from `newConsumer` to the partition's original owner, move that
   * one back instead, so no two members swap partitions of one topic. Kafka takes the first element of a HashSet;
   * this takes the lowest partition number.
   */
  actualPartitionToMove(tp: TP, oldConsumer: string, newConsumer: string): TP {
    const topicMoves = this.byTopic.get(tp.topic);
    if (!topicMoves) return tp;
    const earlier = this.byPartition.get(tp);
    const src = earlier ? earlier.src : oldConsumer;
    const reverse = topicMoves.get(Movements.pairKey(newConsumer, src));
    if (!reverse) return tp;
    return [...reverse].sort(byTopicThenPartition)[0];
  }
}

/** GeneralAssignmentBuilder: members subscribe to different topics. */
function generalAssign(input: Input, owned: Map<string, TP[]>): StickyResult {
  const topicConsumers = new Map<string, string[]>();
  for (const topic of input.sortedTopics) topicConsumers.set(topic, []);
  const consumerTopics = new Map<string, string[]>();
  for (const m of input.members) {
    const mine = [...new Set(m.topics)].filter((t) => input.partitionsPerTopic.has(t));
    consumerTopics.set(m.memberId, mine);
    for (const t of mine) topicConsumers.get(t)!.push(m.memberId);
  }

  const current = new Map<string, TP[]>();
  for (const m of input.members) current.set(m.memberId, [...owned.get(m.memberId)!]);
  const ownerOf = new Map<TP, string>();
  for (const [c, list] of current) for (const tp of list) ownerOf.set(tp, c);

  const sortedTopics = [...input.sortedTopics].sort(
    (a, b) => topicConsumers.get(a)!.length - topicConsumers.get(b)!.length || cmpStr(a, b),
  );
  let sortedAll: TP[] = [];
  for (const topic of sortedTopics) {
    for (let p = 0; p < input.partitionsPerTopic.get(topic)!; p++) sortedAll.push(input.tps.get(topic, p));
  }

  // previous owners from older generations (members visited in member-id order; Kafka: HashMap order)
  const maxGeneration = Math.max(DEFAULT_GENERATION, ...input.members.map(generationOf));
  const prev = new Map<TP, { consumer: string; generation: number }>();
  for (const m of input.members) {
    const gen = generationOf(m);
    if (gen >= maxGeneration) continue;
    for (const tp of ownedOf(m, input)) {
      const had = prev.get(tp);
      if (!had || gen > had.generation) prev.set(tp, { consumer: m.memberId, generation: gen });
    }
  }

  // keep the partitions whose owner is still subscribed to their topic
  let revocationRequired = false;
  const assigned = new Set<TP>();
  for (const [c, list] of current) {
    const topics = consumerTopics.get(c)!;
    for (const tp of [...list]) {
      if (!topics.includes(tp.topic)) {
        removeFrom(list, tp);
        revocationRequired = true;
      } else {
        assigned.add(tp);
      }
    }
  }
  let unassigned = sortedAll.filter((tp) => !assigned.has(tp));

  const size = (c: string): number => current.get(c)!.length;
  /** Kafka's TreeSet `sortedCurrentSubscriptions`: fewest partitions first, then member id. */
  const sortedConsumers = (): string[] => [...current.keys()].sort((a, b) => size(a) - size(b) || cmpStr(a, b));
  const maxAssignmentSize = (c: string): number =>
    consumerTopics.get(c)!.reduce((sum, t) => sum + input.partitionsPerTopic.get(t)!, 0);

  const initializing = [...current.values()].every((l) => l.length === 0);

  // assign every unassigned partition to the least loaded member that subscribes to its topic
  for (const tp of unassigned) {
    const consumer = sortedConsumers().find((c) => consumerTopics.get(c)!.includes(tp.topic));
    if (consumer === undefined) continue;
    current.get(consumer)!.push(tp);
    ownerOf.set(tp, consumer);
  }

  // only partitions with 2+ potential consumers, and members that could change, take part in balancing
  const canTopicMove = (topic: string): boolean => topicConsumers.get(topic)!.length >= 2;
  sortedAll = sortedAll.filter((tp) => canTopicMove(tp.topic));
  unassigned = unassigned.filter((tp) => canTopicMove(tp.topic));
  const fixed = new Map<string, TP[]>();
  for (const m of input.members) {
    const c = m.memberId;
    const canMove = size(c) < maxAssignmentSize(c) || current.get(c)!.some((tp) => canTopicMove(tp.topic));
    if (!canMove) {
      fixed.set(c, current.get(c)!);
      current.delete(c);
    }
  }

  const isBalanced = (): boolean => {
    const order = sortedConsumers();
    if (order.length === 0) return true;
    if (size(order[0]) >= size(order[order.length - 1]) - 1) return true;
    for (const c of order) {
      const count = size(c);
      if (count === maxAssignmentSize(c)) continue;
      const mine = new Set(current.get(c)!);
      for (const topic of consumerTopics.get(c)!) {
        for (let p = 0; p < input.partitionsPerTopic.get(topic)!; p++) {
          const tp = input.tps.get(topic, p);
          if (mine.has(tp)) continue;
          const other = ownerOf.get(tp);
          if (other !== undefined && current.has(other) && count + 1 < size(other)) return false;
        }
      }
    }
    return true;
  };

  const balanceScore = (a: Map<string, TP[]>): number => {
    const sizes = [...a.values()].map((l) => l.length);
    let score = 0;
    for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i] - sizes[j]);
    return score;
  };

  const movements = new Movements();
  const process = (tp: TP, newConsumer: string): void => {
    const oldConsumer = ownerOf.get(tp)!;
    movements.move(tp, oldConsumer, newConsumer);
    removeFrom(current.get(oldConsumer)!, tp);
    current.get(newConsumer)!.push(tp);
    ownerOf.set(tp, newConsumer);
  };
  const reassign = (tp: TP, newConsumer: string): void => {
    process(movements.actualPartitionToMove(tp, ownerOf.get(tp)!, newConsumer), newConsumer);
  };

  const performReassignments = (partitions: TP[]): boolean => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of partitions) {
        if (isBalanced()) break;
        const consumer = ownerOf.get(tp);
        if (consumer === undefined || !current.has(consumer)) continue;
        const before = prev.get(tp);
        if (
          before &&
          current.has(before.consumer) &&
          consumerTopics.get(before.consumer)!.includes(tp.topic) &&
          size(consumer) > size(before.consumer) + 1
        ) {
          reassign(tp, before.consumer);
          performed = modified = true;
          continue;
        }
        const better = topicConsumers.get(tp.topic)!.some((o) => current.has(o) && size(consumer) > size(o) + 1);
        if (better) {
          const target = sortedConsumers().find((o) => consumerTopics.get(o)!.includes(tp.topic))!;
          reassign(tp, target);
          performed = modified = true;
        }
      }
    } while (modified);
    return performed;
  };

  const snapshot = new Map([...current].map(([c, l]) => [c, [...l]]));
  const snapshotOwners = new Map(ownerOf);
  if (!revocationRequired) performReassignments(unassigned);
  const performed = performReassignments(sortedAll);
  if (!initializing && performed && balanceScore(current) >= balanceScore(snapshot)) {
    current.clear();
    for (const [c, l] of snapshot) current.set(c, l);
    ownerOf.clear();
    for (const [tp, c] of snapshotOwners) ownerOf.set(tp, c);
  }
  for (const [c, l] of fixed) current.set(c, l);
  return { assignment: current, transferring: null };
}

function stickyAssign(input: Input): StickyResult {
  if (input.members.length === 0) return { assignment: new Map(), transferring: new Map() };
  const { allEqual, owned, doublyClaimed } = collectOwned(input);
  return allEqual ? constrainedAssign(input, owned, doublyClaimed) : generalAssign(input, owned);
}

/**
 * CooperativeStickyAssignor: the sticky result minus every partition that changes owner while its previous owner
 * is still in the group — the previous owner first revokes it, and the next rebalance hands it over.
 */
function cooperativeAssign(input: Input): Map<string, TP[]> {
  const { assignment, transferring } = stickyAssign(input);
  let moving = transferring;
  if (moving === null) {
    // general case: partitions added to one member that some other member reported as owned and lost
    moving = new Map();
    const revoked = new Set<TP>();
    const added = new Map<TP, string>();
    for (const m of input.members) {
      const reported = new Set(
        (m.ownedPartitions ?? []).map((name) => {
          const p = parsePartition(name);
          return p ? input.tps.get(p.topic, p.partition) : null;
        }),
      );
      const now = new Set(assignment.get(m.memberId)!);
      for (const tp of now) if (!reported.has(tp)) added.set(tp, m.memberId);
      for (const tp of reported) if (tp && !now.has(tp)) revoked.add(tp);
    }
    for (const [tp, c] of added) if (revoked.has(tp)) moving.set(tp, c);
  }
  for (const [tp, c] of moving) removeFrom(assignment.get(c)!, tp);
  return assignment;
}

/**
 * Computes an assignment with one of Kafka's assignors. Pure and deterministic.
 *
 * @param members            the group's members with their subscriptions (and, for the sticky assignors, what they
 *                           owned before and in which generation)
 * @param partitionsPerTopic partition count per topic; topics nobody subscribes to are ignored, subscribed topics
 *                           missing here do not exist
 */
export function assign(name: AssignorName, members: MemberInput[], partitionsPerTopic: Record<string, number>): Assignment {
  const input = prepare(members, partitionsPerTopic);
  switch (name) {
    case 'range':
      return output(input.members, rangeAssign(input));
    case 'roundrobin':
      return output(input.members, roundRobinAssign(input));
    case 'sticky':
      return output(input.members, stickyAssign(input).assignment);
    case 'cooperative-sticky':
      return output(input.members, cooperativeAssign(input));
    default:
      throw new Error(`assign: unknown assignor "${String(name)}"`);
  }
}

/** Whether the assignor uses the cooperative (incremental) rebalance protocol rather than eager. */
export function isCooperative(name: AssignorName): boolean {
  return name === 'cooperative-sticky';
}
