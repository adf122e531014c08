import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ASSESSMENT_RATINGS, type AssessmentRating } from '../../../../shared/forum/constants.ts';
import type { Commitment, CommitmentHistoryEntry } from '../../../../shared/forum/schemas/commitments.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan, useMe } from '../../session.ts';
import {
  CommitmentStatusText,
  DueDay,
  type EvidenceDraft,
  EvidenceFields,
  EvidenceList,
  evidenceBody,
  IndicatorText,
  RatingText,
  useDayFormat,
} from './labels.tsx';
import { useCommitment, useCommitmentStep } from './queries.ts';

const TEXT_MAX = 5000;

/**
 * `forum/commitments/:id`: one commitment. What was promised, by whom and by when, where it stands; its whole
 * history, oldest first: the owner's updates with their evidence, the independent assessments with their reasons,
 * its closing. The owner reports progress; civil society and monitors assess it; the chair closes it.
 */
export default function CommitmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const commitment = useCommitment(id);
  const [done, setDone] = useState('');
  if (commitment.isPending) return <PageLoader />;
  if (commitment.isError) {
    return (
      <>
        <ScreenHeader title={t('forumCommitments.item.screen')} />
        <ErrorPanel error={commitment.error} onRetry={() => void commitment.refetch()} />
        <BackLink />
      </>
    );
  }
  return <CommitmentView commitment={commitment.data} done={done} setDone={setDone} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/staff/forum/commitments" display="inline-block" mb="md">
      {t('forumCommitments.item.back')}
    </Anchor>
  );
}

