// What `npm run deploy` would push: exactly the built files (clasp status works offline).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { requireBuild } from '../support/app';

describe('clasp push', () => {
  it('pushes only build/appsscript.json, Code.js and the HTML pages', () => {
    requireBuild();
    const out = execFileSync('npx', ['clasp', 'status', '--json'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 60000,
    });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[] };
    expect(status.filesToPush.sort()).toEqual(
      ['build/Code.js', 'build/Settings.html', 'build/Sidebar.html', 'build/appsscript.json'].sort(),
    );
  });
});
