import { fail, flattenZodIssues, MAX_PAYLOAD_CHARS, resultSchema, type Procedures, type Result } from './index';
import type { InputOf, OutputOf } from './procedure';

/**
 * The typed client side of a resolver, used by every Custom UI app: validates the payload before sending and
 * the reply after, so a component never builds a payload by hand nor trusts an unchecked reply.
 * `invoke` is @forge/bridge's (each app's api.ts passes it in, so only api.ts imports the bridge).
 */
export type InvokeFn = (functionKey: string, payload?: Record<string, unknown>) => Promise<unknown>;

export function makeCaller<P extends Procedures>(invoke: InvokeFn, procedures: P) {
  return async function call<K extends keyof P & string>(key: K, input: InputOf<P, K>): Promise<Result<OutputOf<P, K>>> {
    const proc = procedures[key];
    if (!proc) return fail('INTERNAL', `Unknown resolver '${key}'.`);
    const checked = proc.input.safeParse(input);
    if (!checked.success) return fail('BAD_REQUEST', 'Some values are not valid.', flattenZodIssues(checked.error));
    if (JSON.stringify(checked.data ?? null).length > MAX_PAYLOAD_CHARS) return fail('BAD_REQUEST', 'This is too large to send. Shorten it and try again.');
    let reply: unknown;
    try {
      reply = await invoke(key, { input: checked.data });
    } catch (e) {
      return fail('INTERNAL', `Release Train could not reach its backend (${e instanceof Error ? e.message : String(e)}). Reload and try again.`);
    }
    const parsed = resultSchema(proc.output).safeParse(reply);
    if (!parsed.success) return fail('INTERNAL', `The backend's reply to '${key}' was not understood.`, flattenZodIssues(parsed.error));
    return parsed.data as Result<OutputOf<P, K>>;
  };
}
