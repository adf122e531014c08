import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from './components/ScreenHeader.tsx';

/** A screen the person's roles do not open (reached by a link or a typed address). */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('staff.notAllowed.title')} />
      <Alert variant="light" color="gray" title={t('staff.notAllowed.title')} maw={640}>
        {t('staff.notAllowed.text')}
      </Alert>
    </>
  );
}
