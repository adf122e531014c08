import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's flags, in every language. */
export const flagsProblems: ProblemTexts = {
  en: {
    'forbidden.forum_flag_not_responsible': {
      title: 'Not yours to answer',
      detail: 'Only the organisation responsible for the flagged item answers the flag; no one answers on its behalf.',
    },
    'conflict.forum_flag_answered': { title: 'Already answered', detail: 'This flag has its answer.' },
    'conflict.forum_flag_not_answered': {
      title: 'No answer yet',
      detail: 'The flag has no answer to check yet.',
    },
  },
  fr: {
    'forbidden.forum_flag_not_responsible': {
      title: 'Pas à vous de répondre',
      detail:
        'Seule l’organisation responsable de l’élément signalé répond au signalement ; personne ne répond à sa place.',
    },
    'conflict.forum_flag_answered': { title: 'Déjà répondu', detail: 'Ce signalement a sa réponse.' },
    'conflict.forum_flag_not_answered': {
      title: 'Pas encore de réponse',
      detail: 'Le signalement n’a pas encore de réponse à vérifier.',
    },
  },
  ar: {
    'forbidden.forum_flag_not_responsible': {
      title: 'ليس الرد من شأنكم',
      detail: 'لا يرد على الإشعار إلا المنظمة المسؤولة عن العنصر المُشار إليه، ولا يرد أحد نيابةً عنها.',
    },
    'conflict.forum_flag_answered': { title: 'تم الرد', detail: 'لهذا الإشعار رده بالفعل.' },
    'conflict.forum_flag_not_answered': {
      title: 'لا رد بعد',
      detail: 'ليس للإشعار رد يُتحقق منه بعد.',
    },
  },
};
