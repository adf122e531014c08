import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's commitments, in every language. */
export const commitmentsProblems: ProblemTexts = {
  en: {
    'forbidden.forum_not_owner': {
      title: 'Not your commitment',
      detail: 'Only the organisation that owns a commitment reports its progress.',
    },
    'forbidden.forum_own_commitment': {
      title: 'Assessment must be independent',
      detail: 'Your organisation owns this commitment, so another organisation assesses it.',
    },
    'conflict.forum_commitment_closed': {
      title: 'Commitment closed',
      detail: 'This commitment has been closed as kept or broken.',
    },
  },
  fr: {
    'forbidden.forum_not_owner': {
      title: 'Pas votre engagement',
      detail: 'Seule l’organisation qui porte un engagement rend compte de son avancement.',
    },
    'forbidden.forum_own_commitment': {
      title: 'L’évaluation doit être indépendante',
      detail: 'Votre organisation porte cet engagement : une autre organisation l’évalue.',
    },
    'conflict.forum_commitment_closed': {
      title: 'Engagement clos',
      detail: 'Cet engagement a été clos comme tenu ou rompu.',
    },
  },
  ar: {
    'forbidden.forum_not_owner': {
      title: 'ليس التزامكم',
      detail: 'لا تُبلغ عن تقدم الالتزام إلا المنظمة صاحبته.',
    },
    'forbidden.forum_own_commitment': {
      title: 'يجب أن يكون التقييم مستقلًا',
      detail: 'منظمتكم صاحبة هذا الالتزام، فتقيّمه منظمة أخرى.',
    },
    'conflict.forum_commitment_closed': {
      title: 'الالتزام مغلق',
      detail: 'أُغلق هذا الالتزام بالوفاء به أو بالإخلال به.',
    },
  },
};
