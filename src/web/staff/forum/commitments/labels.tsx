import { Anchor, Button, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AssessmentRating,
  type CommitmentStatus,
  EVIDENCE_KINDS,
  type EvidenceKind,
} from '../../../../shared/forum/constants.ts';
import type { CommitmentSummary } from '../../../../shared/forum/schemas/commitments.ts';
import type { Evidence } from '../../../../shared/forum/schemas/common.ts';
import { fieldError } from '../../../components/forms.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';

/** The most pieces of evidence one update or flag may carry (the server's limit). */
export const EVIDENCE_MAX = 20;

const STATUS_TONE: Record<CommitmentStatus, Tone> = { open: 'neutral', kept: 'good', broken: 'bad' };
export const RATING_TONE: Record<AssessmentRating, Tone> = {
  on_track: 'good',
  at_risk: 'fair',
  off_track: 'bad',
  kept: 'good',
  broken: 'bad',
};

/**
 * Days (YYYY-MM-DD: a commitment's due date, its closing) in the reader's language, read as the calendar day they
 * name wherever the reader is (formatted in UTC, as they are stored).
 */
export function useDayFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  }, [i18n.language]);
}

/** Where a commitment stands, in words with its shape: open, kept (on time or late), broken; and overdue. */
export function CommitmentStatusText({
  commitment,
}: {
  commitment: Pick<CommitmentSummary, 'status' | 'overdue' | 'keptOnTime'>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap" component="span">
      <StatusBadge tone={STATUS_TONE[commitment.status]}>
        {commitment.status === 'kept' && commitment.keptOnTime === false
          ? t('forumCommitments.status.keptLate')
          : t(`forumCommitments.status.${commitment.status}`)}
      </StatusBadge>
      {commitment.overdue ? <StatusBadge tone="bad">{t('forumCommitments.overdue')}</StatusBadge> : null}
    </Group>
  );
}

/** An independent assessment's rating, in words with its shape. */
export function RatingText({ rating }: { rating: AssessmentRating }) {
  const { t } = useTranslation();
  return <StatusBadge tone={RATING_TONE[rating]}>{t(`forumCommitments.rating.${rating}`)}</StatusBadge>;
}

/** When a commitment is due, and for an overdue one how it stands, in words. */
export function DueDay({ commitment }: { commitment: Pick<CommitmentSummary, 'dueOn' | 'overdue' | 'closedOn'> }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  return (
    <>
      {commitment.overdue
        ? t('forumCommitments.due.overdueSince', { date: day(commitment.dueOn) })
        : t('forumCommitments.due.by', { date: day(commitment.dueOn) })}
      {commitment.closedOn ? (
        <Text component="span" display="block" size="sm" c="dimmed">
          {t('forumCommitments.due.closedOn', { date: day(commitment.closedOn) })}
        </Text>
      ) : null}
    </>
  );
}

/** What shows that a commitment is kept: an indicator of the zone criteria, an outcome figure, or nothing yet. */
export function IndicatorText({
  commitment,
}: {
  commitment: Pick<CommitmentSummary, 'indicatorKind' | 'indicatorRef'>;
}) {
  const { t } = useTranslation();
  if (commitment.indicatorKind === 'none' || !commitment.indicatorRef)
    return <>{t('forumCommitments.indicator.none')}</>;
  return (
    <>
      {t(`forumCommitments.indicator.${commitment.indicatorKind}`)}{' '}
      <span className="ltr-value" dir="ltr">
        {commitment.indicatorRef}
      </span>
    </>
  );
}

/** Pieces of evidence: a link opens in a new tab; a record of another module is named by its kind and key. */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  const { t } = useTranslation();
  if (evidence.length === 0) return null;
  return (
    <List size="sm" spacing={2} aria-label={t('forumCommitments.evidence.title')}>
      {evidence.map((piece, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: evidence has no id; its order never changes once written
        <List.Item key={index}>
          {t(`forumCommitments.evidence.kind.${piece.kind}`)}:{' '}
          {piece.kind === 'link' && /^https:\/\//.test(piece.ref) ? (
            <Anchor href={piece.ref} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              <span dir="ltr">{piece.ref}</span>
            </Anchor>
          ) : (
            <span className="ltr-value" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
              {piece.ref}
            </span>
          )}
          {piece.note ? (
            <Text c="dimmed" size="sm" dir="auto">
              {piece.note}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

/** One piece of evidence being written. */
export interface EvidenceDraft {
  kind: EvidenceKind;
  ref: string;
  note: string;
}

export const NO_EVIDENCE: EvidenceDraft = { kind: 'link', ref: '', note: '' };

/** The drafts as the API takes them: empty rows dropped, texts trimmed, an empty note left out. */
export function evidenceBody(drafts: readonly EvidenceDraft[]): Evidence[] {
  return drafts
    .filter((draft) => draft.ref.trim() !== '')
    .map((draft) => ({
      kind: draft.kind,
      ref: draft.ref.trim(),
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
    }));
}

/**
 * The pieces of evidence of an update or a flag: each a kind, its key or https address, and a note; added and
 * removed one at a time. A field the server refuses is named under it (`evidence.0.ref`).
 */
export function EvidenceFields({
  value,
  onChange,
  error,
}: {
  value: readonly EvidenceDraft[];
  onChange: (next: EvidenceDraft[]) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<EvidenceDraft>) =>
    onChange(value.map((draft, at) => (at === index ? { ...draft, ...change } : draft)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={600} size="sm" p={0}>
        {t('forumCommitments.evidence.title')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('forumCommitments.evidence.hint')}
      </Text>
      {value.map((draft, index) => (
        <Group
          // biome-ignore lint/suspicious/noArrayIndexKey: a draft row has no id; rows are only added at the end or removed
          key={index}
          align="flex-end"
          gap="xs"
          wrap="wrap"
          role="group"
          aria-label={t('forumCommitments.evidence.piece', { number: index + 1 })}
        >
          <NativeSelect
            label={t('forumCommitments.evidence.kindLabel')}
            value={draft.kind}
            onChange={(event) => set(index, { kind: event.currentTarget.value as EvidenceKind })}
            style={{ flex: '1 1 10rem' }}
          >
            {EVIDENCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`forumCommitments.evidence.kind.${kind}`)}
              </option>
            ))}
          </NativeSelect>
          <TextInput
            label={draft.kind === 'link' ? t('forumCommitments.evidence.address') : t('forumCommitments.evidence.key')}
            value={draft.ref}
            onChange={(event) => set(index, { ref: event.currentTarget.value })}
            maxLength={500}
            dir="ltr"
            error={fieldError(t, error, `evidence.${index}.ref`)}
            style={{ flex: '2 1 14rem' }}
          />
          <TextInput
            label={t('forumCommitments.evidence.note')}
            value={draft.note}
            onChange={(event) => set(index, { note: event.currentTarget.value })}
            maxLength={500}
            error={fieldError(t, error, `evidence.${index}.note`)}
            style={{ flex: '2 1 14rem' }}
          />
          <Button variant="default" onClick={() => onChange(value.filter((_, at) => at !== index))}>
            {t('forumCommitments.evidence.remove', { number: index + 1 })}
          </Button>
        </Group>
      ))}
      {value.length < EVIDENCE_MAX ? (
        <div>
          <Button variant="default" size="xs" onClick={() => onChange([...value, { ...NO_EVIDENCE }])}>
            {t('forumCommitments.evidence.add')}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
}
