import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentKind,
  type DocumentStatus,
  RELATIONSHIPS,
  type Relationship,
  SEXES,
  type Sex,
  SPECIFIC_NEEDS,
  type SpecificNeed,
} from '../../../../shared/cases/constants.ts';
import type { RegisteredHousehold, RegisterHouseholdRequest } from '../../../../shared/cases/schemas/people.ts';
import { isApiError } from '../../../api/problem.ts';
import { FormError } from '../../../components/forms.tsx';
import { fieldProblem, focusFirstProblem } from '../../components/problems.ts';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { useMe } from '../../session.ts';
import { ZoneSelect } from '../../zones/ZoneSelect.tsx';
import { groupedCode } from './labels.ts';
import './people.css';
import { useRegisterHousehold } from './queries.ts';

interface MemberForm {
  key: number;
  given: string;
  family: string;
  other: string;
  dateOfBirth: string;
  sex: Sex | '';
  relationship: Relationship | '';
  documents: { key: number; kind: DocumentKind; number: string }[];
  documentStatus: DocumentStatus;
  phones: { key: number; value: string }[];
  needs: Partial<Record<SpecificNeed, string>>;
  unaccompanied: boolean;
}

let nextKey = 0;
const emptyMember = (relationship: Relationship | ''): MemberForm => ({
  key: nextKey++,
  given: '',
  family: '',
  other: '',
  dateOfBirth: '',
  sex: '',
  relationship,
  documents: [],
  documentStatus: 'available',
  phones: [],
  needs: {},
  unaccompanied: false,
});

function toRequest(asylumStateCode: string, intendedPcode: string, members: MemberForm[]): RegisterHouseholdRequest {
  return {
    asylumStateCode: asylumStateCode.trim().toUpperCase(),
    intendedPcode,
    members: members.map((member) => ({
      name: {
        given: member.given.trim(),
        family: member.family.trim(),
        ...(member.other.trim() ? { other: member.other.trim() } : {}),
      },
      dateOfBirth: member.dateOfBirth,
      sex: member.sex as Sex,
      relationship: member.relationship as Relationship,
      documents: member.documents
        .filter((document) => document.number.trim() !== '')
        .map((document) => ({ kind: document.kind, number: document.number.trim() })),
      documentStatus: member.documentStatus,
      phones: member.phones.map((phone) => phone.value.trim()).filter(Boolean),
      needs: Object.entries(member.needs).map(([need, plan]) => ({
        need: need as SpecificNeed,
        ...(plan?.trim() ? { plan: plan.trim() } : {}),
      })),
      unaccompanied: member.unaccompanied,
    })),
  };
}

/**
 * Registers a household: its members with names, dates of birth, relationships, documents, phones and specific
 * needs, the state of asylum and the intended zone. On success the reference and the slip's status code are
 * shown once, with a slip to print: only a keyed hash of the code is kept, so it cannot be shown again.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const form = useRef<HTMLFormElement>(null);
  const [asylumStateCode, setAsylumStateCode] = useState(me.organisation.homeState);
  const [intendedPcode, setIntendedPcode] = useState('');
  const [members, setMembers] = useState<MemberForm[]>(() => [emptyMember('head')]);
  const register = useRegisterHousehold();
  const [done, setDone] = useState<RegisteredHousehold | null>(null);

  const update = (key: number, change: Partial<MemberForm>) =>
    setMembers((current) => current.map((member) => (member.key === key ? { ...member, ...change } : member)));
  const problem = (name: string) => fieldProblem(t, register.error, name, { codes: PEOPLE_FIELD_CODES });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(toRequest(asylumStateCode, intendedPcode, members), {
      onSuccess: (registered) => {
        setDone(registered);
        window.scrollTo({ top: 0 });
      },
      onError: () => focusFirstProblem(form.current),
    });
  };

  if (done)
    return (
      <Registered
        registered={done}
        onAnother={() => {
          setDone(null);
          setMembers([emptyMember('head')]);
          register.reset();
        }}
      />
    );

  return (
    <>
      <ScreenHeader title={t('people.register.title')} description={t('people.register.intro')} />
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('people.asylumState')}
                description={t('people.asylumStateHint')}
                value={asylumStateCode}
                onChange={(event) => setAsylumStateCode(event.currentTarget.value.toUpperCase())}
                maxLength={2}
                required
                dir="ltr"
                error={problem('asylumStateCode')}
              />
              <ZoneSelect value={intendedPcode} onChange={setIntendedPcode} error={problem('intendedPcode')} />
            </SimpleGrid>
          </Paper>
          {members.map((member, index) => (
            <MemberFields
              key={member.key}
              member={member}
              index={index}
              removable={members.length > 1}
              onChange={(change) => update(member.key, change)}
              onRemove={() => setMembers((current) => current.filter((other) => other.key !== member.key))}
              problem={(field) => problem(`members.${index}.${field}`)}
            />
          ))}
          <Group>
            <Button variant="default" onClick={() => setMembers((current) => [...current, emptyMember('')])}>
              {t('people.register.addMember')}
            </Button>
          </Group>
          <FormError error={register.error} />
          {isApiError(register.error) && register.error.reason === 'household_inconsistent' ? (
            <Text size="sm">{t('people.register.inconsistentHint')}</Text>
          ) : null}
          <Group>
            <Button type="submit" loading={register.isPending}>
              {t('people.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** The server's own field codes on this form, each with its sentence. */
