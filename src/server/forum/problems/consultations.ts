import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's consultations, in every language. */
export const consultationsProblems: ProblemTexts = {
  en: {
    'conflict.forum_consultation_too_short': {
      title: 'Too short',
      detail: 'A consultation stays open at least {minimum} days.',
    },
    'conflict.forum_consultation_not_draft': {
      title: 'Not a draft',
      detail: 'Only a draft of the criteria framework is opened to consultation.',
    },
    'conflict.forum_consultation_exists': {
      title: 'Already consulted',
      detail: 'This draft already has its consultation.',
    },
    'conflict.forum_consultation_closed': {
      title: 'Consultation closed',
      detail: 'This consultation no longer takes comments.',
    },
    'conflict.forum_consultation_open': {
      title: 'Consultation still open',
      detail:
        'The consultation is open until {closesOn}: comments are answered, and the framework published, after it closes.',
    },
    'conflict.forum_consultation_missing': {
      title: 'No consultation',
      detail: 'Version {version} of the framework has not been opened to consultation; open one before publishing it.',
    },
    'conflict.forum_comments_unanswered': {
      title: 'Comments unanswered',
      detail:
        '{count, plural, one {# comment has} other {# comments have}} no written answer yet; answer every comment before publishing.',
    },
  },
  fr: {
    'conflict.forum_consultation_too_short': {
      title: 'Trop courte',
      detail: 'Une consultation reste ouverte au moins {minimum} jours.',
    },
    'conflict.forum_consultation_not_draft': {
      title: 'Pas un projet',
      detail: 'Seul un projet du cadre de critères est soumis à consultation.',
    },
    'conflict.forum_consultation_exists': {
      title: 'Déjà en consultation',
      detail: 'Ce projet a déjà sa consultation.',
    },
    'conflict.forum_consultation_closed': {
      title: 'Consultation close',
      detail: 'Cette consultation ne reçoit plus de commentaires.',
    },
    'conflict.forum_consultation_open': {
      title: 'Consultation encore ouverte',
      detail:
        'La consultation est ouverte jusqu’au {closesOn} : les commentaires reçoivent leur réponse, et le cadre est publié, après sa clôture.',
    },
    'conflict.forum_consultation_missing': {
      title: 'Aucune consultation',
      detail: 'La version {version} du cadre n’a pas été soumise à consultation ; ouvrez-en une avant de la publier.',
    },
    'conflict.forum_comments_unanswered': {
      title: 'Commentaires sans réponse',
      detail:
        '{count, plural, one {# commentaire n’a} other {# commentaires n’ont}} pas encore de réponse écrite ; répondez à chacun avant de publier.',
    },
  },
  ar: {
    'conflict.forum_consultation_too_short': {
      title: 'المدة قصيرة',
      detail: 'تبقى المشاورة مفتوحة {minimum} يومًا على الأقل.',
    },
    'conflict.forum_consultation_not_draft': {
      title: 'ليست مسودة',
      detail: 'لا تُطرح للمشاورة إلا مسودة إطار المعايير.',
    },
    'conflict.forum_consultation_exists': {
      title: 'المشاورة موجودة',
      detail: 'لهذه المسودة مشاورتها بالفعل.',
    },
    'conflict.forum_consultation_closed': {
      title: 'المشاورة مغلقة',
      detail: 'لم تعد هذه المشاورة تتلقى تعليقات.',
    },
    'conflict.forum_consultation_open': {
      title: 'المشاورة ما زالت مفتوحة',
      detail: 'المشاورة مفتوحة حتى {closesOn}: يُرد على التعليقات ويُنشر الإطار بعد إغلاقها.',
    },
    'conflict.forum_consultation_missing': {
      title: 'لا مشاورة',
      detail: 'لم تُطرح النسخة {version} من الإطار للمشاورة؛ افتحوا مشاورة قبل نشرها.',
    },
    'conflict.forum_comments_unanswered': {
      title: 'تعليقات بلا رد',
      detail:
        '{count, plural, zero {لا تعليقات} one {تعليق واحد بلا} two {تعليقان بلا} few {# تعليقات بلا} many {# تعليقًا بلا} other {# تعليق بلا}} رد مكتوب بعد؛ ردّوا على كل تعليق قبل النشر.',
    },
  },
};
