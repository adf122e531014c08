import { registerProblems } from '../i18n/problems.ts';

/** Texts for the transparency log's `code.reason` problems. */
registerProblems({
  en: {
    'not_found.checkpoint_size': {
      title: 'No such checkpoint',
      detail: 'No checkpoint of the transparency log was signed at this tree size.',
    },
    'forbidden.unknown_witness': {
      title: 'Unknown witness',
      detail: 'This key is not among the witnesses whose countersignatures this server accepts.',
    },
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
    'not_found.checkpoint_size': {
      title: 'لا توجد نقطة التحقق هذه',
      detail: 'لم تُوقَّع أي نقطة تحقق من سجل الشفافية عند هذا الحجم من الشجرة.',
    },
    'forbidden.unknown_witness': {
      title: 'شاهد غير معروف',
      detail: 'هذا المفتاح ليس من مفاتيح الشهود الذين يقبل هذا الخادم توقيعاتهم المقابلة.',
    },
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
    'not_found.checkpoint_size': {
      title: 'Point de contrôle introuvable',
      detail: "Aucun point de contrôle du journal de transparence n'a été signé à cette taille d'arbre.",
    },
    'forbidden.unknown_witness': {
      title: 'Témoin inconnu',
      detail: "Cette clé n'est pas celle d'un témoin dont ce serveur accepte les contre-signatures.",
    },
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
