/**
 * repro:audit — audit the reproduction steps of many bugs at once.
 *
 * Usage
 *   npm run --silent repro:audit < reports.jsonl > results.jsonl
 *   npx tsx src/cli/repro-audit.ts < reports.jsonl
 *
 * Input: one JSON object a line,
 *   {"id": "RT-12", "title": "Crash on save", "text": "1. Open …"}           plain text, or
 *   {"id": "RT-12", "title": "…", "description": { "type": "doc", … }}       ADF as Jira REST v3 returns it.
 * Output: one line per input line, in the same order,
 *   {"id","hasSteps","hasExpected","hasActual","score","verdict","findings":[{"code","message"}]}
 * A malformed line gives {"id": <its id or "line:N">, "error": "…"} and the run goes on. Blank lines are skipped.
 * Exit code: 0 when the input was read (even with error lines), 1 when it could not be read at all, 2 on bad usage.
 *
 * Getting input from Jira: search with POST /rest/api/3/search/jql, fields ["summary","description"], and write
 *   {"id": issue.key, "title": fields.summary, "description": fields.description} per issue.
 * `--jql "<query>"` will do exactly that through the app's Jira gateway once it is wired in `jqlSource` below.
 */
import { createInterface } from 'node:readline';
import { auditLine } from './audit-lines';

/**
 * Extension point for `--jql`: set to a function that yields input lines (JSON strings in the format above)
 * for a JQL query, backed by the Jira gateway (src/jira). Not wired yet: the CLI says so and exits 2.
 */
export type JqlSource = (jql: string) => AsyncIterable<string>;
export let jqlSource: JqlSource | undefined;
export function setJqlSource(source: JqlSource | undefined): void {
  jqlSource = source;
}

const USAGE = 'usage: repro-audit [--jql "<query>"] < reports.jsonl > results.jsonl';

export async function auditStream(lines: AsyncIterable<string>, write: (s: string) => void): Promise<number> {
  let lineNo = 0;
  let count = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    write(JSON.stringify(auditLine(line, lineNo)) + '\n');
    count++;
  }
  return count;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const jqlAt = argv.indexOf('--jql');
  if (jqlAt >= 0) {
    const jql = argv[jqlAt + 1];
    if (!jql) {
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    if (!jqlSource) {
      process.stderr.write('--jql needs the Jira gateway, which is not wired into this CLI yet; export issues to JSON lines instead.\n');
      return 2;
    }
    await auditStream(jqlSource(jql), (s) => process.stdout.write(s));
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`unknown argument: ${argv[0]}\n${USAGE}\n`);
    return 2;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // readline does not surface stdin errors (e.g. stdin is a directory): catch them on the stream itself.
  let readError: Error | undefined;
  process.stdin.on('error', (e) => {
    readError = e;
    rl.close();
  });
  try {
    await auditStream(rl, (s) => process.stdout.write(s));
  } catch (e) {
    readError = e as Error;
  }
  if (readError) {
    process.stderr.write(`cannot read input: ${readError.message}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`repro-audit failed: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
