import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/page.ts';
import { ContactChannels } from './ContactChannels.tsx';

const WHAT_HAPPENS = ['listen', 'reference', 'private', 'anonymous', 'noRetaliation'] as const;

/** How to reach the mechanism and what happens when you do. */
export function HelpPage() {
  const { t } = useTranslation();
  usePageTitle(t('help.title'));
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('help.title')}</Title>
      <Text size="lg">{t('help.lead')}</Text>
      <section aria-labelledby="channels-title">
        <Title id="channels-title" order={2} mb="sm">
          {t('help.channels.title')}
        </Title>
        <ContactChannels />
      </section>
      <section aria-labelledby="what-happens-title">
        <Title id="what-happens-title" order={2} mb="sm">
          {t('help.whatHappens.title')}
        </Title>
        <List spacing="sm">
          {WHAT_HAPPENS.map((item) => (
            <List.Item key={item}>{t(`help.whatHappens.${item}`)}</List.Item>
          ))}
        </List>
      </section>
      <Alert variant="light" color="red" title={t('help.danger.title')}>
        {t('help.danger.text')}
      </Alert>
    </Stack>
  );
}
