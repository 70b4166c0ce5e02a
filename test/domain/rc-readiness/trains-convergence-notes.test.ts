import { compileConvention, groupTrains, manualCandidateProblems, nextCandidate, parseCandidateName, patternProblem } from '../../../src/domain/rc-readiness/train-naming';
import { convergence } from '../../../src/domain/rc-readiness/convergence';
import { releaseNotes } from '../../../src/domain/rc-readiness/release-notes';
import { aVersion, anOpenIssue, anRcIssue } from '../../builders/rc';

describe('train naming', () => {
  it('parses the default convention case-insensitively', () => {
    const c = compileConvention();
    expect(parseCandidateName('4.3.0-rc.2', c)).toEqual({ release: '4.3.0', n: 2 });
    expect(parseCandidateName('4.3.0-RC.12', c)).toEqual({ release: '4.3.0', n: 12 });
    expect(parseCandidateName('4.3.0', c)).toBeUndefined();
    expect(parseCandidateName('4.3.0-rcX2', c)).toBeUndefined(); // the dot is literal, not "any character"
  });

  it('supports a custom pattern, with {n} before {release} too', () => {
    expect(parseCandidateName('Release 2026.1 candidate 3', compileConvention('Release {release} candidate {n}'))).toEqual({ release: '2026.1', n: 3 });
    expect(parseCandidateName('RC3 of 5.0', compileConvention('RC{n} of {release}'))).toEqual({ release: '5.0', n: 3 });
    expect(patternProblem('{release}')).toMatch(/\{n\}/);
    expect(patternProblem('{release}{n}')).toMatch(/fixed text/); // '4.3.01' would be ambiguous
    expect(patternProblem('{release}.rc{n}')).toBeUndefined();
  });

  it('groups versions into trains sorted naturally, candidates by n, with hand-picked versions and leftovers', () => {
    const versions = [
      aVersion({ id: '1', name: '4.10.0-rc.1' }),
      aVersion({ id: '2', name: '4.3.0-rc.10' }),
      aVersion({ id: '3', name: '4.3.0-rc.2' }),
      aVersion({ id: '4', name: '4.3.0', released: false }),
      aVersion({ id: '5', name: '4.3.0 hotfix candidate' }),
      aVersion({ id: '6', name: 'Backlog' }),
    ];
    const g = groupTrains(versions, { manual: [{ versionId: '5', release: '4.3.0', n: 11 }, { versionId: '99', release: 'x', n: 1 }] });
    expect(g.trains.map((t) => [t.release, t.releaseVersion?.id, t.candidates.map((c) => `${c.version.name}#${c.n}/${c.source}`)])).toEqual([
      ['4.3.0', '4', ['4.3.0-rc.2#2/convention', '4.3.0-rc.10#10/convention', '4.3.0 hotfix candidate#11/manual']],
      ['4.10.0', undefined, ['4.10.0-rc.1#1/convention']],
    ]);
    expect(g.unmatched.map((v) => v.name)).toEqual(['Backlog']);
    expect(g.warnings).toEqual(['A hand-picked candidate (version id 99) no longer exists.']);
  });

  it('falls back to the default on a bad pattern, with a warning; flags duplicate numbers', () => {
    const g = groupTrains([aVersion({ id: '1', name: '1.0-rc.1' }), aVersion({ id: '2', name: '1.0-RC.1' })], { pattern: 'nope' });
    expect(g.trains[0]?.candidates).toHaveLength(2);
    expect(g.warnings[0]).toMatch(/not usable/);
    expect(g.warnings[1]).toBe("1.0 has two candidates numbered 1: '1.0-RC.1' and '1.0-rc.1'.");
  });

  it('names the next candidate, or finds the existing unreleased one', () => {
    const c = compileConvention();
    const [t] = groupTrains([aVersion({ id: '1', name: '4.3.0-rc.1' }), aVersion({ id: '2', name: '4.3.0-rc.2' })]).trains;
    if (!t) throw new Error('no train');
    expect(nextCandidate(t, '2', c)).toEqual({ n: 3, name: '4.3.0-rc.3' });
    expect(nextCandidate(t, '1', c)).toMatchObject({ n: 2, name: '4.3.0-rc.2', existing: { id: '2' } });
  });

  it('accepts hand-picked versions only from those the pattern leaves out, once each, with a free number', () => {
    const versions = [
      aVersion({ id: '1', name: '4.3.0-rc.1' }),
      aVersion({ id: '2', name: '4.3.0' }),
      aVersion({ id: '3', name: '4.3.0-hotfix-candidate' }),
      aVersion({ id: '4', name: 'Backlog' }),
    ];
    expect(manualCandidateProblems(versions, '{release}-rc.{n}', [{ versionId: '3', release: '4.3.0', n: 2 }, { versionId: '4', release: '5.0.0', n: 1 }])).toEqual([]);
    const problems = manualCandidateProblems(versions, '{release}-rc.{n}', [
      { versionId: '99', release: '4.3.0', n: 5 },
      { versionId: '1', release: '4.3.0', n: 5 },
      { versionId: '2', release: '4.4.0', n: 1 },
      { versionId: '3', release: '4.3.0', n: 1 },
      { versionId: '3', release: '4.3.0', n: 7 },
      { versionId: '4', release: 'Backlog', n: 1 },
    ]);
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'versionId'],
      [1, 'versionId'],
      [2, 'versionId'],
      [4, 'versionId'],
      [5, 'release'],
      [3, 'n'],
    ]);
    expect(problems.find((p) => p.index === 1)?.message).toMatch(/follows the naming pattern .* already candidate 1 of 4\.3\.0/);
    expect(problems.find((p) => p.index === 3)?.message).toMatch(/4\.3\.0 already has candidate 1 \(4\.3\.0-rc\.1\)/);
    // Under another pattern, the same version is outside it and may be picked.
    expect(manualCandidateProblems(versions, '{release}-RC{n}', [{ versionId: '1', release: '4.3.0', n: 1 }])).toEqual([]);
  });

  it('refuses a long hostile name (a backtracking pattern would hang here until Jest times out)', () => {
    expect(parseCandidateName(`${'-rc.'.repeat(60)}x`, compileConvention())).toBeUndefined();
  });
});

