/**
 * Headings the analyser does not know (GitHub issue forms, Jira wiki, bold lines) end the part above them and are
 * never read as its content; issue-form boilerplate ("_No response_", checkboxes, HTML comments) is no content at all;
 * the question headings of common templates ("What did you do?", "What is the expected behavior?") are labels.
 */
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { parseSections } from '../../../src/domain/repro-steps/parse-sections';

describe('an unknown heading ends the part above it', () => {
  const formTail = [
    '### Relevant log output', '', '_No response_', '',
    '### Code of Conduct', '', '- [X] I agree to follow this project\'s Code of Conduct', '',
    '### Anything else?', '', '_No response_',
  ].join('\n');

  it('GitHub issue-form sections after the steps are no steps', () => {
    const a = analyseReproSteps({
      description: `### Steps to reproduce\n\n1. Open the dashboard\n2. Expand the sidebar\n3. Resize the window\n\n${formTail}`,
    });
    expect(a.parts.steps).toEqual(['Open the dashboard', 'Expand the sidebar', 'Resize the window']);
  });

  it('issue-form boilerplate after a labelled result is not part of it', () => {
    const a = analyseReproSteps({ description: `### Actual behavior\n\nThe sidebar collapses.\n${formTail}` });
    expect(a.parts.actual).toBe('The sidebar collapses.');
  });

  it.each([
    ['a markdown heading', '## Screenshots and logs'],
    ['a bold line', '**Server log excerpt**'],
    ['a wiki heading', 'h3. Notes from support'],
  ])('%s ends the steps', (_, heading) => {
    const a = analyseReproSteps({ description: `Steps to reproduce:\n1. Open the cart\n2. Click Pay\n${heading}\nThe customer called twice.` });
    expect(a.parts.steps).toEqual(['Open the cart', 'Click Pay']);
  });

  it('a heading is never a line of any section; the text under it is prose again', () => {
    const { sections } = parseSections('Steps:\n1. Open the cart\n### Relevant log output\nboom\n**Context**\nmore');
    const texts = sections.flatMap((s) => s.lines.map((l) => l.text));
    expect(texts).not.toContain('### Relevant log output');
    expect(texts).not.toContain('**Context**');
    expect(sections.map((s) => s.kind)).toEqual(['intro', 'steps', 'body', 'body']);
  });

  it('nested Jira wiki list items ("## sub item" under "# item") stay list items of the steps', () => {
    const a = analyseReproSteps({ description: 'Steps:\n# Open the board\n## Pick the "Team" filter\n# Drag a card' });
    expect(a.parts.steps.length).toBeGreaterThanOrEqual(2);
    expect(a.parts.steps.join(' ')).toContain('Pick the "Team" filter');
  });

  it('a one-hash line in prose (a shell comment) is still read as text', () => {
    const { sections } = parseSections('I run this:\n# telnet example.org 80\nand it hangs');
    expect(sections[0]!.lines.map((l) => l.text)).toContain('# telnet example.org 80');
  });
});

describe('a wiki table with label columns', () => {
  it('"||Expected||Actual||" over a row gives the expected and the actual result, never a step', () => {
    const a = analyseReproSteps({
      description: '*Steps to reproduce*\n# Open a sprint\n# Complete it with open issues\n\n||Expected||Actual||\n|Open issues move to the backlog|Open issues disappear|',
    });
    expect(a.parts.steps).toEqual(['Open a sprint', 'Complete it with open issues']);
    expect(a.parts.expected).toBe('Open issues move to the backlog');
    expect(a.parts.actual).toBe('Open issues disappear');
  });

  it('a table of other columns ends the steps and its rows are prose', () => {
    const a = analyseReproSteps({ description: 'Steps:\n# Open a sprint\n# Complete it\n||Team||Count||\n|Blue|3|' });
    expect(a.parts.steps).toEqual(['Open a sprint', 'Complete it']);
  });
});

