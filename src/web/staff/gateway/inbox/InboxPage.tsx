import { Alert, Anchor, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SUBMISSION_KINDS, SUBMISSION_STATUSES } from '../../../../shared/gateway/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { FilterForm } from '../../components/FilterForm.tsx';
import { useCursorPages, useFilters } from '../../components/filters.ts';
import { Pager } from '../../components/Pager.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DueText, KindText, StatusText } from './labels.tsx';
import { type InboxFilters, useInbox } from './queries.ts';

const PAGE_SIZE = 50;
const NO_FILTERS: InboxFilters = { kind: '', status: 'open', pcode: '', overdue: '', mine: '' };

/**
 * `gateway/inbox`: the organisation's items, earliest due first, the overdue marked in words; filters kept in the
 * address. No item's text is listed: it is read on the item's page, and that reading is logged. People who may
 * not see sensitive items are told how many there are, and nothing else about them.
 */
export default function InboxPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const [draft, setDraft] = useState(filters);
  const pages = useCursorPages<string>(JSON.stringify(filters));
  const inbox = useInbox(filters, pages.cursor);
  const field = (name: keyof InboxFilters) => ({
    value: draft[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  return (
    <>
      <ScreenHeader title={t('gatewayInbox.inbox.title')} description={t('gatewayInbox.inbox.intro')} />
      <FilterForm
        label={t('gatewayInbox.inbox.filters')}
        columns={4}
        onApply={() => setFilters({ ...draft, pcode: draft.pcode.trim().toUpperCase() })}
        onClear={() => {
          setDraft(NO_FILTERS);
          setFilters(NO_FILTERS);
        }}
      >
        <NativeSelect label={t('gatewayInbox.filter.kind')} {...field('kind')}>
          <option value="">{t('gatewayInbox.filter.anyKind')}</option>
          {SUBMISSION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`gatewayInbox.kind.${kind}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect label={t('gatewayInbox.filter.status')} {...field('status')}>
          <option value="open">{t('gatewayInbox.filter.open')}</option>
          <option value="">{t('gatewayInbox.filter.anyStatus')}</option>
          {SUBMISSION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`gatewayInbox.status.${status}`)}
            </option>
          ))}
        </NativeSelect>
        <TextInput
          label={t('gatewayInbox.filter.zone')}
          description={t('gatewayInbox.filter.zoneHint')}
          {...field('pcode')}
        />
        <NativeSelect label={t('gatewayInbox.filter.due')} {...field('overdue')}>
          <option value="">{t('gatewayInbox.filter.anyDue')}</option>
          <option value="true">{t('gatewayInbox.filter.overdue')}</option>
          <option value="false">{t('gatewayInbox.filter.onTime')}</option>
        </NativeSelect>
        <NativeSelect label={t('gatewayInbox.filter.mine')} {...field('mine')}>
          <option value="">{t('gatewayInbox.filter.everyone')}</option>
          <option value="true">{t('gatewayInbox.filter.onlyMine')}</option>
        </NativeSelect>
      </FilterForm>
      {inbox.isPending ? (
        <PageLoader />
      ) : inbox.isError ? (
        <ErrorPanel error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <>
          {inbox.data.sensitiveHidden > 0 ? (
            <Alert variant="light" color="gray" mt="md" maw={720} data-testid="sensitive-hidden">
              {t('gatewayInbox.inbox.sensitiveHidden', { count: inbox.data.sensitiveHidden })}
            </Alert>
          ) : null}
          {inbox.data.items.length === 0 ? (
            <Text mt="md">{t('gatewayInbox.inbox.none')}</Text>
          ) : (
            <StackTable striped captionSide="top" verticalSpacing="sm" mt="md" aria-busy={inbox.isFetching}>
              <Table.Caption ta="start">{t('gatewayInbox.inbox.caption', { count: inbox.data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('gatewayInbox.column.reference')}</Table.Th>
                  <Table.Th scope="col">{t('gatewayInbox.column.kind')}</Table.Th>
                  <Table.Th scope="col">{t('gatewayInbox.column.status')}</Table.Th>
                  <Table.Th scope="col">{t('gatewayInbox.column.due')}</Table.Th>
                  <Table.Th scope="col">{t('gatewayInbox.column.how')}</Table.Th>
                  <Table.Th scope="col">{t('gatewayInbox.column.zone')}</Table.Th>
                  <Table.Th scope="col">{t('gatewayInbox.column.assignee')}</Table.Th>
                  <Table.Th scope="col">{t('gatewayInbox.column.received')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inbox.data.items.map((item) => (
                  <Table.Tr key={item.id} data-overdue={item.overdue || undefined}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/staff/gateway/inbox/${item.id}`} fw={600}>
                        <span className="ltr-value">{item.reference}</span>
                      </Anchor>
                      {item.sensitive ? (
                        <>
                          {' '}
                          <StatusBadge tone="bad">{t('gatewayInbox.sensitive')}</StatusBadge>
                        </>
                      ) : null}
                    </Table.Th>
                    <Table.Td>
                      <KindText item={item} />
                    </Table.Td>
                    <Table.Td>
                      <StatusText status={item.status} />
                    </Table.Td>
                    <Table.Td>
                      <DueText item={item} />
                    </Table.Td>
                    <Table.Td>
                      {t(`gatewayInbox.channel.${item.channel}`)} · {t(`gatewayInbox.disclosure.${item.disclosure}`)}
                    </Table.Td>
                    <Table.Td>
                      {item.pcode ? <span className="ltr-value">{item.pcode}</span> : t('gatewayInbox.noZone')}
                    </Table.Td>
                    <Table.Td>{item.assignee?.name ?? t('gatewayInbox.unassigned')}</Table.Td>
                    <Table.Td>{format.dateTime(item.receivedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </StackTable>
          )}
          <Pager
            page={pages.page}
            pages={Math.max(1, Math.ceil(inbox.data.total / PAGE_SIZE))}
            hasNext={inbox.data.nextCursor !== null}
            loading={inbox.isFetching}
            onPrevious={pages.newer}
            onNext={() => {
              if (inbox.data.nextCursor) pages.older(inbox.data.nextCursor);
            }}
          />
        </>
      )}
    </>
  );
}
