import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentKind,
  type DocumentStatus,
  RELATIONSHIPS,
  type Relationship,
  SEXES,
  type Sex,
  SPECIFIC_NEEDS,
  type SpecificNeed,
} from '../../../shared/cases/constants.ts';
import type { ImportProblems } from '../../zones/files/import-problems.ts';
import { hxlColumn, readRows } from '../../zones/files/tabular.ts';
import type { PersonalFields } from '../person-fields.ts';
import { type HouseholdProblemReason, householdProblems } from '../rules/household.ts';

/**
 * Reads households from a registration export (CSV or XLSX, through the zones module's tabular reader): one row
 * per person, a household column grouping the members, as KoboToolbox, ODK and spreadsheet registers export
 * them. Kobo's group prefixes (`household/member/given_name`) are dropped, its own columns (`_uuid`,
 * `_submission_time`…) left unread, and an HXL hashtag row under the header may name the columns. Every row
 * is checked, each problem named `line N, field`; every household is checked by the household rule (ages
 * against relationships). A household's rows must follow one another, so that a file of a million people is
 * read one household at a time.
 */

/** The fields a household export gives; `household` is the key that groups a household's rows. */
export const HOUSEHOLD_FIELDS = [
  'household',
  'relationship',
  'given_name',
  'family_name',
  'other_name',
  'date_of_birth',
  'sex',
  'document_kind',
  'document_number',
  'document_kind_2',
  'document_number_2',
  'document_status',
  'phone',
  'phone_2',
  'specific_needs',
  'asylum_state',
  'intended_pcode',
] as const;
type HouseholdField = (typeof HOUSEHOLD_FIELDS)[number];
const REQUIRED_FIELDS: readonly HouseholdField[] = [
  'household',
  'relationship',
  'given_name',
  'date_of_birth',
  'sex',
  'asylum_state',
  'intended_pcode',
];

const NAME_MAX = 100;
const HOUSEHOLD_KEY_MAX = 100;
const DOCUMENT_NUMBER_MAX = 50;
/** A household this large is most likely a household column left empty or repeated by mistake. */
export const HOUSEHOLD_MAX_MEMBERS = 40;

/** The names registration exports give each field, normalised (lower case, `_` for spaces). */
const ALIASES: Record<string, HouseholdField> = {
  household_id: 'household',
  household_key: 'household',
  household_number: 'household',
  household_no: 'household',
  hh_id: 'household',
  hhid: 'household',
  case_id: 'household',
  case_number: 'household',
  group_id: 'household',
  registration_group: 'household',
  relationship_to_head: 'relationship',
  relation_to_head: 'relationship',
  relationship_to_hoh: 'relationship',
  relation: 'relationship',
  given: 'given_name',
  first_name: 'given_name',
  firstname: 'given_name',
  family: 'family_name',
  last_name: 'family_name',
  lastname: 'family_name',
  surname: 'family_name',
  other: 'other_name',
  father_name: 'other_name',
  fathers_name: 'other_name',
  middle_name: 'other_name',
  dob: 'date_of_birth',
  birth_date: 'date_of_birth',
  birthdate: 'date_of_birth',
  gender: 'sex',
  document_type: 'document_kind',
  doc_type: 'document_kind',
  id_type: 'document_kind',
  document_no: 'document_number',
  doc_number: 'document_number',
  id_number: 'document_number',
  document_type_2: 'document_kind_2',
  document_no_2: 'document_number_2',
  documents_status: 'document_status',
  phone_number: 'phone',
  phone_1: 'phone',
  mobile: 'phone',
  telephone: 'phone',
  phone_number_2: 'phone_2',
  needs: 'specific_needs',
  specific_need: 'specific_needs',
  vulnerabilities: 'specific_needs',
  country_of_asylum: 'asylum_state',
  asylum_country: 'asylum_state',
  asylum_state_code: 'asylum_state',
  intended_zone: 'intended_pcode',
  destination_pcode: 'intended_pcode',
  return_pcode: 'intended_pcode',
  'intended_p-code': 'intended_pcode',
};

const isHouseholdField = (field: string): boolean => (HOUSEHOLD_FIELDS as readonly string[]).includes(field);

/**
 * A header as a field: Kobo and ODK group prefixes dropped (`household/member/dob` → `dob`), then aliases.
 * Kobo's own columns keep their leading `_` and are not read.
 */
