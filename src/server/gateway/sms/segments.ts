/**
 * How many SMS a text takes. A message in the GSM 03.38 alphabet is sent in 7-bit characters: 160 in one SMS,
 * 153 in each part of a longer one, and the extension table's characters (`{ } [ ] ~ \ | ^ €`) count twice. A
 * single character outside it (Arabic, `ç`, `ê`, an emoji) sends the whole message as UCS-2: 70 code units in
 * one SMS, 67 in each part.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export interface SmsLength {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENSION.has(char)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'gsm7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

/**
 * `prefix` followed by as much of `tail` as fits in `segments` SMS, cut at a word where it can be and marked
 * with `...`; the whole of `tail` when it fits.
 */
export function fitSms(prefix: string, tail: string, segments: number): string {
  if (smsLength(prefix + tail).segments <= segments) return prefix + tail;
  const chars = [...tail];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (smsLength(`${prefix}${chars.slice(0, mid).join('')}...`).segments <= segments) low = mid;
    else high = mid - 1;
  }
  let cut = chars.slice(0, low).join('');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return `${prefix}${cut.trimEnd()}...`;
}
