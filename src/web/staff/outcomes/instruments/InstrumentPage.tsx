import { Alert, Anchor, Button, Group, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Answers, FormDefinition } from '../../../../shared/outcomes/form.ts';
import { checkAnswers, labelIn } from '../../../../shared/outcomes/form-engine.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { FormRenderer } from '../form/FormRenderer.tsx';
import { languageName } from './languages.ts';
import { useInstrument } from './queries.ts';

/**
 * `outcomes/instruments/:id`: an instrument's form as households and monitors will see it, in each of its
 * languages, with its skip logic and messages working. Answers typed here are kept in the page only (a preview
 * stores nothing).
 */
export default function InstrumentPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const instrument = useInstrument(id);
  if (instrument.isPending) return <PageLoader />;
  if (instrument.isError) {
    return (
      <>
        <ScreenHeader title={t('outcomes.instruments.preview')} />
        <ErrorPanel error={instrument.error} onRetry={() => void instrument.refetch()} />
      </>
    );
  }
  const data = instrument.data;
  const form = data.definition as unknown as FormDefinition;
  return (
    <>
      <ScreenHeader
        title={labelIn(data.title, i18n.language, data.defaultLanguage)}
        description={t('outcomes.instruments.previewIntro')}
      />
      <Facts>
        <Fact label={t('outcomes.instruments.form')}>
          <span className="ltr-value">{data.formId}</span>
        </Fact>
        <Fact label={t('outcomes.instruments.version')}>
          <span className="ltr-value">{data.version}</span>
        </Fact>
        <Fact label={t('outcomes.instruments.questions')}>{data.questions}</Fact>
      </Facts>
      <Preview form={form} />
      <Anchor component={Link} to="/staff/outcomes/instruments" mt="lg" display="inline-block">
        {t('outcomes.instruments.back')}
      </Anchor>
    </>
  );
}

function Preview({ form }: { form: FormDefinition }) {
  const { t, i18n } = useTranslation();
  const initial = form.languages.includes(i18n.language) ? i18n.language : form.defaultLanguage;
  const [language, setLanguage] = useState(initial);
  const [answers, setAnswers] = useState<Answers>({});
  const [checked, setChecked] = useState(false);
  const onChange = useCallback((next: Answers) => setAnswers(next), []);
  const result = useMemo(() => (checked ? checkAnswers(form, answers) : null), [checked, form, answers]);
  return (
    <Stack gap="md" mt="lg">
      <Group gap="sm" align="center">
        <Text fw={600} id="form-language">
          {t('outcomes.instruments.language')}
        </Text>
        <SegmentedControl
          aria-labelledby="form-language"
          value={language}
          onChange={setLanguage}
          data={form.languages.map((code) => ({
            value: code,
            label: languageName(code, t('outcomes.instruments.defaultLanguage')),
          }))}
        />
      </Group>
      <FormRenderer form={form} language={language} answers={answers} onChange={onChange} showRequired={checked} />
      <Group>
        <Button onClick={() => setChecked(true)}>{t('outcomes.instruments.check')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setAnswers({});
            setChecked(false);
          }}
        >
          {t('outcomes.instruments.clear')}
        </Button>
      </Group>
      {result ? (
        result.problems.length === 0 ? (
          <Alert color="green" role="status">
            {t('outcomes.instruments.checkedOk')}
          </Alert>
        ) : (
          <Alert
            color="orange"
            role="status"
            title={t('outcomes.instruments.checkedProblems', { count: result.problems.length })}
          >
            <List size="sm">
              {result.problems.map((p) => (
                <List.Item key={`${p.field}-${p.code}`}>
                  <span className="ltr-value">{p.field}</span>:{' '}
                  {p.messages?.[language] ?? t(`outcomes.form.problem.${p.code}`)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )
      ) : null}
    </Stack>
  );
}
