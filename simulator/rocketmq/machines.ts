/**
 * Lifecycles as flat XState machines (pure transitions through core/lifecycle.ts). State names are
 * RocketMQ's where it has them (ServiceState CREATE_JUST / RUNNING / SHUTDOWN_ALREADY; the
 * LocalTransactionState results COMMIT_MESSAGE / ROLLBACK_MESSAGE / UNKNOW drive the half message).
 */
import { createMachine } from 'xstate';
import { lifecycle } from '../core/lifecycle';

export type NameServerState = 'running' | 'crashed';
export const nameServerLc = lifecycle<NameServerState, 'namesrv.crash' | 'namesrv.restart'>(
  createMachine({ id: 'namesrv', initial: 'running', states: { running: { on: { 'namesrv.crash': 'crashed' } }, crashed: { on: { 'namesrv.restart': 'running' } } } }),
);

export type BrokerState = 'running' | 'crashed';
export const brokerLc = lifecycle<BrokerState, 'broker.crash' | 'broker.restart'>(
  createMachine({ id: 'broker', initial: 'running', states: { running: { on: { 'broker.crash': 'crashed' } }, crashed: { on: { 'broker.restart': 'running' } } } }),
);

/** CRASHED is ours (a killed process); the others are RocketMQ's ServiceState. */
export type ProducerServiceState = 'RUNNING' | 'CRASHED';
export const producerLc = lifecycle<ProducerServiceState, 'producer.crash' | 'producer.restart'>(
  createMachine({ id: 'producer', initial: 'RUNNING', states: { RUNNING: { on: { 'producer.crash': 'CRASHED' } }, CRASHED: { on: { 'producer.restart': 'RUNNING' } } } }),
);

export type ConsumerServiceState = 'CREATE_JUST' | 'RUNNING' | 'SHUTDOWN_ALREADY' | 'CRASHED';
export const consumerLc = lifecycle<ConsumerServiceState, 'consumer.start' | 'consumer.stop' | 'consumer.crash'>(
  createMachine({
    id: 'consumer',
    initial: 'CREATE_JUST',
    states: {
      CREATE_JUST: { on: { 'consumer.start': 'RUNNING' } },
      RUNNING: { on: { 'consumer.stop': 'SHUTDOWN_ALREADY', 'consumer.crash': 'CRASHED' } },
      // A new instance with the same client id (the simulator reuses the node).
      SHUTDOWN_ALREADY: { on: { 'consumer.start': 'RUNNING' } },
      CRASHED: { on: { 'consumer.start': 'RUNNING' } },
    },
  }),
);

/**
 * A half message: stored invisibly in RMQ_SYS_TRANS_HALF_TOPIC, then committed (written to its real
 * topic), rolled back, or left UNKNOW and checked back until a check decides or
 * transactionCheckMax checks have been spent (discarded).
 */
export type TxnState = 'half' | 'unknown' | 'checking' | 'committed' | 'rolledBack' | 'discarded';
export type TxnEvent = 'txn.commit' | 'txn.rollback' | 'txn.unknown' | 'txn.check' | 'txn.discard';
const open = { 'txn.commit': 'committed', 'txn.rollback': 'rolledBack', 'txn.unknown': 'unknown', 'txn.check': 'checking', 'txn.discard': 'discarded' } as const;
export const txnLc = lifecycle<TxnState, TxnEvent>(
  createMachine({
    id: 'transaction',
    initial: 'half',
    states: { half: { on: open }, unknown: { on: open }, checking: { on: open }, committed: {}, rolledBack: {}, discarded: {} },
  }),
);

export const txnOpen = (s: TxnState) => s === 'half' || s === 'unknown' || s === 'checking';
