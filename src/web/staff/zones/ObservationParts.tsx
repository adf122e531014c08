import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { OBSERVATION_TONE } from './status.ts';
import type { Observation } from './types.ts';

/** Where an observation stands: waiting for a verifier, asked for more evidence, confirmed or rejected. */
export function ObservationStatusBadge({ status }: { status: Observation['status'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={OBSERVATION_TONE[status] ?? 'unknown'}>{t(`zones.observationStatus.${status}`)}</StatusBadge>
  );
}

/** The verifiers' decisions, oldest first, each with the organisation, the day and the reason given. */
export function Verifications({ verifications }: { verifications: Observation['verifications'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (verifications.length === 0) return <Text size="sm">{t('zones.observations.noDecision')}</Text>;
  return (
    <List size="sm" spacing={4} listStyleType="none" p={0}>
      {verifications.map((verification) => (
        <List.Item key={`${verification.decidedAt}-${verification.decision}`}>
          {t('zones.observations.decisionLine', {
            decision: t(`zones.decision.${verification.decision}`),
            organisation: verification.verifierOrganisation.name,
            date: format.dateTime(verification.decidedAt),
          })}
          {verification.reason ? (
            <Text size="sm" c="dimmed">
              {t('zones.observations.reasonLine', { reason: verification.reason })}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

/** Evidence notes, folded: shown only to the submitting and verifying organisations (the server decides). */
export function EvidenceNotes({ notes }: { notes: string | null | undefined }) {
  const { t } = useTranslation();
  if (notes === undefined) return <Text size="sm">{t('zones.observations.notesHidden')}</Text>;
  if (!notes) return <Text size="sm">{t('zones.observations.noNotes')}</Text>;
  return (
    <details>
      <summary>{t('zones.observations.showNotes')}</summary>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {notes}
      </Text>
    </details>
  );
}
