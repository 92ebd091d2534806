/**
 * The headless contract for Kafka (product.md): `sim -- BUILTIN_ID | FILE | --list` prints one JSON
 * report; a bad file prints one line naming the field and exits with 2, without a stack trace; the
 * committed JSON Schema matches the zod schemas.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../cli';
import { scenarioJsonSchema } from '../schema';
import { getBuiltin, listBuiltins, parseScenario, reportFor } from '../index';
import { ScenarioError } from '../core/validate';

const root = path.resolve(__dirname, '..', '..');

function capture(argv: string[]) {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = main(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'mq-kafka-'));
const file = (name: string, body: unknown) => {
  const p = path.join(tmp, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};
const minimal = {
  system: 'kafka',
  seed: 3,
  cluster: { brokers: ['k1', 'k2'], topics: [{ name: 'payments', partitions: 2, replicationFactor: 2 }] },
  producers: [{ id: 'svc', config: { acks: 'all' } }],
  consumers: [{ id: 'reader', assign: ['payments'], config: { 'auto.offset.reset': 'earliest' } }],
  script: [
    { do: 'produce', producer: 'svc', topic: 'payments', key: 'card-7', id: 'pay-1' },
    { do: 'produce', producer: 'svc', topic: 'payments', id: 'pay-2' },
    { do: 'settle' },
    { do: 'consume', consumer: 'reader' },
    { do: 'settle' },
  ],
};

afterEach(() => vi.restoreAllMocks());

describe('sim CLI with Kafka scenarios', () => {
  it('runs a built-in id and prints one JSON report with the fixed fields', () => {
    const { code, out, err } = capture(['kafka-acks1-leader-crash']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    for (const k of ['system', 'seed', 'events', 'messages', 'lost', 'duplicated', 'reordered', 'queues', 'partitions', 'groups', 'violations']) expect(r).toHaveProperty(k);
    expect(r.system).toBe('kafka');
    expect(r.lost).toEqual(['m3']);
  });

  it('runs a file and keeps the scenario’s names (brokers, producer, message ids) in the report', () => {
    const { code, out } = capture([file('ok.json', minimal)]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.messages.map((m: { id: string }) => m.id)).toEqual(['pay-1', 'pay-2']);
    expect(Object.keys(r.partitions)).toEqual(['payments-0', 'payments-1']);
    const logs = Object.values(r.partitions).flatMap((p) => Object.keys((p as { logs: object }).logs));
    expect(new Set(logs)).toEqual(new Set(['k1', 'k2']));
    expect(r.messages.every((m: { acked: boolean; processed: number }) => m.acked && m.processed === 1)).toBe(true);
  });

  it('--list includes every Kafka built-in with its question', () => {
    const { code, out } = capture(['--list']);
    expect(code).toBe(0);
    const list = JSON.parse(out) as { id: string; system: string; question: { en: string } }[];
    const kafka = list.filter((b) => b.system === 'kafka');
    expect(kafka.map((b) => b.id)).toContain('kafka-unclean-election-loss');
    expect(kafka.every((b) => b.question.en.length > 0)).toBe(true);
  });

  it.each([
    ['an unknown config key', { ...minimal, producers: [{ id: 'svc', config: { 'acks ': 'all' } }] }, /field "producers\[0\]\.config"/],
    ['a bad acks value', { ...minimal, producers: [{ id: 'svc', config: { acks: 2 } }] }, /field "producers\[0\]\.config\.acks"/],
    ['idempotence with acks=1', { ...minimal, producers: [{ id: 'svc', config: { acks: '1', 'enable.idempotence': true } }] }, /field "producers\[0\]\.config\.enable\.idempotence".*acks to all/],
    ['an unknown broker in a step', { ...minimal, script: [{ do: 'broker.crash', broker: 'k9' }] }, /field "script\[0\]\.broker": unknown broker "k9"/],
    ['a duplicate message id', { ...minimal, script: [minimal.script[0], minimal.script[0]] }, /field "script\[1\]\.id"/],
    ['a missing field', { ...minimal, script: [{ do: 'produce', producer: 'svc', topic: 'payments' }] }, /field "script\[0\]\.id"/],
    ['a replication factor above the broker count', { ...minimal, cluster: { brokers: ['k1'], topics: [{ name: 'payments', replicationFactor: 2 }] } }, /field "cluster\.topics\[0\]\.replicationFactor"/],
  ])('rejects %s with one line naming the field and exit code 2', (_name, doc, re) => {
    const { code, out, err } = capture([file('bad.json', doc)]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(re);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('as a process: a bad file exits with 2 and prints one line, no stack trace', () => {
    const res = spawnSync('npx', ['tsx', 'scripts/sim.ts', file('bad2.json', { ...minimal, seed: -1 })], { cwd: root, encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toEqual([expect.stringMatching(/field "seed"/)]);
  });

  it('parseScenario throws a ScenarioError naming the field for bad input', () => {
    expect(() => parseScenario({ ...minimal, cluster: { brokers: [], topics: [] } })).toThrow(ScenarioError);
    expect(() => parseScenario({ ...minimal, cluster: { brokers: [], topics: [] } })).toThrow(/field "cluster\.brokers"/);
  });

  it('a report is a pure function of the scenario (same seed ⇒ same JSON; a null-key record may land elsewhere with another seed)', () => {
    const sc = parseScenario(minimal);
    expect(JSON.stringify(reportFor(sc))).toBe(JSON.stringify(reportFor(sc)));
    const spots = new Set(Array.from({ length: 12 }, (_, seed) => reportFor(parseScenario({ ...minimal, seed })).messages[1].routedTo[0]));
    expect(spots.size).toBeGreaterThan(1);
    expect(getBuiltin('kafka-key-ordering')?.scenario.system).toBe('kafka');
    expect(listBuiltins().length).toBeGreaterThan(12);
  });
});

describe('scenario JSON Schema', () => {
  it('the committed simulator/scenario.schema.json equals a fresh generation (run npx tsx scripts/gen-scenario-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(path.join(root, 'simulator', 'scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
  it('documents the Kafka steps and config keys', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const k of ['broker.crash', 'loseUnflushed', 'min.insync.replicas', 'unclean.leader.election.enable', 'max.in.flight.requests.per.connection', 'replica.lag.time.max.ms']) expect(text).toContain(k);
  });
});
