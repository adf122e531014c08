import { type ProblemTexts, registerProblems } from '../platform/i18n/problems.ts';

/** Texts for the return-zones module's `code.reason` problems. */
export const zoneProblems: ProblemTexts = {
  en: {
    'conflict.observation_decided': {
      title: 'Observation already decided',
      detail: 'Files are added while a value waits for a verifier. To add evidence to a decided value, correct it.',
    },
    'conflict.too_many_evidence_files': {
      title: 'Too many files',
      detail: 'An observation has at most {limit} evidence files.',
    },
    'unsupported_media_type.unsupported_type': {
      title: 'File type not accepted',
      detail: 'Attach a photo or a scan as a JPEG, PNG or WebP image. Other files cannot be cleaned of their metadata.',
    },
    'unsupported_media_type.pdf_not_cleanable': {
      title: 'PDF not accepted',
      detail:
        'A PDF can carry its author, software and places in ways that cannot be removed reliably. Attach a photo or a scan of the page (JPEG or PNG) instead.',
    },
    'payload_too_large.evidence_file': {
      title: 'File too large',
      detail: 'An evidence file may be at most {megabytes} MB.',
    },
    'conflict.framework_published': {
      title: 'Framework already published',
      detail: 'A published framework version is never changed. Save a new draft instead.',
    },
    'conflict.duplicate_observation': {
      title: 'Duplicate observation',
      detail: 'Your organisation already gave a value for this zone, indicator and period.',
    },
    'conflict.already_decided': {
      title: 'Already decided',
      detail: 'This observation has already been confirmed or rejected.',
    },
    'conflict.no_evidence_requested': {
      title: 'No evidence requested',
      detail: 'Evidence can be added only when a verifier has asked for more.',
    },
    'conflict.unverified_observations': {
      title: 'Unverified observations',
      detail:
        '{count, plural, one {# observation of {period} is} other {# observations of {period} are}} still waiting for a verifier. Publish once they are decided.',
    },
    'conflict.month_not_ended': {
      title: 'Month not ended',
      detail:
        '{period} has not ended: values may still come in for it. Confirm that you publish it before the month is over.',
    },
    'conflict.already_published': {
      title: 'Period already published',
      detail: '{period} is already published. Publish a correction that names the publication it replaces.',
    },
    'conflict.not_latest_publication': {
      title: 'Not the latest publication',
      detail: 'A correction must replace the latest publication of its period.',
    },
    'conflict.no_zones': { title: 'No zones', detail: 'The gazetteer has no zones yet. Import it first.' },
    'forbidden.own_organisation': {
      title: 'Own organisation’s data',
      detail: 'A verifier never verifies data submitted by their own organisation.',
    },
  },
  ar: {
    'conflict.observation_decided': {
      title: 'تم البتّ في الملاحظة',
      detail: 'تُضاف الملفات ما دامت القيمة بانتظار المُحقِّق. لإضافة أدلة إلى قيمة تم البتّ فيها، صحّحها.',
    },
    'conflict.too_many_evidence_files': {
      title: 'ملفات كثيرة جدًا',
      detail: 'للملاحظة {limit} ملفات أدلة على الأكثر.',
    },
    'unsupported_media_type.unsupported_type': {
      title: 'نوع الملف غير مقبول',
      detail: 'أرفق صورة أو مسحًا ضوئيًا بصيغة JPEG أو PNG أو WebP. لا يمكن تنظيف الملفات الأخرى من بياناتها الوصفية.',
    },
    'unsupported_media_type.pdf_not_cleanable': {
      title: 'ملف PDF غير مقبول',
      detail:
        'قد يحمل ملف PDF اسم مؤلفه وبرنامجه وأماكن بطرق لا يمكن إزالتها بشكل موثوق. أرفق بدلًا منه صورة أو مسحًا ضوئيًا للصفحة (JPEG أو PNG).',
    },
    'payload_too_large.evidence_file': {
      title: 'الملف كبير جدًا',
      detail: 'لا يتجاوز حجم ملف الأدلة {megabytes} ميغابايت.',
    },
    'conflict.framework_published': {
      title: 'الإطار منشور بالفعل',
      detail: 'لا يُعدَّل أبدًا إصدار منشور من الإطار. احفظ مسودة جديدة بدلًا من ذلك.',
    },
    'conflict.duplicate_observation': {
      title: 'ملاحظة مكررة',
      detail: 'سبق أن قدّمت منظمتك قيمة لهذه المنطقة وهذا المؤشر وهذه الفترة.',
    },
    'conflict.already_decided': { title: 'تم البتّ فيها', detail: 'سبق تأكيد هذه الملاحظة أو رفضها.' },
    'conflict.no_evidence_requested': {
      title: 'لم تُطلب أدلة',
      detail: 'لا يمكن إضافة أدلة إلا عندما يطلب المُحقِّق المزيد.',
    },
    'conflict.unverified_observations': {
      title: 'ملاحظات لم يُتحقَّق منها',
      detail:
        'لا تزال {count, plural, one {ملاحظة واحدة} two {ملاحظتان} few {# ملاحظات} other {# ملاحظة}} من فترة {period} بانتظار التحقق. انشر بعد البتّ فيها.',
    },
    'conflict.month_not_ended': {
      title: 'الشهر لم ينتهِ',
      detail: 'لم ينتهِ شهر {period} بعد: قد تصل قيم أخرى عنه. أكِّد أنك تنشره قبل انتهاء الشهر.',
    },
    'conflict.already_published': {
      title: 'الفترة منشورة بالفعل',
      detail: 'فترة {period} منشورة بالفعل. انشر تصحيحًا يحدد المنشور الذي يحل محله.',
    },
    'conflict.not_latest_publication': {
      title: 'ليس أحدث منشور',
      detail: 'يجب أن يحل التصحيح محل أحدث منشور لفترته.',
    },
    'conflict.no_zones': { title: 'لا توجد مناطق', detail: 'لا يحتوي المعجم الجغرافي على مناطق بعد. استورده أولًا.' },
    'forbidden.own_organisation': {
      title: 'بيانات المنظمة نفسها',
      detail: 'لا يتحقق المُحقِّق أبدًا من بيانات قدّمتها منظمته.',
    },
  },
  fr: {
    'conflict.observation_decided': {
      title: 'Observation déjà tranchée',
      detail:
        "Les fichiers s'ajoutent tant qu'une valeur attend un vérificateur. Pour ajouter une preuve à une valeur tranchée, corrigez-la.",
    },
    'conflict.too_many_evidence_files': {
      title: 'Trop de fichiers',
      detail: 'Une observation a au plus {limit} fichiers de preuve.',
    },
    'unsupported_media_type.unsupported_type': {
      title: 'Type de fichier refusé',
      detail:
        'Joignez une photo ou un scan en image JPEG, PNG ou WebP. Les autres fichiers ne peuvent pas être nettoyés de leurs métadonnées.',
    },
    'unsupported_media_type.pdf_not_cleanable': {
      title: 'PDF refusé',
      detail:
        "Un PDF peut porter son auteur, son logiciel et des lieux d'une manière impossible à retirer de façon fiable. Joignez plutôt une photo ou un scan de la page (JPEG ou PNG).",
    },
    'payload_too_large.evidence_file': {
      title: 'Fichier trop volumineux',
      detail: 'Un fichier de preuve fait au plus {megabytes} Mo.',
    },
    'conflict.framework_published': {
      title: 'Cadre déjà publié',
      detail: "Une version publiée du cadre n'est jamais modifiée. Enregistrez plutôt un nouveau brouillon.",
    },
    'conflict.duplicate_observation': {
      title: 'Observation en double',
      detail: 'Votre organisation a déjà donné une valeur pour cette zone, cet indicateur et cette période.',
    },
    'conflict.already_decided': {
      title: 'Déjà tranchée',
      detail: 'Cette observation a déjà été confirmée ou rejetée.',
    },
    'conflict.no_evidence_requested': {
      title: 'Aucune preuve demandée',
      detail: "Des preuves ne peuvent être ajoutées que lorsqu'un vérificateur en demande davantage.",
    },
    'conflict.unverified_observations': {
      title: 'Observations non vérifiées',
      detail:
        '{count, plural, one {# observation de {period} attend} other {# observations de {period} attendent}} encore un vérificateur. Publiez une fois tranchées.',
    },
    'conflict.month_not_ended': {
      title: 'Mois non terminé',
      detail:
        "{period} n'est pas terminé : des valeurs peuvent encore arriver. Confirmez que vous le publiez avant la fin du mois.",
    },
    'conflict.already_published': {
      title: 'Période déjà publiée',
      detail: '{period} est déjà publiée. Publiez une correction qui nomme la publication remplacée.',
    },
    'conflict.not_latest_publication': {
      title: 'Pas la dernière publication',
      detail: 'Une correction doit remplacer la dernière publication de sa période.',
    },
    'conflict.no_zones': {
      title: 'Aucune zone',
      detail: "Le répertoire géographique n'a pas encore de zones. Importez-le d'abord.",
    },
    'forbidden.own_organisation': {
      title: 'Données de sa propre organisation',
      detail: 'Un vérificateur ne vérifie jamais les données soumises par sa propre organisation.',
    },
  },
};

// Registered on load, for the CLI, which answers problems without the HTTP app.
registerProblems(zoneProblems);
