// Every module's tables, gathered for Drizzle's relational queries and for drizzle-kit.
// A module owns its tables; other modules reach them only through that module's service functions.

export * from '../../zones/tables.ts';
export * from '../accounts/schema.ts';
export * from '../audit/schema.ts';
export * from '../auth/schema.ts';
export * from '../crypto/schema.ts';
export * from '../policy/schema.ts';
