import { Anchor, Button, Group, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isZoneClass } from '../../../shared/zones/constants.ts';
import type { PublicZone } from '../../../shared/zones/schemas.ts';
import { usePageStatus } from '../../components/page.ts';
import { ClassBadge } from './ClassBadge.tsx';
import { CLASSES } from './classStyle.ts';
import { filterFromSearch, filterToSearch, filterZones, invalidClass, type ZoneFilter } from './filter.ts';
import { formatPeriod, hasLanguage, localized } from './format.ts';

/** Where the map's skip link goes. */
export const TABLE_ID = 'zones-table';

/**
 * The same data as the map, for everyone who cannot use the map: every zone with its P-code, name (a link to its
 * page), class in words and period; a search box and a class filter, kept in the page's address.
 */
export function ZonesTable({ zones }: { zones: readonly PublicZone[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const filter = filterFromSearch(params);
  // A class that is not one (a hand-edited or old address): said next to the list, the zones shown unfiltered.
  const classError = invalidClass(params) ? t('publicZones.list.invalidClass') : undefined;
  usePageStatus(classError ? 400 : 200);
  const shown = filterZones(zones, filter);
  // From the address as it is now, not as last rendered: two quick changes both count.
  const update = (change: Partial<ZoneFilter>) =>
    setParams((current) => filterToSearch({ ...filterFromSearch(current), ...change }), { replace: true });

  return (
    <section aria-labelledby={TABLE_ID}>
      <Title id={TABLE_ID} tabIndex={-1} order={2} mb="sm">
        {t('publicZones.list.tableTitle')}
      </Title>
      {/* A plain GET form: without JavaScript, "Show" loads /zones?q=…&class=…, which the server renders. */}
      <form method="get" action="/zones" onSubmit={(event) => event.preventDefault()}>
        <Group align="end" gap="md" mb="sm" wrap="wrap">
          <TextInput
            type="search"
            name="q"
            label={t('publicZones.list.search')}
            description={t('publicZones.list.searchHint')}
            value={filter.text}
            onChange={(event) => update({ text: event.currentTarget.value })}
            w={320}
            maw="100%"
          />
          <NativeSelect
            name="class"
            label={t('publicZones.list.classFilter')}
            error={classError}
            value={filter.zoneClass ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              update({ zoneClass: isZoneClass(value) ? value : null });
            }}
            w={260}
            maw="100%"
          >
            <option value="">{t('publicZones.list.allClasses')}</option>
            {CLASSES.map((zoneClass) => (
              <option key={zoneClass} value={zoneClass}>
                {t(`zoneTerms.class.${zoneClass}`)}
              </option>
            ))}
          </NativeSelect>
          <Button type="submit" variant="default">
            {t('publicZones.list.filterSubmit')}
          </Button>
        </Group>
      </form>
      <Text role="status" mb="sm">
        {t('publicZones.list.results', { count: shown.length })}
      </Text>
      {shown.length === 0 ? (
        <Text>{t('publicZones.list.noMatch')}</Text>
      ) : (
        <Table striped captionSide="top" verticalSpacing="sm" className="stacked-table">
          <Table.Caption ta="start">
            {t('publicZones.list.caption', { shown: shown.length, total: zones.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('publicZones.column.pcode')}</Table.Th>
              <Table.Th scope="col">{t('publicZones.column.zone')}</Table.Th>
              <Table.Th scope="col">{t('publicZones.column.class')}</Table.Th>
              <Table.Th scope="col">{t('publicZones.column.period')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((zone) => (
              <Table.Tr key={zone.pcode}>
                <Table.Td data-label={t('publicZones.column.pcode')}>
                  <span className="ltr-value">{zone.pcode}</span>
                </Table.Td>
                <Table.Th scope="row" fw={400} data-label={t('publicZones.column.zone')}>
                  <Anchor
                    component={Link}
                    to={`/zones/${zone.pcode}`}
                    lang={hasLanguage(zone.name, language) ? undefined : 'en'}
                  >
                    {localized(zone.name, language, zone.pcode)}
                  </Anchor>
                </Table.Th>
                <Table.Td data-label={t('publicZones.column.class')}>
                  <ClassBadge zoneClass={zone.class} />
                </Table.Td>
                <Table.Td data-label={t('publicZones.column.period')}>
                  <time dateTime={zone.period}>{formatPeriod(zone.period, language)}</time>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
