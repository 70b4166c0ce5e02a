/**
 * The role validator (move-rules-validator) has nothing to configure on the transition: who may make each move is a
 * per-project setting (Release Train → Stage mapping), published to the project property its Jira expression reads.
 * Create/edit register an empty configuration so Jira can save the rule.
 */
import { useEffect } from 'react';
import { registerOnConfigure } from './api';

export function MoveRulesInfo({ entryPoint }: { entryPoint: string }) {
  useEffect(() => {
    if (entryPoint !== 'view') void registerOnConfigure(() => '{}');
  }, [entryPoint]);
  const text =
    'Checks that the person making a move holds a project role (or group) allowed to make it. Who may make each move is set per project on Release Train → Stage mapping, by project admins.';
  if (entryPoint === 'view') return <p className="rt-muted">{text}</p>;
  return (
    <main>
      <h1>The right people make each move</h1>
      <p>{text}</p>
      <p className="rt-muted">There is nothing to configure on this transition; add the rule to every transition of the loop.</p>
    </main>
  );
}
