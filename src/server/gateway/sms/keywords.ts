import type { SubmissionKind } from '../../../shared/gateway/constants.ts';
import type { Language } from '../../../shared/vocabulary.ts';

/**
 * The keyword menu of the SMS channel, in every portal language. A message that starts with a keyword asks for
 * something (the menu, an item's status, to add to an item) or chooses the kind of a new submission; any other
 * message is a new concern. Keywords are read without regard to case, French accents or the spellings of
 * Arabic letters people type (أ إ آ ا, ة ه, ى ي).
 */
export type SmsCommand =
  | { action: 'help'; language: Language }
  | { action: 'status'; language: Language; code: string }
  | { action: 'add'; language: Language; code: string; text: string }
  | { action: 'submit'; language: Language; kind: SubmissionKind; text: string; sexualExploitation?: true };

type Keyword =
  | { action: 'help' | 'status' | 'add'; language: Language | null }
  | { action: 'submit'; kind: SubmissionKind; language: Language | null; sexualExploitation?: true };

/** The words of the menu as each language shows them (texts.ts names them in the replies). */
export const MENU_WORDS: Record<
  Language,
  { help: string; status: string; add: string; complaint: string; protection: string; appeal: string }
> = {
  en: {
    help: 'HELP',
    status: 'STATUS',
    add: 'ADD',
    complaint: 'COMPLAINT',
    protection: 'PROTECTION',
    appeal: 'APPEAL',
  },
  fr: { help: 'AIDE', status: 'STATUT', add: 'AJOUT', complaint: 'PLAINTE', protection: 'PROTECTION', appeal: 'APPEL' },
  ar: { help: 'مساعدة', status: 'حالة', add: 'إضافة', complaint: 'شكوى', protection: 'حماية', appeal: 'استئناف' },
};

const KEYWORDS = new Map<string, Keyword>();
function define(words: string[], keyword: Keyword) {
  for (const word of words) KEYWORDS.set(foldWord(word), keyword);
}
define(['HELP', 'MENU', 'INFO'], { action: 'help', language: 'en' });
define(['STATUS'], { action: 'status', language: 'en' });
define(['ADD', 'MORE'], { action: 'add', language: 'en' });
define(['COMPLAINT', 'COMPLAIN'], { action: 'submit', kind: 'complaint', language: 'en' });
define(['APPEAL'], { action: 'submit', kind: 'appeal', language: 'en' });
// A complaint of sexual exploitation or abuse: sensitive, for protection officers alone (as on the portal's form).
define(['SEA'], { action: 'submit', kind: 'complaint', sexualExploitation: true, language: 'en' });
define(['EXPLOITATION'], { action: 'submit', kind: 'complaint', sexualExploitation: true, language: null });
define(['ABUS'], { action: 'submit', kind: 'complaint', sexualExploitation: true, language: 'fr' });
define(['استغلال'], { action: 'submit', kind: 'complaint', sexualExploitation: true, language: 'ar' });
define(['CONCERN', 'FEEDBACK'], { action: 'submit', kind: 'concern', language: 'en' });
// The same word in English and French: the rest of the message says which.
define(['PROTECTION'], { action: 'submit', kind: 'protection_request', language: null });
define(['AIDE'], { action: 'help', language: 'fr' });
define(['STATUT', 'ÉTAT', 'SUIVI'], { action: 'status', language: 'fr' });
define(['AJOUT', 'AJOUTER'], { action: 'add', language: 'fr' });
define(['PLAINTE'], { action: 'submit', kind: 'complaint', language: 'fr' });
define(['APPEL', 'RECOURS'], { action: 'submit', kind: 'appeal', language: 'fr' });
define(['PRÉOCCUPATION', 'AVIS', 'SIGNALEMENT'], { action: 'submit', kind: 'concern', language: 'fr' });
define(['مساعدة', 'قائمة', 'القائمة'], { action: 'help', language: 'ar' });
define(['حالة', 'الحالة', 'متابعة'], { action: 'status', language: 'ar' });
define(['إضافة', 'اضف', 'أضف'], { action: 'add', language: 'ar' });
define(['شكوى', 'شكوي'], { action: 'submit', kind: 'complaint', language: 'ar' });
define(['حماية'], { action: 'submit', kind: 'protection_request', language: 'ar' });
define(['استئناف', 'طعن', 'تظلم'], { action: 'submit', kind: 'appeal', language: 'ar' });
define(['ملاحظة', 'قلق', 'بلاغ'], { action: 'submit', kind: 'concern', language: 'ar' });
// MENU is English and French alike: English unless the rest says French.
KEYWORDS.set('MENU', { action: 'help', language: null });

/** A word as keywords are compared: upper case, no Latin accents, Arabic letters in one spelling, no harakat. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .normalize('NFC')
    .toUpperCase();
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const FRENCH_LETTERS = /[àâçéèêëîïôûùüÿœ]/i;
const FRENCH_WORDS =
  /(?:^|[\s,.;:!?'’])(je|j|nous|vous|le|la|les|des|du|est|sont|pas|une|pour|avec|mon|ma|mes|notre|dans|sur|qui|que|et|au|aux|il|elle|ils|on|ont|suis)(?=$|[\s,.;:!?'’])/gi;

/** The language a message is written in: Arabic script is Arabic; French letters or words are French; else English. */
export function detectLanguage(text: string, fallback: Language = 'en'): Language {
  if (ARABIC_SCRIPT.test(text)) return 'ar';
  if (FRENCH_LETTERS.test(text) || (text.match(FRENCH_WORDS)?.length ?? 0) >= 2) return 'fr';
  return /[a-z]/i.test(text) ? 'en' : fallback;
}

const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const CODE_SEPARATOR = /[\s\-.\u00A0\u200E\u200F]/;

/**
 * A receipt code at the start of `rest` and what follows it: digits (any script) and separators up to the
 * sixteenth digit. Fewer digits: all of them are the code (the lookup then says it is not recognised).
 */
function splitCode(rest: string): { code: string; text: string } {
  let digits = 0;
  let end = 0;
  for (const char of rest) {
    if (DIGIT.test(char)) digits++;
    else if (!CODE_SEPARATOR.test(char)) break;
    end += char.length;
    if (digits === 16) break;
  }
  return { code: rest.slice(0, end).trim(), text: rest.slice(end).trim() };
}

/** What a message asks for. */
export function readCommand(message: string): SmsCommand {
  const text = message.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const keyword = match ? KEYWORDS.get(foldWord(match[1]!.replace(/[:,.!]+$/, ''))) : undefined;
  if (!match || !keyword) {
    if (text === '') return { action: 'help', language: 'en' };
    return { action: 'submit', language: detectLanguage(text), kind: 'concern', text };
  }
  const rest = match[2]!.trim();
  const language = keyword.language ?? detectLanguage(rest, 'en');
  switch (keyword.action) {
    case 'help':
      return { action: 'help', language };
    case 'status': {
      const { code } = splitCode(rest);
      return code ? { action: 'status', language, code } : { action: 'help', language };
    }
    case 'add': {
      const { code, text: added } = splitCode(rest);
      return code && added ? { action: 'add', language, code, text: added } : { action: 'help', language };
    }
    case 'submit':
      if (!rest) return { action: 'help', language };
      return keyword.sexualExploitation
        ? { action: 'submit', language, kind: keyword.kind, text: rest, sexualExploitation: true }
        : { action: 'submit', language, kind: keyword.kind, text: rest };
  }
}
