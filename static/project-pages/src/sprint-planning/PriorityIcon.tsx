import type { ComponentProps } from 'react';
import { token } from '@atlaskit/tokens/token';
import HighestIcon from '@atlaskit/icon/core/priority-highest';
import HighIcon from '@atlaskit/icon/core/priority-high';
import MediumIcon from '@atlaskit/icon/core/priority-medium';
import LowIcon from '@atlaskit/icon/core/priority-low';
import LowestIcon from '@atlaskit/icon/core/priority-lowest';

type Color = ComponentProps<typeof HighIcon>['color'];
const icons: Record<string, [typeof HighIcon, Color]> = {
  Highest: [HighestIcon, token('color.icon.danger') as Color],
  High: [HighIcon, token('color.icon.danger') as Color],
  Medium: [MediumIcon, token('color.icon.warning') as Color],
  Low: [LowIcon, token('color.icon.information') as Color],
  Lowest: [LowestIcon, token('color.icon.information') as Color],
};

/** Jira's priority icon for the five standard priorities (decorative: the name is written next to it). */
export function PriorityIcon({ priority }: { priority: string }) {
  const found = icons[priority];
  if (!found) return null;
  const [Icon, color] = found;
  return <Icon label="" color={color} />;
}
