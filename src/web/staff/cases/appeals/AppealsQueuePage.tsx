import { Alert, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_OUTCOMES, type AppealOutcome } from '../../../../shared/cases/constants.ts';
import type { Appeal } from '../../../../shared/cases/schemas.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { AppealCard } from './AppealCard.tsx';
import { useAppealQueue, useReviewAppeal } from './queries.ts';

const REASONS_MAX = 4000;

/**
 * `cases/appeals`: the appeals waiting for the reviewer's organisation, earliest due first, the overdue marked
 * in words and with a red border, each with the form to decide it: an outcome and the written reasons.
 */
export default function AppealsQueuePage() {
  const { t } = useTranslation();
  const queue = useAppealQueue();
  const [done, setDone] = useState('');
  // One review form open at a time: the queue stays a list to scan.
  const [open, setOpen] = useState<string | null>(null);
  const overdue = queue.data?.filter((appeal) => appeal.overdue).length ?? 0;
  return (
    <>
      <ScreenHeader title={t('casesAppeals.queue.title')} description={t('casesAppeals.queue.description')} />
      <Done message={done} onClose={() => setDone('')} />
      {queue.isPending ? (
        <PageLoader />
      ) : queue.isError ? (
        <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <Alert variant="light" color="gray" maw={640}>
          {t('casesAppeals.queue.empty')}
        </Alert>
      ) : (
        <Stack gap="md">
          <Text>
            {t('casesAppeals.queue.summary', { count: queue.data.length })}{' '}
            {overdue > 0 ? <strong>{t('casesAppeals.queue.overdue', { count: overdue })}</strong> : null}
          </Text>
          {queue.data.map((appeal) => (
            <AppealCard key={appeal.id} appeal={appeal} headingLevel={2}>
              {open === appeal.id ? (
                <ReviewForm
                  appeal={appeal}
                  onCancel={() => setOpen(null)}
                  onDecided={(outcome) => {
                    setOpen(null);
                    setDone(t(`casesAppeals.review.done.${outcome}`));
                  }}
                />
              ) : (
                <div>
                  <Button variant="default" onClick={() => setOpen(appeal.id)}>
                    {t('casesAppeals.review.open')}
                  </Button>
                </div>
              )}
            </AppealCard>
          ))}
        </Stack>
      )}
    </>
  );
}

function ReviewForm({
  appeal,
  onDecided,
  onCancel,
}: {
  appeal: Appeal;
  onDecided: (outcome: AppealOutcome) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const review = useReviewAppeal();
  const [outcome, setOutcome] = useState<AppealOutcome | ''>('');
  const [reasons, setReasons] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const titleId = `review-${appeal.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!outcome) problems.outcome = t('casesAppeals.review.outcomeRequired');
    if (!reasons.trim()) problems.reasons = t('casesAppeals.review.reasonsRequired');
    setMissing(problems);
    if (!outcome || Object.keys(problems).length > 0) return;
    review.mutate(
      { appealId: appeal.id, body: { outcome, reasons: reasons.trim() } },
      { onSuccess: () => onDecided(outcome) },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby={titleId} noValidate>
      <Stack gap="sm" maw={640}>
        <Title id={titleId} order={3} size="h5">
          {t('casesAppeals.review.title')}
        </Title>
        <Radio.Group
          label={t('casesAppeals.review.outcome')}
          value={outcome}
          onChange={(value) => {
            setOutcome(value as AppealOutcome);
            setMissing(({ outcome: _, ...rest }) => rest);
          }}
          error={missing.outcome ?? fieldError(t, review.error, 'outcome')}
          required
        >
          <Stack gap={6} mt={6}>
            {APPEAL_OUTCOMES.map((option) => (
              <Radio
                key={option}
                value={option}
                label={t(`casesAppeals.outcome.${option}`)}
                description={t(`casesAppeals.outcomeHint.${option}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('casesAppeals.review.reasons')}
          description={t('casesAppeals.review.reasonsHint')}
          value={reasons}
          onChange={(event) => {
            setReasons(event.currentTarget.value);
            setMissing(({ reasons: _, ...rest }) => rest);
          }}
          maxLength={REASONS_MAX}
          autosize
          minRows={3}
          required
          error={missing.reasons ?? fieldError(t, review.error, 'reasons')}
        />
        <FormError error={review.error} />
        <Group gap="sm">
          <Button type="submit" loading={review.isPending}>
            {t('casesAppeals.review.submit')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('casesAppeals.review.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
