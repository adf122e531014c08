import type { ProblemTexts } from '../../platform/i18n/problems.ts';

const RULES_EN =
  '{rule, select, no_head {no member is the head of household} several_heads {more than one member is recorded as the head} born_in_future {the date of birth is not a past date} too_old {the date of birth gives an age over 120} child_not_younger {a child must be at least 12 years younger than the head} grandchild_not_younger {a grandchild must be at least 24 years younger than the head} parent_not_older {a parent must be at least 12 years older than the head} grandparent_not_older {a grandparent must be at least 24 years older than the head} spouse_too_young {a spouse must be at least 15 years old} other {the age does not fit the relationship}}';
const RULES_FR =
  '{rule, select, no_head {aucun membre n’est chef de ménage} several_heads {plus d’un membre est enregistré comme chef} born_in_future {la date de naissance n’est pas une date passée} too_old {la date de naissance donne un âge de plus de 120 ans} child_not_younger {un enfant doit avoir au moins 12 ans de moins que le chef} grandchild_not_younger {un petit-enfant doit avoir au moins 24 ans de moins que le chef} parent_not_older {un parent doit avoir au moins 12 ans de plus que le chef} grandparent_not_older {un grand-parent doit avoir au moins 24 ans de plus que le chef} spouse_too_young {un conjoint doit avoir au moins 15 ans} other {l’âge ne correspond pas au lien de parenté}}';
const RULES_AR =
  '{rule, select, no_head {لا يوجد فرد مسجّل ربًّا للأسرة} several_heads {سُجّل أكثر من فرد ربًّا للأسرة} born_in_future {تاريخ الميلاد ليس تاريخًا ماضيًا} too_old {تاريخ الميلاد يعطي عمرًا يتجاوز 120 سنة} child_not_younger {يجب أن يكون الابن أصغر من ربّ الأسرة بـ12 سنة على الأقل} grandchild_not_younger {يجب أن يكون الحفيد أصغر من ربّ الأسرة بـ24 سنة على الأقل} parent_not_older {يجب أن يكون الوالد أكبر من ربّ الأسرة بـ12 سنة على الأقل} grandparent_not_older {يجب أن يكون الجدّ أكبر من ربّ الأسرة بـ24 سنة على الأقل} spouse_too_young {يجب ألا يقل عمر الزوج عن 15 سنة} other {العمر لا يتوافق مع صلة القرابة}}';

