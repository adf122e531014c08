import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useMe } from '../session.ts';
import { AuditEntries } from './AuditEntries.tsx';
import { CheckpointPanel } from './CheckpointPanel.tsx';
import { VerifyPanel } from './VerifyPanel.tsx';

/** The transparency log: the latest signed checkpoint, verification on request, and the entries. */
export default function TransparencyLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <ScreenHeader title={t('administration.transparencyLog')} description={t('administration.log.intro')} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, lg: me.permissions.includes('audit:verify') ? 2 : 1 }} spacing="md">
          <CheckpointPanel />
          {me.permissions.includes('audit:verify') ? <VerifyPanel /> : null}
        </SimpleGrid>
        <AuditEntries />
      </Stack>
    </>
  );
}
