/**
 * A survey instrument as Homeward keeps it: an XLSForm (survey, choices and settings sheets) read once into this
 * tree (server/outcomes/files/xlsform.ts), stored with the instrument's version, rendered as a web form in every
 * language and used to check answers on the server and in the browser (shared/outcomes/form-engine.ts). Plain types only, so
 * the web application can import them.
 */

/** A text in each of the form's languages, keyed by language code (`en`, `ar`); `default` when a column names none. */
export type LocalizedLabel = Record<string, string>;

/**
 * Rows Kobo (and many ODK forms) add to every form: when the interview started and ended, the day, the device and
 * the account. Nobody answers them; the form engine fills them (server/outcomes' callers give the device and the
 * account), and an imported submission keeps the values it came with.
 */
export const METADATA_TYPES = ['start', 'end', 'today', 'deviceid', 'username'] as const;
export type MetadataType = (typeof METADATA_TYPES)[number];

export const QUESTION_TYPES = [
  'text',
  'integer',
  'decimal',
  'date',
  'select_one',
  'select_multiple',
  'note',
  'calculate',
  'geopoint',
  'image',
  ...METADATA_TYPES,
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Question {
  kind: 'question';
  /** The `name` column: the answer's key, unique in the form. */
  name: string;
  type: QuestionType;
  /** select_one / select_multiple: the choices sheet's `list_name`. */
  listName?: string;
  /** `select_one list or_other`: an `other` choice whose text goes in `<name>_other`. */
  orOther?: boolean;
  label: LocalizedLabel;
  hint?: LocalizedLabel;
  /** `yes`/`true` → true; an expression when the column holds one. */
  required?: boolean | string;
  requiredMessage?: LocalizedLabel;
  relevant?: string;
  constraint?: string;
  constraintMessage?: LocalizedLabel;
  /** The `default` column, as text. */
  default?: string;
  calculation?: string;
  choiceFilter?: string;
  appearance?: string;
  readOnly?: boolean;
  /** The row in the survey sheet (1 is the header), for messages. */
  row: number;
}

export interface Group {
  kind: 'group' | 'repeat';
  name: string;
  label: LocalizedLabel;
  relevant?: string;
  appearance?: string;
  /** repeat: `repeat_count`, an expression or a number. */
  repeatCount?: string;
  children: FormNode[];
  row: number;
}

export type FormNode = Question | Group;

export interface Choice {
  name: string;
  label: LocalizedLabel;
  /** Extra columns of the choices sheet (for `choice_filter`), by column name. */
  filters?: Record<string, string>;
}

export interface FormDefinition {
  /** settings `form_id`, or the file name without its extension. */
  formId: string;
  /** settings `version`, or the import's date and time (`YYYYMMDDHHmm`) when there is none. */
  version: string;
  title: LocalizedLabel;
  /** settings `default_language`, else the first language of the label columns. */
  defaultLanguage: string;
  /** Every language the labels come in, as codes (`en`, `ar`), in the order of the columns. */
  languages: string[];
  children: FormNode[];
  choices: Record<string, Choice[]>;
}

/** One answer: text, a number, a date (`YYYY-MM-DD`), a choice name, several choice names, a point (`lat lon`). */
export type AnswerValue = string | number | string[] | null;

/** A repeat's instances each hold their own answers. */
export type Answers = { [name: string]: AnswerValue | Answers[] };
