import { useTranslation } from 'react-i18next';
import type { PublicZoneDetail } from '../../../shared/zones/schemas.ts';
import { hasLanguage, localName } from '../../zones/explain.ts';

/**
 * What only a specialist needs, behind a "Technical details" disclosure (a plain <details>, which opens without
 * JavaScript): the zone's P-code, the framework version, the hard indicators, the publication's content hash and
 * its entry in the transparency log.
 */
export function ZoneDetails({ detail }: { detail: PublicZoneDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { zone, current, framework } = detail;
  const hard =
    framework?.definition.criteria.flatMap((criterion) => criterion.indicators.filter((indicator) => indicator.hard)) ??
    [];
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  return (
    <details className="zone-details">
      <summary>{t('publicZones.zone.detailsSummary')}</summary>
      <ul>
        <li>{t('publicZones.zone.detailsPcode', { pcode: zone.pcode })}</li>
        {framework ? <li>{t('publicZones.zone.detailsFramework', { version: framework.version })}</li> : null}
        {hard.length > 0 ? (
          <li lang={hard.every((indicator) => hasLanguage(indicator.name, language)) ? undefined : 'en'}>
            {t('publicZones.zone.detailsHard', {
              indicators: list.format(hard.map((indicator) => localName(indicator.name, language, indicator.code))),
            })}
          </li>
        ) : null}
        {current ? (
          <>
            <li>{t('publicZones.zone.detailsHash', { hash: current.publication.contentHash })}</li>
            <li>{t('publicZones.log.entry', { seq: current.publication.auditSeq })}</li>
          </>
        ) : null}
      </ul>
    </details>
  );
}
