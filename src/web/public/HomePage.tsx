import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page.ts';
import { ContactChannels } from './ContactChannels.tsx';

const PROMISES = ['safe', 'voluntary', 'dignified', 'noUnsafeReturn', 'speakUp'] as const;

/** What Homeward is, what it promises every returnee, and how to get help: in plain words. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.pageTitle'));
  return (
    <Stack gap="xl">
      <section aria-labelledby="home-title">
        <Title id="home-title" order={1} mb="md">
          {t('home.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('home.lead')}
        </Text>
      </section>

      <section aria-labelledby="promises-title">
        <Title id="promises-title" order={2} mb="md">
          {t('home.promises.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {PROMISES.map((promise) => (
            <Paper key={promise} withBorder p="md" component="article" aria-labelledby={`promise-${promise}`}>
              <Title id={`promise-${promise}`} order={3} size="h4" mb="xs">
                {t(`home.promises.${promise}.title`)}
              </Title>
              <Text>{t(`home.promises.${promise}.text`)}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="zones-home-title">
        <Title id="zones-home-title" order={2} mb="md">
          {t('publicZones.home.title')}
        </Title>
        <Text mb="md" maw={760}>
          {t('publicZones.home.text')}
        </Text>
        <Anchor component={Link} to="/zones" fw={600}>
          {t('publicZones.home.link')}
        </Anchor>
      </section>

      <section aria-labelledby="cases-home-title">
        <Title id="cases-home-title" order={2} mb="md">
          {t('caseStatus.home.title')}
        </Title>
        <Text mb="md" maw={760}>
          {t('caseStatus.home.text')}
        </Text>
        <Group gap="lg">
          <Anchor component={Link} to="/cases/status" fw={600}>
            {t('caseStatus.home.statusLink')}
          </Anchor>
          <Anchor component={Link} to="/cases/timelines" fw={600}>
            {t('caseStatus.home.timelinesLink')}
          </Anchor>
        </Group>
      </section>

      <section aria-labelledby="feedback-home-title">
        <Title id="feedback-home-title" order={2} mb="md">
          {t('gatewayPortal.home.title')}
        </Title>
        <Text mb="md" maw={760}>
          {t('gatewayPortal.home.text')}
        </Text>
        <Group gap="lg">
          <Anchor component={Link} to="/feedback" fw={600}>
            {t('gatewayPortal.home.link')}
          </Anchor>
          <Anchor component={Link} to="/feedback/receipt" fw={600}>
            {t('gatewayPortal.link.receipt')}
          </Anchor>
        </Group>
      </section>

      <section aria-labelledby="help-title">
        <Title id="help-title" order={2} mb="md">
          {t('home.help.title')}
        </Title>
        <Text mb="md" maw={760}>
          {t('home.help.text')}
        </Text>
        <ContactChannels />
        <Text mt="md">
          <Anchor component={Link} to="/help">
            {t('home.help.more')}
          </Anchor>
        </Text>
        <Alert variant="light" color="red" title={t('help.danger.title')} mt="md" maw={760}>
          {t('help.danger.text')}
        </Alert>
      </section>

      <section aria-labelledby="record-title">
        <Title id="record-title" order={2} mb="md">
          {t('home.record.title')}
        </Title>
        <Text maw={760}>{t('home.record.text')}</Text>
      </section>
    </Stack>
  );
}
