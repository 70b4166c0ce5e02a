import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../../local/manifest/read-manifest';
import { createJiraGateway } from '../../src/jira/gateway';
import { jiraOperationScopes, type JiraOperationName } from '../../src/jira/scopes';

/** Every .ts/.tsx file the deployed app is built from, outside the gateway itself. */
function appSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'build' ? [] : appSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
const sources = [...appSources('src'), ...appSources('static')].filter((p) => !p.startsWith(join('src', 'jira')));
const code = sources.map((p) => readFileSync(p, 'utf8')).join('\n');

const operations = Object.keys(jiraOperationScopes) as JiraOperationName[];
const used = operations.filter((op) => new RegExp(`\\.${op}\\(`).test(code));
const neededJiraScopes = new Set(used.flatMap((op) => jiraOperationScopes[op]));
/** Scopes the app needs for something other than a Jira REST call. */
const platformScopes: Record<string, RegExp> = { 'storage:app': /from '@forge\/kvs'/ };

describe('manifest.yml scopes against the operations the app calls', () => {
  const declared = readManifest().permissions.scopes;

  it('has a scope entry for exactly the gateway’s operations', () => {
    const gatewayOps = Object.keys(createJiraGateway({ send: () => Promise.reject(new Error('unused')) })).filter((k) => k !== 'callCount');
    expect([...operations].sort()).toEqual(gatewayOps.sort());
  });

  it('finds the operations the features call (the scan works)', () => {
    expect(used).toEqual(expect.arrayContaining(['searchAll', 'getIssue', 'moveIssues', 'listBoards', 'createVersion']));
  });

  it('declares every scope an operation the app calls needs', () => {
    expect([...neededJiraScopes].filter((s) => !declared.includes(s))).toEqual([]);
  });

  it('declares no scope that nothing needs', () => {
    const unused = declared.filter((s) => !neededJiraScopes.has(s) && !(platformScopes[s] && platformScopes[s].test(code)));
    expect(unused).toEqual([]);
  });

  it('moving bugs back to the backlog and listing boards need their documented scopes', () => {
    expect(declared).toEqual(expect.arrayContaining(['write:board-scope:jira-software', 'read:project:jira']));
  });
});
