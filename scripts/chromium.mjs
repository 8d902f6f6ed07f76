// Where the headless browser is, and the flags it needs on these machines (see TOOLCHAIN.md).
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Path of a Chromium/Chrome binary: CHROME_PATH if set, else the usual Debian and Google locations. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const INSTALL_HINT =
  'No Chromium found for the browser tests. Install Debian\'s: sudo apt-get install -y chromium   (or set CHROME_PATH to a Chrome/Chromium binary).';
