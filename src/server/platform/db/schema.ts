// The platform's tables, gathered for Drizzle; drizzle-kit reads these and every module's tables.ts.
// A module owns its tables; other modules reach them only through that module's service functions.

export * from '../accounts/schema.ts';
export * from '../audit/schema.ts';
export * from '../auth/schema.ts';
export * from '../crypto/schema.ts';
export * from '../policy/schema.ts';
