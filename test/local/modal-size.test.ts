/** Forge's modal sizes as the host draws them (docs: custom-ui-bridge/modal). */
import { cappedBox, modalBox } from '../../local/shell/modal-size';

test('named sizes follow the Forge docs; unknown or malformed sizes fall back to medium', () => {
  expect(modalBox('small')).toEqual({ width: '400px', height: 'max(20vh, 320px)' });
  expect(modalBox('medium')).toEqual({ width: '600px', height: 'max(40vh, 520px)' });
  expect(modalBox('large')).toEqual({ width: '800px', height: 'max(70vh, 720px)' });
  expect(modalBox('xlarge')).toEqual({ width: '968px', height: '90vh' });
  expect(modalBox('max')).toEqual({ width: '100%', height: '100%' });
  expect(modalBox({ width: '700px', height: '50vh' })).toEqual({ width: '700px', height: '50vh' });
  expect(modalBox({ width: 'calc(1px); background: red' })).toEqual(modalBox('medium'));
  expect(modalBox('huge')).toEqual(modalBox('medium'));
  expect(modalBox(undefined)).toEqual(modalBox('medium'));
  expect(cappedBox(modalBox('large'))).toEqual({ width: 'min(800px, calc(100vw - 40px))', height: 'min(max(70vh, 720px), calc(100vh - 120px))' });
});
