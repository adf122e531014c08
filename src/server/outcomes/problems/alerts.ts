import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of alerts, referrals and the household timeline. */
export const alertProblems: ProblemTexts = {
  en: {
    'not_found.outcome_household': {
      title: 'Household not found',
      detail: 'No household your organisation follows after return has this id.',
    },
    'not_found.outcome_alert': { title: 'Alert not found', detail: 'No alert of your organisation has this id.' },
    'not_found.outcome_referral': {
      title: 'Referral not found',
      detail: 'No referral your organisation sent or received has this id, or it may no longer be seen.',
    },
    'conflict.alert_closed': { title: 'Alert closed', detail: 'This alert is closed: it takes no more steps.' },
    'conflict.referral_same_organisation': {
      title: 'Choose another organisation',
      detail: 'A household is referred to another organisation than your own.',
    },
    'conflict.referral_without_consent': {
      title: 'No consent for a referral',
      detail:
        'The household has no standing consent record for service referrals with this id. Record the consent on the household’s case first.',
    },
    'conflict.referral_no_agreement': {
      title: 'No agreement with this organisation',
      detail:
        'No data-sharing agreement in force lets your organisation share outcome data with this one for service referrals.',
    },
    'conflict.referral_closed': {
      title: 'Referral closed',
      detail: 'This referral has its outcome: it takes no more steps.',
    },
    'conflict.referral_step_out_of_order': {
      title: 'Not at this step',
      detail: 'A referral is accepted or declined first, then completed or not.',
    },
  },
  fr: {
    'not_found.outcome_household': {
      title: 'Ménage introuvable',
      detail: 'Aucun ménage suivi après le retour par votre organisation n’a cet identifiant.',
    },
    'not_found.outcome_alert': {
      title: 'Alerte introuvable',
      detail: 'Aucune alerte de votre organisation n’a cet identifiant.',
    },
    'not_found.outcome_referral': {
      title: 'Orientation introuvable',
      detail:
        'Aucune orientation envoyée ou reçue par votre organisation n’a cet identifiant, ou elle n’est plus consultable.',
    },
    'conflict.alert_closed': { title: 'Alerte close', detail: 'Cette alerte est close : elle ne prend plus d’étape.' },
    'conflict.referral_same_organisation': {
      title: 'Choisissez une autre organisation',
      detail: 'Un ménage est orienté vers une autre organisation que la vôtre.',
    },
    'conflict.referral_without_consent': {
      title: 'Pas de consentement à l’orientation',
      detail:
        'Le ménage n’a pas de consentement en vigueur à l’orientation vers un service avec cet identifiant. Enregistrez d’abord le consentement dans le dossier du ménage.',
    },
    'conflict.referral_no_agreement': {
      title: 'Pas d’accord avec cette organisation',
      detail:
        'Aucun accord de partage de données en vigueur ne permet à votre organisation de partager des données de suivi avec celle-ci pour une orientation.',
    },
    'conflict.referral_closed': {
      title: 'Orientation close',
      detail: 'Cette orientation a son issue : elle ne prend plus d’étape.',
    },
    'conflict.referral_step_out_of_order': {
      title: 'Étape impossible',
      detail: 'Une orientation est d’abord acceptée ou refusée, puis menée à terme ou non.',
    },
  },
  ar: {
    'not_found.outcome_household': {
      title: 'الأسرة غير موجودة',
      detail: 'لا توجد أسرة تتابعها منظمتك بعد العودة بهذا المعرّف.',
    },
    'not_found.outcome_alert': { title: 'التنبيه غير موجود', detail: 'لا يوجد تنبيه لمنظمتك بهذا المعرّف.' },
    'not_found.outcome_referral': {
      title: 'الإحالة غير موجودة',
      detail: 'لا توجد إحالة أرسلتها منظمتك أو تلقتها بهذا المعرّف، أو لم يعد من الممكن الاطلاع عليها.',
    },
    'conflict.alert_closed': { title: 'التنبيه مغلق', detail: 'هذا التنبيه مغلق: لا يقبل أي خطوة أخرى.' },
    'conflict.referral_same_organisation': {
      title: 'اختر منظمة أخرى',
      detail: 'تُحال الأسرة إلى منظمة غير منظمتك.',
    },
    'conflict.referral_without_consent': {
      title: 'لا توجد موافقة على الإحالة',
      detail: 'ليس لدى الأسرة موافقة سارية على الإحالة إلى الخدمات بهذا المعرّف. سجّل الموافقة في ملف الأسرة أولاً.',
    },
    'conflict.referral_no_agreement': {
      title: 'لا يوجد اتفاق مع هذه المنظمة',
      detail: 'لا يوجد اتفاق سارٍ لتبادل البيانات يسمح لمنظمتك بمشاركة بيانات المتابعة مع هذه المنظمة لغرض الإحالة.',
    },
    'conflict.referral_closed': { title: 'الإحالة مغلقة', detail: 'لهذه الإحالة نتيجتها: لا تقبل أي خطوة أخرى.' },
    'conflict.referral_step_out_of_order': {
      title: 'خطوة غير ممكنة الآن',
      detail: 'تُقبل الإحالة أو تُرفض أولاً، ثم تُنجز أو لا تُنجز.',
    },
  },
};
