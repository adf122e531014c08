import { registerProblems } from '../i18n/problems.ts';

/** Problem texts for the reasons the sign-in and accounts modules give, in every language. */
registerProblems({
  en: {
    'forbidden.password_change_required': {
      title: 'New password required',
      detail: 'You signed in with a one-time password. Choose your own password to continue.',
    },
    'forbidden.no_membership': {
      title: 'No organisation',
      detail: 'Your account belongs to no organisation. Ask an administrator to add you to one.',
    },
    'forbidden.mechanism_administration': {
      title: 'Not allowed',
      detail: 'Only administrators of the monitoring centre may do this.',
    },
    'conflict.already_signed_in': { title: 'Already signed in', detail: 'You are already signed in.' },
    'conflict.totp_already_enabled': {
      title: 'Two-factor sign-in is already on',
      detail: 'Two-factor sign-in is already set up for this account.',
    },
    'conflict.totp_enrolment_not_started': {
      title: 'Enrolment not started',
      detail: 'Start two-factor enrolment first, then enter a code from your authenticator app.',
    },
    'conflict.email_taken': { title: 'Email address in use', detail: 'An account with this email address exists.' },
    'conflict.organisation_name_taken': {
      title: 'Name in use',
      detail: 'An organisation with this name exists.',
    },
    'conflict.membership_exists': {
      title: 'Already a member',
      detail: 'The person already has this role in this organisation.',
    },
    'conflict.last_membership': {
      title: 'Last membership',
      detail: 'This is the person’s only membership. Deactivate the account instead.',
    },
    'conflict.own_account': { title: 'Your own account', detail: 'You cannot do this to your own account.' },
  },
  ar: {
    'forbidden.password_change_required': {
      title: 'كلمة مرور جديدة مطلوبة',
      detail: 'سجّلت الدخول بكلمة مرور لمرة واحدة. اختر كلمة مرور خاصة بك للمتابعة.',
    },
    'forbidden.no_membership': {
      title: 'لا توجد منظمة',
      detail: 'حسابك غير مرتبط بأي منظمة. اطلب من أحد المسؤولين إضافتك إلى منظمة.',
    },
    'forbidden.mechanism_administration': {
      title: 'غير مسموح',
      detail: 'لا يقوم بذلك إلا مسؤولو مركز الرصد.',
    },
    'conflict.already_signed_in': { title: 'مسجّل الدخول بالفعل', detail: 'أنت مسجّل الدخول بالفعل.' },
    'conflict.totp_already_enabled': {
      title: 'التحقق بخطوتين مفعّل',
      detail: 'التحقق بخطوتين مفعّل بالفعل لهذا الحساب.',
    },
    'conflict.totp_enrolment_not_started': {
      title: 'لم يبدأ التفعيل',
      detail: 'ابدأ تفعيل التحقق بخطوتين أولًا، ثم أدخل رمزًا من تطبيق المصادقة.',
    },
    'conflict.email_taken': { title: 'البريد الإلكتروني مستخدم', detail: 'يوجد حساب بهذا البريد الإلكتروني.' },
    'conflict.organisation_name_taken': { title: 'الاسم مستخدم', detail: 'توجد منظمة بهذا الاسم.' },
    'conflict.membership_exists': { title: 'عضو بالفعل', detail: 'لدى الشخص هذا الدور في هذه المنظمة بالفعل.' },
    'conflict.last_membership': {
      title: 'آخر عضوية',
      detail: 'هذه هي العضوية الوحيدة للشخص. عطّل الحساب بدلًا من ذلك.',
    },
    'conflict.own_account': { title: 'حسابك الخاص', detail: 'لا يمكنك القيام بذلك على حسابك الخاص.' },
  },
  fr: {
    'forbidden.password_change_required': {
      title: 'Nouveau mot de passe requis',
      detail:
        'Vous vous êtes connecté avec un mot de passe à usage unique. Choisissez votre mot de passe pour continuer.',
    },
    'forbidden.no_membership': {
      title: 'Aucune organisation',
      detail: "Votre compte n'appartient à aucune organisation. Demandez à un administrateur de vous y ajouter.",
    },
    'forbidden.mechanism_administration': {
      title: 'Action non autorisée',
      detail: 'Seuls les administrateurs du centre de suivi peuvent faire cela.',
    },
    'conflict.already_signed_in': { title: 'Déjà connecté', detail: 'Vous êtes déjà connecté.' },
    'conflict.totp_already_enabled': {
      title: 'Double authentification déjà active',
      detail: 'La connexion à deux facteurs est déjà configurée pour ce compte.',
    },
    'conflict.totp_enrolment_not_started': {
      title: 'Activation non commencée',
      detail: "Commencez l'activation de la double authentification, puis saisissez un code de votre application.",
    },
    'conflict.email_taken': {
      title: 'Adresse e-mail déjà utilisée',
      detail: 'Un compte existe déjà avec cette adresse e-mail.',
    },
    'conflict.organisation_name_taken': { title: 'Nom déjà utilisé', detail: 'Une organisation porte déjà ce nom.' },
    'conflict.membership_exists': {
      title: 'Déjà membre',
      detail: 'La personne a déjà ce rôle dans cette organisation.',
    },
    'conflict.last_membership': {
      title: 'Dernière appartenance',
      detail: "C'est la seule appartenance de la personne. Désactivez plutôt le compte.",
    },
    'conflict.own_account': {
      title: 'Votre propre compte',
      detail: 'Vous ne pouvez pas faire cela sur votre propre compte.',
    },
  },
});
