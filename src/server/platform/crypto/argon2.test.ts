import { argon2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECEIPT_HASHING } from '../../gateway/receipts.ts';
import { PASSWORD_HASHING, verifyPassword } from '../auth/password.ts';
import { argon2id } from './argon2.ts';

describe('argon2id', () => {
  it("gives node:crypto's tag for a receipt code's parameters and a password's", async () => {
    const salt = randomBytes(32);
    for (const parameters of [RECEIPT_HASHING, PASSWORD_HASHING]) {
      const ours = await argon2id({ message: '4921038475610293', salt, tagLength: 32, ...parameters });
      const reference = argon2Sync('argon2id', {
        message: '4921038475610293',
        nonce: salt,
        tagLength: 32,
        ...parameters,
      });
      expect(ours.toString('hex')).toBe(reference.toString('hex'));
    }
  });

  it('signs in with a password stored before the change, hashed by node:crypto', async () => {
    const salt = randomBytes(16);
    const { memory, passes, parallelism } = PASSWORD_HASHING;
    const tag = argon2Sync('argon2id', {
      message: Buffer.from('correct horse battery staple', 'utf8'),
      nonce: salt,
      tagLength: 32,
      ...PASSWORD_HASHING,
    });
    const encode = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
    const stored = `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${encode(salt)}$${encode(tag)}`;
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
  });
});
