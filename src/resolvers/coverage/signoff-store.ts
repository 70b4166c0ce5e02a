import { SIGNOFF_PROPERTY_KEY, signoffRecordSchema } from '../../contracts/coverage';
import { flattenZodIssues } from '../../contracts/result';
import { emptySignoff, holdsEntry, mergeSignoffs, signoffIndexOf, type SignoffRecord } from '../../domain/coverage';
import type { JiraGateway } from '../../jira/gateway';
import { AppError } from '../app-error';

export type SignoffParse = { ok: true; record: SignoffRecord; found: boolean } | { ok: false; message: string };

/** The stored sign-off, or why it cannot be read (an unreadable value is kept as it is, never overwritten). */
export function parseSignoff(raw: unknown): SignoffParse {
  if (raw === undefined) return { ok: true, record: emptySignoff(), found: false };
  try {
    const parsed = signoffRecordSchema.safeParse(raw);
    if (parsed.success) return { ok: true, record: parsed.data, found: true };
    const first = flattenZodIssues(parsed.error)[0];
    return { ok: false, message: `The stored QA sign-off is invalid (${first ? `${first.path || '(root)'}: ${first.message}` : 'unexpected shape'}). It was kept as it is.` };
  } catch (e) {
    return { ok: false, message: `The stored QA sign-off could not be read (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}). It was kept as it is.` };
  }
}

const readSignoff = async (jira: JiraGateway, key: string) => parseSignoff(await jira.getIssueProperty(key, SIGNOFF_PROPERTY_KEY));

/**
 * Adds one entry. Entity properties have no compare-and-set: re-read, unite with what is stored (entries by id),
 * write with the index JQL searches on, read back; another tester's entry written meanwhile is kept (≤ 4 rounds).
 */
export async function writeSignoff(jira: JiraGateway, key: string, edit: (record: SignoffRecord) => SignoffRecord, entryId: string): Promise<SignoffRecord> {
  for (let round = 0; round < 4; round++) {
    const stored = await readSignoff(jira, key);
    if (!stored.ok) throw new AppError('CONFLICT', `${stored.message} Nothing was changed. A Jira admin can inspect the issue property '${SIGNOFF_PROPERTY_KEY}' on ${key}.`);
    if (round > 0 && holdsEntry(stored.record, entryId)) return stored.record;
    const next = mergeSignoffs(edit(stored.record), stored.record);
    await jira.setIssueProperty(key, SIGNOFF_PROPERTY_KEY, { ...next, index: signoffIndexOf(next) });
    const back = await readSignoff(jira, key);
    if (back.ok && holdsEntry(back.record, entryId)) return back.record;
  }
  throw new AppError('CONFLICT', 'Others kept signing this issue off at the same moment. Reload and try again; nothing of theirs was lost.');
}

export { readSignoff };
