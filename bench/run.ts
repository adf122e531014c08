import { ratio, type Scenario, type ScenarioResult } from './types.ts';

// `npm run bench [-- filter]`: every scenario beside its limit measured in the same run, one row each. A filter
// that is a suite's name (`cli`, `zones`…) runs that suite; any other runs the scenarios whose name contains it.
const suites = [
  './platform.ts',
  './audit.ts',
  './web.ts',
  './zones.ts',
  './cases.ts',
  './gateway.ts',
  './outcomes.ts',
  './forum.ts',
  './mixed.ts',
  './cli.ts',
];
const filter = process.argv[2]?.toLowerCase();
const suiteNamed = suites.find((suite) => suite === `./${filter}.ts`);

const format = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value.toLocaleString('en', { maximumSignificantDigits: 3 });

function row(name: string, result: ScenarioResult): string {
  const r = ratio(result);
  return [
    name,
    `${format(result.figure)} ${result.unit}`,
    result.limit === undefined ? '—' : `${format(result.limit)} ${result.unit}`,
    r === undefined ? '—' : `${(r * 100).toFixed(0)} %`,
    result.target,
    result.met ? 'met' : 'NOT MET',
    result.notes ?? '',
  ].join(' | ');
}

console.log('scenario | figure | limit | ratio | target | status | notes');
let failures = 0;
for (const suite of suiteNamed ? [suiteNamed] : suites) {
  let scenarios: Scenario[];
  try {
    ({ scenarios } = (await import(suite)) as { scenarios: Scenario[] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(suite.slice(2))) {
      continue;
    }
    throw error;
  }
  for (const scenario of scenarios) {
    if (filter && !suiteNamed && !scenario.name.toLowerCase().includes(filter)) continue;
    try {
      console.log(row(scenario.name, await scenario.run()));
    } catch (error) {
      failures++;
      console.log(`${scenario.name} | failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
process.exitCode = failures > 0 ? 1 : 0;
