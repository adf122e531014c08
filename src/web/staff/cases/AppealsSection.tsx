import { Button, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_LODGERS } from '../../../shared/cases/constants.ts';
import type { AppealableDecision } from '../../../shared/cases/schemas.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { FormError, fieldError } from '../../components/forms.tsx';
import { Done } from '../components/Done.tsx';
import { useCan } from '../session.ts';
import { AppealCard } from './appeals/AppealCard.tsx';
import { useAppealReviewers, useHouseholdAppeals, useLodgeAppeal } from './appeals/queries.ts';

/** As the server allows: grounds are a page at most. */
const GROUNDS_MAX = 4000;

/**
 * The household page's appeals: every appeal of its decisions with its grounds, reviewer, due date and outcome,
 * and, for those who may lodge one, the form to record an appeal of a decided decision, reviewed by another
 * organisation than the one that decided (the list leaves the decider out).
 */
export function AppealsSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const appeals = useHouseholdAppeals(householdId);
  const [done, setDone] = useState('');
  const appealable = appeals.data?.decisions.filter((decision) => decision.appealable) ?? [];
  return (
    <section aria-labelledby="household-appeals-title">
      <Title id="household-appeals-title" order={2} mb="sm">
        {t('casesAppeals.section.title')}
      </Title>
      <Done message={done} onClose={() => setDone('')} />
      {appeals.isPending ? null : appeals.isError ? (
        <ErrorPanel error={appeals.error} onRetry={() => void appeals.refetch()} />
      ) : (
        <Stack gap="md">
          {appeals.data.appeals.length === 0 ? (
            <Text>{t('casesAppeals.section.none')}</Text>
          ) : (
            appeals.data.appeals.map((appeal) => <AppealCard key={appeal.id} appeal={appeal} />)
          )}
          {can('appeal:lodge') ? (
            appealable.length === 0 ? (
              <Text c="dimmed">{t('casesAppeals.lodge.nothing')}</Text>
            ) : (
              <LodgeForm decisions={appealable} onLodged={() => setDone(t('casesAppeals.lodge.done'))} />
            )
          ) : null}
        </Stack>
      )}
    </section>
  );
}

function LodgeForm({ decisions, onLodged }: { decisions: AppealableDecision[]; onLodged: () => void }) {
  const { t } = useTranslation();
  const reviewers = useAppealReviewers(true);
  const lodge = useLodgeAppeal();
  const [decisionId, setDecisionId] = useState(decisions[0]?.id ?? '');
  const [lodgedBy, setLodgedBy] = useState<(typeof APPEAL_LODGERS)[number]>('person');
  const [grounds, setGrounds] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const decision = decisions.find((candidate) => candidate.id === decisionId) ?? decisions[0];
  // Never the organisation that decided: the server refuses it too.
  const choices = (reviewers.data ?? []).filter((org) => org.id !== decision?.organisationId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!grounds.trim()) problems.grounds = t('casesAppeals.lodge.groundsRequired');
    if (!choices.some((org) => org.id === reviewer))
      problems.reviewerOrganisationId = t('casesAppeals.lodge.reviewerRequired');
    setMissing(problems);
    if (Object.keys(problems).length > 0 || !decision) return;
    lodge.mutate(
      { decisionId: decision.id, body: { lodgedBy, grounds: grounds.trim(), reviewerOrganisationId: reviewer } },
      {
        onSuccess: () => {
          setGrounds('');
          setReviewer('');
          onLodged();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby="lodge-appeal-title" noValidate>
      <Stack gap="sm" maw={640}>
        <Title id="lodge-appeal-title" order={3} size="h4">
          {t('casesAppeals.lodge.title')}
        </Title>
        <NativeSelect
          label={t('casesAppeals.lodge.decision')}
          value={decision?.id ?? ''}
          onChange={(event) => {
            setDecisionId(event.currentTarget.value);
            setReviewer('');
          }}
          data={decisions.map((candidate) => ({
            value: candidate.id,
            label: t('casesAppeals.lodge.decisionOption', {
              kind: t(`casesAppeals.kind.${candidate.kind}`),
              outcome: candidate.outcome ? t(`casesAppeals.decisionOutcome.${candidate.outcome}`) : '—',
              organisation: candidate.organisationName ?? '—',
            }),
          }))}
        />
        <Radio.Group
          label={t('casesAppeals.lodge.lodgedBy')}
          value={lodgedBy}
          onChange={(value) => setLodgedBy(value as typeof lodgedBy)}
        >
          <Stack gap={6} mt={6}>
            {APPEAL_LODGERS.map((lodger) => (
              <Radio key={lodger} value={lodger} label={t(`casesAppeals.lodgedBy.${lodger}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('casesAppeals.lodge.grounds')}
          description={t('casesAppeals.lodge.groundsHint')}
          value={grounds}
          onChange={(event) => {
            setGrounds(event.currentTarget.value);
            setMissing(({ grounds: _, ...rest }) => rest);
          }}
          maxLength={GROUNDS_MAX}
          autosize
          minRows={3}
          required
          error={missing.grounds ?? fieldError(t, lodge.error, 'grounds')}
        />
        <NativeSelect
          label={t('casesAppeals.lodge.reviewer')}
          description={t('casesAppeals.lodge.reviewerHint')}
          value={reviewer}
          onChange={(event) => {
            setReviewer(event.currentTarget.value);
            setMissing(({ reviewerOrganisationId: _, ...rest }) => rest);
          }}
          required
          error={missing.reviewerOrganisationId ?? fieldError(t, lodge.error, 'reviewerOrganisationId')}
          data={[
            { value: '', label: t('casesAppeals.lodge.reviewerChoose') },
            ...choices.map((org) => ({ value: org.id, label: org.name })),
          ]}
        />
        {reviewers.isSuccess && choices.length === 0 ? (
          <Text c="red.8" size="sm">
            {t('casesAppeals.lodge.noReviewers')}
          </Text>
        ) : null}
        <FormError error={lodge.error} />
        <div>
          <Button type="submit" loading={lodge.isPending}>
            {t('casesAppeals.lodge.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
