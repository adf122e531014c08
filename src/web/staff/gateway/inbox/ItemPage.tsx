import { Alert, Anchor, Button, Group, List, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SATISFACTIONS } from '../../../../shared/gateway/constants.ts';
import type { ContactDetails, SubmissionDetail } from '../../../../shared/gateway/schemas.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError, fieldError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { Done } from '../../components/Done.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useCan, useMe } from '../../session.ts';
import { DueText, KindText, StatusText } from './labels.tsx';
import {
  type StepPath,
  useHandlers,
  useRefer,
  useReferralTargets,
  useReveal,
  useStep,
  useSubmission,
} from './queries.ts';

const TEXT_MAX = 4000;
const NOTE_MAX = 2000;

/**
 * `gateway/inbox/:id`: one item: what the submitter wrote (shown as plain text, whatever it holds), its messages
 * and history, the next step with its form, a reply at any time, a referral, and for protection officers the
 * requests to reveal a confidential submitter's contact.
 */
export default function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useSubmission(id);
  const [done, setDone] = useState('');
  if (done && !item.data) {
    return (
      <>
        <ScreenHeader title={t('gatewayInbox.item.screen')} />
        <Alert variant="light" color="green" maw={720}>
          {done}
        </Alert>
        <Anchor component={Link} to="/staff/gateway/inbox" mt="md" display="inline-block">
          {t('gatewayInbox.item.back')}
        </Anchor>
      </>
    );
  }
  if (item.isPending) return <PageLoader />;
  if (item.isError) return <ErrorPanel error={item.error} onRetry={() => void item.refetch()} />;
  return <Item item={item.data} done={done} setDone={setDone} />;
}

