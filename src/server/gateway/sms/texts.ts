import type { SubmissionStatus } from '../../../shared/gateway/constants.ts';
import type { Language } from '../../../shared/vocabulary.ts';
import { formatReceiptCode } from '../receipts.ts';
import { fitSms } from './segments.ts';

/**
 * What the SMS channel answers, in each portal language. Every answer fits in two SMS (an Arabic one in two
 * UCS-2 parts of 67 characters; the English and French ones stay in the GSM alphabet, so no `ç` or `ê`), which
 * sms/texts.test.ts checks; a status with a reply may take three, the reply cut to fit.
 */
export interface SmsTexts {
  menu: string;
  receipt: (code: string) => string;
  status: Record<SubmissionStatus, string>;
  statusLine: (status: string) => string;
  latestReply: string;
  noReply: string;
  added: string;
  closed: string;
  notRecognised: string;
  wait: string;
  unrouted: string;
  tooLong: string;
  unreadable: string;
}

export const SMS_TEXTS: Record<Language, SmsTexts> = {
  en: {
    menu: 'Write your message to send a concern, or start it with COMPLAINT, PROTECTION or APPEAL. STATUS <code> for news. ADD <code> <text> to add more.',
    receipt: (code) =>
      `Received. Your code: ${formatReceiptCode(code)} (keep it private). STATUS <code> for news, ADD <code> <text> to add more, HELP for the menu.`,
    status: {
      received: 'received',
      acknowledged: 'acknowledged',
      assigned: 'with a caseworker',
      investigating: 'being looked into',
      responded: 'answered',
      closed: 'closed',
    },
    statusLine: (status) => `Your item: ${status}.`,
    latestReply: ' Latest reply: ',
    noReply: ' No reply yet.',
    added: 'Added to your item. Thank you.',
    closed: 'This item is closed, so nothing can be added. Write a new message to start a new one.',
    notRecognised: 'Code not recognised. Check the 16 digits and send STATUS then the code.',
    wait: 'Too many messages from this number. Please try again in an hour.',
    unrouted: 'Your message could not be taken now and was not stored. Please try again later.',
    tooLong: 'Your message is too long (4000 characters at most). Please send it shorter.',
    unreadable: 'Part of your message could not be read, so it was not stored. Please send it again.',
  },
  fr: {
    menu: 'Écrivez votre message pour signaler un souci, ou commencez par PLAINTE, PROTECTION ou APPEL. STATUT <code> pour suivre. AJOUT <code> <texte> pour compléter.',
    receipt: (code) =>
      `Message bien arrivé. Votre code : ${formatReceiptCode(code)} (gardez-le secret). STATUT <code> pour suivre, AJOUT <code> <texte> pour compléter, AIDE pour le menu.`,
    status: {
      received: 'arrivé',
      acknowledged: 'pris en compte',
      assigned: 'confié à un agent',
      investigating: "en cours d'examen",
      responded: 'répondu',
      closed: 'clos',
    },
    statusLine: (status) => `Votre dossier : ${status}.`,
    latestReply: ' Dernière réponse : ',
    noReply: ' Pas encore de réponse.',
    added: 'Ajouté à votre dossier. Merci.',
    closed: 'Ce dossier est clos, on ne peut plus rien y ajouter. Envoyez un nouveau message pour en ouvrir un autre.',
    notRecognised: 'Code non reconnu. Vérifiez les 16 chiffres et envoyez STATUT puis le code.',
    wait: 'Trop de messages depuis ce numéro. Réessayez dans une heure.',
    unrouted:
      "Votre message n'a pas été enregistré : personne ne peut le recevoir pour l'instant. Réessayez plus tard.",
    tooLong: 'Message trop long (4000 caractères au plus). Envoyez-le plus court.',
    unreadable: "Une partie de votre message est illisible, il n'a pas été enregistré. Envoyez-le de nouveau.",
  },
  ar: {
    menu: 'اكتب رسالتك لإرسال ملاحظة، أو ابدأها بكلمة شكوى أو حماية أو استئناف. للمتابعة: حالة <الرمز>. للإضافة: إضافة <الرمز> <النص>',
    receipt: (code) =>
      `وصلت رسالتك. رمزك: ${formatReceiptCode(code)} احفظه سرًا. للمتابعة: حالة <الرمز>. للإضافة: إضافة <الرمز> <النص>. القائمة: مساعدة`,
    status: {
      received: 'مستلم',
      acknowledged: 'تم الإقرار به',
      assigned: 'لدى موظف مختص',
      investigating: 'قيد التحقق',
      responded: 'تم الرد',
      closed: 'مغلق',
    },
    statusLine: (status) => `حالة طلبك: ${status}.`,
    latestReply: ' آخر رد: ',
    noReply: ' لا يوجد رد بعد.',
    added: 'أضيفت معلوماتك إلى طلبك. شكرًا لك.',
    closed: 'هذا الطلب مغلق ولا يمكن الإضافة إليه. أرسل رسالة جديدة لبدء طلب جديد.',
    notRecognised: 'الرمز غير معروف. تحقق من الأرقام الستة عشر وأرسل: حالة ثم الرمز.',
    wait: 'رسائل كثيرة من هذا الرقم. يرجى المحاولة بعد ساعة.',
    unrouted: 'تعذر استلام رسالتك الآن ولم تُحفظ. يرجى المحاولة لاحقًا.',
    tooLong: 'رسالتك طويلة جدًا (4000 حرف كحد أقصى). يرجى إرسالها أقصر.',
    unreadable: 'تعذرت قراءة جزء من رسالتك فلم تُحفظ. يرجى إرسالها مرة أخرى.',
  },
};

/** The most SMS a status answer takes, with the latest reply cut to fit (the whole reply is on the portal). */
export const STATUS_SEGMENTS = 3;

/** An item's status and its handlers' latest reply, in as few SMS as fit. */
export function statusText(language: Language, status: SubmissionStatus, latestReply: string | undefined): string {
  const texts = SMS_TEXTS[language];
  const line = texts.statusLine(texts.status[status]);
  if (latestReply === undefined) return line + texts.noReply;
  return fitSms(line + texts.latestReply, latestReply.replace(/\s+/g, ' ').trim(), STATUS_SEGMENTS);
}
