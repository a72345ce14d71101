// The visual regression's tolerance (e2e/support/visual.ts): rendering noise
// passes, a visible change fails.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE, diffPngs } from '../../e2e/support/visual';

function picture(paint: (x: number, y: number) => [number, number, number]): PNG {
  const png = new PNG({ width: 200, height: 100 });
  for (let y = 0; y < 100; y++) {
    for (let x = 0; x < 200; x++) {
      const i = (y * 200 + x) * 4;
      [png.data[i], png.data[i + 1], png.data[i + 2]] = paint(x, y);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** A white card with a green button, as the popup draws them. */
const button = (color: [number, number, number]) => (x: number, y: number): [number, number, number] =>
  x >= 20 && x < 120 && y >= 30 && y < 58 ? color : [255, 255, 255];

const passes = (expected: PNG, actual: PNG) =>
  diffPngs(expected, actual, DEFAULT_TOLERANCE.threshold).diffPixels / (expected.width * expected.height) <= DEFAULT_TOLERANCE.maxDiffRatio;

describe('visual tolerance', () => {
  const baseline = picture(button([6, 122, 86]));

  it('passes the same picture, and one whose colours moved by a rounding step', () => {
    expect(passes(baseline, picture(button([6, 122, 86])))).toBe(true);
    expect(passes(baseline, picture(button([7, 123, 85])))).toBe(true);
  });

  it('fails a recoloured button of the same brightness', () => {
    expect(passes(baseline, picture(button([10, 90, 134])))).toBe(false);
  });

  it('fails a moved button', () => {
    const moved = picture((x, y) => button([6, 122, 86])(x - 4, y));
    expect(passes(baseline, moved)).toBe(false);
  });
});
