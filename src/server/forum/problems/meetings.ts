import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's meetings, in every language. */
export const meetingsProblems: ProblemTexts = {
  en: {
    'forbidden.forum_not_your_position': {
      title: 'Not your position',
      detail: 'Only the organisation that submitted a position attaches files to it.',
    },
    'conflict.forum_too_many_attachments': {
      title: 'Too many files',
      detail: 'A position carries at most {limit} files.',
    },
    'payload_too_large.position_attachment': {
      title: 'File too large',
      detail: 'A position’s file is at most {megabytes} MB.',
    },
    'unsupported_media_type.position_attachment': {
      title: 'File type not taken',
      detail: 'Attach a PDF, or a JPEG, PNG or WebP image.',
    },
    'conflict.forum_body_code_taken': { title: 'Code in use', detail: 'Another body already has the code {code}.' },
    'forbidden.forum_not_chair': {
      title: 'Not the chair',
      detail: 'Only the organisation that chairs this body runs its meetings.',
    },
    'forbidden.forum_not_at_table': {
      title: 'Not at the table',
      detail: 'Only the body’s members and the meeting’s participants submit positions to it.',
    },
    'conflict.forum_positions_closed': {
      title: 'Positions closed',
      detail: 'Positions for this meeting were due by {dueOn}.',
    },
    'conflict.forum_minutes_approved': {
      title: 'Minutes approved',
      detail: 'The members have approved this meeting’s minutes; they are no longer changed.',
    },
    'conflict.forum_meeting_not_yet': {
      title: 'Not held yet',
      detail: 'The meeting is on {heldOn}; it can be recorded as held from that day.',
    },
    'conflict.forum_meeting_not_held': {
      title: 'Not held yet',
      detail: 'Record the meeting as held before recording its decisions.',
    },
    'conflict.forum_positions_untreated': {
      title: 'Positions not taken into account',
      detail:
        '{count, plural, one {# position on this item has} other {# positions on this item have}} no treatment yet: say for each how it was taken into account.',
    },
    'forbidden.forum_minutes_non_member': {
      title: 'Not a member',
      detail: 'Only the organisations that sit on this body approve its minutes.',
    },
    'conflict.forum_minutes_missing': {
      title: 'No minutes yet',
      detail: 'The chair records the minutes when the meeting is recorded as held; approve them then.',
    },
  },
  fr: {
    'forbidden.forum_not_your_position': {
      title: 'Position d’une autre organisation',
      detail: 'Seule l’organisation qui a soumis une position peut y joindre des fichiers.',
    },
    'conflict.forum_too_many_attachments': {
      title: 'Trop de fichiers',
      detail: 'Une position porte au plus {limit} fichiers.',
    },
    'payload_too_large.position_attachment': {
      title: 'Fichier trop volumineux',
      detail: 'Un fichier joint à une position fait au plus {megabytes} Mo.',
    },
    'unsupported_media_type.position_attachment': {
      title: 'Type de fichier non accepté',
      detail: 'Joignez un PDF, ou une image JPEG, PNG ou WebP.',
    },
    'conflict.forum_body_code_taken': {
      title: 'Code déjà pris',
      detail: 'Une autre instance porte déjà le code {code}.',
    },
    'forbidden.forum_not_chair': {
      title: 'Pas la présidence',
      detail: 'Seule l’organisation qui préside cette instance conduit ses réunions.',
    },
    'forbidden.forum_not_at_table': {
      title: 'Pas autour de la table',
      detail: 'Seuls les membres de l’instance et les participants de la réunion lui soumettent des positions.',
    },
    'conflict.forum_positions_closed': {
      title: 'Positions closes',
      detail: 'Les positions pour cette réunion étaient attendues au plus tard le {dueOn}.',
    },
    'conflict.forum_minutes_approved': {
      title: 'Procès-verbal approuvé',
      detail: 'Les membres ont approuvé le procès-verbal de cette réunion ; il ne change plus.',
    },
    'conflict.forum_meeting_not_yet': {
      title: 'Pas encore tenue',
      detail: 'La réunion a lieu le {heldOn} ; elle peut être enregistrée comme tenue à partir de ce jour.',
    },
    'conflict.forum_meeting_not_held': {
      title: 'Pas encore tenue',
      detail: 'Enregistrez la réunion comme tenue avant d’enregistrer ses décisions.',
    },
    'conflict.forum_positions_untreated': {
      title: 'Positions non prises en compte',
      detail:
        '{count, plural, one {# position sur ce point n’a} other {# positions sur ce point n’ont}} pas encore de suite : dites pour chacune comment elle a été prise en compte.',
    },
    'forbidden.forum_minutes_non_member': {
      title: 'Pas membre',
      detail: 'Seules les organisations qui siègent dans cette instance approuvent ses procès-verbaux.',
    },
    'conflict.forum_minutes_missing': {
      title: 'Pas encore de procès-verbal',
      detail:
        'La présidence enregistre le procès-verbal en enregistrant la réunion comme tenue ; approuvez-le ensuite.',
    },
  },
  ar: {
    'forbidden.forum_not_your_position': {
      title: 'ليس موقف منظمتك',
      detail: 'لا يرفق الملفات بالموقف إلا المنظمة التي قدّمته.',
    },
    'conflict.forum_too_many_attachments': {
      title: 'ملفات كثيرة',
      detail: 'يحمل الموقف {limit} ملفات على الأكثر.',
    },
    'payload_too_large.position_attachment': {
      title: 'الملف كبير جدًا',
      detail: 'حجم ملف الموقف {megabytes} ميغابايت على الأكثر.',
    },
    'unsupported_media_type.position_attachment': {
      title: 'نوع الملف غير مقبول',
      detail: 'أرفق ملف PDF، أو صورة JPEG أو PNG أو WebP.',
    },
    'conflict.forum_body_code_taken': { title: 'الرمز مستخدم', detail: 'هناك هيئة أخرى تحمل الرمز {code}.' },
    'forbidden.forum_not_chair': {
      title: 'لستم الجهة الرئيسة',
      detail: 'لا تدير اجتماعات هذه الهيئة إلا المنظمة التي ترأسها.',
    },
    'forbidden.forum_not_at_table': {
      title: 'لستم من المشاركين',
      detail: 'لا يقدّم المواقف إلى هذا الاجتماع إلا أعضاء الهيئة والمشاركون فيه.',
    },
    'conflict.forum_positions_closed': {
      title: 'انتهى موعد تقديم المواقف',
      detail: 'كان آخر موعد لتقديم المواقف لهذا الاجتماع {dueOn}.',
    },
    'conflict.forum_minutes_approved': {
      title: 'المحضر معتمد',
      detail: 'اعتمد الأعضاء محضر هذا الاجتماع، فلم يعد يُعدَّل.',
    },
    'conflict.forum_meeting_not_yet': {
      title: 'لم يُعقد بعد',
      detail: 'موعد الاجتماع {heldOn}، ويمكن تسجيله اجتماعًا منعقدًا ابتداءً من ذلك اليوم.',
    },
    'conflict.forum_meeting_not_held': {
      title: 'لم يُعقد بعد',
      detail: 'سجّلوا انعقاد الاجتماع قبل تسجيل قراراته.',
    },
    'conflict.forum_positions_untreated': {
      title: 'مواقف لم يُبيَّن كيف أُخذت في الاعتبار',
      detail:
        '{count, plural, zero {لا مواقف} one {موقف واحد في هذا البند لم يُبيَّن} two {موقفان في هذا البند لم يُبيَّنا} few {# مواقف في هذا البند لم تُبيَّن} many {# موقفًا في هذا البند لم يُبيَّن} other {# موقف في هذا البند لم يُبيَّن}} بعد: بيّنوا لكل موقف كيف أُخذ في الاعتبار.',
    },
    'forbidden.forum_minutes_non_member': {
      title: 'لستم أعضاء',
      detail: 'لا يعتمد محاضر هذه الهيئة إلا المنظمات الأعضاء فيها.',
    },
    'conflict.forum_minutes_missing': {
      title: 'لا محضر بعد',
      detail: 'تسجّل الجهة الرئيسة المحضر عند تسجيل انعقاد الاجتماع، فاعتمدوه بعد ذلك.',
    },
  },
};
