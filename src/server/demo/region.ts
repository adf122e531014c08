import { createHash } from 'node:crypto';
import { Secret } from 'otpauth';
import { type OrganisationKind, ROLES_REQUIRING_TOTP, type Role } from '../../shared/vocabulary.ts';

/**
 * The fictional demo region. Every name is invented and every state code is from ISO 3166's user-assigned
 * range (QM–QZ), so the demo names no real country, place or organisation.
 */
export const DEMO_STATES = [
  { code: 'QM', name: 'Marenland', role: 'origin' },
  { code: 'QT', name: 'Tarnesia', role: 'asylum' },
  { code: 'QO', name: 'Oruvia', role: 'asylum' },
] as const;

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  homeState: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'jmc', name: 'Maren Region Joint Monitoring Centre', kind: 'monitoring_centre', homeState: 'QM' },
  { key: 'origin', name: 'Marenland Returns Agency', kind: 'state_agency', homeState: 'QM' },
  { key: 'asylum-t', name: 'Tarnesia Office for Refugees', kind: 'state_agency', homeState: 'QT' },
  { key: 'asylum-o', name: 'Oruvia Directorate of Asylum', kind: 'state_agency', homeState: 'QO' },
  { key: 'un', name: 'Maren Operation of the UN Refugee Agency', kind: 'un_agency', homeState: 'QT' },
  { key: 'cso', name: 'Homecoming Rights Network', kind: 'civil_society', homeState: 'QT' },
  { key: 'monitor', name: 'Independent Return Monitors', kind: 'independent_monitor', homeState: 'QO' },
  { key: 'donor', name: 'Regional Solidarity Fund', kind: 'donor', homeState: 'QO' },
];

/** The password of every demo account. Demo data only: never use a demo data directory for real work. */
export const DEMO_PASSWORD = 'homeward-demo-2026';

export interface DemoAccount {
  /** Names the account in the demo: its role, or `<role>_<organisation>` for a second account of a role. */
  key: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: string;
  /** Base32 TOTP secret for roles that must use two-factor sign-in; the same on every load. */
  totpSecret: string | null;
}

const ACCOUNTS: { role: Role; name: string; organisation: string; key?: string }[] = [
  { role: 'administrator', name: 'Amal Haddad', organisation: 'jmc' },
  { role: 'coordinator', name: 'Jonas Weber', organisation: 'jmc' },
  { role: 'case_worker', name: 'Leila Nasser', organisation: 'un' },
  { role: 'protection_officer', name: 'Omar Saleh', organisation: 'un' },
  { role: 'field_monitor', name: 'Nadia Karim', organisation: 'jmc' },
  // The UN agency's and the network's own field teams: every organisation whose values a verifier decides has
  // someone to answer a request for evidence on them.
  { role: 'field_monitor', name: 'Tomas Ferreira', organisation: 'un', key: 'field_monitor_un' },
  { role: 'field_monitor', name: 'Mariam Touré', organisation: 'cso', key: 'field_monitor_cso' },
  { role: 'verifier', name: 'Pierre Martin', organisation: 'monitor' },
  { role: 'civil_society_watchdog', name: 'Sara Youssef', organisation: 'cso' },
  { role: 'donor', name: 'Hannah Berg', organisation: 'donor' },
  { role: 'auditor', name: 'Karim Aziz', organisation: 'jmc' },
  // The states' own officials at the forum's table: they approve minutes and report on their commitments.
  { role: 'coordinator', name: 'Dalia Mansour', organisation: 'origin', key: 'coordinator_origin' },
  { role: 'coordinator', name: 'Erik Lund', organisation: 'asylum-t', key: 'coordinator_asylum_t' },
];

/** A stable secret derived from the account's email, so the demo prints the same codes' secret every time. */
function demoTotpSecret(email: string): string {
  const bytes = createHash('sha256').update(`homeward demo totp ${email}`).digest().subarray(0, 20);
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 20) }).base32;
}

export const DEMO_ACCOUNTS: DemoAccount[] = ACCOUNTS.map(({ role, name, organisation, key = role }) => {
  const email = `${key.replaceAll('_', '-')}@demo.homeward.example`;
  return {
    key,
    email,
    displayName: name,
    role,
    organisation,
    totpSecret: ROLES_REQUIRING_TOTP.includes(role) ? demoTotpSecret(email) : null,
  };
});
