// The Chrome Web Store's manifest rules, checked on a built extension folder
// (scripts/check-store.ts runs them on .output/chrome-mv3). Pure: the caller
// gives the manifest, the locale catalogues and a file reader.

export interface Catalogue {
  [name: string]: { message: string } | undefined;
}

export interface BuiltExtension {
  manifest: Record<string, unknown>;
  /** locale → messages.json */
  locales: Record<string, Catalogue>;
  /** Relative path → text (html, js); undefined when absent. */
  readText(file: string): string | undefined;
  /** Relative path → PNG size, or undefined when absent or not a PNG. */
  pngSize(file: string): { width: number; height: number } | undefined;
  /** Every file, relative, with '/' separators. */
  files: string[];
}

/** What the product grants up front (PRODUCT.md §6): storage and the two hosts, nothing broad. */
export const ALLOWED = {
  permissions: ['storage'],
  hostPermissions: ['https://*.linkedin.com/*', 'https://api-public.skipcall.app/*'],
  optionalHostPermissions: ['https://*/*'],
};

const ICON_SIZES = [16, 32, 48, 128];

/** `__MSG_name__` in every locale (names are case-insensitive); the text itself otherwise. */
export function localized(value: string, locales: Record<string, Catalogue>): Record<string, string> {
  const match = /^__MSG_(\w+)__$/.exec(value);
  if (!match) return { '*': value };
  const out: Record<string, string> = {};
  for (const [locale, catalogue] of Object.entries(locales)) {
    const entry = Object.entries(catalogue).find(([key]) => key.toLowerCase() === match[1]!.toLowerCase())?.[1];
    out[locale] = entry?.message ?? '';
  }
  return out;
}

/** Chrome: one to four dot-separated integers, 0–65535, no leading zeros. */
export function validVersion(version: unknown): boolean {
  if (typeof version !== 'string') return false;
  const parts = version.split('.');
  return parts.length >= 1 && parts.length <= 4 && parts.every((p) => /^(0|[1-9]\d{0,4})$/.test(p) && Number(p) <= 65_535);
}

const REMOTE = /^(https?:)?\/\//i;

/** Every rule broken, as a sentence; [] when the package may be submitted. */
export function storeProblems(ext: BuiltExtension): string[] {
  const problems: string[] = [];
  const m = ext.manifest;
  if (m.manifest_version !== 3) problems.push(`manifest_version is ${String(m.manifest_version)}, the Chrome Web Store takes 3`);
  if (!validVersion(m.version)) problems.push(`version "${String(m.version)}" is not 1 to 4 dot-separated integers (0–65535)`);

  const defaultLocale = m.default_locale as string | undefined;
  if (defaultLocale && !ext.locales[defaultLocale]) problems.push(`default_locale "${defaultLocale}" has no _locales/${defaultLocale}/messages.json`);
  for (const [field, max, required] of [['name', 75, true], ['short_name', 12, false], ['description', 132, true]] as const) {
    const raw = m[field];
    if (raw === undefined) {
      if (required) problems.push(`${field} is missing`);
      continue;
    }
    for (const [locale, text] of Object.entries(localized(String(raw), ext.locales))) {
      if (!text.trim()) problems.push(`${field} is empty in ${locale}`);
      else if ([...text].length > max) problems.push(`${field} in ${locale} is ${[...text].length} characters, over ${max}: "${text}"`);
    }
  }

  const icons = (m.icons ?? {}) as Record<string, string>;
  for (const size of ICON_SIZES) {
    const file = icons[String(size)];
    if (!file) {
      problems.push(`icons has no ${size}×${size} icon`);
      continue;
    }
    const png = ext.pngSize(file);
    if (!png) problems.push(`icon ${file} is missing or not a PNG`);
    else if (png.width !== size || png.height !== size) problems.push(`icon ${file} is ${png.width}×${png.height}, not ${size}×${size}`);
  }

  const permissions = (m.permissions ?? []) as string[];
  const hosts = (m.host_permissions ?? []) as string[];
  const optionalHosts = (m.optional_host_permissions ?? []) as string[];
  for (const p of permissions) if (!ALLOWED.permissions.includes(p)) problems.push(`permission "${p}" is not one the product needs (${ALLOWED.permissions.join(', ')})`);
  for (const h of hosts) if (!ALLOWED.hostPermissions.includes(h)) problems.push(`host permission "${h}" is not one the product needs (${ALLOWED.hostPermissions.join(', ')})`);
  for (const h of optionalHosts) if (!ALLOWED.optionalHostPermissions.includes(h)) problems.push(`optional host permission "${h}" is unexpected`);
  if ((m.optional_permissions as unknown[] | undefined)?.length) problems.push('optional_permissions: none expected');
  for (const key of ['web_accessible_resources', 'externally_connectable', 'content_security_policy', 'update_url', 'key']) {
    if (key in m) problems.push(`${key} is set; the store build must not declare it`);
  }

  // No remote code: every script the extension runs is in the package.
  for (const file of ext.files) {
    const text = /\.(html|js)$/.test(file) ? ext.readText(file) : undefined;
    if (text === undefined) continue;
    if (file.endsWith('.html')) {
      for (const [, src] of text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) {
        if (REMOTE.test(src!)) problems.push(`${file} loads a remote script: ${src}`);
      }
      for (const [, href] of text.matchAll(/<link\b[^>]*\bhref=["']([^"']+)["']/gi)) {
        if (REMOTE.test(href!)) problems.push(`${file} loads a remote resource: ${href}`);
      }
    } else {
      for (const [, url] of text.matchAll(/\b(?:importScripts|import)\s*\(\s*["'`]((?:https?:)?\/\/[^"'`]+)/g)) {
        problems.push(`${file} imports remote code: ${url}`);
      }
    }
  }
  const scripts = [
    ...(((m.background as { service_worker?: string } | undefined)?.service_worker ?? '') ? [(m.background as { service_worker: string }).service_worker] : []),
    ...((m.content_scripts ?? []) as { js?: string[] }[]).flatMap((c) => c.js ?? []),
  ];
  for (const file of scripts) if (!ext.files.includes(file)) problems.push(`${file} is declared in the manifest but not in the package`);
  return problems;
}
