import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { CASE_REFERENCE } from '../../shared/cases/constants.ts';
import { hashStatusCode, newCaseReference, newStatusCode, normaliseReference, verifyStatusCode } from './references.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(() => env.close());

describe('case references and status codes', () => {
  it('reads references aloud without look-alike characters, and takes them back as typed', () => {
    for (let i = 0; i < 200; i++) expect(newCaseReference()).toMatch(CASE_REFERENCE);
    expect(normaliseReference(' hw 7k3m-9qxd ')).toBe('HW-7K3M-9QXD');
    expect(normaliseReference('7K3M9QXD')).toBe('HW-7K3M-9QXD');
  });

  it('keeps only a keyed hash of the code, bound to its reference', async () => {
    const { db } = env.database;
    const keyring = env.app.platform.keyring;
    const code = newStatusCode();
    expect(code).toMatch(/^\d{10}$/);
    const stored = await hashStatusCode(db, keyring, 'HW-7K3M-9QXD', code);
    expect(stored).not.toContain(code);
    expect(await verifyStatusCode(db, keyring, 'HW-7K3M-9QXD', `${code.slice(0, 5)} ${code.slice(5)}`, stored)).toBe(
      true,
    );
    expect(await verifyStatusCode(db, keyring, 'HW-7K3M-9QXE', code, stored)).toBe(false);
    const wrong = code.replace(/.$/, (digit) => String((Number(digit) + 1) % 10));
    expect(await verifyStatusCode(db, keyring, 'HW-7K3M-9QXD', wrong, stored)).toBe(false);
    expect(await verifyStatusCode(db, keyring, 'HW-7K3M-9QXD', code, 'not a hash')).toBe(false);
  });
});
