// Runs every jest project and ends with one plain summary line ("N passed, N failed, N skipped")
// that CI can read; exits with jest's own status.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('artifacts', { recursive: true });
const results = 'artifacts/jest-results.json';
const args = ['jest', '--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit' });
let code = run.status ?? 1;
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.error('No test ran.');
    code = 1;
  }
} else {
  console.error('jest wrote no results');
  code = code || 1;
}
process.exit(code);
