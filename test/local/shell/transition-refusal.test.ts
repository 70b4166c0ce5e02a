import { refusalBanner, refusalSegments } from '../../../local/shell/transition-refusal';

const FIELDS = ['Reproduction steps', 'Documentation impact', 'Repro steps confirmed', 'Summary'];

describe('refusalSegments: the fields a refusal names become links', () => {
  test("the repro-steps refusal links 'Reproduction steps' and keeps the rest as text", () => {
    const line = "Edit the field 'Reproduction steps': Add the expected result. This bug is in L2; L2 support completes the reproduction steps before it moves on.";
    const segments = refusalSegments(line, FIELDS);
    expect(segments).toEqual([
      { text: 'Edit the field ' },
      { field: 'Reproduction steps', text: "'Reproduction steps'" },
      { text: ': Add the expected result. This bug is in L2; L2 support completes the reproduction steps before it moves on.' },
    ]);
    // Nothing lost: the segments read as the message.
    expect(segments.map((s) => s.text).join('')).toBe(line);
  });

  test('several fields in one line are each linked, in order', () => {
    const line = "Still to do: (1) answer the documentation impact with the field 'Documentation impact'; (2) confirm the reproduction steps with the field 'Repro steps confirmed'.";
    expect(refusalSegments(line, FIELDS).filter((s) => 'field' in s).map((s) => ('field' in s ? s.field : ''))).toEqual(['Documentation impact', 'Repro steps confirmed']);
  });

  test('a quoted status or an unknown field is not linked; a name without the word "field" is not either', () => {
    expect(refusalSegments("Move to 'Triage' refused. Use the field 'Severity'.", FIELDS)).toEqual([{ text: "Move to 'Triage' refused. Use the field 'Severity'." }]);
    expect(refusalSegments("Fill 'Reproduction steps' first.", FIELDS)).toEqual([{ text: "Fill 'Reproduction steps' first." }]);
    expect(refusalSegments("Edit the field 'Reproduction steps'.", [])).toEqual([{ text: "Edit the field 'Reproduction steps'." }]);
  });

  test('a field name with regex characters matches literally; the longer of two overlapping names wins', () => {
    expect(refusalSegments("Set the field 'Build (RC)'.", ['Build (RC)'])).toEqual([{ text: 'Set the field ' }, { field: 'Build (RC)', text: "'Build (RC)'" }, { text: '.' }]);
    expect(refusalSegments("Set the field 'Repro steps confirmed'.", ['Repro steps', 'Repro steps confirmed']).find((s) => 'field' in s)).toEqual({ field: 'Repro steps confirmed', text: "'Repro steps confirmed'" });
    expect(refusalSegments("Set the field 'Build RC'.", ['Build (RC)'])).toEqual([{ text: "Set the field 'Build RC'." }]);
  });
});

describe('refusalBanner', () => {
  test("the app's first sentence is the title; other messages get 'Move to <status> refused'", () => {
    expect(refusalBanner('Triage', ["Move to 'Triage' refused: reproduction steps are missing the expected result. Edit the field 'Reproduction steps'."])).toEqual({
      title: "Move to 'Triage' refused: reproduction steps are missing the expected result",
      messages: ["Edit the field 'Reproduction steps'."],
    });
    expect(refusalBanner('Done', ['You do not have permission.'])).toEqual({ title: "Move to 'Done' refused", messages: ['You do not have permission.'] });
  });
});
