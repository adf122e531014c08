import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the zones feed, in every language. */
export const zoneFeedProblems: ProblemTexts = {
  en: {
    'conflict.zone_feed_too_few': {
      title: 'Too few households',
      detail:
        'At most {respondents, plural, one {# household} other {# households}} answered in this zone and month; a zone figure needs at least {threshold}. Nothing was entered.',
    },
  },
  fr: {
    'conflict.zone_feed_too_few': {
      title: 'Trop peu de ménages',
      detail:
        'Au plus {respondents, plural, one {# ménage a} other {# ménages ont}} répondu dans cette zone ce mois-ci ; un chiffre de zone en demande au moins {threshold}. Rien n’a été saisi.',
    },
  },
  ar: {
    'conflict.zone_feed_too_few': {
      title: 'عدد الأسر غير كافٍ',
      detail:
        'أجابت في هذه المنطقة خلال هذا الشهر {respondents, plural, zero {لا أسرة} one {أسرة واحدة} two {أسرتان} few {# أسر} many {# أسرة} other {# أسرة}} على الأكثر، ويتطلب رقم المنطقة {threshold} أسر على الأقل. لم يُدخَل أي شيء.',
    },
  },
};
