// The vocabulary is the constants' (no schema library there, for the browser); the server imports both from here.
export * from './constants.ts';

/**
 * The community gateway's API shapes, shared by the server (validation, OpenAPI) and the web application's
 * types. Each part keeps its shapes in a file of its own: what submitters send and read back (submissions), the
 * staff inbox and its steps (inbox), incidents and their accountability (incidents), the public figures
 * (figures).
 */
export * from './schemas/figures.ts';
export * from './schemas/inbox.ts';
export * from './schemas/incidents.ts';
export * from './schemas/submissions.ts';
