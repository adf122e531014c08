import { Alert, Anchor, Button, Card, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PUBLIC_COMMENT_MAX_CHARS } from '../../../shared/forum/constants.ts';
import type { Comment, CommentTarget, Consultation } from '../../../shared/forum/schemas/consultations.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageTitle } from '../../components/page.ts';
import { useFormState } from '../page-context.tsx';
import { localized } from '../zones/format.ts';
import { COMMENT_FORM, type CommentFormAnswer } from './answers.ts';
import { RECORD_ID, useConsultation } from './api.ts';
import { Loaded, RecordNotFound } from './parts.tsx';

/**
 * `/consultations/:id`: a consultation on a draft of the zone criteria. While open, anyone comments on the draft
 * or one of its criteria or indicators through a plain form that works without JavaScript (nothing about the
 * sender is kept); once concluded, every comment with its written answer: what you said, what we did.
 */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const back = t('forumPortal.consultations.back');
  if (!RECORD_ID.test(id)) return <RecordNotFound back="/consultations" backLabel={back} />;
  return <ConsultationRecord id={id} />;
}

function ConsultationRecord({ id }: { id: string }) {
  const { t } = useTranslation();
  const consultation = useConsultation(id);
  usePageTitle(consultation.data?.title ?? t('forumPortal.consultations.title'));
  if (consultation.data === null) {
    return <RecordNotFound back="/consultations" backLabel={t('forumPortal.consultations.back')} />;
  }
  return <Loaded query={consultation}>{(data) => (data ? <ConsultationSections consultation={data} /> : null)}</Loaded>;
}

function ConsultationSections({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="xl">
      <section aria-labelledby="consultation-title">
        <Anchor component={Link} to="/consultations" size="sm">
          {t('forumPortal.consultations.back')}
        </Anchor>
        <Title id="consultation-title" order={1} mt="xs" dir="auto">
          {consultation.title}
        </Title>
        <Text mt="xs">
          {t(`forumPortal.consultationStatus.${consultation.status}`)} ·{' '}
          {t('forumPortal.consultation.period', {
            opens: format.date(consultation.opensAt),
            closes: format.date(consultation.closesAt),
          })}
        </Text>
        <Text size="sm">{t('forumPortal.consultation.version', { version: consultation.frameworkVersion })}</Text>
        <Text mt="md" maw={760} dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {consultation.summary}
        </Text>
      </section>
      {consultation.status === 'open' ? (
        <CommentForm consultation={consultation} />
      ) : consultation.status === 'closed' ? (
        <Text>
          {t('forumPortal.consultation.beingAnswered', {
            comments: consultation.comments,
            unanswered: consultation.unanswered,
          })}
        </Text>
      ) : (
        <Answers consultation={consultation} />
      )}
    </Stack>
  );
}

/** The criterion or indicator's name in the reader's language, or "the draft as a whole". */
function useTargetName(targets: readonly CommentTarget[]) {
  const { t, i18n } = useTranslation();
  return (code: string | null) => {
    if (code === null) return t('forumPortal.comment.wholeDraft');
    const target = targets.find((candidate) => candidate.code === code);
    return target ? localized(target.name, i18n.language, code) : code;
  };
}

