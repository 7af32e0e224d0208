export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1c4e80" />
      <path d="M18 40c0 5 5 8 13 8 9 0 15-4 15-11 0-13-26-8-26-18 0-4 4-7 10-7 5 0 9 2 11 5" fill="none" stroke="#fff" strokeWidth="6" strokeLinecap="round" />
      <circle cx="47" cy="17" r="4" fill="#f2b134" />
    </svg>
  );
}
