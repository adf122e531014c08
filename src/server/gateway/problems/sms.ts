import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/**
 * Texts of the `code.reason` problems of the gateway's SMS webhooks, in every language. They are read by whoever
 * runs the SMS gateway, not by the person who sent the message: that person always gets an SMS back.
 */
export const smsProblems: ProblemTexts = {
  en: {
    'not_found.sms_gateway_not_configured': {
      title: 'SMS gateway not configured',
      detail:
        'This SMS gateway is not configured on this server, so its messages are not taken. The operator sets its secret (docs/configuration.md).',
    },
    'forbidden.sms_signature': {
      title: 'Signature not recognised',
      detail:
        'The request is not signed with this gateway’s configured secret for this address, so nothing was read or stored.',
    },
    'validation_failed.sms_sender': {
      title: 'Sender is not a phone number',
      detail: 'Messages are taken only from phone numbers, which replies go back to. Nothing was stored.',
    },
  },
  fr: {
    'not_found.sms_gateway_not_configured': {
      title: 'Passerelle SMS non configurée',
      detail:
        "Cette passerelle SMS n'est pas configurée sur ce serveur : ses messages ne sont pas reçus. L'exploitant définit son secret (docs/configuration.md).",
    },
    'forbidden.sms_signature': {
      title: 'Signature non reconnue',
      detail:
        "La requête n'est pas signée avec le secret configuré de cette passerelle pour cette adresse : rien n'a été lu ni enregistré.",
    },
    'validation_failed.sms_sender': {
      title: "L'expéditeur n'est pas un numéro de téléphone",
      detail:
        "Seuls les messages venant d'un numéro de téléphone, auquel les réponses sont envoyées, sont reçus. Rien n'a été enregistré.",
    },
  },
  ar: {
    'not_found.sms_gateway_not_configured': {
      title: 'بوابة الرسائل القصيرة غير مهيأة',
      detail:
        'بوابة الرسائل القصيرة هذه غير مهيأة على هذا الخادم، فلا تُستقبل رسائلها. يحدد المشغل سرّها (docs/configuration.md).',
    },
    'forbidden.sms_signature': {
      title: 'التوقيع غير معروف',
      detail: 'الطلب غير موقَّع بالسر المهيأ لهذه البوابة لهذا العنوان، فلم يُقرأ أو يُحفظ أي شيء.',
    },
    'validation_failed.sms_sender': {
      title: 'المرسل ليس رقم هاتف',
      detail: 'لا تُستقبل الرسائل إلا من أرقام الهواتف التي تُرسل إليها الردود. لم يُحفظ أي شيء.',
    },
  },
};