/** Texts of the `code.reason` problems of the cases module's people part, in every language. */
export const peopleProblems: ProblemTexts = {
  en: {
    'conflict.household_inconsistent': {
      title: 'Ages and relationships do not agree',
      detail: `Member {member}: ${RULES_EN}. Nothing was registered; correct the member and send the household again.`,
    },
    'conflict.consent_missing': {
      title: 'Consent missing',
      detail:
        '{count, plural, one {# member has} other {# members have}} not consented to sharing for this purpose. Record every member’s consent first.',
    },
    'conflict.no_agreement': {
      title: 'No data-sharing agreement',
      detail:
        'No data-sharing agreement in force from your organisation to this one covers case data for this purpose.',
    },
    'conflict.already_shared': {
      title: 'Already shared',
      detail: 'The case is already shared with this organisation for this purpose.',
    },
    'conflict.share_to_self': { title: 'Your own organisation', detail: 'A case is shared with another organisation.' },
    'conflict.share_ended': { title: 'Share already ended', detail: 'This share has already ended.' },
    'conflict.consent_exists': {
      title: 'Consent already recorded',
      detail: 'This person’s consent for this purpose is already recorded and stands.',
    },
    'conflict.consent_withdrawn': { title: 'Consent already withdrawn', detail: 'This consent was already withdrawn.' },
    'conflict.consent_in_future': { title: 'Date in the future', detail: 'Consent is recorded once it was given.' },
    'conflict.no_duplicate_pending': {
      title: 'No duplicate to review',
      detail: 'This household is not waiting for a duplicate review.',
    },
    'conflict.case_closed': { title: 'Case closed', detail: 'The case is closed: it takes no more changes.' },
    'forbidden.not_owner': {
      title: 'Not your organisation’s case',
      detail: 'Only the organisation that registered the household changes or shares it.',
    },
  },
  fr: {
    'conflict.household_inconsistent': {
      title: 'Âges et liens de parenté incohérents',
      detail: `Membre {member} : ${RULES_FR}. Rien n’a été enregistré ; corrigez le membre et renvoyez le ménage.`,
    },
    'conflict.consent_missing': {
      title: 'Consentement manquant',
      detail:
        '{count, plural, one {# membre n’a} other {# membres n’ont}} pas consenti au partage pour cette finalité. Enregistrez d’abord le consentement de chaque membre.',
    },
    'conflict.no_agreement': {
      title: 'Aucun accord de partage',
      detail:
        'Aucun accord de partage de données en vigueur de votre organisation vers celle-ci ne couvre les dossiers pour cette finalité.',
    },
    'conflict.already_shared': {
      title: 'Déjà partagé',
      detail: 'Le dossier est déjà partagé avec cette organisation pour cette finalité.',
    },
    'conflict.share_to_self': {
      title: 'Votre propre organisation',
      detail: 'Un dossier se partage avec une autre organisation.',
    },
    'conflict.share_ended': { title: 'Partage déjà terminé', detail: 'Ce partage a déjà pris fin.' },
    'conflict.consent_exists': {
      title: 'Consentement déjà enregistré',
      detail: 'Le consentement de cette personne pour cette finalité est déjà enregistré et en vigueur.',
    },
    'conflict.consent_withdrawn': { title: 'Consentement déjà retiré', detail: 'Ce consentement a déjà été retiré.' },
    'conflict.consent_in_future': {
      title: 'Date future',
      detail: 'Un consentement s’enregistre une fois donné.',
    },
    'conflict.no_duplicate_pending': {
      title: 'Aucun doublon à examiner',
      detail: 'Ce ménage n’attend pas d’examen de doublon.',
    },
    'conflict.case_closed': { title: 'Dossier clos', detail: 'Le dossier est clos : il ne peut plus être modifié.' },
    'forbidden.not_owner': {
      title: 'Dossier d’une autre organisation',
      detail: 'Seule l’organisation qui a enregistré le ménage le modifie ou le partage.',
    },
  },
  ar: {
    'conflict.household_inconsistent': {
      title: 'الأعمار لا تتوافق مع صلات القرابة',
      detail: `الفرد {member}: ${RULES_AR}. لم يُسجَّل شيء؛ صحّح بيانات الفرد وأرسل الأسرة مجددًا.`,
    },
    'conflict.consent_missing': {
      title: 'الموافقة غير موجودة',
      detail:
        '{count, plural, one {فرد واحد لم يوافق} two {فردان لم يوافقا} few {# أفراد لم يوافقوا} other {# فردًا لم يوافقوا}} على المشاركة لهذا الغرض. سجّل موافقة كل فرد أولًا.',
    },
    'conflict.no_agreement': {
      title: 'لا توجد اتفاقية لتبادل البيانات',
      detail: 'لا توجد اتفاقية سارية لتبادل البيانات من منظمتك إلى هذه المنظمة تشمل بيانات الحالات لهذا الغرض.',
    },
    'conflict.already_shared': {
      title: 'تمت المشاركة مسبقًا',
      detail: 'الحالة مشاركة مع هذه المنظمة لهذا الغرض مسبقًا.',
    },
    'conflict.share_to_self': { title: 'منظمتك نفسها', detail: 'تُشارك الحالة مع منظمة أخرى.' },
    'conflict.share_ended': { title: 'انتهت المشاركة', detail: 'انتهت هذه المشاركة مسبقًا.' },
    'conflict.consent_exists': {
      title: 'الموافقة مسجّلة مسبقًا',
      detail: 'موافقة هذا الشخص لهذا الغرض مسجّلة وسارية.',
    },
    'conflict.consent_withdrawn': { title: 'الموافقة مسحوبة', detail: 'سُحبت هذه الموافقة مسبقًا.' },
    'conflict.consent_in_future': { title: 'تاريخ في المستقبل', detail: 'تُسجَّل الموافقة بعد أن تُعطى.' },
    'conflict.no_duplicate_pending': {
      title: 'لا يوجد تكرار للمراجعة',
      detail: 'هذه الأسرة لا تنتظر مراجعة تكرار.',
    },
    'conflict.case_closed': { title: 'الحالة مغلقة', detail: 'الحالة مغلقة: لا تقبل أي تغيير.' },
    'forbidden.not_owner': {
      title: 'ليست حالة منظمتك',
      detail: 'المنظمة التي سجّلت الأسرة وحدها تعدّلها أو تشاركها.',
    },
  },
};
