import { NativeSelect, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Mono } from '../components/Mono.tsx';
import type { useDirectoryNames } from './queries.ts';

type Directory = ReturnType<typeof useDirectoryNames>;
type Actor = { userId: string; organisationId: string } | null;

/** Who acted, by name when the person may read the directory, otherwise by id; "the system" for jobs and the CLI. */
export function ActorName({ actor, directory }: { actor: Actor; directory: Directory }) {
  const { t } = useTranslation();
  if (!actor) return <Text size="sm">{t('administration.log.system')}</Text>;
  const name = directory.person(actor.userId);
  const organisation = directory.organisation(actor.organisationId);
  return (
    <div>
      <Text size="sm" fw={600}>
        {name ?? <Mono>{actor.userId}</Mono>}
      </Text>
      <Text size="xs" c="dimmed">
        {organisation ?? <Mono>{actor.organisationId}</Mono>}
      </Text>
    </div>
  );
}

/**
 * The "person" filter: a list of the people the person may read; without that permission, the id to look for.
 */
export function PersonFilter({
  value,
  onChange,
  directory,
  listed,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  directory: Directory;
  listed: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  if (!listed) {
    return (
      <TextInput
        label={t('administration.log.personId')}
        description={t('administration.log.personIdHint')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value.trim())}
        error={error}
        dir="ltr"
      />
    );
  }
  return (
    <NativeSelect
      label={t('administration.log.person')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    >
      <option value="">{t('administration.log.anyone')}</option>
      {directory.people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.displayName}
        </option>
      ))}
    </NativeSelect>
  );
}

/** The first and last day of the period to show (either may stay empty). */
export function PeriodFields({
  from,
  to,
  onChange,
  errors,
}: {
  from: string;
  to: string;
  onChange: (change: { from?: string; to?: string }) => void;
  errors: { from?: string | undefined; to?: string | undefined };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="date"
        label={t('administration.log.firstDay')}
        value={from}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
        error={errors.from}
      />
      <TextInput
        type="date"
        label={t('administration.log.lastDay')}
        value={to}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
        error={errors.to}
      />
    </>
  );
}
