import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../src/server/platform/db/client.ts';

interface Journal {
  entries: { idx: number; when: number; tag: string; breakpoints: boolean }[];
}

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

describe('committed migrations', () => {
  it('have strictly increasing journal timestamps, so no migration is silently skipped', () => {
    for (let i = 1; i < journal.entries.length; i++) {
      const previous = journal.entries[i - 1]!;
      const current = journal.entries[i]!;
      expect(current.when, `${current.tag} must be newer than ${previous.tag}`).toBeGreaterThan(previous.when);
    }
  });

  it('each have a SQL file with a statement breakpoint between statements', () => {
    for (const entry of journal.entries) {
      expect(entry.breakpoints, entry.tag).toBe(true);
      const sqlText = fs.readFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
      const statements = sqlText.split('--> statement-breakpoint').map((part) => part.trim());
      for (const statement of statements.filter(Boolean)) {
        // One statement per chunk: a semicolon may end it, but none may separate two statements inside it.
        const body = statement
          .replace(/;\s*$/, '')
          .replace(/\$\$[\s\S]*?\$\$/g, '')
          .replace(/'[^']*'/g, "''");
        expect(body.includes(';'), `${entry.tag}: two statements without a breakpoint:\n${statement}`).toBe(false);
      }
    }
  });

  it('are listed in the journal in order, one per file', () => {
    const files = fs.readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql'));
    expect(files.sort()).toEqual(journal.entries.map((entry) => `${entry.tag}.sql`).sort());
    expect(journal.entries.map((entry) => entry.idx)).toEqual(journal.entries.map((_, index) => index));
  });
});
