import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of survey instruments, in every language. */
export const instrumentsProblems: ProblemTexts = {
  en: {
    'conflict.instrument_version_exists': {
      title: 'Version already imported',
      detail:
        'Version {version} of the form {formId} was imported from another workbook. Give the changed form a new version in its settings sheet, then import it again.',
    },
    'not_found.instrument': { title: 'Instrument not found', detail: 'No survey instrument has this id.' },
  },
  fr: {
    'conflict.instrument_version_exists': {
      title: 'Version déjà importée',
      detail:
        'La version {version} du formulaire {formId} a été importée depuis un autre classeur. Donnez une nouvelle version au formulaire modifié dans sa feuille settings, puis importez-le à nouveau.',
    },
    'not_found.instrument': {
      title: 'Questionnaire introuvable',
      detail: "Aucun questionnaire d'enquête ne porte cet identifiant.",
    },
  },
  ar: {
    'conflict.instrument_version_exists': {
      title: 'الإصدار مستورد من قبل',
      detail:
        'استُورد الإصدار {version} من الاستمارة {formId} من مصنف آخر. امنح الاستمارة المعدّلة إصدارًا جديدًا في ورقة settings، ثم استوردها مرة أخرى.',
    },
    'not_found.instrument': { title: 'الاستبيان غير موجود', detail: 'لا يوجد استبيان بهذا المعرّف.' },
  },
};
