// Line icons of the sighting screens, drawn like src/web/shell/icons.tsx.
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };
const svg = { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;

/** a map pin with an eye: "seen here" */
export const IconSighting = ({ size = 20, ...p }: IconProps) => (
  <svg width={size} height={size} {...svg} {...p}><path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z" /><circle cx="12" cy="9.5" r="2.5" /></svg>
);
/** a list with a pin */
export const IconSightingList = ({ size = 20, ...p }: IconProps) => (
  <svg width={size} height={size} {...svg} {...p}><path d="M4 6h9M4 12h7M4 18h9" /><path d="M18 20s-3-2.7-3-5a3 3 0 0 1 6 0c0 2.3-3 5-3 5z" /></svg>
);
