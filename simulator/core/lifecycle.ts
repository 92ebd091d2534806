/**
 * Entities with a lifecycle (broker, replica, producer, consumer, controller, queue leader …) are
 * XState machines with the real system's state names. The world stores only each entity's state
 * value (a string), so snapshots stay plain data; this helper advances a value with XState's pure
 * `transition()` — never a live actor — and memoises the result, because the same (state, event)
 * pair is asked for many thousands of times in a run.
 *
 * Only flat, context-free machines are supported: the domain data lives in plain objects and the
 * domain maths in plain functions; the machine is the single source of truth for which lifecycle
 * moves are legal.
 */
import { transition, type AnyStateMachine } from 'xstate';

export interface Lifecycle<S extends string, E extends string> {
  readonly machine: AnyStateMachine;
  readonly initial: S;
  /** The state after `event`; throws if the machine does not accept the event in `state`. */
  next(state: S, event: E): S;
  /** Whether the machine accepts `event` in `state`. */
  can(state: S, event: E): boolean;
}

export function lifecycle<S extends string, E extends string>(machine: AnyStateMachine): Lifecycle<S, E> {
  const memo = new Map<string, S | null>();
  const initial = String(machine.getInitialSnapshot(undefined as never).value) as S;
  const resolve = (state: S, event: E): S | null => {
    const key = `${state}\u0000${event}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const from = machine.resolveState({ value: state, context: undefined });
    const [to] = transition(machine, from, { type: event });
    // XState returns the same snapshot both when no transition is enabled for the event and for an
    // enabled self-transition without actions, so `can` (not identity) decides whether it is legal.
    const result = from.can({ type: event }) ? (String(to.value) as S) : null;
    memo.set(key, result);
    return result;
  };
  return {
    machine,
    initial,
    next(state, event) {
      const to = resolve(state, event);
      if (to === null) throw new Error(`${machine.id}: event "${event}" is not allowed in state "${state}"`);
      return to;
    },
    can: (state, event) => resolve(state, event) !== null,
  };
}