describe('issue-form boilerplate is no content', () => {
  it('"_No response_", checkboxes and HTML comments are skipped', () => {
    const a = analyseReproSteps({
      description: [
        '<!-- Please fill in the steps below -->', '## Steps to Reproduce', '<!-- 1. Go to ... -->',
        '1. Open a markdown file with a table', '2. Switch to preview', '',
        '## Expected Behaviour', '<!-- A clear and concise description', 'of what you expected to happen. -->', 'The table renders.', '',
        '## Actual Behaviour', '_No response_', 'Raw pipes are shown.', '- [ ] I searched the existing issues',
      ].join('\n'),
    });
    expect(a.parts.steps).toEqual(['Open a markdown file with a table', 'Switch to preview']);
    expect(a.parts.expected).toBe('The table renders.');
    expect(a.parts.actual).toBe('Raw pipes are shown.');
  });
});

describe('question headings of common templates are labels', () => {
  it("Go's issue form", () => {
    const a = analyseReproSteps({
      description: [
        '### What version of Go are you using (`go version`)?', '', 'go version go1.22.1 linux/amd64', '',
        '### What did you do?', '', 'Ran `go vet ./...` on a module with a cgo dependency.', '',
        '### What did you expect to see?', '', 'No findings.', '',
        '### What did you see instead?', '', 'vet panics with "index out of range".',
      ].join('\n'),
    });
    expect(a.parts.steps).toEqual(['Ran `go vet ./...` on a module with a cgo dependency.']);
    expect(a.parts.expected).toBe('No findings.');
    expect(a.parts.actual).toBe('vet panics with "index out of range".');
    expect(a.parts.build).toBe('go version go1.22.1 linux/amd64');
  });

  it("Kubernetes' reproduce question", () => {
    const a = analyseReproSteps({
      description: '#### What happened?\n\nThe bot replies twice.\n\n#### How can we reproduce it (as minimally and precisely as possible)?\n\nSend `/ping` in any channel.\n\n#### Anything else we need to know?\n\nno',
    });
    expect(a.has.steps).toBe(true);
    expect(a.parts.steps).toEqual(['Send `/ping` in any channel.']);
    expect(a.parts.actual).toBe('The bot replies twice.');
  });

  it("Chromium's plain question lines, the answer on the next line", () => {
    const a = analyseReproSteps({
      description: 'Steps to reproduce the problem:\n1. Open a PDF\n2. Press Ctrl+P\nWhat is the expected behavior?\nThe print preview opens.\nWhat went wrong?\nThe tab crashes.',
    });
    expect(a.parts.steps).toEqual(['Open a PDF', 'Press Ctrl+P']);
    expect(a.parts.expected).toBe('The print preview opens.');
    expect(a.parts.actual).toBe('The tab crashes.');
  });

  it("Google Code's template: a question naming both results is read as prose", () => {
    const a = analyseReproSteps({
      description: 'What steps will reproduce the problem?\n1. Load a GPX file with 10k points\n2. Zoom to level 3\n\nWhat is the expected output? What do you see instead?\nMap should render in under 1 s. It takes 40 s and the tab freezes.\n\nWhat version of the product are you using? On what operating system?\n2.1.0 on Windows 10',
    });
    expect(a.parts.steps).toEqual(['Load a GPX file with 10k points', 'Zoom to level 3']);
    expect(a.parts.expected).toBe('Map should render in under 1 s.');
    expect(a.parts.actual).toBe('It takes 40 s and the tab freezes.');
    expect(a.parts.build).toBe('2.1.0 on Windows 10');
  });

  it.each([
    'What has happened to the filters parameter of Requests 2.0?',
    'Is the problem actually temporary?',
    'What should I do now?',
  ])('a question in prose is not a label: %s', (q) => {
    const { sections } = parseSections(`${q}\nIt worked yesterday.`);
    expect(sections.map((s) => s.kind)).toEqual(['intro']);
  });
});

