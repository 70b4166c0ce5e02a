import type { JiraRawResponse, JiraRequest, JiraTransport } from '../../src/jira/transport';

export type Scripted = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A transport that answers from a script and records every request (for gateway unit tests). */
export function scriptedTransport(answers: Scripted[] | ((req: JiraRequest, n: number) => Scripted)) {
  const requests: JiraRequest[] = [];
  const transport: JiraTransport = {
    async send(req): Promise<JiraRawResponse> {
      requests.push(req);
      const answer = typeof answers === 'function' ? answers(req, requests.length - 1) : answers.shift();
      if (!answer) throw new Error(`No scripted answer for ${req.method} ${req.path}`);
      if (answer instanceof Error) throw answer;
      const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return { status: answer.status, header: (n) => answer.headers?.[n.toLowerCase()] ?? null, text: async () => text };
    },
  };
  return { transport, requests };
}
