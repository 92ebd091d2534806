import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ASSIGNOR_NAMES, assign, parsePartition, type Assignment, type AssignorName, type MemberInput } from './assignors';

/** Partition names "t-0", "t-1", … for a topic. */
const parts = (topic: string, ...ps: number[]): string[] => ps.map((p) => `${topic}-${p}`);
const m = (memberId: string, topics: string[], extra: Partial<MemberInput> = {}): MemberInput => ({ memberId, topics, ...extra });
/** The members again, now owning what `a` gave them, in `generation`. */
const next = (members: MemberInput[], a: Assignment, generation?: number): MemberInput[] =>
  members.map((x) => ({ ...x, ownedPartitions: a[x.memberId] ?? [], generation }));
const counts = (a: Assignment): number[] => Object.values(a).map((l) => l.length);
const allAssigned = (a: Assignment): string[] => Object.values(a).flat().sort();

/** Kafka's AbstractStickyAssignorTest#verifyValidityAndBalance: subscribed, no overlap, no movable imbalance. */
function verifyValidityAndBalance(members: MemberInput[], a: Assignment): void {
  const byId = new Map(members.map((x) => [x.memberId, x]));
  const owners = new Map<string, string>();
  for (const [c, list] of Object.entries(a)) {
    for (const p of list) {
      expect(byId.get(c)!.topics).toContain(parsePartition(p)!.topic);
      expect(owners.has(p), `${p} assigned twice`).toBe(false);
      owners.set(p, c);
    }
  }
  const ids = Object.keys(a);
  for (const x of ids) {
    for (const y of ids) {
      if (a[x].length <= a[y].length + 1) continue;
      const topicsOfX = new Set(a[x].map((p) => parsePartition(p)!.topic));
      for (const p of a[y]) expect(topicsOfX.has(parsePartition(p)!.topic), `${x} could give ${y} a partition`).toBe(false);
      for (const t of topicsOfX) expect(byId.get(y)!.topics.includes(t) && a[y].length + 1 < a[x].length).toBe(false);
    }
  }
}

describe('all assignors: basic cases (RangeAssignorTest / RoundRobinAssignorTest / AbstractStickyAssignorTest)', () => {
  for (const name of ASSIGNOR_NAMES) {
    it(`${name}: one consumer, no topics (#testOneConsumerNoTopic)`, () => {
      expect(assign(name, [m('c', [])], {})).toEqual({ c: [] });
    });

    it(`${name}: a subscribed topic that does not exist gives nothing (#testOneConsumerNonexistentTopic)`, () => {
      expect(assign(name, [m('c', ['topic'])], {})).toEqual({ c: [] });
    });

    it(`${name}: one consumer takes every partition of its topics, never of others (#testOneConsumerOneTopic, #testOnlyAssignsPartitionsFromSubscribedTopics, #testOneConsumerMultipleTopics)`, () => {
      expect(assign(name, [m('c', ['topic'])], { topic: 3, other: 3 })).toEqual({ c: parts('topic', 0, 1, 2) });
      expect(assign(name, [m('c', ['topic1', 'topic2'])], { topic1: 1, topic2: 2 })).toEqual({
        c: [...parts('topic1', 0), ...parts('topic2', 0, 1)],
      });
    });

    it(`${name}: more consumers than partitions leaves idle members with [] (#testTwoConsumersOneTopicOnePartition)`, () => {
      const a = assign(name, [m('consumer1', ['topic']), m('consumer2', ['topic']), m('consumer3', ['topic'])], { topic: 1 });
      expect(a).toEqual({ consumer1: ['topic-0'], consumer2: [], consumer3: [] });
    });

    it(`${name}: two consumers split two partitions (#testTwoConsumersOneTopicTwoPartitions)`, () => {
      expect(assign(name, [m('consumer1', ['topic']), m('consumer2', ['topic'])], { topic: 2 })).toEqual({
        consumer1: ['topic-0'],
        consumer2: ['topic-1'],
      });
    });

    it(`${name}: topic names containing '-' are parsed from the last '-'`, () => {
      const a = assign(name, [m('c1', ['my-topic']), m('c2', ['my-topic'])], { 'my-topic': 12 });
      expect(allAssigned(a)).toEqual(Array.from({ length: 12 }, (_, i) => `my-topic-${i}`).sort());
      expect(a.c1).toContain('my-topic-0');
    });

    it(`${name}: reassignment with the same input is stable (same result twice, and again from its own output)`, () => {
      const members = [m('c1', ['t1', 't2']), m('c2', ['t1', 't2']), m('c3', ['t1'])];
      const ppt = { t1: 4, t2: 3 };
      const first = assign(name, members, ppt);
      expect(assign(name, members, ppt)).toEqual(first);
      if (name !== 'cooperative-sticky') expect(assign(name, next(members, first, 1), ppt)).toEqual(first);
    });
  }
});

