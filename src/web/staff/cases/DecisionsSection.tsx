import { Button, Card, Group, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_OUTCOMES } from '../../../shared/cases/constants.ts';
import type { Decision, EligibilityResult } from '../../../shared/cases/schemas.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { FormError } from '../../components/forms.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Done } from '../components/Done.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useCan } from '../session.ts';
import { useDay, useReasonText } from './choice/labels.ts';
import {
  useDecide,
  useEligibility,
  useHouseholdDecisions,
  useHouseholdWrite,
  useRequestEligibilityDecision,
  useVoluntariness,
} from './choice/queries.ts';

/** Outcomes that let a return go ahead: the server refuses them while a rule fails, so the form does too. */
const GOES_AHEAD = new Set(['eligible', 'approved']);

/**
 * The household page's eligibility and decisions: each rule passed or failed with its reason in words (the
 * destination rule marked as one no one can override), then each decision with its responsible organisation,
 * its due date (overdue ones said so), its outcome and rationale; a pending one can be decided here by the
 * responsible organisation.
 */
export function DecisionsSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const eligibility = useEligibility(householdId);
  const decisions = useHouseholdDecisions(householdId);
  const voluntariness = useVoluntariness(householdId);
  const requestDecision = useRequestEligibilityDecision(householdId);
  const [done, setDone] = useState('');
  const stage = voluntariness.data?.stage;
  const pendingEligibility = decisions.data?.decisions.some(
    (decision) => decision.kind === 'eligibility' && decision.status === 'pending',
  );
  return (
    <section aria-labelledby="decisions-title">
      <Title order={2} id="decisions-title" mb="sm">
        {t('casesChoice.decisions.title')}
      </Title>
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="lg">
        {eligibility.isPending ? (
          <PageLoader />
        ) : eligibility.isError ? (
          <ErrorPanel error={eligibility.error} onRetry={() => void eligibility.refetch()} />
        ) : (
          <>
            <EligibilityRows result={eligibility.data} />
            {can('case:decide') && voluntariness.data?.destination.publicationId ? (
              <ConditionsForm
                householdId={householdId}
                result={eligibility.data}
                publicationId={voluntariness.data.destination.publicationId}
                onDone={() => setDone(t('casesChoice.conditions.done'))}
              />
            ) : null}
          </>
        )}
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('casesChoice.decisions.listTitle')}
          </Title>
          {decisions.isPending ? (
            <PageLoader />
          ) : decisions.isError ? (
            <ErrorPanel error={decisions.error} onRetry={() => void decisions.refetch()} />
          ) : decisions.data.decisions.length === 0 ? (
            <Text>{t('casesChoice.decisions.none')}</Text>
          ) : (
            decisions.data.decisions.map((decision) => (
              <DecisionCard
                key={decision.id}
                householdId={householdId}
                decision={decision}
                eligible={eligibility.data?.eligible ?? false}
                onDecided={(outcome) =>
                  setDone(t('casesChoice.decide.done', { outcome: t(`casesChoice.outcome.${outcome}`) }))
                }
              />
            ))
          )}
          {can('case:decide') &&
          decisions.data &&
          !pendingEligibility &&
          (stage === 'declared' || stage === 'not_eligible') ? (
            <Stack gap="xs" align="flex-start">
              <FormError error={requestDecision.error} />
              <Button
                variant="default"
                loading={requestDecision.isPending}
                onClick={() =>
                  requestDecision.mutate(undefined, { onSuccess: () => setDone(t('casesChoice.decisions.requested')) })
                }
              >
                {t('casesChoice.decisions.request')}
              </Button>
            </Stack>
          ) : null}
        </Stack>
      </Stack>
    </section>
  );
}

function EligibilityRows({ result }: { result: EligibilityResult }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const day = useDay();
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {t('casesChoice.eligibility.title')}
        </Title>
        <StatusBadge tone={result.eligible ? 'good' : 'bad'}>
          {t(result.eligible ? 'casesChoice.eligibility.eligible' : 'casesChoice.eligibility.notEligible')}
        </StatusBadge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('casesChoice.eligibility.checkedOn', { date: day(result.checkedOn) })}
      </Text>
      <StackTable>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('casesChoice.eligibility.rule')}</Table.Th>
            <Table.Th>{t('casesChoice.eligibility.verdict')}</Table.Th>
            <Table.Th>{t('casesChoice.eligibility.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row) => (
            <Table.Tr key={row.rule}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`casesChoice.rule.${row.rule}`)}
                </Text>
                {row.rule === 'destination_safe' ? (
                  <Text size="xs" c="dimmed">
                    {t('casesChoice.eligibility.guard')}
                  </Text>
                ) : null}
              </Table.Td>
              {/* Wide enough that "Met" or "Not met" never breaks inside a word. */}
              <Table.Td style={{ minWidth: '8rem' }}>
                <StatusBadge tone={row.passed ? 'good' : 'bad'}>
                  {t(row.passed ? 'casesChoice.eligibility.passed' : 'casesChoice.eligibility.failed')}
                </StatusBadge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{reasonText(row)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackTable>
    </Stack>
  );
}