export function householdColumn(header: string): string {
  const last = header.split('/').at(-1) ?? header;
  return ALIASES[last] ?? last;
}

/**
 * The field an HXL hashtag names in a household export. HXL has no hashtags for individuals (it is meant for
 * aggregate data), so registers that tag person-level exports use `#respondee` (HXL's hashtag for a survey's
 * subject) with attributes, `#contact+phone`, `#date+birth`, `#household+id`; the destination is an admin
 * P-code (`#adm2+code`) or `#loc+code`, the country of asylum `#country+code`.
 */
export function householdHxl(tag: string): { field: string; extra: string[] } | undefined {
  const [hashtag = '', ...list] = tag.toLowerCase().replace(/\s+/g, '').split('+');
  const has = (...names: string[]) => names.some((name) => list.includes(name));
  const field = ((): HouseholdField | undefined => {
    switch (hashtag) {
      case '#household':
      case '#group':
        return has('id', 'code', 'key') ? 'household' : undefined;
      case '#date':
        return has('birth', 'dob') ? 'date_of_birth' : undefined;
      case '#contact':
        return has('phone') ? (has('alt', 'second', '2') ? 'phone_2' : 'phone') : undefined;
      case '#country':
        return has('code') ? 'asylum_state' : undefined;
      case '#respondee':
      case '#person':
        if (has('relationship', 'relation')) return 'relationship';
        if (has('sex', 'gender')) return 'sex';
        if (has('dob', 'birth')) return 'date_of_birth';
        if (has('needs', 'vulnerability', 'vulnerable')) return 'specific_needs';
        if (has('doc', 'document', 'id')) {
          const second = has('alt', 'second', '2');
          if (has('type', 'kind')) return second ? 'document_kind_2' : 'document_kind';
          if (has('status')) return 'document_status';
          return second ? 'document_number_2' : 'document_number';
        }
        if (has('name'))
          return has('family', 'last') ? 'family_name' : has('other', 'father') ? 'other_name' : 'given_name';
        return undefined;
      default: {
        // The destination: the zones' own reading of `#adm2+code`, `#loc+code`.
        const zone = hxlColumn(tag)?.field;
        return zone === 'pcode' || /^admin[1-9]pcode$/.test(zone ?? '') ? 'intended_pcode' : undefined;
      }
    }
  })();
  return field ? { field, extra: [] } : undefined;
}

/** Words registers use for each code (lower case, `_` for spaces); a code is always read as itself. */
const RELATIONSHIP_WORDS: Record<string, Relationship> = {
  hoh: 'head',
  head_of_household: 'head',
  household_head: 'head',
  self: 'head',
  wife: 'spouse',
  husband: 'spouse',
  partner: 'spouse',
  son: 'child',
  daughter: 'child',
  stepson: 'stepchild',
  stepdaughter: 'stepchild',
  step_child: 'stepchild',
  grandson: 'grandchild',
  granddaughter: 'grandchild',
  father: 'parent',
  mother: 'parent',
  grandfather: 'grandparent',
  grandmother: 'grandparent',
  brother: 'sibling',
  sister: 'sibling',
  relative: 'other_relative',
  nephew: 'other_relative',
  niece: 'other_relative',
  uncle: 'other_relative',
  aunt: 'other_relative',
  cousin: 'other_relative',
  in_law: 'other_relative',
  not_related: 'unrelated',
  non_relative: 'unrelated',
};
const SEX_WORDS: Record<string, Sex> = {
  f: 'female',
  m: 'male',
  woman: 'female',
  man: 'male',
  girl: 'female',
  boy: 'male',
};
const DOCUMENT_WORDS: Record<string, DocumentKind> = {
  id: 'national_id',
  id_card: 'national_id',
  national_id_card: 'national_id',
  civil_id: 'national_id',
  unhcr_id: 'refugee_id',
  refugee_card: 'refugee_id',
  proof_of_registration: 'refugee_id',
  family_booklet: 'family_book',
  family_card: 'family_book',
  birth_cert: 'birth_certificate',
};
const NEED_WORDS: Record<string, SpecificNeed> = {
  medical: 'serious_medical_condition',
  serious_medical: 'serious_medical_condition',
  unaccompanied: 'unaccompanied_or_separated_child',
  separated: 'unaccompanied_or_separated_child',
  uasc: 'unaccompanied_or_separated_child',
  older_person: 'older_person_at_risk',
  elderly: 'older_person_at_risk',
  sgbv: 'survivor_of_violence',
  gbv: 'survivor_of_violence',
  survivor: 'survivor_of_violence',
};

