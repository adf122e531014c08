import type { HomewardApp } from '../../app.ts';

export async function decisionRoutes(_app: HomewardApp): Promise<void> {}

export async function publicCaseStatusRoutes(_app: HomewardApp): Promise<void> {}
