import { registerProblems } from '../i18n/problems.ts';

/** Texts for the transparency log's `code.reason` problems. */
registerProblems({
  en: {
    'not_found.no_checkpoint': {
      title: 'No checkpoint yet',
      detail: 'No checkpoint of the transparency log has been signed yet.',
    },
  },
  ar: {
    'not_found.no_checkpoint': {
      title: 'لا توجد نقطة تحقق بعد',
      detail: 'لم تُوقَّع أي نقطة تحقق من سجل الشفافية حتى الآن.',
    },
  },
  fr: {
    'not_found.no_checkpoint': {
      title: 'Pas encore de point de contrôle',
      detail: "Aucun point de contrôle du journal de transparence n'a encore été signé.",
    },
  },
});