/** Why the destination rule waits on this household: a conditionally conducive class whose conditions it has not met. */
const CONDITIONS_WANTED = new Set(['conditions_not_addressed', 'conditions_addressed_for_earlier_class']);

/** Records how the conditions of the zone's class in force are addressed for this household. */
function ConditionsForm({
  householdId,
  result,
  publicationId,
  onDone,
}: {
  householdId: string;
  result: EligibilityResult;
  publicationId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [how, setHow] = useState('');
  const address = useHouseholdWrite<{ publicationId: string; how: string }>(householdId, 'conditions');
  const destination = result.rows.find((row) => row.rule === 'destination_safe');
  if (!destination || !CONDITIONS_WANTED.has(destination.reason)) return null;
  return (
    <Card withBorder padding="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!how.trim()) return;
          address.mutate({ publicationId, how: how.trim() }, { onSuccess: onDone });
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('casesChoice.conditions.title')}
          </Title>
          <Text size="sm">{t('casesChoice.conditions.help')}</Text>
          <FormError error={address.error} />
          <Textarea
            label={t('casesChoice.conditions.how')}
            required
            value={how}
            onChange={(event) => setHow(event.currentTarget.value)}
            maxLength={4000}
            autosize
            minRows={2}
          />
          <Group>
            <Button type="submit" loading={address.isPending} disabled={!how.trim()}>
              {t('casesChoice.conditions.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DecisionCard({
  householdId,
  decision,
  eligible,
  onDecided,
}: {
  householdId: string;
  decision: Decision;
  eligible: boolean;
  onDecided: (outcome: string) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const day = useDay();
  const decide = useDecide(householdId);
  const [outcome, setOutcome] = useState('');
  const [rationale, setRationale] = useState('');
  const open = decision.status === 'pending' && decision.responsible && can('case:decide');
  return (
    <Card withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t(`casesChoice.kind.${decision.kind}`)}</Text>
          {decision.status === 'pending' ? (
            <StatusBadge tone={decision.overdue ? 'bad' : 'fair'}>
              {t(decision.overdue ? 'casesChoice.decision.overdue' : 'casesChoice.decision.pending', {
                date: day(decision.dueOn),
              })}
            </StatusBadge>
          ) : (
            <StatusBadge
              tone={GOES_AHEAD.has(decision.outcome ?? '') || decision.outcome === 'accepted' ? 'good' : 'bad'}
            >
              {t(`casesChoice.outcome.${decision.outcome}`)}
            </StatusBadge>
          )}
        </Group>
        <Text size="sm">
          {t('casesChoice.decision.facts', {
            organisation: decision.organisationName ?? '',
            opened: day(decision.openedAt.slice(0, 10)),
            due: day(decision.dueOn),
          })}
        </Text>
        {decision.rationale ? (
          <Text size="sm">{t('casesChoice.decision.rationale', { rationale: decision.rationale })}</Text>
        ) : null}
        {decision.decidedAt ? (
          <Text size="xs" c="dimmed">
            {t('casesChoice.decision.decidedOn', { date: day(decision.decidedAt.slice(0, 10)) })}
          </Text>
        ) : null}
        {decision.status === 'pending' && !decision.responsible ? (
          <Text size="sm" c="dimmed">
            {t('casesChoice.decision.notResponsible')}
          </Text>
        ) : null}
        {open ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!outcome || !rationale.trim()) return;
              decide.mutate(
                { decisionId: decision.id, outcome, rationale: rationale.trim() },
                { onSuccess: () => onDecided(outcome) },
              );
            }}
          >
            <Stack gap="sm" mt="xs">
              <FormError error={decide.error} />
              <Radio.Group
                label={t('casesChoice.decide.outcome')}
                value={outcome}
                onChange={setOutcome}
                required
                description={!eligible ? t('casesChoice.decide.blocked') : undefined}
              >
                <Stack gap={6} mt={6}>
                  {DECISION_OUTCOMES[decision.kind].map((value) => (
                    <Radio
                      key={value}
                      value={value}
                      label={t(`casesChoice.outcome.${value}`)}
                      disabled={GOES_AHEAD.has(value) && !eligible}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('casesChoice.decide.rationale')}
                description={t('casesChoice.decide.rationaleHelp')}
                required
                value={rationale}
                onChange={(event) => setRationale(event.currentTarget.value)}
                maxLength={4000}
                autosize
                minRows={3}
              />
              <Group>
                <Button type="submit" loading={decide.isPending} disabled={!outcome || !rationale.trim()}>
                  {t('casesChoice.decide.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
