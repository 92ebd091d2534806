/**
 * UI strings of the simulator player, the scenario library and the lazy lesson embed. Narration is not here: it
 * comes from the engines (`timeline.narration(i)[locale]`). Config keys and state names (acks, ISR, Stable …) stay
 * in the domain's own words in both languages on purpose: that is what the learner says in the interview.
 * `{name}` placeholders are filled with `fill()` from lib/i18n. sim.test.ts fails if a key exists in one locale only.
 */
import { en } from './sim-en';
import { zh } from './sim-zh';

/**
 * Both locales, for the server and for client islands that need both (the library). The player loads only its
 * locale's module (lib/sim/load.ts loadStrings).
 */
export const simStrings = { zh, en } as const;

export type SimLocale = keyof typeof simStrings;

/** The strings' shape with plain `string` leaves, so either locale fits it. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type SimStrings = Widen<(typeof simStrings)['zh']>;

/** The strings of one locale. Compile-time check: both locales have the shape of `zh`. */
export function simT(locale: SimLocale): SimStrings {
  const byLocale: Record<SimLocale, SimStrings> = simStrings;
  return byLocale[locale];
}
