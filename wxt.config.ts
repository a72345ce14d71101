import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/**
 * The extension pages (popup, options, welcome, privacy: the one build whose
 * entries are HTML files) run the schemas with utils/schema/lite.ts, which
 * gives zod/mini's answers in a fraction of its size (the popup opens sooner);
 * the background and the content scripts keep zod itself.
 */
function pagesUseSchemaLite(): Plugin {
  const lite = fileURLToPath(new URL('./utils/schema/lite.ts', import.meta.url));
  let pages = false;
  return {
    name: 'skipcall-enrich:pages-schema-lite',
    enforce: 'pre',
    options(options) {
      const input = options.input;
      const files = typeof input === 'string' ? [input] : Array.isArray(input) ? input : Object.values(input ?? {});
      pages = files.some((file) => file.endsWith('.html'));
      return null;
    },
    resolveId(source) {
      return pages && source === 'zod/mini' ? lite : null;
    },
  };
}

const API_HOST = 'https://api-public.skipcall.app/*';
const LINKEDIN_HOST = 'https://*.linkedin.com/*';
// Only the test build lets a local Skipcall sandbox stand in for the API over
// plain http (PRODUCT.md §7; utils/build.ts): production grants no loopback host.
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [pagesUseSchemaLite(), preact()] }),
  zip: { excludeSources: ['e2e/**', 'tests/**', 'test-results/**', 'store/assets/**'] },
  hooks: {
    // Firefox builds are MV2: optional hosts and the action command go by their MV2 names.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version !== 2) return;
      const optional = (manifest as { optional_host_permissions?: string[] }).optional_host_permissions ?? [];
      manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...optional] as typeof manifest.optional_permissions;
      delete (manifest as { optional_host_permissions?: string[] }).optional_host_permissions;
      const commands = manifest.commands as Record<string, unknown> | undefined;
      if (commands?._execute_action) {
        commands._execute_browser_action = commands._execute_action;
        delete commands._execute_action;
      }
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: [LINKEDIN_HOST, API_HOST, ...(mode === 'testing' ? LOOPBACK_HOSTS : [])],
    // A custom API base URL asks for its (https) origin at runtime, never up front.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Skipcall Enrich' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandOpen__' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'skipcall-enrich@skipcall-enrich.app',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
