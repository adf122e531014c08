import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  COMPLAINT_CATEGORIES,
  DISCLOSURES,
  SUBMISSION_KINDS,
  SUBMISSION_TEXT_MAX,
} from '../../../shared/gateway/constants.ts';
import { useFormatters } from '../../components/format.ts';
import { usePageStatus, usePageTitle } from '../../components/page.ts';
import { useFormState } from '../page-context.tsx';
import { localized } from '../zones/format.ts';
import { SUBMIT_FORM, type SubmitPageAnswer } from './answers.ts';
import { useFeedbackZones } from './api.ts';
import { Choice, FieldError, groupCode } from './parts.tsx';

/**
 * `/feedback`: raise a concern, ask for protection, complain (sexual exploitation or abuse included, in the same
 * form) or appeal a decision, anonymously by default. A plain form posting to this page; the server answers with
 * this page again: the receipt code once, or each error next to its field with what was typed.
 */
export default function SubmitPage() {
  const { t } = useTranslation();
  usePageTitle(t('gatewayPortal.submit.pageTitle'));
  const sent = useFormState(SUBMIT_FORM);
  const answer = sent?.answer as SubmitPageAnswer | undefined;
  const receipt = answer && 'receipt' in answer ? answer : null;
  usePageStatus(
    receipt
      ? 201
      : answer && 'retryAfterSeconds' in answer
        ? 429
        : answer && 'problem' in answer
          ? 409
          : sent && Object.keys(sent.errors).length > 0
            ? 422
            : 200,
  );
  return (
    <Stack gap="xl" maw={760}>
      <section aria-labelledby="feedback-title">
        <Title id="feedback-title" order={1} mb="md">
          {t('gatewayPortal.submit.title')}
        </Title>
        {receipt ? null : <Text size="lg">{t('gatewayPortal.submit.lead')}</Text>}
      </section>
      {receipt ? <Receipt answer={receipt} /> : <SubmissionForm />}
      <Group gap="lg">
        <Anchor component={Link} to="/feedback/receipt" fw={600}>
          {t('gatewayPortal.link.receipt')}
        </Anchor>
        <Anchor component={Link} to="/feedback/figures" fw={600}>
          {t('gatewayPortal.link.figures')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('gatewayPortal.privacy')}
      </Text>
    </Stack>
  );
}

/** The receipt code, shown this once, in groups of four, with what to do with it. */
function Receipt({ answer }: { answer: Extract<SubmitPageAnswer, { receipt: unknown }> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-receipt-title" role="status">
      <Title id="feedback-receipt-title" order={2} mb="sm">
        {t('gatewayPortal.receipt.sentTitle')}
      </Title>
      <Text mb="xs">{t('gatewayPortal.receipt.yourCode')}</Text>
      <Text
        component="p"
        fz={28}
        fw={700}
        dir="ltr"
        ta="center"
        data-receipt-code=""
        style={{ letterSpacing: '0.08em', fontVariantNumeric: 'tabular-nums', textWrap: 'balance' }}
      >
        <bdi dir="ltr">{groupCode(answer.receipt.receiptCode)}</bdi>
      </Text>
      <Alert color="orange" variant="light" title={t('gatewayPortal.receipt.writeDownTitle')} mb="md">
        {t('gatewayPortal.receipt.writeDown')}
      </Alert>
      <Stack gap="xs">
        <Text>{t('gatewayPortal.receipt.howToUse')}</Text>
        <Text>{t('gatewayPortal.receipt.acknowledgeBy', { date: format.date(answer.receipt.acknowledgeBy) })}</Text>
        {answer.anonymous ? <Text>{t('gatewayPortal.receipt.anonymous')}</Text> : null}
        <Anchor component={Link} to="/feedback/receipt" fw={600}>
          {t('gatewayPortal.link.receipt')}
        </Anchor>
        <Anchor href="/feedback">{t('gatewayPortal.receipt.another')}</Anchor>
      </Stack>
    </Paper>
  );
}