const asCode = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_');

function codeOf<T extends string>(text: string, codes: readonly T[], words: Record<string, T>): T | undefined {
  const code = asCode(text);
  return (codes as readonly string[]).includes(code) ? (code as T) : words[code];
}

/** One member as read from its row. */
export interface ImportedMember {
  line: number;
  relationship: Relationship;
  sex: Sex;
  documentStatus: DocumentStatus;
  unaccompanied: boolean;
  fields: PersonalFields;
}

/** One household: its key as the file writes it, the line of its first row, and its members in file order. */
export interface ImportedHousehold {
  key: string;
  line: number;
  asylumStateCode: string;
  intendedPcode: string;
  members: ImportedMember[];
}

export interface HouseholdReadOptions {
  /** The zones a household may intend to return to, by P-code. */
  isZone: (pcode: string) => boolean;
  /** `YYYY-MM-DD`: dates of birth after it are refused. */
  today: string;
  onChunk?: (chunk: Buffer) => void;
  /** Columns of the file that are no field of a household export, by their header. */
  onColumnsNotRead?: (columns: string[]) => void;
}

/** A household while its rows are read: whether every row so far was right, and how many there were. */
interface Reading extends ImportedHousehold {
  valid: boolean;
  rows: number;
}

const HOUSEHOLD_PROBLEM_TEXTS: Record<HouseholdProblemReason, { field: HouseholdField; message: string }> = {
  no_head: { field: 'relationship', message: 'the household has no head: one member must be the head' },
  several_heads: { field: 'relationship', message: 'the household already has a head: a household has one' },
  born_in_future: { field: 'date_of_birth', message: 'is after today' },
  too_old: { field: 'date_of_birth', message: 'gives an age over 120 years' },
  child_not_younger: {
    field: 'date_of_birth',
    message: 'a child must be at least 12 years younger than the head: the ages contradict the relationship',
  },
  grandchild_not_younger: {
    field: 'date_of_birth',
    message: 'a grandchild must be at least 24 years younger than the head: the ages contradict the relationship',
  },
  parent_not_older: {
    field: 'date_of_birth',
    message: 'a parent must be at least 12 years older than the head: the ages contradict the relationship',
  },
  grandparent_not_older: {
    field: 'date_of_birth',
    message: 'a grandparent must be at least 24 years older than the head: the ages contradict the relationship',
  },
  spouse_too_young: { field: 'date_of_birth', message: 'a spouse must be at least 15 years old' },
};

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const isRealDate = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};
/** A phone as written: digits with spaces, dashes, dots, brackets and a leading +; 6 to 15 digits (E.164). */
const PHONE = /^\+?[\d\s().-]+$/;
/** Several values in one cell (Kobo's select_multiple, or a register's list). */
const splitList = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * The households of a file, one at a time, each with every row checked. Rows with problems are reported to
 * `problems` and their household is not yielded; reading goes on, so that the person fixing the file sees every
 * problem at once (up to the reported maximum).
 */