describe('RangeAssignor', () => {
  it('remainder partitions go to the first members (RangeAssignorTest#testTwoConsumersOneTopicThreePartitions)', () => {
    expect(assign('range', [m('consumer1', ['topic']), m('consumer2', ['topic'])], { topic: 3 })).toEqual({
      consumer1: parts('topic', 0, 1),
      consumer2: parts('topic', 2),
    });
  });

  it('range skew across topics: 2 topics × 3 partitions, 2 consumers → 4 and 2 (RangeAssignorTest#testTwoConsumersTwoTopicsSixPartitions)', () => {
    const a = assign('range', [m('consumer1', ['topic1', 'topic2']), m('consumer2', ['topic1', 'topic2'])], { topic1: 3, topic2: 3 });
    expect(a).toEqual({
      consumer1: [...parts('topic1', 0, 1), ...parts('topic2', 0, 1)],
      consumer2: [...parts('topic1', 2), ...parts('topic2', 2)],
    });
  });

  it('each topic is split only among its subscribers (RangeAssignorTest#testMultipleConsumersMixedTopics)', () => {
    const a = assign('range', [m('consumer1', ['topic1']), m('consumer2', ['topic1', 'topic2']), m('consumer3', ['topic1'])], {
      topic1: 3,
      topic2: 2,
    });
    expect(a).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1', 'topic2-0', 'topic2-1'], consumer3: ['topic1-2'] });
  });

  it('member order is plain string order, not natural order ("c10" < "c2")', () => {
    const a = assign('range', [m('c2', ['t']), m('c10', ['t'])], { t: 3 });
    expect(a).toEqual({ c10: parts('t', 0, 1), c2: parts('t', 2) });
  });

  it('static members come first, ordered by group.instance.id (RangeAssignorTest#testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions, #testTwoStaticConsumersTwoTopicsSixPartitions)', () => {
    const topics = ['topic1', 'topic2'];
    const ppt = { topic1: 3, topic2: 3 };
    // consumer2 is static, so it is first although "consumer1" < "consumer2"
    expect(assign('range', [m('consumer1', topics), m('consumer2', topics, { groupInstanceId: 'instance2' })], ppt)).toEqual({
      consumer1: [...parts('topic1', 2), ...parts('topic2', 2)],
      consumer2: [...parts('topic1', 0, 1), ...parts('topic2', 0, 1)],
    });
    // two static members: instance ids decide, not member ids
    const a = assign('range', [m('a', topics, { groupInstanceId: 'instance2' }), m('b', topics, { groupInstanceId: 'instance1' })], ppt);
    expect(a.b).toEqual([...parts('topic1', 0, 1), ...parts('topic2', 0, 1)]);
  });

  it('a static member keeps its range when it rejoins with a new member id (RangeAssignorTest#testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges)', () => {
    const ppt = { t: 5 };
    const before = assign('range', [m('z-1', ['t'], { groupInstanceId: 'i1' }), m('y-1', ['t'], { groupInstanceId: 'i2' }), m('dyn', ['t'])], ppt);
    const after = assign('range', [m('a-2', ['t'], { groupInstanceId: 'i1' }), m('b-2', ['t'], { groupInstanceId: 'i2' }), m('dyn', ['t'])], ppt);
    expect(after['a-2']).toEqual(before['z-1']);
    expect(after['b-2']).toEqual(before['y-1']);
    expect(after.dyn).toEqual(before.dyn);
  });
});

