import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../components/StatusBadge.tsx';
import type { UserSummary } from './types.ts';

/** Whether the account may sign in, in words. */
export function AccountStatus({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  return user.active ? (
    <StatusBadge tone="good">{t('administration.user.active')}</StatusBadge>
  ) : (
    <StatusBadge tone="bad">{t('administration.user.deactivated')}</StatusBadge>
  );
}

/** Two-factor sign-in: on, off, or required but not set up yet (the person enrols at next sign-in). */
export function TwoFactorStatus({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  if (user.twoFactor.enabled) return <StatusBadge tone="good">{t('administration.user.twoFactorOn')}</StatusBadge>;
  return user.twoFactor.required ? (
    <StatusBadge tone="bad">{t('administration.user.twoFactorPending')}</StatusBadge>
  ) : (
    <StatusBadge tone="neutral">{t('administration.user.twoFactorOff')}</StatusBadge>
  );
}
