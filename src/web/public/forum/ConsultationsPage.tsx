import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsultationList } from '../../../shared/forum/schemas/consultations.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { useConsultations } from './api.ts';
import { Loaded } from './parts.tsx';

/**
 * `/consultations`: the consultations on changes to the return zones' criteria: open ones take comments from
 * anyone, in any portal language; concluded ones show what was said and what was done with it.
 */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('forumPortal.consultations.title'));
  const consultations = useConsultations();
  return (
    <Stack gap="xl">
      <section aria-labelledby="consultations-title">
        <Title id="consultations-title" order={1} mb="md">
          {t('forumPortal.consultations.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('forumPortal.consultations.lead')}
        </Text>
      </section>
      <Loaded query={consultations}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('forumPortal.consultations.none')}</Text>
          ) : (
            <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((consultation) => (
                <ConsultationCard key={consultation.id} consultation={consultation} />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Stack>
  );
}

function ConsultationCard({ consultation }: { consultation: ConsultationList['items'][number] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card component="li" withBorder padding="md">
      <Anchor component={Link} to={`/consultations/${consultation.id}`} fw={600} dir="auto">
        {consultation.title}
      </Anchor>
      <Text size="sm">
        {t(`forumPortal.consultationStatus.${consultation.status}`)} ·{' '}
        {t('forumPortal.consultation.period', {
          opens: format.date(consultation.opensAt),
          closes: format.date(consultation.closesAt),
        })}
      </Text>
      <Text size="sm">
        {t('forumPortal.consultation.counts', { comments: consultation.comments, unanswered: consultation.unanswered })}
      </Text>
    </Card>
  );
}
