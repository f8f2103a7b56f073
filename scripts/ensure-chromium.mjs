// Runs before `npm test`: the browser tests need a Chromium. Uses CHROME_PATH (default
// /usr/bin/chromium); when it is missing on Debian/Ubuntu as root, installs the `chromium`
// package with apt-get; otherwise says how to get one. Never downloads a browser build.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (existsSync(chromePath)) process.exit(0);

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.CHROME_PATH;
if (canApt) {
  console.log(`Chromium not found at ${chromePath}: installing Debian's chromium package (apt-get)…`);
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', {
      stdio: 'inherit',
    });
    if (existsSync(chromePath)) process.exit(0);
  } catch {
    // fall through to the message
  }
}
console.error(
  `\nThe browser tests need Chromium, and there is none at ${chromePath}.\n` +
    '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
    '  Elsewhere:      set CHROME_PATH to a Chrome or Chromium executable, e.g.\n' +
    '                  CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test\n' +
    '  Unit tests only (no browser): npm run test:unit\n',
);
process.exit(1);
