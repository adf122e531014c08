import { useTranslation } from 'react-i18next';
import type { CommentAnswer, ConsultationStatus } from '../../../../shared/forum/constants.ts';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';

const STATUS_TONE: Record<ConsultationStatus, Tone> = { open: 'neutral', closed: 'fair', concluded: 'good' };
const ANSWER_TONE: Record<CommentAnswer, Tone> = { accepted: 'good', partly_accepted: 'fair', not_accepted: 'neutral' };

/** Where a consultation stands: open for comments, closed (answers being written), concluded. */
export function ConsultationStatusText({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_TONE[status]}>{t(`forumConsultations.status.${status}`)}</StatusBadge>;
}

/** A comment's answer, in words with its shape. */
export function AnswerText({ answer }: { answer: CommentAnswer }) {
  const { t } = useTranslation();
  return <StatusBadge tone={ANSWER_TONE[answer]}>{t(`forumConsultations.answer.${answer}`)}</StatusBadge>;
}
