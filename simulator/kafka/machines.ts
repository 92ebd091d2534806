/**
 * Lifecycles as flat XState v5 machines with Kafka's state names. The world stores only the state
 * value; `lifecycle()` advances it through XState's pure transition function, so an illegal move
 * (e.g. a crashed broker "becoming leader") throws instead of silently corrupting the model.
 */
import { createMachine } from 'xstate';
import { lifecycle } from '../core/lifecycle';
import { groupMachine, type GroupEvent, type GroupState } from './group-machine';
import type { BrokerLifecycle, MemberLifecycle, ProducerLifecycle, RegistrationLifecycle, ReplicaLifecycle, TxnLifecycle } from './model';

/** Broker process: crash from anywhere, restart into STARTING, RUNNING once the controller unfences it. */
export const brokerMachine = createMachine({
  id: 'kafka.broker',
  initial: 'RUNNING',
  states: {
    RUNNING: { on: { 'broker.crash': 'NOT_RUNNING' } },
    STARTING: { on: { 'broker.crash': 'NOT_RUNNING', 'broker.unfenced': 'RUNNING' } },
    NOT_RUNNING: { on: { 'broker.restart': 'STARTING' } },
  },
});
export const brokerLc = lifecycle<BrokerLifecycle, 'broker.crash' | 'broker.restart' | 'broker.unfenced'>(brokerMachine);

/** The controller's registration of one broker (KRaft fencing). */
export const registrationMachine = createMachine({
  id: 'kafka.controller.registration',
  initial: 'unfenced',
  states: {
    unfenced: { on: { 'controller.fence': 'fenced' } },
    fenced: { on: { 'controller.unfence': 'unfenced' } },
  },
});
export const registrationLc = lifecycle<RegistrationLifecycle, 'controller.fence' | 'controller.unfence'>(registrationMachine);

/** A replica's role on its broker (see ReplicaLifecycle). */
export const replicaMachine = createMachine({
  id: 'kafka.replica',
  initial: 'Offline',
  states: {
    Offline: { on: { 'replica.becomeLeader': 'Leader', 'replica.becomeFollower': 'Truncating', 'replica.noLeader': 'Follower' } },
    Leader: { on: { 'replica.becomeFollower': 'Truncating', 'replica.noLeader': 'Follower', 'replica.offline': 'Offline' } },
    Truncating: { on: { 'replica.truncated': 'Fetching', 'replica.becomeFollower': 'Truncating', 'replica.becomeLeader': 'Leader', 'replica.noLeader': 'Follower', 'replica.offline': 'Offline' } },
    Fetching: { on: { 'replica.becomeFollower': 'Truncating', 'replica.becomeLeader': 'Leader', 'replica.noLeader': 'Follower', 'replica.offline': 'Offline' } },
    Follower: { on: { 'replica.becomeFollower': 'Truncating', 'replica.becomeLeader': 'Leader', 'replica.offline': 'Offline' } },
  },
});
export type ReplicaEvent = 'replica.becomeLeader' | 'replica.becomeFollower' | 'replica.noLeader' | 'replica.truncated' | 'replica.offline';
export const replicaLc = lifecycle<ReplicaLifecycle, ReplicaEvent>(replicaMachine);

/**
 * Producer (TransactionManager states): an idempotent producer needs a producer id (InitProducerId) before
 * it sends; a transactional one then runs transactions. `producer.fatal` = fenced (ProducerFencedException)
 * or the process died; `producer.reset` = a new process starts with the same configuration.
 */
export const producerMachine = createMachine({
  id: 'kafka.producer',
  initial: 'UNINITIALIZED',
  states: {
    UNINITIALIZED: { on: { 'producer.initProducerId': 'INITIALIZING', 'producer.ready': 'READY', 'producer.fatal': 'FATAL_ERROR' } },
    INITIALIZING: { on: { 'producer.producerIdAssigned': 'READY', 'producer.fatal': 'FATAL_ERROR', 'producer.reset': 'UNINITIALIZED' } },
    READY: { on: { 'producer.beginTransaction': 'IN_TRANSACTION', 'producer.fatal': 'FATAL_ERROR', 'producer.reset': 'UNINITIALIZED' } },
    IN_TRANSACTION: { on: { 'producer.commit': 'COMMITTING_TRANSACTION', 'producer.abort': 'ABORTING_TRANSACTION', 'producer.fatal': 'FATAL_ERROR', 'producer.reset': 'UNINITIALIZED' } },
    COMMITTING_TRANSACTION: { on: { 'producer.completed': 'READY', 'producer.fatal': 'FATAL_ERROR', 'producer.reset': 'UNINITIALIZED' } },
    ABORTING_TRANSACTION: { on: { 'producer.completed': 'READY', 'producer.fatal': 'FATAL_ERROR', 'producer.reset': 'UNINITIALIZED' } },
    FATAL_ERROR: { on: { 'producer.reset': 'UNINITIALIZED' } },
  },
});
export type ProducerEvent =
  | 'producer.initProducerId'
  | 'producer.producerIdAssigned'
  | 'producer.ready'
  | 'producer.beginTransaction'
  | 'producer.commit'
  | 'producer.abort'
  | 'producer.completed'
  | 'producer.fatal'
  | 'producer.reset';
export const producerLc = lifecycle<ProducerLifecycle, ProducerEvent>(producerMachine);

/** The group member as the client sees it (AbstractCoordinator.MemberState). */
export const memberMachine = createMachine({
  id: 'kafka.consumer.member',
  initial: 'UNJOINED',
  states: {
    UNJOINED: { on: { 'member.join': 'PREPARING_REBALANCE' } },
    PREPARING_REBALANCE: { on: { 'member.joined': 'COMPLETING_REBALANCE', 'member.reset': 'UNJOINED' } },
    COMPLETING_REBALANCE: { on: { 'member.synced': 'STABLE', 'member.join': 'PREPARING_REBALANCE', 'member.reset': 'UNJOINED' } },
    STABLE: { on: { 'member.join': 'PREPARING_REBALANCE', 'member.reset': 'UNJOINED' } },
  },
});
export const memberLc = lifecycle<MemberLifecycle, 'member.join' | 'member.joined' | 'member.synced' | 'member.reset'>(memberMachine);

/** A transactional id on the transaction coordinator (TransactionState). */
export const txnMachine = createMachine({
  id: 'kafka.transaction',
  initial: 'Empty',
  states: {
    Empty: { on: { 'txn.add': 'Ongoing' } },
    Ongoing: { on: { 'txn.prepareCommit': 'PrepareCommit', 'txn.prepareAbort': 'PrepareAbort' } },
    PrepareCommit: { on: { 'txn.complete': 'CompleteCommit' } },
    PrepareAbort: { on: { 'txn.complete': 'CompleteAbort' } },
    CompleteCommit: { on: { 'txn.add': 'Ongoing' } },
    CompleteAbort: { on: { 'txn.add': 'Ongoing' } },
  },
});
export const txnLc = lifecycle<TxnLifecycle, 'txn.add' | 'txn.prepareCommit' | 'txn.prepareAbort' | 'txn.complete'>(txnMachine);

/** The consumer group on its coordinator (group-machine.ts, Kafka's ClassicGroupState). */
export const groupLc = lifecycle<GroupState, GroupEvent>(groupMachine);
