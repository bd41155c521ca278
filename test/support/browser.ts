import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

// Browser tests drive the system's Chromium (Debian's package, installed by .ci/run) with playwright-core, which
// downloads no browser of its own. Where none is installed they are skipped, and say so.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasBrowser = existsSync(CHROMIUM_PATH);

/** `describe` where a browser exists; elsewhere `describe.skip`, with a notice on the console. */
export function describeInBrowser(name: string, body: () => void): void {
  if (!hasBrowser) {
    console.warn(`SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export function launchBrowser(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}
