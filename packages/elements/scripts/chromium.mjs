// One place that knows how to start the machine's Chromium: tests, the story smoke test and the
// benchmark all use the system browser and never download one.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumPath() {
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: install Debian\'s "chromium" package.');
  return found;
}

/** Flags that keep a headless Chromium quiet on a machine without network, running as root. */
export function chromiumArgs() {
  return [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    // Several pages run side by side; a page in the background must still get animation frames.
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    `--user-data-dir=${mkdtempSync(join(tmpdir(), 'lo-chromium-'))}`,
  ];
}
