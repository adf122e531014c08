import { createPublicKey, hash, verify } from 'node:crypto';

/** A witness whose countersignatures the server accepts (HOMEWARD_WITNESS_KEYS). */
export interface WitnessKey {
  name: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** First 16 hex digits of SHA-256 of the raw key, as for the log's own signing key. */
  keyId: string;
}

const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** A key's id: the first 16 hex digits of SHA-256 of the raw public key (the same for log and witness keys). */
export function ed25519KeyId(publicKey: string): string {
  return hash('sha256', Buffer.from(publicKey, 'base64'), 'hex').slice(0, 16);
}

/** Whether `publicKey` (raw, base64) signed `message` with `signature` (base64); false for anything malformed. */
export function verifyEd25519(publicKey: string, message: string, signature: string): boolean {
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    return verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Reads `name=base64key,name=base64key`; throws with a message naming the bad part (never a secret: keys are public). */
export function parseWitnessKeys(value: string): WitnessKey[] {
  const keys: WitnessKey[] = [];
  for (const part of value.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    const publicKey = part.slice(at + 1).trim();
    if (at < 1 || !NAME.test(name)) {
      throw new Error(`"${part.slice(0, 40)}" must read name=key, the name in lower-case letters, digits and _ . -`);
    }
    if (!/^[A-Za-z0-9+/]{43}=$/.test(publicKey) || Buffer.from(publicKey, 'base64').length !== 32) {
      throw new Error(`the key of witness "${name}" must be a raw 32-byte Ed25519 public key in base64`);
    }
    if (keys.some((k) => k.name === name)) throw new Error(`witness "${name}" is named twice`);
    keys.push({ name, publicKey, keyId: ed25519KeyId(publicKey) });
  }
  return keys;
}
