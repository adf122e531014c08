import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageStatus, usePageTitle } from '../components/page.ts';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  usePageStatus(404);
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.text')}</Text>
      <Anchor component={Link} to={home}>
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
