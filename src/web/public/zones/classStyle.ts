import {
  type CriterionStatus,
  type IndicatorStatus,
  ZONE_CLASS_RANK,
  ZONE_CLASSES,
  type ZoneClass,
} from '../../../shared/zones/constants.ts';

/** Worst first: the order of legends, filters and counts. */
export const CLASSES: readonly ZoneClass[] = [...ZONE_CLASSES].sort((a, b) => ZONE_CLASS_RANK[a] - ZONE_CLASS_RANK[b]);

/** How a class or status looks: the same four tones for a zone's class and a criterion's or indicator's status. */
export type Tone = 'bad' | 'unknown' | 'caution' | 'good';

export const CLASS_TONE: Record<ZoneClass, Tone> = {
  not_conducive: 'bad',
  insufficient_data: 'unknown',
  conditionally_conducive: 'caution',
  conducive: 'good',
};

export const STATUS_TONE: Record<CriterionStatus | IndicatorStatus, Tone> = {
  red: 'bad',
  insufficient: 'unknown',
  missing: 'unknown',
  amber: 'caution',
  green: 'good',
};

/**
 * How each tone looks. `fill` colours the zones on the map and the legend's swatches: chosen so that every two
 * stay clearly apart (CIE76 difference above 40) with normal vision and with protanopia, deuteranopia or
 * tritanopia, and apart in lightness too. Badges put `ink` text (at least 4.5:1) and an `icon` shape (at least
 * 3:1) on a light `tint`, so colour is never the only cue: the word and the shape say the same.
 */
export interface ToneStyle {
  fill: string;
  /** Zones without enough data get a dashed outline on the map as well. */
  dashed: boolean;
  tint: string;
  ink: string;
  icon: string;
}

export const TONE_STYLE: Record<Tone, ToneStyle> = {
  good: { fill: '#108278', dashed: false, tint: '#e3f2ef', ink: '#0b4f49', icon: '#0f766d' },
  caution: { fill: '#ecaa00', dashed: false, tint: '#fff3d1', ink: '#5a3f00', icon: '#8a6100' },
  unknown: { fill: '#f5f5f5', dashed: true, tint: '#eef0f2', ink: '#343a40', icon: '#495057' },
  bad: { fill: '#963200', dashed: false, tint: '#fbe5dc', ink: '#6e2300', icon: '#963200' },
};

/** The plain background the zones are drawn on when no tile server is configured, and their outline. */
export const MAP_BACKGROUND = '#c8d1d9';
export const MAP_OUTLINE = '#1f2933';

export const classStyle = (zoneClass: ZoneClass): ToneStyle => TONE_STYLE[CLASS_TONE[zoneClass]];

/** One part of a 16×16 icon: a filled shape, or a stroked line. */
export interface IconPart {
  d: string;
  fill?: 'icon' | 'white';
  stroke?: 'icon' | 'white';
}

/**
 * A different shape for each tone, told apart without colour: a circle with a tick, a triangle with an
 * exclamation mark, an open ring with a question mark, an octagon (as a stop sign) with a cross.
 */
export const TONE_ICON: Record<Tone, IconPart[]> = {
  good: [
    { d: 'M8 1a7 7 0 1 0 0 14A7 7 0 1 0 8 1z', fill: 'icon' },
    { d: 'M4.6 8.3l2.2 2.2 4.6-4.8', stroke: 'white' },
  ],
  caution: [
    { d: 'M8 1.2l7.2 13H.8z', fill: 'icon' },
    { d: 'M8 5.6v4', stroke: 'white' },
    { d: 'M8 11.3a1 1 0 1 0 0 2 1 1 0 1 0 0-2z', fill: 'white' },
  ],
  unknown: [
    { d: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8z', stroke: 'icon' },
    { d: 'M6.3 6.4a1.8 1.8 0 1 1 2.5 1.7c-.5.2-.8.6-.8 1.1v.5', stroke: 'icon' },
    { d: 'M8 10.9a.9.9 0 1 0 0 1.8.9.9 0 1 0 0-1.8z', fill: 'icon' },
  ],
  bad: [
    { d: 'M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z', fill: 'icon' },
    { d: 'M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8', stroke: 'white' },
  ],
};

/** The colour an icon part is painted with. */
export const paint = (tone: Tone, value: 'icon' | 'white' | undefined): string =>
  value === undefined ? 'none' : value === 'white' ? '#ffffff' : TONE_STYLE[tone].icon;
