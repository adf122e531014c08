import { Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useZones } from './queries.ts';
import type { ZoneSummary } from './types.ts';
import { useLocalName } from './ui.tsx';

const SHOWN = 20;

/**
 * A zone chosen by typing part of its P-code or name: the server searches (GET /zones?q=), the list offers what
 * it found. The zone chosen stays offered while the person types again.
 */
export function ZoneSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (pcode: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const nameOf = useLocalName();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ZoneSummary | null>(null);
  const labelOf = (zone: ZoneSummary) => `${nameOf(zone.name, zone.pcode)} · ${zone.pcode}`;
  const [typed] = useDebouncedValue(search.trim(), 250);
  // A zone given from elsewhere (the zone page's link) is looked up once, to show its name.
  const given = useZones({ q: value, limit: 5, offset: 0 }, value !== '' && chosen?.pcode !== value);
  const current = chosen?.pcode === value ? chosen : (given.data?.items.find((zone) => zone.pcode === value) ?? null);
  const currentLabel = current ? labelOf(current) : '';
  const q = current && typed === currentLabel ? '' : typed;
  const zones = useZones({ q, limit: SHOWN, offset: 0 }, q.length > 0);
  const found = q ? (zones.data?.items ?? []) : [];
  const nothing = q !== '' && !zones.isFetching && found.length === 0;
  const offered = current ? [current, ...found.filter((zone) => zone.pcode !== value)] : found;
  useEffect(() => {
    if (currentLabel) setSearch((typedSoFar) => typedSoFar || currentLabel);
  }, [currentLabel]);
  return (
    <Select
      label={t('zones.observe.zone')}
      description={t('zones.observe.zoneHint')}
      name="pcode"
      required
      searchable
      clearable
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      data={offered.map((zone) => ({ value: zone.pcode, label: labelOf(zone) }))}
      filter={({ options }) => options}
      onChange={(pcode) => {
        setChosen(offered.find((zone) => zone.pcode === pcode) ?? null);
        onChange(pcode ?? '');
      }}
      rightSection={zones.isFetching ? <Loader size="xs" aria-hidden="true" /> : undefined}
      clearButtonProps={{ 'aria-label': t('zones.observe.clearZone') }}
      error={error}
      openOnFocus={false}
      inputContainer={(input) => (
        <>
          {input}
          {/* Said here rather than in the list, which stays closed when it has nothing to offer. */}
          <Text size="sm" role="status" mt={nothing ? 4 : 0}>
            {nothing ? t('zones.noneFound') : ''}
          </Text>
        </>
      )}
    />
  );
}