function Item({ item, done, setDone }: { item: SubmissionDetail; done: string; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  return (
    <>
      <ScreenHeader
        title={t('gatewayInbox.item.title', { reference: item.reference })}
        description={t(`gatewayInbox.kind.${item.kind}`)}
      />
      <Done message={done} onClose={() => setDone('')} />
      <Stack gap="md">
        <Group gap="xs">
          <StatusText status={item.status} />
          {item.sensitive ? <StatusBadge tone="bad">{t('gatewayInbox.sensitive')}</StatusBadge> : null}
        </Group>
        <Facts columns={3}>
          <Fact label={t('gatewayInbox.column.kind')}>
            <KindText item={item} />
          </Fact>
          <Fact label={t('gatewayInbox.column.due')}>
            <DueText item={item} />
          </Fact>
          <Fact label={t('gatewayInbox.column.assignee')}>{item.assignee?.name ?? t('gatewayInbox.unassigned')}</Fact>
          <Fact label={t('gatewayInbox.column.how')}>
            {t(`gatewayInbox.channel.${item.channel}`)} · {t(`gatewayInbox.disclosure.${item.disclosure}`)}
          </Fact>
          <Fact label={t('gatewayInbox.item.language')}>{t(`gatewayInbox.language.${item.language}`)}</Fact>
          <Fact label={t('gatewayInbox.column.zone')}>
            {item.pcode ? <span className="ltr-value">{item.pcode}</span> : t('gatewayInbox.noZone')}
          </Fact>
          <Fact label={t('gatewayInbox.column.received')}>{format.dateTime(item.receivedAt)}</Fact>
          {item.acknowledgedAt ? (
            <Fact label={t('gatewayInbox.item.acknowledged')}>
              {format.dateTime(item.acknowledgedAt)}{' '}
              {item.acknowledgedInTime === false ? t('gatewayInbox.item.late') : null}
            </Fact>
          ) : null}
          {item.caseReference ? (
            <Fact label={t('gatewayInbox.item.caseReference')}>
              <span className="ltr-value">{item.caseReference}</span>
            </Fact>
          ) : null}
          {item.referrals > 0 ? (
            <Fact label={t('gatewayInbox.item.referrals')}>{format.number(item.referrals)}</Fact>
          ) : null}
          {item.satisfaction ? (
            <Fact label={t('gatewayInbox.item.satisfaction')}>
              {t(`gatewayInbox.satisfaction.${item.satisfaction}`)}
            </Fact>
          ) : null}
          <Fact label={t('gatewayInbox.item.contact')}>
            {item.contact ? (
              <ContactText contact={item.contact} />
            ) : item.disclosure === 'confidential' ? (
              t('gatewayInbox.item.contactConfidential')
            ) : (
              t('gatewayInbox.item.contactNone')
            )}
            {item.contactConsent ? ` · ${t('gatewayInbox.item.consent')}` : null}
          </Fact>
        </Facts>
        <Section title={t('gatewayInbox.item.text')} id="item-text">
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="item-text">
            {item.text}
          </Text>
        </Section>
        {item.status !== 'closed' ? <Steps item={item} setDone={setDone} /> : null}
        <Section title={t('gatewayInbox.messages.title')} id="item-messages">
          {item.messages.length === 0 ? (
            <Text c="dimmed">{t('gatewayInbox.messages.none')}</Text>
          ) : (
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {item.messages.map((message) => (
                <li key={message.id}>
                  <Text size="sm" fw={700}>
                    {message.from === 'submitter'
                      ? t('gatewayInbox.messages.fromSubmitter')
                      : t('gatewayInbox.messages.fromStaff', { name: message.author?.name ?? '—' })}
                    {' · '}
                    {format.dateTime(message.at)}
                    {message.delivery === 'sms' ? ` · ${t('gatewayInbox.messages.bySms')}` : null}
                  </Text>
                  <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {message.text}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Section>
        {can('gateway:protect') && item.disclosure === 'confidential' ? <Reveal item={item} setDone={setDone} /> : null}
        <Section title={t('gatewayInbox.history.title')} id="item-history">
          <List spacing={4} data-testid="item-history">
            {item.history.map((line) => (
              <List.Item key={line.id}>
                <Text size="sm">
                  {t('gatewayInbox.history.line', {
                    entry: t(`gatewayInbox.history.entry.${line.entry}`),
                    at: format.dateTime(line.at),
                    who: line.by?.name ?? t('gatewayInbox.history.nobody'),
                    organisation: line.organisation ?? '—',
                  })}
                </Text>
                {line.note ? (
                  <Text size="sm" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {line.note}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
          {item.dueDates.length > 0 ? (
            <>
              <Title order={3} size="h5" mt="md">
                {t('gatewayInbox.item.ahead')}
              </Title>
              <List spacing={2}>
                {item.dueDates.map((due) => (
                  <List.Item key={due.step}>
                    {t('gatewayInbox.due.step', {
                      step: t(`gatewayInbox.step.${due.step}`),
                      date: format.dateTime(due.dueAt),
                    })}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Section>
      </Stack>
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ContactText({ contact }: { contact: ContactDetails }) {
  return (
    <span dir="auto">
      {[contact.name, contact.phone, contact.email].filter((part): part is string => Boolean(part)).join(' · ')}
    </span>
  );
}

/** The next step's button or form, a reply, and the referral. */
function Steps({ item, setDone }: { item: SubmissionDetail; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const step = useStep(item.id);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState(item.assignee?.id ?? '');
  const [satisfaction, setSatisfaction] = useState('');
  const handlers = useHandlers();
  const take = (path: StepPath, body: Record<string, unknown>, message: string) => (event?: FormEvent) => {
    event?.preventDefault();
    step.mutate(
      { step: path, body },
      {
        onSuccess: () => {
          setText('');
          setNote('');
          setDone(message);
        },
      },
    );
  };
  const noteBody = note.trim() ? { note: note.trim() } : {};
  const noteField = (
    <Textarea
      label={t('gatewayInbox.steps.note')}
      description={t('gatewayInbox.steps.noteHint')}
      value={note}
      onChange={(event) => setNote(event.currentTarget.value)}
      maxLength={NOTE_MAX}
      autosize
      minRows={2}
      error={fieldError(t, step.error, 'note')}
    />
  );
  const eligible = handlers.data?.filter((person) => !item.sensitive || person.protectionOfficer) ?? [];
  return (
    <Section title={t('gatewayInbox.steps.title')} id="item-steps">
      <Stack gap="md">
        <FormError error={step.error} />
        {item.status === 'received' ? (
          <form onSubmit={take('acknowledge', noteBody, t('gatewayInbox.steps.done.acknowledge'))}>
            <Stack gap="sm" maw={640}>
              <Text>{t('gatewayInbox.steps.acknowledgeIntro')}</Text>
              {noteField}
              <div>
                <Button type="submit" loading={step.isPending}>
                  {t('gatewayInbox.steps.acknowledge')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}
        {item.status !== 'received' ? (
          <form onSubmit={take('assign', { assigneeId: assignee, ...noteBody }, t('gatewayInbox.steps.done.assign'))}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NativeSelect
                label={t('gatewayInbox.steps.assignee')}
                description={item.sensitive ? t('gatewayInbox.steps.assigneeSensitive') : undefined}
                value={assignee}
                onChange={(event) => setAssignee(event.currentTarget.value)}
                error={fieldError(t, step.error, 'assigneeId')}
                style={{ flex: '1 1 16rem' }}
              >
                <option value="">{t('gatewayInbox.steps.choosePerson')}</option>
                {eligible.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                    {person.protectionOfficer ? ` (${t('gatewayInbox.steps.protectionOfficer')})` : ''}
                  </option>
                ))}
              </NativeSelect>
              <Button
                type="submit"
                variant={item.status === 'acknowledged' ? 'filled' : 'default'}
                disabled={!assignee}
              >
                {item.assignee ? t('gatewayInbox.steps.reassign') : t('gatewayInbox.steps.assign')}
              </Button>
            </Group>
          </form>
        ) : null}
        {item.status === 'assigned' ? (
          <form onSubmit={take('investigate', noteBody, t('gatewayInbox.steps.done.investigate'))}>
            <Stack gap="sm" maw={640}>
              {noteField}
              <div>
                <Button type="submit" loading={step.isPending}>
                  {t('gatewayInbox.steps.investigate')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}
        {item.status === 'investigating' ? (
          <form onSubmit={take('respond', { text: text.trim() }, t('gatewayInbox.steps.done.respond'))}>
            <Stack gap="sm" maw={640}>
              <Textarea
                label={t('gatewayInbox.steps.answer')}
                description={t('gatewayInbox.steps.answerHint', {
                  language: t(`gatewayInbox.language.${item.language}`),
                })}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                maxLength={TEXT_MAX}
                required
                autosize
                minRows={4}
                error={fieldError(t, step.error, 'text')}
              />
              <div>
                <Button type="submit" loading={step.isPending} disabled={!text.trim()}>
                  {t('gatewayInbox.steps.respond')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}
        {item.status === 'responded' ? (
          <form
            onSubmit={take(
              'close',
              { ...(satisfaction ? { satisfaction } : {}), ...noteBody },
              t('gatewayInbox.steps.done.close'),
            )}
          >
            <Stack gap="sm" maw={640}>
              <NativeSelect
                label={t('gatewayInbox.steps.satisfaction')}
                description={t('gatewayInbox.steps.satisfactionHint')}
                value={satisfaction}
                onChange={(event) => setSatisfaction(event.currentTarget.value)}
              >
                <option value="">{t('gatewayInbox.steps.satisfactionUnknown')}</option>
                {SATISFACTIONS.map((value) => (
                  <option key={value} value={value}>
                    {t(`gatewayInbox.satisfaction.${value}`)}
                  </option>
                ))}
              </NativeSelect>
              {noteField}
              <div>
                <Button type="submit" loading={step.isPending}>
                  {t('gatewayInbox.steps.close')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}
        {item.status !== 'investigating' ? (
          <form onSubmit={take('messages', { text: text.trim() }, t('gatewayInbox.steps.done.reply'))}>
            <Stack gap="sm" maw={640}>
              <Textarea
                label={t('gatewayInbox.steps.reply')}
                description={t('gatewayInbox.steps.replyHint')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                maxLength={TEXT_MAX}
                autosize
                minRows={2}
              />
              <div>
                <Button type="submit" variant="default" loading={step.isPending} disabled={!text.trim()}>
                  {t('gatewayInbox.steps.sendReply')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}
        <Refer item={item} setDone={setDone} />
      </Stack>
    </Section>
  );
}

/** Out of scope: passed to another organisation, which sees it from then on; the submitter is told. */
function Refer({ item, setDone }: { item: SubmissionDetail; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [organisationId, setOrganisationId] = useState('');
  const [note, setNote] = useState('');
  const targets = useReferralTargets(open);
  const refer = useRefer(item.id);
  if (!open) {
    return (
      <div>
        <Button variant="default" onClick={() => setOpen(true)}>
          {t('gatewayInbox.refer.open')}
        </Button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate(
      { organisationId, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: (result) => setDone(t('gatewayInbox.refer.done', { organisation: result.organisation.name })) },
    );
  };
  const options = targets.data?.filter((org) => !item.sensitive || org.takesSensitive) ?? [];
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={640}>
        <Text>{t('gatewayInbox.refer.intro')}</Text>
        <FormError error={refer.error} />
        <NativeSelect
          label={t('gatewayInbox.refer.organisation')}
          description={item.sensitive ? t('gatewayInbox.refer.sensitiveHint') : undefined}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
          error={fieldError(t, refer.error, 'organisationId')}
        >
          <option value="">{t('gatewayInbox.refer.choose')}</option>
          {options.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </NativeSelect>
        <Textarea
          label={t('gatewayInbox.refer.reason')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={NOTE_MAX}
          autosize
          minRows={2}
        />
        <Group gap="sm">
          <Button type="submit" loading={refer.isPending} disabled={!organisationId}>
            {t('gatewayInbox.refer.submit')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('gatewayInbox.refer.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Revealing a confidential submitter: a written request, a second officer's decision, the contact for the asker. */
function Reveal({ item, setDone }: { item: SubmissionDetail; setDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reveal = useReveal(item.id);
  const me = useMe();
  const assignedToMe = item.assignee?.id === me.user.id;
  const [justification, setJustification] = useState('');
  const pending = item.revealRequests.find((request) => request.status === 'pending');
  const approvedMine = item.revealRequests.some((request) => request.mine && request.status === 'approved');
  const error = reveal.request.error ?? reveal.decide.error ?? reveal.contact.error;
  return (
    <Section title={t('gatewayInbox.reveal.title')} id="item-reveal">
      <Stack gap="sm">
        <Text>{t('gatewayInbox.reveal.intro')}</Text>
        <FormError error={error} />
        {item.revealRequests.map((request) => (
          <Paper key={request.id} withBorder p="sm">
            <Text size="sm" fw={700}>
              {t('gatewayInbox.reveal.requested', {
                name: request.requestedBy.name,
                at: format.dateTime(request.createdAt),
              })}{' '}
              · {t(`gatewayInbox.reveal.status.${request.status}`)}
              {request.decidedBy ? ` · ${t('gatewayInbox.reveal.decidedBy', { name: request.decidedBy.name })}` : null}
            </Text>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {request.justification}
            </Text>
            {request.status === 'pending' && !request.mine ? (
              <Group gap="sm" mt="xs">
                <Button
                  size="xs"
                  onClick={() =>
                    reveal.decide.mutate(
                      { requestId: request.id, decision: 'approve' },
                      { onSuccess: () => setDone(t('gatewayInbox.reveal.approved')) },
                    )
                  }
                >
                  {t('gatewayInbox.reveal.approve')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    reveal.decide.mutate(
                      { requestId: request.id, decision: 'refuse' },
                      { onSuccess: () => setDone(t('gatewayInbox.reveal.refused')) },
                    )
                  }
                >
                  {t('gatewayInbox.reveal.refuse')}
                </Button>
              </Group>
            ) : null}
            {request.status === 'pending' && request.mine ? (
              <Text size="sm" c="dimmed" mt="xs">
                {t('gatewayInbox.reveal.waiting')}
              </Text>
            ) : null}
          </Paper>
        ))}
        {!assignedToMe ? <Text c="dimmed">{t('gatewayInbox.reveal.assigneeOnly')}</Text> : null}
        {approvedMine && assignedToMe ? (
          reveal.contact.data ? (
            <Alert variant="light" color="yellow" title={t('gatewayInbox.reveal.contactTitle')}>
              <ContactText contact={reveal.contact.data} />
            </Alert>
          ) : (
            <div>
              <Button onClick={() => reveal.contact.mutate()} loading={reveal.contact.isPending}>
                {t('gatewayInbox.reveal.show')}
              </Button>
            </div>
          )
        ) : null}
        {!pending && !approvedMine && assignedToMe ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              reveal.request.mutate(justification.trim(), {
                onSuccess: () => {
                  setJustification('');
                  setDone(t('gatewayInbox.reveal.asked'));
                },
              });
            }}
          >
            <Stack gap="sm" maw={640}>
              <Textarea
                label={t('gatewayInbox.reveal.justification')}
                description={t('gatewayInbox.reveal.justificationHint')}
                value={justification}
                onChange={(event) => setJustification(event.currentTarget.value)}
                maxLength={NOTE_MAX}
                required
                autosize
                minRows={3}
                error={fieldError(t, reveal.request.error, 'justification')}
              />
              <div>
                <Button
                  type="submit"
                  variant="default"
                  disabled={!justification.trim()}
                  loading={reveal.request.isPending}
                >
                  {t('gatewayInbox.reveal.ask')}
                </Button>
              </div>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Section>
  );
}
