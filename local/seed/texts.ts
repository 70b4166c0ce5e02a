/** Bug summaries and repro-step material per component, combined deterministically into ~150 distinct bugs. */
import type { ComponentName } from './project';

export type BugText = { summary: string; steps: string[]; expected: string; actual: string; env: string };

type Area = { subjects: string[]; problems: Array<[string, string, string]>; contexts: Array<[string, string]>; envs: string[]; start: string };

/** problems: [summary phrase, expected, actual]; contexts: [summary phrase, extra step]. */
const areas: Record<ComponentName, Area> = {
  Checkout: {
    start: 'Open the web shop and add two items to the cart',
    subjects: ['Order total', 'Promo code field', 'Shipping estimate', 'Place order button', 'Cart badge count'],
    problems: [
      ['shows the wrong amount', 'The total reflects every discount and the shipping fee.', 'The total ignores the discount and is 10.00 too high.'],
      ['is not updated', 'The value updates as soon as the cart changes.', 'The old value stays until the page is reloaded.'],
      ['fails with a 500 error', 'The order is placed and the confirmation page opens.', 'A red banner says "Something went wrong" and the API returns 500.'],
      ['is disabled', 'The control is enabled once the form is valid.', 'It stays greyed out although every field is filled in.'],
    ],
    contexts: [['after applying a gift card', 'Apply gift card GC-TEST-25 at checkout'], ['for guest users', 'Log out and continue as a guest'], ['when the cart has more than 50 items', 'Increase the quantity of the first item to 51'], ['on Safari 17', 'Repeat in Safari 17 on macOS']],
    envs: ['Chrome 131 on Windows 11, web build 4.2.0 (1187)', 'Safari 17.6 on macOS 14.6, web build 4.3.0-rc.1 (1203)', 'Firefox 133 on Ubuntu 24.04, staging build 4.3.0 (1210)'],
  },
  Search: {
    start: 'Open the search page',
    subjects: ['Search results', 'Autocomplete list', 'Filter sidebar', 'Result count', 'Sort by price'],
    problems: [
      ['return items from a hidden category', 'Only visible categories appear in the results.', 'Archived items from the hidden category appear on page one.'],
      ['are empty', 'Matching products are listed.', 'The page says "No results" for a product that exists.'],
      ['take more than 10 seconds', 'Results appear within one second.', 'The spinner runs for 10\u201315 seconds before results show.'],
      ['ignore accented characters', '"creme" also finds "crème".', 'Only the exact spelling is found.'],
    ],
    contexts: [['when the query has a trailing space', 'Type "running shoes " with a trailing space and press Enter'], ['after changing the language to German', 'Switch the language to Deutsch in the footer'], ['on page 2 and later', 'Go to page 2 of the results'], ['for queries with quotes', 'Search for "red \\"summer\\" dress"']],
    envs: ['Chrome 131 on macOS 14, web build 4.2.0 (1187)', 'Edge 131 on Windows 10, web build 4.3.0-rc.1 (1203)', 'Android app 4.3.0 (3410) on Pixel 8, Android 15'],
  },
  Accounts: {
    start: 'Sign in with the test account qa+accounts@demo.local',
    subjects: ['Password reset email', 'Profile photo upload', 'Two-factor prompt', 'Session timeout', 'Email change'],
    problems: [
      ['is never sent', 'The email arrives within a minute.', 'Nothing arrives, even after 30 minutes; the log shows no send.'],
      ['logs the user out', 'The user stays signed in.', 'The user is sent back to the sign-in page and loses the form.'],
      ['accepts an invalid value', 'An inline error explains what is wrong.', 'The invalid value is saved and breaks the profile page.'],
      ['shows another user\u2019s data', 'Only the signed-in user\u2019s data is shown.', 'The name and email of a different customer are shown briefly.'],
    ],
    contexts: [['for SSO users', 'Sign in through the company SSO instead'], ['after 15 minutes of inactivity', 'Leave the tab idle for 15 minutes'], ['when the email has a plus sign', 'Use an address with a plus sign, e.g. a+b@demo.local'], ['on the iOS app', 'Repeat in the iOS app']],
    envs: ['iOS app 4.2.0 (3388) on iPhone 14, iOS 17.5', 'Chrome 131 on Windows 11, web build 4.3.0-rc.1 (1203)', 'Firefox 133 on macOS 14, staging build 4.3.0 (1210)'],
  },
  Payments: {
    start: 'Put one item in the cart and go to payment',
    subjects: ['Card payment', 'Refund', 'PayPal redirect', 'Invoice PDF', 'Currency conversion'],
    problems: [
      ['is charged twice', 'The card is charged once.', 'Two identical charges appear in the PSP dashboard.'],
      ['times out', 'The payment completes within a few seconds.', 'After 30 seconds the page says "Payment timed out" but the charge goes through.'],
      ['uses the wrong currency', 'Amounts are shown in the shop currency.', 'Amounts are shown in USD for EUR shops.'],
      ['is missing the VAT line', 'The VAT amount is listed separately.', 'The VAT line is missing and the total is off by the VAT.'],
    ],
    contexts: [['when 3-D Secure is required', 'Pay with the 3DS test card 4000 0027 6000 3184'], ['after a browser back navigation', 'Press the browser back button on the confirmation page, then pay again'], ['for orders over 1,000 EUR', 'Increase the quantity until the total is over 1,000 EUR'], ['with a saved card', 'Choose the saved Visa card ending 4242']],
    envs: ['Chrome 131 on Windows 11, web build 4.2.0 (1187), PSP sandbox', 'Safari on iOS 17.5, web build 4.3.0-rc.1 (1203)', 'Android app 4.3.0 (3410), Android 14, Samsung S23'],
  },
  Mobile: {
    start: 'Open the Android app and sign in',
    subjects: ['App', 'Push notification', 'Offline banner', 'Dark mode', 'Barcode scanner'],
    problems: [
      ['crashes on launch', 'The home screen opens.', 'The app closes immediately; Crashlytics shows a NullPointerException in HomeViewModel.'],
      ['opens the wrong screen', 'The order detail screen opens.', 'The app opens the home screen instead.'],
      ['drains the battery', 'Battery use stays below 2% per hour in the background.', 'The app uses 15% per hour in the background.'],
      ['renders text off-screen', 'All text fits on screen.', 'The last line of text is cut off at the right edge.'],
    ],
    contexts: [['after updating from 4.1', 'Install 4.1.3, sign in, then update to the new build'], ['when the device is in landscape', 'Rotate the device to landscape'], ['with large system font', 'Set the system font size to the largest setting'], ['on Android 15', 'Repeat on a device running Android 15']],
    envs: ['Android app 4.3.0 (3410) on Pixel 8, Android 15', 'iOS app 4.2.0 (3388) on iPhone 13 mini, iOS 17.4', 'Android app 4.3.0-rc.1 (3402) on Samsung A54, Android 14'],
  },
  API: {
    start: 'Get a token for the partner test client',
    subjects: ['GET /v2/orders', 'Webhook delivery', 'Rate limiter', 'POST /v2/customers', 'OpenAPI spec'],
    problems: [
      ['returns 500 instead of 400', 'A 400 with a validation message is returned.', 'A 500 Internal Server Error with an empty body is returned.'],
      ['drops the last page', 'All pages can be fetched with the cursor.', 'The last page is never returned; the cursor is null one page early.'],
      ['sends duplicate events', 'Each event is delivered once.', 'Each event is delivered two or three times within a second.'],
      ['ignores the If-Match header', 'A stale ETag gets 412 Precondition Failed.', 'The update is applied and overwrites newer data.'],
    ],
    contexts: [['when the page size is 100', 'Call it with limit=100'], ['under load', 'Send 50 requests per second for one minute'], ['for customers created before 2024', 'Use customer id 1002 (created 2023)'], ['with a UTF-8 name', 'Use the name "Zoë Ångström"']],
    envs: ['Staging API build 4.3.0 (api-2210), partner sandbox', 'Production API 4.2.0 (api-2188), EU region', 'Staging API build 4.3.0-rc.1 (api-2201)'],
  },
};

