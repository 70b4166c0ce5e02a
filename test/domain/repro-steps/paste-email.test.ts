/**
 * L2 support pastes customer e-mails into the field's editor. The mail's greeting, sign-off, signature, reply and forward
 * headers, quoted lines and legal disclaimers are no step and no result; neither is the agent's own question. A bullet
 * that states the failure under bullets of actions is the actual result. Nothing of the report's substance is lost: what
 * the split puts nowhere is listed by unplacedSentences.
 */
import { analyseReproSteps, splitIntoSteps, unplacedSentences } from '../../../src/domain/repro-steps';
import { readPastedMail } from '../../../src/domain/repro-steps/pasted-mail';
import { unwrapHardWraps } from '../../../src/domain/repro-steps/split-steps';
import type { ReproStepsFieldValue } from '../../../src/domain/repro-steps/types';

/** Everything the split put into the field, as one text. */
const inValue = (v: ReproStepsFieldValue): string => [...v.steps, v.preconditions, v.expected, v.actual, v.environment, v.build, v.frequency].filter(Boolean).join('\n');
const codes = (v: ReproStepsFieldValue): string[] => analyseReproSteps({ summary: 'Bug', field: v }).findings.map((f) => f.code);

describe('a pasted e-mail: the mail around the report is left out', () => {
  const mail = `Hi team,

I hope you're well. Our customer Initech reports that when they open the
invoice list and filter by "Overdue", then export it as CSV, the file only
holds the first 50 rows. They have 212 overdue invoices.

The export should contain every row of the filtered list.

Could you please check what is going on? Can you advise?

Best regards,
Marta Kowalski
Customer Success Manager | Acme Corp
+44 20 7946 0000
www.acme.example

Sent from my iPhone

This email and any attachments are confidential and intended solely for the
addressee. If you are not the intended recipient, please notify the sender
immediately and delete it.`;

  it('keeps greeting, pleasantries, sign-off, signature, "Sent from my iPhone" and the disclaimer out of the value', () => {
    const v = splitIntoSteps(mail);
    const text = inValue(v);
    for (const furniture of ['Hi team', 'hope', 'Best regards', 'Marta', 'Customer Success', '7946', 'acme.example', 'iPhone', 'confidential', 'intended recipient', 'Could you', 'advise'])
      expect(text).not.toContain(furniture);
    expect(v.steps.length).toBeGreaterThan(0);
    expect(v.expected).toBe('The export should contain every row of the filtered list.');
    expect(text).toContain('only holds the first 50 rows');
  });

  it('does not list them as unplaced either; the report itself is placed or listed', () => {
    const v = splitIntoSteps(mail);
    const unplaced = unplacedSentences(mail, v);
    expect(unplaced.join('\n')).not.toMatch(/Hi team|hope|regards|Marta|Manager|7946|iPhone|confidential|recipient|Could you|advise/);
    // Every substantive sentence of the body is in the value or in the unplaced list.
    const all = `${inValue(v)}\n${unplaced.join('\n')}`;
    for (const fact of ['Initech', 'Overdue', '50 rows', '212 overdue invoices', 'every row']) expect(all).toContain(fact);
  });

  it('reads "Dear support," / "Hello Anna," / "Kind regards" / "Cheers, Leo" / "Thanks," the same way', () => {
    for (const [greeting, signOff] of [['Dear support,', 'Kind regards'], ['Hello Anna,', 'Cheers, Leo'], ['Hey all', 'Thanks,\nPriya']]) {
      const text = `${greeting}\n\n1. Open the billing page\n2. Click Download invoice\n\nThe page shows "Invoice not found".\nIt should download the PDF.\n\n${signOff}`;
      const v = splitIntoSteps(text);
      expect(v.steps).toEqual(['Open the billing page', 'Click Download invoice']);
      expect(v.expected).toBe('It should download the PDF.');
      expect(inValue(v)).not.toMatch(/Dear|Hello|Hey|regards|Cheers|Leo|Thanks|Priya/);
      expect(unplacedSentences(text, v)).toEqual([]);
    }
  });

  it('drops the greeting in front of the first sentence ("Hi, since Friday …") and a sign-off sentence ("Thanks, Ben")', () => {
    const text = 'Hi, since Friday the scheduled report arrives empty. It should list last week\'s orders. Thanks, Ben';
    const v = splitIntoSteps(text);
    expect(inValue(v)).not.toMatch(/\bHi\b|Thanks|Ben/);
    expect(inValue(v)).toContain('Since Friday the scheduled report arrives empty');
    expect(v.expected).toBe("It should list last week's orders.");
  });

  it('keeps a P.S. under the signature, and a short line under a sign-off that states a result', () => {
    const text = 'Hi,\n\n1. Open the cart\n2. Apply the coupon SAVE10\n\nThe total ignores the discount.\n\nThanks,\nMarta\nthe checkout page also crashes after that\n\nP.S. When I pay with PayPal the discount is applied.';
    const v = splitIntoSteps(text);
    const all = `${inValue(v)}\n${unplacedSentences(text, v).join('\n')}`;
    expect(all).toContain('the checkout page also crashes after that');
    expect(all).toContain('PayPal');
    expect(all).not.toContain('Marta');
    // A paragraph after the signature block is the report again unless it is contact details.
    const later = 'The export fails.\n\nThanks, Michal\n\nCDT layout\n\nThis article was reassigned from the test cases.\n\nwww.acme.example | +44 20 7946 0000';
    const w = splitIntoSteps(later);
    const listedToo = `${inValue(w)}\n${unplacedSentences(later, w).join('\n')}`;
    expect(listedToo).toContain('This article was reassigned');
    expect(listedToo).not.toMatch(/Michal|acme|7946/);
    // A link further down is as often the page the bug is on.
    const link = 'The votes are subtracted twice.\nThanks\n\nOur page is below.\nhttps://app.example/pages/149166\n\nBest regards,\nCheryl';
    const l = splitIntoSteps(link);
    expect(`${inValue(l)}\n${unplacedSentences(link, l).join('\n')}`).toContain('https://app.example/pages/149166');
  });
});

