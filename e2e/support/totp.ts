import fs from 'node:fs';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';

/** The server's TOTP parameters (src/server/platform/auth/totp.ts): 30-second steps, ±1 step accepted. */
const PERIOD_MS = 30_000;

const stepAt = (time: number) => Math.floor(time / PERIOD_MS);
const codeForStep = (secret: string, step: number) =>
  TOTP.generate({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: PERIOD_MS / 1000,
    timestamp: step * PERIOD_MS,
  });

/**
 * Two-factor codes the way a person's authenticator app gives them, for accounts that may sign in several times
 * in one run. The server accepts each time step only once per account, and only a step later than the last one
 * it accepted; it also accepts the step before and after the current one. So a ledger of the steps already
 * used (a file of the run, shared by the test files, which run one at a time) picks the earliest step still
 * open, and waits only when all of them are used.
 */
export class TotpLedger {
  readonly file: string;

  constructor(runDir: string) {
    this.file = path.join(runDir, 'totp-steps.json');
  }

  private read(): Record<string, number> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, number>;
    } catch {
      return {};
    }
  }

  /**
   * A code for `secret` that the server has not accepted yet and that stays valid for at least 20 seconds
   * (long enough to be typed and sent on a slow machine). Records it as used.
   */
  async nextCode(account: string, secret: string): Promise<string> {
    const ledger = this.read();
    const last = ledger[account] ?? Number.NEGATIVE_INFINITY;
    for (;;) {
      const now = Date.now();
      const current = stepAt(now);
      const intoStep = now - current * PERIOD_MS;
      // The step before the current one is still accepted until the current step ends: only early in it.
      const earliest = intoStep < 10_000 ? current - 1 : current;
      const step = Math.max(earliest, last + 1);
      if (step <= current + 1) {
        ledger[account] = step;
        fs.writeFileSync(this.file, JSON.stringify(ledger));
        return codeForStep(secret, step);
      }
      // Every open step is used: wait until the next one opens.
      await new Promise((resolve) => setTimeout(resolve, (current + 1) * PERIOD_MS - now + 50));
    }
  }
}

/** The code of the current time step (a first enrolment, where no step has been used yet). */
export const currentCode = (secret: string) => codeForStep(secret, stepAt(Date.now()));

/** A six-digit code that is wrong now: none of the steps the server accepts gives it. */
export function wrongCode(secret: string): string {
  const current = stepAt(Date.now());
  const valid = new Set([-2, -1, 0, 1, 2].map((delta) => codeForStep(secret, current + delta)));
  for (let n = 123456; ; n = (n + 111111) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}
