import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the cases module's appeals part, in every language. */
export const appealsProblems: ProblemTexts = {
  en: {
    'conflict.reviewer_same_organisation': {
      title: 'Reviewer must be independent',
      detail:
        'An appeal is reviewed by another organisation than the one that decided. Choose a different reviewing organisation.',
    },
    'forbidden.reviewer_same_organisation': {
      title: 'Reviewer must be independent',
      detail: 'The organisation that took a decision cannot review its appeal.',
    },
    'conflict.reviewer_not_reviewing': {
      title: 'No appeal reviewers there',
      detail:
        'This organisation has nobody who may review appeals. Choose one from the list of reviewing organisations.',
    },
    'conflict.decision_not_decided': {
      title: 'Decision not taken yet',
      detail: 'Only a decision that has been taken can be appealed. This one is still pending.',
    },
    'conflict.appeal_pending': {
      title: 'Already under appeal',
      detail: 'This decision already has an appeal waiting for review.',
    },
    'conflict.appeal_case_closed': {
      title: 'Case closed',
      detail: 'The case is closed: its decisions can no longer be appealed.',
    },
    'conflict.appeal_decided': {
      title: 'Appeal already decided',
      detail: 'This appeal has already been decided.',
    },
    'forbidden.not_appeal_reviewer': {
      title: 'Not the reviewing organisation',
      detail: 'Only the organisation named to review this appeal may decide it.',
    },
    'not_found.case_status': {
      title: 'Reference or code not recognised',
      detail: 'Check the case reference and the code on your registration slip, and try again.',
    },
  },
  fr: {
    'conflict.reviewer_same_organisation': {
      title: 'Le réviseur doit être indépendant',
      detail:
        'Un recours est examiné par une autre organisation que celle qui a décidé. Choisissez une autre organisation.',
    },
    'forbidden.reviewer_same_organisation': {
      title: 'Le réviseur doit être indépendant',
      detail: 'L’organisation qui a pris une décision ne peut pas examiner le recours contre celle-ci.',
    },
    'conflict.reviewer_not_reviewing': {
      title: 'Aucun réviseur de recours',
      detail:
        'Personne dans cette organisation ne peut examiner les recours. Choisissez-en une dans la liste des organisations de recours.',
    },
    'conflict.decision_not_decided': {
      title: 'Décision pas encore prise',
      detail: 'Seule une décision prise peut faire l’objet d’un recours. Celle-ci est encore en attente.',
    },
    'conflict.appeal_pending': {
      title: 'Recours déjà en cours',
      detail: 'Cette décision a déjà un recours en attente d’examen.',
    },
    'conflict.appeal_case_closed': {
      title: 'Dossier clos',
      detail: 'Le dossier est clos : ses décisions ne peuvent plus faire l’objet d’un recours.',
    },
    'conflict.appeal_decided': {
      title: 'Recours déjà tranché',
      detail: 'Ce recours a déjà été tranché.',
    },
    'forbidden.not_appeal_reviewer': {
      title: 'Pas l’organisation de recours',
      detail: 'Seule l’organisation désignée pour examiner ce recours peut le trancher.',
    },
    'not_found.case_status': {
      title: 'Référence ou code non reconnu',
      detail: 'Vérifiez la référence du dossier et le code inscrits sur votre fiche d’enregistrement, puis réessayez.',
    },
  },
  ar: {
    'conflict.reviewer_same_organisation': {
      title: 'يجب أن يكون المراجِع مستقلًا',
      detail: 'تراجع الطعنَ منظمةٌ غير التي أصدرت القرار. اختر منظمة مراجعة أخرى.',
    },
    'forbidden.reviewer_same_organisation': {
      title: 'يجب أن يكون المراجِع مستقلًا',
      detail: 'لا يجوز للمنظمة التي أصدرت القرار أن تراجع الطعن فيه.',
    },
    'conflict.reviewer_not_reviewing': {
      title: 'لا يوجد مراجعو طعون',
      detail: 'لا أحد في هذه المنظمة مخوَّل بمراجعة الطعون. اختر منظمة من قائمة منظمات المراجعة.',
    },
    'conflict.decision_not_decided': {
      title: 'لم يُتخذ القرار بعد',
      detail: 'لا يُطعن إلا في قرار اتُّخذ. هذا القرار ما زال قيد الانتظار.',
    },
    'conflict.appeal_pending': {
      title: 'الطعن قائم بالفعل',
      detail: 'لهذا القرار طعن ينتظر المراجعة.',
    },
    'conflict.appeal_case_closed': {
      title: 'الملف مغلق',
      detail: 'الملف مغلق: لم يعد ممكنًا الطعن في قراراته.',
    },
    'conflict.appeal_decided': {
      title: 'تم البت في الطعن',
      detail: 'سبق البت في هذا الطعن.',
    },
    'forbidden.not_appeal_reviewer': {
      title: 'لستم منظمة المراجعة',
      detail: 'لا يبت في هذا الطعن إلا المنظمة المسماة لمراجعته.',
    },
    'not_found.case_status': {
      title: 'المرجع أو الرمز غير معروف',
      detail: 'تحقق من مرجع الملف والرمز المطبوعين على قسيمة التسجيل، ثم حاول مرة أخرى.',
    },
  },
};
