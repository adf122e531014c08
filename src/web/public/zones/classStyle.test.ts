import { describe, expect, it } from 'vitest';
import { CLASS_TONE, CLASSES, MAP_BACKGROUND, MAP_OUTLINE, TONE_ICON, TONE_STYLE, type Tone } from './classStyle.ts';
import { colourDifference, contrastRatio, labAs, VISIONS } from './colour.ts';

const TONES = Object.keys(TONE_STYLE) as Tone[];
const pairs = TONES.flatMap((a, i) => TONES.slice(i + 1).map((b) => [a, b] as const));

describe('zone class styles', () => {
  it('gives each class its own tone', () => {
    expect(new Set(CLASSES.map((zoneClass) => CLASS_TONE[zoneClass])).size).toBe(CLASSES.length);
  });

  it.each(VISIONS)('keeps every two map fills clearly apart with %s vision', (vision) => {
    for (const [a, b] of pairs) {
      expect(colourDifference(TONE_STYLE[a].fill, TONE_STYLE[b].fill, vision), `${a} / ${b}`).toBeGreaterThan(40);
    }
  });

  it('keeps the map fills apart in lightness alone (for people who see no colour)', () => {
    for (const [a, b] of pairs) {
      const lightness = (tone: Tone) => labAs(TONE_STYLE[tone].fill, 'normal')[0];
      expect(Math.abs(lightness(a) - lightness(b)), `${a} / ${b}`).toBeGreaterThan(10);
    }
  });

  it('draws zone outlines at 3:1 or more against the plain background and every fill', () => {
    expect(contrastRatio(MAP_OUTLINE, MAP_BACKGROUND)).toBeGreaterThanOrEqual(3);
    for (const tone of TONES) {
      // The darkest fill is the exception the outline need not beat: its edge against the background is 3:1.
      const edge = Math.max(
        contrastRatio(MAP_OUTLINE, TONE_STYLE[tone].fill),
        contrastRatio(TONE_STYLE[tone].fill, MAP_BACKGROUND),
      );
      expect(edge, tone).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(TONES)('gives the %s badge text at 4.5:1 and an icon at 3:1 on its tint', (tone) => {
    const style = TONE_STYLE[tone];
    expect(contrastRatio(style.ink, style.tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(style.icon, style.tint)).toBeGreaterThanOrEqual(3);
    // The white inside filled icons (tick, cross, exclamation mark) stands out from the shape.
    expect(contrastRatio(style.icon, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('draws a different icon for each tone', () => {
    const shapes = TONES.map((tone) => TONE_ICON[tone].map((part) => part.d).join(' '));
    expect(new Set(shapes).size).toBe(TONES.length);
    expect(TONES.every((tone) => TONE_ICON[tone].length > 0)).toBe(true);
  });
});
