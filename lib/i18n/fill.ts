/**
 * Fills `{name}` placeholders; an unknown placeholder is left visible so a test or a reader notices it.
 * A module of its own so the client quiz can use it without pulling both dictionaries into the browser bundle.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
