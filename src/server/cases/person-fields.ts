import type { DocumentKind, SpecificNeed } from '../../shared/cases/constants.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';

/**
 * A person's personal fields as entered, and how they are stored: every one encrypted (purpose `person`, phones
 * `contact`), and the searchable ones blind-indexed. The one place that turns plain fields into stored ones,
 * so that registration through the API, the import path and the demo store them alike.
 */
export interface PersonName {
  given: string;
  family: string;
  /** Father's or grandfather's name, as many registration forms in the region ask. */
  other?: string | undefined;
}

export interface PersonalFields {
  name: PersonName;
  /** ISO date `YYYY-MM-DD`. */
  dateOfBirth: string;
  documents: readonly { kind: DocumentKind; number: string }[];
  phones: readonly string[];
  needs: readonly { need: SpecificNeed; plan?: string | undefined }[];
}

export interface SealedPerson {
  nameEnc: string;
  dateOfBirthEnc: string;
  documentsEnc: string;
  phonesEnc: string;
  needsEnc: string;
  needsWithoutPlan: number;
  hasSpecificNeeds: boolean;
  birthYear: number;
  /** Rows for case_person_indexes (without the person and household ids). */
  indexes: { kind: IndexKind; value: string }[];
}

export const INDEX_KINDS = ['name', 'document', 'phone', 'name_dob'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

/** The full name as searched: given, other and family names in that order, one space apart. */
export const fullName = (name: PersonName): string =>
  [name.given, name.other, name.family].filter((part) => part && part.trim() !== '').join(' ');

/** A phone number reduced to its digits (and a leading +), so `+964 770 123-4567` finds `+9647701234567`. */
export const phoneForIndex = (phone: string): string => phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');

/** A document number without spaces and dashes, so `A 123-456` finds `A123456`. */
export const documentForIndex = (kind: DocumentKind, number: string): string =>
  `${kind}:${number.replace(/[\s-]/g, '')}`;

/**
 * The blind index of one searchable value. Documents are indexed with their kind, so a passport number does not
 * find an identity card with the same digits; a search without a kind tries every kind.
 */
export async function indexValue(db: Database, keyring: Keyring, kind: IndexKind, value: string): Promise<string> {
  return keyring.blindIndex(db, 'person', `${kind}:${value}`);
}

export async function sealPerson(db: Database, keyring: Keyring, fields: PersonalFields): Promise<SealedPerson> {
  const indexes: SealedPerson['indexes'] = [];
  const name = fullName(fields.name);
  indexes.push({ kind: 'name', value: await indexValue(db, keyring, 'name', name) });
  indexes.push({
    kind: 'name_dob',
    value: await indexValue(db, keyring, 'name_dob', `${name}|${fields.dateOfBirth}`),
  });
  const seen = new Set<string>();
  for (const document of fields.documents) {
    const value = await indexValue(db, keyring, 'document', documentForIndex(document.kind, document.number));
    if (!seen.has(value)) indexes.push({ kind: 'document', value });
    seen.add(value);
  }
  for (const phone of fields.phones) {
    const value = await indexValue(db, keyring, 'phone', phoneForIndex(phone));
    if (!seen.has(value)) indexes.push({ kind: 'phone', value });
    seen.add(value);
  }
  return {
    nameEnc: await keyring.encrypt(db, 'person', JSON.stringify(fields.name)),
    dateOfBirthEnc: await keyring.encrypt(db, 'person', fields.dateOfBirth),
    documentsEnc: await keyring.encrypt(db, 'person', JSON.stringify(fields.documents)),
    phonesEnc: await keyring.encrypt(db, 'contact', JSON.stringify(fields.phones)),
    needsEnc: await keyring.encrypt(db, 'person', JSON.stringify(fields.needs)),
    needsWithoutPlan: fields.needs.filter((need) => !need.plan?.trim()).length,
    hasSpecificNeeds: fields.needs.length > 0,
    birthYear: Number(fields.dateOfBirth.slice(0, 4)),
    indexes,
  };
}

/** The stored person's personal fields, decrypted. Callers record the read in the access log. */
export async function openPerson(
  db: Database,
  keyring: Keyring,
  row: Pick<SealedPerson, 'nameEnc' | 'dateOfBirthEnc' | 'documentsEnc' | 'phonesEnc' | 'needsEnc'>,
): Promise<PersonalFields> {
  return {
    name: JSON.parse(await keyring.decrypt(db, row.nameEnc, 'person')) as PersonName,
    dateOfBirth: await keyring.decrypt(db, row.dateOfBirthEnc, 'person'),
    documents: JSON.parse(await keyring.decrypt(db, row.documentsEnc, 'person')) as PersonalFields['documents'],
    phones: JSON.parse(await keyring.decrypt(db, row.phonesEnc, 'contact')) as string[],
    needs: JSON.parse(await keyring.decrypt(db, row.needsEnc, 'person')) as PersonalFields['needs'],
  };
}