function CommentForm({ consultation }: { consultation: Consultation }) {
  const { t, i18n } = useTranslation();
  const { search } = useLocation();
  const sent = useFormState(COMMENT_FORM);
  const answer = sent?.answer as CommentFormAnswer | undefined;
  const value = (name: string) => sent?.values[name] ?? '';
  const error = (name: string) => (sent?.errors[name] ? t(sent.errors[name]) : undefined);
  const nameOf = useTargetName(consultation.targets);
  const received = !sent && new URLSearchParams(search).get('comment') === 'received';
  const hasErrors = sent !== undefined && Object.keys(sent.errors).length > 0;
  return (
    <section aria-labelledby="comment-form-title" id="comment-form">
      {received ? (
        <Alert color="green" variant="light" role="status" title={t('forumPortal.comment.receivedTitle')} mb="md">
          {t('forumPortal.comment.receivedText')}
        </Alert>
      ) : null}
      {answer && 'retryAfterSeconds' in answer ? (
        <Alert color="red" variant="light" role="alert" title={t('forumPortal.comment.tooManyTitle')} mb="md">
          {t('forumPortal.comment.tooManyText', { minutes: Math.max(1, Math.ceil(answer.retryAfterSeconds / 60)) })}
        </Alert>
      ) : null}
      {answer && 'problem' in answer ? (
        <Alert color="red" variant="light" role="alert" title={answer.problem.title} mb="md">
          {answer.problem.detail}
        </Alert>
      ) : null}
      {answer && 'refused' in answer ? (
        <Alert color="red" variant="light" role="alert" title={t('forumPortal.comment.refusedTitle')} mb="md">
          {answer.refused === 'too_large' ? t('forumPortal.comment.tooLarge') : t('forumPortal.comment.unreadable')}
        </Alert>
      ) : null}
      {hasErrors ? (
        <Alert color="red" variant="light" role="alert" title={t('forumPortal.comment.errorsTitle')} mb="md">
          {t('forumPortal.comment.errorsText')}
        </Alert>
      ) : null}
      <form method="post" action={`/consultations/${consultation.id}`} acceptCharset="UTF-8">
        <Title id="comment-form-title" order={2} size="h3" mb="xs">
          {t('forumPortal.comment.title')}
        </Title>
        <Text size="sm" mb="md" maw={760}>
          {t('forumPortal.comment.lead')}
        </Text>
        <input type="hidden" name="language" value={i18n.language} />
        <Stack gap="md" maw={760}>
          <NativeSelect
            name="target"
            label={t('forumPortal.comment.target')}
            defaultValue={value('target')}
            error={error('target')}
            data={[
              { value: '', label: nameOf(null) },
              ...consultation.targets.map((target) => ({
                value: target.code,
                label: target.criterion === null ? nameOf(target.code) : `— ${nameOf(target.code)}`,
              })),
            ]}
          />
          <Textarea
            name="text"
            label={t('forumPortal.comment.text')}
            description={t('forumPortal.comment.textHint', { max: PUBLIC_COMMENT_MAX_CHARS })}
            defaultValue={value('text')}
            error={error('text')}
            required
            rows={6}
            autosize={false}
            maxLength={PUBLIC_COMMENT_MAX_CHARS}
          />
          <div>
            <Button type="submit">{t('forumPortal.comment.send')}</Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}

/** "What you said, what we did": every comment (withheld texts said so) with its answer and reason. */
function Answers({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const nameOf = useTargetName(consultation.targets);
  return (
    <section aria-labelledby="answers-title">
      <Title id="answers-title" order={2} size="h3" mb="sm">
        {t('forumPortal.consultation.answers')}
      </Title>
      {consultation.commentList.length === 0 ? (
        <Text>{t('forumPortal.consultation.noComments')}</Text>
      ) : (
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {consultation.commentList.map((comment) => (
            <AnsweredComment key={comment.id} comment={comment} target={nameOf(comment.target)} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function AnsweredComment({ comment, target }: { comment: Comment; target: string }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder padding="md">
      <Text size="sm" c="dimmed">
        {target} · {comment.organisation ? comment.organisation.name : t('forumPortal.comment.fromPublic')}
      </Text>
      <Text fw={600} size="sm" mt="xs">
        {t('forumPortal.consultation.said')}
      </Text>
      {comment.text === null ? (
        <Text fs="italic">{t('forumPortal.consultation.withheld')}</Text>
      ) : (
        <Text dir="auto" lang={comment.language} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {comment.text}
        </Text>
      )}
      <Text fw={600} size="sm" mt="xs">
        {t('forumPortal.consultation.did')} {comment.answer ? t(`forumPortal.answer.${comment.answer}`) : ''}
      </Text>
      {comment.answerReason ? (
        <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {comment.answerReason}
        </Text>
      ) : null}
    </Card>
  );
}
