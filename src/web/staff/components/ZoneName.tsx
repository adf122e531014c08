import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/zones/schemas.ts';
import { hasLanguage, localized } from '../../public/zones/format.ts';

/**
 * A zone as "Name (PCODE)": the name in the reader's language (else English, marked so), the P-code left to
 * right whatever the page's direction. Only the code when the zone has no name.
 */
export function ZoneName({ pcode, names }: { pcode: string; names: LocalizedText | null | undefined }) {
  const { i18n } = useTranslation();
  const name = localized(names ?? undefined, i18n.language);
  if (!name) return <span className="ltr-value">{pcode}</span>;
  return (
    <span>
      <bdi lang={hasLanguage(names ?? undefined, i18n.language) ? undefined : 'en'}>{name}</bdi> (
      <span className="ltr-value">{pcode}</span>)
    </span>
  );
}

/** The same as plain text, for a sentence: the code isolated left to right (U+2066 … U+2069). */
export function zoneLabel(names: LocalizedText | null | undefined, pcode: string, language: string): string {
  const name = localized(names ?? undefined, language);
  return name ? `${name} (\u2066${pcode}\u2069)` : `\u2066${pcode}\u2069`;
}
