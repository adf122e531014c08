import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageStatus, usePageTitle } from '../../components/page.ts';
import { Choice, FieldError } from '../gateway/parts.tsx';
import { useFormState } from '../page-context.tsx';
import {
  type FieldProblem,
  FOLLOW_UP_FORM,
  FOLLOW_UP_LANGUAGES,
  FOLLOW_UP_PAGE,
  type FollowUpPageAnswer,
  type LinkField,
  type LinkFormPage,
} from './answers.ts';

/** Each language named in itself, so that a household finds its own whatever the page's language. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ar: 'العربية', fr: 'Français' };

/**
 * `/follow-up`: a returned household answers its follow-up survey with the code its field worker gave it. First the
 * code and the language; then the survey a page at a time, each page posted to the server, which keeps only the
 * relevant questions (skip logic runs there, so no JavaScript is needed), then thanks. Nothing about the
 * household is shown: no name, no reference, only the questions. The code is typed, posted in the body and
 * carried in a hidden field, never in an address.
 */
export default function FollowUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('outcomes.link.pageTitle'));
  const sent = useFormState(FOLLOW_UP_FORM);
  const answer = sent?.answer as FollowUpPageAnswer | undefined;
  const wait = answer && 'retryAfterSeconds' in answer ? answer.retryAfterSeconds : null;
  const page = answer && 'page' in answer ? answer.page : null;
  const done = answer && 'done' in answer;
  const unreadable = answer && 'refused' in answer;
  const hasProblems = page?.fields.some((field) => field.problem !== null) ?? false;
  usePageStatus(
    wait !== null
      ? 429
      : answer && 'notRecognised' in answer
        ? 404
        : unreadable
          ? 400
          : sent?.errors.code || hasProblems
            ? 422
            : 200,
  );
  if (done) {
    return (
      <Stack gap="lg" maw={640}>
        <Title order={1}>{t('outcomes.link.doneTitle')}</Title>
        <Alert color="green" variant="light" role="status">
          {t('outcomes.link.doneText')}
        </Alert>
      </Stack>
    );
  }
  if (page) return <SurveyPage page={page} />;
  const codeError = sent?.errors.code ? t(sent.errors.code) : undefined;
  const language = sent?.values.lang ?? '';
  return (
    <Stack gap="lg" maw={640}>
      <section aria-labelledby="follow-up-title">
        <Title id="follow-up-title" order={1} mb="md">
          {t('outcomes.link.title')}
        </Title>
        <Text size="lg">{t('outcomes.link.lead')}</Text>
      </section>
      {wait !== null ? (
        <Alert color="red" variant="light" role="alert" title={t('outcomes.link.tooMany.title')}>
          {t('outcomes.link.tooMany.text', { minutes: Math.max(1, Math.ceil(wait / 60)) })}
        </Alert>
      ) : null}
      {unreadable ? (
        <Alert color="red" variant="light" role="alert">
          {t('outcomes.link.unreadable')}
        </Alert>
      ) : null}
      <form method="post" action={FOLLOW_UP_PAGE} acceptCharset="UTF-8" aria-labelledby="follow-up-title">
        <input type="hidden" name="action" value="open" />
        <Stack gap="md">
          <TextInput
            name="code"
            label={t('outcomes.link.code')}
            description={t('outcomes.link.codeHint')}
            error={codeError}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            required
            dir="ltr"
          />
          <NativeSelect
            name="lang"
            label={t('outcomes.link.language')}
            defaultValue={language}
            data={FOLLOW_UP_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] ?? code }))}
          />
          <div>
            <Button type="submit">{t('outcomes.link.start')}</Button>
          </div>
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        {t('outcomes.link.privacy')}
      </Text>
    </Stack>
  );
}

function problemText(t: (key: string) => string, problem: FieldProblem | null): string | null {
  if (!problem) return null;
  return 'text' in problem ? problem.text : t(problem.key);
}

/** One page of the survey, in the household's language (Arabic right to left), posted to the server. */
function SurveyPage({ page }: { page: LinkFormPage }) {
  const { t } = useTranslation();
  const shown = page.fields.filter((field) => field.kind !== 'note').map((field) => field.name.slice(2));
  const last = page.index >= page.count - 1;
  return (
    <Stack gap="lg" maw={640} lang={page.language} dir={page.language === 'ar' ? 'rtl' : 'ltr'}>
      <Text size="sm" c="dimmed">
        {page.title} · {t('outcomes.link.progress', { page: page.index + 1, count: page.count })}
      </Text>
      <Title order={1} id="survey-page-title">
        {page.heading}
      </Title>
      {page.more ? (
        <Alert color="blue" variant="light" role="status">
          {t('outcomes.link.more')}
        </Alert>
      ) : null}
      <form method="post" action={FOLLOW_UP_PAGE} acceptCharset="UTF-8" aria-labelledby="survey-page-title">
        <input type="hidden" name="code" value={page.code} />
        <input type="hidden" name="lang" value={page.language} />
        <input type="hidden" name="page" value={String(page.index)} />
        <input type="hidden" name="answers" value={page.carried} />
        <input type="hidden" name="shown" value={shown.join(',')} />
        <Stack gap="lg">
          {page.fields.map((field) => (
            <SurveyField key={field.name} field={field} problem={problemText(t, field.problem)} />
          ))}
          <Group>
            {page.index > 0 ? (
              <Button type="submit" name="action" value="back" variant="default">
                {t('outcomes.link.back')}
              </Button>
            ) : null}
            <Button type="submit" name="action" value="next">
              {last ? t('outcomes.link.finish') : t('outcomes.link.next')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function SurveyField({ field, problem }: { field: LinkField; problem: string | null }) {
  const { t } = useTranslation();
  const errorId = `${field.name}-error`;
  const label = field.instance ? `${t('outcomes.link.instance', { n: field.instance })} · ${field.label}` : field.label;
  if (field.kind === 'note') {
    return (
      <Paper withBorder p="sm">
        <Text>{field.label}</Text>
      </Paper>
    );
  }
  if (field.kind === 'select_one' || field.kind === 'select_multiple') {
    const chosen = Array.isArray(field.value) ? field.value : [field.value];
    return (
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={problem ? errorId : undefined}>
        <legend>
          <Text fw={600} mb={4}>
            {label}
            {field.required ? ' *' : ''}
          </Text>
        </legend>
        {field.hint ? (
          <Text size="sm" c="dimmed" mb="xs">
            {field.hint}
          </Text>
        ) : null}
        {problem ? <FieldError id={errorId}>{problem}</FieldError> : null}
        <Stack gap="xs">
          {field.choices.map((choice) => (
            <Choice
              key={choice.value}
              type={field.kind === 'select_one' ? 'radio' : 'checkbox'}
              name={field.kind === 'select_one' ? field.name : `${field.name}.${choice.value}`}
              value={field.kind === 'select_one' ? choice.value : 'on'}
              defaultChecked={chosen.includes(choice.value)}
              label={choice.label}
            />
          ))}
        </Stack>
      </fieldset>
    );
  }
  const numeric = field.kind === 'integer' || field.kind === 'decimal';
  return (
    <TextInput
      name={field.name}
      label={label}
      description={field.hint ?? undefined}
      withAsterisk={field.required}
      error={problem ?? undefined}
      defaultValue={typeof field.value === 'string' ? field.value : ''}
      type={field.kind === 'date' ? 'date' : 'text'}
      inputMode={numeric ? (field.kind === 'integer' ? 'numeric' : 'decimal') : undefined}
      maxLength={2000}
      autoComplete="off"
    />
  );
}
