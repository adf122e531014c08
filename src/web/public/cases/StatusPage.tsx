import { Alert, Button, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatusPageAnswer, PublicCaseStatus } from '../../../shared/cases/schemas.ts';
import { usePageStatus, usePageTitle } from '../../components/page.ts';
import { useFormState } from '../page-context.tsx';
import { useDayFormat } from './format.ts';

/** The form's id in the page's state, as the server's src/server/cases/status-page.ts sends it back. */
const FORM = 'case-status';

/**
 * `/cases/status`: where a case stands, for whoever holds its registration slip. A plain form posting the case
 * reference and the slip's code to this page; the server answers with this page again, showing the stage, the
 * next decision and its due date, an open appeal, and how to appeal. Nothing about anyone: no name, no place.
 */
export default function StatusPage() {
  const { t } = useTranslation();
  usePageTitle(t('caseStatus.title'));
  const sent = useFormState(FORM);
  const answer = sent?.answer as CaseStatusPageAnswer | undefined;
  const status = answer && 'status' in answer ? answer.status : null;
  const wait = answer && 'retryAfterSeconds' in answer ? answer.retryAfterSeconds : null;
  const error = (field: string) => (sent?.errors[field] ? t(sent.errors[field]) : undefined);
  usePageStatus(wait !== null ? 429 : sent?.errors.code === 'caseStatus.form.notRecognised' ? 404 : 200);
  return (
    <Stack gap="xl" maw={760}>
      <section aria-labelledby="case-status-title">
        <Title id="case-status-title" order={1} mb="md">
          {t('caseStatus.title')}
        </Title>
        <Text size="lg">{t('caseStatus.lead')}</Text>
      </section>

      {status ? <StatusAnswer status={status} /> : null}
      {wait !== null ? (
        <Alert color="red" variant="light" role="alert" title={t('caseStatus.tooMany.title')}>
          {t('caseStatus.tooMany.text', { minutes: Math.max(1, Math.ceil(wait / 60)) })}
        </Alert>
      ) : null}

      {/* Posted, never in the address: the code is a secret. The server answers with this page. */}
      <form method="post" action="/cases/status" aria-labelledby="case-status-form-title">
        <Title id="case-status-form-title" order={2} size="h3" mb="sm">
          {status ? t('caseStatus.form.again') : t('caseStatus.form.title')}
        </Title>
        <Stack gap="md">
          <TextInput
            name="reference"
            label={t('caseStatus.form.reference')}
            description={t('caseStatus.form.referenceHint')}
            defaultValue={sent?.values.reference ?? ''}
            error={error('reference')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            required
            dir="ltr"
          />
          <TextInput
            name="code"
            label={t('caseStatus.form.code')}
            description={t('caseStatus.form.codeHint')}
            error={error('code')}
            autoComplete="off"
            inputMode="numeric"
            maxLength={40}
            required
            dir="ltr"
          />
          <div>
            <Button type="submit">{t('caseStatus.form.submit')}</Button>
          </div>
        </Stack>
      </form>

      <Text size="sm" c="dimmed">
        {t('caseStatus.privacy')}
      </Text>
    </Stack>
  );
}

function StatusAnswer({ status }: { status: PublicCaseStatus }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-status-answer" role="status">
      <Title id="case-status-answer" order={2} mb="sm">
        {t('caseStatus.answer.title')} <bdi dir="ltr">{status.reference}</bdi>
      </Title>
      <Stack gap="sm">
        <Text>
          <strong>{t('caseStatus.answer.stage')}</strong> {t(`caseStatus.stage.${status.stage}`)}
        </Text>
        {status.nextDecision ? (
          <Text>
            <strong>{t('caseStatus.answer.next')}</strong>{' '}
            {t('caseStatus.answer.nextDue', {
              kind: t(`caseStatus.kind.${status.nextDecision.kind}`),
              date: day(status.nextDecision.dueOn),
            })}
            {status.nextDecision.overdue ? ` ${t('caseStatus.answer.late')}` : ''}
          </Text>
        ) : (
          <Text>{t('caseStatus.answer.noNext')}</Text>
        )}
        {status.appeal ? (
          <Text>
            <strong>{t('caseStatus.answer.appeal')}</strong>{' '}
            {t('caseStatus.answer.appealDue', { date: day(status.appeal.dueOn) })}
            {status.appeal.overdue ? ` ${t('caseStatus.answer.late')}` : ''}
          </Text>
        ) : null}
      </Stack>
      <Title order={3} size="h4" mt="md" mb="xs">
        {t('caseStatus.howToAppeal.title')}
      </Title>
      <Text mb="xs">
        {status.appealable ? t('caseStatus.howToAppeal.appealable') : t('caseStatus.howToAppeal.general')}
      </Text>
      <List spacing="xs">
        <List.Item>{t('caseStatus.howToAppeal.step1')}</List.Item>
        <List.Item>{t('caseStatus.howToAppeal.step2')}</List.Item>
        <List.Item>{t('caseStatus.howToAppeal.step3')}</List.Item>
      </List>
    </Paper>
  );
}