describe('a template left unfilled', () => {
  const githubDefault = [
    '**Describe the bug**', 'A clear and concise description of what the bug is.', '',
    '**To Reproduce**', 'Steps to reproduce the behavior:', "1. Go to '...'", "2. Click on '....'", "3. Scroll down to '....'", '4. See error', '',
    '**Expected behavior**', 'A clear and concise description of what you expected to happen.', '',
    '**Screenshots**', 'If applicable, add screenshots to help explain your problem.',
  ].join('\n');

  it("GitHub's default bug template, untouched, has no steps, no expected and no actual result", () => {
    const a = analyseReproSteps({ summary: 'Login broken', description: githubDefault });
    expect(a.has).toMatchObject({ steps: false, expected: false, actual: false });
    expect(a.parts.steps).toEqual([]);
    expect(a.verdict).toBe('missing');
    expect(a.score).toBeLessThan(40);
  });

  it('placeholders in angle brackets are no steps and no results', () => {
    const a = analyseReproSteps({ description: 'Steps:\n1. <step one>\n2. <step two>\nExpected: <what should happen>\nActual: <what happens>' });
    expect(a.has).toMatchObject({ steps: false, expected: false, actual: false });
    expect(a.verdict).toBe('missing');
  });

  it('the filled parts of a half-filled template count, its instruction lines do not', () => {
    const a = analyseReproSteps({
      description: githubDefault
        .replace('4. See error', '4. See error\n5. Open Settings > Users\n6. Click "Invite"')
        .replace("1. Go to '...'\n2. Click on '....'\n3. Scroll down to '....'\n", '')
        .replace('what you expected to happen.', 'what you expected to happen.\nThe invite dialog opens.')
        .replace('what the bug is.', 'what the bug is.\nThe page reloads and nothing is shown.'),
    });
    expect(a.parts.steps).toEqual(['See error', 'Open Settings > Users', 'Click "Invite"']);
    expect(a.parts.expected).toBe('The invite dialog opens.');
    expect(a.parts.actual).toBe('The page reloads and nothing is shown.');
  });

  it('"N/A - happens randomly" under the steps label is no step', () => {
    const a = analyseReproSteps({ description: 'Steps to reproduce:\nN/A - happens randomly\n\nExpected: the sync finishes\nActual: sync hangs at 99%' });
    expect(a.parts.steps).toEqual([]);
    expect(a.has.steps).toBe(false);
    expect(a.has).toMatchObject({ expected: true, actual: true });
  });

  it.each(['None of the buttons respond', 'Unknowns are shown as 0'])('a step that merely opens with a to-do word stays: %s', (step) => {
    expect(analyseReproSteps({ description: `Steps:\n1. Open the form\n2. ${step}` }).parts.steps).toContain(step);
  });

  it('a config tag in angle brackets is no placeholder', () => {
    const a = analyseReproSteps({ description: 'Steps:\n1. Add to httpd.conf:\n<Limit GET POST>\n2. Restart the server' });
    expect(a.parts.steps.join('\n')).toContain('<Limit GET POST>');
  });
});

describe('the observed result of a short report and of an empty template', () => {
  it.each(['The app crashes on startup.', 'Saving a draft shows error 500.', 'The total on the invoice is wrong.', 'Page is blank after login.'])(
    'a one-line failure report states the actual result: %s',
    (description) => {
      const a = analyseReproSteps({ description });
      expect(a.has.actual).toBe(true);
      expect(a.parts.actual).toBe(description);
    },
  );

  it.each(['Steps to reproduce:\n1.\n2.\n3.\nExpected result:\nActual result:', 'Steps:\nExpected:\nActual:'])('an empty template states nothing: %j', (description) => {
    expect(analyseReproSteps({ description }).has).toMatchObject({ steps: false, expected: false, actual: false });
  });

  it.each(['Crashes.', 'see title', 'Will add details later.'])('a description that says nothing of its own states no result: %j', (description) => {
    expect(analyseReproSteps({ description }).has.actual).toBe(false);
  });

  it('the shown actual result is the sentence that states the failure, not an intro line', () => {
    const a = analyseReproSteps({ description: 'Happens on the mobile app:\n- Open Settings\n- Tap Notifications\n- Toggle "Email digests" off\nThe toggle is on again and the change is lost.' });
    expect(a.parts.actual).toBe('The toggle is on again and the change is lost.');
  });
});
