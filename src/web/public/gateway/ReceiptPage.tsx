import { Alert, Anchor, Button, List, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SATISFACTIONS, SUBMISSION_TEXT_MAX } from '../../../shared/gateway/constants.ts';
import type { ReceiptStatus } from '../../../shared/gateway/schemas.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageStatus, usePageTitle } from '../../components/page.ts';
import { useFormState } from '../page-context.tsx';
import { RECEIPT_FORM, type ReceiptPageAnswer } from './answers.ts';
import { Choice, FieldError } from './parts.tsx';

/**
 * `/feedback/receipt`: with the receipt code, where a submission stands, the dates of its steps and the messages
 * (the submitter's and the handlers', shown as text: never markup); a form to add information while it is open,
 * and one to say how satisfied once it is answered. Every form posts the code to this page, typed each time: the
 * code is never in an address and never put back into a field.
 */
export default function ReceiptPage() {
  const { t } = useTranslation();
  usePageTitle(t('gatewayPortal.receipt.pageTitle'));
  const sent = useFormState(RECEIPT_FORM);
  const answer = sent?.answer as ReceiptPageAnswer | undefined;
  const wait = answer && 'retryAfterSeconds' in answer ? answer.retryAfterSeconds : null;
  const shown = answer && !('retryAfterSeconds' in answer) ? answer : null;
  const codeError = sent?.errors.code ? t(sent.errors.code) : undefined;
  usePageStatus(
    wait !== null
      ? 429
      : sent?.errors.code === 'gatewayPortal.receipt.notRecognised'
        ? 404
        : shown?.refused
          ? 409
          : sent && Object.keys(sent.errors).length > 0
            ? 422
            : 200,
  );
  return (
    <Stack gap="xl" maw={760}>
      <section aria-labelledby="receipt-title">
        <Title id="receipt-title" order={1} mb="md">
          {t('gatewayPortal.receipt.title')}
        </Title>
        <Text size="lg">{t('gatewayPortal.receipt.lead')}</Text>
      </section>

      {wait !== null ? (
        <Alert color="red" variant="light" role="alert" title={t('gatewayPortal.tooMany.title')}>
          {t('gatewayPortal.tooMany.text', { minutes: Math.max(1, Math.ceil(wait / 60)) })}
        </Alert>
      ) : null}
      {shown?.refused ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t(`gatewayPortal.receipt.refused.${shown.refused}.title`)}
        >
          {t(`gatewayPortal.receipt.refused.${shown.refused}.text`)}{' '}
          {shown.refused === 'closed' ? <Anchor href="/feedback">{t('gatewayPortal.receipt.another')}</Anchor> : null}
        </Alert>
      ) : null}
      {shown?.done ? (
        <Alert color="green" variant="light" role="status" title={t(`gatewayPortal.receipt.done.${shown.done}`)}>
          {t('gatewayPortal.receipt.doneText')}
        </Alert>
      ) : null}
      {shown?.status ? <Status status={shown.status} /> : null}

      {/* Posted, never in the address: the code is a secret. The server answers with this page. */}
      <form method="post" action="/feedback/receipt" aria-labelledby="receipt-form-title" acceptCharset="UTF-8">
        <input type="hidden" name="action" value="status" />
        <Title id="receipt-form-title" order={2} size="h3" mb="sm">
          {shown?.status ? t('gatewayPortal.receipt.again') : t('gatewayPortal.receipt.formTitle')}
        </Title>
        <Stack gap="md">
          <CodeInput id="receipt-code" error={codeError} />
          <div>
            <Button type="submit">{t('gatewayPortal.receipt.submit')}</Button>
          </div>
        </Stack>
      </form>

      <Anchor component={Link} to="/feedback" fw={600}>
        {t('gatewayPortal.link.submit')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('gatewayPortal.receipt.privacy')}
      </Text>
    </Stack>
  );
}

/** The code, typed each time (never filled in): digits, spaces and dashes, Eastern Arabic digits too. */
function CodeInput({ error, id }: { error?: string | undefined; id?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      id={id}
      name="code"
      label={t('gatewayPortal.receipt.code')}
      description={t('gatewayPortal.receipt.codeHint')}
      error={error}
      autoComplete="off"
      inputMode="numeric"
      maxLength={64}
      required
      dir="ltr"
    />
  );
}