export async function* readHouseholds(
  file: string,
  problems: ImportProblems,
  options: HouseholdReadOptions,
): AsyncGenerator<ImportedHousehold> {
  let keyField = 'household';
  /** The households already read, by key, with the line of their first row (to refuse one split in two). */
  const seen = new Map<string, number>();
  let current: Reading | undefined;

  const finish = (household: Reading): ImportedHousehold | undefined => {
    const facts = household.members.map(({ relationship, fields }) => ({
      relationship,
      dateOfBirth: fields.dateOfBirth,
    }));
    if (!household.valid) return undefined;
    const found = householdProblems(facts, options.today);
    for (const problem of found) {
      const { field, message } = HOUSEHOLD_PROBLEM_TEXTS[problem.reason];
      const member = household.members[problem.member]!;
      problems.at(member.line, field, problem.reason, `household ${household.key}: ${message}`);
    }
    if (found.length > 0) return undefined;
    const { valid: _valid, rows: _rows, ...read } = household;
    // The head first, then the others in file order.
    read.members.sort((a, b) => Number(b.relationship === 'head') - Number(a.relationship === 'head'));
    return read;
  };

  for await (const { line, values } of readRows(file, {
    isField: isHouseholdField,
    rename: householdColumn,
    hxl: householdHxl,
    onColumns: (columns) => {
      const unread = columns.filter(({ field }) => field !== '' && !isHouseholdField(field)).map(({ label }) => label);
      if (unread.length > 0) options.onColumnsNotRead?.(unread);
    },
    onHeader: (fields, headerLine) => {
      // Kobo's export of a repeat group ties members to their submission rather than to a household column.
      if (!fields.includes('household')) {
        keyField = ['_submission__uuid', '_parent_index'].find((field) => fields.includes(field)) ?? 'household';
      }
      for (const field of REQUIRED_FIELDS) {
        if (!fields.includes(field === 'household' ? keyField : field)) {
          problems.at(headerLine, field, 'missing_column', `the file has no ${field} column`);
        }
      }
      problems.throwIfAny();
    },
    ...(options.onChunk ? { onChunk: options.onChunk } : {}),
  })) {
    const key = values[keyField] ?? '';
    if (key === '') {
      problems.at(line, 'household', 'required', 'give the household this person belongs to');
      continue;
    }
    if (key.length > HOUSEHOLD_KEY_MAX) {
      problems.at(line, 'household', 'too_long', `at most ${HOUSEHOLD_KEY_MAX} characters`);
      continue;
    }
    if (current?.key !== key) {
      if (current) {
        const done = finish(current);
        if (done) yield done;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        problems.at(
          line,
          'household',
          'split',
          `household ${key} began on line ${first} and other households came between: keep a household's rows ` +
            'together (sort the file by its household column)',
        );
        current = { key, line, asylumStateCode: '', intendedPcode: '', members: [], valid: false, rows: 0 };
        continue;
      }
      seen.set(key, line);
      current = { key, line, asylumStateCode: '', intendedPcode: '', members: [], valid: true, rows: 0 };
    }
    const household = current;
    const member = readMember(line, values, household, problems, options);
    household.rows++;
    if (!member) {
      household.valid = false;
      continue;
    }
    household.members.push(member);
    if (household.members.length > HOUSEHOLD_MAX_MEMBERS) {
      problems.at(
        line,
        'household',
        'too_many_members',
        `household ${key} has more than ${HOUSEHOLD_MAX_MEMBERS} members: is its household column right?`,
      );
      household.valid = false;
    }
    if (problems.full) return;
  }
  if (current) {
    const done = finish(current);
    if (done) yield done;
  }
}