const PEOPLE_FIELD_CODES = {
  unknown_zone: 'people.check.unknownZone',
  no_head: 'people.check.noHead',
  several_heads: 'people.check.severalHeads',
  born_in_future: 'people.check.bornInFuture',
  too_old: 'people.check.tooOld',
  child_not_younger: 'people.check.ageRelationship',
  grandchild_not_younger: 'people.check.ageRelationship',
  parent_not_older: 'people.check.ageRelationship',
  grandparent_not_older: 'people.check.ageRelationship',
  spouse_too_young: 'people.check.spouseTooYoung',
};

function MemberFields({
  member,
  index,
  removable,
  onChange,
  onRemove,
  problem,
}: {
  member: MemberForm;
  index: number;
  removable: boolean;
  onChange: (change: Partial<MemberForm>) => void;
  onRemove: () => void;
  problem: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('people.register.member', { number: index + 1 })}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('people.name.given')}
            value={member.given}
            onChange={(event) => onChange({ given: event.currentTarget.value })}
            required
            dir="auto"
            error={problem('name.given')}
          />
          <TextInput
            label={t('people.name.other')}
            description={t('people.name.otherHint')}
            value={member.other}
            onChange={(event) => onChange({ other: event.currentTarget.value })}
            dir="auto"
            error={problem('name.other')}
          />
          <TextInput
            label={t('people.name.family')}
            value={member.family}
            onChange={(event) => onChange({ family: event.currentTarget.value })}
            required
            dir="auto"
            error={problem('name.family')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('people.dateOfBirth')}
            value={member.dateOfBirth}
            onChange={(event) => onChange({ dateOfBirth: event.currentTarget.value })}
            required
            error={problem('dateOfBirth')}
          />
          <NativeSelect
            label={t('people.sexLabel')}
            value={member.sex}
            onChange={(event) => onChange({ sex: event.currentTarget.value as Sex })}
            required
            error={problem('sex')}
          >
            <option value="">{t('people.choose')}</option>
            {SEXES.map((sex) => (
              <option key={sex} value={sex}>
                {t(`people.sex.${sex}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('people.relationshipLabel')}
            value={member.relationship}
            onChange={(event) => onChange({ relationship: event.currentTarget.value as Relationship })}
            required
            error={problem('relationship')}
          >
            <option value="">{t('people.choose')}</option>
            {RELATIONSHIPS.map((relationship) => (
              <option key={relationship} value={relationship}>
                {t(`people.relationship.${relationship}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>

        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('people.documents')}
          </Text>
          {member.documents.map((document, position) => (
            <Group key={document.key} align="flex-end" wrap="wrap" gap="xs">
              <NativeSelect
                label={t('people.document.kind')}
                value={document.kind}
                onChange={(event) =>
                  onChange({
                    documents: member.documents.map((item, at) =>
                      at === position ? { ...item, kind: event.currentTarget.value as DocumentKind } : item,
                    ),
                  })
                }
              >
                {DOCUMENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`people.documentKind.${kind}`)}
                  </option>
                ))}
              </NativeSelect>
              <TextInput
                label={t('people.document.number')}
                value={document.number}
                dir="ltr"
                onChange={(event) =>
                  onChange({
                    documents: member.documents.map((item, at) =>
                      at === position ? { ...item, number: event.currentTarget.value } : item,
                    ),
                  })
                }
                error={problem(`documents.${position}.number`)}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => onChange({ documents: member.documents.filter((_, at) => at !== position) })}
              >
                {t('people.remove')}
              </Button>
            </Group>
          ))}
          <Group gap="xs" wrap="wrap" align="flex-end">
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                onChange({ documents: [...member.documents, { key: nextKey++, kind: 'national_id', number: '' }] })
              }
            >
              {t('people.document.add')}
            </Button>
            <NativeSelect
              label={t('people.documentStatusLabel')}
              value={member.documentStatus}
              onChange={(event) => onChange({ documentStatus: event.currentTarget.value as DocumentStatus })}
            >
              {DOCUMENT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`people.documentStatus.${status}`)}
                </option>
              ))}
            </NativeSelect>
          </Group>
        </Stack>

        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('people.phones')}
          </Text>
          {member.phones.map((phone, position) => (
            <Group key={phone.key} align="flex-end" gap="xs">
              <TextInput
                type="tel"
                label={t('people.phone', { number: position + 1 })}
                value={phone.value}
                dir="ltr"
                onChange={(event) =>
                  onChange({
                    phones: member.phones.map((item, at) =>
                      at === position ? { ...item, value: event.currentTarget.value } : item,
                    ),
                  })
                }
                error={problem(`phones.${position}`)}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => onChange({ phones: member.phones.filter((_, at) => at !== position) })}
              >
                {t('people.remove')}
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => onChange({ phones: [...member.phones, { key: nextKey++, value: '' }] })}
            >
              {t('people.phoneAdd')}
            </Button>
          </Group>
        </Stack>

        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('people.needs')}
          </Text>
          {SPECIFIC_NEEDS.map((need) => {
            const checked = need in member.needs;
            return (
              <Stack key={need} gap={4}>
                <Checkbox
                  label={t(`people.need.${need}`)}
                  checked={checked}
                  onChange={(event) => {
                    const needs = { ...member.needs };
                    if (event.currentTarget.checked) needs[need] = '';
                    else delete needs[need];
                    onChange({ needs });
                  }}
                />
                {checked ? (
                  <Textarea
                    label={t('people.needPlan')}
                    description={t('people.needPlanHint')}
                    value={member.needs[need] ?? ''}
                    onChange={(event) => onChange({ needs: { ...member.needs, [need]: event.currentTarget.value } })}
                    autosize
                    minRows={2}
                    ms="lg"
                  />
                ) : null}
              </Stack>
            );
          })}
          <Checkbox
            label={t('people.unaccompanied')}
            checked={member.unaccompanied}
            onChange={(event) => onChange({ unaccompanied: event.currentTarget.checked })}
          />
        </Stack>
        {removable ? (
          <Group>
            <Button variant="subtle" color="red" onClick={onRemove}>
              {t('people.register.removeMember', { number: index + 1 })}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** The answer to a registration: the reference and the slip's status code, shown this once, and a slip to print. */
function Registered({ registered, onAnother }: { registered: RegisteredHousehold; onAnother: () => void }) {
  const { t } = useTranslation();
  const { household, statusCode } = registered;
  return (
    <>
      <ScreenHeader title={t('people.registered.title')} />
      <Stack gap="md">
        <Alert color="orange" variant="light" title={t('people.registered.onceTitle')} role="alert">
          {t('people.registered.once')}
        </Alert>
        {household.duplicate ? (
          <Alert color="yellow" variant="light">
            {t('people.duplicate.pendingAtRegistration')}
          </Alert>
        ) : null}
        <Paper withBorder p="lg" className="case-slip" data-testid="case-slip">
          <Title order={2} size="h3">
            {t('people.slip.title')}
          </Title>
          <Text mt="sm">{t('people.reference')}</Text>
          <Text fz={28} fw={700} className="ltr-value" data-testid="case-reference">
            {household.reference}
          </Text>
          <Text mt="sm">{t('people.slip.code')}</Text>
          <Text fz={28} fw={700} className="ltr-value" data-testid="status-code">
            {groupedCode(statusCode)}
          </Text>
          <Text mt="md" size="sm">
            {t('people.slip.howTo')}
          </Text>
          <Text size="sm">{t('people.slip.keep')}</Text>
        </Paper>
        <Group>
          <Button onClick={() => window.print()}>{t('people.slip.print')}</Button>
          <Button component={Link} to={`/staff/cases/households/${household.id}`} variant="default">
            {t('people.registered.open')}
          </Button>
          <Anchor component="button" type="button" onClick={onAnother}>
            {t('people.registered.another')}
          </Anchor>
        </Group>
      </Stack>
    </>
  );
}
