import { Alert, Center, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/page.ts';
import { useHydrated } from '../page-context.tsx';
import { usePublicZoneList, usePublicZoneMap } from './api.ts';
import { ClassMeanings, TransparencyNote } from './ClassMeanings.tsx';
import { ZonesMapSection } from './ZonesMapSection.tsx';
import { ZonesTable } from './ZonesTable.tsx';

/**
 * `/zones`: the latest published class of every zone, on a map (the zones with an outline) and in a table that
 * holds the same data for every zone. The table does not wait for the map, nor fail with it.
 */
export default function ZonesPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicZones.list.title'));
  const list = usePublicZoneList();
  return (
    <Stack gap="xl">
      <section aria-labelledby="zones-title">
        <Title id="zones-title" order={1} mb="md">
          {t('publicZones.list.title')}
        </Title>
        <Text size="lg" maw={760}>
          {t('publicZones.list.lead')}
        </Text>
      </section>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Alert variant="light" color="gray" maw={760}>
          {t('publicZones.list.none')}
        </Alert>
      ) : (
        <>
          <MapWhenScripted total={list.data.length} />
          <ZonesTable zones={list.data} />
        </>
      )}
      <ClassMeanings />
      <TransparencyNote />
    </Stack>
  );
}

/** The map needs JavaScript; the table beside it holds the same data for every reader. */
function MapWhenScripted({ total }: { total: number }) {
  return useHydrated() ? <MapArea total={total} /> : null;
}

function MapArea({ total }: { total: number }) {
  const { t } = useTranslation();
  const map = usePublicZoneMap();
  if (map.isPending) {
    return (
      <Center h={460} role="status">
        <Loader aria-hidden="true" />
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      </Center>
    );
  }
  if (map.isError) return <ErrorPanel error={map.error} onRetry={() => void map.refetch()} />;
  const drawn = map.data.filter((feature) => feature.geometry !== null);
  return drawn.length > 0 ? <ZonesMapSection features={drawn} total={total} /> : null;
}
