import { useId, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { Fail } from '@rt/contracts';
import { ErrorBanner, Loading } from './components';

/** A check that can be pulled into a checklist: from the check library, or a suggestion. */
export type PickableCheck = { id: string; area?: string; title: string; /** Why or how often, shown muted after the title. */ detail?: ReactNode };

type Props = {
  /** The toggle's text, e.g. "From the check library"; the count of checks is added once known. */
  label: string;
  /** null while loading (the picker shows a spinner); the checks already in the checklist are left out by the caller. */
  checks: PickableCheck[] | null;
  error?: Fail | null;
  /** Accessible name of each Add button: `${addLabel} ${title}` (e.g. "Add library check"). */
  addLabel: string;
  disabled: boolean;
  /** Controls stay focusable but ignore clicks while another action runs. */
  busy?: boolean;
  onAdd(check: PickableCheck): void;
  /** Called the first time the picker opens (to load the library lazily). */
  onOpen?(): void;
  defaultOpen?: boolean;
};

const FILTER_FROM = 6;
const SHOWN = 50;

/**
 * The one "Add checks" picker of the regression panel and the area regression: a collapsed toggle that opens a
 * compact, filterable list with one Add button per check.
 */
export function AddChecksPicker({ label, checks, error, addLabel, disabled, busy = false, onAdd, onOpen, defaultOpen = false }: Props) {
  const [open, setOpen] = useState(defaultOpen);
  const [filter, setFilter] = useState('');
  const listId = useId();
  const toggle = () => {
    if (!open) onOpen?.();
    setOpen(!open);
  };
  const needle = filter.trim().toLowerCase();
  const shown = (checks ?? []).filter((c) => `${c.area ?? ''} ${c.title}`.toLowerCase().includes(needle));
  return (
    <Box paddingBlock="space.050">
      <Button
        appearance="subtle"
        spacing="compact"
        aria-expanded={open}
        aria-controls={listId}
        iconBefore={(p) => (open ? <ChevronDownIcon {...p} size="small" /> : <ChevronRightIcon {...p} size="small" />)}
        onClick={toggle}
      >
        {checks ? `${label} (${checks.length})` : label}
      </Button>
      {open ? (
        <div id={listId} role="region" aria-label={label} style={{ paddingInlineStart: token('space.300') }}>
          {error ? (
            <ErrorBanner error={error} />
          ) : !checks ? (
            <Loading label={`Loading: ${label.toLowerCase()}…`} />
          ) : (
            <Stack space="space.050">
              {checks.length >= FILTER_FROM ? (
                <Box paddingBlockStart="space.050">
                  <div style={{ maxWidth: 320 }}>
                    <Textfield isCompact aria-label={`Filter: ${label}`} placeholder="Filter checks" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
                  </div>
                </Box>
              ) : null}
              {shown.length === 0 ? (
                <Text color="color.text.subtle" size="small">
                  No checks {needle ? 'match' : 'to add'}.
                </Text>
              ) : (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {shown.slice(0, SHOWN).map((c) => (
                    <li key={c.id} style={{ borderBottom: `${token('border.width')} solid ${token('color.border')}`, paddingBlock: token('space.050') }}>
                      <Inline space="space.100" alignBlock="center" spread="space-between">
                        <Text>
                          {c.area ? <Text color="color.text.subtle">{c.area} · </Text> : null}
                          {c.title}
                          {c.detail ? (
                            <Text color="color.text.subtlest" size="small">
                              {' '}
                              ({c.detail})
                            </Text>
                          ) : null}
                        </Text>
                        <Button spacing="compact" isDisabled={disabled} aria-disabled={busy || undefined} aria-label={`${addLabel} ${c.title}`} onClick={() => !busy && onAdd(c)}>
                          Add
                        </Button>
                      </Inline>
                    </li>
                  ))}
                </ul>
              )}
              {shown.length > SHOWN ? (
                <Text color="color.text.subtle" size="small">
                  {shown.length - SHOWN} more: filter to find them.
                </Text>
              ) : null}
            </Stack>
          )}
        </div>
      ) : null}
    </Box>
  );
}
