// Screenshots compared with committed baselines (e2e/visual-baselines/), with a
// tolerance for font rendering noise. `npm run test:visual:update` (UPDATE_VISUAL=1)
// writes the baselines from the current build instead of comparing. The
// pictures depend on the fonts: the baselines are drawn with DejaVu Sans
// (fonts-dejavu-core, fontconfig's default for system-ui on Debian), which
// .ci/run installs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { RESULTS_DIR, ROOT } from './paths';

export const BASELINE_DIR = path.join(ROOT, 'e2e/visual-baselines');
export const VISUAL_RESULTS_DIR = path.join(RESULTS_DIR, 'visual');
export const UPDATING = process.env.UPDATE_VISUAL === '1';

export interface Tolerance {
  /** pixelmatch's per-pixel colour distance (0–1) under which two pixels count as equal. */
  threshold: number;
  /** Share of the picture's pixels that may still differ (anti-aliased pixels are never counted). */
  maxDiffRatio: number;
}

/**
 * Absorbs font rendering noise: anti-aliased pixels (glyph edges, where hinting
 * and sub-pixel differences live) are never counted, a small colour distance is
 * ignored, and up to 0.1 % of the pixels may still differ. On one machine two
 * runs give identical pictures; a recoloured button (about 1 % of the setup-needed
 * popup) or a moved or reworded block fails.
 */
export const DEFAULT_TOLERANCE: Tolerance = { threshold: 0.05, maxDiffRatio: 0.001 };

export interface Comparison {
  name: string;
  /** 'updated' when UPDATE_VISUAL=1 wrote the baseline. */
  outcome: 'same' | 'different' | 'size' | 'missing' | 'updated';
  diffPixels: number;
  ratio: number;
  /** Where the actual picture and the diff were written when it failed. */
  artefacts: string[];
  message: string;
}

/** Counts differing pixels between two PNGs of the same size; the diff picture marks them in red. */
export function diffPngs(expected: PNG, actual: PNG, threshold: number): { diffPixels: number; diff: PNG } {
  const diff = new PNG({ width: expected.width, height: expected.height });
  const diffPixels = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, {
    threshold,
    includeAA: false,
    alpha: 0.2,
  });
  return { diffPixels, diff };
}

/** Compares `png` with the baseline `name`.png (or writes it when updating). */
export function compareWithBaseline(name: string, png: Buffer, tolerance: Tolerance = DEFAULT_TOLERANCE): Comparison {
  const baselineFile = path.join(BASELINE_DIR, `${name}.png`);
  const base = { name, diffPixels: 0, ratio: 0, artefacts: [] as string[] };
  if (UPDATING) {
    mkdirSync(BASELINE_DIR, { recursive: true });
    writeFileSync(baselineFile, png);
    return { ...base, outcome: 'updated', message: `${name}: baseline written` };
  }
  const keep = (suffix: string, data: Buffer) => {
    mkdirSync(VISUAL_RESULTS_DIR, { recursive: true });
    const file = path.join(VISUAL_RESULTS_DIR, `${name}-${suffix}.png`);
    writeFileSync(file, data);
    base.artefacts.push(file);
  };
  if (!existsSync(baselineFile)) {
    keep('actual', png);
    return { ...base, outcome: 'missing', message: `${name}: no baseline ${path.relative(ROOT, baselineFile)}; run npm run test:visual:update` };
  }
  const expected = PNG.sync.read(readFileSync(baselineFile));
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    keep('actual', png);
    return {
      ...base,
      outcome: 'size',
      message: `${name}: ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height} (see ${base.artefacts[0]})`,
    };
  }
  const { diffPixels, diff } = diffPngs(expected, actual, tolerance.threshold);
  const ratio = diffPixels / (expected.width * expected.height);
  if (ratio <= tolerance.maxDiffRatio) return { ...base, diffPixels, ratio, outcome: 'same', message: `${name}: ${diffPixels} pixels differ` };
  keep('actual', png);
  keep('diff', PNG.sync.write(diff));
  return {
    ...base,
    diffPixels,
    ratio,
    outcome: 'different',
    message: `${name}: ${diffPixels} pixels differ (${(ratio * 100).toFixed(2)} %, allowed ${(tolerance.maxDiffRatio * 100).toFixed(2)} %); see ${base.artefacts.join(', ')}. A deliberate change: npm run test:visual:update. Text drawn in another font than the baselines' (fc-match system-ui: DejaVu Sans)? Install fonts-dejavu-core.`,
  };
}
