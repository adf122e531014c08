import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  generatePassword,
  hashPassword,
  needsRehash,
  verifyDummyPassword,
  verifyPassword,
} from './password.ts';

describe('password hashing', () => {
  it('stores Argon2id in PHC format with at least the OWASP parameters, salted per hash', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterz')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const stored = await hashPassword('mot de passe sécurisé');
    expect(await verifyPassword(stored, 'mot de passe se\u0301curise\u0301')).toBe(true);
  });

  it('never matches a malformed or extravagant stored hash', async () => {
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
    expect(await verifyPassword('$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', 'x')).toBe(
      false,
    );
  });

  it('asks for a rehash when stored parameters are weaker than today’s', async () => {
    const weak = await hashPassword('correct horse battery', { memory: 1024, passes: 1, parallelism: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword(weak, 'correct horse battery')).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery'))).toBe(false);
  });

  it('spends a real verification on unknown accounts and never succeeds', async () => {
    expect(await verifyDummyPassword('whatever it is')).toBe(false);
  });
});

describe('password policy', () => {
  it('requires at least 12 characters, counted as characters rather than bytes', () => {
    expect(checkPasswordPolicy('short')).toBe('too_short');
    expect(checkPasswordPolicy('elevenchars')).toBe('too_short');
    expect(checkPasswordPolicy('twelve chars')).toBeNull();
    expect(checkPasswordPolicy('كلمةمرورطويلة')).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(257))).toBe('too_long');
  });

  it('generates one-time passwords that satisfy the policy and differ each time', () => {
    const first = generatePassword();
    expect(first).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(checkPasswordPolicy(first)).toBeNull();
    expect(generatePassword()).not.toBe(first);
  });
});
