import { scenarios as dashboard } from './outcomes-dashboard.ts';
import { scenarios as imports } from './outcomes-imports.ts';
import { scenarios as scores } from './outcomes-scores.ts';
import type { Scenario } from './types.ts';

/** Outcome monitoring's benchmarks (`npm run bench -- outcomes`): each part keeps its scenarios in its own file. */
export const scenarios: Scenario[] = [...imports, ...scores, ...dashboard];
