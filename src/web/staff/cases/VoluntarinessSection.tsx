import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProtectionFlag, VoluntarinessFile } from '../../../shared/cases/schemas.ts';
import { API_BASE } from '../../api/api.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useFormatters } from '../../components/format.ts';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ClassBadge } from '../../public/zones/ClassBadge.tsx';
import { formatPeriod } from '../../public/zones/format.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { Done } from '../components/Done.tsx';
import { StatusBadge, type Tone } from '../components/StatusBadge.tsx';
import { zoneLabel } from '../components/ZoneName.tsx';
import { useCan } from '../session.ts';
import { useDay } from './choice/labels.ts';
import { useHouseholdWrite, useVoluntariness } from './choice/queries.ts';

const FILE_TONE: Record<NonNullable<VoluntarinessFile['status']>, Tone> = {
  open: 'fair',
  complete: 'good',
  withdrawn: 'neutral',
};

/**
 * The household page's voluntariness: the intended zone's class today, each adult's and unaccompanied child's
 * file step by step with its dates, the protection flags (closed by a protection officer), and a way to record a
 * person's withdrawal, asked for confirmation first. The steps themselves are recorded on the counselling form.
 */
export function VoluntarinessSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const query = useVoluntariness(householdId);
  const [done, setDone] = useState('');
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const open = data.flags.filter((flag) => flag.status === 'open');
  const nameOf = (personId: string | null) =>
    data.files.find((file) => file.personId === personId)?.name ?? t('casesChoice.flag.household');
  return (
    <section aria-labelledby="voluntariness-title">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Title order={2} id="voluntariness-title">
          {t('casesChoice.voluntariness.title')}
        </Title>
        {can('case:counsel') ? (
          <Button component={Link} to={`/staff/cases/households/${householdId}/counselling`} variant="default">
            {t('casesChoice.counselling.open')}
          </Button>
        ) : null}
      </Group>
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <Text>
            {t('casesChoice.destination.label', {
              pcode: zoneLabel(data.destination.zoneName, data.destination.pcode, i18n.language),
            })}
          </Text>
          <ClassBadge zoneClass={data.destination.class} />
          <Text size="sm" c="dimmed">
            {data.destination.period
              ? t(data.destination.fresh ? 'casesChoice.destination.period' : 'casesChoice.destination.stale', {
                  period: formatPeriod(data.destination.period, i18n.language),
                })
              : t('casesChoice.destination.neverPublished')}
          </Text>
        </Group>
        {open.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            title={t('casesChoice.flag.openTitle', { count: open.length })}
            role="alert"
          >
            <Text size="sm">{t('casesChoice.flag.openIntro')}</Text>
          </Alert>
        ) : null}
        {data.flags.map((flag) => (
          <FlagCard
            key={flag.id}
            householdId={householdId}
            flag={flag}
            person={nameOf(flag.personId)}
            onClosed={() => setDone(t('casesChoice.flag.closedDone'))}
          />
        ))}
        {data.files.length === 0 ? <Text>{t('casesChoice.voluntariness.noMembers')}</Text> : null}
        {data.files.map((file) => (
          <FileCard
            key={file.personId}
            householdId={householdId}
            file={file}
            onWithdrawn={() => setDone(t('casesChoice.withdraw.done', { name: file.name }))}
          />
        ))}
      </Stack>
    </section>
  );
}

