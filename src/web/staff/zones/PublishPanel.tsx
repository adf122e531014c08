import { Alert, Anchor, Button, Checkbox, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REASON_MAX } from '../../../shared/zones/constants.ts';
import { api } from '../../api/api.ts';
import { FormError } from '../../components/forms.tsx';
import { ActionBar, ConfirmDialog, Dialog } from '../components/Dialog.tsx';
import { useMe } from '../session.ts';
import { PeriodPublications } from './PeriodPublications.tsx';
import { PublicationFacts } from './PublicationFacts.tsx';
import { problemFor } from './problems.ts';
import { zoneKeys } from './queries.ts';
import { checkCorrection, publicationRequest } from './requests.ts';
import type { PeriodReview, PublicationSummary } from './types.ts';
import { usePeriodName } from './ui.tsx';
import { WaitingList } from './WaitingList.tsx';

function usePublish(period: string, onPublished: (publication: PublicationSummary) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReturnType<typeof publicationRequest>) => api.post<PublicationSummary>('/publications', body),
    onSuccess: async (publication) => {
      queryClient.setQueryData<PeriodReview>(zoneKeys.review(period), (review) =>
        review ? { ...review, publication } : review,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: zoneKeys.publications }),
        queryClient.invalidateQueries({ queryKey: zoneKeys.zones }),
      ]);
      onPublished(publication);
    },
  });
}

/**
 * Publishing a month that has not ended: values may still come in for it, and the published classes would not
 * show them. Said plainly, and acknowledged with a tick before the publish button works.
 */
function MonthNotEnded({
  period,
  checked,
  onChange,
}: {
  period: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const periodName = usePeriodName();
  return (
    <Stack gap="xs">
      <Alert
        color="orange"
        variant="light"
        title={t('zones.review.monthNotEndedTitle', { period: periodName(period) })}
      >
        {t('zones.review.monthNotEndedText')}
      </Alert>
      <Checkbox
        label={t('zones.review.monthNotEndedConfirm', { period: periodName(period) })}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </Stack>
  );
}

/** A correction replaces the period's latest publication; the reason is published with it. */
function CorrectionDialog({
  opened,
  review,
  onClose,
  onPublished,
}: {
  opened: boolean;
  review: PeriodReview;
  onClose: () => void;
  onPublished: (publication: PublicationSummary) => void;
}) {
  const { t } = useTranslation();
  const periodName = usePeriodName();
  const [reason, setReason] = useState('');
  const [check, setCheck] = useState<string | undefined>();
  const [early, setEarly] = useState(false);
  const publish = usePublish(review.period, onPublished);
  const { reset } = publish;
  useLayoutEffect(() => {
    if (!opened) return;
    setCheck(undefined);
    setEarly(false);
    reset();
  }, [opened, reset]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (publish.isPending || !review.publication || (!review.monthEnded && !early)) return;
    const found = checkCorrection(reason).reason;
    setCheck(found);
    if (!found)
      publish.mutate(
        publicationRequest(
          review.period,
          { replaces: review.publication.id, reason },
          { monthNotEnded: !review.monthEnded },
        ),
      );
  };
  return (
    <Dialog
      opened={opened}
      onClose={publish.isPending ? () => undefined : onClose}
      title={t('zones.review.correctionTitle', { period: periodName(review.period) })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={publish.error} />
          <Text size="sm">{t('zones.review.correctionText')}</Text>
          <Textarea
            label={t('zones.review.correctionReason')}
            description={t('zones.review.correctionReasonHint')}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problemFor(t, check, publish.error, 'reason')}
            data-autofocus
          />
          {review.monthEnded ? null : <MonthNotEnded period={review.period} checked={early} onChange={setEarly} />}
          <ActionBar>
            <Button variant="default" onClick={onClose} disabled={publish.isPending}>
              {t('staff.kit.cancel')}
            </Button>
            <Button
              type="submit"
              color="red.9"
              loading={publish.isPending}
              disabled={publish.isPending || (!review.monthEnded && !early)}
            >
              {t('zones.review.publishCorrection')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </Dialog>
  );
}

/**
 * Publishing the period: refused while observations wait for a verifier (the button says why it is disabled);
 * once published, the publication, and a way to publish a correction with a reason.
 */
export function PublishPanel({ review, onDone }: { review: PeriodReview; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const periodName = usePeriodName();
  const [asking, setAsking] = useState<'publish' | 'correct' | null>(null);
  const [early, setEarly] = useState(false);
  const published = (publication: PublicationSummary) => {
    setAsking(null);
    onDone(
      publication.replaces
        ? t('zones.review.correctionDone', { period: periodName(publication.period) })
        : t('zones.review.publishedDone', { period: periodName(publication.period) }),
    );
  };
  const publish = usePublish(review.period, published);
  const blocked = review.unverified > 0;
  const empty = review.zones.length === 0;
  const mayVerify = me.permissions.includes('observation:verify');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-publication">
      <Title order={2} size="h4" id="review-publication" mb="sm">
        {t('zones.review.publicationTitle')}
      </Title>
      <Stack gap="sm">
        <Text id="review-unverified" fw={blocked ? 700 : 400}>
          {t('zones.review.unverified', { count: review.unverified })}{' '}
          {blocked && mayVerify ? (
            <Anchor component={Link} to="/staff/zones/verification">
              {t('zones.review.openQueue')}
            </Anchor>
          ) : null}
        </Text>
        {review.publication ? (
          <>
            <Text>{t('zones.review.alreadyPublished', { period: periodName(review.period) })}</Text>
            <PublicationFacts publication={review.publication} />
            <PeriodPublications period={review.period} />
            <ActionBar justify="flex-start">
              <Button
                variant="outline"
                color="red.9"
                onClick={() => setAsking('correct')}
                disabled={blocked}
                aria-describedby={blocked ? 'review-blocked' : undefined}
              >
                {t('zones.review.publishCorrection')}
              </Button>
            </ActionBar>
          </>
        ) : (
          <ActionBar justify="flex-start">
            <Button
              onClick={() => {
                publish.reset();
                setEarly(false);
                setAsking('publish');
              }}
              disabled={blocked || empty}
              aria-describedby={blocked || empty ? 'review-blocked' : undefined}
            >
              {t('zones.review.publish')}
            </Button>
          </ActionBar>
        )}
        {blocked || (empty && !review.publication) ? (
          <Text id="review-blocked" size="sm">
            {blocked ? t('zones.review.blocked') : t('zones.review.nothingToPublish')}
          </Text>
        ) : null}
        {blocked ? <WaitingList period={review.period} /> : null}
      </Stack>
      <ConfirmDialog
        opened={asking === 'publish'}
        title={t('zones.review.publishTitle', { period: periodName(review.period) })}
        confirmLabel={t('zones.review.publish')}
        pending={publish.isPending}
        error={asking === 'publish' ? publish.error : null}
        onConfirm={() =>
          publish.mutate(publicationRequest(review.period, undefined, { monthNotEnded: !review.monthEnded }))
        }
        onClose={() => setAsking(null)}
        confirmDisabled={!review.monthEnded && !early}
      >
        <Stack gap="sm">
          <Text>{t('zones.review.publishText', { count: review.zones.length })}</Text>
          {review.monthEnded ? null : <MonthNotEnded period={review.period} checked={early} onChange={setEarly} />}
        </Stack>
      </ConfirmDialog>
      <CorrectionDialog
        opened={asking === 'correct'}
        review={review}
        onClose={() => setAsking(null)}
        onPublished={published}
      />
    </Paper>
  );
}
