import { defineWebExtConfig } from 'wxt';

// Used by `npm run dev`: Debian's browsers (FIREFOX_BIN overrides Firefox's path), flags that work on a headless box.
export default defineWebExtConfig({
  disabled: !!process.env.WXT_NO_BROWSER,
  binaries: { chrome: '/usr/bin/chromium', firefox: process.env.FIREFOX_BIN || '/usr/bin/firefox-esr' },
  chromiumArgs: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
