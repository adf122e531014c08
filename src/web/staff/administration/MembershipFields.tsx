import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../session.ts';
import type { MembershipRow } from './requests.ts';
import { grantableRoles } from './scope.ts';
import type { Organisation } from './types.ts';

/**
 * The organisation and role of one membership. The first pair is labelled plainly ("Organisation", "Role");
 * further pairs carry their number, so every control has its own name.
 */
export function MembershipFields({
  row,
  index,
  organisations,
  onChange,
  errors,
}: {
  row: MembershipRow;
  /** Position in the form, from 0; undefined for a single pair outside a list. */
  index?: number;
  organisations: readonly Organisation[];
  onChange: (row: MembershipRow) => void;
  errors: { organisationId?: string | undefined; role?: string | undefined };
}) {
  const { t } = useTranslation();
  const roles = grantableRoles(useMe());
  const numbered = index !== undefined && index > 0;
  return (
    <>
      <NativeSelect
        label={
          numbered
            ? t('administration.user.organisationNumbered', { number: index + 1 })
            : t('administration.user.organisation')
        }
        required
        value={row.organisationId}
        onChange={(event) => onChange({ ...row, organisationId: event.currentTarget.value })}
        error={errors.organisationId}
        style={{ flex: '2 1 16rem' }}
      >
        <option value="">{t('administration.choose')}</option>
        {organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label={numbered ? t('administration.user.roleNumbered', { number: index + 1 }) : t('administration.user.role')}
        required
        value={row.role}
        onChange={(event) => onChange({ ...row, role: event.currentTarget.value as MembershipRow['role'] })}
        error={errors.role}
        style={{ flex: '1 1 12rem' }}
      >
        <option value="">{t('administration.choose')}</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </NativeSelect>
    </>
  );
}
