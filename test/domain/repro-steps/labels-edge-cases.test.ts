/**
 * Edges of labels and list items found by a held-out audit: task-list checkboxes with real content are list items (only
 * an issue form's own checkboxes are leftovers).
 */
import { analyseReproSteps } from '../../../src/domain/repro-steps';
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
