// npm run deploy: (already built by the npm script) push build/ with clasp, then redeploy the same
// web-app deployment so the webhook URL stays. DEPLOYMENT_ID comes from the environment or
// .env.deploy (one line: DEPLOYMENT_ID=AKfy…).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const clasp = (args) => execFileSync('npx', ['clasp', ...args], { stdio: 'inherit' });

const config = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!config.scriptId || config.scriptId.startsWith('REPLACE')) {
  console.error('Set your Apps Script project id in .clasp.json (scriptId) first: see README, Deploying.');
  process.exit(1);
}
let deploymentId = process.env.DEPLOYMENT_ID ?? '';
if (!deploymentId && existsSync('.env.deploy')) {
  const m = /^DEPLOYMENT_ID=(.+)$/m.exec(readFileSync('.env.deploy', 'utf8'));
  if (m) deploymentId = m[1].trim();
}
clasp(['push', '--force']);
if (deploymentId) {
  clasp(['update-deployment', deploymentId, '--description', `HALO KOP-UKM ${new Date().toISOString()}`]);
} else {
  console.log('No DEPLOYMENT_ID: pushed only. Create the web-app deployment once (README, step 3).');
}
