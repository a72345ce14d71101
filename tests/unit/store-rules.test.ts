// The Chrome Web Store checks of scripts/check-store.ts, on made-up packages.
import { describe, expect, it } from 'vitest';
import { storeProblems, validVersion, type BuiltExtension } from '../../scripts/store-rules';

const ICONS = { '16': 'icon/16.png', '32': 'icon/32.png', '48': 'icon/48.png', '128': 'icon/128.png' };

function extension(manifest: Record<string, unknown> = {}, extra: Partial<BuiltExtension> = {}): BuiltExtension {
  const files = ['manifest.json', 'background.js', 'popup.html', ...Object.values(ICONS)];
  return {
    manifest: {
      manifest_version: 3,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      version: '0.1.0',
      default_locale: 'en',
      icons: ICONS,
      permissions: ['storage'],
      host_permissions: ['https://*.linkedin.com/*', 'https://api-public.skipcall.app/*'],
      optional_host_permissions: ['https://*/*'],
      background: { service_worker: 'background.js' },
      ...manifest,
    },
    locales: {
      en: { extName: { message: 'Skipcall Enrich' }, extDescription: { message: 'Enrich contacts.' } },
      fr: { extName: { message: 'Skipcall Enrich' }, extDescription: { message: 'Enrichir les contacts.' } },
    },
    files,
    readText: (file) => (file === 'popup.html' ? '<script type="module" src="/chunks/popup.js"></script>' : ''),
    pngSize: (file) => {
      const size = Number(/(\d+)\.png$/.exec(file)?.[1]);
      return size ? { width: size, height: size } : undefined;
    },
    ...extra,
  };
}

describe('Chrome Web Store rules', () => {
  it('accept the product’s manifest', () => {
    expect(storeProblems(extension())).toEqual([]);
  });

  it('measure name and description in every locale', () => {
    const ext = extension();
    ext.locales.fr!.extDescription = { message: 'x'.repeat(133) };
    expect(storeProblems(ext)).toEqual([expect.stringContaining('description in fr is 133 characters, over 132')]);
  });

  it('want the four icon sizes, at their size', () => {
    const problems = storeProblems(extension({ icons: { ...ICONS, '32': undefined } }, { pngSize: (f) => (f.endsWith('128.png') ? { width: 96, height: 96 } : { width: Number(/(\d+)\.png/.exec(f)![1]), height: Number(/(\d+)\.png/.exec(f)![1]) }) }));
    expect(problems).toEqual(['icons has no 32×32 icon', 'icon icon/128.png is 96×96, not 128×128']);
  });

  it('refuse broader permissions and loopback hosts', () => {
    const problems = storeProblems(extension({ permissions: ['storage', 'tabs'], host_permissions: ['https://*.linkedin.com/*', 'http://127.0.0.1/*'] }));
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/"tabs"[\s\S]*127\.0\.0\.1/);
  });

  it('refuse remote code and web-accessible resources', () => {
    const problems = storeProblems(
      extension({ web_accessible_resources: [] }, { readText: () => '<script src="https://cdn.example.com/x.js"></script>' }),
    );
    expect(problems).toEqual([
      'web_accessible_resources is set; the store build must not declare it',
      'popup.html loads a remote script: https://cdn.example.com/x.js',
    ]);
  });

  it('check the version format', () => {
    expect(['1', '0.1.0', '1.2.3.4', '65535.0'].map(validVersion)).toEqual([true, true, true, true]);
    expect(['', '1.2.3.4.5', '01.2', '1.-2', '65536', '1.0-beta'].map(validVersion)).toEqual([false, false, false, false, false, false]);
  });
});
