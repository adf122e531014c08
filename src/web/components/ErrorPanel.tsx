import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './forms.tsx';

/** A page or section that could not load, with a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.loadTitle')} role="alert" maw={640}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry ? (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
