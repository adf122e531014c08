import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the gateway's inbox part (handling, referral, reveal, routing). */
export const inboxProblems: ProblemTexts = {
  en: {
    'not_found.gateway_submission': {
      title: 'Item not found',
      detail: 'No item of your organisation has this id, or it is one you may not see.',
    },
    'not_found.gateway_reveal': {
      title: 'Request not found',
      detail: 'No request to see a submitter’s contact in your organisation has this id.',
    },
    'not_found.gateway_routing_rule': { title: 'Rule not found', detail: 'No routing rule has this id.' },
    'conflict.gateway_handling_closed': {
      title: 'Item closed',
      detail: 'This item is closed: it takes no more steps or replies.',
    },
    'conflict.gateway_already_acknowledged': {
      title: 'Already acknowledged',
      detail: 'This item has already been acknowledged. Reload it to see where it stands.',
    },
    'conflict.gateway_acknowledge_first': {
      title: 'Acknowledge it first',
      detail: 'Acknowledge this item before assigning it.',
    },
    'conflict.gateway_assign_first': {
      title: 'Assign it first',
      detail: 'Assign this item to someone before starting the investigation.',
    },
    'conflict.gateway_already_investigating': {
      title: 'Already under investigation',
      detail: 'The investigation of this item has already started.',
    },
    'conflict.gateway_investigate_first': {
      title: 'Investigate it first',
      detail: 'Start the investigation before answering. To write to the submitter now, send a reply instead.',
    },
    'conflict.gateway_already_responded': {
      title: 'Already answered',
      detail: 'This item has been answered. To write again, send a reply; or close it.',
    },
    'conflict.gateway_answer_first': {
      title: 'Answer it first',
      detail: 'The submitter must be answered before the item is closed.',
    },
    'conflict.gateway_refer_same_organisation': {
      title: 'Choose another organisation',
      detail: 'An item is referred to another organisation than the one handling it.',
    },
    'conflict.gateway_refer_no_handlers': {
      title: 'Nobody there handles submissions',
      detail: 'This organisation has nobody who may handle submissions. Choose another one.',
    },
    'conflict.gateway_refer_not_protecting': {
      title: 'No protection officers there',
      detail:
        'This item is sensitive: it may only go to an organisation with protection officers or that takes sensitive items.',
    },
    'conflict.gateway_reveal_not_confidential': {
      title: 'Nothing to reveal',
      detail: 'Only a confidential submitter’s contact can be revealed. This submitter gave none in confidence.',
    },
    'conflict.gateway_reveal_not_assignee': {
      title: 'Only the assigned officer',
      detail:
        'A confidential submitter’s contact is only for the protection officer the item is assigned to. Assign it to yourself first, or ask that officer.',
    },
    'conflict.gateway_reveal_pending': {
      title: 'A request is waiting',
      detail: 'A request to see this submitter’s contact is already waiting for a second officer’s decision.',
    },
    'conflict.gateway_reveal_decided': {
      title: 'Already decided',
      detail: 'This request has already been approved or refused.',
    },
    'conflict.gateway_reveal_own_request': {
      title: 'A second officer must decide',
      detail: 'You made this request: another protection officer of your organisation must approve or refuse it.',
    },
    'conflict.gateway_reveal_not_approved': {
      title: 'Not approved',
      detail:
        'The contact is shown only to the officer whose request to see it was approved by a second officer. Make a request first.',
    },
  },
  fr: {
    'not_found.gateway_submission': {
      title: 'Dossier introuvable',
      detail: "Aucun dossier de votre organisation n'a cet identifiant, ou vous n'êtes pas autorisé à le voir.",
    },
    'not_found.gateway_reveal': {
      title: 'Demande introuvable',
      detail: "Aucune demande de voir les coordonnées d'un auteur n'a cet identifiant dans votre organisation.",
    },
    'not_found.gateway_routing_rule': {
      title: 'Règle introuvable',
      detail: "Aucune règle d'acheminement n'a cet identifiant.",
    },
    'conflict.gateway_handling_closed': {
      title: 'Dossier clos',
      detail: "Ce dossier est clos : il n'accepte plus d'étape ni de réponse.",
    },
    'conflict.gateway_already_acknowledged': {
      title: 'Déjà accusé de réception',
      detail: 'La réception de ce dossier a déjà été accusée. Rechargez-le pour voir où il en est.',
    },
    'conflict.gateway_acknowledge_first': {
      title: "Accusez d'abord réception",
      detail: "Accusez réception de ce dossier avant de l'attribuer.",
    },
    'conflict.gateway_assign_first': {
      title: "Attribuez-le d'abord",
      detail: "Attribuez ce dossier à quelqu'un avant de commencer l'enquête.",
    },
    'conflict.gateway_already_investigating': {
      title: 'Enquête déjà en cours',
      detail: "L'enquête sur ce dossier a déjà commencé.",
    },
    'conflict.gateway_investigate_first': {
      title: "Enquêtez d'abord",
      detail: "Commencez l'enquête avant de répondre. Pour écrire à l'auteur maintenant, envoyez plutôt un message.",
    },
    'conflict.gateway_already_responded': {
      title: 'Déjà répondu',
      detail: 'Ce dossier a reçu une réponse. Pour écrire encore, envoyez un message ; ou clôturez-le.',
    },
    'conflict.gateway_answer_first': {
      title: "Répondez d'abord",
      detail: "L'auteur doit recevoir une réponse avant la clôture du dossier.",
    },
    'conflict.gateway_refer_same_organisation': {
      title: 'Choisissez une autre organisation',
      detail: 'Un dossier est transmis à une autre organisation que celle qui le traite.',
    },
    'conflict.gateway_refer_no_handlers': {
      title: 'Personne ne traite les soumissions là-bas',
      detail: "Cette organisation n'a personne qui puisse traiter les soumissions. Choisissez-en une autre.",
    },
    'conflict.gateway_refer_not_protecting': {
      title: 'Pas de chargé de protection là-bas',
      detail:
        "Ce dossier est sensible : il ne peut aller qu'à une organisation ayant des chargés de protection ou recevant les dossiers sensibles.",
    },
    'conflict.gateway_reveal_not_confidential': {
      title: 'Rien à révéler',
      detail:
        "Seules les coordonnées d'un auteur confidentiel peuvent être révélées. Cet auteur n'en a donné aucune à titre confidentiel.",
    },
    'conflict.gateway_reveal_not_assignee': {
      title: 'Réservé au chargé attributaire',
      detail:
        "Le contact d'un auteur confidentiel est réservé au chargé de protection à qui le dossier est attribué. Attribuez-le-vous d'abord, ou adressez-vous à ce chargé.",
    },
    'conflict.gateway_reveal_pending': {
      title: 'Une demande est en attente',
      detail: "Une demande de voir les coordonnées de cet auteur attend déjà la décision d'un second chargé.",
    },
    'conflict.gateway_reveal_decided': {
      title: 'Déjà décidée',
      detail: 'Cette demande a déjà été approuvée ou refusée.',
    },
    'conflict.gateway_reveal_own_request': {
      title: 'Un second chargé doit décider',
      detail:
        "Vous avez fait cette demande : un autre chargé de protection de votre organisation doit l'approuver ou la refuser.",
    },
    'conflict.gateway_reveal_not_approved': {
      title: 'Non approuvée',
      detail:
        "Les coordonnées ne sont montrées qu'au chargé dont la demande a été approuvée par un second chargé. Faites d'abord une demande.",
    },
  },
  ar: {
    'not_found.gateway_submission': {
      title: 'الطلب غير موجود',
      detail: 'لا يوجد طلب لمنظمتك بهذا المعرّف، أو أنه طلب لا يُسمح لك برؤيته.',
    },
    'not_found.gateway_reveal': {
      title: 'الطلب غير موجود',
      detail: 'لا يوجد في منظمتك طلب للاطلاع على بيانات اتصال مقدّم بهذا المعرّف.',
    },
    'not_found.gateway_routing_rule': { title: 'القاعدة غير موجودة', detail: 'لا توجد قاعدة توجيه بهذا المعرّف.' },
    'conflict.gateway_handling_closed': {
      title: 'الطلب مغلق',
      detail: 'هذا الطلب مغلق: لا يقبل أي خطوة أو رد بعد الآن.',
    },
    'conflict.gateway_already_acknowledged': {
      title: 'تم الإقرار بالاستلام مسبقًا',
      detail: 'سبق الإقرار باستلام هذا الطلب. أعد تحميله لترى أين وصل.',
    },
    'conflict.gateway_acknowledge_first': {
      title: 'أقرّ بالاستلام أولًا',
      detail: 'أقرّ باستلام هذا الطلب قبل إسناده.',
    },
    'conflict.gateway_assign_first': {
      title: 'أسنده أولًا',
      detail: 'أسند هذا الطلب إلى شخص ما قبل بدء التحقيق.',
    },
    'conflict.gateway_already_investigating': {
      title: 'التحقيق جارٍ بالفعل',
      detail: 'بدأ التحقيق في هذا الطلب بالفعل.',
    },
    'conflict.gateway_investigate_first': {
      title: 'ابدأ التحقيق أولًا',
      detail: 'ابدأ التحقيق قبل الرد. للكتابة إلى مقدّم الطلب الآن، أرسل رسالة بدلًا من ذلك.',
    },
    'conflict.gateway_already_responded': {
      title: 'تم الرد مسبقًا',
      detail: 'تم الرد على هذا الطلب. للكتابة مجددًا أرسل رسالة، أو أغلقه.',
    },
    'conflict.gateway_answer_first': {
      title: 'رُدّ أولًا',
      detail: 'يجب الرد على مقدّم الطلب قبل إغلاقه.',
    },
    'conflict.gateway_refer_same_organisation': {
      title: 'اختر منظمة أخرى',
      detail: 'يُحال الطلب إلى منظمة غير المنظمة التي تتولاه.',
    },
    'conflict.gateway_refer_no_handlers': {
      title: 'لا أحد هناك يتولى الطلبات',
      detail: 'ليس في هذه المنظمة من يمكنه تولي الطلبات. اختر منظمة أخرى.',
    },
    'conflict.gateway_refer_not_protecting': {
      title: 'لا يوجد موظفو حماية هناك',
      detail: 'هذا الطلب حساس: لا يُحال إلا إلى منظمة لديها موظفو حماية أو تستقبل الطلبات الحساسة.',
    },
    'conflict.gateway_reveal_not_confidential': {
      title: 'لا شيء للكشف عنه',
      detail: 'لا يمكن كشف إلا بيانات اتصال مقدّم طلب سري. لم يقدّم هذا الشخص أي بيانات بصفة سرية.',
    },
    'conflict.gateway_reveal_not_assignee': {
      title: 'للموظف المسند إليه فقط',
      detail:
        'بيانات اتصال مقدّم الطلب السري مخصصة لموظف الحماية المسند إليه الطلب فقط. أسنده إلى نفسك أولًا أو تواصل مع ذلك الموظف.',
    },
    'conflict.gateway_reveal_pending': {
      title: 'هناك طلب قيد الانتظار',
      detail: 'هناك طلب للاطلاع على بيانات اتصال هذا الشخص ينتظر بالفعل قرار موظف ثانٍ.',
    },
    'conflict.gateway_reveal_decided': {
      title: 'تم البت فيه',
      detail: 'تمت الموافقة على هذا الطلب أو رفضه بالفعل.',
    },
    'conflict.gateway_reveal_own_request': {
      title: 'يجب أن يقرر موظف ثانٍ',
      detail: 'أنت من قدّم هذا الطلب: يجب أن يوافق عليه أو يرفضه موظف حماية آخر في منظمتك.',
    },
    'conflict.gateway_reveal_not_approved': {
      title: 'غير موافق عليه',
      detail: 'لا تُعرض بيانات الاتصال إلا للموظف الذي وافق موظف ثانٍ على طلبه. قدّم طلبًا أولًا.',
    },
  },
};
