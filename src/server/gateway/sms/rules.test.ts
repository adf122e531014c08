import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/vocabulary.ts';
import { detectLanguage, readCommand } from './keywords.ts';
import { phoneNumberOf } from './payloads.ts';
import { fitSms, smsLength } from './segments.ts';
import { checkRapidproRequest, checkTwilioSignature, rapidproBodySignature, twilioSignature } from './signatures.ts';
import { SMS_TEXTS, statusText } from './texts.ts';

/** The SMS channel's pure parts: signatures, the keyword menu, languages, and the lengths of the replies. */
describe('signatures', () => {
  it("computes Twilio's published example signature", () => {
    // twilio.com/docs/usage/security: the example request, its URL with a query, and the token 12345.
    const params: [string, string][] = [
      ['From', '+12349013030'],
      ['To', '+18005551212'],
      ['CallSid', 'CA1234567890ABCDE'],
      ['Digits', '1234'],
      ['Caller', '+12349013030'],
    ];
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(checkTwilioSignature('12345', url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
    expect(checkTwilioSignature('12345', `${url}&baz=3`, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
    expect(checkTwilioSignature('12345', url, params, undefined)).toBe(false);
  });

  it('checks a RapidPro token or body signature', () => {
    const secret = 'a-long-enough-secret';
    const body = '{"text":"hi"}';
    expect(checkRapidproRequest(secret, body, { authorization: `Token ${secret}` })).toBe(true);
    expect(checkRapidproRequest(secret, body, { authorization: `Token ${secret}x` })).toBe(false);
    expect(checkRapidproRequest(secret, body, { authorization: `Bearer ${secret}` })).toBe(false);
    expect(checkRapidproRequest(secret, body, { signature: rapidproBodySignature(secret, body) })).toBe(true);
    expect(checkRapidproRequest(secret, `${body} `, { signature: rapidproBodySignature(secret, body) })).toBe(false);
    // A signature header that does not match is refused even beside the right token.
    expect(checkRapidproRequest(secret, body, { authorization: `Token ${secret}`, signature: 'sha256=00' })).toBe(
      false,
    );
    expect(checkRapidproRequest(secret, body, {})).toBe(false);
  });
});

describe('the keyword menu', () => {
  it('reads a new message as a concern in its language', () => {
    expect(readCommand('الماء مقطوع منذ أسبوع')).toEqual({
      action: 'submit',
      kind: 'concern',
      language: 'ar',
      text: 'الماء مقطوع منذ أسبوع',
    });
    expect(readCommand('Nous sommes sans eau depuis une semaine').language).toBe('fr');
    expect(readCommand('We have had no water for a week').language).toBe('en');
  });

  it('reads kinds, STATUS and ADD in every language, with spellings people type', () => {
    expect(readCommand('complaint: the guard hit me')).toMatchObject({ kind: 'complaint', text: 'the guard hit me' });
    expect(readCommand('شكوي الحارس ضربني')).toMatchObject({ kind: 'complaint', language: 'ar' });
    expect(readCommand('استيناف رفضوا طلبي')).toMatchObject({ kind: 'appeal', language: 'ar' });
    expect(readCommand('Plainte le gardien')).toMatchObject({ kind: 'complaint', language: 'fr' });
    expect(readCommand('PROTECTION ma famille est menacée')).toMatchObject({
      kind: 'protection_request',
      language: 'fr',
    });
    expect(readCommand('protection my brother was threatened')).toMatchObject({
      kind: 'protection_request',
      language: 'en',
    });
    expect(readCommand('استغلال طلب مني خدمات مقابل المساعدة')).toMatchObject({
      kind: 'complaint',
      sexualExploitation: true,
      language: 'ar',
    });
    expect(readCommand('Exploitation on m’a demandé des faveurs')).toMatchObject({
      sexualExploitation: true,
      language: 'fr',
    });
    expect(readCommand('STATUS 1234 5678 9012 3456')).toEqual({
      action: 'status',
      language: 'en',
      code: '1234 5678 9012 3456',
    });
    expect(readCommand('état 1234567890123456')).toMatchObject({ action: 'status', language: 'fr' });
    expect(readCommand('اضافة ١٢٣٤-٥٦٧٨-٩٠١٢-٣٤٥٦ وصلوا مرة أخرى')).toEqual({
      action: 'add',
      language: 'ar',
      code: '١٢٣٤-٥٦٧٨-٩٠١٢-٣٤٥٦',
      text: 'وصلوا مرة أخرى',
    });
    expect(readCommand('ADD 1234 5678 9012 3456 2 more families arrived')).toMatchObject({
      code: '1234 5678 9012 3456',
      text: '2 more families arrived',
    });
  });

  it('answers the menu for a keyword without what it needs', () => {
    expect(readCommand('')).toEqual({ action: 'help', language: 'en' });
    expect(readCommand('STATUS')).toEqual({ action: 'help', language: 'en' });
    expect(readCommand('إضافة 1234567890123456')).toEqual({ action: 'help', language: 'ar' });
    expect(readCommand('APPEL')).toEqual({ action: 'help', language: 'fr' });
  });

  it('detects a language from the text', () => {
    expect(detectLanguage('12345')).toBe('en');
    expect(detectLanguage('il y a un problème')).toBe('fr');
    expect(detectLanguage('please help, é')).toBe('fr');
  });
});

describe('the sender', () => {
  it('is read as a phone number from a URN or a number, and nothing else', () => {
    expect(phoneNumberOf('tel:+964 750 123 4567')).toBe('+9647501234567');
    expect(phoneNumberOf('+9647501234567')).toBe('+9647501234567');
    expect(phoneNumberOf('mailto:a@example.org')).toBeNull();
    expect(phoneNumberOf('whatsapp:+9647501234567')).toBeNull();
    expect(phoneNumberOf('HOMEWARD')).toBeNull();
  });
});

describe('the lengths of the replies', () => {
  it('counts GSM-7 and UCS-2 segments', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161)).segments).toBe(2);
    expect(smsLength('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsLength('ç')).toMatchObject({ encoding: 'ucs2' });
    expect(smsLength('ب'.repeat(70)).segments).toBe(1);
    expect(smsLength('ب'.repeat(71)).segments).toBe(2);
    expect(smsLength('ب'.repeat(135)).segments).toBe(3);
  });

  it('keeps every answer in two SMS, the English and French ones in the GSM alphabet', () => {
    for (const language of LANGUAGES) {
      const texts = SMS_TEXTS[language];
      const answers = [
        texts.menu,
        texts.receipt('1234567890123456'),
        texts.added,
        texts.closed,
        texts.notRecognised,
        texts.wait,
        texts.unrouted,
        texts.tooLong,
        texts.unreadable,
        statusText(language, 'investigating', undefined),
      ];
      for (const answer of answers) {
        const length = smsLength(answer);
        expect(length.segments, `${language}: ${answer}`).toBeLessThanOrEqual(2);
        if (language !== 'ar') expect(length.encoding, `${language}: ${answer}`).toBe('gsm7');
      }
    }
  });

  it('cuts a long reply in a status answer to three SMS, at a word, marked', () => {
    const reply = 'نحن نتابع طلبك مع الجهات المختصة '.repeat(20);
    const answer = statusText('ar', 'responded', reply);
    expect(smsLength(answer).segments).toBe(3);
    expect(answer.endsWith('...')).toBe(true);
    expect(answer.startsWith('حالة طلبك: تم الرد. آخر رد: نحن نتابع')).toBe(true);
    expect(fitSms('Status: ', 'short', 1)).toBe('Status: short');
  });
});
