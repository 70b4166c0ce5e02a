import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import AkEmptyState from '@atlaskit/empty-state';
import AkLozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { Fail } from '@rt/contracts';

/**
 * Shared building blocks so every app shows loading, empty and error states the same way: thin wrappers over
 * Atlaskit (Spinner, EmptyState, SectionMessage, Lozenge) that keep the app's own vocabulary (`kind`) and the
 * live-region roles the apps and their tests rely on.
 */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite">
      <Inline space="space.100" alignBlock="center">
        <Spinner size="small" />
        <Text color="color.text.subtle">{label}</Text>
      </Inline>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return <AkEmptyState header={title} headingLevel={3} headingSize="xsmall" width="narrow" description={children} />;
}

const RETRYABLE = ['JIRA_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL', 'CONFLICT'];

/** A resolver failure: its message, the field issues when the input was refused, and a retry when it helps. */
export function ErrorBanner({ error, onRetry }: { error: Fail | string; onRetry?: () => void }) {
  const failure = typeof error === 'string' ? { message: error, code: 'INTERNAL', issues: undefined } : error;
  return (
    <div role="alert">
      <Box paddingBlock="space.100">
        <SectionMessage appearance="error">
          <Stack space="space.100">
            <div>{failure.message}</div>
            {failure.issues && failure.issues.length > 0 ? (
              <ul>
                {failure.issues.map((i) => (
                  <li key={`${i.path}:${i.message}`}>
                    <code>{i.path}</code>: {i.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {onRetry && RETRYABLE.includes(failure.code) ? (
              <Inline>
                <Button onClick={onRetry}>Try again</Button>
              </Inline>
            ) : null}
          </Stack>
        </SectionMessage>
      </Box>
    </div>
  );
}

const messageAppearance = { success: 'success', warning: 'warning', info: 'information', error: 'error' } as const;

/**
 * A section message. `live={false}`: not a live region, for a banner whose content is long or changes as the user
 * types (the app then announces a short status of its own instead of the whole banner on every change).
 */
export function Banner({ kind, children, live = true }: { kind: 'success' | 'warning' | 'info' | 'error'; children: ReactNode; live?: boolean }) {
  return (
    <div role={live ? (kind === 'error' ? 'alert' : 'status') : undefined}>
      <Box paddingBlock="space.100">
        <SectionMessage appearance={messageAppearance[kind]}>{children}</SectionMessage>
      </Box>
    </div>
  );
}

const lozengeAppearance = { default: 'default', success: 'success', danger: 'removed', warning: 'moved', info: 'inprogress' } as const;

export function Lozenge({ kind = 'default', children }: { kind?: 'default' | 'success' | 'danger' | 'warning' | 'info'; children: ReactNode }) {
  return <AkLozenge appearance={lozengeAppearance[kind]}>{children}</AkLozenge>;
}

/**
 * An issue key as a link, the way Jira shows keys. `onOpen` navigates through the host (Forge's router), so a click
 * never loads Jira inside the app's frame; the href still tells the user (and a screen reader) where it goes.
 */
export function IssueLink({ issueKey, onOpen, ...rest }: { issueKey: string; onOpen(key: string): void; 'data-focus-key'?: string; 'aria-label'?: string }) {
  return (
    <a
      href={`/browse/${encodeURIComponent(issueKey)}`}
      style={{ color: token('color.link'), font: token('font.body'), fontWeight: token('font.weight.medium') }}
      onClick={(e) => {
        e.preventDefault();
        onOpen(issueKey);
      }}
      {...rest}
    >
      {issueKey}
    </a>
  );
}
