// Runs before `npm test`: the browser tests need a Chromium, and a CJK font for the Chinese pages
// (without one Chromium draws boxes of other widths, and layout tests in Chinese fail). Uses
// CHROME_PATH (default /usr/bin/chromium); when it or the font is missing on Debian/Ubuntu as root,
// installs the `chromium` / `fonts-noto-cjk` packages with apt-get; otherwise says how to get them.
// Never downloads a browser build.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** apt-get install of `packages`; false when it failed. */
function aptInstall(packages) {
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

/** Whether fontconfig knows a font with Chinese glyphs (true where there is no fontconfig to ask). */
function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return true;
  }
}

if (!existsSync(chromePath)) {
  if (canApt && !process.env.CHROME_PATH) {
    console.log(`Chromium not found at ${chromePath}: installing Debian's chromium package (apt-get)…`);
    aptInstall('chromium fonts-noto-cjk');
  }
  if (!existsSync(chromePath)) {
    console.error(
      `\nThe browser tests need Chromium, and there is none at ${chromePath}.\n` +
        '  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk\n' +
        '  Elsewhere:      set CHROME_PATH to a Chrome or Chromium executable, e.g.\n' +
        '                  CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test\n' +
        '  Unit tests only (no browser): npm run test:unit\n',
    );
    process.exit(1);
  }
}
if (!hasCjkFont()) {
  if (canApt) {
    console.log('No font with Chinese glyphs: installing Debian\'s fonts-noto-cjk package (apt-get)…');
    aptInstall('fonts-noto-cjk');
  }
  if (!hasCjkFont()) console.warn('\nNo font with Chinese glyphs (fc-list :lang=zh): the tests of the Chinese pages may fail.\n  Debian/Ubuntu:  sudo apt-get install -y fonts-noto-cjk\n');
}
