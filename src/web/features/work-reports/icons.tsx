// Line icons of the work-report screens, drawn like src/web/shell/icons.tsx.
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };
const svg = { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;

export const IconBriefcase = ({ size = 20, ...p }: IconProps) => (
  <svg width={size} height={size} {...svg} {...p}><rect x="3" y="7" width="18" height="13" rx="2" /><path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2" /><path d="M3 13h18" /></svg>
);
export const IconWorkerReport = ({ size = 20, ...p }: IconProps) => (
  <svg width={size} height={size} {...svg} {...p}><rect x="3" y="7" width="18" height="13" rx="2" /><path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2" /><path d="M12 11v6M9 14h6" /></svg>
);
export const IconHome = ({ size = 20, ...p }: IconProps) => (
  <svg width={size} height={size} {...svg} {...p}><path d="M3 11l9-7 9 7" /><path d="M5 10v10h14V10" /><path d="M10 20v-5h4v5" /></svg>
);