describe('quoted replies', () => {
  it('leaves a Gmail reply header (wrapped) and its "> …" lines out of the steps; quoted content may be listed', () => {
    const text = `Thanks, here is more detail.

On Tue, 3 Mar 2026 at 10:12, Anna Berg <anna.berg@acme.example>
wrote:
> Does it also happen for users who log in with a password?
> Best, Anna

Sure:
1. Log in with SSO
2. Open Settings > Notifications
3. Turn off "Weekly digest" and click Save

The setting is not saved: after a reload the toggle is on again. It should stay off.

Kind regards
Leo`;
    const v = splitIntoSteps(text);
    expect(v.steps).toEqual(['Log in with SSO', 'Open Settings > Notifications', 'Turn off "Weekly digest" and click Save']);
    expect(v.expected).toBe('It should stay off.');
    expect(v.actual).toContain('The setting is not saved');
    expect(inValue(v)).not.toMatch(/wrote|Anna|password|Thanks|Sure|Kind regards|Leo/);
    const unplaced = unplacedSentences(text, v);
    expect(unplaced).toEqual(['Does it also happen for users who log in with a password?']);
  });

  it('leaves an Outlook "-----Original Message-----" thread with its From/Sent/To/Subject headers out of the value', () => {
    const text = `Hello,

when we import a CSV with 10,001 rows the import stops at row 10,000 without any
message. We expected all rows to be imported.

Regards,
Tom Jansen
Head of IT | Globex

-----Original Message-----
From: Support <support@acme.example>
Sent: Monday, March 2, 2026 9:14 AM
To: Tom Jansen <tom@globex.example>
Subject: RE: CSV import

Dear Tom, could you send us the exact size of the file you import?`;
    const v = splitIntoSteps(text);
    const value = inValue(v);
    expect(value).toContain('10,001 rows');
    expect(value).not.toMatch(/Original Message|From:|Sent:|Subject|Tom|Globex|exact size/);
    const unplaced = unplacedSentences(text, v);
    expect(unplaced.join('\n')).not.toMatch(/Original Message|From:|Sent:|Subject|Regards|Head of IT/);
  });

  it('reads the quoted mail when the reply itself states nothing ("Any update on this?")', () => {
    const text = `Any update on this?

Thanks,
Tom

On Mon, 2 Mar 2026 at 09:14, Tom Jansen <tom@globex.example> wrote:
> Hi,
> 1. Open Reports > Scheduled
> 2. Create a weekly report for "Sales EU"
> 3. Wait for Monday 08:00
> The mail arrives with an empty table. It should list last week's orders.
> Regards, Tom`;
    const v = splitIntoSteps(text);
    expect(v.steps).toEqual(['Open Reports > Scheduled', 'Create a weekly report for "Sales EU"', 'Wait for Monday 08:00']);
    expect(v.actual).toBe('The mail arrives with an empty table.');
    expect(v.expected).toBe("It should list last week's orders.");
    expect(inValue(v)).not.toMatch(/update|Thanks|Tom|wrote|Hi,|Regards/);
    expect(unplacedSentences(text, v)).toEqual([]);
  });

  it('reads a forwarded mail (marker and headers dropped) as the report', () => {
    const text = `---------- Forwarded message ---------
From: John Smith <john@globex.example>
Date: Mon, Dec 2, 2024 at 9:14 AM
Subject: Reports not loading
To: support@acme.example

Hello,
1. Open Reports
2. Click "Monthly revenue"

The chart stays blank.

Regards
John

--
Sent from my iPhone`;
    const v = splitIntoSteps(text);
    expect(v.steps).toEqual(['Open Reports', 'Click "Monthly revenue"']);
    expect(v.actual).toBe('The chart stays blank.');
    expect(inValue(v)).not.toMatch(/Forwarded|From:|Date:|Subject|John|Regards|iPhone/);
    expect(unplacedSentences(text, v)).toEqual([]);
  });

  it('keeps "> " shell prompts and a "--" line in a greeted paste that holds no reply header', () => {
    const text = 'Hi all.\n\n1. Open a terminal\n2. Run:\n\n# curl -F access_token=TOKEN \\\n> -F source=@f \\\n> https://graph.example/PAGE_ID/photos\n\n<script>\n<!\n--\nfunction test() { post(); }\n</script>\n\nYou get an unknown error.';
    const mail = readPastedMail(text);
    expect(mail.quoted).toBe('');
    expect(mail.body).toContain('> -F source=@f');
    expect(mail.body).toContain('function test() { post(); }');
    expect(mail.body).not.toContain('Hi all');
  });

  it('keeps a markdown blockquote in a paste that is no mail', () => {
    const text = '1. Open the cart\n2. Click Pay\n\nThe page shows:\n> Payment provider unavailable (code 17)';
    expect(readPastedMail(text)).toEqual({ body: text, quoted: '' });
    const v = splitIntoSteps(text);
    expect(`${inValue(v)}\n${unplacedSentences(text, v).join('\n')}`).toContain('Payment provider unavailable');
  });
});

