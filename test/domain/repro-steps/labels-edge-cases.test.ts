/**
 * Edges of labels and list items found by a held-out audit: task-list checkboxes with real content are list items (only
 * an issue form's own checkboxes are leftovers), and Jira wiki colour / underline markup does not hide a label.
 */
import { analyseReproSteps } from '../../../src/domain/repro-steps';
import { matchLabel } from '../../../src/domain/repro-steps/labels';
import { parseSections } from '../../../src/domain/repro-steps/parse-sections';

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
