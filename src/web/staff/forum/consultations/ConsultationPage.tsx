import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COMMENT_ANSWERS, type CommentAnswer, PUBLIC_COMMENT_MAX_CHARS } from '../../../../shared/forum/constants.ts';
import type { Comment, Consultation } from '../../../../shared/forum/schemas/consultations.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan } from '../../session.ts';
import type { FrameworkDefinition, FrameworkVersion } from '../../zones/types.ts';
import { useLocalName } from '../../zones/ui.tsx';
import { AnswerText, ConsultationStatusText } from './labels.tsx';
import { groupComments, publicationBlockers, targetOf } from './publication.ts';
import { useAnswerComment, useComment, useConsultation, useFrameworks } from './queries.ts';

const REASON_MAX = 5000;
const LANGUAGES = ['en', 'ar', 'fr'] as const;
const prose = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * `forum/consultations/:id`: one consultation. Why its framework draft cannot be published yet (still open, or
 * comments without their answer); its summary; every comment, from organisations and the public, grouped by the
 * criterion or indicator it is on, each with its written answer or, once the consultation has closed, the form to
 * give it. While it is open, organisations comment here.
 */
export default function ConsultationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  const frameworks = useFrameworks();
  const [done, setDone] = useState('');
  if (consultation.isPending) return <PageLoader />;
  if (consultation.isError) {
    return (
      <>
        <ScreenHeader title={t('forumConsultations.item.screen')} />
        <ErrorPanel error={consultation.error} onRetry={() => void consultation.refetch()} />
        <BackLink />
      </>
    );
  }
  const framework = frameworks.data?.find((version) => version.version === consultation.data.frameworkVersion);
  return <ConsultationView consultation={consultation.data} framework={framework} done={done} setDone={setDone} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/staff/forum/consultations" display="inline-block" mb="md">
      {t('forumConsultations.item.back')}
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

