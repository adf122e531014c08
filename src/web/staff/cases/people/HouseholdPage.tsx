import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../../../shared/cases/constants.ts';
import type { HouseholdDetail, Person } from '../../../../shared/cases/schemas/people.ts';
import { SHARING_PURPOSES, type SharingPurpose } from '../../../../shared/vocabulary.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { FormError } from '../../../components/forms.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useOrganisations } from '../../administration/queries.ts';
import { Fact, Facts } from '../../components/Facts.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { ZoneName, zoneLabel } from '../../components/ZoneName.tsx';
import { useMe } from '../../session.ts';
import { AppealsSection } from '../AppealsSection.tsx';
import { DecisionsSection } from '../DecisionsSection.tsx';
import { MovementSection } from '../MovementSection.tsx';
import { VoluntarinessSection } from '../VoluntarinessSection.tsx';
import { ageOn } from './labels.ts';
import {
  useEndShare,
  useHousehold,
  useRecordConsent,
  useReviewDuplicate,
  useShare,
  useShareRecipients,
  useWithdrawConsent,
} from './queries.ts';

const nameOf = (person: Person) => [person.name.given, person.name.other, person.name.family].filter(Boolean).join(' ');

/**
 * One household: its members with ages, relationships, needs and plans and documents; consent per person and
 * purpose; sharing; a possible duplicate's review; then the voluntariness file, decisions, appeals and movement,
 * each kept by its own part of the module. Opening it is written to the access log on the server.
 */
export default function HouseholdPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const household = useHousehold(id);
  if (household.isPending) return <PageLoader />;
  if (household.isError) return <ErrorPanel error={household.error} onRetry={() => void household.refetch()} />;
  const data = household.data;
  return (
    <>
      <ScreenHeader
        title={t('people.household.title', { reference: data.reference })}
        description={t('people.household.summary', {
          stage: t(`people.stage.${data.stage}`),
          count: data.memberCount,
          zone: zoneLabel(data.intendedZoneName, data.intendedPcode, i18n.language),
        })}
        actions={
          <Button component={Link} to="/staff/cases" variant="default">
            {t('people.search.title')}
          </Button>
        }
      />
      <Stack gap="xl">
        <DuplicateBanner household={data} />
        <Facts columns={4}>
          <Fact label={t('people.reference')}>
            <span className="ltr-value">{data.reference}</span>
          </Fact>
          <Fact label={t('people.stageColumn')}>{t(`people.stage.${data.stage}`)}</Fact>
          <Fact label={t('people.zone')}>
            <ZoneName pcode={data.intendedPcode} names={data.intendedZoneName} />
          </Fact>
          <Fact label={t('people.asylumState')}>
            <span className="ltr-value">{data.asylumStateCode}</span>
          </Fact>
        </Facts>
        {data.owned ? null : (
          <Alert color="blue" variant="light">
            {t('people.household.shared')}
          </Alert>
        )}
        <Members household={data} />
        <Consents household={data} />
        <Sharing household={data} />
        <VoluntarinessSection householdId={data.id} />
        <DecisionsSection householdId={data.id} />
        <AppealsSection householdId={data.id} />
        <MovementSection householdId={data.id} />
      </Stack>
    </>
  );
}

