import type { Config } from '../../config.ts';
import type { Database } from '../db/client.ts';

/**
 * What personal data is encrypted for. Each purpose has its own data keys (so a key can be rotated or
 * destroyed for one purpose without touching the others) and its own blind-index key.
 * Modules add their purposes here.
 */
export const DATA_PURPOSES = ['totp', 'audit-signing', 'audit-details', 'person', 'contact', 'narrative'] as const;
export type DataPurpose = (typeof DATA_PURPOSES)[number];

/**
 * Envelope encryption of personal data (AES-256-GCM). Data keys are generated per purpose, stored wrapped by
 * the master key, and their id is stored inside every ciphertext. Blind indexes are keyed HMACs of
 * normalised values, truncated, for exact-match search without decrypting.
 */
export interface Keyring {
  /** Fingerprint of the master key in use (safe to print; identifies the key, reveals nothing of it). */
  readonly masterKeyId: string;
  encrypt(db: Database, purpose: DataPurpose, plaintext: string): Promise<string>;
  decrypt(db: Database, envelope: string): Promise<string>;
  blindIndex(db: Database, purpose: DataPurpose, value: string): Promise<string>;
}

export declare function openKeyring(config: Config): Promise<Keyring>;