describe("the support agent's own question", () => {
  it('is no step: "Could you please check what is going on?", "Can you advise?", "This is blocking their month-end."', () => {
    const text = 'The nightly sync stops at 02:00 with error 504.\nCould you please check what is going on? This is blocking their month-end.\nCan you advise?';
    const v = splitIntoSteps(text);
    expect(inValue(v)).not.toMatch(/Could you|advise|blocking/);
    expect(inValue(v)).toContain('error 504');
    // The impact carries content words and is listed; the bare request is not.
    expect(unplacedSentences(text, v)).toEqual(['This is blocking their month-end.']);
  });

  it('is no step either when it carries content, and is then listed', () => {
    const text = '- open the invoice INV-2231\n- click Recalculate\n\nCould you check why the VAT line is missing on Austrian invoices?';
    const v = splitIntoSteps(text);
    expect(v.steps).toEqual(['open the invoice INV-2231', 'click Recalculate']);
    expect(unplacedSentences(text, v)).toEqual(['Could you check why the VAT line is missing on Austrian invoices?']);
  });
});

describe('a bullet that states the failure under bullets of actions', () => {
  const text = `Hi Anna,

the customer sent these steps:
- log in as a regular user
- add two items to the cart
- apply the coupon SAVE10
- the invoice total is wrong (it still shows 40.00)

It should be 36.00.

Cheers,
Leo`;

  it('is the actual result, not a step; the field check then does not say MISSING_ACTUAL', () => {
    const v = splitIntoSteps(text);
    expect(v.steps).toEqual(['log in as a regular user', 'add two items to the cart', 'apply the coupon SAVE10']);
    expect(v.actual).toBe('the invoice total is wrong (it still shows 40.00)');
    expect(v.expected).toBe('It should be 36.00.');
    expect(codes(v)).not.toContain('MISSING_ACTUAL');
  });

  it('also when a step verb is one the cues do not list ("rotate to landscape …")', () => {
    const v = splitIntoSteps('- open the app on iPad\n- rotate to landscape while the editor is open\n- the keyboard covers the text field and you can\'t scroll');
    expect(v.steps).toEqual(['open the app on iPad', 'rotate to landscape while the editor is open']);
    expect(v.actual).toBe("the keyboard covers the text field and you can't scroll");
  });

  it('stays a step under an "Actual:" label, in a list of symptoms only, and in a list of actions only', () => {
    const labelled = splitIntoSteps('- open the cart\n- apply the coupon\n- the total is wrong\nActual: the total shows 40.00');
    expect(labelled.steps).toEqual(['open the cart', 'apply the coupon', 'the total is wrong']);
    expect(labelled.actual).toBe('the total shows 40.00');
    const symptoms = splitIntoSteps('- the invoice total is wrong\n- the VAT line is missing\n- the PDF is blank');
    expect(symptoms.steps).toEqual(['the invoice total is wrong', 'the VAT line is missing', 'the PDF is blank']);
    // A failure item before an action: a list of findings, not steps ending in the result.
    expect(splitIntoSteps("1 missing build options\n2 Build OK\n3 Apache won't start").steps).toEqual(['missing build options', 'Build OK', "Apache won't start"]);
    expect(splitIntoSteps('- open app\n- tap login\n- enter a wrong password').steps).toEqual(['open app', 'tap login', 'enter a wrong password']);
  });
});

