/**
 * `npm run --silent bench`: the Kafka engine's speed, headless.
 * A seeded scenario: 5 brokers, one topic with 50 partitions and RF=3, two producers sending
 * 10,000 keyed records (acks=all, idempotent) while brokers crash and restart and links are cut
 * and healed, then a consumer reads everything. Prints JSON: events per second (with and without
 * the per-event invariant checks), seek times (Timeline.stateAt to random events), peak memory.
 */
import { performance } from 'node:perf_hooks';
import { Timeline } from '../simulator/core/engine';
import { float, int, seedState } from '../simulator/core/rng';
import { kafkaEngine } from '../simulator/kafka/engine';
import { KafkaScenarioSchema, type KafkaScenarioInput } from '../simulator/kafka/schema';

const RECORDS = 10_000;
/** Seeks are measured on a timeline of at least 10,000 events (a long lesson-sized run) … */
const SEEK_RECORDS = 1_000;
const SNAPSHOT_EVERY = Number(process.env.SNAPSHOT_EVERY ?? 64);
/** … and, for completeness, on the whole 10,000-record run with sparser snapshots (memory-bounded). */
const FULL_SNAPSHOT_EVERY = Number(process.env.FULL_SNAPSHOT_EVERY ?? 2048);
const SEEKS = 300;

function scenario(seed: number, records: number) {
  const h = { rng: seedState(seed) };
  const brokers = ['b1', 'b2', 'b3', 'b4', 'b5'];
  const script: KafkaScenarioInput['script'] = [{ do: 'consumer.start', consumer: 'c1' }];
  let down: string | null = null;
  let cut: string | null = null;
  for (let i = 1; i <= records; i++) {
    script.push({ do: 'produce', producer: i % 2 ? 'p1' : 'p2', topic: 'events', key: `k${int(h, 500)}`, id: `m${i}` });
    if (i % 10 === 0) script.push({ do: 'advance', ms: 5 });
    if (i % 500 === 0) {
      const r = float(h);
      if (down) {
        script.push({ do: 'broker.restart', broker: down });
        down = null;
      } else if (cut) {
        script.push({ do: 'net.healAll' });
        cut = null;
      } else if (r < 0.4) {
        down = brokers[int(h, 5)];
        script.push({ do: 'broker.crash', broker: down, loseUnflushed: false });
      } else if (r < 0.7) {
        cut = brokers[int(h, 5)];
        script.push({ do: 'net.partition', a: cut, b: float(h) < 0.5 ? 'controller' : brokers.filter((b) => b !== cut) });
      } else {
        script.push({ do: 'net.drop', match: { type: 'ProduceResponse' }, count: 3 });
      }
      script.push({ do: 'advance', ms: 200 + int(h, 3000) });
    }
  }
  if (down) script.push({ do: 'broker.restart', broker: down });
  script.push({ do: 'net.healAll' }, { do: 'advance', ms: 15000 }, { do: 'settle' });
  const input: KafkaScenarioInput = {
    system: 'kafka',
    seed,
    cluster: {
      brokers,
      config: { 'broker.session.timeout.ms': 3000, 'broker.heartbeat.interval.ms': 1000, 'replica.lag.time.max.ms': 5000, 'replica.socket.timeout.ms': 2000 },
      topics: [{ name: 'events', partitions: 50, replicationFactor: 3, config: { 'min.insync.replicas': 2 } }],
    },
    producers: [
      { id: 'p1', config: { acks: 'all', 'request.timeout.ms': 3000 } },
      { id: 'p2', config: { acks: 'all', 'request.timeout.ms': 3000 } },
    ],
    consumers: [{ id: 'c1', assign: ['events'], config: { 'auto.offset.reset': 'earliest' } }],
    script,
  };
  return KafkaScenarioSchema.parse(input);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

function seekTimes(tl: Timeline<ReturnType<typeof scenario>, unknown>, samples: number, seed: number) {
  const h = { rng: seedState(seed) };
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const n = int(h, tl.length + 1);
    const s = performance.now();
    tl.stateAt(n);
    out.push(performance.now() - s);
    if (i % 50 === 0) sample();
  }
  return { samples, median: round(median(out)), max: round(Math.max(...out)) };
}
const round = (x: number) => Math.round(x * 100) / 100;

const sc = scenario(7, RECORDS);
const maxEvents = 2_000_000;
// Warm-up (JIT), then measured runs.
new Timeline(kafkaEngine, sc, { snapshotEvery: 1 << 30, skipInvariants: true, maxEvents });
let t0 = performance.now();
const events = new Timeline(kafkaEngine, sc, { snapshotEvery: 1 << 30, skipInvariants: true, maxEvents }).length;
const rawMs = performance.now() - t0;
sample();
t0 = performance.now();
const r = new Timeline(kafkaEngine, sc, { snapshotEvery: 1 << 30, maxEvents }).report;
const checkedMs = performance.now() - t0;
sample();

const small = scenario(7, SEEK_RECORDS);
t0 = performance.now();
const tl = new Timeline(kafkaEngine, small, { snapshotEvery: SNAPSHOT_EVERY, maxEvents });
const smallMs = performance.now() - t0;
sample();
const seek = seekTimes(tl, SEEKS, 99);

t0 = performance.now();
const full = new Timeline(kafkaEngine, sc, { snapshotEvery: FULL_SNAPSHOT_EVERY, maxEvents });
const fullMs = performance.now() - t0;
sample();
const fullSeek = seekTimes(full, 60, 98);

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
process.stdout.write(
  JSON.stringify(
    {
      scenario: { brokers: 5, partitions: 50, replicationFactor: 3, records: RECORDS, faults: sc.script.filter((s) => s.do.startsWith('broker.') || s.do.startsWith('net.')).length },
      events,
      eventsPerSecond: Math.round(events / (rawMs / 1000)),
      eventsPerSecondWithInvariants: Math.round(r.events / (checkedMs / 1000)),
      runMs: { noInvariants: Math.round(rawMs), withInvariants: Math.round(checkedMs) },
      seek: { events: tl.length, records: SEEK_RECORDS, snapshotEvery: SNAPSHOT_EVERY, runMs: Math.round(smallMs), ms: seek },
      seekFullRun: { events: full.length, snapshotEvery: FULL_SNAPSHOT_EVERY, runMs: Math.round(fullMs), ms: fullSeek },
      peakMemoryMB: { rss: mb(peakRss), heapUsed: mb(peakHeap) },
      outcome: { acked: r.messages.filter((m) => m.acked).length, lost: r.lost.length, duplicated: r.duplicated.length, violations: r.violations.length },
    },
    null,
    2,
  ) + '\n',
);
