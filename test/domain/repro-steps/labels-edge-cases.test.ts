/**
 * Edges of labels and list items found by a held-out audit: task-list checkboxes with real content are list items (only
 * an issue form's own checkboxes are leftovers), Jira wiki colour / underline markup does not hide a label, and a
 * number after a one-line "Preconditions:" label does not turn the list under it into more preconditions.
 */
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { matchLabel } from '../../../src/domain/repro-steps/labels';
import { parseSections } from '../../../src/domain/repro-steps/parse-sections';

const kinds = (text: string) => parseSections(text).sections.map((s) => s.kind);
const texts = (text: string) => parseSections(text).sections.map((s) => s.lines.map((l) => l.text));

describe('task-list checkboxes', () => {
  it('an unticked task list with real content is the steps', () => {
    const a = analyseReproSteps({
      description: '- [ ] open settings\n- [ ] toggle "Compact mode"\n- [ ] reload\n\nCompact mode turns itself off after reload.',
    });
    expect(a.has.steps).toBe(true);
    expect(a.parts.steps).toEqual(['open settings', 'toggle "Compact mode"', 'reload']);
  });

  it('ticked and unticked items under a steps label are its steps, without the box', () => {
    const a = analyseReproSteps({ description: 'Steps:\n- [x] Open settings\n* [X] Toggle Compact mode\n+ [ ] Reload\nExpected: still on\nActual: off' });
    expect(a.parts.steps).toEqual(['Open settings', 'Toggle Compact mode', 'Reload']);
  });

  it("an issue form's own checkboxes are still no content", () => {
    const form = [
      "- [x] I agree to follow this project's Code of Conduct", '- [X] I have searched the existing issues',
      "- [ ] I've searched the existing issues", '- [x] I have read the FAQ', '- [x] I confirm this is not a duplicate',
      '- [x] This happens on the latest version', '- [ ] I searched the existing issues',
    ];
    expect(texts(form.join('\n'))).toEqual([[]]);
    const a = analyseReproSteps({ description: `## Steps\n1. Open a file\n2. Save it\n## Expected\nSaved\n## Actual\nCrash\n${form.join('\n')}` });
    expect(a.parts).toMatchObject({ steps: ['Open a file', 'Save it'], expected: 'Saved', actual: 'Crash' });
  });

  it('a task item is read as the plain list item', () => {
    expect(texts('- [ ] open settings\n- [x] reload')).toEqual([['- open settings', '- reload']]);
  });
});

describe('Jira wiki markup around a label', () => {
  it('colour tags in a wiki heading', () => {
    const a = analyseReproSteps({
      description:
        'h4. Steps\n# Log in as viewer\n# Open RT-100\n# Press e\n\nh4. {color:#de350b}Actual{color}\nThe edit dialog opens.\n\nh4. {color:#36b37e}Expected{color}\nEditing is refused.',
    });
    expect(a.parts).toMatchObject({ steps: ['Log in as viewer', 'Open RT-100', 'Press e'], actual: 'The edit dialog opens.', expected: 'Editing is refused.' });
    expect(a.findings.map((f) => f.code)).not.toContain('MISSING_ACTUAL');
    expect(a.findings.map((f) => f.code)).not.toContain('MISSING_EXPECTED');
  });

  it('colour inside or outside bold, with the text on the same line', () => {
    const a = analyseReproSteps({
      description: '*Steps*\n# Log in as viewer\n# Open RT-100\n\n*{color:red}Expected:{color}* Editing is refused.\n{color:green}*Actual:*{color} The edit dialog opens.',
    });
    expect(a.parts).toMatchObject({ expected: 'Editing is refused.', actual: 'The edit dialog opens.' });
  });

  it('underline, italic and a coloured value', () => {
    expect(matchLabel('+Expected:+ Editing is refused.')).toEqual({ kind: 'expected', rest: 'Editing is refused.' });
    expect(matchLabel('+Actual+')).toEqual({ kind: 'actual', rest: '' });
    expect(matchLabel('_Expected:_ refused')).toEqual({ kind: 'expected', rest: 'refused' });
    expect(matchLabel('Actual: {color:red}The dialog opens{color}')).toEqual({ kind: 'actual', rest: 'The dialog opens' });
  });

  it('a sign after the colon stays', () => {
    expect(matchLabel('Expected: +5 points')).toEqual({ kind: 'expected', rest: '+5 points' });
  });

  it('a coloured line that is no label stays no label', () => {
    expect(matchLabel('{color:red}The dialog opens{color}')).toBeNull();
  });
});

describe('a number after a one-line preconditions label', () => {
  const text = 'Preconditions: 30 issues in the filter\n1. Select all\n2. Confirm\nExpected: all changed\nActual: 20 changed';

  it('the numbered list under it is the steps, and its text stays whole', () => {
    expect(kinds(text)).toEqual(['intro', 'preconditions', 'steps', 'expected', 'actual']);
    expect(texts(text)[1]).toEqual(['30 issues in the filter']);
    const a = analyseReproSteps({ description: text });
    expect(a.parts.steps).toEqual(['Select all', 'Confirm']);
    expect(a.parts.preconditions).not.toContain('Select all');
  });

  it('also after a blank line and with a wiki numbered list', () => {
    expect(analyseReproSteps({ description: text.replace('\n1.', '\n\n1.') }).parts.steps).toEqual(['Select all', 'Confirm']);
    expect(analyseReproSteps({ description: text.replace('1.', '#').replace('2.', '#') }).parts.steps).toEqual(['Select all', 'Confirm']);
  });

  it('a preconditions label alone on its line keeps the list under it', () => {
    const bullets = 'Preconditions:\n- 30 issues in the filter\n- logged in as admin\n\nSteps:\n1. Select all\n2. Confirm';
    expect(kinds(bullets)).toEqual(['intro', 'preconditions', 'steps']);
    expect(analyseReproSteps({ description: bullets }).parts.preconditions).toBe('30 issues in the filter\nlogged in as admin');
    expect(kinds('Preconditions:\n1. an admin account\n2. a project\nExpected: x\nActual: y')).toEqual(['intro', 'preconditions', 'expected', 'actual']);
  });

  it('a label that introduces its list, or opens it, keeps the list', () => {
    expect(kinds('Preconditions: the account has:\n1. two cards\n2. a plan')).toEqual(['intro', 'preconditions']);
    expect(kinds('Preconditions: 1. an admin account\n2. a project')).toEqual(['intro', 'preconditions']);
  });
});