describe('hard wraps', () => {
  it('a line opening with a quote continues the open line above it', () => {
    expect(unwrapHardWraps('but the web still lists it under\n"Waiting for approval".')).toBe('but the web still lists it under "Waiting for approval".');
    expect(unwrapHardWraps('It fails.\n"Retry" does nothing')).toBe('It fails.\n"Retry" does nothing');
  });
});

// Speed lives in `npm run bench` (bench/repro-steps.bench.ts), not in a timed test: this only checks the big paste is read whole.
describe('a 100 KB pasted mail thread', () => {
  it('is read: the greeting, sign-off and quoted thread of every copy stay out of the unplaced list', () => {
    const one = `Hi team,\n\nI hope you're well. Our customer reports that when they open the\ninvoice list and filter by "Overdue", the export only holds 50 rows.\n- open the list\n- export it\n- the file is wrong\n\nIt should hold every row.\n\nCould you please check?\n\nBest regards,\nMarta\n+44 20 7946 0000\n\nThis email is confidential and intended solely for the addressee.\n\nOn Tue, 3 Mar 2026 at 10:12, Anna <a@b.example> wrote:\n> Can you send the steps?\n\n-----Original Message-----\nFrom: A\nSent: today\nSubject: x\n\n`;
    let big = '';
    while (big.length < 100_000) big += one;
    big = big.slice(0, 100_000);
    const unplaced = unplacedSentences(big, splitIntoSteps(big));
    expect(unplaced.some((u) => /Best regards|Hi team|Original Message/.test(u))).toBe(false);
  });
});
