import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the cases module's choice part, in every language. */
export const choiceProblems: ProblemTexts = {
  en: {
    'conflict.step_out_of_order': {
      title: 'Step out of order',
      detail: 'The voluntariness file takes its steps in order: record the {missing} step before the {step} step.',
    },
    'conflict.case_closed': {
      title: 'Case closed',
      detail: 'This case is closed or withdrawn: nothing more can be decided or recorded on it.',
    },
    'conflict.already_departed': {
      title: 'Already departed',
      detail: 'The household has departed: the voluntariness file can no longer change.',
    },
    'conflict.no_file_for_child': {
      title: 'No file for this child',
      detail:
        'Only adults and unaccompanied or separated children have a voluntariness file of their own. A child with their family is counselled with them.',
    },
    'conflict.file_withdrawn': {
      title: 'File withdrawn',
      detail: 'This person withdrew. Record a new return intention first if they wish to return after all.',
    },
    'validation_failed.date_in_future': {
      title: 'Date in the future',
      detail: 'A step is recorded once it has happened: its date cannot be later than today.',
    },
    'validation_failed.date_before_previous_step': {
      title: 'Date before the previous step',
      detail: 'This step cannot be dated before the step it follows ({after}).',
    },
    'conflict.intention_recorded': {
      title: 'Intention already recorded',
      detail: 'This person’s return intention is already recorded. Continue with the next step of their file.',
    },
    'conflict.zone_information_changed': {
      title: 'The zone’s class has changed',
      detail:
        'A new class of the intended zone was published after the screen was opened. Reload it and give the person the class now in force.',
    },
    'validation_failed.declaration_without_witness': {
      title: 'Declaration without a witness',
      detail: 'A voluntary repatriation form is signed before a witness. Name the witness to record the declaration.',
    },
    'conflict.already_declared': {
      title: 'Declaration already signed',
      detail: 'This person has already signed their declaration.',
    },
    'conflict.no_intention': {
      title: 'No intention recorded',
      detail: 'This person has expressed no intention to return: there is nothing to withdraw.',
    },
    'conflict.already_withdrawn': {
      title: 'Already withdrawn',
      detail: 'This person’s withdrawal is already recorded.',
    },
    'conflict.flag_closed': {
      title: 'Flag already closed',
      detail: 'This protection flag is already closed.',
    },
    'validation_failed.need_not_recorded': {
      title: 'Need not recorded',
      detail: 'This person has no such specific need recorded: {needs}.',
    },
    'conflict.no_conditions': {
      title: 'No conditions to address',
      detail: 'The intended zone’s class in force is not conditionally conducive, so it has no conditions to address.',
    },
    'forbidden.not_responsible': {
      title: 'Not your organisation’s decision',
      detail: 'Only the organisation responsible for a decision may take it.',
    },
    'conflict.decision_decided': {
      title: 'Already decided',
      detail: 'This decision has already been taken. It can be appealed.',
    },
    'validation_failed.outcome_for_kind': {
      title: 'Outcome not possible for this decision',
      detail: 'A {kind} decision has one of these outcomes: {outcomes}.',
    },
    'conflict.not_eligible': {
      title: 'Not eligible',
      detail:
        'The household does not meet every eligibility rule ({rules}), so it cannot be found eligible nor its departure approved. The destination rule can never be overridden.',
    },
    'conflict.not_declared': {
      title: 'Not declared',
      detail: 'An eligibility decision is opened once every required voluntariness file has its signed declaration.',
    },
    'conflict.decision_pending': {
      title: 'Decision already pending',
      detail: 'An eligibility decision is already pending for this household.',
    },
    'forbidden.coordinators_only': {
      title: 'For coordinators',
      detail: 'Every organisation’s overdue decisions are shown to coordinators only.',
    },
    'not_found.no_declaration_scan': {
      title: 'No scanned declaration',
      detail: 'No scanned copy of this person’s signed declaration was recorded.',
    },
  },
  fr: {
    'conflict.step_out_of_order': {
      title: 'Étape dans le désordre',
      detail:
        'Le dossier de volontariat suit ses étapes dans l’ordre : enregistrez l’étape {missing} avant l’étape {step}.',
    },
    'conflict.case_closed': {
      title: 'Dossier clos',
      detail: 'Ce dossier est clos ou retiré : plus rien ne peut y être décidé ni enregistré.',
    },
    'conflict.already_departed': {
      title: 'Déjà parti',
      detail: 'Le ménage est parti : le dossier de volontariat ne peut plus changer.',
    },
    'conflict.no_file_for_child': {
      title: 'Pas de dossier pour cet enfant',
      detail:
        'Seuls les adultes et les enfants non accompagnés ou séparés ont leur propre dossier de volontariat. Un enfant avec sa famille est conseillé avec elle.',
    },
    'conflict.file_withdrawn': {
      title: 'Dossier retiré',
      detail:
        'Cette personne s’est retirée. Enregistrez d’abord une nouvelle intention de retour si elle souhaite finalement rentrer.',
    },
    'validation_failed.date_in_future': {
      title: 'Date dans le futur',
      detail: 'Une étape s’enregistre une fois qu’elle a eu lieu : sa date ne peut pas être postérieure à aujourd’hui.',
    },
    'validation_failed.date_before_previous_step': {
      title: 'Date antérieure à l’étape précédente',
      detail: 'Cette étape ne peut pas être datée avant l’étape qu’elle suit ({after}).',
    },
    'conflict.intention_recorded': {
      title: 'Intention déjà enregistrée',
      detail: 'L’intention de retour de cette personne est déjà enregistrée. Passez à l’étape suivante de son dossier.',
    },
    'conflict.zone_information_changed': {
      title: 'La classe de la zone a changé',
      detail:
        'Une nouvelle classe de la zone visée a été publiée après l’ouverture de l’écran. Rechargez-le et donnez à la personne la classe en vigueur.',
    },
    'validation_failed.declaration_without_witness': {
      title: 'Déclaration sans témoin',
      detail:
        'Le formulaire de rapatriement volontaire se signe devant un témoin. Indiquez le témoin pour enregistrer la déclaration.',
    },
    'conflict.already_declared': {
      title: 'Déclaration déjà signée',
      detail: 'Cette personne a déjà signé sa déclaration.',
    },
    'conflict.no_intention': {
      title: 'Aucune intention enregistrée',
      detail: 'Cette personne n’a exprimé aucune intention de retour : il n’y a rien à retirer.',
    },
    'conflict.already_withdrawn': {
      title: 'Déjà retiré',
      detail: 'Le retrait de cette personne est déjà enregistré.',
    },
    'conflict.flag_closed': {
      title: 'Alerte déjà close',
      detail: 'Cette alerte de protection est déjà close.',
    },
    'validation_failed.need_not_recorded': {
      title: 'Besoin non enregistré',
      detail: 'Aucun besoin spécifique de ce type n’est enregistré pour cette personne : {needs}.',
    },
    'conflict.no_conditions': {
      title: 'Aucune condition à remplir',
      detail:
        'La classe en vigueur de la zone visée n’est pas « favorable sous conditions » : il n’y a pas de conditions à remplir.',
    },
    'forbidden.not_responsible': {
      title: 'Décision d’une autre organisation',
      detail: 'Seule l’organisation responsable d’une décision peut la prendre.',
    },
    'conflict.decision_decided': {
      title: 'Déjà décidé',
      detail: 'Cette décision a déjà été prise. Elle peut faire l’objet d’un recours.',
    },
    'validation_failed.outcome_for_kind': {
      title: 'Issue impossible pour cette décision',
      detail: 'Une décision {kind} a l’une de ces issues : {outcomes}.',
    },
    'conflict.not_eligible': {
      title: 'Non éligible',
      detail:
        'Le ménage ne remplit pas toutes les règles d’éligibilité ({rules}) : il ne peut être déclaré éligible ni son départ approuvé. La règle de destination ne peut jamais être outrepassée.',
    },
    'conflict.not_declared': {
      title: 'Pas encore déclaré',
      detail:
        'Une décision d’éligibilité s’ouvre une fois que chaque dossier de volontariat requis a sa déclaration signée.',
    },
    'conflict.decision_pending': {
      title: 'Décision déjà en attente',
      detail: 'Une décision d’éligibilité est déjà en attente pour ce ménage.',
    },
    'forbidden.coordinators_only': {
      title: 'Réservé aux coordinateurs',
      detail: 'Les décisions en retard de toutes les organisations ne sont montrées qu’aux coordinateurs.',
    },
    'not_found.no_declaration_scan': {
      title: 'Aucune déclaration numérisée',
      detail: 'Aucune copie numérisée de la déclaration signée de cette personne n’a été enregistrée.',
    },
  },
  ar: {
    'conflict.step_out_of_order': {
      title: 'خطوة خارج الترتيب',
      detail: 'يتبع ملف الطوعية خطواته بالترتيب: سجّل خطوة {missing} قبل خطوة {step}.',
    },
    'conflict.case_closed': {
      title: 'الملف مغلق',
      detail: 'هذا الملف مغلق أو مسحوب: لا يمكن اتخاذ أي قرار أو تسجيل أي شيء فيه بعد الآن.',
    },
    'conflict.already_departed': {
      title: 'غادرت الأسرة',
      detail: 'غادرت الأسرة: لم يعد بالإمكان تغيير ملف الطوعية.',
    },
    'conflict.no_file_for_child': {
      title: 'لا ملف لهذا الطفل',
      detail: 'للبالغين وللأطفال غير المصحوبين أو المنفصلين وحدهم ملف طوعية خاص بهم. الطفل الذي مع أسرته يُستشار معها.',
    },
    'conflict.file_withdrawn': {
      title: 'الملف مسحوب',
      detail: 'انسحب هذا الشخص. سجّل أولاً نية عودة جديدة إن رغب في العودة بعد كل شيء.',
    },
    'validation_failed.date_in_future': {
      title: 'تاريخ في المستقبل',
      detail: 'تُسجَّل الخطوة بعد حدوثها: لا يمكن أن يكون تاريخها بعد اليوم.',
    },
    'validation_failed.date_before_previous_step': {
      title: 'تاريخ قبل الخطوة السابقة',
      detail: 'لا يمكن أن يسبق تاريخ هذه الخطوة تاريخ الخطوة التي تليها ({after}).',
    },
    'conflict.intention_recorded': {
      title: 'النية مسجلة من قبل',
      detail: 'نية العودة لهذا الشخص مسجلة من قبل. تابع الخطوة التالية من ملفه.',
    },
    'conflict.zone_information_changed': {
      title: 'تغيّر تصنيف المنطقة',
      detail: 'نُشر تصنيف جديد للمنطقة المقصودة بعد فتح الشاشة. أعد تحميلها وأبلغ الشخص بالتصنيف النافذ الآن.',
    },
    'validation_failed.declaration_without_witness': {
      title: 'إقرار بلا شاهد',
      detail: 'يُوقَّع نموذج العودة الطوعية أمام شاهد. اذكر الشاهد لتسجيل الإقرار.',
    },
    'conflict.already_declared': {
      title: 'الإقرار موقّع من قبل',
      detail: 'وقّع هذا الشخص إقراره من قبل.',
    },
    'conflict.no_intention': {
      title: 'لا نية مسجلة',
      detail: 'لم يعبّر هذا الشخص عن أي نية للعودة: لا شيء يُسحب.',
    },
    'conflict.already_withdrawn': {
      title: 'مسحوب من قبل',
      detail: 'انسحاب هذا الشخص مسجل من قبل.',
    },
    'conflict.flag_closed': {
      title: 'الإنذار مغلق من قبل',
      detail: 'إنذار الحماية هذا مغلق من قبل.',
    },
    'validation_failed.need_not_recorded': {
      title: 'احتياج غير مسجل',
      detail: 'لا احتياج خاص من هذا النوع مسجل لهذا الشخص: {needs}.',
    },
    'conflict.no_conditions': {
      title: 'لا شروط لاستيفائها',
      detail: 'التصنيف النافذ للمنطقة المقصودة ليس «مواتية بشروط»، فلا شروط لاستيفائها.',
    },
    'forbidden.not_responsible': {
      title: 'ليس قرار منظمتك',
      detail: 'لا يتخذ القرار إلا المنظمة المسؤولة عنه.',
    },
    'conflict.decision_decided': {
      title: 'اتُّخذ القرار من قبل',
      detail: 'اتُّخذ هذا القرار من قبل. ويمكن الطعن فيه.',
    },
    'validation_failed.outcome_for_kind': {
      title: 'نتيجة غير ممكنة لهذا القرار',
      detail: 'لقرار {kind} إحدى هذه النتائج: {outcomes}.',
    },
    'conflict.not_eligible': {
      title: 'غير مؤهل',
      detail:
        'لا تستوفي الأسرة كل قواعد الأهلية ({rules})، فلا يمكن اعتبارها مؤهلة ولا الموافقة على مغادرتها. ولا يمكن تجاوز قاعدة الوجهة أبداً.',
    },
    'conflict.not_declared': {
      title: 'لم يُوقَّع الإقرار',
      detail: 'يُفتح قرار الأهلية حين يكتمل الإقرار الموقّع في كل ملف طوعية مطلوب.',
    },
    'conflict.decision_pending': {
      title: 'قرار قيد الانتظار',
      detail: 'يوجد قرار أهلية قيد الانتظار لهذه الأسرة.',
    },
    'forbidden.coordinators_only': {
      title: 'للمنسقين',
      detail: 'لا تُعرض القرارات المتأخرة لكل المنظمات إلا على المنسقين.',
    },
    'not_found.no_declaration_scan': {
      title: 'لا توجد نسخة ممسوحة من الإقرار',
      detail: 'لم تُسجَّل نسخة ممسوحة ضوئيًا من الإقرار الموقّع لهذا الشخص.',
    },
  },
};
