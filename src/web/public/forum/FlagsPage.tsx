import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Flag } from '../../../shared/forum/schemas/flags.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { RECORD_ID, useFlags } from './api.ts';
import { EvidenceList, Loaded } from './parts.tsx';

/**
 * `/flags`: the watchdog's flags on published items and the formal answers owed to them, once a protection
 * officer has cleared them of personal data; waiting ones first, overdue ones said in words.
 */
export default function FlagsPage() {
  const { t } = useTranslation();
  usePageTitle(t('forumPortal.flags.title'));
  const flags = useFlags();
  return (
    <Stack gap="xl">
      <section aria-labelledby="flags-title">
        <Title id="flags-title" order={1} mb="md">
          {t('forumPortal.flags.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('forumPortal.flags.lead')}
        </Text>
      </section>
      <Loaded query={flags}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('forumPortal.flags.none')}</Text>
          ) : (
            <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {[...data.items]
                .sort(
                  (a, b) =>
                    Number(a.answer !== null) - Number(b.answer !== null) || b.raisedAt.localeCompare(a.raisedAt),
                )
                .map((flag) => (
                  <FlagCard key={flag.id} flag={flag} />
                ))}
            </Stack>
          )
        }
      </Loaded>
    </Stack>
  );
}

/** The flagged item, linked to its public page where it has one. */
function Subject({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const label = t(`forumPortal.subject.${flag.subjectKind}`, { ref: flag.subjectRef });
  if (flag.pcode)
    return (
      <Anchor component={Link} to={`/zones/${flag.pcode}`}>
        {label}
      </Anchor>
    );
  if (flag.subjectKind === 'commitment' && RECORD_ID.test(flag.subjectRef)) {
    return (
      <Anchor component={Link} to={`/commitments/${flag.subjectRef}`}>
        {label}
      </Anchor>
    );
  }
  return <>{label}</>;
}

function FlagCard({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      style={flag.overdue ? { borderInlineStart: '6px solid var(--mantine-color-red-8)' } : undefined}
    >
      <Text fw={600}>
        <Subject flag={flag} />
      </Text>
      <Text size="sm">
        {t('forumPortal.flag.raised', {
          name: flag.raisedBy.name,
          date: format.date(flag.raisedAt),
          responsible: flag.responsible.name,
        })}
      </Text>
      <Text dir="auto" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {flag.concern}
      </Text>
      <EvidenceList evidence={flag.evidence} />
      {flag.answer !== null ? (
        <Card withBorder padding="sm" mt="sm">
          <Text size="sm" fw={600}>
            {t(flag.withinServiceLevel === false ? 'forumPortal.flag.answeredLate' : 'forumPortal.flag.answered', {
              name: flag.responsible.name,
              date: format.date(flag.answeredAt ?? flag.raisedAt),
            })}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {flag.answer}
          </Text>
        </Card>
      ) : flag.answeredAt ? (
        <Text size="sm" mt="xs">
          {t('forumPortal.flag.answerScreening')}
        </Text>
      ) : flag.overdue ? (
        <Text size="sm" fw={700} c="red.9" mt="xs">
          {t('forumPortal.flag.overdue', { due: format.date(flag.dueAt) })}
        </Text>
      ) : (
        <Text size="sm" mt="xs">
          {t('forumPortal.flag.waiting', { due: format.date(flag.dueAt) })}
        </Text>
      )}
    </Card>
  );
}
