import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplate, dropTemplate } from './template.ts';

/** Migrate once per run; every test file then starts from its own copy of the migrated template. */
export default async function setup(project: TestProject) {
  const outDir = path.resolve('test-output');
  fs.mkdirSync(outDir, { recursive: true });
  const template = await createTemplate(outDir);
  project.provide('databaseTemplate', template);
  return () => dropTemplate(template);
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: import('./template.ts').Template;
  }
}
