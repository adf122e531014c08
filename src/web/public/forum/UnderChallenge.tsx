import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/format.ts';
import { useZoneChallenge } from './api.ts';

/**
 * The "Under challenge" mark of a zone's public page: shown, in words, while a watchdog flag on the zone's class
 * (cleared of personal data) waits for the responsible organisation's answer; gone once it is answered.
 */
export function UnderChallenge({ pcode }: { pcode: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const challenge = useZoneChallenge(pcode);
  if (!challenge.data?.underChallenge) return null;
  return (
    <Alert color="orange" variant="light" title={t('forum.challenge.title')} role="note">
      {challenge.data.flags.map((flag) => (
        <Text key={flag.id} size="sm">
          {t(flag.overdue ? 'forum.challenge.overdue' : 'forum.challenge.waiting', {
            period: flag.period,
            due: format.date(flag.dueAt),
          })}
        </Text>
      ))}
    </Alert>
  );
}
