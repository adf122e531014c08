import type { TimelineEntry } from './schemas/timeline.ts';

type Language = 'en' | 'fr' | 'ar';
type Params = TimelineEntry['params'];
const s = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A zone class in words, as the zone pages name it. */
const CLASSES: Record<Language, Record<string, string>> = {
  en: {
    conducive: 'conducive',
    conditionally_conducive: 'conditionally conducive',
    not_conducive: 'not conducive',
    insufficient_data: 'insufficient data',
  },
  fr: {
    conducive: 'propice',
    conditionally_conducive: 'propice sous conditions',
    not_conducive: 'non propice',
    insufficient_data: 'données insuffisantes',
  },
  ar: {
    conducive: 'ملائمة للعودة',
    conditionally_conducive: 'ملائمة للعودة بشروط',
    not_conducive: 'غير ملائمة للعودة',
    insufficient_data: 'بيانات غير كافية',
  },
};
const c = (language: Language, value: string | number | null | undefined) => CLASSES[language][s(value)] ?? s(value);

/**
 * One plain sentence per timeline entry, in English, French or Arabic: the Atom feed's titles and the page's lines.
 * Pure (no database, no clock); names and texts come from the entry's params, written by the organisations.
 */
const SENTENCES: Record<Language, Record<string, (p: Params) => string>> = {
  en: {
    'framework_version.published': (p) => `Zone criteria framework version ${s(p.version)} published`,
    'zone_publication.published': (p) => `Return zone classes for ${s(p.period)} published (${s(p.zones)} zones)`,
    'zone_class_change.changed': (p) =>
      `Zone ${s(p.name) || s(p.pcode)} went from ${c('en', p.from)} to ${c('en', p.to)} (${s(p.period)})`,
    'agreement_signed.signed': (p) => `Data-sharing agreement signed: ${s(p.from)} with ${s(p.to)}`,
    'meeting.held': (p) => `${s(p.body)} met: ${s(p.title)}`,
    'decision.decided': (p) => `${s(p.body)} decided: ${s(p.text)}`,
    'commitment.made': (p) => `Commitment made by ${s(p.owner)}: ${s(p.text)}`,
    'commitment.kept': (p) => `Commitment kept by ${s(p.owner)}: ${s(p.text)}`,
    'commitment.broken': (p) => `Commitment broken by ${s(p.owner)}: ${s(p.text)}`,
    'consultation.opened': (p) => `Consultation opened: ${s(p.title)}`,
    'consultation.concluded': (p) => `Consultation concluded, every comment answered: ${s(p.title)}`,
    'flag.raised': (p) => `${s(p.raisedBy)} flagged ${s(p.subject)}; ${s(p.responsible)} must answer`,
    'flag.answered': (p) => `${s(p.responsible)} answered the flag on ${s(p.subject)}`,
  },
  fr: {
    'framework_version.published': (p) => `Version ${s(p.version)} du cadre de critères des zones publiée`,
    'zone_publication.published': (p) => `Classes des zones de retour de ${s(p.period)} publiées (${s(p.zones)} zones)`,
    'zone_class_change.changed': (p) =>
      `La zone ${s(p.name) || s(p.pcode)} est passée de « ${c('fr', p.from)} » à « ${c('fr', p.to)} » (${s(p.period)})`,
    'agreement_signed.signed': (p) => `Accord de partage de données signé : ${s(p.from)} avec ${s(p.to)}`,
    'meeting.held': (p) => `Réunion de ${s(p.body)} : ${s(p.title)}`,
    'decision.decided': (p) => `Décision de ${s(p.body)} : ${s(p.text)}`,
    'commitment.made': (p) => `Engagement pris par ${s(p.owner)} : ${s(p.text)}`,
    'commitment.kept': (p) => `Engagement tenu par ${s(p.owner)} : ${s(p.text)}`,
    'commitment.broken': (p) => `Engagement rompu par ${s(p.owner)} : ${s(p.text)}`,
    'consultation.opened': (p) => `Consultation ouverte : ${s(p.title)}`,
    'consultation.concluded': (p) => `Consultation conclue, chaque commentaire a sa réponse : ${s(p.title)}`,
    'flag.raised': (p) => `${s(p.raisedBy)} a signalé ${s(p.subject)} ; ${s(p.responsible)} doit répondre`,
    'flag.answered': (p) => `${s(p.responsible)} a répondu au signalement sur ${s(p.subject)}`,
  },
  ar: {
    'framework_version.published': (p) => `نُشرت النسخة ${s(p.version)} من إطار معايير المناطق`,
    'zone_publication.published': (p) => `نُشرت تصنيفات مناطق العودة عن ${s(p.period)} (${s(p.zones)} منطقة)`,
    'zone_class_change.changed': (p) =>
      `تغيّر تصنيف المنطقة ${s(p.name) || s(p.pcode)} من «${c('ar', p.from)}» إلى «${c('ar', p.to)}» (${s(p.period)})`,
    'agreement_signed.signed': (p) => `وُقّع اتفاق لتبادل البيانات: ${s(p.from)} مع ${s(p.to)}`,
    'meeting.held': (p) => `اجتماع ${s(p.body)}: ${s(p.title)}`,
    'decision.decided': (p) => `قرار ${s(p.body)}: ${s(p.text)}`,
    'commitment.made': (p) => `التزام قدّمته ${s(p.owner)}: ${s(p.text)}`,
    'commitment.kept': (p) => `وفت ${s(p.owner)} بالتزامها: ${s(p.text)}`,
    'commitment.broken': (p) => `أخلّت ${s(p.owner)} بالتزامها: ${s(p.text)}`,
    'consultation.opened': (p) => `فُتحت مشاورة: ${s(p.title)}`,
    'consultation.concluded': (p) => `اختُتمت مشاورة ورُدّ على كل تعليق: ${s(p.title)}`,
    'flag.raised': (p) => `أشارت ${s(p.raisedBy)} إلى ${s(p.subject)}، وعلى ${s(p.responsible)} أن ترد`,
    'flag.answered': (p) => `ردّت ${s(p.responsible)} على الإشعار بشأن ${s(p.subject)}`,
  },
};

export function timelineSentence(entry: Pick<TimelineEntry, 'kind' | 'action' | 'params'>, language: string): string {
  const sentences = SENTENCES[(['en', 'fr', 'ar'] as const).find((code) => code === language) ?? 'en'];
  const sentence = sentences[`${entry.kind}.${entry.action}`] ?? SENTENCES.en[`${entry.kind}.${entry.action}`];
  return sentence ? sentence(entry.params) : `${entry.kind} ${entry.action}`;
}
