import { sharedPresentOrSkip } from '../support/shared-data';

test('a missing ../shared is a skip with a note, or an error under RT_REQUIRE_SHARED=1 (as .ci/run sets)', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(sharedPresentOrSkip('the specs', false, {})).toBe(false);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('the specs not found'));
  expect(() => sharedPresentOrSkip('the specs', false, { RT_REQUIRE_SHARED: '1' })).toThrow(/RT_REQUIRE_SHARED=1 but the specs is missing/);
  expect(sharedPresentOrSkip('the specs', true, { RT_REQUIRE_SHARED: '1' })).toBe(true);
  warn.mockRestore();
});
