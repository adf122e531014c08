import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../../../shared/vocabulary.ts';

type Catalogue = Record<string, { title: string; detail: string }>;

/** A module's problem texts: for every language, titles and details keyed by `code.reason`. */
export type ProblemTexts = Record<Language, Catalogue>;

/**
 * Problem titles and details in every language, keyed by error code or `code.reason`. Messages are ICU
 * MessageFormat: `{name}` is filled from AppError params, which never carry personal data, and a count takes its
 * plural forms (`{count, plural, one {# observation} other {# observations}}`).
 */
const en: Catalogue = {
  validation_failed: {
    title: 'Invalid request',
    detail: 'Some fields are missing or invalid. See errors for each field.',
  },
  malformed_json: { title: 'Malformed JSON', detail: 'The request body is not valid JSON.' },
  bad_request: { title: 'Bad request', detail: 'The request could not be understood.' },
  unauthenticated: { title: 'Sign-in required', detail: 'Sign in to continue.' },
  session_expired: { title: 'Session expired', detail: 'Your session has expired. Sign in again to continue.' },
  invalid_credentials: { title: 'Sign-in failed', detail: 'The email address or password is not correct.' },
  totp_required: { title: 'Two-factor code required', detail: 'Enter the six-digit code from your authenticator app.' },
  totp_invalid: { title: 'Wrong code', detail: 'The two-factor code is not correct or has already been used.' },
  totp_enrolment_required: {
    title: 'Two-factor sign-in required',
    detail: 'Your role gives access to personal data. Set up two-factor sign-in to continue.',
  },
  forbidden: { title: 'Not allowed', detail: 'You do not have permission to do this.' },
  csrf_failed: {
    title: 'Security check failed',
    detail: 'The security token is missing, wrong or already used. Reload the page and try again.',
  },
  not_found: { title: 'Not found', detail: 'The {thing} was not found.' },
  method_not_allowed: { title: 'Method not allowed', detail: 'This address does not accept that method.' },
  conflict: { title: 'Conflict', detail: 'The request conflicts with the current state: {reason}.' },
  payload_too_large: {
    title: 'Request too large',
    detail: 'The request body is larger than {limit, plural, one {# byte} other {# bytes}}.',
  },
  unsupported_media_type: { title: 'Unsupported content type', detail: 'Send the request body as application/json.' },
  rate_limited: {
    title: 'Too many attempts',
    detail: 'Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  },
  internal: {
    title: 'Internal error',
    detail: 'Something went wrong on our side. Quote request {requestId} if you report it.',
  },
  unavailable: { title: 'Unavailable', detail: 'The service is temporarily unavailable. Try again shortly.' },
  request_timeout: { title: 'Request timeout', detail: 'The request took too long to arrive. Try again.' },
  uri_too_long: { title: 'Address too long', detail: 'A part of the address is longer than allowed.' },
  header_too_large: { title: 'Headers too large', detail: 'The request headers are larger than allowed.' },
};

const ar: Catalogue = {
  validation_failed: { title: 'طلب غير صالح', detail: 'بعض الحقول ناقصة أو غير صالحة. راجع الأخطاء لكل حقل.' },
  malformed_json: { title: 'JSON غير صالح', detail: 'نص الطلب ليس JSON صالحًا.' },
  bad_request: { title: 'طلب غير مفهوم', detail: 'تعذّر فهم الطلب.' },
  unauthenticated: { title: 'تسجيل الدخول مطلوب', detail: 'سجّل الدخول للمتابعة.' },
  session_expired: { title: 'انتهت الجلسة', detail: 'انتهت صلاحية جلستك. سجّل الدخول مرة أخرى للمتابعة.' },
  invalid_credentials: { title: 'فشل تسجيل الدخول', detail: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.' },
  totp_required: { title: 'رمز التحقق مطلوب', detail: 'أدخل الرمز المكوّن من ستة أرقام من تطبيق المصادقة.' },
  totp_invalid: { title: 'رمز خاطئ', detail: 'رمز التحقق غير صحيح أو سبق استخدامه.' },
  totp_enrolment_required: {
    title: 'التحقق بخطوتين مطلوب',
    detail: 'دورك يتيح الوصول إلى بيانات شخصية. فعّل التحقق بخطوتين للمتابعة.',
  },
  forbidden: { title: 'غير مسموح', detail: 'ليست لديك صلاحية للقيام بذلك.' },
  csrf_failed: {
    title: 'فشل التحقق الأمني',
    detail: 'رمز الأمان مفقود أو خاطئ أو مستخدم من قبل. أعد تحميل الصفحة وحاول مجددًا.',
  },
  not_found: { title: 'غير موجود', detail: 'لم يتم العثور على {thing}.' },
  method_not_allowed: { title: 'طريقة غير مسموحة', detail: 'هذا العنوان لا يقبل هذه الطريقة.' },
  conflict: { title: 'تعارض', detail: 'الطلب يتعارض مع الحالة الحالية: {reason}.' },
  payload_too_large: { title: 'الطلب كبير جدًا', detail: 'نص الطلب أكبر من {limit, plural, other {# بايت}}.' },
  unsupported_media_type: { title: 'نوع محتوى غير مدعوم', detail: 'أرسل نص الطلب بصيغة application/json.' },
  rate_limited: {
    title: 'محاولات كثيرة',
    detail:
      'محاولات كثيرة جدًا. حاول مجددًا بعد {seconds, plural, one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} other {# ثانية}}.',
  },
  internal: { title: 'خطأ داخلي', detail: 'حدث خطأ من جهتنا. اذكر رقم الطلب {requestId} عند الإبلاغ عنه.' },
  unavailable: { title: 'الخدمة غير متاحة', detail: 'الخدمة غير متاحة مؤقتًا. حاول مجددًا بعد قليل.' },
  request_timeout: { title: 'انتهت مهلة الطلب', detail: 'استغرق وصول الطلب وقتًا أطول من المسموح. حاول مجددًا.' },
  uri_too_long: { title: 'العنوان طويل جدًا', detail: 'جزء من العنوان أطول من المسموح.' },
  header_too_large: { title: 'ترويسات كبيرة جدًا', detail: 'ترويسات الطلب أكبر من المسموح.' },
};

const fr: Catalogue = {
  validation_failed: {
    title: 'Requête invalide',
    detail: 'Certains champs sont manquants ou invalides. Voir les erreurs par champ.',
  },
  malformed_json: { title: 'JSON mal formé', detail: "Le corps de la requête n'est pas un JSON valide." },
  bad_request: { title: 'Requête incorrecte', detail: "La requête n'a pas pu être comprise." },
  unauthenticated: { title: 'Connexion requise', detail: 'Connectez-vous pour continuer.' },
  session_expired: { title: 'Session expirée', detail: 'Votre session a expiré. Reconnectez-vous pour continuer.' },
  invalid_credentials: { title: 'Échec de la connexion', detail: "L'adresse e-mail ou le mot de passe est incorrect." },
  totp_required: {
    title: 'Code à deux facteurs requis',
    detail: "Saisissez le code à six chiffres de votre application d'authentification.",
  },
  totp_invalid: { title: 'Code incorrect', detail: 'Le code à deux facteurs est incorrect ou a déjà été utilisé.' },
  totp_enrolment_required: {
    title: 'Connexion à deux facteurs requise',
    detail: 'Votre rôle donne accès à des données personnelles. Activez la connexion à deux facteurs pour continuer.',
  },
  forbidden: { title: 'Action non autorisée', detail: "Vous n'avez pas la permission de faire cela." },
  csrf_failed: {
    title: 'Échec du contrôle de sécurité',
    detail: 'Le jeton de sécurité est absent, incorrect ou déjà utilisé. Rechargez la page et réessayez.',
  },
  not_found: { title: 'Introuvable', detail: 'Élément introuvable : {thing}.' },
  method_not_allowed: { title: 'Méthode non autorisée', detail: "Cette adresse n'accepte pas cette méthode." },
  conflict: { title: 'Conflit', detail: "La requête est en conflit avec l'état actuel : {reason}." },
  payload_too_large: {
    title: 'Requête trop volumineuse',
    detail: 'Le corps de la requête dépasse {limit, plural, one {# octet} other {# octets}}.',
  },
  unsupported_media_type: {
    title: 'Type de contenu non pris en charge',
    detail: 'Envoyez le corps en application/json.',
  },
  rate_limited: {
    title: 'Trop de tentatives',
    detail: 'Trop de tentatives. Réessayez dans {seconds, plural, one {# seconde} other {# secondes}}.',
  },
  internal: {
    title: 'Erreur interne',
    detail: 'Une erreur est survenue de notre côté. Indiquez la requête {requestId} si vous la signalez.',
  },
  unavailable: { title: 'Indisponible', detail: 'Le service est momentanément indisponible. Réessayez bientôt.' },
  request_timeout: { title: 'Délai dépassé', detail: 'La requête a mis trop de temps à arriver. Réessayez.' },
  uri_too_long: { title: 'Adresse trop longue', detail: "Une partie de l'adresse dépasse la longueur permise." },
  header_too_large: {
    title: 'En-têtes trop volumineux',
    detail: 'Les en-têtes de la requête dépassent la taille permise.',
  },
};

export const problemCatalogues: Record<Language, Catalogue> = { en, ar, fr };

/** Adds problem texts for a module's own `code.reason` keys (every language must be given). */
export function registerProblems(texts: ProblemTexts): void {
  for (const language of Object.keys(texts) as Language[]) Object.assign(problemCatalogues[language], texts[language]);
}

/** Each message compiled once per language: ICU MessageFormat, so counts take their plural forms. */
const compiled = new Map<string, IntlMessageFormat>();

function compile(language: Language, text: string): IntlMessageFormat {
  const key = `${language}\u0000${text}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(text, language);
    compiled.set(key, format);
  }
  return format;
}

/** A message with its arguments; an argument the error did not give reads as empty rather than failing. */
function formatMessage(language: Language, text: string, params: Record<string, string | number>): string {
  const values = new Proxy(params, {
    has: () => true,
    get: (target, name) => (typeof name === 'string' ? (target[name] ?? '') : undefined),
  });
  return String(compile(language, text).format(values));
}

export function describeProblem(
  language: Language,
  code: string,
  params: Record<string, string | number>,
): { title: string; detail: string } {
  const key = typeof params.reason === 'string' ? `${code}.${params.reason}` : code;
  const catalogue = problemCatalogues[language];
  const local = catalogue[key] ?? catalogue[code];
  const [entry, entryLanguage] = local
    ? [local, language]
    : [problemCatalogues.en[key] ?? problemCatalogues.en[code], 'en' as const];
  if (!entry) return { title: code, detail: code };
  return {
    title: formatMessage(entryLanguage, entry.title, params),
    detail: formatMessage(entryLanguage, entry.detail, params),
  };
}
