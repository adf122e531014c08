import { registerProblems } from '../i18n/problems.ts';

/** Texts for the refusals that keep an administrator within their reach (reach.ts), in every language. */
registerProblems({
  en: {
    'forbidden.organisation_reach': {
      title: 'Not allowed',
      detail: 'Only administrators of the monitoring centre may change an organisation’s kind or home state.',
    },
    'forbidden.auditor_role': {
      title: 'Not allowed',
      detail: 'Only administrators of the monitoring centre may give the auditor role.',
    },
    'forbidden.whole_account': {
      title: 'Not allowed',
      detail:
        'This person also belongs to an organisation you do not administer, so this would act there too. Remove their membership of your organisation instead, or ask the monitoring centre.',
    },
  },
  ar: {
    'forbidden.organisation_reach': {
      title: 'غير مسموح',
      detail: 'لا يغيّر نوع المنظمة أو دولة مقرها إلا مسؤولو مركز الرصد.',
    },
    'forbidden.auditor_role': {
      title: 'غير مسموح',
      detail: 'لا يمنح دور المراجع إلا مسؤولو مركز الرصد.',
    },
    'forbidden.whole_account': {
      title: 'غير مسموح',
      detail:
        'ينتمي هذا الشخص أيضًا إلى منظمة لا تديرها، فسيسري هذا الإجراء فيها كذلك. أزل عضويته في منظمتك بدلًا من ذلك، أو اطلب ذلك من مركز الرصد.',
    },
  },
  fr: {
    'forbidden.organisation_reach': {
      title: 'Action non autorisée',
      detail:
        "Seuls les administrateurs du centre de suivi peuvent changer le type ou l'État d'origine d'une organisation.",
    },
    'forbidden.auditor_role': {
      title: 'Action non autorisée',
      detail: "Seuls les administrateurs du centre de suivi peuvent attribuer le rôle d'auditeur.",
    },
    'forbidden.whole_account': {
      title: 'Action non autorisée',
      detail:
        "Cette personne appartient aussi à une organisation que vous n'administrez pas : l'action s'y appliquerait aussi. Retirez plutôt son appartenance à votre organisation, ou adressez-vous au centre de suivi.",
    },
  },
});
