/**
 * repro:audit at the edges of its pipes: an unreadable stdin (a directory, a failing stream) exits 1 with the
 * reason; a reader that closes stdout early (`| head`) ends the run quietly with 0; writes wait for 'drain'.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main, openStdin, streamWriter } from '../../src/cli/repro-audit';

const line = (i: number) => JSON.stringify({ id: `X-${i}`, text: '1. Open the app\n2. Click Save\nExpected: saved\nActual: it crashes' });
const lines = (n: number) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rt-audit-stdio-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(stdin: NodeJS.ReadableStream, stdout: (s: string) => unknown) {
  let err = '';
  const code = await main([], { stdin, stdout, stderr: (s) => (err += s), env: {} });
  return { code, err };
}

describe('unreadable stdin', () => {
  it('exits 1 with the reason when stdin is a directory', async () => {
    const fd = openSync(dir, 'r');
    try {
      const { code, err } = await run(openStdin(fd, Readable.from([])), () => undefined);
      expect(code).toBe(1);
      expect(err).toMatch(/cannot read input: stdin is a directory/);
    } finally {
      closeSync(fd);
    }
  });

  it('exits 1 when the stream fails, after writing the lines read before', async () => {
    const stdin = new Readable({ read() {} });
    stdin.push(line(1) + '\n');
    setTimeout(() => stdin.destroy(new Error('EIO: i/o error')), 20);
    const out: string[] = [];
    const { code, err } = await run(stdin, (s) => out.push(s));
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    expect(err).toMatch(/cannot read input: EIO/);
  });

  it('exits 1 as a real process with stdin redirected from a directory', async () => {
    const r = await runProcess(`"${process.execPath}" "${require.resolve('tsx/cli')}" src/cli/repro-audit.ts < "${dir}"`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/stdin is a directory/);
  });
});

describe('stdout', () => {
  it('waits for drain before writing the next line', async () => {
    let pending = 0;
    let maxPending = 0;
    const chunks: string[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk, _enc, done) {
        pending++;
        maxPending = Math.max(maxPending, pending);
        chunks.push(String(chunk));
        setTimeout(() => {
          pending--;
          done();
        }, 1);
      },
    });
    const write = streamWriter(slow);
    let buffered = 0;
    const { code } = await run(Readable.from([lines(20)]), async (s: string) => {
      await write(s);
      buffered = Math.max(buffered, slow.writableLength);
    });
    expect(code).toBe(0);
    expect(chunks).toHaveLength(20);
    expect(buffered).toBeLessThanOrEqual(1); // never more than the line being written is queued
  });

  it('stops quietly with 0 when the reader closes the pipe (EPIPE)', async () => {
    let writes = 0;
    const closed = new Writable({
      write(_chunk, _enc, done) {
        writes++;
        done(writes > 2 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null);
      },
    });
    const { code, err } = await run(Readable.from([lines(1000)]), streamWriter(closed));
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(writes).toBeLessThan(10);
  });

  it('exits 0 without a stack trace as a real process piped into head', async () => {
    const input = join(dir, 'many.jsonl');
    writeFileSync(input, lines(20_000));
    const r = await runProcess(`set -o pipefail; "${process.execPath}" "${require.resolve('tsx/cli')}" src/cli/repro-audit.ts < "${input}" | head -1`);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

function runProcess(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd: join(__dirname, '..', '..') });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
