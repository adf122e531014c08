import { headAgeGroupOf } from '../../src/server/outcomes/response-writer.ts';
import { indicatorsOf, scoreIndicators } from '../../src/server/outcomes/rules/scores.ts';
import { outcomeResponses } from '../../src/server/outcomes/tables.ts';
import { openKeyring } from '../../src/server/platform/crypto/keyring.ts';
import { openDatabase } from '../../src/server/platform/db/client.ts';
import { newId } from '../../src/server/platform/db/columns.ts';
import { answersOf, submissionIdOf } from './outcome-answers.ts';

// Child process for bench/outcomes.ts: the limit. The same answer sets the import stores, sealed the same way
// (JSON, an AES-GCM envelope each, sealed side by side as the writer does) with their indicators and scores,
// inserted in 1,000-row statements in one transaction: no file, no checks. In a process of its own, as the
// import runs, so that both start alike.
const [dataDir, instrumentId, organisationId, households] = process.argv.slice(2) as [string, string, string, string];
const n = Number(households);
const handle = await openDatabase({ dataDir });
const keyring = await openKeyring({ dataDir, masterKey: process.env.HOMEWARD_MASTER_KEY });
const started = performance.now();
await handle.db.transaction(async (tx) => {
  for (const round of [1, 3, 6, 12]) {
    for (let start = 0; start < n; start += 1000) {
      const rows = await Promise.all(
        Array.from({ length: Math.min(1000, n - start) }, async (_, k) => {
          const i = start + k;
          const answers = answersOf(i, round);
          const indicators = indicatorsOf(answers);
          return {
            id: newId(),
            instrumentId,
            submissionId: `bare-${submissionIdOf(i, round)}`,
            population: 'resident',
            followUpId: null,
            householdId: null,
            organisationId,
            pcode: answers.zone as string,
            stateCode: 'QM',
            cohort: null,
            round,
            collectedOn: '2026-03-01',
            source: 'import',
            answersEnc: await keyring.encrypt(tx, 'outcome', JSON.stringify(answers)),
            indicators,
            ...scoreIndicators(indicators),
            headSex: answers.head_sex as string,
            headAgeGroup: headAgeGroupOf(answers.head_age as number),
            disability: answers.head_disability === 'yes',
            recordedBy: null,
          };
        }),
      );
      await tx.insert(outcomeResponses).values(rows);
    }
  }
});
const seconds = (performance.now() - started) / 1000;
await handle.close();
console.log(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS }));
