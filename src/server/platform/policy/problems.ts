import { registerProblems } from '../i18n/problems.ts';

/** Texts for the policy module's `code.reason` problems. */
registerProblems({
  en: {
    'forbidden.agreement_owner_only': {
      title: 'Not allowed',
      detail: 'Only the organisation whose data is shared can record a data-sharing agreement for it.',
    },
    'forbidden.route_without_permission': {
      title: 'Not allowed',
      detail: 'This address does not say who may use it, so nobody may.',
    },
    'conflict.agreement_already_revoked': {
      title: 'Already revoked',
      detail: 'This data-sharing agreement has already been revoked.',
    },
  },
  ar: {
    'forbidden.agreement_owner_only': {
      title: 'غير مسموح',
      detail: 'لا يمكن تسجيل اتفاق لتبادل البيانات إلا من قِبل المنظمة التي تملك هذه البيانات.',
    },
    'forbidden.route_without_permission': {
      title: 'غير مسموح',
      detail: 'هذا العنوان لا يحدد من يحق له استخدامه، لذلك لا يحق لأحد استخدامه.',
    },
    'conflict.agreement_already_revoked': {
      title: 'أُلغي من قبل',
      detail: 'تم إلغاء اتفاق تبادل البيانات هذا من قبل.',
    },
  },
  fr: {
    'forbidden.agreement_owner_only': {
      title: 'Action non autorisée',
      detail: "Seule l'organisation dont les données sont partagées peut enregistrer un accord de partage de données.",
    },
    'forbidden.route_without_permission': {
      title: 'Action non autorisée',
      detail: "Cette adresse n'indique pas qui peut l'utiliser : personne ne le peut donc.",
    },
    'conflict.agreement_already_revoked': {
      title: 'Déjà révoqué',
      detail: 'Cet accord de partage de données a déjà été révoqué.',
    },
  },
});
