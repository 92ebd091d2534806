/**
 * `npm run --silent sim -- FILE.json | BUILTIN_ID | --list`
 * Prints one JSON report on stdout. A bad scenario prints one line on stderr and exits with 2.
 */
import { readFileSync } from 'node:fs';
import { getBuiltin, listBuiltins, parseScenario, reportFor, ScenarioError } from './index';

export function main(argv: string[]): number {
  const arg = argv[0];
  if (!arg || arg === '--help' || arg === '-h') {
    process.stderr.write('usage: npm run --silent sim -- FILE.json | BUILTIN_ID | --list\n');
    return arg ? 0 : 2;
  }
  try {
    if (arg === '--list') {
      process.stdout.write(JSON.stringify(listBuiltins(), null, 2) + '\n');
      return 0;
    }
    let input: unknown;
    const builtin = getBuiltin(arg);
    if (builtin) input = builtin.scenario;
    else {
      let text: string;
      try {
        text = readFileSync(arg, 'utf8');
      } catch {
        throw new ScenarioError(`cannot read "${arg}": not a readable file nor a built-in scenario id (try --list)`);
      }
      try {
        input = JSON.parse(text);
      } catch (e) {
        throw new ScenarioError(`invalid scenario: "${arg}" is not valid JSON (${(e as Error).message})`);
      }
    }
    const report = reportFor(parseScenario(input));
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    process.stderr.write(`internal error: ${(e as Error).message}\n`);
    return 1;
  }
}
