import { Alert, Button, Card, Group, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REFERRAL_NEXT, REFERRAL_NOTE_MAX, type ReferralSide } from '../../../../shared/outcomes/alert-constants.ts';
import type { ReferralView } from '../../../../shared/outcomes/schemas/referrals.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan } from '../../session.ts';
import { useReferrals, useUpdateReferral } from './queries.ts';

const TONE = { sent: 'fair', accepted: 'fair', declined: 'bad', completed: 'good', not_completed: 'bad' } as const;

/**
 * `outcomes/referrals`: the referrals the organisation sent (with the outcome the receiver gave) and those it
 * received (what the agreement lets it see, and the answers it gives), earliest due first, the overdue marked.
 */
export default function ReferralsPage() {
  const { t } = useTranslation();
  const can = useCan();
  // Those who only receive referrals (field teams) see no "sent" tab.
  const makes = can('referral:make');
  const [side, setSide] = useState<ReferralSide>(makes ? 'sent' : 'received');
  const [done, setDone] = useState('');
  return (
    <>
      <ScreenHeader title={t('outcomes.referrals.title')} description={t('outcomes.referrals.description')} />
      <Done message={done} onClose={() => setDone('')} />
      <Tabs value={side} onChange={(value) => setSide((value as ReferralSide | null) ?? 'sent')}>
        <Tabs.List>
          {makes ? <Tabs.Tab value="sent">{t('outcomes.referrals.sent')}</Tabs.Tab> : null}
          <Tabs.Tab value="received">{t('outcomes.referrals.received')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={side} pt="md">
          <ReferralList side={side} onDone={setDone} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function ReferralList({ side, onDone }: { side: ReferralSide; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const referrals = useReferrals(side);
  if (referrals.isPending) return <PageLoader />;
  if (referrals.isError) return <ErrorPanel error={referrals.error} onRetry={() => void referrals.refetch()} />;
  if (referrals.data.items.length === 0) {
    return (
      <Alert variant="light" color="gray" maw={640}>
        {t(`outcomes.referrals.empty.${side}`)}
      </Alert>
    );
  }
  return (
    <Stack gap="md" maw={880}>
      {referrals.data.items.map((referral) => (
        <ReferralCard key={referral.id} referral={referral} side={side} onDone={onDone} />
      ))}
    </Stack>
  );
}

function ReferralCard({
  referral,
  side,
  onDone,
}: {
  referral: ReferralView;
  side: ReferralSide;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormatters();
  const update = useUpdateReferral();
  const [note, setNote] = useState('');
  const next = side === 'received' ? REFERRAL_NEXT[referral.status] : [];
  const titleId = `referral-${referral.id}`;
  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={titleId}
      style={referral.overdue ? { borderColor: 'var(--mantine-color-red-9)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title id={titleId} order={2} size="h4">
            {t(`outcomes.alerts.service.${referral.service}`)} ·{' '}
            {side === 'sent' ? (
              <Link to={`/staff/outcomes/households/${referral.householdId}`}>{referral.reference}</Link>
            ) : (
              referral.reference
            )}
          </Title>
          <StatusBadge tone={TONE[referral.status]}>{t(`outcomes.referrals.status.${referral.status}`)}</StatusBadge>
        </Group>
        {referral.overdue ? (
          <Text c="red.9" fw={700}>
            {t('outcomes.referrals.overdue')}
          </Text>
        ) : null}
        <Facts>
          <Fact label={side === 'sent' ? t('outcomes.referrals.to') : t('outcomes.referrals.from')}>
            {side === 'sent' ? referral.toOrganisation : referral.fromOrganisation}
          </Fact>
          <Fact label={t('outcomes.referrals.dueOn')}>{date(referral.dueOn)}</Fact>
          <Fact label={t('outcomes.referrals.made')}>{date(referral.createdAt)}</Fact>
        </Facts>
        {referral.note ? (
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{t('outcomes.referrals.note')}</strong> {referral.note}
          </Text>
        ) : null}
        <ol>
          {referral.updates.map((step) => (
            <li key={`${step.status}-${step.at}`}>
              {t(`outcomes.referrals.status.${step.status}`)} — {dateTime(step.at)}
              {step.note ? <Text style={{ whiteSpace: 'pre-wrap' }}>{step.note}</Text> : null}
            </li>
          ))}
        </ol>
        {next.length > 0 ? (
          <Stack gap="xs">
            <Textarea
              label={t('outcomes.referrals.answerNote')}
              description={t('outcomes.referrals.answerNoteHint')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={REFERRAL_NOTE_MAX}
              autosize
              minRows={2}
            />
            <FormError error={update.error} />
            <Group>
              {next.map((status) => (
                <Button
                  key={status}
                  variant={status === 'accepted' || status === 'completed' ? 'filled' : 'default'}
                  loading={update.isPending && update.variables?.status === status}
                  onClick={() =>
                    update.mutate(
                      { id: referral.id, status, note: note.trim() || undefined },
                      {
                        onSuccess: () => {
                          setNote('');
                          onDone(t(`outcomes.referrals.done.${status}`));
                        },
                      },
                    )
                  }
                >
                  {t(`outcomes.referrals.action.${status}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
