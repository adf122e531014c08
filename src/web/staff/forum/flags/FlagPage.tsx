import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Flag } from '../../../../shared/forum/schemas/flags.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { useCan, useMe } from '../../session.ts';
import { EvidenceList } from '../commitments/labels.tsx';
import { FlagDue, ScreeningText, SubjectText } from './labels.tsx';
import { useAnswerFlag, useFlag, useScreenFlag } from './queries.ts';

const ANSWER_MAX = 10_000;
const prose = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * `forum/flags/:id`: one flag. The concern and its evidence, who raised it and who owes the answer by when; the
 * answer once given. A protection officer clears the flag, and later its answer, for publication or withholds it
 * for holding personal data; a person of the responsible organisation answers it.
 */
export default function FlagPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flag = useFlag(id);
  const [done, setDone] = useState('');
  if (flag.isPending) return <PageLoader />;
  if (flag.isError) {
    return (
      <>
        <ScreenHeader title={t('forumFlags.item.screen')} />
        <ErrorPanel error={flag.error} onRetry={() => void flag.refetch()} />
        <BackLink />
      </>
    );
  }
  return <FlagView flag={flag.data} done={done} setDone={setDone} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/staff/forum/flags" display="inline-block" mb="md">
      {t('forumFlags.item.back')}
    </Anchor>
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

function FlagView({ flag, done, setDone }: { flag: Flag; done: string; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const me = useMe();
  const responsible = me.organisation.id === flag.responsible.id;
  return (
    <>
      <ScreenHeader
        title={t('forumFlags.item.title', { organisation: flag.raisedBy.name })}
        description={t(`forumFlags.subject.${flag.subjectKind}`)}
      />
      <BackLink />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        {flag.overdue ? (
          <Alert color="red" variant="light" title={t('forumFlags.due.overdue')}>
            {t('forumFlags.item.overdueNote', {
              organisation: flag.responsible.name,
              date: format.date(flag.dueAt),
            })}
          </Alert>
        ) : null}
        <Facts columns={3}>
          <Fact label={t('forumFlags.column.subject')}>
            <SubjectText flag={flag} />
          </Fact>
          <Fact label={t('forumFlags.column.raisedBy')}>
            {flag.raisedBy.name} · {format.dateTime(flag.raisedAt)}
          </Fact>
          <Fact label={t('forumFlags.column.responsible')}>{flag.responsible.name}</Fact>
          <Fact label={t('forumFlags.column.due')}>
            <FlagDue flag={flag} />
          </Fact>
          <Fact label={t('forumFlags.item.flagScreening')}>
            <ScreeningText part="flag" screening={flag.screening} />
          </Fact>
          {flag.pcode ? (
            <Fact label={t('forumFlags.item.zone')}>
              <span className="ltr-value">{flag.pcode}</span>
            </Fact>
          ) : null}
        </Facts>
        <Section title={t('forumFlags.item.concern')} id="flag-concern">
          <Text dir="auto" style={prose} data-testid="flag-concern">
            {flag.concern}
          </Text>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('forumCommitments.evidence.title')}
          </Title>
          {flag.evidence.length > 0 ? (
            <EvidenceList evidence={flag.evidence} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('forumCommitments.evidence.none')}
            </Text>
          )}
        </Section>
        <Section title={t('forumFlags.answer.title')} id="flag-answer">
          {flag.answer !== null && flag.answeredAt ? (
            <Stack gap="xs">
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={700}>
                  {t('forumFlags.answer.by', {
                    organisation: flag.responsible.name,
                    date: format.dateTime(flag.answeredAt),
                  })}
                </Text>
                {flag.answerScreening ? <ScreeningText part="answer" screening={flag.answerScreening} /> : null}
              </Group>
              <Text dir="auto" style={prose} data-testid="flag-answer-text">
                {flag.answer}
              </Text>
            </Stack>
          ) : can('flag:answer') && responsible ? (
            <AnswerForm id={flag.id} setDone={setDone} />
          ) : (
            <Text c="dimmed">
              {t('forumFlags.answer.waiting', { organisation: flag.responsible.name, date: format.date(flag.dueAt) })}
            </Text>
          )}
        </Section>
        {can('flag:screen') ? <Screening flag={flag} setDone={setDone} /> : null}
      </Stack>
    </>
  );
}

/** The responsible organisation's answer: public once a protection officer has cleared it. */
function AnswerForm({ id, setDone }: { id: string; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const answer = useAnswerFlag(id);
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(
      { answer: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setDone(t('forumFlags.answer.done'));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={760}>
        <Text size="sm">{t('forumFlags.answer.intro')}</Text>
        <FormError error={answer.error} />
        <Textarea
          label={t('forumFlags.answer.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={ANSWER_MAX}
          required
          autosize
          minRows={4}
          error={fieldError(t, answer.error, 'answer')}
        />
        <div>
          <Button type="submit" loading={answer.isPending} disabled={!text.trim()}>
            {t('forumFlags.answer.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** The protection officer's check of the flag, and of its answer once given: cleared for publication, or withheld. */
function Screening({ flag, setDone }: { flag: Flag; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const screen = useScreenFlag(flag.id);
  const decide = (part: 'flag' | 'answer', screening: 'cleared' | 'withheld') =>
    screen.mutate({ part, screening }, { onSuccess: () => setDone(t(`forumFlags.screen.done.${part}.${screening}`)) });
  const parts: { part: 'flag' | 'answer'; state: Flag['screening'] }[] = [
    { part: 'flag', state: flag.screening },
    ...(flag.answerScreening && flag.answer !== null ? [{ part: 'answer' as const, state: flag.answerScreening }] : []),
  ];
  return (
    <Section title={t('forumFlags.screen.title')} id="flag-screening">
      <Stack gap="md">
        <Text size="sm">{t('forumFlags.screen.intro')}</Text>
        <FormError error={screen.error} />
        {parts.map(({ part, state }) => (
          <Stack key={part} gap="xs">
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{t(`forumFlags.screen.part.${part}`)}</Text>
              <ScreeningText part={part} screening={state} />
            </Group>
            <Group gap="sm" wrap="wrap" className="staff-actions">
              <Button
                onClick={() => decide(part, 'cleared')}
                loading={
                  screen.isPending && screen.variables?.part === part && screen.variables.screening === 'cleared'
                }
                disabled={screen.isPending || state === 'cleared'}
              >
                {t(`forumFlags.screen.clear.${part}`)}
              </Button>
              <Button
                variant="default"
                onClick={() => decide(part, 'withheld')}
                loading={
                  screen.isPending && screen.variables?.part === part && screen.variables.screening === 'withheld'
                }
                disabled={screen.isPending || state === 'withheld'}
              >
                {t(`forumFlags.screen.withhold.${part}`)}
              </Button>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}
