import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of answer-file imports. */
export const importsProblems: ProblemTexts = {
  en: {
    'not_found.outcome_instrument': {
      title: 'Survey instrument not found',
      detail: 'No survey instrument has this form id (and version). Import its XLSForm first.',
    },
  },
  fr: {
    'not_found.outcome_instrument': {
      title: 'Questionnaire introuvable',
      detail: 'Aucun questionnaire n’a cet identifiant de formulaire (et cette version). Importez d’abord son XLSForm.',
    },
  },
  ar: {
    'not_found.outcome_instrument': {
      title: 'لم يُعثر على أداة المسح',
      detail: 'لا توجد أداة مسح بمعرّف النموذج هذا (وهذا الإصدار). استورد ملف XLSForm الخاص بها أولاً.',
    },
  },
};
