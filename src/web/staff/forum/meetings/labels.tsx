import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus, PositionTreatment } from '../../../../shared/forum/constants.ts';
import type { MeetingSummary } from '../../../../shared/forum/schemas/meetings.ts';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';

const STATUS_TONE: Record<MeetingStatus, Tone> = { planned: 'neutral', held: 'fair', minutes_approved: 'good' };

/** Where a meeting stands, in words with its shape. */
export function MeetingStatusText({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_TONE[status]}>{t(`forumMeetings.status.${status}`)}</StatusBadge>;
}

const TREATMENT_TONE: Record<PositionTreatment, Tone> = {
  adopted: 'good',
  partly_adopted: 'fair',
  noted: 'neutral',
  not_adopted: 'bad',
};

/** How the chair recorded that a position was taken into account. */
export function TreatmentText({ treatment }: { treatment: PositionTreatment | null }) {
  const { t } = useTranslation();
  if (!treatment) return <StatusBadge tone="unknown">{t('forumMeetings.treatment.none')}</StatusBadge>;
  return <StatusBadge tone={TREATMENT_TONE[treatment]}>{t(`forumMeetings.treatment.${treatment}`)}</StatusBadge>;
}

/** Where the meeting takes place: its channel, and its place when there is one. */
export function WhereText({ meeting }: { meeting: Pick<MeetingSummary, 'channel' | 'place'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`forumMeetings.channel.${meeting.channel}`)}
      {meeting.place ? (
        <>
          {' · '}
          <span dir="auto">{meeting.place}</span>
        </>
      ) : null}
    </>
  );
}

/**
 * Days (YYYY-MM-DD: a meeting's day, the positions' due date) in the reader's language, read as the calendar day
 * they name wherever the reader is (formatted in UTC, as they are stored).
 */
export function useDayFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
  }, [i18n.language]);
}

/** Today as YYYY-MM-DD (UTC, as the server counts the positions' due date). */
export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * A name or title put into a sentence, isolated from it (first-strong isolate … pop directional isolate), so that
 * an English organisation's name in an Arabic sentence, or an Arabic title in an English one, keeps its own order
 * and does not carry the punctuation and dates around it along.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
