import { Anchor, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Explanation } from '../../zones/Explanation.tsx';
import { OffsetPager } from '../components/Pager.tsx';
import { StackTable } from '../components/StackTable.tsx';
import { useFrameworkFor } from './frameworkFor.ts';
import { useActiveFramework } from './queries.ts';
import { classChange } from './status.ts';
import type { PeriodReview } from './types.ts';
import { ClassBadge, useLocalName } from './ui.tsx';

const PAGE_SIZE = 50;

/** The period's zones with their class, the previous period's, and the change in words; changes can be shown alone. */
export function ReviewTable({ review }: { review: PeriodReview }) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  const active = useActiveFramework();
  const framework = useFrameworkFor(review.frameworkVersion, active.data);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [offset, setOffset] = useState(0);
  const rows = review.zones.map((zone) => ({ ...zone, change: classChange(zone.previousClass, zone.class) }));
  const shown = onlyChanges ? rows.filter((row) => row.change === 'improved' || row.change === 'worsened') : rows;
  const page = shown.slice(offset, offset + PAGE_SIZE);

  return (
    <>
      <Checkbox
        label={t('zones.review.onlyChanges')}
        checked={onlyChanges}
        onChange={(event) => {
          setOnlyChanges(event.currentTarget.checked);
          setOffset(0);
        }}
        mb="sm"
      />
      <StackTable
        striped
        captionSide="top"
        verticalSpacing="sm"
        styles={{ td: { verticalAlign: 'top' }, th: { verticalAlign: 'top' } }}
      >
        <Table.Caption ta="start">{t('zones.review.caption', { count: shown.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('zones.pcode')}</Table.Th>
            <Table.Th scope="col">{t('zones.name')}</Table.Th>
            <Table.Th scope="col">{t('zones.classColumn')}</Table.Th>
            <Table.Th scope="col">{t('zones.review.previous')}</Table.Th>
            <Table.Th scope="col">{t('zones.review.change')}</Table.Th>
            <Table.Th scope="col">{t('zones.review.summary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.map((row) => (
            <Table.Tr key={row.pcode}>
              <Table.Td>
                <span className="ltr-value">{row.pcode}</span>
              </Table.Td>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/staff/zones/${row.pcode}`} fw={600}>
                  {nameOf(row.name, row.pcode)}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <ClassBadge zoneClass={row.class} />
              </Table.Td>
              <Table.Td>
                {row.previousClass ? <ClassBadge zoneClass={row.previousClass} /> : t('zones.review.noPrevious')}
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  fw={row.change === 'improved' || row.change === 'worsened' ? 700 : 400}
                  c={row.change === 'worsened' ? 'red.9' : undefined}
                >
                  {row.change === 'worsened' || row.change === 'improved' ? (
                    <span aria-hidden="true">{row.change === 'worsened' ? '▼ ' : '▲ '}</span>
                  ) : null}
                  {t(`zones.review.changes.${row.change}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <details>
                  <summary>{t('zones.review.readSummary', { zone: nameOf(row.name, row.pcode) })}</summary>
                  <Stack gap={4} mt={4} fz="sm">
                    <Explanation classification={row.classification} framework={framework} />
                  </Stack>
                </details>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackTable>
      <OffsetPager offset={offset} limit={PAGE_SIZE} total={shown.length} loading={false} onChange={setOffset} />
    </>
  );
}