function CommitmentView({
  commitment,
  done,
  setDone,
}: {
  commitment: Commitment;
  done: string;
  setDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const can = useCan();
  const me = useMe();
  const owner = me.organisation.id === commitment.owner.id;
  const open = commitment.status === 'open';
  return (
    <>
      <ScreenHeader
        title={t('forumCommitments.item.title', { owner: commitment.owner.name })}
        description={t('forumCommitments.item.due', { date: day(commitment.dueOn) })}
      />
      <BackLink />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        <Text size="lg" fw={600} dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {commitment.text}
        </Text>
        {commitment.overdue ? (
          <Alert color="red" variant="light" title={t('forumCommitments.overdue')} data-testid="overdue-note">
            {t('forumCommitments.item.overdueNote', { date: day(commitment.dueOn) })}
          </Alert>
        ) : null}
        <Facts columns={3}>
          <Fact label={t('forumCommitments.column.owner')}>{commitment.owner.name}</Fact>
          <Fact label={t('forumCommitments.column.due')}>
            <DueDay commitment={commitment} />
          </Fact>
          <Fact label={t('forumCommitments.column.status')}>
            <CommitmentStatusText commitment={commitment} />
          </Fact>
          <Fact label={t('forumCommitments.column.indicator')}>
            <IndicatorText commitment={commitment} />
          </Fact>
          <Fact label={t('forumCommitments.item.where')}>
            {commitment.pcode || commitment.stateCode ? (
              <span className="ltr-value">{commitment.pcode ?? commitment.stateCode}</span>
            ) : (
              t('forumCommitments.item.nowhere')
            )}
          </Fact>
          <Fact label={t('forumCommitments.column.assessment')}>
            {commitment.latestAssessment ? (
              <RatingText rating={commitment.latestAssessment.rating} />
            ) : (
              t('forumCommitments.assessment.none')
            )}
          </Fact>
        </Facts>
        <Section title={t('forumCommitments.history.title')} id="commitment-history">
          <History entries={commitment.history} />
        </Section>
        {can('commitment:update') && open ? (
          <Section title={t('forumCommitments.update.title')} id="commitment-update">
            {owner ? (
              <UpdateForm id={commitment.id} setDone={setDone} />
            ) : (
              <Text c="dimmed">{t('forumCommitments.update.ownerOnly', { owner: commitment.owner.name })}</Text>
            )}
          </Section>
        ) : null}
        {can('commitment:assess') ? (
          <Section title={t('forumCommitments.assess.title')} id="commitment-assess">
            {owner ? (
              <Text c="dimmed">{t('forumCommitments.assess.notOwn')}</Text>
            ) : (
              <AssessForm id={commitment.id} setDone={setDone} />
            )}
          </Section>
        ) : null}
        {can('commitment:manage') && open ? (
          <Section title={t('forumCommitments.close.title')} id="commitment-close">
            <CloseForm id={commitment.id} setDone={setDone} />
          </Section>
        ) : null}
      </Stack>
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The entries by time, oldest first; entries of the same moment keep their order (the sort is stable). */
const chronological = (entries: readonly CommitmentHistoryEntry[]) =>
  [...entries].sort((a, b) => a.at.localeCompare(b.at));

/** The commitment's life, oldest first: made, each update with its evidence, each assessment with its reasons, closed. */
function History({ entries }: { entries: readonly CommitmentHistoryEntry[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = useDayFormat();
  const prose = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
  return (
    <Stack
      gap="md"
      component="ol"
      data-testid="commitment-history"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {chronological(entries).map((entry) => (
        <li key={`${entry.kind}-${entry.at}`}>
          {entry.kind === 'made' ? (
            <Text size="sm" fw={700}>
              {t('forumCommitments.history.made', { date: format.dateTime(entry.at) })}
            </Text>
          ) : entry.kind === 'update' ? (
            <>
              <Text size="sm" fw={700}>
                {t('forumCommitments.history.update', {
                  organisation: entry.organisation.name,
                  date: format.dateTime(entry.at),
                })}
              </Text>
              <Text dir="auto" style={prose}>
                {entry.text}
              </Text>
              {entry.evidence.length > 0 ? (
                <>
                  <Text size="sm" fw={600} mt={4}>
                    {t('forumCommitments.evidence.title')}
                  </Text>
                  <EvidenceList evidence={entry.evidence} />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('forumCommitments.evidence.none')}
                </Text>
              )}
            </>
          ) : entry.kind === 'assessment' ? (
            <>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={700}>
                  {t('forumCommitments.history.assessment', {
                    organisation: entry.organisation.name,
                    date: format.dateTime(entry.at),
                  })}
                </Text>
                <RatingText rating={entry.rating} />
              </Group>
              <Text dir="auto" style={prose}>
                {entry.reasons}
              </Text>
            </>
          ) : (
            <>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={700}>
                  {t('forumCommitments.history.closed', { date: day(entry.at.slice(0, 10)) })}
                </Text>
                <StatusBadge tone={entry.status === 'kept' ? 'good' : 'bad'}>
                  {t(`forumCommitments.status.${entry.status}`)}
                </StatusBadge>
              </Group>
              <Text dir="auto" style={prose}>
                {entry.reason}
              </Text>
            </>
          )}
        </li>
      ))}
    </Stack>
  );
}

/** The owner's progress report, with evidence. */
function UpdateForm({ id, setDone }: { id: string; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const step = useCommitmentStep(id);
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate(
      { step: 'updates', body: { text: text.trim(), evidence: evidenceBody(evidence) } },
      {
        onSuccess: () => {
          setText('');
          setEvidence([]);
          setDone(t('forumCommitments.update.done'));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={760}>
        <Text size="sm">{t('forumCommitments.update.intro')}</Text>
        <FormError error={step.error} />
        <Textarea
          label={t('forumCommitments.update.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={TEXT_MAX}
          required
          autosize
          minRows={3}
          error={fieldError(t, step.error, 'text')}
        />
        <EvidenceFields value={evidence} onChange={setEvidence} error={step.error} />
        <div>
          <Button type="submit" loading={step.isPending} disabled={!text.trim()}>
            {t('forumCommitments.update.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** An independent assessment, always with its reasons. */
function AssessForm({ id, setDone }: { id: string; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const step = useCommitmentStep(id);
  const [rating, setRating] = useState<AssessmentRating | ''>('');
  const [reasons, setReasons] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating) return;
    step.mutate(
      { step: 'assessments', body: { rating, reasons: reasons.trim() } },
      {
        onSuccess: () => {
          setRating('');
          setReasons('');
          setDone(t('forumCommitments.assess.done'));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={760}>
        <Text size="sm">{t('forumCommitments.assess.intro')}</Text>
        <FormError error={step.error} />
        <NativeSelect
          label={t('forumCommitments.assess.rating')}
          value={rating}
          onChange={(event) => setRating(event.currentTarget.value as AssessmentRating | '')}
          required
          error={fieldError(t, step.error, 'rating')}
        >
          <option value="">{t('forumCommitments.assess.chooseRating')}</option>
          {ASSESSMENT_RATINGS.map((value) => (
            <option key={value} value={value}>
              {t(`forumCommitments.rating.${value}`)}
            </option>
          ))}
        </NativeSelect>
        <Textarea
          label={t('forumCommitments.assess.reasons')}
          description={t('forumCommitments.assess.reasonsHint')}
          value={reasons}
          onChange={(event) => setReasons(event.currentTarget.value)}
          maxLength={TEXT_MAX}
          required
          autosize
          minRows={3}
          error={fieldError(t, step.error, 'reasons')}
        />
        <div>
          <Button type="submit" loading={step.isPending} disabled={!rating || !reasons.trim()}>
            {t('forumCommitments.assess.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** Closing the commitment kept or broken, with the reason; kept on or before its due date counts as on time. */
function CloseForm({ id, setDone }: { id: string; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const step = useCommitmentStep(id);
  const [status, setStatus] = useState<'kept' | 'broken' | ''>('');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    step.mutate(
      { step: 'close', body: { status, reason: reason.trim() } },
      {
        onSuccess: () => {
          setReason('');
          setDone(t(`forumCommitments.close.done.${status}`));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={760}>
        <Text size="sm">{t('forumCommitments.close.intro')}</Text>
        <FormError error={step.error} />
        <NativeSelect
          label={t('forumCommitments.close.status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as 'kept' | 'broken' | '')}
          required
          error={fieldError(t, step.error, 'status')}
        >
          <option value="">{t('forumCommitments.close.chooseStatus')}</option>
          <option value="kept">{t('forumCommitments.status.kept')}</option>
          <option value="broken">{t('forumCommitments.status.broken')}</option>
        </NativeSelect>
        <Textarea
          label={t('forumCommitments.close.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={TEXT_MAX}
          required
          autosize
          minRows={2}
          error={fieldError(t, step.error, 'reason')}
        />
        <div>
          <Button type="submit" loading={step.isPending} disabled={!status || !reason.trim()}>
            {t('forumCommitments.close.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
