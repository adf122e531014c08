import { Anchor, type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Homeward's deep teal. Shade 7 (the primary) gives 8.4:1 against white; shade 6 still 5.7:1. */
const homeward: MantineColorsTuple = [
  '#e6f4f6',
  '#cce6ea',
  '#99cdd5',
  '#66b3c0',
  '#3399aa',
  '#1a8597',
  '#0e7083',
  '#0b5563',
  '#08434e',
  '#053039',
];

export const theme = createTheme({
  primaryColor: 'homeward',
  primaryShade: 7,
  colors: { homeward },
  focusRing: 'auto',
  defaultRadius: 'md',
  // System fonts only: nothing to download on a slow connection, and they carry Arabic script.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", Tahoma, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  // Links are told apart from text by an underline, never by colour alone (WCAG 1.4.1).
  components: { Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }) },
});

/**
 * Mantine's light defaults for muted text, errors, placeholders and links fall under WCAG AA contrast (about
 * 3.3:1 on white); these stay above 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-homeward-7)',
    // Text on light yellow/orange backgrounds (notices): Mantine's 2.7:1 becomes 7:1.
    '--mantine-color-yellow-light-color': '#6b4200',
    '--mantine-color-orange-light-color': '#7a3300',
  },
  dark: {},
});