function DuplicateBanner({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const review = useReviewDuplicate(household.id);
  const duplicate = household.duplicate;
  if (!duplicate) return null;
  if (duplicate.review !== 'pending') {
    return (
      <Text size="sm" c="dimmed">
        {t(`people.duplicate.reviewed.${duplicate.review}`)}
      </Text>
    );
  }
  const canReview = household.owned && me.permissions.includes('case:decide');
  return (
    <Alert color="orange" variant="light" title={t('people.duplicate.title')}>
      <Stack gap="xs">
        <Text size="sm">
          {duplicate.of ? (
            <>
              {t('people.duplicate.looksLike')}{' '}
              <Link to={`/staff/cases/households/${duplicate.of.id}`}>
                <span className="ltr-value">{duplicate.of.reference}</span>
              </Link>
            </>
          ) : (
            t('people.duplicate.elsewhere')
          )}
        </Text>
        {canReview ? (
          <Group gap="xs">
            <Button size="xs" variant="default" loading={review.isPending} onClick={() => review.mutate('distinct')}>
              {t('people.duplicate.distinct')}
            </Button>
            <Button size="xs" color="orange" loading={review.isPending} onClick={() => review.mutate('same')}>
              {t('people.duplicate.same')}
            </Button>
          </Group>
        ) : null}
        <FormError error={review.error} />
      </Stack>
    </Alert>
  );
}

function Members({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="members-heading">
      <Title order={2} size="h3" id="members-heading" mb="sm">
        {t('people.members')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {household.members.map((person) => (
          <Card key={person.id} withBorder>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={700} dir="auto">
                {nameOf(person)}
              </Text>
              <Badge variant="light">{t(`people.relationship.${person.relationship}`)}</Badge>
            </Group>
            <Text size="sm" mt={4}>
              {t('people.household.age', {
                age: ageOn(person.dateOfBirth),
                born: format.date(`${person.dateOfBirth}T12:00:00Z`),
              })}
              {' · '}
              {t(`people.sex.${person.sex}`)}
            </Text>
            {person.unaccompanied ? (
              <Badge color="grape" variant="light" mt="xs">
                {t('people.unaccompanied')}
              </Badge>
            ) : null}
            <Text size="sm" fw={600} mt="sm">
              {t('people.documents')}: {t(`people.documentStatus.${person.documentStatus}`)}
            </Text>
            {person.documents.length > 0 ? (
              <List size="sm">
                {person.documents.map((document) => (
                  <List.Item key={`${document.kind}-${document.number}`}>
                    {t(`people.documentKind.${document.kind}`)}: <span className="ltr-value">{document.number}</span>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{t('people.household.noDocuments')}</Text>
            )}
            {person.phones.length > 0 ? (
              <Text size="sm" mt="xs">
                {t('people.phones')}: <span className="ltr-value">{person.phones.join(', ')}</span>
              </Text>
            ) : null}
            <Text size="sm" fw={600} mt="sm">
              {t('people.needs')}
            </Text>
            {person.needs.length === 0 ? (
              <Text size="sm">{t('people.household.noNeeds')}</Text>
            ) : (
              <List size="sm">
                {person.needs.map((need) => (
                  <List.Item key={need.need}>
                    {t(`people.need.${need.need}`)}
                    {' — '}
                    {need.plan ? (
                      <span dir="auto">{need.plan}</span>
                    ) : (
                      <Text span c="red.8" fw={600} size="sm">
                        {t('people.household.noPlan')}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Consents({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const record = useRecordConsent(household.id);
  const withdraw = useWithdrawConsent(household.id);
  const canCounsel = me.permissions.includes('case:counsel');
  const [personId, setPersonId] = useState(household.members[0]?.id ?? '');
  const [purpose, setPurpose] = useState<SharingPurpose>('case_management');
  const [givenOn, setGivenOn] = useState(new Date().toISOString().slice(0, 10));
  const [channel, setChannel] = useState<ConsentChannel>('in_person');
  const [withdrawChannel, setWithdrawChannel] = useState<ConsentChannel>('in_person');
  const people = new Map(household.members.map((person) => [person.id, person]));
  const standing = household.consents.filter((consent) => consent.withdrawnAt === null);
  const withdrawn = household.consents.filter((consent) => consent.withdrawnAt !== null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ personId, purpose, givenOn, channel });
  };
  return (
    <section aria-labelledby="consent-heading">
      <Title order={2} size="h3" id="consent-heading" mb="xs">
        {t('people.consent.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('people.consent.intro')}
      </Text>
      {standing.length === 0 ? (
        <Text size="sm">{t('people.consent.none')}</Text>
      ) : (
        <StackTable striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('people.consent.person')}</Table.Th>
              <Table.Th scope="col">{t('people.consent.purpose')}</Table.Th>
              <Table.Th scope="col">{t('people.consent.given')}</Table.Th>
              {canCounsel ? <Table.Th scope="col">{t('people.consent.withdraw')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {standing.map((consent) => {
              const person = people.get(consent.personId);
              return (
                <Table.Tr key={consent.id}>
                  <Table.Th scope="row" dir="auto">
                    {person ? nameOf(person) : ''}
                  </Table.Th>
                  <Table.Td>{t(`purpose.${consent.purpose}`)}</Table.Td>
                  <Table.Td>
                    {t('people.consent.givenOn', {
                      date: format.date(`${consent.givenOn}T12:00:00Z`),
                      channel: t(`people.channel.${consent.channel}`),
                    })}
                  </Table.Td>
                  {canCounsel ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        loading={withdraw.isPending && withdraw.variables?.consentId === consent.id}
                        onClick={() => withdraw.mutate({ consentId: consent.id, channel: withdrawChannel })}
                      >
                        {t('people.consent.withdrawButton')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </StackTable>
      )}
      {canCounsel && standing.length > 0 ? (
        <NativeSelect
          label={t('people.consent.withdrawChannel')}
          value={withdrawChannel}
          onChange={(event) => setWithdrawChannel(event.currentTarget.value as ConsentChannel)}
          maw={320}
          mt="xs"
        >
          {CONSENT_CHANNELS.map((value) => (
            <option key={value} value={value}>
              {t(`people.channel.${value}`)}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      <FormError error={withdraw.error} />
      {withdrawn.length > 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('people.consent.withdrawnCount', { count: withdrawn.length })}
        </Text>
      ) : null}
      {canCounsel && household.owned ? (
        <Paper withBorder p="md" mt="md" component="form" onSubmit={submit}>
          <Title order={3} size="h4" mb="sm">
            {t('people.consent.record')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NativeSelect
              label={t('people.consent.person')}
              value={personId}
              onChange={(event) => setPersonId(event.currentTarget.value)}
            >
              {household.members.map((person) => (
                <option key={person.id} value={person.id}>
                  {nameOf(person)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t('people.consent.purpose')}
              value={purpose}
              onChange={(event) => setPurpose(event.currentTarget.value as SharingPurpose)}
            >
              {SHARING_PURPOSES.map((value) => (
                <option key={value} value={value}>
                  {t(`purpose.${value}`)}
                </option>
              ))}
            </NativeSelect>
            <TextInput
              type="date"
              label={t('people.consent.date')}
              value={givenOn}
              onChange={(event) => setGivenOn(event.currentTarget.value)}
              required
            />
            <NativeSelect
              label={t('people.consent.channel')}
              value={channel}
              onChange={(event) => setChannel(event.currentTarget.value as ConsentChannel)}
            >
              {CONSENT_CHANNELS.map((value) => (
                <option key={value} value={value}>
                  {t(`people.channel.${value}`)}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit" loading={record.isPending}>
              {t('people.consent.recordButton')}
            </Button>
          </Group>
          <FormError error={record.error} />
        </Paper>
      ) : null}
    </section>
  );
}

function Sharing({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const canShare = household.owned && me.permissions.includes('case:share');
  // The names of the organisations already shared with, for those who may read the directory.
  const organisations = useOrganisations(canShare && me.permissions.includes('organisation:read'));
  const share = useShare(household.id);
  const end = useEndShare(household.id);
  const [toOrganisationId, setTo] = useState('');
  const [purpose, setPurpose] = useState<SharingPurpose>('case_management');
  // Whom the case may go to for the chosen purpose: the organisations with an agreement in force with this one.
  const recipients = useShareRecipients(purpose, canShare);
  const names = new Map(
    [...(organisations.data ?? []), ...(recipients.data ?? [])].map((organisation) => [
      organisation.id,
      organisation.name,
    ]),
  );
  const open = household.shares.filter((item) => item.endedAt === null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    share.mutate({ toOrganisationId, purpose }, { onSuccess: () => setTo('') });
  };
  if (!household.owned && open.length === 0) return null;
  return (
    <section aria-labelledby="sharing-heading">
      <Title order={2} size="h3" id="sharing-heading" mb="xs">
        {t('people.share.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('people.share.intro')}
      </Text>
      {open.length === 0 ? (
        <Text size="sm">{t('people.share.none')}</Text>
      ) : (
        <StackTable striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('people.share.organisation')}</Table.Th>
              <Table.Th scope="col">{t('people.consent.purpose')}</Table.Th>
              <Table.Th scope="col">{t('people.share.since')}</Table.Th>
              {canShare ? <Table.Th scope="col">{t('people.share.end')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Th scope="row">
                  {names.get(item.toOrganisationId) ?? <span className="ltr-value">{item.toOrganisationId}</span>}
                </Table.Th>
                <Table.Td>{t(`purpose.${item.purpose}`)}</Table.Td>
                <Table.Td>{format.date(item.createdAt)}</Table.Td>
                {canShare ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      loading={end.isPending && end.variables === item.id}
                      onClick={() => end.mutate(item.id)}
                    >
                      {t('people.share.endButton')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
      <FormError error={end.error} />
      {canShare ? (
        <Paper withBorder p="md" mt="md" component="form" onSubmit={submit}>
          <Title order={3} size="h4" mb="sm">
            {t('people.share.new')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('people.consent.purpose')}
              value={purpose}
              onChange={(event) => {
                setPurpose(event.currentTarget.value as SharingPurpose);
                setTo('');
              }}
            >
              {SHARING_PURPOSES.map((value) => (
                <option key={value} value={value}>
                  {t(`purpose.${value}`)}
                </option>
              ))}
            </NativeSelect>
            {recipients.isError ? (
              <ErrorPanel error={recipients.error} onRetry={() => void recipients.refetch()} />
            ) : recipients.data && recipients.data.length === 0 ? (
              <Alert color="yellow" variant="light" role="status">
                {t('people.share.noRecipients')}
              </Alert>
            ) : (
              <NativeSelect
                label={t('people.share.organisation')}
                value={toOrganisationId}
                onChange={(event) => setTo(event.currentTarget.value)}
                disabled={!recipients.data}
                required
              >
                <option value="">{t('people.choose')}</option>
                {(recipients.data ?? []).map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="xs">
            {t('people.share.rule')}
          </Text>
          <Group mt="sm">
            <Button type="submit" loading={share.isPending} disabled={!toOrganisationId}>
              {t('people.share.button')}
            </Button>
          </Group>
          <FormError error={share.error} />
        </Paper>
      ) : null}
    </section>
  );
}
