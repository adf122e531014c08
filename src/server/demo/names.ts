import type { LocalizedText } from '../../shared/zones/schemas.ts';
import type { Random } from './random.ts';

/**
 * Invented place names for the demo gazetteer, each in English, French and Arabic script. A name is built
 * from sounds, then written the way each language's maps write such names: English `sh`, `j`, `u`, French
 * `ch`, `dj`, `ou`, Arabic letters without short vowels. No name is taken from a real place; a short list of
 * real towns whose sound the generator could stumble on is refused.
 */

interface Sound {
  en: string;
  fr: string;
  ar: string;
}

const consonant = (en: string, ar: string, fr = en): Sound => ({ en, fr, ar });

/** Consonants, the common ones listed more than once so that they come up more often. */
const ONSETS: readonly Sound[] = [
  ...[consonant('b', 'ب'), consonant('d', 'د'), consonant('k', 'ك'), consonant('t', 'ت')].flatMap((s) => [s, s]),
  ...[consonant('m', 'م'), consonant('n', 'ن'), consonant('r', 'ر'), consonant('l', 'ل'), consonant('s', 'س')].flatMap(
    (s) => [s, s, s],
  ),
  ...[consonant('h', 'ح'), consonant('sh', 'ش', 'ch'), consonant('j', 'ج', 'dj'), consonant('f', 'ف')].flatMap((s) => [
    s,
    s,
  ]),
  consonant('kh', 'خ'),
  consonant('z', 'ز'),
  consonant('q', 'ق'),
  consonant('w', 'و', 'ou'),
  consonant('y', 'ي'),
  consonant('gh', 'غ'),
];

/** Consonants that close a syllable (fewer than start one, as in the languages the names imitate). */
const CODAS: readonly Sound[] = ONSETS.filter((s) => ['b', 'd', 'r', 's', 'k', 'l', 'm', 'n', 'sh'].includes(s.en));

/** Short vowels are not written in Arabic; long ones are. */
const VOWELS: readonly Sound[] = [
  { en: 'a', fr: 'a', ar: '' },
  { en: 'a', fr: 'a', ar: '' },
  { en: 'i', fr: 'i', ar: '' },
  { en: 'u', fr: 'ou', ar: '' },
  { en: 'a', fr: 'a', ar: 'ا' },
  { en: 'i', fr: 'i', ar: 'ي' },
  { en: 'u', fr: 'ou', ar: 'و' },
];

/** Generic words that begin many place names of the region the demo imitates. */
const PREFIXES: readonly Sound[] = [
  { en: 'Ain', fr: 'Aïn', ar: 'عين' },
  { en: 'Bir', fr: 'Bir', ar: 'بئر' },
  { en: 'Wadi', fr: 'Oued', ar: 'وادي' },
  { en: 'Tell', fr: 'Tell', ar: 'تل' },
  { en: 'Umm', fr: 'Oum', ar: 'أم' },
  { en: 'Abu', fr: 'Abou', ar: 'أبو' },
  { en: 'Kafr', fr: 'Kafr', ar: 'كفر' },
  { en: 'Jebel', fr: 'Djebel', ar: 'جبل' },
  { en: 'Qasr', fr: 'Ksar', ar: 'قصر' },
  { en: 'Suq', fr: 'Souk', ar: 'سوق' },
];

