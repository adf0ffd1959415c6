// A Vite plugin that makes sure the demo database snapshot exists and is current before a build
// or dev server starts (the portal's and Storybook's): it runs `npm run snapshot`, which returns
// at once when nothing changed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const demo = fileURLToPath(new URL('..', import.meta.url));

export function demoSnapshot() {
  let done = false;
  return {
    name: 'lead-orders-demo-snapshot',
    buildStart() {
      if (done) return;
      done = true;
      const run = spawnSync('npm', ['run', '--silent', 'snapshot'], { cwd: demo, stdio: 'inherit' });
      if (run.status !== 0) throw new Error('Could not build the demo database snapshot (npm run snapshot -w packages/demo).');
    },
  };
}
