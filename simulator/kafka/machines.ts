/**
 * Lifecycles as flat XState v5 machines with Kafka's state names. The world stores only the state
 * value; `lifecycle()` advances it through XState's pure transition function, so an illegal move
 * (e.g. a crashed broker "becoming leader") throws instead of silently corrupting the model.
 */
import { createMachine } from 'xstate';
import { lifecycle } from '../core/lifecycle';
import type { BrokerLifecycle, ProducerLifecycle, RegistrationLifecycle, ReplicaLifecycle } from './model';

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

/** Producer: an idempotent producer needs a producer id (InitProducerId) before it sends. */
export const producerMachine = createMachine({
  id: 'kafka.producer',
  initial: 'UNINITIALIZED',
  states: {
    UNINITIALIZED: { on: { 'producer.initProducerId': 'INITIALIZING', 'producer.ready': 'READY' } },
    INITIALIZING: { on: { 'producer.producerIdAssigned': 'READY' } },
    READY: {},
  },
});
export const producerLc = lifecycle<ProducerLifecycle, 'producer.initProducerId' | 'producer.producerIdAssigned' | 'producer.ready'>(producerMachine);
