/**
 * Numbers as people type them: Arabic-Indic (٠١٢) and Eastern Arabic-Indic (۰۱۲) digits, the Arabic decimal
 * separator (٫) or a decimal comma all read as the number meant; spaces between digit groups are ignored.
 * Anything else is not a number (undefined), and so is `1,000`, which could mean one or a thousand: nothing is
 * silently misread.
 */
const DIGITS: Record<string, string> = {};
for (let digit = 0; digit <= 9; digit += 1) {
  DIGITS[String.fromCharCode(0x0660 + digit)] = String(digit);
  DIGITS[String.fromCharCode(0x06f0 + digit)] = String(digit);
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+$/;

export function parseNumber(text: string): number | undefined {
  const western = text
    .trim()
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => DIGITS[digit] ?? digit)
    .replace(/[\u066c\s\u00a0\u202f]/g, '')
    .replace(/^\u2212/, '-');
  if (GROUPED.test(western)) return undefined;
  const dotted = western.replace(/[\u066b,]/g, '.');
  if (!NUMBER.test(dotted)) return undefined;
  const value = Number(dotted);
  return Number.isFinite(value) ? value : undefined;
}

/** A number as a form field holds it (what was typed stays typed, so it is shown back as text). */
export const numberText = (value: number) => String(value);