function ConsultationView({
  consultation,
  framework,
  done,
  setDone,
}: {
  consultation: Consultation;
  framework: FrameworkVersion | undefined;
  done: string;
  setDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const open = consultation.status === 'open';
  const groups = groupComments(consultation.commentList, framework?.definition);
  return (
    <>
      <ScreenHeader
        title={consultation.title}
        description={t('forumConsultations.version', { version: format.number(consultation.frameworkVersion) })}
      />
      <BackLink />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        <Publication consultation={consultation} framework={framework} />
        <Facts columns={3}>
          <Fact label={t('forumConsultations.column.status')}>
            <ConsultationStatusText status={consultation.status} />
          </Fact>
          <Fact label={t('forumConsultations.item.opened')}>{format.dateTime(consultation.opensAt)}</Fact>
          <Fact label={open ? t('forumConsultations.item.closes') : t('forumConsultations.item.closed')}>
            {format.dateTime(consultation.closesAt)}
          </Fact>
          <Fact label={t('forumConsultations.column.comments')}>{format.number(consultation.comments)}</Fact>
          <Fact label={t('forumConsultations.column.unanswered')}>{format.number(consultation.unanswered)}</Fact>
        </Facts>
        <Section title={t('forumConsultations.item.summary')} id="consultation-summary">
          <Text dir="auto" style={prose}>
            {consultation.summary}
          </Text>
        </Section>
        {can('consultation:comment') && open ? (
          <Section title={t('forumConsultations.comment.title')} id="consultation-comment">
            <CommentForm id={consultation.id} definition={framework?.definition} setDone={setDone} />
          </Section>
        ) : null}
        <Section title={t('forumConsultations.comments.title')} id="consultation-comments">
          {groups.length === 0 ? (
            <Text c="dimmed">{t('forumConsultations.comments.none')}</Text>
          ) : (
            <Stack gap="lg" data-testid="consultation-comments">
              {groups.map((group) => (
                <Stack
                  key={group.target ?? ''}
                  gap="sm"
                  component="section"
                  aria-labelledby={`comments-on-${group.target ?? 'draft'}`}
                >
                  <Title order={3} size="h5" id={`comments-on-${group.target ?? 'draft'}`}>
                    <TargetName target={group.target} definition={framework?.definition} />{' '}
                    <Text span c="dimmed" size="sm" fw={400}>
                      ({t('forumConsultations.comments.count', { count: group.comments.length })})
                    </Text>
                  </Title>
                  {group.comments.map((comment) => (
                    <CommentCard
                      key={comment.id}
                      consultation={consultation}
                      comment={comment}
                      canAnswer={can('consultation:manage')}
                      setDone={setDone}
                    />
                  ))}
                </Stack>
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
    </>
  );
}

/** Whether the draft may be published, and if not, why: in words, as the guard on publication will say. */
function Publication({
  consultation,
  framework,
}: {
  consultation: Consultation;
  framework: FrameworkVersion | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const version = format.number(consultation.frameworkVersion);
  if (framework?.status === 'published') {
    return (
      <Alert color="green" variant="light" title={t('forumConsultations.publication.title')} data-testid="publication">
        {framework.publishedAt
          ? t('forumConsultations.publication.publishedOn', { version, date: format.date(framework.publishedAt) })
          : t('forumConsultations.publication.published', { version })}
      </Alert>
    );
  }
  const blockers = publicationBlockers(consultation);
  if (blockers.length === 0) {
    return (
      <Alert color="green" variant="light" title={t('forumConsultations.publication.title')} data-testid="publication">
        {t('forumConsultations.publication.ready', { version })}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" title={t('forumConsultations.publication.title')} data-testid="publication">
      <Text size="sm" fw={600}>
        {t('forumConsultations.publication.notYet', { version })}
      </Text>
      <List size="sm" mt={4}>
        {blockers.map((blocker) => (
          <List.Item key={blocker.reason}>
            {blocker.reason === 'open'
              ? t('forumConsultations.publication.open', { date: format.dateTime(blocker.closesAt) })
              : t('forumConsultations.publication.unanswered', { count: blocker.count })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** What a group of comments is on: the draft as a whole, a criterion, or an indicator (with its criterion). */
function TargetName({ target, definition }: { target: string | null; definition: FrameworkDefinition | undefined }) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  if (target === null) return <>{t('forumConsultations.target.whole')}</>;
  const found = targetOf(target, definition);
  const code = (
    <span className="ltr-value" dir="ltr">
      {target}
    </span>
  );
  if (!found) {
    return (
      <>
        {t('forumConsultations.target.code')} {code}
      </>
    );
  }
  if (found.kind === 'criterion') {
    return (
      <>
        {t('forumConsultations.target.criterion', { name: nameOf(found.criterion.name, target) })} ({code})
      </>
    );
  }
  const indicator = found.criterion.indicators.find((item) => item.code === target);
  return (
    <>
      {t('forumConsultations.target.indicator', {
        name: nameOf(indicator?.name, target),
        criterion: nameOf(found.criterion.name, found.criterion.code),
      })}{' '}
      ({code})
    </>
  );
}

function CommentCard({
  consultation,
  comment,
  canAnswer,
  setDone,
}: {
  consultation: Consultation;
  comment: Comment;
  canAnswer: boolean;
  setDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const open = consultation.status === 'open';
  return (
    <Paper withBorder p="sm" component="article" data-testid="consultation-comment">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={700}>
          {comment.organisation
            ? t('forumConsultations.comments.fromOrganisation', {
                organisation: comment.organisation.name,
                date: format.dateTime(comment.createdAt),
              })
            : t('forumConsultations.comments.fromPublic', { date: format.dateTime(comment.createdAt) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t(
            `forumConsultations.language.${(LANGUAGES as readonly string[]).includes(comment.language) ? comment.language : 'en'}`,
          )}
        </Text>
        {comment.withheld ? <StatusBadge tone="bad">{t('forumConsultations.comments.withheld')}</StatusBadge> : null}
      </Group>
      <Text dir="auto" lang={comment.language} style={prose} mt={4}>
        {comment.text ?? t('forumConsultations.comments.textHidden')}
      </Text>
      {comment.answer ? (
        <Stack gap={4} mt="sm" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('forumConsultations.answer.label')}
            </Text>
            <AnswerText answer={comment.answer} />
          </Group>
          {comment.answerReason ? (
            <Text size="sm" dir="auto" style={prose}>
              {comment.answerReason}
            </Text>
          ) : null}
        </Stack>
      ) : open ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('forumConsultations.answer.afterClosing', { date: format.date(consultation.closesAt) })}
        </Text>
      ) : canAnswer ? (
        <AnswerForm consultationId={consultation.id} comment={comment} setDone={setDone} />
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t('forumConsultations.answer.waiting')}
        </Text>
      )}
    </Paper>
  );
}

/** The written answer every comment needs before the draft may be published. */
function AnswerForm({
  consultationId,
  comment,
  setDone,
}: {
  consultationId: string;
  comment: Comment;
  setDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const answer = useAnswerComment(consultationId);
  const [choice, setChoice] = useState<CommentAnswer | ''>('');
  const [reason, setReason] = useState('');
  const [withheld, setWithheld] = useState(comment.withheld);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    answer.mutate(
      { commentId: comment.id, body: { answer: choice, reason: reason.trim(), withheld } },
      { onSuccess: () => setDone(t('forumConsultations.answer.done')) },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('forumConsultations.answer.formLabel')}>
      <Stack gap="xs" mt="sm" maw={720}>
        <FormError error={answer.error} />
        <NativeSelect
          label={t('forumConsultations.answer.choice')}
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value as CommentAnswer | '')}
          required
          error={fieldError(t, answer.error, 'answer')}
        >
          <option value="">{t('forumConsultations.answer.choose')}</option>
          {COMMENT_ANSWERS.map((value) => (
            <option key={value} value={value}>
              {t(`forumConsultations.answer.${value}`)}
            </option>
          ))}
        </NativeSelect>
        <Textarea
          label={t('forumConsultations.answer.reason')}
          description={t('forumConsultations.answer.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={REASON_MAX}
          required
          autosize
          minRows={2}
          error={fieldError(t, answer.error, 'reason')}
        />
        <Checkbox
          label={t('forumConsultations.answer.withhold')}
          description={t('forumConsultations.answer.withholdHint')}
          checked={withheld}
          onChange={(event) => setWithheld(event.currentTarget.checked)}
        />
        <div>
          <Button type="submit" size="sm" loading={answer.isPending} disabled={!choice || !reason.trim()}>
            {t('forumConsultations.answer.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** A comment for the person's organisation, on the whole draft or one of its criteria or indicators. */
function CommentForm({
  id,
  definition,
  setDone,
}: {
  id: string;
  definition: FrameworkDefinition | undefined;
  setDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useLocalName();
  const comment = useComment(id);
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const initial = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  const [language, setLanguage] = useState(initial as (typeof LANGUAGES)[number]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    comment.mutate(
      { text: text.trim(), language, ...(target ? { target } : {}) },
      {
        onSuccess: () => {
          setText('');
          setTarget('');
          setDone(t('forumConsultations.comment.done'));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={760}>
        <Text size="sm">{t('forumConsultations.comment.intro')}</Text>
        <FormError error={comment.error} />
        <NativeSelect
          label={t('forumConsultations.comment.target')}
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value)}
          error={fieldError(t, comment.error, 'target')}
        >
          <option value="">{t('forumConsultations.target.whole')}</option>
          {(definition?.criteria ?? []).map((criterion) => (
            <optgroup key={criterion.code} label={nameOf(criterion.name, criterion.code)}>
              <option value={criterion.code}>
                {t('forumConsultations.target.criterion', { name: nameOf(criterion.name, criterion.code) })}
              </option>
              {criterion.indicators.map((indicator) => (
                <option key={indicator.code} value={indicator.code}>
                  {t('forumConsultations.comment.indicatorOption', { name: nameOf(indicator.name, indicator.code) })}
                </option>
              ))}
            </optgroup>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('forumConsultations.comment.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as (typeof LANGUAGES)[number])}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`forumConsultations.language.${code}`)}
            </option>
          ))}
        </NativeSelect>
        <Textarea
          label={t('forumConsultations.comment.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={PUBLIC_COMMENT_MAX_CHARS}
          required
          autosize
          minRows={4}
          error={fieldError(t, comment.error, 'text')}
        />
        <div>
          <Button type="submit" loading={comment.isPending} disabled={!text.trim()}>
            {t('forumConsultations.comment.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
