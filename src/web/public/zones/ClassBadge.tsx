import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionStatus, IndicatorStatus, ZoneClass } from '../../../shared/zones/schemas.ts';
import { CLASS_TONE, paint, STATUS_TONE, TONE_ICON, TONE_STYLE, type Tone } from './classStyle.ts';

/** The tone's shape (decorative: the words beside it say the same). */
export function ToneIcon({ tone, size = 16 }: { tone: Tone; size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width={size} height={size} className="zone-icon">
      {TONE_ICON[tone].map((part) => (
        <path
          key={part.d}
          d={part.d}
          fill={paint(tone, part.fill)}
          stroke={paint(tone, part.stroke)}
          strokeWidth={part.stroke ? 1.7 : undefined}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}

/** A class or status in words, with its shape and a tint: colour is never the only cue. */
export function ToneBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  const style = TONE_STYLE[tone];
  const colours = { '--zone-tint': style.tint, '--zone-ink': style.ink, '--zone-edge': style.icon } as CSSProperties;
  return (
    <span className="zone-badge" style={colours}>
      <ToneIcon tone={tone} />
      <span>{children}</span>
    </span>
  );
}

export function ClassBadge({ zoneClass }: { zoneClass: ZoneClass }) {
  const { t } = useTranslation();
  return <ToneBadge tone={CLASS_TONE[zoneClass]}>{t(`zoneTerms.class.${zoneClass}`)}</ToneBadge>;
}

export function StatusBadge({ status }: { status: CriterionStatus | IndicatorStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={STATUS_TONE[status]}>{t(`zoneTerms.status.${status}`)}</ToneBadge>;
}
