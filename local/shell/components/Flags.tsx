/**
 * Jira's flags, drawn with Atlaskit's FlagGroup in the bottom-left corner: the shell's own notices and the apps'
 * `showFlag` (their `isAutoDismiss` decides whether a flag goes away by itself; `closeFlag` removes it).
 */
import Flag, { AutoDismissFlag, FlagGroup } from '@atlaskit/flag';

export type ShellFlag = { id: number; title: string; description?: string; appearance?: string; key?: string; autoDismiss?: boolean };

const APPEARANCES = ['error', 'info', 'success', 'warning', 'normal'] as const;
type Appearance = (typeof APPEARANCES)[number];
const appearanceOf = (a: string | undefined): Appearance => (APPEARANCES as readonly string[]).includes(a ?? '') ? (a as Appearance) : 'normal';

export function Flags({ flags, onDismiss }: { flags: ShellFlag[]; onDismiss(id: number): void }) {
  return (
    <FlagGroup label="Notifications" onDismissed={(id) => onDismiss(Number(id))}>
      {[...flags].reverse().map((f) => {
        const props = { id: f.id, key: f.id, title: f.title, description: f.description, appearance: appearanceOf(f.appearance), testId: 'rt-flag' };
        return f.autoDismiss === false ? <Flag {...props} /> : <AutoDismissFlag {...props} />;
      })}
    </FlagGroup>
  );
}
