import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { useScreen } from '../screen.ts';

/** Stands in for an administration screen that is not written yet (see module.ts). */
export default function PendingScreen() {
  const { t } = useTranslation();
  const screen = useScreen();
  return (
    <>
      <ScreenHeader title={t(screen.label)} />
      <Alert variant="light" color="gray" title={t('staff.pending.title')} maw={640}>
        {t('staff.pending.text')}
      </Alert>
    </>
  );
}
