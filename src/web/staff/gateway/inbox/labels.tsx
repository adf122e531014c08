import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../shared/gateway/schemas.ts';
import { useFormatters } from '../../../components/format.ts';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';

const STATUS_TONE: Record<InboxItem['status'], Tone> = {
  received: 'fair',
  acknowledged: 'neutral',
  assigned: 'neutral',
  investigating: 'neutral',
  responded: 'good',
  closed: 'good',
};

/** Where an item stands, in words with its shape. */
export function StatusText({ status }: { status: InboxItem['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_TONE[status]}>{t(`gatewayInbox.status.${status}`)}</StatusBadge>;
}

/** What an item is: its kind, and for a complaint what it is about. */
export function KindText({ item }: { item: Pick<InboxItem, 'kind' | 'complaintCategory'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`gatewayInbox.kind.${item.kind}`)}
      {item.complaintCategory ? ` · ${t(`gatewayInbox.category.${item.complaintCategory}`)}` : null}
    </>
  );
}

/** When its next step is due, and "overdue" in words (and a red badge) once it has passed. */
export function DueText({ item }: { item: Pick<InboxItem, 'dueAt' | 'overdue' | 'nextStep'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!item.dueAt || !item.nextStep) return <>{t('gatewayInbox.due.nothing')}</>;
  return (
    <>
      {t('gatewayInbox.due.step', { step: t(`gatewayInbox.step.${item.nextStep}`), date: format.dateTime(item.dueAt) })}{' '}
      {item.overdue ? <StatusBadge tone="bad">{t('gatewayInbox.due.overdue')}</StatusBadge> : null}
    </>
  );
}
