import { useTranslation } from 'react-i18next';
import type { Classification, FrameworkDefinition } from '../../shared/zones/schemas.ts';
import { explainClassification } from './explain.ts';

/**
 * Why a zone has its class: the sentences of `explainClassification` as a list, or the server's English summary
 * (marked as English, with a note in the reader's language) when the reasons cannot be rendered. Plain elements
 * and no browser object, so the public portal can render it on the server and the staff workspace in the browser.
 */
export function Explanation({
  classification,
  framework,
}: {
  classification: Classification;
  framework: FrameworkDefinition | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const explanation = explainClassification(classification, framework, {
    t: (key, values) => t(key, values),
    language,
  });
  if (explanation.kind === 'reasons') {
    return (
      <ul className="zone-explanation">
        {explanation.sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    );
  }
  return (
    <div className="zone-explanation">
      {language.split('-')[0] !== 'en' ? (
        <p>
          <em>{t('zoneTerms.englishOnly')}</em>
        </p>
      ) : null}
      <p lang="en" dir="ltr" style={{ textAlign: 'start' }}>
        {explanation.text}
      </p>
    </div>
  );
}