function FileCard({
  householdId,
  file,
  onWithdrawn,
}: {
  householdId: string;
  file: VoluntarinessFile;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const day = useDay();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useHouseholdWrite<{ reason?: string }>(householdId, `people/${file.personId}/withdrawal`);
  const canWithdraw = can('case:counsel') && (file.status === 'open' || file.status === 'complete');
  const steps: string[] = [];
  if (file.intentionOn) steps.push(t('casesChoice.file.intention', { date: day(file.intentionOn) }));
  for (const session of file.sessions) {
    steps.push(
      t('casesChoice.file.session', {
        date: day(session.heldOn),
        organisation: session.organisationName ?? '',
        language: session.language,
        private: session.private ? 'yes' : 'no',
      }),
    );
  }
  for (const given of file.zoneInformation) {
    steps.push(
      t('casesChoice.file.zoneInformation', {
        date: day(given.givenOn),
        zoneClass: t(`zoneTerms.class.${given.zoneClass}`),
      }),
    );
  }
  for (const visit of file.goAndSee) steps.push(t('casesChoice.file.goAndSee', { date: day(visit.visitedOn) }));
  if (file.declaration) {
    steps.push(
      t('casesChoice.file.declaration', { date: day(file.declaration.signedOn), witness: file.declaration.witness }),
    );
  }
  if (file.coolingOffEndsOn)
    steps.push(
      t(file.nextStep === 'cooling_off' ? 'casesChoice.file.coolingOff' : 'casesChoice.file.coolingOffEnded', {
        date: day(file.coolingOffEndsOn),
      }),
    );
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            {file.name}
          </Title>
          <StatusBadge tone={file.status ? FILE_TONE[file.status] : 'unknown'}>
            {t(`casesChoice.fileStatus.${file.status ?? 'none'}`)}
          </StatusBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`casesChoice.relationship.${file.relationship}`, { defaultValue: file.relationship })}
          {file.unaccompanied ? ` · ${t('casesChoice.file.unaccompanied')}` : ''}
        </Text>
        {steps.length > 0 ? (
          <List size="sm" spacing={4}>
            {steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        ) : null}
        {file.declaration?.scan ? (
          // A download, not a page: the server checks who asks and writes the opening to the access log.
          <Anchor
            size="sm"
            href={`${API_BASE}/cases/households/${encodeURIComponent(householdId)}/people/${encodeURIComponent(file.personId)}/declaration/scan`}
            download
          >
            {t('casesChoice.file.downloadScan')}
          </Anchor>
        ) : null}
        {file.sessions.some((session) => session.coercionIndicators.length > 0) ? (
          <Text size="sm" c="red.9">
            {t('casesChoice.file.coercion', {
              indicators: [...new Set(file.sessions.flatMap((session) => session.coercionIndicators))]
                .map((code) => t(`casesChoice.indicator.${code}`))
                .join(', '),
            })}
          </Text>
        ) : null}
        {file.status === 'withdrawn' && file.withdrawnAt ? (
          <Text size="sm">{t('casesChoice.file.withdrawn', { date: day(file.withdrawnAt.slice(0, 10)) })}</Text>
        ) : null}
        {file.nextStep ? (
          <Text size="sm" fw={500}>
            {t('casesChoice.file.next', { step: t(`casesChoice.step.${file.nextStep}`) })}
          </Text>
        ) : null}
        {canWithdraw ? (
          <Group>
            <Button variant="default" color="red" onClick={() => setConfirming(true)}>
              {t('casesChoice.withdraw.button')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('casesChoice.withdraw.title', { name: file.name })}
        confirmLabel={t('casesChoice.withdraw.confirm')}
        pending={withdraw.isPending}
        error={withdraw.error}
        onClose={() => {
          setConfirming(false);
          withdraw.reset();
        }}
        onConfirm={() =>
          withdraw.mutate(reason.trim() ? { reason: reason.trim() } : {}, {
            onSuccess: () => {
              setConfirming(false);
              setReason('');
              onWithdrawn();
            },
          })
        }
      >
        <Stack gap="sm">
          <Text size="sm">{t('casesChoice.withdraw.explain')}</Text>
          <Textarea
            label={t('casesChoice.withdraw.reason')}
            description={t('casesChoice.withdraw.reasonHelp')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={4000}
            autosize
            minRows={2}
          />
        </Stack>
      </ConfirmDialog>
    </Card>
  );
}

function FlagCard({
  householdId,
  flag,
  person,
  onClosed,
}: {
  householdId: string;
  flag: ProtectionFlag;
  person: string;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const [resolution, setResolution] = useState('');
  const close = useHouseholdWrite<{ resolution: string }>(householdId, `protection-flags/${flag.id}/closure`);
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <StatusBadge tone={flag.status === 'open' ? 'bad' : 'good'}>
            {t(`casesChoice.flag.status.${flag.status}`)}
          </StatusBadge>
          <Text size="sm" fw={500}>
            {person}
          </Text>
        </Group>
        <Text size="sm">{flag.indicators.map((code) => t(`casesChoice.indicator.${code}`)).join(', ')}</Text>
        {flag.status === 'closed' && flag.resolution ? (
          <Text size="sm">{t('casesChoice.flag.resolution', { resolution: flag.resolution })}</Text>
        ) : null}
        {flag.status === 'open' && can('case:protect') ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!resolution.trim()) return;
              close.mutate({ resolution: resolution.trim() }, { onSuccess: onClosed });
            }}
          >
            <Stack gap="xs">
              <FormError error={close.error} />
              <Textarea
                label={t('casesChoice.flag.resolutionLabel')}
                required
                value={resolution}
                onChange={(event) => setResolution(event.currentTarget.value)}
                maxLength={4000}
                autosize
                minRows={2}
              />
              <Group>
                <Button type="submit" loading={close.isPending} disabled={!resolution.trim()}>
                  {t('casesChoice.flag.close')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('casesChoice.flag.raisedAt', { date: format.dateTime(flag.raisedAt) })}
        </Text>
      </Stack>
    </Card>
  );
}
