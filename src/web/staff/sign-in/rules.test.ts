import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH as SERVER_MIN } from '../../../shared/accounts.ts';
import { groupSecret, isLongEnough, isTotpCode, looksLikeEmail, normaliseCode, PASSWORD_MIN_LENGTH } from './rules.ts';

describe('sign-in form rules', () => {
  it('asks for the same password length as the server', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(SERVER_MIN);
    expect(isLongEnough('a'.repeat(SERVER_MIN))).toBe(true);
    expect(isLongEnough('a'.repeat(SERVER_MIN - 1))).toBe(false);
  });

  it('accepts a six-digit code typed with spaces, as apps show it', () => {
    expect(isTotpCode('123 456')).toBe(true);
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(isTotpCode('12345')).toBe(false);
    expect(isTotpCode('12345a')).toBe(false);
  });

  it('catches an email address without @', () => {
    expect(looksLikeEmail('amal@example.org')).toBe(true);
    expect(looksLikeEmail('amal.example.org')).toBe(false);
  });

  it('groups the secret by four for typing', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
