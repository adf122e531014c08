import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the cases module's movements part, in every language. */
export const movementsProblems: ProblemTexts = {
  en: {
    'conflict.network_code_taken': {
      title: 'Code already used',
      detail: 'The code {code} is already used in the movement network. Choose another.',
    },
    'conflict.corridor_point_repeated': {
      title: 'Transit point repeated',
      detail: 'A corridor passes each transit point once. Remove the repeated point.',
    },
    'conflict.departure_in_past': {
      title: 'Departure date passed',
      detail: 'A movement is planned for today or a later day, not {departsOn}.',
    },
    'conflict.individual_one_household': {
      title: 'One household only',
      detail: 'An individual departure carries one household. Plan a convoy for several.',
    },
    'conflict.corridor_closed': {
      title: 'Corridor closed',
      detail: 'The corridor {code} is closed: no movement can be planned along it.',
    },
    'conflict.transit_point_closed': {
      title: 'Transit point closed',
      detail: 'The transit point {code} on this corridor is closed: no movement can be planned through it.',
    },
    'conflict.withdrawn': {
      title: 'Return withdrawn',
      detail:
        'Household {reference} withdrew from return. Nothing is held against them; no movement is planned for them.',
    },
    'conflict.already_planned': {
      title: 'Already on a movement',
      detail: 'Household {reference} is already on a planned movement. Cancel that one first.',
    },
    'conflict.corridor_does_not_serve': {
      title: 'Corridor does not serve this household',
      detail: 'Corridor {code} does not run from {from} to {to}, where household {reference} travels.',
    },
    'conflict.destination_unsafe': {
      title: 'Destination not safe for return',
      detail:
        "Household {reference}'s destination {pcode} does not pass the destination rule ({why}). No return is scheduled to a zone whose current published class does not allow it. This rule cannot be overridden.",
    },
    'conflict.cooling_off': {
      title: 'Cooling-off period not over',
      detail:
        'Household {reference} is in its cooling-off period until {until}. A departure can be scheduled from that day.',
    },
    'conflict.household_not_eligible': {
      title: 'Household not eligible',
      detail: 'Household {reference} does not pass these eligibility rules: {rules}.',
    },
    'conflict.not_decided_eligible': {
      title: 'No eligibility decision',
      detail:
        'Household {reference} is at stage {stage}: a decision must find it eligible before a movement is planned.',
    },
    'conflict.shelter_full': {
      title: 'Shelter full',
      detail:
        'Shelter {code} holds {capacity} people a night and already has {occupancy} that night: {people} more do not fit. Choose another date or shelter.',
    },
    'conflict.movement_not_planned': {
      title: 'Movement not planned',
      detail: 'Only a planned movement departs; this one is {status}.',
    },
    'conflict.before_departure_day': {
      title: 'Not the departure day yet',
      detail: 'This movement departs on {departsOn}. Eligibility is checked again on that day.',
    },
    'conflict.departure_not_approved': {
      title: 'Departure not approved',
      detail:
        'These households have no approved departure decision: {references}. Decide their departures first (a refused one leaves the movement), or cancel the movement.',
    },
    'conflict.movement_not_cancellable': {
      title: 'Movement cannot be cancelled',
      detail: 'A planned or suspended movement can be cancelled; this one is {status}.',
    },
    'conflict.arrival_in_future': {
      title: 'Arrival date in the future',
      detail: 'An arrival is recorded once it happened, not for {arrivedOn}.',
    },
    'conflict.already_arrived': {
      title: 'Arrival already recorded',
      detail: 'This household was recorded as arrived on {arrivedOn}.',
    },
    'conflict.not_travelling': {
      title: 'Household not travelling',
      detail: 'A household at stage {stage} is not expected to arrive.',
    },
    'conflict.movement_still_planned': {
      title: 'Movement not departed',
      detail: "This household's movement has not departed yet. Depart or cancel it before recording an arrival.",
    },
    'conflict.arrival_before_departure': {
      title: 'Arrival before departure',
      detail: 'The movement departed on {departsOn}: the arrival cannot be earlier.',
    },
  },
  fr: {
    'conflict.network_code_taken': {
      title: 'Code déjà utilisé',
      detail: 'Le code {code} est déjà utilisé dans le réseau de mouvements. Choisissez-en un autre.',
    },
    'conflict.corridor_point_repeated': {
      title: 'Point de transit répété',
      detail: 'Un corridor passe une seule fois par chaque point de transit. Retirez le point répété.',
    },
    'conflict.departure_in_past': {
      title: 'Date de départ passée',
      detail: "Un mouvement se planifie pour aujourd'hui ou un jour suivant, pas pour le {departsOn}.",
    },
    'conflict.individual_one_household': {
      title: 'Un seul ménage',
      detail: 'Un départ individuel transporte un ménage. Planifiez un convoi pour plusieurs.',
    },
    'conflict.corridor_closed': {
      title: 'Corridor fermé',
      detail: 'Le corridor {code} est fermé : aucun mouvement ne peut y être planifié.',
    },
    'conflict.transit_point_closed': {
      title: 'Point de transit fermé',
      detail: 'Le point de transit {code} de ce corridor est fermé : aucun mouvement ne peut y passer.',
    },
    'conflict.withdrawn': {
      title: 'Retour retiré',
      detail:
        "Le ménage {reference} a renoncé au retour. Rien n'est retenu contre lui ; aucun mouvement n'est planifié pour lui.",
    },
    'conflict.already_planned': {
      title: 'Déjà sur un mouvement',
      detail: "Le ménage {reference} est déjà sur un mouvement planifié. Annulez d'abord celui-ci.",
    },
    'conflict.corridor_does_not_serve': {
      title: 'Corridor inadapté',
      detail: 'Le corridor {code} ne va pas de {from} à {to}, le trajet du ménage {reference}.',
    },
    'conflict.destination_unsafe': {
      title: 'Destination non sûre pour le retour',
      detail:
        "La destination {pcode} du ménage {reference} ne satisfait pas la règle de destination ({why}). Aucun retour n'est planifié vers une zone dont la classe publiée ne le permet pas. Cette règle ne peut pas être levée.",
    },
    'conflict.cooling_off': {
      title: 'Délai de réflexion en cours',
      detail:
        "Le ménage {reference} est en délai de réflexion jusqu'au {until}. Un départ peut être planifié à partir de ce jour.",
    },
    'conflict.household_not_eligible': {
      title: 'Ménage non éligible',
      detail: "Le ménage {reference} ne satisfait pas ces règles d'éligibilité : {rules}.",
    },
    'conflict.not_decided_eligible': {
      title: "Pas de décision d'éligibilité",
      detail:
        "Le ménage {reference} est à l'étape {stage} : une décision doit le déclarer éligible avant de planifier un mouvement.",
    },
    'conflict.shelter_full': {
      title: 'Abri complet',
      detail:
        "L'abri {code} accueille {capacity} personnes par nuit et en compte déjà {occupancy} cette nuit-là : {people} de plus n'y tiennent pas. Choisissez une autre date ou un autre abri.",
    },
    'conflict.movement_not_planned': {
      title: 'Mouvement non planifié',
      detail: 'Seul un mouvement planifié peut partir ; celui-ci est {status}.',
    },
    'conflict.before_departure_day': {
      title: "Ce n'est pas encore le jour du départ",
      detail: "Ce mouvement part le {departsOn}. L'éligibilité est vérifiée à nouveau ce jour-là.",
    },
    'conflict.departure_not_approved': {
      title: 'Départ non approuvé',
      detail:
        "Ces ménages n'ont pas de décision de départ approuvée : {references}. Décidez d'abord leurs départs (un départ refusé quitte le mouvement), ou annulez le mouvement.",
    },
    'conflict.movement_not_cancellable': {
      title: 'Mouvement non annulable',
      detail: 'Un mouvement planifié ou suspendu peut être annulé ; celui-ci est {status}.',
    },
    'conflict.arrival_in_future': {
      title: "Date d'arrivée future",
      detail: "Une arrivée s'enregistre une fois survenue, pas pour le {arrivedOn}.",
    },
    'conflict.already_arrived': {
      title: 'Arrivée déjà enregistrée',
      detail: 'Ce ménage est enregistré comme arrivé le {arrivedOn}.',
    },
    'conflict.not_travelling': {
      title: 'Ménage pas en route',
      detail: "Un ménage à l'étape {stage} n'est pas attendu.",
    },
    'conflict.movement_still_planned': {
      title: 'Mouvement non parti',
      detail:
        "Le mouvement de ce ménage n'est pas encore parti. Faites-le partir ou annulez-le avant d'enregistrer une arrivée.",
    },
    'conflict.arrival_before_departure': {
      title: 'Arrivée avant le départ',
      detail: "Le mouvement est parti le {departsOn} : l'arrivée ne peut pas être antérieure.",
    },
  },
  ar: {
    'conflict.network_code_taken': {
      title: 'الرمز مستخدم',
      detail: 'الرمز {code} مستخدم بالفعل في شبكة التنقل. اختر رمزًا آخر.',
    },
    'conflict.corridor_point_repeated': {
      title: 'نقطة عبور مكررة',
      detail: 'يمر الممر بكل نقطة عبور مرة واحدة. احذف النقطة المكررة.',
    },
    'conflict.departure_in_past': {
      title: 'تاريخ المغادرة مضى',
      detail: 'تُخطَّط الرحلة لليوم أو ليوم لاحق، لا لـ {departsOn}.',
    },
    'conflict.individual_one_household': {
      title: 'أسرة واحدة فقط',
      detail: 'المغادرة الفردية تنقل أسرة واحدة. خطّط قافلة لعدة أسر.',
    },
    'conflict.corridor_closed': {
      title: 'الممر مغلق',
      detail: 'الممر {code} مغلق: لا يمكن تخطيط أي رحلة عبره.',
    },
    'conflict.transit_point_closed': {
      title: 'نقطة العبور مغلقة',
      detail: 'نقطة العبور {code} على هذا الممر مغلقة: لا يمكن تخطيط أي رحلة عبرها.',
    },
    'conflict.withdrawn': {
      title: 'تم العدول عن العودة',
      detail: 'عدلت الأسرة {reference} عن العودة. لا يُحتسب ذلك ضدها، ولا تُخطَّط لها أي رحلة.',
    },
    'conflict.already_planned': {
      title: 'مدرجة في رحلة',
      detail: 'الأسرة {reference} مدرجة بالفعل في رحلة مخططة. ألغِ تلك الرحلة أولًا.',
    },
    'conflict.corridor_does_not_serve': {
      title: 'الممر لا يخدم هذه الأسرة',
      detail: 'الممر {code} لا يمتد من {from} إلى {to}، وهي وجهة الأسرة {reference}.',
    },
    'conflict.destination_unsafe': {
      title: 'الوجهة غير آمنة للعودة',
      detail:
        'وجهة الأسرة {reference} ({pcode}) لا تستوفي قاعدة الوجهة ({why}). لا تُجدول أي عودة إلى منطقة لا يسمح تصنيفها المنشور بذلك. لا يمكن تجاوز هذه القاعدة.',
    },
    'conflict.cooling_off': {
      title: 'فترة التريّث لم تنتهِ',
      detail: 'الأسرة {reference} في فترة التريّث حتى {until}. يمكن جدولة المغادرة ابتداءً من ذلك اليوم.',
    },
    'conflict.household_not_eligible': {
      title: 'الأسرة غير مؤهلة',
      detail: 'الأسرة {reference} لا تستوفي قواعد الأهلية التالية: {rules}.',
    },
    'conflict.not_decided_eligible': {
      title: 'لا يوجد قرار أهلية',
      detail: 'الأسرة {reference} في مرحلة {stage}: يجب أن يقرر قرارٌ أهليتها قبل تخطيط رحلة.',
    },
    'conflict.shelter_full': {
      title: 'المأوى ممتلئ',
      detail:
        'يتسع المأوى {code} لـ {capacity} شخصًا في الليلة وفيه {occupancy} تلك الليلة: لا مكان لـ {people} آخرين. اختر تاريخًا أو مأوى آخر.',
    },
    'conflict.movement_not_planned': {
      title: 'الرحلة غير مخططة',
      detail: 'لا تغادر إلا رحلة مخططة؛ حالة هذه الرحلة {status}.',
    },
    'conflict.before_departure_day': {
      title: 'لم يحن يوم المغادرة',
      detail: 'تغادر هذه الرحلة في {departsOn}. يُعاد التحقق من الأهلية في ذلك اليوم.',
    },
    'conflict.departure_not_approved': {
      title: 'المغادرة غير موافق عليها',
      detail:
        'لا يوجد قرار مغادرة موافق عليه لهذه الأسر: {references}. اتخذوا قرارات مغادرتها أولاً (المغادرة المرفوضة تخرج من الرحلة)، أو ألغوا الرحلة.',
    },
    'conflict.movement_not_cancellable': {
      title: 'لا يمكن إلغاء الرحلة',
      detail: 'يمكن إلغاء رحلة مخططة أو معلقة؛ حالة هذه الرحلة {status}.',
    },
    'conflict.arrival_in_future': {
      title: 'تاريخ الوصول في المستقبل',
      detail: 'يُسجَّل الوصول بعد حدوثه، لا لتاريخ {arrivedOn}.',
    },
    'conflict.already_arrived': {
      title: 'الوصول مسجل',
      detail: 'سُجّل وصول هذه الأسرة في {arrivedOn}.',
    },
    'conflict.not_travelling': {
      title: 'الأسرة ليست في طريقها',
      detail: 'لا يُنتظر وصول أسرة في مرحلة {stage}.',
    },
    'conflict.movement_still_planned': {
      title: 'الرحلة لم تغادر',
      detail: 'لم تغادر رحلة هذه الأسرة بعد. اجعلها تغادر أو ألغها قبل تسجيل الوصول.',
    },
    'conflict.arrival_before_departure': {
      title: 'الوصول قبل المغادرة',
      detail: 'غادرت الرحلة في {departsOn}: لا يمكن أن يكون الوصول قبل ذلك.',
    },
  },
};