describe('convergence', () => {
  const rc = (n: number) => `4.3.0-rc.${n}`;
  const found = (key: string, n: number, done = true) => (done ? anRcIssue({ key, foundInRegressionOf: [rc(n)] }) : anOpenIssue({ key, foundInRegressionOf: [rc(n)] }));

  it('converged: found 3, then 1, then 0', () => {
    const c = convergence({
      candidates: [
        { name: rc(1), issues: [anRcIssue({ key: 'BUG-1' }), anRcIssue({ key: 'BUG-2' })] },
        { name: rc(2), issues: [found('BUG-10', 1), found('BUG-11', 1), found('BUG-12', 1)] },
        { name: rc(3), issues: [found('BUG-20', 2)] },
      ],
    });
    expect(c.rcs.map((r) => [r.name, r.loop, r.bugsFixed.length, r.bugsFound])).toEqual([
      [rc(1), 1, 2, ['BUG-10', 'BUG-11', 'BUG-12']],
      [rc(2), 2, 3, ['BUG-20']],
      [rc(3), 3, 1, []],
    ]);
    expect(c.status).toBe('converged');
    expect(c.explanation).toBe(`${rc(1)} found 3 bugs, ${rc(2)} found 1, ${rc(3)} found 0. Converged: the latest finished regression (${rc(3)}) found no bugs.`);
  });

  it('converging while the latest RC is still being regressed; it does not count yet', () => {
    const c = convergence({
      candidates: [
        { name: rc(1), issues: [anRcIssue()] },
        { name: rc(2), issues: [found('BUG-10', 1), found('BUG-11', 1)] },
        { name: rc(3), issues: [anRcIssue({ key: 'BUG-30', regressionVerdict: 'incomplete' })] },
      ],
      regressionFinds: [found('BUG-40', 2, false)],
    });
    expect(c.status).toBe('converging');
    expect(c.rcs[1]?.openFound).toEqual(['BUG-40']);
    expect(c.explanation).toBe(`${rc(1)} found 2 bugs, ${rc(2)} found 1 (regression not finished: ${rc(3)}). Converging: ${rc(2)} found fewer bugs than ${rc(1)} (1 < 2).`);
  });

  it('not converging when an RC found as many or more bugs than the one before', () => {
    const c = convergence({
      candidates: [
        { name: rc(1), issues: [anRcIssue()] },
        { name: rc(2), issues: [found('BUG-10', 1)] },
      ],
      regressionFinds: [found('BUG-20', 2), found('BUG-21', 2)],
    });
    expect(c.status).toBe('not-converging');
    expect(c.explanation).toMatch(/Not converging: 4.3.0-rc.2 found more bugs than 4.3.0-rc.1 \(2 vs 1\)/);
  });

  it('unknown with no finished regression, or only one that found bugs', () => {
    const none = convergence({ candidates: [{ name: rc(1), issues: [anRcIssue({ regressionVerdict: 'none' })] }] });
    expect(none.status).toBe('unknown');
    expect(none.explanation).toBe(`Regression not finished: ${rc(1)}. No candidate has finished its regression yet, so there is no trend.`);
    expect(convergence({ candidates: [] }).status).toBe('unknown');
    expect(convergence({ candidates: [{ name: rc(1), issues: [anRcIssue()] }], regressionFinds: [found('BUG-9', 1)] }).status).toBe('unknown');
  });
});

describe('release notes', () => {
  it('groups by type in a fixed order, sorts keys naturally, and links keys in ADF', () => {
    const n = releaseNotes({
      release: '4.3.0',
      rc: '4.3.0-rc.2',
      baseUrl: 'https://acme.atlassian.net/',
      issues: [
        { key: 'BUG-10', summary: 'Totals\nwrong', type: 'Bug' },
        { key: 'BUG-9', summary: 'Crash on save', type: 'Bug' },
        { key: 'ST-1', summary: 'Export to CSV', type: 'Story' },
        { key: 'CH-1', summary: 'Bump deps', type: 'Chore' },
      ],
    });
    expect(n.text).toBe(
      ['Release 4.3.0 (from 4.3.0-rc.2)', '', 'Stories (1)', '- ST-1: Export to CSV', '', 'Bug fixes (2)', '- BUG-9: Crash on save', '- BUG-10: Totals wrong', '', 'Chore (1)', '- CH-1: Bump deps'].join('\n'),
    );
    expect(n.groups).toEqual([{ type: 'Story', keys: ['ST-1'] }, { type: 'Bug', keys: ['BUG-9', 'BUG-10'] }, { type: 'Chore', keys: ['CH-1'] }]);
    expect(JSON.stringify(n.adf)).toContain('"href":"https://acme.atlassian.net/browse/BUG-9"');
  });

  it('caps the list and says how many more', () => {
    const issues = Array.from({ length: 5 }, (_, i) => ({ key: `BUG-${i + 1}`, summary: 's', type: 'Bug' }));
    const n = releaseNotes({ release: '1.0', issues, maxIssues: 3 });
    expect(n.text.endsWith('… and 2 more issues.')).toBe(true);
    expect(releaseNotes({ release: '1.0', issues: [] }).text).toBe('Release 1.0\n\nNo issues.');
  });
});
