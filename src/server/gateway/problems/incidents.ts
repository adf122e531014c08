import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the gateway's incidents part, in every language. */
export const incidentsProblems: ProblemTexts = {
  en: {
    'forbidden.incident_own_verification': {
      title: 'Verification must be independent',
      detail: 'You recorded this incident, so someone else must verify it.',
    },
    'conflict.incident_accountability_order': {
      title: 'Not the next step',
      detail:
        'An incident is referred to a body first, then that body answers, then a sanction is recorded or the incident is closed. This step does not follow where the incident stands.',
    },
    'conflict.incident_closed': {
      title: 'Incident closed',
      detail: 'This incident is closed: its accountability record can no longer change.',
    },
    'conflict.incident_not_verified': {
      title: 'Not verified yet',
      detail: 'Only a verified or corroborated incident can be entered as an observation of its zone.',
    },
    'conflict.incident_already_observed': {
      title: 'Already entered',
      detail: 'This incident has already been entered as an observation of its zone.',
    },
    'conflict.incident_no_zone': {
      title: 'No zone',
      detail: 'This incident names no zone (only a corridor), so it cannot be entered as an observation of a zone.',
    },
    'conflict.incident_zone_population_unknown': {
      title: 'Population unknown',
      detail:
        "The zone's population is not known, so security incidents per 10,000 residents cannot be computed. Record the population in the gazetteer first.",
    },
  },
  fr: {
    'forbidden.incident_own_verification': {
      title: 'La vérification doit être indépendante',
      detail: 'Vous avez enregistré cet incident : une autre personne doit le vérifier.',
    },
    'conflict.incident_accountability_order': {
      title: "Ce n'est pas l'étape suivante",
      detail:
        "Un incident est d'abord renvoyé à une instance, puis cette instance répond, puis une sanction est enregistrée ou l'incident est clos. Cette étape ne suit pas l'état actuel de l'incident.",
    },
    'conflict.incident_closed': {
      title: 'Incident clos',
      detail: 'Cet incident est clos : son suivi de redevabilité ne peut plus changer.',
    },
    'conflict.incident_not_verified': {
      title: 'Pas encore vérifié',
      detail: 'Seul un incident vérifié ou corroboré peut être saisi comme observation de sa zone.',
    },
    'conflict.incident_already_observed': {
      title: 'Déjà saisi',
      detail: 'Cet incident a déjà été saisi comme observation de sa zone.',
    },
    'conflict.incident_no_zone': {
      title: 'Aucune zone',
      detail:
        "Cet incident ne nomme aucune zone (seulement un corridor) : il ne peut pas être saisi comme observation d'une zone.",
    },
    'conflict.incident_zone_population_unknown': {
      title: 'Population inconnue',
      detail:
        "La population de la zone n'est pas connue : le nombre d'incidents de sécurité pour 10 000 habitants ne peut pas être calculé. Enregistrez d'abord la population dans le répertoire géographique.",
    },
  },
  ar: {
    'forbidden.incident_own_verification': {
      title: 'يجب أن يكون التحقق مستقلاً',
      detail: 'أنت من سجّل هذه الحادثة، لذا يجب أن يتحقق منها شخص آخر.',
    },
    'conflict.incident_accountability_order': {
      title: 'ليست الخطوة التالية',
      detail:
        'تُحال الحادثة أولاً إلى جهة، ثم تردّ تلك الجهة، ثم تُسجَّل عقوبة أو تُغلق الحادثة. هذه الخطوة لا تلي وضع الحادثة الحالي.',
    },
    'conflict.incident_closed': {
      title: 'الحادثة مغلقة',
      detail: 'هذه الحادثة مغلقة: لم يعد من الممكن تغيير سجل المساءلة الخاص بها.',
    },
    'conflict.incident_not_verified': {
      title: 'لم يتم التحقق بعد',
      detail: 'لا يمكن إدخال الحادثة كملاحظة عن منطقتها إلا إذا تم التحقق منها أو تأكيدها من مصدر آخر.',
    },
    'conflict.incident_already_observed': {
      title: 'أُدخلت مسبقاً',
      detail: 'أُدخلت هذه الحادثة مسبقاً كملاحظة عن منطقتها.',
    },
    'conflict.incident_no_zone': {
      title: 'لا توجد منطقة',
      detail: 'لا تذكر هذه الحادثة أي منطقة (ممراً فقط)، لذا لا يمكن إدخالها كملاحظة عن منطقة.',
    },
    'conflict.incident_zone_population_unknown': {
      title: 'عدد السكان غير معروف',
      detail:
        'عدد سكان المنطقة غير معروف، لذا لا يمكن حساب الحوادث الأمنية لكل عشرة آلاف نسمة. سجّل عدد السكان في السجل الجغرافي أولاً.',
    },
  },
};
