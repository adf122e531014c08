import { describe, expect, it } from 'vitest';
import { nextStage } from './stages.ts';
import { backoffSeconds } from './throttle.ts';

describe('sign-in stages', () => {
  const plain = { totpEnabled: false, totpRequired: false, passwordChangeRequired: false };

  it('asks for the TOTP code first when two-factor is on', () => {
    expect(nextStage({ ...plain, totpEnabled: true, passwordChangeRequired: true }, false)).toBe('totp');
    expect(nextStage({ ...plain, totpEnabled: true }, true)).toBe('active');
  });

  it('sends people whose roles need two-factor to enrolment, then to a new password', () => {
    expect(nextStage({ ...plain, totpRequired: true, passwordChangeRequired: true }, false)).toBe('enrolment');
    expect(nextStage({ ...plain, totpEnabled: true, totpRequired: true, passwordChangeRequired: true }, true)).toBe(
      'password_change',
    );
  });

  it('signs people in directly when nothing else is needed', () => {
    expect(nextStage(plain, false)).toBe('active');
  });
});

describe('failed sign-in backoff', () => {
  it('allows the configured number of failures, then doubles the wait up to an hour', () => {
    expect(backoffSeconds(4, 5)).toBe(0);
    expect(backoffSeconds(5, 5)).toBe(30);
    expect(backoffSeconds(6, 5)).toBe(60);
    expect(backoffSeconds(7, 5)).toBe(120);
    expect(backoffSeconds(50, 5)).toBe(3600);
  });
});