function SubmissionForm() {
  const { t, i18n } = useTranslation();
  const sent = useFormState(SUBMIT_FORM);
  const answer = sent?.answer as SubmitPageAnswer | undefined;
  const zones = useFeedbackZones();
  const value = (name: string) => sent?.values[name] ?? '';
  const error = (name: string) => (sent?.errors[name] ? t(sent.errors[name]) : undefined);
  const zoneOptions = [...(zones.data ?? [])]
    .map((zone) => ({ value: zone.pcode, label: localized(zone.name, i18n.language, zone.pcode) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const disclosure = value('disclosure') || 'anonymous';
  const hasErrors = sent !== undefined && Object.keys(sent.errors).length > 0;
  return (
    <>
      {answer && 'retryAfterSeconds' in answer ? (
        <Alert color="red" variant="light" role="alert" title={t('gatewayPortal.tooMany.title')}>
          {t('gatewayPortal.tooMany.text', { minutes: Math.max(1, Math.ceil(answer.retryAfterSeconds / 60)) })}
        </Alert>
      ) : null}
      {answer && 'problem' in answer ? (
        <Alert color="red" variant="light" role="alert" title={answer.problem.title}>
          {answer.problem.detail}
        </Alert>
      ) : null}
      {answer && 'refused' in answer ? (
        <Alert color="red" variant="light" role="alert" title={t('gatewayPortal.refused.title')}>
          {answer.refused === 'too_large' ? t('gatewayPortal.refused.tooLarge') : t('gatewayPortal.refused.unreadable')}
        </Alert>
      ) : null}
      {hasErrors ? (
        <Alert color="red" variant="light" role="alert" title={t('gatewayPortal.form.errorsTitle')}>
          {t('gatewayPortal.form.errorsText')}
        </Alert>
      ) : null}

      <form method="post" action="/feedback" aria-labelledby="feedback-form-title" acceptCharset="UTF-8">
        <Title id="feedback-form-title" order={2} size="h3" mb="sm">
          {t('gatewayPortal.form.title')}
        </Title>
        <input type="hidden" name="language" value={i18n.language} />
        <Stack gap="lg">
          <Fieldset legend={t('gatewayPortal.form.kind')} error={error('kind')} id="feedback-kind">
            {SUBMISSION_KINDS.map((kind) => (
              <Choice
                key={kind}
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={value('kind') === kind}
                label={t(`gatewayPortal.kind.${kind}`)}
                hint={t(`gatewayPortal.kindHint.${kind}`)}
                describedBy={error('kind') ? 'feedback-kind-error' : undefined}
              />
            ))}
          </Fieldset>

          <div>
            <NativeSelect
              name="complaintCategory"
              label={t('gatewayPortal.form.category')}
              description={t('gatewayPortal.form.categoryHint')}
              defaultValue={value('complaintCategory')}
              error={error('complaintCategory')}
              data={[
                { value: '', label: t('gatewayPortal.form.categoryNone') },
                ...COMPLAINT_CATEGORIES.map((category) => ({
                  value: category,
                  label: t(`gatewayPortal.category.${category}`),
                })),
              ]}
            />
            <Alert color="blue" variant="light" mt="xs" title={t('gatewayPortal.form.seaTitle')}>
              {t('gatewayPortal.form.seaText')}
            </Alert>
          </div>

          <Choice
            type="checkbox"
            name="aboutNamedPerson"
            value="yes"
            defaultChecked={value('aboutNamedPerson') === 'yes'}
            label={t('gatewayPortal.form.aboutNamedPerson')}
            hint={t('gatewayPortal.form.aboutNamedPersonHint')}
          />

          <Fieldset legend={t('gatewayPortal.form.disclosure')} error={error('disclosure')} id="feedback-disclosure">
            {DISCLOSURES.map((option) => (
              <Choice
                key={option}
                type="radio"
                name="disclosure"
                value={option}
                defaultChecked={disclosure === option}
                label={t(`gatewayPortal.disclosure.${option}`)}
                hint={t(`gatewayPortal.disclosureHint.${option}`)}
              />
            ))}
          </Fieldset>

          <Textarea
            name="text"
            label={t('gatewayPortal.form.text')}
            description={t('gatewayPortal.form.textHint', { max: SUBMISSION_TEXT_MAX })}
            defaultValue={value('text')}
            error={error('text')}
            required
            minRows={6}
            autosize={false}
            rows={6}
            maxLength={SUBMISSION_TEXT_MAX}
          />

          <Fieldset legend={t('gatewayPortal.form.where')} hint={t('gatewayPortal.form.whereHint')}>
            <Stack gap="sm">
              <NativeSelect
                name="pcode"
                label={t('gatewayPortal.form.zone')}
                defaultValue={value('pcode')}
                error={error('pcode')}
                data={[{ value: '', label: t('gatewayPortal.form.zoneNone') }, ...zoneOptions]}
              />
              <TextInput
                name="transitPoint"
                label={t('gatewayPortal.form.transitPoint')}
                description={t('gatewayPortal.form.transitPointHint')}
                defaultValue={value('transitPoint')}
                error={error('transitPoint')}
                maxLength={40}
                autoComplete="off"
                dir="ltr"
              />
              <TextInput
                name="caseReference"
                label={t('gatewayPortal.form.caseReference')}
                description={t('gatewayPortal.form.caseReferenceHint')}
                defaultValue={value('caseReference')}
                error={error('caseReference')}
                maxLength={40}
                autoComplete="off"
                dir="ltr"
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('gatewayPortal.form.contact')} hint={t('gatewayPortal.form.contactHint')}>
            <Stack gap="sm">
              <TextInput
                name="name"
                label={t('gatewayPortal.form.name')}
                defaultValue={value('name')}
                error={error('name')}
                maxLength={200}
                autoComplete="off"
              />
              <TextInput
                name="phone"
                type="tel"
                label={t('gatewayPortal.form.phone')}
                defaultValue={value('phone')}
                error={error('phone')}
                maxLength={32}
                autoComplete="off"
                dir="ltr"
              />
              <TextInput
                name="email"
                type="email"
                label={t('gatewayPortal.form.email')}
                defaultValue={value('email')}
                error={error('email')}
                maxLength={254}
                autoComplete="off"
                dir="ltr"
              />
              <Choice
                type="checkbox"
                name="contactConsent"
                value="yes"
                defaultChecked={value('contactConsent') === 'yes'}
                label={t('gatewayPortal.form.consent')}
                hint={t('gatewayPortal.form.consentHint')}
              />
            </Stack>
          </Fieldset>

          <div>
            <Button type="submit" size="md">
              {t('gatewayPortal.form.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}

/** A group of fields with its legend, a hint and its error in words. */
function Fieldset({
  legend,
  hint,
  error,
  id,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  id?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={id}
      aria-describedby={error && id ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
      style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}
    >
      <Text component="legend" fw={600} mb={4}>
        {legend}
      </Text>
      {hint ? (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      ) : null}
      {error ? <FieldError id={id ? `${id}-error` : undefined}>{error}</FieldError> : null}
      <Stack gap="xs">{children}</Stack>
    </fieldset>
  );
}