/** Every combination for a component, shuffled by the caller. */
export function textsFor(component: ComponentName): BugText[] {
  const a = areas[component];
  const out: BugText[] = [];
  a.subjects.forEach((subject, si) =>
    a.problems.forEach(([phrase, expected, actual], pi) =>
      a.contexts.forEach(([context, step], ci) => {
        const plural = /s$/.test(subject) && !/ss$/.test(subject);
        const verb = plural ? phrase.replace(/^is /, 'are ').replace(/^fails /, 'fail ').replace(/^shows /, 'show ') : phrase.replace(/^return /, 'returns ').replace(/^are /, 'is ').replace(/^take /, 'takes ').replace(/^ignore /, 'ignores ');
        out.push({
          summary: `${subject} ${verb} ${context}`,
          steps: [a.start, step, `Use the ${subject.toLowerCase()}`, 'Observe the result'],
          expected,
          actual,
          env: a.envs[(si + pi + ci) % a.envs.length]!,
        });
      }),
    ),
  );
  return out;
}

export const storyTexts = [
  'Show the delivery date on the order confirmation',
  'Let customers save more than one address',
  'Add Apple Pay to the checkout',
  'Search suggestions for misspelled product names',
  'Export invoices as CSV for business accounts',
  'Dark mode for the Android app',
];
export const taskTexts = ['Upgrade the payment SDK to v5', 'Rotate the partner API signing keys', 'Remove the legacy v1 search endpoint', 'Add alerts for checkout error rate'];
