import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  AFFECTED_GROUPS,
  type AffectedGroup,
  INCIDENT_SOURCES,
  INCIDENT_TYPES,
  type IncidentSource,
  type IncidentType,
  PERPETRATOR_CATEGORIES,
  type PerpetratorCategory,
} from '../../../shared/gateway/constants.ts';
import { FormError } from '../../components/forms.tsx';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { incidentFieldError } from './parts.tsx';
import { useRecordIncident } from './queries.ts';

const NARRATIVE_MAX = 8000;
const NOTE_MAX = 4000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_PEOPLE = Object.fromEntries(AFFECTED_GROUPS.map((group) => [group, 0])) as Record<AffectedGroup, number>;

/**
 * `incidents/new`: record an incident for the organisation. Where (a zone, a transit point or a corridor), when,
 * who is alleged, the people affected counted by sex and age, the account, and its source. Names of the people
 * affected are optional and only protection officers will read them. Opened from a gateway item
 * (`?submission=<id>`), the incident is linked to it.
 */
export default function NewIncidentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const submissionIds = params.getAll('submission').filter((id) => UUID.test(id));
  const record = useRecordIncident();
  const [type, setType] = useState<IncidentType | ''>('');
  const [occurredOn, setOccurredOn] = useState('');
  const [pcode, setPcode] = useState('');
  const [transitPoint, setTransitPoint] = useState('');
  const [corridor, setCorridor] = useState('');
  const [perpetrator, setPerpetrator] = useState<PerpetratorCategory | ''>('');
  const [affected, setAffected] = useState(NO_PEOPLE);
  const [narrative, setNarrative] = useState('');
  const [identities, setIdentities] = useState('');
  const [source, setSource] = useState<IncidentSource | ''>('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const error = (name: string) => missing[name] ?? incidentFieldError(t, record.error, name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!type) problems.type = t('incidents.new.required');
    if (!occurredOn) problems.occurredOn = t('incidents.new.required');
    if (!pcode.trim() && !transitPoint.trim() && !corridor.trim())
      problems.pcode = t('incidents.fieldError.place_required');
    if (!perpetrator) problems.perpetratorCategory = t('incidents.new.required');
    if (Object.values(affected).every((n) => n === 0)) problems.affected = t('incidents.fieldError.no_people');
    if (!narrative.trim()) problems.narrative = t('incidents.new.required');
    if (!source) problems.source = t('incidents.new.required');
    setMissing(problems);
    if (Object.keys(problems).length > 0 || !type || !perpetrator || !source) return;
    record.mutate(
      {
        type,
        occurredOn,
        ...(pcode.trim() ? { pcode: pcode.trim().toUpperCase() } : {}),
        ...(transitPoint.trim() ? { transitPoint: transitPoint.trim() } : {}),
        ...(corridor.trim() ? { corridor: corridor.trim() } : {}),
        perpetratorCategory: perpetrator,
        affected,
        ...(identities.trim() ? { identities: identities.trim() } : {}),
        narrative: narrative.trim(),
        source,
        submissionIds,
      },
      { onSuccess: (incident) => void navigate(`/staff/incidents/${incident.id}`) },
    );
  };

  return (
    <>
      <ScreenHeader title={t('incidents.new.title')} description={t('incidents.new.intro')} />
      <form onSubmit={submit} noValidate aria-label={t('incidents.new.title')}>
        <Stack gap="md" maw={760}>
          {submissionIds.length > 0 ? <Text>{t('incidents.new.linking', { count: submissionIds.length })}</Text> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('incidents.field.type')}
              value={type}
              onChange={(event) => setType(event.currentTarget.value as IncidentType)}
              error={error('type')}
              required
            >
              <option value="">{t('incidents.new.choose')}</option>
              {INCIDENT_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`incidents.type.${value}`)}
                </option>
              ))}
            </NativeSelect>
            <TextInput
              type="date"
              label={t('incidents.field.occurredOn')}
              value={occurredOn}
              onChange={(event) => setOccurredOn(event.currentTarget.value)}
              max={new Date().toISOString().slice(0, 10)}
              error={error('occurredOn')}
              required
            />
          </SimpleGrid>
          <Fieldset legend={t('incidents.new.where')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('incidents.new.whereHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('incidents.field.pcode')}
                value={pcode}
                onChange={(event) => setPcode(event.currentTarget.value)}
                error={error('pcode')}
                dir="ltr"
              />
              <TextInput
                label={t('incidents.field.transitPoint')}
                value={transitPoint}
                onChange={(event) => setTransitPoint(event.currentTarget.value)}
                error={error('transitPoint')}
                dir="ltr"
              />
              <TextInput
                label={t('incidents.field.corridor')}
                value={corridor}
                onChange={(event) => setCorridor(event.currentTarget.value)}
                error={error('corridor')}
                dir="ltr"
              />
            </SimpleGrid>
          </Fieldset>
          <NativeSelect
            label={t('incidents.field.perpetrator')}
            value={perpetrator}
            onChange={(event) => setPerpetrator(event.currentTarget.value as PerpetratorCategory)}
            error={error('perpetratorCategory')}
            required
          >
            <option value="">{t('incidents.new.choose')}</option>
            {PERPETRATOR_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {t(`incidents.perpetrator.${value}`)}
              </option>
            ))}
          </NativeSelect>
          <Fieldset legend={t('incidents.field.affected')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('incidents.new.affectedHint')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              {AFFECTED_GROUPS.map((group) => (
                <NumberInput
                  key={group}
                  label={t(`incidents.group.${group}`)}
                  value={affected[group]}
                  min={0}
                  max={10000}
                  allowDecimal={false}
                  allowNegative={false}
                  onChange={(value) => setAffected((current) => ({ ...current, [group]: Number(value) || 0 }))}
                />
              ))}
            </SimpleGrid>
            {error('affected') ? (
              <Text c="red.8" size="sm" mt="xs" role="alert">
                {error('affected')}
              </Text>
            ) : null}
          </Fieldset>
          <Textarea
            label={t('incidents.field.narrative')}
            description={t('incidents.new.narrativeHint')}
            value={narrative}
            onChange={(event) => setNarrative(event.currentTarget.value)}
            maxLength={NARRATIVE_MAX}
            autosize
            minRows={4}
            error={error('narrative')}
            required
          />
          <Textarea
            label={t('incidents.field.identities')}
            description={t('incidents.new.identitiesHint')}
            value={identities}
            onChange={(event) => setIdentities(event.currentTarget.value)}
            maxLength={NOTE_MAX}
            autosize
            minRows={2}
            error={error('identities')}
          />
          <NativeSelect
            label={t('incidents.field.source')}
            value={source}
            onChange={(event) => setSource(event.currentTarget.value as IncidentSource)}
            error={error('source')}
            required
          >
            <option value="">{t('incidents.new.choose')}</option>
            {INCIDENT_SOURCES.map((value) => (
              <option key={value} value={value}>
                {t(`incidents.source.${value}`)}
              </option>
            ))}
          </NativeSelect>
          <FormError error={record.error} />
          <Group gap="sm">
            <Button type="submit" loading={record.isPending}>
              {t('incidents.new.submit')}
            </Button>
            <Button component={Link} to="/staff/incidents" variant="subtle">
              {t('incidents.new.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
