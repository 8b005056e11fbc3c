import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Evaluates a TypeScript snippet in a fresh Node process whose machine time zone is `tz` (jest
 * gives each test file a copy of process.env, so TZ cannot be changed in-process). The snippet
 * prints its result with `console.log(JSON.stringify(…))`; paths are relative to the project root.
 */
export function runInTz(tz: string, code: string): unknown {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, ['-e', code], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? 'null');
}