/** One row's person, or undefined when the row has a problem (each reported). */
function readMember(
  line: number,
  values: Record<string, string>,
  household: Reading,
  problems: ImportProblems,
  options: HouseholdReadOptions,
): ImportedMember | undefined {
  const before = problems.size;
  const value = (field: HouseholdField) => values[field] ?? '';

  const relationship = codeOf(value('relationship'), RELATIONSHIPS, RELATIONSHIP_WORDS);
  if (!relationship) {
    problems.at(
      line,
      'relationship',
      value('relationship') === '' ? 'required' : 'unknown',
      `give the relationship to the head: one of ${RELATIONSHIPS.join(', ')}`,
    );
  }
  const name = { given: value('given_name'), family: value('family_name'), other: value('other_name') };
  if (name.given === '') problems.at(line, 'given_name', 'required', 'give the given name');
  for (const [part, field] of [
    ['given', 'given_name'],
    ['family', 'family_name'],
    ['other', 'other_name'],
  ] as const) {
    if (name[part].length > NAME_MAX) problems.at(line, field, 'too_long', `at most ${NAME_MAX} characters`);
  }
  const dateOfBirth = ISO_DATE.exec(value('date_of_birth'))?.[1];
  if (!dateOfBirth || !isRealDate(dateOfBirth)) {
    problems.at(
      line,
      'date_of_birth',
      value('date_of_birth') === '' ? 'required' : 'not_a_date',
      'give the date of birth as YYYY-MM-DD (for a year only, write its 1 July: 1984-07-01)',
    );
  }
  const sex = codeOf(value('sex'), SEXES, SEX_WORDS);
  if (!sex) problems.at(line, 'sex', value('sex') === '' ? 'required' : 'unknown', `one of ${SEXES.join(', ')}`);

  const documents: { kind: DocumentKind; number: string }[] = [];
  for (const [kindField, numberField] of [
    ['document_kind', 'document_number'],
    ['document_kind_2', 'document_number_2'],
  ] as const) {
    const number = value(numberField);
    if (value(kindField) === '' && number === '') continue;
    const kind = codeOf(value(kindField), DOCUMENT_KINDS, DOCUMENT_WORDS);
    if (!kind) {
      problems.at(
        line,
        kindField,
        value(kindField) === '' ? 'required' : 'unknown',
        `one of ${DOCUMENT_KINDS.join(', ')}`,
      );
    }
    if (number === '') problems.at(line, numberField, 'required', 'give the number of the document');
    else if (number.length > DOCUMENT_NUMBER_MAX) {
      problems.at(line, numberField, 'too_long', `at most ${DOCUMENT_NUMBER_MAX} characters`);
    }
    if (kind && number !== '') documents.push({ kind, number });
  }
  let documentStatus: DocumentStatus = documents.length > 0 ? 'available' : 'missing';
  if (value('document_status') !== '') {
    const status = codeOf(value('document_status'), DOCUMENT_STATUSES, {});
    if (status) documentStatus = status;
    else problems.at(line, 'document_status', 'unknown', `one of ${DOCUMENT_STATUSES.join(', ')}`);
  }

  const phones: string[] = [];
  for (const field of ['phone', 'phone_2'] as const) {
    for (const phone of splitList(value(field), /[;,|]/)) {
      const digits = phone.replace(/\D/g, '').length;
      if (!PHONE.test(phone) || digits < 6 || digits > 15) {
        problems.at(
          line,
          field,
          'not_a_phone',
          'give a phone number of 6 to 15 digits (several: separate them with ;)',
        );
      } else phones.push(phone);
    }
  }

  const needs: { need: SpecificNeed }[] = [];
  for (const word of splitList(value('specific_needs'), /[\s;,|]+/)) {
    const need = codeOf(word, SPECIFIC_NEEDS, NEED_WORDS);
    if (!need) {
      problems.at(
        line,
        'specific_needs',
        'unknown',
        `"${word.slice(0, 40)}" is not a specific need: use ${SPECIFIC_NEEDS.join(', ')} (separated by spaces)`,
      );
    } else if (!needs.some((n) => n.need === need)) needs.push({ need });
  }

  // The household's country of asylum and destination: on its first row, and the same on any other that gives them.
  const asylum = value('asylum_state').toUpperCase();
  if (asylum !== '' && !/^[A-Z]{2}$/.test(asylum)) {
    problems.at(line, 'asylum_state', 'not_a_country', 'give the country of asylum as its two-letter code (JO, LB)');
  } else if (asylum !== '' && household.asylumStateCode !== '' && asylum !== household.asylumStateCode) {
    problems.at(
      line,
      'asylum_state',
      'differs',
      `household ${household.key} has ${household.asylumStateCode} on line ${household.line}: a household has one country of asylum`,
    );
  } else if (asylum !== '') household.asylumStateCode = asylum;
  else if (household.rows === 0) {
    problems.at(line, 'asylum_state', 'required', "give the country of asylum on the household's first row");
  }
  const pcode = value('intended_pcode').toUpperCase();
  if (pcode !== '' && !options.isZone(pcode)) {
    problems.at(
      line,
      'intended_pcode',
      'unknown',
      `no zone ${pcode.slice(0, 30)} in the gazetteer: give the P-code of the zone of intended return`,
    );
  } else if (pcode !== '' && household.intendedPcode !== '' && pcode !== household.intendedPcode) {
    problems.at(
      line,
      'intended_pcode',
      'differs',
      `household ${household.key} has ${household.intendedPcode} on line ${household.line}: a household returns to one zone`,
    );
  } else if (pcode !== '') household.intendedPcode = pcode;
  else if (household.rows === 0) {
    problems.at(line, 'intended_pcode', 'required', "give the zone of intended return on the household's first row");
  }

  if (problems.size > before || !relationship || !sex || !dateOfBirth) return undefined;
  return {
    line,
    relationship,
    sex,
    documentStatus,
    unaccompanied: needs.some((n) => n.need === 'unaccompanied_or_separated_child'),
    fields: {
      name: name.other === '' ? { given: name.given, family: name.family } : name,
      dateOfBirth,
      documents,
      phones,
      needs,
    },
  };
}
