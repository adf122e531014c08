import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionAssessment, CriterionDefinition } from '../../shared/zones/schemas.ts';
import { hasLanguage, localName, periodText, valueText } from './explain.ts';
import './criteria.css';

/** The columns of a criterion's table, in order: each cell repeats its column's name for the stacked layout. */
const COLUMNS = ['indicator', 'status', 'value', 'period', 'source', 'basis'] as const;

/**
 * One criterion of a zone's classification: its status, then each indicator's status, value, period, source and
 * verification, for the public and the staff zone pages alike. On a narrow screen (its box under 40em) each
 * indicator becomes a card of "column: value" lines, so nothing is cut or scrolls sideways. Plain elements and no
 * browser object, so a page rendered on the server shows it whole; `badge` draws a status the page's own way.
 */
export function CriterionTable({
  criterion,
  definition,
  badge,
  hardNote = true,
}: {
  criterion: CriterionAssessment;
  definition: CriterionDefinition | undefined;
  badge: (status: string) => ReactNode;
  /** Whether a hard indicator says so under its name (the public page says it in its technical details). */
  hardNote?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = `criterion-${criterion.criterion}`;
  const column = (name: (typeof COLUMNS)[number]) => t(`zoneTerms.column.${name}`);
  const english = (name: CriterionDefinition['name'] | undefined) => (hasLanguage(name, language) ? undefined : 'en');
  return (
    <section aria-labelledby={id} className="zone-criterion">
      <div className="zone-criterion-head">
        <h3 id={id} lang={english(definition?.name)}>
          {localName(definition?.name, language, criterion.criterion)}
        </h3>
        {badge(criterion.status)}
        {criterion.kind === 'precondition' ? <span>{t('zoneTerms.precondition')}</span> : null}
      </div>
      <table className="zone-criterion-table" aria-labelledby={id}>
        <thead>
          <tr>
            {COLUMNS.map((name) => (
              <th scope="col" key={name}>
                {column(name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {criterion.indicators.map((indicator) => {
            const found = definition?.indicators.find((candidate) => candidate.code === indicator.indicator);
            return (
              <tr key={indicator.indicator}>
                <th scope="row" data-label={column('indicator')}>
                  <span lang={english(found?.name)}>{localName(found?.name, language, indicator.indicator)}</span>
                  {indicator.hard && hardNote ? (
                    <span className="zone-criterion-note">{t('zoneTerms.hard')}</span>
                  ) : null}
                </th>
                <td data-label={column('status')}>{badge(indicator.status)}</td>
                <td data-label={column('value')}>
                  {indicator.value === null ? t('zoneTerms.noValue') : valueText(t, found?.unit, indicator.value)}
                </td>
                <td data-label={column('period')}>
                  {indicator.period ? (
                    <time dateTime={indicator.period}>{periodText(indicator.period, language)}</time>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={column('source')}>
                  {indicator.source ? t(`zoneTerms.source.${indicator.source}`) : '—'}
                </td>
                <td data-label={column('basis')}>{t(`zoneTerms.basis.${indicator.basis}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