function Status({ status }: { status: ReceiptStatus }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sent = useFormState(RECEIPT_FORM);
  const error = (name: string) => (sent?.errors[name] ? t(sent.errors[name]) : undefined);
  const steps: [string, string | null][] = [
    ['received', status.receivedAt],
    ['acknowledged', status.acknowledgedAt],
    ['responded', status.respondedAt],
    ['closed', status.closedAt],
  ];
  const answered = status.status === 'responded' || status.status === 'closed';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="receipt-status-title" role="status">
      <Title id="receipt-status-title" order={2} mb="sm">
        {t(`gatewayPortal.kind.${status.kind}`)}
      </Title>
      <Text mb="sm">
        <strong>{t('gatewayPortal.receipt.now')}</strong> {t(`gatewayPortal.status.${status.status}`)}
      </Text>
      {status.referred ? <Text mb="sm">{t('gatewayPortal.receipt.referred')}</Text> : null}
      <List spacing="xs" mb="md">
        {steps.map(([step, at]) => (
          <List.Item key={step}>
            <strong>{t(`gatewayPortal.step.${step}`)}</strong>{' '}
            {at ? <time dateTime={at}>{format.date(at)}</time> : t('gatewayPortal.step.notYet')}
          </List.Item>
        ))}
      </List>
      {status.satisfaction ? (
        <Text mb="md">
          <strong>{t('gatewayPortal.receipt.yourSatisfaction')}</strong>{' '}
          {t(`gatewayPortal.satisfaction.${status.satisfaction}`)}
        </Text>
      ) : null}

      <Title order={3} size="h4" mb="xs">
        {t('gatewayPortal.receipt.messages')}
      </Title>
      {status.messages.length === 0 ? (
        <Text mb="md">{t('gatewayPortal.receipt.noMessages')}</Text>
      ) : (
        <Stack gap="sm" mb="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {status.messages.map((message) => (
            <Paper
              key={`${message.at} ${message.from} ${message.text.length}`}
              component="li"
              withBorder
              p="sm"
              bg={message.from === 'staff' ? 'blue.0' : undefined}
            >
              <Text size="sm" fw={600}>
                {t(`gatewayPortal.receipt.from.${message.from}`)} ·{' '}
                <time dateTime={message.at}>{format.dateTime(message.at)}</time>
              </Text>
              {/* Text as written, never markup: React escapes it. */}
              <Text data-message="" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {message.text}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}

      {status.open ? (
        <form method="post" action="/feedback/receipt" aria-labelledby="receipt-add-title" acceptCharset="UTF-8">
          <input type="hidden" name="action" value="add" />
          <Title id="receipt-add-title" order={3} size="h4" mb="xs">
            {t('gatewayPortal.receipt.addTitle')}
          </Title>
          <Stack gap="sm">
            <Textarea
              name="text"
              label={t('gatewayPortal.receipt.addText')}
              defaultValue={sent?.values.action === 'add' ? (sent.values.text ?? '') : ''}
              error={error('text')}
              rows={4}
              maxLength={SUBMISSION_TEXT_MAX}
              required
            />
            <CodeInput id="receipt-add-code" />
            <div>
              <Button type="submit" variant="light">
                {t('gatewayPortal.receipt.addSubmit')}
              </Button>
            </div>
          </Stack>
        </form>
      ) : (
        <Text mb="md">{t('gatewayPortal.receipt.closedNote')}</Text>
      )}

      {answered ? (
        <form method="post" action="/feedback/receipt" aria-labelledby="receipt-rate-title" acceptCharset="UTF-8">
          <input type="hidden" name="action" value="rate" />
          <Title id="receipt-rate-title" order={3} size="h4" mt="md" mb="xs">
            {t('gatewayPortal.receipt.rateTitle')}
          </Title>
          <Stack gap="sm">
            <fieldset style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
              <Text component="legend" fw={600} mb={4}>
                {t('gatewayPortal.receipt.rateQuestion')}
              </Text>
              {error('satisfaction') ? <FieldError>{error('satisfaction')}</FieldError> : null}
              <Stack gap="xs">
                {SATISFACTIONS.map((option) => (
                  <Choice
                    key={option}
                    type="radio"
                    name="satisfaction"
                    value={option}
                    defaultChecked={status.satisfaction === option}
                    label={t(`gatewayPortal.satisfaction.${option}`)}
                  />
                ))}
              </Stack>
            </fieldset>
            <CodeInput id="receipt-rate-code" />
            <div>
              <Button type="submit" variant="light">
                {t('gatewayPortal.receipt.rateSubmit')}
              </Button>
            </div>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
