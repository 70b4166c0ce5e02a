/**
 * Jira's modal layout inside a host modal frame: heading, a body that scrolls, and a footer with the actions on the
 * right, filling the frame the host sized (the host draws backdrop, size and focus trap; this draws the content).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

export function DialogLayout({ title, children, actions }: { title: string; children: ReactNode; actions: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus starts on the first field, else on the first action, as in Jira's dialogs.
    const first = root.current?.querySelector<HTMLElement>('main input, main textarea, main select') ?? root.current?.querySelector<HTMLElement>('footer button:not([disabled])');
    first?.focus();
  }, []);
  return (
    <div ref={root} role="dialog" aria-labelledby="rt-dialog-title" style={{ display: 'flex', flexDirection: 'column', height: '100vh', background: token('elevation.surface.overlay'), color: token('color.text') }}>
      <header style={{ padding: `${token('space.300')} ${token('space.300')} ${token('space.200')}` }}>
        <Heading size="medium" as="h1" id="rt-dialog-title">
          {title}
        </Heading>
      </header>
      <main style={{ flex: 1, overflowY: 'auto', padding: `${token('space.025')} ${token('space.300')}`, font: token('font.body') }}>{children}</main>
      <footer style={{ display: 'flex', justifyContent: 'flex-end', gap: token('space.100'), padding: `${token('space.300')}` }}>{actions}</footer>
    </div>
  );
}

/** A dialog name the app does not know (an old opener, a typo): says so, with a way out. */
export function UnknownDialog({ name, onClose }: { name: string; onClose: () => void }) {
  return (
    <DialogLayout
      title="This dialog is not available"
      actions={
        <Button onClick={onClose}>
          Close
        </Button>
      }
    >
      <p>Release Train has no dialog named “{name}”. Close it and try again from the page.</p>
    </DialogLayout>
  );
}
