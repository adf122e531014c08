import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of outcome follow-ups, the household's link and recording answers. */
export const followUpProblems: ProblemTexts = {
  en: {
    'not_found.outcome_follow_up': {
      title: 'Follow-up not found',
      detail: 'No follow-up your organisation owns or was assigned has this id.',
    },
    'not_found.outcome_instrument': {
      title: 'Instrument not found',
      detail: 'No survey instrument has this id, or none has been imported yet.',
    },
    'not_found.outcome_link': {
      title: 'Code not recognised',
      detail: 'This follow-up code is not recognised, has expired or was already used.',
    },
    'forbidden.follow_up_owner_only': {
      title: 'Only the household’s organisation assigns',
      detail: 'Only the organisation that registered the household assigns its follow-ups.',
    },
    'conflict.follow_up_closed': {
      title: 'Follow-up closed',
      detail: 'This follow-up is done or lost: it takes no more steps.',
    },
    'conflict.follow_up_not_assigned': {
      title: 'Assign it first',
      detail: 'Assign this follow-up to a field organisation before recording attempts, answers or a link.',
    },
    'conflict.follow_up_assigned_elsewhere': {
      title: 'Assigned to another organisation',
      detail: 'This follow-up is assigned to another organisation: only that organisation records it.',
    },
    'conflict.follow_up_attempts_exhausted': {
      title: 'No attempts left',
      detail:
        '{attempts, plural, one {# attempt was} other {# attempts were}} missed: mark this follow-up lost, with a reason.',
    },
    'conflict.follow_up_no_agreement': {
      title: 'No monitoring agreement',
      detail:
        'No data-sharing agreement in force lets this organisation do post-return monitoring of your households’ outcomes.',
    },
    'conflict.follow_up_assignee_not_member': {
      title: 'Not a member of that organisation',
      detail: 'The person chosen is not a member of the organisation the follow-up is assigned to.',
    },
    'conflict.follow_up_no_instrument': {
      title: 'No instrument',
      detail: 'No version of the reintegration survey has been imported yet: import it before recording answers.',
    },
  },
  fr: {
    'not_found.outcome_follow_up': {
      title: 'Suivi introuvable',
      detail: 'Aucun suivi dont votre organisation est propriétaire ou chargée ne porte cet identifiant.',
    },
    'not_found.outcome_instrument': {
      title: 'Questionnaire introuvable',
      detail: 'Aucun questionnaire ne porte cet identifiant, ou aucun n’a encore été importé.',
    },
    'not_found.outcome_link': {
      title: 'Code non reconnu',
      detail: 'Ce code de suivi n’est pas reconnu, a expiré ou a déjà été utilisé.',
    },
    'forbidden.follow_up_owner_only': {
      title: 'Seule l’organisation du ménage attribue',
      detail: 'Seule l’organisation qui a enregistré le ménage attribue ses suivis.',
    },
    'conflict.follow_up_closed': {
      title: 'Suivi clos',
      detail: 'Ce suivi est terminé ou perdu : il ne prend plus d’étape.',
    },
    'conflict.follow_up_not_assigned': {
      title: 'Attribuez-le d’abord',
      detail:
        'Attribuez ce suivi à une organisation de terrain avant d’enregistrer des tentatives, des réponses ou un lien.',
    },
    'conflict.follow_up_assigned_elsewhere': {
      title: 'Attribué à une autre organisation',
      detail: 'Ce suivi est attribué à une autre organisation : seule celle-ci l’enregistre.',
    },
    'conflict.follow_up_attempts_exhausted': {
      title: 'Plus de tentative possible',
      detail:
        '{attempts, plural, one {# tentative a échoué} other {# tentatives ont échoué}} : déclarez ce suivi perdu, avec un motif.',
    },
    'conflict.follow_up_no_agreement': {
      title: 'Pas d’accord de suivi',
      detail:
        'Aucun accord de partage de données en vigueur ne permet à cette organisation de suivre les résultats de vos ménages après le retour.',
    },
    'conflict.follow_up_assignee_not_member': {
      title: 'Pas membre de cette organisation',
      detail: 'La personne choisie n’est pas membre de l’organisation à laquelle le suivi est attribué.',
    },
    'conflict.follow_up_no_instrument': {
      title: 'Aucun questionnaire',
      detail:
        'Aucune version de l’enquête de réintégration n’a encore été importée : importez-la avant d’enregistrer des réponses.',
    },
  },
  ar: {
    'not_found.outcome_follow_up': {
      title: 'المتابعة غير موجودة',
      detail: 'لا توجد متابعة تملكها منظمتك أو كُلّفت بها بهذا المعرّف.',
    },
    'not_found.outcome_instrument': {
      title: 'الاستبيان غير موجود',
      detail: 'لا يوجد استبيان بهذا المعرّف، أو لم يُستورد أي استبيان بعد.',
    },
    'not_found.outcome_link': {
      title: 'الرمز غير معروف',
      detail: 'رمز المتابعة هذا غير معروف أو انتهت صلاحيته أو سبق استخدامه.',
    },
    'forbidden.follow_up_owner_only': {
      title: 'منظمة الأسرة وحدها تُكلّف',
      detail: 'المنظمة التي سجّلت الأسرة هي وحدها التي تُكلّف بمتابعاتها.',
    },
    'conflict.follow_up_closed': {
      title: 'المتابعة مغلقة',
      detail: 'هذه المتابعة منجزة أو مفقودة: لا تقبل خطوات أخرى.',
    },
    'conflict.follow_up_not_assigned': {
      title: 'كلّف بها أولاً',
      detail: 'كلّف منظمة ميدانية بهذه المتابعة قبل تسجيل المحاولات أو الإجابات أو إصدار رابط.',
    },
    'conflict.follow_up_assigned_elsewhere': {
      title: 'مُسندة إلى منظمة أخرى',
      detail: 'هذه المتابعة مُسندة إلى منظمة أخرى: تلك المنظمة وحدها تسجّلها.',
    },
    'conflict.follow_up_attempts_exhausted': {
      title: 'لم تبقَ محاولات',
      detail:
        '{attempts, plural, one {فشلت محاولة واحدة} two {فشلت محاولتان} few {فشلت # محاولات} many {فشلت # محاولة} other {فشلت # محاولة}}: سجّل هذه المتابعة مفقودة مع ذكر السبب.',
    },
    'conflict.follow_up_no_agreement': {
      title: 'لا يوجد اتفاق متابعة',
      detail: 'لا يوجد اتفاق ساري لتبادل البيانات يسمح لهذه المنظمة بمتابعة أوضاع أسرك بعد العودة.',
    },
    'conflict.follow_up_assignee_not_member': {
      title: 'ليس عضواً في تلك المنظمة',
      detail: 'الشخص المختار ليس عضواً في المنظمة المُسندة إليها المتابعة.',
    },
    'conflict.follow_up_no_instrument': {
      title: 'لا يوجد استبيان',
      detail: 'لم تُستورد بعد أي نسخة من استبيان إعادة الإدماج: استوردها قبل تسجيل الإجابات.',
    },
  },
};