/** Real towns and words the sounds above could spell (those noticed so far): never used. */
const REAL_PLACES = new Set([
  'abyei',
  'amara',
  'babanusa',
  'banal',
  'bara',
  'bashir',
  'basra',
  'bentiu',
  'bethlehem',
  'bimar',
  'bisha',
  'bor',
  'damun',
  'dara',
  'daraa',
  'dilling',
  'duhok',
  'erbil',
  'fallujah',
  'fula',
  'halab',
  'hama',
  'hasaka',
  'hebron',
  'hit',
  'homs',
  'idlib',
  'jabal',
  'janad',
  'jenin',
  'jericho',
  'juba',
  'kadugli',
  'kafr',
  'karbala',
  'kassala',
  'khanaqin',
  'kirkuk',
  'kosti',
  'kurmuk',
  'kut',
  'latakia',
  'malakal',
  'mandali',
  'mosul',
  'nablus',
  'nahud',
  'najaf',
  'natas',
  'nuba',
  'nyala',
  'qalqilya',
  'qamishli',
  'rabad',
  'rabak',
  'rafah',
  'ramadi',
  'raqqa',
  'rashad',
  'renk',
  'rutba',
  'salfit',
  'samarra',
  'sennar',
  'shuja',
  'sinjar',
  'surin',
  'talodi',
  'tartus',
  'tawila',
  'tikrit',
  'tubas',
  'tulkarm',
  'tuz',
  'wau',
  'zalingei',
]);

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** One invented word, 2 or 3 syllables, in the three scripts. */
function word(random: Random): Sound {
  const syllables = random.chance(0.15) ? 3 : 2;
  let en = '';
  let fr = '';
  let ar = '';
  let previous = '';
  for (let s = 0; s < syllables; s++) {
    let onset = random.pick(ONSETS);
    // Never a doubled consonant, no s, k, d or t before an h (they would read as sh, kh, dh, th), no s
    // before sh, no w after a u nor y after an i.
    const clash = (o: Sound) =>
      o.en === previous ||
      (o.en === 'h' && ['s', 'k', 'd', 't'].includes(previous)) ||
      (o.en === 'sh' && previous === 's') ||
      (o.en === 'w' && previous === 'u') ||
      (o.en === 'y' && previous === 'i');
    while (clash(onset)) onset = random.pick(ONSETS);
    let vowel = random.pick(VOWELS);
    // No "wu" or "yi": they read as one sound.
    while ((onset.en === 'w' && vowel.en === 'u') || (onset.en === 'y' && vowel.en === 'i'))
      vowel = random.pick(VOWELS);
    // French doubles an s between vowels so that it stays unvoiced.
    const frOnset = onset.en === 's' && s > 0 && 'aiu'.includes(previous) ? 'ss' : onset.fr;
    en += onset.en + vowel.en;
    fr += frOnset + vowel.fr;
    ar += onset.ar + vowel.ar;
    previous = vowel.en;
    const last = s === syllables - 1;
    if (random.chance(last ? 0.6 : 0.2)) {
      let coda = random.pick(CODAS);
      while (coda.en === onset.en) coda = random.pick(CODAS);
      en += coda.en;
      fr += coda.fr;
      ar += coda.ar;
      previous = coda.en;
    } else if (last && vowel.ar === '') {
      // A name that ends in a short a ends in tā' marbūṭa; a short final i or u is written long.
      ar += vowel.en === 'a' ? 'ة' : vowel.en === 'i' ? 'ي' : 'و';
    }
  }
  return { en: capitalise(en), fr: capitalise(fr), ar };
}

/**
 * A name generator that never gives the same English name twice. Locations sometimes start with a generic
 * word (Ain, Wadi, Tell…), as villages do.
 */
export function nameGenerator(random: Random): (kind: 'area' | 'location') => LocalizedText {
  const used = new Set<string>();
  return (kind) => {
    for (;;) {
      const base = word(random);
      // Short names are too often someone's real town.
      if (base.en.length < 5 || REAL_PLACES.has(base.en.toLowerCase())) continue;
      const prefix = kind === 'location' && random.chance(0.35) ? random.pick(PREFIXES) : null;
      const name = prefix
        ? { en: `${prefix.en} ${base.en}`, ar: `${prefix.ar} ${base.ar}`, fr: `${prefix.fr} ${base.fr}` }
        : { en: base.en, ar: base.ar, fr: base.fr };
      if (used.has(name.en)) continue;
      used.add(name.en);
      return name;
    }
  };
}
