import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the gateway's submissions part, in every language. */
export const submissionsProblems: ProblemTexts = {
  en: {
    'conflict.gateway_unrouted': {
      title: 'Nobody receives this yet',
      detail:
        'No organisation has been named to receive submissions like this one. It was not stored. Please try again later, or use another way to reach the monitoring centre.',
    },
    'not_found.receipt': {
      title: 'Code not recognised',
      detail: 'This receipt code was not recognised. Check the sixteen digits and try again.',
    },
    'conflict.gateway_item_closed': {
      title: 'Already closed',
      detail: 'This item is closed, so nothing more can be added to it. You can make a new submission.',
    },
    'conflict.gateway_not_answered': {
      title: 'Not answered yet',
      detail: 'You can say how satisfied you are once your submission has been answered.',
    },
  },
  fr: {
    'conflict.gateway_unrouted': {
      title: 'Personne ne reçoit encore ceci',
      detail:
        "Aucune organisation n'a été désignée pour recevoir ce type de soumission. Elle n'a pas été enregistrée. Réessayez plus tard ou contactez autrement le centre de suivi.",
    },
    'not_found.receipt': {
      title: 'Code non reconnu',
      detail: "Ce code de reçu n'a pas été reconnu. Vérifiez les seize chiffres et réessayez.",
    },
    'conflict.gateway_item_closed': {
      title: 'Déjà clos',
      detail: 'Ce dossier est clos : rien ne peut plus y être ajouté. Vous pouvez faire une nouvelle soumission.',
    },
    'conflict.gateway_not_answered': {
      title: 'Pas encore de réponse',
      detail: 'Vous pourrez dire si vous êtes satisfait une fois que votre soumission aura reçu une réponse.',
    },
  },
  ar: {
    'conflict.gateway_unrouted': {
      title: 'لا توجد جهة تستقبل هذا بعد',
      detail:
        'لم تُحدَّد أي منظمة لاستقبال مثل هذا الطلب، ولم يُحفظ. يرجى المحاولة لاحقًا أو التواصل مع مركز الرصد بطريقة أخرى.',
    },
    'not_found.receipt': {
      title: 'الرمز غير معروف',
      detail: 'لم يتم التعرف على رمز الإيصال هذا. تحقق من الأرقام الستة عشر وحاول مرة أخرى.',
    },
    'conflict.gateway_item_closed': {
      title: 'مغلق بالفعل',
      detail: 'هذا الطلب مغلق، فلا يمكن إضافة شيء إليه. يمكنك تقديم طلب جديد.',
    },
    'conflict.gateway_not_answered': {
      title: 'لم يتم الرد بعد',
      detail: 'يمكنك إبداء رضاك بعد أن يتم الرد على طلبك.',
    },
  },
};
