/**
 * repro:audit — audit the reproduction steps of many bugs at once.
 *
 * Usage
 *   npm run --silent repro:audit < reports.jsonl > results.jsonl
 *   JIRA_BASE_URL=https://your-site.atlassian.net JIRA_EMAIL=you@example.com JIRA_API_TOKEN=… \
 *     npm run --silent repro:audit -- --jql 'project = RT AND issuetype = Bug AND statusCategory != Done' > results.jsonl
 *
 * Input (stdin): one JSON object a line,
 *   {"id": "RT-12", "title": "Crash on save", "text": "1. Open …"}           plain text, or
 *   {"id": "RT-12", "title": "…", "description": { "type": "doc", … }}       ADF as Jira REST v3 returns it, and/or
 *   {"id": "RT-12", "field": {"steps": ["…"], "expected": "…", …}}            the Reproduction steps field's value
 *   (the field wins when it holds anything, then the description, then text).
 * With --jql the issues are read through the app's Jira gateway (plain HTTP, basic auth with an API token).
 * Output: one line per input line, in the same order,
 *   {"id","hasSteps","hasExpected","hasActual","score","verdict","findings":[{"code","message"}]}
 * A malformed line gives {"id": <its id or "line:N">, "error": "…"} and the run goes on. Blank lines are skipped.
 * Exit code: 0 when the input was read (even with error lines) or the reader of stdout closed it early
 * (`| head`: the run stops quietly); 1 when it could not be read at all (stdin unreadable, e.g. a directory, Jira refused the query or could not be reached); 2 on bad usage (unknown option, --jql without a
 * query or without the JIRA_* variables). See docs/repro-audit.md.
 */
import { fstatSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { JiraError } from '../jira/errors';
import { createJiraGateway } from '../jira/gateway';
import { httpTransportFromEnv } from '../jira/http-transport';
import { auditLine } from './audit-lines';
import { gatewayJqlSource } from './jql-source';

/** Yields input lines (JSON strings in the format above) for a JQL query. */
export type JqlSource = (jql: string) => AsyncIterable<string>;

export type CliIo = {
  stdin: NodeJS.ReadableStream;
  /** May return a promise (waiting for the pipe to drain); a rejection with code EPIPE ends the run quietly. */
  stdout: (s: string) => unknown;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
};

const USAGE = [
  'usage: repro-audit < reports.jsonl > results.jsonl',
  '       repro-audit --jql "<query>" [--max <n>] > results.jsonl   (needs JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN)',
].join('\n');

export async function auditStream(lines: AsyncIterable<string>, write: (s: string) => unknown, onWritten?: () => void): Promise<number> {
  let lineNo = 0;
  let count = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    await write(JSON.stringify(auditLine(line, lineNo)) + '\n');
    count++;
    onWritten?.();
  }
  return count;
}

/** The --jql source for this environment: the gateway over plain HTTP, or undefined when JIRA_* are not set. */
export function jqlSourceFromEnv(env: NodeJS.ProcessEnv, options: Parameters<typeof gatewayJqlSource>[1] = {}): JqlSource | undefined {
  const transport = httpTransportFromEnv(env);
  return transport ? gatewayJqlSource(createJiraGateway(transport), options) : undefined;
}

/** The reader went away (`… | head`): stop quietly, it is not a failure of the audit. */
export const isClosedPipe = (e: unknown): boolean => (e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

/**
 * A writer for a stream that honours backpressure (waits for 'drain') and rejects once the stream failed
 * (EPIPE when the reader closed the pipe) instead of letting the error crash the process.
 */
export function streamWriter(out: NodeJS.WritableStream): (s: string) => Promise<void> {
  let failed: Error | undefined;
  out.on('error', (e: Error) => {
    failed = e;
  });
  return async (s) => {
    if (failed) throw failed;
    if (out.write(s)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        out.off('error', onError);
        resolve();
      };
      const onError = (e: Error): void => {
        out.off('drain', onDrain);
        reject(e);
      };
      out.once('drain', onDrain);
      out.once('error', onError);
    });
  };
}

/** stdin, or a stream that fails when fd 0 cannot be read as input (a directory: Node would just see an empty stream). */
export function openStdin(fd = 0, stdin: NodeJS.ReadableStream = process.stdin): NodeJS.ReadableStream {
  let problem: string | undefined;
  try {
    if (fstatSync(fd).isDirectory()) problem = 'stdin is a directory (EISDIR)';
  } catch (e) {
    problem = `stdin cannot be read (${(e as Error).message})`;
  }
  if (problem === undefined) return stdin;
  const failing = new PassThrough();
  setImmediate(() => failing.destroy(new Error(problem)));
  return failing;
}

type Args = { help: boolean; jql?: string; max?: number; error?: string };

function parseArgs(argv: string[]): Args {
  const args: Args = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--jql') {
      const v = argv[++i];
      if (!v || v.trim() === '') return { ...args, error: '--jql needs a query' };
      args.jql = v;
    } else if (a === '--max') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v <= 0) return { ...args, error: '--max needs a positive whole number' };
      args.max = v;
    } else return { ...args, error: `unknown argument: ${a}` };
  }
  if (args.max !== undefined && args.jql === undefined) return { ...args, error: '--max only applies to --jql' };
  return args;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.error) {
    io.stderr(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  if (args.jql !== undefined) {
    const source = jqlSourceFromEnv(io.env, { maxIssues: args.max, onProgress: (m) => io.stderr(m + '\n') });
    if (!source) {
      io.stderr('--jql reads Jira through its REST API: set JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN (an Atlassian API token).\n');
      return 2;
    }
    let written = 0;
    try {
      written = await auditStream(source(args.jql), io.stdout, () => written++);
      io.stderr(`Audited ${written} issue(s).\n`);
      return 0;
    } catch (e) {
      if (isClosedPipe(e)) return 0;
      const after = written > 0 ? ` (after ${written} issue(s) written)` : '';
      io.stderr(`cannot read issues from Jira${after}: ${e instanceof JiraError ? `${e.message} (${e.kind})` : (e as Error).message}\n`);
      return 1;
    }
  }
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  // readline does not surface stdin errors (e.g. stdin is a directory): catch them on the stream itself.
  let readError: Error | undefined;
  io.stdin.on('error', (e: Error) => {
    readError = e;
    rl.close();
  });
  try {
    await auditStream(rl, io.stdout);
  } catch (e) {
    if (isClosedPipe(e)) {
      rl.close();
      return 0;
    }
    readError = e as Error;
  }
  if (readError) {
    io.stderr(`cannot read input: ${readError.message}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  const io: CliIo = { stdin: openStdin(), stdout: streamWriter(process.stdout), stderr: (s) => process.stderr.write(s), env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // A reader that closed the pipe early leaves stdin (and the Jira search) half read: do not wait for them.
      if (process.stdout.destroyed || process.stdout.writableEnded) process.exit(code);
    },
    (e: unknown) => {
      process.stderr.write(`repro-audit failed: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
