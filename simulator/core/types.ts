/**
 * Types shared by the three engines: the report (a fixed contract read by tests outside the repo),
 * event records, narration and the engine interface the core drives.
 */
import type { z } from 'zod';

export type System = 'kafka' | 'rabbitmq' | 'rocketmq';

/** Text in both UI languages. */
export interface Narration {
  zh: string;
  en: string;
}

/** What happened to one message, from the producer's first send to the end of the run. */
export interface MessageFate {
  /** Message id as named in the scenario. */
  id: string;
  /** true = producer saw success (Kafka ack / RabbitMQ confirm ack / RocketMQ SEND_OK); false = an error or nack; null = none expected or none came. */
  acked: boolean | null;
  /** The error the producer saw, e.g. "NOT_ENOUGH_REPLICAS", "nack", "returned". */
  error: string | null;
  /** RabbitMQ: queues the message was routed to; Kafka / RocketMQ: its partition / queue. */
  routedTo: string[];
  /** Still held at the end (below the HW on the leader / in a queue / in a DLQ). */
  stored: boolean;
  /** Times handed to a consumer. */
  deliveries: number;
  /** Times a consumer completed processing it. */
  processed: number;
  /** RabbitMQ reason ("rejected" | "expired" | "maxlen" | "delivery_limit") or RocketMQ "DLQ". */
  deadLettered: string | null;
}

export interface PartitionReport {
  leader: string | null;
  isr: string[];
  highWatermark: number;
  /** Message ids in each replica's log, in offset order. */
  logs: Record<string, string[]>;
  [extra: string]: unknown;
}

export interface GroupGeneration {
  group: string;
  generation: number;
  protocol: string;
  assignment: Record<string, string[]>;
}

/** The one JSON report `npm run sim` prints. Field names and meanings are fixed (product.md). */
export interface Report {
  system: System;
  seed: number;
  events: number;
  messages: MessageFate[];
  lost: string[];
  duplicated: string[];
  reordered: string[];
  queues: Record<string, string[]>;
  partitions: Record<string, PartitionReport>;
  groups: GroupGeneration[];
  violations: string[];
  [extra: string]: unknown;
}

/** Markers the player's timeline shows. */
export type Marker =
  | 'leader-change'
  | 'isr-change'
  | 'rebalance'
  | 'ack'
  | 'error'
  | 'loss'
  | 'duplicate'
  | 'dead-letter'
  | 'fault'
  | 'crash'
  | 'commit';

export type ArgValue = string | number | boolean | null | string[] | number[];

/**
 * One executed event. `args` are values read from the state when the event ran, so the narration
 * can be generated later (lazily, in either language) without the state.
 */
export interface EventRecord {
  /** 0-based index in the run. */
  i: number;
  /** Simulated time in ms. */
  time: number;
  /** Dot-namespaced kind, e.g. "kafka.produce.ack", "net.drop", "rabbit.deadletter". */
  kind: string;
  args: Record<string, ArgValue>;
  /** Background events (idle fetches, heartbeats) the player may fold away. */
  bg?: boolean;
  markers?: Marker[];
  /** Nodes involved, for highlighting in the views. */
  nodes?: string[];
  /** Messages involved (scenario message ids). */
  messages?: string[];
}

/** What an engine handler returns for one event; the core adds i and time. */
export type EventData = Omit<EventRecord, 'i' | 'time'>;

/** The fields every scenario has; engines extend it with topology, config and script steps. */
export interface ScenarioBase {
  /** Built-in id (kebab-case); optional for files. */
  id?: string;
  system: System;
  seed: number;
  title?: Narration;
  /** The learner-facing question, e.g. "will m3 survive a leader crash with acks=1?" */
  question?: Narration;
  /** Ids of the lessons (track/slug) that explain this scenario. */
  lessons?: string[];
  /** Topic tags for the scenario library filter. */
  topics?: string[];
  /** Defaults for the simulated network. */
  network?: { latencyMs?: number };
  script: { do: string; [k: string]: unknown }[];
}

/** A built-in scenario plus the outcome its test asserts. */
export interface Builtin<Sc extends ScenarioBase = ScenarioBase> {
  scenario: Sc & { id: string; title: Narration; question: Narration };
  /** What a real broker would do, in one sentence per language; shown after the learner predicts. */
  expected: Narration;
}

export interface BuiltinSummary {
  id: string;
  system: System;
  title: Narration;
  question: Narration;
  topics: string[];
  lessons: string[];
}

/** Engine-specific schema type (zod), parsing unknown JSON into a scenario. */
export type ScenarioSchema<Sc> = z.ZodType<Sc>;