describe('RoundRobinAssignor', () => {
  it('2 topics × 3 partitions, 2 consumers → 3 and 3, interleaved (RoundRobinAssignorTest#testTwoDynamicConsumersTwoTopicsSixPartitions)', () => {
    const a = assign('roundrobin', [m('consumer1', ['topic1', 'topic2']), m('consumer2', ['topic1', 'topic2'])], { topic1: 3, topic2: 3 });
    expect(a).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('skips members not subscribed to a topic, which can unbalance (RoundRobinAssignor javadoc example, #testMultipleConsumersMixedTopics)', () => {
    const a = assign('roundrobin', [m('C0', ['t0']), m('C1', ['t0', 't1']), m('C2', ['t0', 't1', 't2'])], { t0: 1, t1: 2, t2: 3 });
    expect(a).toEqual({ C0: ['t0-0'], C1: ['t1-0'], C2: ['t1-1', 't2-0', 't2-1', 't2-2'] });
  });

  it('static members first by group.instance.id (RoundRobinAssignorTest#testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions)', () => {
    const topics = ['topic1', 'topic2'];
    const a = assign('roundrobin', [m('consumer1', topics), m('consumer2', topics, { groupInstanceId: 'instance2' })], { topic1: 3, topic2: 3 });
    expect(a).toEqual({
      consumer1: ['topic1-1', 'topic2-0', 'topic2-2'],
      consumer2: ['topic1-0', 'topic1-2', 'topic2-1'],
    });
  });

  it('a static member keeps its partitions across a member id change (RoundRobinAssignorTest#testStaticMemberRoundRobinAssignmentPersistentAfterMemberIdChanges)', () => {
    const ppt = { t1: 3, t2: 2 };
    const before = assign('roundrobin', [m('m-9', ['t1', 't2'], { groupInstanceId: 'i1' }), m('m-1', ['t1', 't2'], { groupInstanceId: 'i2' })], ppt);
    const after = assign('roundrobin', [m('x', ['t1', 't2'], { groupInstanceId: 'i1' }), m('w', ['t1', 't2'], { groupInstanceId: 'i2' })], ppt);
    expect(after.x).toEqual(before['m-9']);
    expect(after.w).toEqual(before['m-1']);
  });
});

describe('StickyAssignor (AbstractStickyAssignorTest)', () => {
  it('fresh assignment of identical subscriptions is round-robin over sorted partitions (#testTwoConsumersTwoTopicsSixPartitions)', () => {
    const a = assign('sticky', [m('consumer1', ['topic1', 'topic2']), m('consumer2', ['topic1', 'topic2'])], { topic1: 3, topic2: 3 });
    expect(a).toEqual({ consumer1: ['topic1-0', 'topic1-2', 'topic2-1'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'] });
  });

  it('fresh assignment, uniform subscription (#testRackAwareAssignmentWithUniformSubscription, non-rack-aware expectation)', () => {
    const all = ['t1', 't2', 't3'];
    const a = assign('sticky', [m('consumer0', all), m('consumer1', all), m('consumer2', all)], { t1: 6, t2: 7, t3: 2 });
    expect(a).toEqual({
      consumer0: ['t1-0', 't1-3', 't2-0', 't2-3', 't2-6'],
      consumer1: ['t1-1', 't1-4', 't2-1', 't2-4', 't3-0'],
      consumer2: ['t1-2', 't1-5', 't2-2', 't2-5', 't3-1'],
    });
  });

  it('fresh assignment, different subscriptions: general algorithm (#testRackAwareAssignmentWithNonEqualSubscription, non-rack-aware expectation)', () => {
    const all = ['t1', 't2', 't3'];
    const members = [m('consumer0', all), m('consumer1', all), m('consumer2', ['t1', 't3'])];
    const a = assign('sticky', members, { t1: 6, t2: 7, t3: 2 });
    expect(a).toEqual({
      consumer0: ['t1-5', 't2-0', 't2-2', 't2-4', 't2-6'],
      consumer1: ['t1-3', 't2-1', 't2-3', 't2-5', 't3-0'],
      consumer2: ['t1-0', 't1-1', 't1-2', 't1-4', 't3-1'],
    });
    verifyValidityAndBalance(members, a);
  });

  it('add a consumer: the old one keeps the first maxQuota of what it owned (#testAddRemoveConsumerOneTopic)', () => {
    const one = assign('sticky', [m('consumer1', ['topic'])], { topic: 3 });
    expect(one).toEqual({ consumer1: parts('topic', 0, 1, 2) });
    const members = [m('consumer1', ['topic'], { ownedPartitions: one.consumer1, generation: 1 }), m('consumer2', ['topic'], { generation: 1 })];
    const two = assign('sticky', members, { topic: 3 });
    expect(two).toEqual({ consumer1: parts('topic', 0, 1), consumer2: parts('topic', 2) });
    // remove consumer1 again: consumer2 keeps topic-2 and takes the rest
    const back = assign('sticky', [m('consumer2', ['topic'], { ownedPartitions: two.consumer2, generation: 2 })], { topic: 3 });
    expect(back).toEqual({ consumer2: parts('topic', 0, 1, 2) });
  });

  it('add two consumers, then remove two: survivors keep everything they owned (#testAddRemoveTwoConsumersTwoTopics)', () => {
    const all = ['topic1', 'topic2'];
    const ppt = { topic1: 3, topic2: 4 };
    const first = assign('sticky', [m('consumer1', all), m('consumer2', all)], ppt);
    expect(first).toEqual({ consumer1: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'], consumer2: ['topic1-1', 'topic2-0', 'topic2-2'] });
    const four = [m('consumer1', all), m('consumer2', all), m('consumer3', all), m('consumer4', all)];
    const second = assign('sticky', next(four, first, 1), ppt);
    expect(second).toEqual({
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0'],
      consumer3: ['topic1-2', 'topic2-3'],
      consumer4: ['topic2-2'],
    });
    const third = assign('sticky', next(four.slice(2), second, 2), ppt);
    expect(third).toEqual({
      consumer3: ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3'],
      consumer4: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('members already at quota are considered filled (#testAllConsumersReachExpectedQuotaAndAreConsideredFilled)', () => {
    const a = assign(
      'sticky',
      [
        m('consumer1', ['topic'], { ownedPartitions: parts('topic', 0, 1), generation: 1 }),
        m('consumer2', ['topic'], { ownedPartitions: parts('topic', 2), generation: 1 }),
        m('consumer3', ['topic'], { generation: 1 }),
      ],
      { topic: 4 },
    );
    expect(a).toEqual({ consumer1: parts('topic', 0, 1), consumer2: parts('topic', 2), consumer3: parts('topic', 3) });
  });

  it('removing a consumer keeps every survivor’s partition (#testStickiness)', () => {
    const ids = ['consumer1', 'consumer2', 'consumer3', 'consumer4'];
    const first = assign('sticky', ids.map((id) => m(id, ['topic1'])), { topic1: 3 });
    expect(counts(first).sort()).toEqual([0, 1, 1, 1]);
    const second = assign('sticky', next(ids.slice(1).map((id) => m(id, ['topic1'])), first, 1), { topic1: 3 });
    for (const id of ids.slice(1)) {
      expect(second[id]).toHaveLength(1);
      for (const p of first[id]) expect(second[id]).toContain(p);
    }
  });

  it('a new topic is spread without moving old partitions; a deleted topic’s partitions drop out (#testAddRemoveTopicTwoConsumers)', () => {
    const members = [m('consumer1', ['topic']), m('consumer2', ['topic'])];
    const first = assign('sticky', members, { topic: 3 });
    const both = [m('consumer1', ['topic', 'topic2']), m('consumer2', ['topic', 'topic2'])];
    const second = assign('sticky', next(both, first, 1), { topic: 3, topic2: 3 });
    expect(counts(second)).toEqual([3, 3]);
    for (const id of ['consumer1', 'consumer2']) for (const p of first[id]) expect(second[id]).toContain(p);
    const onlyNew = [m('consumer1', ['topic2']), m('consumer2', ['topic2'])];
    const third = assign('sticky', next(onlyNew, second, 2), { topic2: 3 });
    expect(counts(third).sort()).toEqual([1, 2]);
    for (const id of ['consumer1', 'consumer2']) for (const p of third[id]) expect(second[id]).toContain(p);
  });

  it('deleting the only subscribed topic leaves an empty assignment (#testNoExceptionThrownWhenOnlySubscribedTopicDeleted, #testAssignmentUpdatedForDeletedTopic)', () => {
    const first = assign('sticky', [m('consumer', ['topic'])], { topic: 3 });
    expect(assign('sticky', next([m('consumer', ['topic'])], first, 1), {})).toEqual({ consumer: [] });
    const a = assign('sticky', [m('consumer', ['topic1', 'topic2', 'topic3'])], { topic1: 1, topic3: 100 });
    expect(a.consumer).toHaveLength(101);
  });

  it('a stale generation loses a conflicting claim to the current generation (#testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration)', () => {
    const claim = ['topic-0', 'topic-2', 'topic2-1'];
    const all = ['topic', 'topic2'];
    const ppt = { topic: 3, topic2: 3 };
    for (const stale of [9, undefined]) {
      // undefined = no generation at all (#testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration)
      const a = assign('sticky', [m('consumer1', all, { ownedPartitions: claim, generation: 10 }), m('consumer2', all, { ownedPartitions: claim, generation: stale })], ppt);
      expect(a).toEqual({ consumer1: claim, consumer2: ['topic-1', 'topic2-0', 'topic2-2'] });
    }
  });

  it('valid claims of the highest generation are kept, older ones dropped (#testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration)', () => {
    const all = ['topic', 'topic2'];
    const a = assign(
      'sticky',
      [
        m('consumer1', all, { ownedPartitions: ['topic-0', 'topic2-1', 'topic-1'], generation: 10 }),
        m('consumer2', all, { ownedPartitions: ['topic-0', 'topic2-1', 'topic2-2'], generation: 8 }),
      ],
      { topic: 3, topic2: 3 },
    );
    expect(a).toEqual({ consumer1: ['topic-0', 'topic-1', 'topic2-1'], consumer2: ['topic-2', 'topic2-0', 'topic2-2'] });
  });

  it('each partition goes to its claimant with the highest generation (#testEnsurePartitionsAssignedToHighestGeneration)', () => {
    const all = ['topic', 'topic2', 'topic3'];
    const a = assign(
      'sticky',
      [
        m('consumer1', all, { ownedPartitions: ['topic-0', 'topic2-0', 'topic3-0'], generation: 10 }),
        m('consumer2', all, { ownedPartitions: ['topic-1', 'topic2-1', 'topic3-1'], generation: 9 }),
        m('consumer3', all, { ownedPartitions: ['topic2-1', 'topic3-0', 'topic3-2'], generation: 8 }),
      ],
      { topic: 3, topic2: 3, topic3: 3 },
    );
    expect(a).toEqual({
      consumer1: ['topic-0', 'topic2-0', 'topic3-0'],
      consumer2: ['topic-1', 'topic2-1', 'topic3-1'],
      consumer3: ['topic-2', 'topic2-2', 'topic3-2'],
    });
  });

  it('members with valid owned partitions keep them; a member without generation gets the rest (#testNoReassignmentOnCurrentMembers)', () => {
    const all = ['topic', 'topic2', 'topic3', 'topic1'];
    const a = assign(
      'sticky',
      [
        m('consumer1', all, { ownedPartitions: [] }),
        m('consumer2', all, { ownedPartitions: ['topic-0', 'topic2-0', 'topic1-0'], generation: 9 }),
        m('consumer3', all, { ownedPartitions: ['topic3-2', 'topic2-2', 'topic1-1'], generation: 8 }),
        m('consumer4', all, { ownedPartitions: ['topic3-1', 'topic-1', 'topic-2'], generation: 7 }),
      ],
      { topic: 3, topic1: 3, topic2: 3, topic3: 3 },
    );
    expect(a.consumer1).toEqual(['topic1-2', 'topic2-1', 'topic3-0']);
    expect(a.consumer2).toEqual(['topic-0', 'topic1-0', 'topic2-0']);
  });

  it('a partition claimed twice in one generation is taken from both (#testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration)', () => {
    const members = [
      m('consumer1', ['topic'], { ownedPartitions: parts('topic', 0, 1), generation: 1 }),
      m('consumer2', ['topic'], { ownedPartitions: parts('topic', 0, 2), generation: 1 }),
      m('consumer3', ['topic'], { generation: 1 }),
    ];
    expect(assign('sticky', members, { topic: 3 })).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: ['topic-0'] });
    // cooperative: topic-0 still has owners, so consumer3 gets it only in the next round
    expect(assign('cooperative-sticky', members, { topic: 3 })).toEqual({ consumer1: ['topic-1'], consumer2: ['topic-2'], consumer3: [] });
  });

  it('stays valid, balanced and sticky after a big change: one of 19 consumers with nested subscriptions leaves (#testReassignmentAfterOneConsumerLeaves)', () => {
    const name = (p: string, i: number): string => `${p}${String(i).padStart(2, '0')}`;
    const ppt: Record<string, number> = {};
    for (let i = 1; i < 20; i++) ppt[name('t', i)] = i;
    const members: MemberInput[] = [];
    for (let i = 1; i < 20; i++) members.push(m(name('c', i), Array.from({ length: i }, (_, j) => name('t', j + 1))));
    const first = assign('sticky', members, ppt);
    verifyValidityAndBalance(members, first);
    const survivors = next(members, first, 1).filter((x) => x.memberId !== 'c10');
    const second = assign('sticky', survivors, ppt);
    verifyValidityAndBalance(survivors, second);
    // most of the previous assignment survives
    const kept = survivors.reduce((n, x) => n + first[x.memberId].filter((p) => second[x.memberId].includes(p)).length, 0);
    expect(kept).toBeGreaterThanOrEqual(allAssigned(first).length - 2 * first.c10.length);
  });
});

describe('CooperativeStickyAssignor', () => {
  it('withholds a partition that changes owner, then hands it over in the next rebalance (CooperativeStickyAssignorTest, #testAddRemoveConsumerOneTopic)', () => {
    const first = assign('cooperative-sticky', [m('consumer1', ['topic'])], { topic: 3 });
    const round1 = assign('cooperative-sticky', [m('consumer1', ['topic'], { ownedPartitions: first.consumer1, generation: 1 }), m('consumer2', ['topic'], { generation: 1 })], { topic: 3 });
    expect(round1).toEqual({ consumer1: parts('topic', 0, 1), consumer2: [] }); // topic-2 is revoked, not yet given
    const round2 = assign('cooperative-sticky', next([m('consumer1', ['topic']), m('consumer2', ['topic'])], round1, 2), { topic: 3 });
    expect(round2).toEqual({ consumer1: parts('topic', 0, 1), consumer2: parts('topic', 2) });
  });

  it('different subscriptions: first round keeps only non-moving partitions, second round converges (AbstractStickyAssignorTest#testRackAwareAssignmentWithNonEqualSubscription, non-rack-aware expectation)', () => {
    const all = ['t1', 't2', 't3'];
    const topics = [all, all, ['t1', 't3']];
    const owned = [parts('t1', 0, 1, 2, 3, 4), ['t1-5', ...parts('t2', 0, 1, 2, 3)], ['t2-4', 't2-5', 't2-6', 't3-0', 't3-1']];
    const members = topics.map((t, i) => m(`consumer${i}`, t, { ownedPartitions: owned[i] }));
    const ppt = { t1: 6, t2: 7, t3: 2 };
    const round1 = assign('cooperative-sticky', members, ppt);
    expect(round1).toEqual({ consumer0: parts('t1', 2, 3, 4), consumer1: parts('t2', 0, 1, 2, 3), consumer2: parts('t3', 0, 1) });
    const round2 = assign('cooperative-sticky', next(members, round1), ppt);
    expect(round2).toEqual({
      consumer0: ['t1-2', 't1-3', 't1-4', 't2-4', 't2-5'],
      consumer1: ['t2-0', 't2-1', 't2-2', 't2-3', 't2-6'],
      consumer2: ['t1-0', 't1-1', 't1-5', 't3-0', 't3-1'],
    });
  });

  it('partitions of a member that left are handed over at once (no current owner to revoke them)', () => {
    const all = ['topic1', 'topic2'];
    const ppt = { topic1: 3, topic2: 4 };
    const first = assign('cooperative-sticky', [m('consumer1', all), m('consumer2', all)], ppt);
    const a = assign('cooperative-sticky', next([m('consumer2', all)], first, 1), ppt);
    expect(a.consumer2).toHaveLength(7);
  });

  it('adding two consumers: first round withholds the moving partitions, second round equals the sticky result (#testAddRemoveTwoConsumersTwoTopics)', () => {
    const all = ['topic1', 'topic2'];
    const ppt = { topic1: 3, topic2: 4 };
    const four = [m('consumer1', all), m('consumer2', all), m('consumer3', all), m('consumer4', all)];
    const first = assign('cooperative-sticky', four.slice(0, 2), ppt);
    const round1 = assign('cooperative-sticky', next(four, first, 1), ppt);
    expect(round1).toEqual({ consumer1: ['topic1-0', 'topic2-1'], consumer2: ['topic1-1', 'topic2-0'], consumer3: [], consumer4: [] });
    const round2 = assign('cooperative-sticky', next(four, round1, 2), ppt);
    expect(round2).toEqual(assign('sticky', next(four, first, 1), ppt));
  });
});

// ---------------------------------------------------------------------------------------------
// properties

const TOPICS = ['a', 'b-x', 'c'];
interface World {
  ppt: Record<string, number>;
  members: MemberInput[];
  /** previous owner of each partition (may be a member that has left) */
  prevOwner: Map<string, string>;
}

/** Random group: topics with 0–7 partitions, 1–6 current members, previous owners drawn from 8 ids (some gone). */
const world = (sameTopics: boolean): fc.Arbitrary<World> =>
  fc
    .record({
      counts: fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })),
      present: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 6 }),
      subs: fc.array(fc.subarray(TOPICS, { minLength: 1 }), { minLength: 8, maxLength: 8 }),
      shared: fc.subarray(TOPICS, { minLength: 1 }),
      owners: fc.array(fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }), { minLength: 21, maxLength: 21 }),
      generation: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map(({ counts: cs, present, subs, shared, owners, generation }) => {
      const ppt: Record<string, number> = {};
      TOPICS.forEach((t, i) => (ppt[t] = cs[i]));
      const prevOwner = new Map<string, string>();
      const owned = new Map<string, string[]>();
      TOPICS.forEach((t, ti) => {
        for (let p = 0; p < 7; p++) {
          const o = owners[ti * 7 + p];
          if (o === undefined || p >= cs[ti]) continue;
          const id = `m${o}`;
          prevOwner.set(`${t}-${p}`, id);
          owned.set(id, [...(owned.get(id) ?? []), `${t}-${p}`]);
        }
      });
      const members = present.map((i) => m(`m${i}`, sameTopics ? shared : subs[i], { ownedPartitions: owned.get(`m${i}`) ?? [], generation }));
      return { ppt, members, prevOwner };
    });

const subscribedPartitions = (w: World): string[] =>
  TOPICS.filter((t) => w.members.some((x) => x.topics.includes(t))).flatMap((t) => Array.from({ length: w.ppt[t] }, (_, p) => `${t}-${p}`));

describe('properties (fast-check)', () => {
  it('every subscribed partition is assigned exactly once, to a subscriber (range, roundrobin, sticky)', () => {
    fc.assert(
      fc.property(world(false), fc.constantFrom<AssignorName>('range', 'roundrobin', 'sticky'), (w, name) => {
        const a = assign(name, w.members, w.ppt);
        expect(Object.keys(a).sort()).toEqual(w.members.map((x) => x.memberId).sort());
        expect(allAssigned(a)).toEqual(subscribedPartitions(w).sort());
        for (const x of w.members) for (const p of a[x.memberId]) expect(x.topics).toContain(parsePartition(p)!.topic);
      }),
    );
  });

  it('cooperative first round: at most once, and withheld = exactly the partitions whose previous owner is still here and differs', () => {
    fc.assert(
      fc.property(world(false), (w) => {
        const sticky = assign('sticky', w.members, w.ppt);
        const coop = assign('cooperative-sticky', w.members, w.ppt);
        const present = new Set(w.members.map((x) => x.memberId));
        const seen = new Set<string>();
        for (const x of w.members) {
          for (const p of coop[x.memberId]) {
            expect(seen.has(p)).toBe(false);
            seen.add(p);
            expect(sticky[x.memberId]).toContain(p);
          }
          const withheld = sticky[x.memberId].filter((p) => !coop[x.memberId].includes(p));
          const expected = sticky[x.memberId].filter((p) => {
            const prev = w.prevOwner.get(p);
            return prev !== undefined && present.has(prev) && prev !== x.memberId;
          });
          expect(withheld).toEqual(expected);
        }
      }),
    );
  });

  it('balance: roundrobin and sticky counts differ by at most 1 when everyone subscribes to the same topics', () => {
    fc.assert(
      fc.property(world(true), fc.constantFrom<AssignorName>('roundrobin', 'sticky'), (w, name) => {
        const c = counts(assign(name, w.members, w.ppt));
        expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('balance and validity of sticky with mixed subscriptions (Kafka verifyValidityAndBalance)', () => {
    fc.assert(
      fc.property(world(false), (w) => {
        verifyValidityAndBalance(w.members, assign('sticky', w.members, w.ppt));
      }),
    );
  });

  it('stickiness: a surviving member keeps min(owned, minQuota) partitions, and everything it owned while that stays balanced', () => {
    fc.assert(
      fc.property(world(true), (w) => {
        const a = assign('sticky', w.members, w.ppt);
        const total = subscribedPartitions(w).length;
        const n = w.members.length;
        const minQ = Math.floor(total / n);
        const maxQ = Math.ceil(total / n);
        const owned = (x: MemberInput): string[] => (x.ownedPartitions ?? []).filter((p) => x.topics.includes(parsePartition(p)!.topic));
        const fits =
          w.members.every((x) => owned(x).length <= maxQ) &&
          (minQ === maxQ || w.members.filter((x) => owned(x).length === maxQ).length <= total % n);
        for (const x of w.members) {
          const kept = owned(x).filter((p) => a[x.memberId].includes(p)).length;
          expect(kept).toBeGreaterThanOrEqual(Math.min(owned(x).length, minQ));
          if (fits) expect(kept).toBe(owned(x).length);
        }
      }),
    );
  });
});
