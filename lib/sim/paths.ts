/** URLs of the simulator pages and of lessons (lessons are "track/slug" ids). Client-safe: no simulator import. */
export const simHref = (locale: string) => `/${locale}/sim/`;
export const scenarioHref = (locale: string, id: string) => `/${locale}/sim/${id}/`;
export const lessonUrl = (locale: string, lesson: string) => `/${locale}/learn/${lesson.replace(/^\/+|\/+$/g, '')}/`;
/** The build-time data of a built-in scenario the player fetches (app/sim-data): scenario, faults, narration. */
export const simDataHref = (locale: string, id: string) => `/sim-data/${locale}/${id}.json`;
