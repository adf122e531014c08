import { registerProblems } from '../i18n/problems.ts';

/** Texts for the transparency log's `code.reason` problems. */
registerProblems({
  en: {
    'not_found.no_checkpoint': {
      title: 'No checkpoint yet',
      detail: 'No checkpoint of the transparency log has been signed yet.',
    },
    'conflict.audit_proof_unavailable': {
      title: 'Proof unavailable',
      detail:
        'The transparency log no longer leads to its signed checkpoint, so no proof can be given. ' +
        'Its operators have been told; run homeward audit verify.',
    },
  },
  ar: {
    'not_found.no_checkpoint': {
      title: 'لا توجد نقطة تحقق بعد',
      detail: 'لم تُوقَّع أي نقطة تحقق من سجل الشفافية حتى الآن.',
    },
    'conflict.audit_proof_unavailable': {
      title: 'الإثبات غير متاح',
      detail:
        'لم يعد سجل الشفافية يطابق نقطة التحقق الموقّعة، لذا لا يمكن تقديم إثبات. ' +
        'أُبلغ القائمون عليه؛ شغّل homeward audit verify.',
    },
  },
  fr: {
    'not_found.no_checkpoint': {
      title: 'Pas encore de point de contrôle',
      detail: "Aucun point de contrôle du journal de transparence n'a encore été signé.",
    },
    'conflict.audit_proof_unavailable': {
      title: 'Preuve indisponible',
      detail:
        'Le journal de transparence ne mène plus à son point de contrôle signé : aucune preuve ne peut être donnée. ' +
        'Ses responsables ont été prévenus ; lancez homeward audit verify.',
    },
  },
});
