import type { TimelinePage } from '../../shared/forum/schemas/timeline.ts';
import { timelineSentence } from '../../shared/forum/timeline-text.ts';

const TITLES: Record<string, string> = {
  en: 'Homeward: public timeline of decisions',
  fr: 'Homeward : chronologie publique des décisions',
  ar: 'Homeward: السجل الزمني العام للقرارات',
};

/** XML text: the five characters that would otherwise be markup, and no control characters. */
export const xmlText = (text: string): string =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/**
 * The timeline as an Atom 1.0 feed (RFC 4287): one entry per timeline entry, its id a `urn:uuid:`, its title the
 * entry's sentence in the feed's language, its link the subject's page (else the timeline), and its summary
 * naming the transparency-log entry it comes from.
 */
export function timelineAtom(page: TimelinePage, origin: string, language: string, self: string): string {
  const lang = TITLES[language] ? language : 'en';
  const updated = page.items[0]?.occurredAt ?? new Date(0).toISOString();
  const entries = page.items.map((entry) => {
    const link = `${origin}${entry.link ?? '/timeline'}`;
    const summary = {
      en: `Transparency log entry ${entry.log.seq}`,
      fr: `Entrée ${entry.log.seq} du journal de transparence`,
      ar: `القيد ${entry.log.seq} في سجل الشفافية`,
    }[lang as 'en'];
    return `  <entry>
    <id>urn:uuid:${entry.id}</id>
    <title>${xmlText(timelineSentence(entry, lang))}</title>
    <updated>${entry.occurredAt}</updated>
    <link rel="alternate" href="${xmlText(link)}"/>
    <link rel="related" href="${xmlText(`${origin}${entry.log.proof}`)}"/>
    <category term="${entry.kind}"/>
    <summary>${xmlText(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${xmlText(`${origin}/timeline`)}</id>
  <title>${xmlText(TITLES[lang]!)}</title>
  <updated>${updated}</updated>
  <author><name>Homeward</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(`${origin}${self}`)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${origin}/timeline`)}"/>
${entries.join('\n')}
</feed>
`;
}
