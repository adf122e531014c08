import { Anchor, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Answers, FormDefinition } from '../../../../shared/outcomes/form.ts';
import type { AnswerProblem } from '../../../../shared/outcomes/form-engine.ts';
import { isApiError } from '../../../api/problem.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { FormError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { ActionBar } from '../../components/Dialog.tsx';
import { Done } from '../../components/Done.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { useFollowUp, useFollowUpForm, useRecordAnswers } from './queries.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * `outcomes/follow-ups/:id/answers`: a worker types in the answers a household gave on the phone or at a visit,
 * in the survey's own form and a language they choose. The server checks them against the form: each problem is
 * shown beside its question, and nothing is kept until all are right; then the follow-up is done.
 */
export default function FollowUpAnswers() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const followUp = useFollowUp(id);
  const form = useFollowUpForm(id);
  const record = useRecordAnswers(id);
  const [answers, setAnswers] = useState<Answers>({});
  const [collectedOn, setCollectedOn] = useState(today);
  const [language, setLanguage] = useState(i18n.language);
  const [done, setDone] = useState('');
  if (followUp.isPending || form.isPending) return <PageLoader />;
  if (followUp.isError) return <ErrorPanel error={followUp.error} onRetry={() => void followUp.refetch()} />;
  if (form.isError) return <ErrorPanel error={form.error} onRetry={() => void form.refetch()} />;
  const definition = form.data.definition as FormDefinition;
  const problems: AnswerProblem[] = isApiError(record.error)
    ? record.error.fieldErrors
        .filter((problem) => problem.name.startsWith('answers.'))
        .map((problem) => ({
          field: problem.name.slice('answers.'.length),
          code: problem.code as AnswerProblem['code'],
          message: problem.message,
        }))
    : [];
  const header = (
    <ScreenHeader
      title={t('outcomes.followUps.answers.title', { reference: followUp.data.reference, count: followUp.data.round })}
      description={t('outcomes.followUps.answers.intro')}
    />
  );
  if (done) {
    return (
      <>
        {header}
        <Done message={done} />
        <Anchor component={Link} to="/staff/outcomes/follow-ups">
          {t('outcomes.followUps.back')}
        </Anchor>
      </>
    );
  }
  return (
    <>
      {header}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate(
            { answers, collectedOn, instrumentId: form.data.id },
            { onSuccess: () => setDone(t('outcomes.followUps.answers.done', { reference: followUp.data.reference })) },
          );
        }}
      >
        <Stack gap="lg" maw={720}>
          <FormError error={record.error} />
          <NativeSelect
            label={t('outcomes.followUps.answers.language')}
            value={definition.languages.includes(language) ? language : definition.defaultLanguage}
            onChange={(event) => setLanguage(event.currentTarget.value)}
            data={definition.languages}
          />
          <TextInput
            type="date"
            label={t('outcomes.followUps.answers.collectedOn')}
            value={collectedOn}
            max={today()}
            onChange={(event) => setCollectedOn(event.currentTarget.value)}
          />
          <div dir={language === 'ar' ? 'rtl' : undefined} lang={language}>
            <FormRenderer
              form={definition}
              language={language}
              answers={answers}
              onChange={setAnswers}
              problems={problems}
            />
          </div>
          <ActionBar>
            <Button component={Link} to={`/staff/outcomes/follow-ups/${id}`} variant="default">
              {t('staff.kit.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('outcomes.followUps.answers.save')}
            </Button>
          </ActionBar>
        </Stack>
      </form>
    </>
  );
}
