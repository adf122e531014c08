import { Anchor, Badge, NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STAGES, type CaseStage } from '../../../../shared/cases/constants.ts';
import { ErrorPanel } from '../../../components/ErrorPanel.tsx';
import { useFormatters } from '../../../components/format.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { useFilters } from '../../components/filters.ts';
import { OffsetPager } from '../../components/Pager.tsx';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { ZoneName } from '../../components/ZoneName.tsx';
import { useHouseholds } from './queries.ts';

const PAGE_SIZE = 50;
const NO_FILTERS = { stage: '', offset: '0' };

/** The households the organisation may see, newest first: references, stages, sizes and zones; names only on each household's page. */
export default function HouseholdsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [filters, setFilters] = useFilters(NO_FILTERS);
  const stage = (CASE_STAGES as readonly string[]).includes(filters.stage) ? (filters.stage as CaseStage) : '';
  const offset = Math.max(0, Number(filters.offset) || 0);
  const households = useHouseholds(stage, PAGE_SIZE, offset);
  return (
    <>
      <ScreenHeader title={t('people.list.title')} description={t('people.list.intro')} />
      <NativeSelect
        label={t('people.list.stageFilter')}
        value={stage}
        onChange={(event) => setFilters({ stage: event.currentTarget.value, offset: '0' })}
        maw={320}
        mb="md"
      >
        <option value="">{t('people.list.anyStage')}</option>
        {CASE_STAGES.map((value) => (
          <option key={value} value={value}>
            {t(`people.stage.${value}`)}
          </option>
        ))}
      </NativeSelect>
      {households.isPending ? (
        <PageLoader />
      ) : households.isError ? (
        <ErrorPanel error={households.error} onRetry={() => void households.refetch()} />
      ) : households.data.items.length === 0 ? (
        <Text>{stage ? t('people.list.noneAtStage') : t('people.list.none')}</Text>
      ) : (
        <>
          <StackTable striped captionSide="top" verticalSpacing="sm" aria-busy={households.isFetching}>
            <Table.Caption ta="start">{t('people.list.caption', { count: households.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.reference')}</Table.Th>
                <Table.Th scope="col">{t('people.stageColumn')}</Table.Th>
                <Table.Th scope="col">{t('people.members')}</Table.Th>
                <Table.Th scope="col">{t('people.zone')}</Table.Th>
                <Table.Th scope="col">{t('people.registeredAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {households.data.items.map((household) => (
                <Table.Tr key={household.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/staff/cases/households/${household.id}`} fw={600}>
                      <span className="ltr-value">{household.reference}</span>
                    </Anchor>
                    {household.duplicateReview === 'pending' ? (
                      <Badge color="orange" variant="light" ms="xs">
                        {t('people.duplicate.badge')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{t(`people.stage.${household.stage}`)}</Table.Td>
                  <Table.Td>{format.number(household.memberCount)}</Table.Td>
                  <Table.Td>
                    <ZoneName pcode={household.intendedPcode} names={household.intendedZoneName} />
                  </Table.Td>
                  <Table.Td>{format.date(household.registeredAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackTable>
          <OffsetPager
            offset={offset}
            limit={PAGE_SIZE}
            total={households.data.total}
            loading={households.isFetching}
            onChange={(next) => setFilters({ offset: String(next) })}
          />
        </>
      )}
    </>
  );
}
