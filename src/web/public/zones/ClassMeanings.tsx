import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../api/client.ts';
import { ClassBadge } from './ClassBadge.tsx';
import { CLASSES } from './classStyle.ts';

/** What each class means, in words: shared by the map page and every zone page. */
export function ClassMeanings() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="class-meanings-title">
      <Title id="class-meanings-title" order={2} mb="sm">
        {t('publicZones.meaning.title')}
      </Title>
      <Text maw={760} mb="md">
        {t('publicZones.meaning.intro')}
      </Text>
      <dl className="zone-meanings">
        {CLASSES.map((zoneClass) => (
          <div key={zoneClass}>
            <dt>
              <ClassBadge zoneClass={zoneClass} />
            </dt>
            <dd>{t(`publicZones.meaning.${zoneClass}`)}</dd>
          </div>
        ))}
      </dl>
      <Text maw={760} mt="md" fw={600}>
        {t('publicZones.meaning.choice')}
      </Text>
    </section>
  );
}

/** Each published class is anchored in the public transparency log (a zone page names the entry in its details). */
export function TransparencyNote() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="zone-log-title">
      <Title id="zone-log-title" order={2} mb="sm">
        {t('publicZones.log.title')}
      </Title>
      <Stack gap="xs" maw={760}>
        <Text>{t('publicZones.log.text')}</Text>
        <Text>
          <Anchor href={`${API_BASE}/public/checkpoint`}>{t('publicZones.log.checkpoint')}</Anchor>
        </Text>
      </Stack>
    </section>
  );
}
