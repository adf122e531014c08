import { describe, expect, it } from 'vitest';
import { colourDifference, contrastRatio, labAs, parseHex } from './colour.ts';

describe('colour arithmetic', () => {
  it('reads #rrggbb and refuses anything else', () => {
    expect(parseHex('#0b5563')).toEqual([11, 85, 99]);
    expect(() => parseHex('red')).toThrow(RangeError);
  });

  it('gives the WCAG contrast ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The theme's primary teal on white (theme.ts says 8.4:1), in either order.
    expect(contrastRatio('#0b5563', '#ffffff')).toBeCloseTo(8.4, 1);
    expect(contrastRatio('#ffffff', '#0b5563')).toBeCloseTo(8.4, 1);
  });

  it('places white, black and grey in CIELAB', () => {
    expect(labAs('#ffffff', 'normal')[0]).toBeCloseTo(100, 0);
    expect(labAs('#000000', 'normal')[0]).toBeCloseTo(0, 5);
    const [, a, b] = labAs('#777777', 'normal');
    expect(Math.abs(a)).toBeLessThan(0.5);
    expect(Math.abs(b)).toBeLessThan(0.5);
  });

  it('makes red and green hard to tell apart with deuteranopia, as it is for people who have it', () => {
    const normal = colourDifference('#cc3333', '#559933');
    const deutan = colourDifference('#cc3333', '#559933', 'deuteranopia');
    expect(normal).toBeGreaterThan(60);
    expect(deutan).toBeLessThan(normal / 3);
  });

  it('leaves greys unchanged under every simulation', () => {
    for (const vision of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      expect(colourDifference('#888888', '#888888', vision)).toBeCloseTo(0, 5);
      expect(labAs('#888888', vision)[0]).toBeCloseTo(labAs('#888888', 'normal')[0], 0);
    }
  });
});
