/**
 * Lifecycles as flat XState machines with RabbitMQ's vocabulary. The engine stores only the state
 * value and asks these machines which moves are legal (core/lifecycle.ts, pure `transition`).
 */
import { createMachine } from 'xstate';
import { lifecycle } from '../core/lifecycle';
import type { ChannelStatus, ConsumerStatus, MemberRole, NodeStatus } from './model';

/** A broker node: running, or stopped (crashed or shut down). */
export const nodeLc = lifecycle<NodeStatus, 'node.crash' | 'node.start'>(
  createMachine({
    id: 'rabbit-node',
    initial: 'running',
    states: { running: { on: { 'node.crash': 'stopped' } }, stopped: { on: { 'node.start': 'running' } } },
  }),
);

/**
 * An AMQP channel: open → closing (channel.close sent, waiting for channel.close-ok) → closed; a
 * lost connection closes it at once; a new channel can be opened on a live connection.
 */
export const channelLc = lifecycle<ChannelStatus, 'channel.close' | 'channel.close-ok' | 'connection.lost' | 'channel.open'>(
  createMachine({
    id: 'amqp-channel',
    initial: 'open',
    states: {
      open: { on: { 'channel.close': 'closing', 'connection.lost': 'closed' } },
      closing: { on: { 'channel.close-ok': 'closed', 'connection.lost': 'closed' } },
      closed: { on: { 'channel.open': 'open' } },
    },
  }),
);

/** A consumer (basic.consume) and its client process. */
export const consumerLc = lifecycle<ConsumerStatus, 'basic.consume' | 'basic.cancel' | 'consumer.crash' | 'connection.lost' | 'connection.recovered' | 'consumer.restart'>(
  createMachine({
    id: 'amqp-consumer',
    initial: 'idle',
    states: {
      idle: { on: { 'basic.consume': 'consuming', 'consumer.crash': 'crashed' } },
      consuming: { on: { 'basic.cancel': 'cancelled', 'consumer.crash': 'crashed', 'connection.lost': 'disconnected' } },
      cancelled: { on: { 'basic.consume': 'consuming', 'consumer.crash': 'crashed', 'connection.lost': 'cancelled' } },
      disconnected: { on: { 'connection.recovered': 'consuming', 'consumer.crash': 'crashed' } },
      crashed: { on: { 'consumer.restart': 'consuming' } },
    },
  }),
);

/** A replica of a quorum queue (Raft member) or of a mirrored classic queue (master = leader). */
export const memberLc = lifecycle<MemberRole, 'member.crash' | 'member.start' | 'member.elected'>(
  createMachine({
    id: 'queue-member',
    initial: 'follower',
    states: {
      follower: { on: { 'member.crash': 'down', 'member.elected': 'leader' } },
      leader: { on: { 'member.crash': 'down' } },
      down: { on: { 'member.start': 'follower' } },
    },
  }),
);
