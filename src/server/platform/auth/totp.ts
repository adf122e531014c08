import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side, for clocks that drift and people who type slowly. */
const WINDOW = 1;
const ISSUER = 'Homeward';

export const TOTP_CODE = /^\d{6}$/;

/** A new random secret (160 bits, as RFC 4226 recommends), base32-encoded. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function isTotpSecret(value: string): boolean {
  return /^[A-Z2-7]{16,}$/.test(value);
}

/** The otpauth:// URI an authenticator app reads from a QR code. */
export function totpUri(secret: string, accountName: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: accountName,
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

/**
 * The time step a code belongs to, when it is valid now (within ±1 step), else null. Callers accept a step
 * only once: a step at or before the last accepted one is a replay.
 */
export function matchTotpStep(secret: string, code: string, now: number = Date.now()): number | null {
  if (!TOTP_CODE.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: now,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp: now }) + delta;
}

/** The code an authenticator app shows at `timestamp` (tests and the demo use it). */
export function totpCode(secret: string, timestamp: number = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), digits: DIGITS, period: PERIOD_SECONDS, timestamp });
}
