// Browser tests drive Debian's Chromium (playwright-core cannot download browsers here).
// Installs the `chromium` package when it is missing and we are root; otherwise explains.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
);
const found = candidates.find((p) => existsSync(p));
if (found) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error('Chromium is missing: install it with `sudo apt-get install -y chromium`.');
  process.exit(1);
}
console.log('chromium: installing Debian package (apt-get)…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
  stdio: 'inherit',
});
if (!existsSync('/usr/bin/chromium')) {
  console.error('chromium: installation did not provide /usr/bin/chromium');
  process.exit(1);
}
