import { z } from 'zod';

/**
 * Days and times that people and systems send. The ISO formats alone allow the year 0000, which PostgreSQL's
 * calendar does not have (it goes from 1 BC to AD 1), so a query with such a date failed in the database instead of
 * being refused. Years from 1000 to 9999 cover every real record; a time with its offset stays in them too.
 */
const fourDigitYear = (text: string) => !text.startsWith('0');
const YEAR_RANGE = { message: 'the year must be from 1000 to 9999' };

/** A calendar day, `YYYY-MM-DD`. */
export const Day = z.iso.date().refine(fourDigitYear, YEAR_RANGE);

/** A moment with its offset from UTC, ISO 8601. */
export const Timestamp = z.iso.datetime({ offset: true }).refine(fourDigitYear, YEAR_RANGE);

/** A month, `YYYY-MM`. */
export const Month = z.string().regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM, from the year 1000');
