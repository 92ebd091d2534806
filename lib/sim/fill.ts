/**
 * `{name}` placeholder filling for the simulator's client code. Same contract as lib/i18n's `fill`, duplicated on
 * purpose: importing lib/i18n from a client component drags both site dictionaries (and zod, via the content schema)
 * into the bundle. An unknown placeholder is left visible so a test or a reader notices it.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
