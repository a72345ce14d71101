// Where the built extensions, fixtures and test artefacts live.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROME_BUILD = path.join(ROOT, '.output/chrome-mv3-testing');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv2-testing');
export const E2E_PAGES = path.join(ROOT, 'e2e/pages');
export const LINKEDIN_FIXTURES = path.join(ROOT, 'tests/fixtures/linkedin');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
