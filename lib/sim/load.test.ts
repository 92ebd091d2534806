/**
 * The player's chunk boundaries, checked on the source: what Player.tsx reaches through static imports is what
 * ships in its chunk, so the registry (all engines + built-ins), the schemas and zod must not be reachable from it.
 * They may only load through the dynamic imports in lib/sim/load.ts. (scripts/budgets.mjs measures the result.)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts']) if (existsSync(base + ext) && !base.endsWith('/') && (ext || /\.[tj]sx?$/.test(base))) return base + ext;
  return null;
}

/** Files and packages reachable from `entry` through static value imports (type-only imports are erased). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1];
      const target = resolve(file, spec);
      if (target) queue.push(target);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return { files, packages };
}

const rel = (f: string) => path.relative(root, f);

describe('player chunk boundaries', () => {
  const { files, packages } = staticGraph(path.join(root, 'components/sim/Player.tsx'));

  it('the graph walk sees the player (a broken walk would pass every check below)', () => {
    expect([...files].map(rel)).toEqual(expect.arrayContaining(['components/sim/Player.tsx', 'lib/sim/session.ts', 'simulator/core/engine.ts', 'lib/sim/load.ts']));
    expect(packages).toContain('xstate');
  });

  it('ships no zod, no scenario schema, no built-in tables, no engine and no system view (those load on demand)', () => {
    expect(packages).not.toContain('zod');
    const forbidden = [...files].map(rel).filter((f) => /^simulator\/(index|parse|schema)\.ts$|\/schema\.ts$|\/builtins[^/]*\.ts$|^simulator\/(kafka|rabbitmq|rocketmq)\/engine\.ts$|^lib\/sim\/(validator|url-decode|data|layout-\w+)\.ts$|^components\/sim\/(views\/(Kafka|Rabbit|Rocket)View|systems\/\w+)\.tsx$/.test(f));
    expect(forbidden).toEqual([]);
  });

  it('each system chunk holds its engine core, no narration, no zod, and nothing of another system', () => {
    for (const system of ['kafka', 'rabbitmq', 'rocketmq']) {
      const g = staticGraph(path.join(root, `components/sim/systems/${system}.tsx`));
      expect([...g.files].map(rel)).toContain(`simulator/${system}/engine-core.ts`);
      expect([...g.files].map(rel).filter((f) => /\/narrate[^/]*\.ts$|^simulator\/(kafka|rabbitmq|rocketmq)\/engine\.ts$/.test(f))).toEqual([]);
      expect(g.packages).not.toContain('zod');
      expect([...g.files].map(rel).filter((f) => /\/(schema|builtins[^/]*)\.ts$/.test(f) || ['kafka', 'rabbitmq', 'rocketmq'].some((o) => o !== system && (f.startsWith(`simulator/${o}/`) || f.includes(`/layout-${o.slice(0, 5)}`))))).toEqual([]);
    }
  });
});
