import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** Text colours that keep 4.5:1 on their own light tint (Mantine's light variants fall under it). */
export const INK = { green: '#1f6b2f', red: 'var(--mantine-color-red-9)', gray: 'var(--mantine-color-gray-9)' };

/**
 * The tone of a state: its colour and shape (a tick, an exclamation mark, a cross, a question mark; a dot for a
 * plain state) repeat its words.
 */
export type Tone = 'good' | 'fair' | 'bad' | 'unknown' | 'neutral';

/** Colours that keep 4.5:1 for their text on their own light tint; the shape repeats the words. */
const TONES: Record<Tone, { color: string; ink: string }> = {
  good: { color: 'green', ink: INK.green },
  fair: { color: 'yellow', ink: '#6b4200' },
  bad: { color: 'red', ink: INK.red },
  unknown: { color: 'gray', ink: INK.gray },
  neutral: { color: 'gray', ink: INK.gray },
};

/** A tick, an exclamation mark, a cross, a question mark: the badge still reads in grey or for colour-blind eyes. */
function ToneIcon({ tone }: { tone: Tone }) {
  const common = { fill: 'none', stroke: 'currentColor', strokeWidth: 2.2, strokeLinecap: 'round' } as const;
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {tone === 'good' ? <path d="M2 6.5 5 9.5 10 3" {...common} strokeLinejoin="round" /> : null}
      {tone === 'fair' ? (
        <>
          <path d="M6 1.5v6" {...common} />
          <circle cx="6" cy="10.2" r="1.1" fill="currentColor" />
        </>
      ) : null}
      {tone === 'bad' ? <path d="M2.5 2.5l7 7M9.5 2.5l-7 7" {...common} /> : null}
      {tone === 'neutral' ? <circle cx="6" cy="6" r="2.4" fill="currentColor" /> : null}
      {tone === 'unknown' ? (
        <>
          <path d="M3.8 4.2a2.2 2.2 0 1 1 3.2 2c-.7.4-1 .9-1 1.6" {...common} />
          <circle cx="6" cy="10.4" r="1.1" fill="currentColor" />
        </>
      ) : null}
    </svg>
  );
}

/**
 * A state in words with its icon; the colour only repeats them. Dark text, so it reads on every tint; it wraps
 * within its box rather than being cut, whichever side of the screen it starts from (right to left included).
 */
export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  const { color, ink } = TONES[tone];
  return (
    <Badge
      className="staff-badge"
      color={color}
      variant="light"
      component="span"
      c={ink}
      leftSection={<ToneIcon tone={tone} />}
      styles={{
        root: { textTransform: 'none', height: 'auto', maxWidth: '100%', paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', overflowWrap: 'anywhere' },
      }}
    >
      {children}
    </Badge>
  );
}
